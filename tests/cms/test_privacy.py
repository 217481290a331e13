import re

import pytest

from tests.public_pages import PUBLIC_URLS, PublicURL

pytestmark = pytest.mark.django_db

# Every element through which a page could make the browser load something.
RESOURCE_TAG = re.compile(r"<(?:script|img|link|iframe|source|video|audio|embed|object|input)\b[^>]*>")
RESOURCE_ATTRIBUTE = re.compile(r'\b(?:src|href|srcset|data|poster)="([^"]*)"')


@pytest.mark.parametrize("url", PUBLIC_URLS, ids=lambda url: url.id)
def test_public_pages_set_no_cookie(client, url: PublicURL):
    response = client.get(url.path)
    assert response.status_code == url.page.status
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.content.decode()


@pytest.mark.parametrize("url", PUBLIC_URLS, ids=lambda url: url.id)
def test_public_pages_load_nothing_from_another_origin(client, url: PublicURL):
    content = client.get(url.path).content.decode()
    tags = RESOURCE_TAG.findall(content)
    assert any("stylesheet" in tag for tag in tags)
    for tag in tags:
        # <link rel="alternate"> names this page in other languages on this site; it loads nothing.
        if 'rel="alternate"' in tag:
            continue
        for value in RESOURCE_ATTRIBUTE.findall(tag):
            assert value.startswith(("/", "data:")) and not value.startswith("//"), tag
