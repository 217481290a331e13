"""Search answers in the reader's language, over that language's live public pages only."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from tests.conftest import LANGUAGES, RTL_LANGUAGES

pytestmark = pytest.mark.django_db


def result_links(response) -> list[str]:
    return re.findall(r'<a class="search-results__link" href="([^"]+)"', response.content.decode())


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_page_answers_in_every_language(client, language):
    response = client.get(f"/{language}/search/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{"rtl" if language in RTL_LANGUAGES else "ltr"}">' in html
    assert '<meta name="robots" content="noindex">' in html


def test_results_come_from_the_active_language_only(client):
    english = client.get("/en/search/?q=police")
    assert result_links(english)
    assert all(link.startswith("/en/") for link in result_links(english))
    bengali = client.get("/bn/search/?q=পুলিশ")
    assert result_links(bengali)
    assert all(link.startswith("/bn/") for link in result_links(bengali))


def test_untranslated_pages_are_found_in_english_and_marked_as_english(client):
    home = Page.objects.get(depth=2, locale__language_code="en", live=True)
    page = StandardPage(title="Winter opening hours", slug="winter-opening-hours", introduction="Closes early.")
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/ar/search/?q=winter").content.decode()
    assert re.search(
        r'<li class="search-results__item" lang="en" dir="ltr">\s*<a [^>]*href="/ar/winter-opening-hours/"', html
    )


def test_unpublished_and_private_pages_are_not_found(client):
    about = Page.objects.get(slug="about", locale__language_code="en")
    about.unpublish()
    assert "/en/about/" not in result_links(client.get("/en/search/?q=police"))
    safe = Page.objects.get(slug="staying-safe-online", locale__language_code="en")
    PageViewRestriction.objects.create(page=safe, restriction_type=PageViewRestriction.LOGIN)
    assert "/en/staying-safe-online/" not in result_links(client.get("/en/search/?q=private"))


@pytest.mark.parametrize(
    "query",
    ["", "   ", '"', "'", "*", "AND", "OR NOT", "NEAR(a b)", "a" * 10_000, "%00\x01\x7f", "<script>", "ن" * 300],
)
def test_odd_queries_are_answered_calmly(client, query):
    response = client.get("/ur/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_a_very_long_query_is_shortened_and_says_so(client):
    response = client.get("/pl/search/", {"q": "police " * 2000})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="search-note"' in html
    assert 'maxlength="200"' in html


@pytest.mark.parametrize("page_number", ["0", "-1", "999", "1.5", "x" * 500, ""])
def test_bad_page_numbers_give_a_page_of_results(client, page_number):
    assert client.get("/en/search/", {"q": "police", "page": page_number}).status_code == 200


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=60))
def test_any_text_is_answered_without_an_error(client, query):
    assert client.get("/ar/search/", {"q": query}).status_code == 200
