"""A page that exists in English is reachable in every language, and says when it is not translated."""

import re

import pytest
from wagtail.models import Locale, Page

from home.models import StandardPage
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

POLISH_NOTICE = "Ta strona nie została jeszcze przetłumaczona; wyświetlamy ją po angielsku."
ARABIC_NOTICE = "لم تُترجم هذه الصفحة بعد، لذلك نعرضها باللغة الإنجليزية."


def english_home() -> Page:
    return Page.objects.get(depth=2, locale__language_code="en")


def publish_english_page(slug: str = "winter-opening-hours") -> StandardPage:
    page = StandardPage(
        title="Winter opening hours",
        slug=slug,
        introduction="The library closes early in December.",
        body=[{"type": "paragraph", "value": "<p>Come before four o'clock.</p>"}],
    )
    english_home().add_child(instance=page)
    page.save_revision().publish()
    return page


def content_element(html: str) -> str:
    """The opening tag of the element that wraps the page's editor text."""
    return re.search(r'<(?:article|div) class="page-content"[^>]*>', html).group(0)


@pytest.mark.parametrize("language", ["pl", "ar"])
def test_a_page_published_in_english_is_shown_in_english_in_every_language(client, language):
    publish_english_page()
    response = client.get(f"/{language}/winter-opening-hours/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert 'lang="en" dir="ltr"' in content_element(html)
    assert "Winter opening hours" in html
    notice = re.search(r'<p class="untranslated-notice" role="note">(.*?)</p>', html).group(1)
    assert notice == {"pl": POLISH_NOTICE, "ar": ARABIC_NOTICE}[language]


def test_an_english_page_has_no_notice_and_no_language_override(client):
    publish_english_page()
    html = client.get("/en/winter-opening-hours/").content.decode()
    assert "untranslated-notice" not in html
    assert "lang=" not in content_element(html)


def test_a_new_english_page_appears_in_every_language_tree_and_switcher(client):
    page = publish_english_page()
    assert sorted(page.get_translations(inclusive=True).live().values_list("locale__language_code", flat=True)) == (
        sorted(LANGUAGES)
    )
    html = client.get("/ur/winter-opening-hours/").content.decode()
    for code in LANGUAGES:
        assert f'href="/{code}/winter-opening-hours/" lang="{code}"' in html


def test_a_translated_page_is_marked_in_its_own_language(client):
    html = client.get("/pl/about/").content.decode()
    assert "untranslated-notice" not in html
    assert "lang=" not in content_element(html)


def test_an_unpublished_translation_falls_back_to_english(client):
    Page.objects.get(slug="about", locale__language_code="pl").unpublish()
    response = client.get("/pl/about/?from=link")
    assert response.status_code == 302
    assert response["Location"] == "/en/about/?from=link"


def test_a_language_without_a_live_home_page_redirects_to_english(client):
    polish = Locale.objects.get(language_code="pl")
    english_home().get_translation(polish).unpublish()
    for path in ["/pl/", "/pl/staying-safe-online/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"] == path.replace("/pl/", "/en/", 1)


def test_a_page_missing_from_a_language_tree_redirects_to_english(client):
    page = publish_english_page()
    page.get_translation(Locale.objects.get(language_code="tr")).delete()
    response = client.get("/tr/winter-opening-hours/")
    assert response.status_code == 302
    assert response["Location"] == "/en/winter-opening-hours/"


def test_a_page_that_does_not_exist_anywhere_is_still_a_404(client):
    assert client.get("/pl/no-such-page/").status_code == 404
    assert client.get("/en/no-such-page/").status_code == 404
