import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from cms.models import SafetySettings
from tests.public_pages import PUBLIC_URLS, PublicURL

pytestmark = pytest.mark.django_db

LINK = re.compile(r"<a\b[^>]*>")


def links(response) -> list[str]:
    body = response.content.decode().split("<body", 1)[1]
    return LINK.findall(body)


@pytest.mark.parametrize("url", PUBLIC_URLS, ids=lambda url: url.id)
def test_exit_link_comes_straight_after_the_skip_link_and_works_without_javascript(client, url: PublicURL):
    skip, exit_link = links(client.get(url.path))[:2]
    assert 'class="skip-link"' in skip
    assert 'href="https://www.bbc.co.uk/weather"' in exit_link
    assert 'rel="nofollow noreferrer"' in exit_link


def test_exit_target_is_the_site_setting(client):
    safety = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    safety.exit_url = "https://www.example.com/forecast"
    safety.save()
    for language in ["en", "ur"]:
        assert 'href="https://www.example.com/forecast"' in links(client.get(f"/{language}/"))[1]


def test_the_script_is_our_own_file_and_carries_its_messages_in_the_markup(client):
    content = client.get("/en/").content.decode()
    assert '<script src="/static/js/exit-this-page.js" defer></script>' in content
    for attribute in ["data-press-two-more-times", "data-press-one-more-time", "data-timed-out", "data-activated"]:
        assert attribute in content
    assert 'role="status"' in content


@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://www.bbc.co.uk/weather", "/en/", "weather"])
def test_exit_target_must_be_an_https_address(url):
    safety = SafetySettings(exit_url=url, site=Site.objects.get(is_default_site=True))
    with pytest.raises(ValidationError) as error:
        safety.full_clean(exclude=["site"])
    assert "exit_url" in error.value.message_dict
