import re

import pytest
from wagtail.models import Locale, Page

from tests.conftest import LANGUAGES, RTL_LANGUAGES

pytestmark = pytest.mark.django_db


def html_attributes(response) -> dict[str, str]:
    tag = re.search(r"<html([^>]*)>", response.content.decode()).group(1)
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_home_page_has_its_language_and_direction(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    attributes = html_attributes(response)
    assert attributes["lang"] == language
    assert attributes["dir"] == ("rtl" if language in RTL_LANGUAGES else "ltr")


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("pl", "/pl/"), ("ur-PK,ur;q=0.9,en;q=0.5", "/ur/"), ("de-DE,de;q=0.9", "/en/"), ("", "/en/")],
)
def test_root_redirects_by_accept_language_without_a_cookie(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert not response.cookies
    assert "Accept-Language" in response["Vary"]


def switcher_languages(response) -> list[str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S).group(0)
    return re.findall(r'hreflang="([\w-]+)"', nav)


def test_switcher_names_each_language_in_its_own_script(client):
    content = client.get("/en/about/").content.decode()
    for name in ["English", "বাংলা", "اردو", "Türkçe", "polski", "Română", "العربيّة"]:
        assert name in content


def test_switcher_lists_live_translations_only(client):
    assert switcher_languages(client.get("/en/about/")) == LANGUAGES
    polish_about = Page.objects.get(slug="about", locale=Locale.objects.get(language_code="pl"))
    polish_about.unpublish()
    languages = switcher_languages(client.get("/en/about/"))
    assert "pl" not in languages
    assert languages == [code for code in LANGUAGES if code != "pl"]


def test_switcher_links_to_the_same_page_in_each_language(client):
    content = client.get("/tr/staying-safe-online/").content.decode()
    for code in LANGUAGES:
        assert f'href="/{code}/staying-safe-online/" lang="{code}"' in content


def live_child(parent: Page, model: type[Page], **fields) -> Page:
    """The demo's live child page of this type, or a new one if the demo has none yet."""
    existing = model.objects.child_of(parent).live().first()
    if existing:
        return existing
    page = model(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def index_pages() -> list[str]:
    """Paths (below the language prefix) of a programme index, a programme, an events index and a directory."""
    from events.models import EventIndexPage
    from home.models import ProgrammeIndexPage, ProgrammePage
    from partners.models import PartnerIndexPage

    home = Page.objects.get(depth=2, locale__language_code="en")
    programmes = live_child(home, ProgrammeIndexPage, title="Programmes", slug="programmes")
    pages = [
        programmes,
        live_child(programmes, ProgrammePage, title="Youth programme", slug="youth-programme"),
        live_child(home, EventIndexPage, title="Events", slug="events"),
        live_child(home, PartnerIndexPage, title="Support services", slug="support-services"),
    ]
    return [page.url_path[len(home.url_path) :] for page in pages]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_page_answers_in_every_language_with_its_direction(client, index_pages, language):
    direction = "rtl" if language in RTL_LANGUAGES else "ltr"
    pages = ["", "about/", "staying-safe-online/", "search/?q=police", "events/safe2talk/", "support-services/refuge/"]
    for path in [*pages, *index_pages]:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
        assert html_attributes(response) == {"lang": language, "dir": direction}, path
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ["", "about/", *index_pages]:
        assert f"<loc>http://localhost/{language}/{path}</loc>" in sitemap
