import re

import pytest
from wagtail.models import Page

from tests.conftest import RTL_LANGUAGES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ur", "ar", "pl"])
def test_not_found_page_is_in_the_visitors_language_and_carries_the_exit_control(client, language):
    response = client.get(f"/{language}/no-page-has-this-address/")
    assert response.status_code == 404
    content = response.content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language in RTL_LANGUAGES else "ltr"}">' in content
    assert 'class="exit-this-page__button"' in content
    assert '<section class="helplines"' in content
    assert f'href="/{language}/"' in content


def test_a_path_without_a_language_is_sent_to_the_visitors_language_first(client):
    response = client.get("/no-page-has-this-address/", HTTP_ACCEPT_LANGUAGE="ur")
    assert response.status_code == 302
    assert response["Location"] == "/ur/no-page-has-this-address/"


def test_not_found_reveals_nothing_about_unpublished_pages(client):
    """An unpublished page answers exactly like an address that never existed.

    (Unpublished in one language only, it falls back to English instead: cms.i18n.)"""
    for about in Page.objects.filter(slug="about"):
        about.unpublish()
    unpublished = client.get("/pl/about/")
    missing = client.get("/pl/zzzzz/")
    assert unpublished.status_code == missing.status_code == 404
    assert unpublished.content.decode().replace("about", "zzzzz") == missing.content.decode()


def test_not_found_shows_no_technical_detail(client):
    content = client.get("/en/%3Cscript%3Ealert(1)%3C/script%3E/").content.decode()
    assert "<script>alert" not in content
    assert not re.search(r"Traceback|urlpatterns|Django", content)
