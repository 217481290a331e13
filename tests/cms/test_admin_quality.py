"""The admin is easy to find one's way in: search, filters, help on every field, and no other host."""

import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse

from cms.models import Helpline
from events.factories import EventPageFactory, VenueFactory
from events.models import Borough, EventIndexPage, EventPage, Venue
from home.models import HomePage, ProgrammeIndexPage, ProgrammePage, StandardPage
from partners.models import PartnerAgency, PartnerIndexPage
from tests.conftest import LANGUAGES
from tests.events.conftest import publish

pytestmark = pytest.mark.django_db

PROJECT_APPS = ["cms", "home", "events", "partners"]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"

# Rows the site writes itself, never edited by hand: stored sessions and the cache's version number.
INTERNAL_MODELS = {"events.occurrence", "cms.contentversion"}


def wagtail_field_names(model: type[models.Model]) -> set[str]:
    """Fields a Wagtail or modelcluster base class brings (page tree, locale, revisions, order...)."""
    names = set()
    for base in model.__mro__[1:]:
        if (
            isinstance(base, type)
            and issubclass(base, models.Model)
            and base is not models.Model
            and base.__module__.startswith(("wagtail", "modelcluster", "django"))
        ):
            names |= {field.name for field in base._meta.get_fields() if getattr(field, "concrete", False)}
    return names


def editor_fields() -> list[tuple[str, models.Field]]:
    found = []
    for app_label in PROJECT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model._meta.label_lower in INTERNAL_MODELS:
                continue
            inherited = wagtail_field_names(model)
            for field in model._meta.concrete_fields:
                if field.name in inherited or field.auto_created or not field.editable:
                    continue
                if field.many_to_one and field.name == "page" and field.__class__.__name__ == "ParentalKey":
                    continue  # the event or programme a row belongs to
                found.append((f"{model._meta.label}.{field.name}", field))
    return found


def test_every_editor_facing_field_has_help_text():
    fields = editor_fields()
    assert len(fields) > 60
    missing = [name for name, field in fields if not str(field.help_text).strip()]
    assert missing == []


@pytest.fixture(scope="module")
def catalogues() -> dict[str, dict[str, str]]:
    found = {}
    for code in LANGUAGES[1:]:
        po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
        found[code] = {entry.msgid: entry.msgstr for entry in po if not entry.msgctxt and not entry.fuzzy}
    return found


def test_every_help_text_is_translated_into_every_language(catalogues):
    help_texts = {str(field.help_text) for _name, field in editor_fields()}
    untranslated = [
        (code, text)
        for code, catalogue in catalogues.items()
        for text in sorted(help_texts)
        if not catalogue.get(text) or catalogue[text] == text
    ]
    assert untranslated == []


def listing_titles(response) -> list[str]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [cell.a.get_text(" ", strip=True) for cell in soup.select("table.listing tbody td.title")]


def test_admin_search_finds_event_pages(admin_client):
    event = EventPage.objects.filter(locale__language_code="en").first()
    response = admin_client.get("/admin/pages/search/", {"q": event.title})
    assert response.status_code == 200
    assert f"/admin/pages/{event.pk}/edit/" in response.content.decode()
    # The sidebar's search box goes there too.
    assert admin_client.get("/admin/search/", {"q": event.title}).status_code in (200, 302)


def test_admin_search_finds_a_new_event_as_the_editor_types_and_in_another_language(
    admin_client, django_capture_on_commit_callbacks
):
    index = EventIndexPage.objects.get(locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):  # the search index is updated on commit
        event = publish(EventPageFactory(parent=index, title="Henna and a chat", summary="Tea and talk"))
    response = admin_client.get("/admin/pages/search/", {"q": "henn"})
    assert f"/admin/pages/{event.pk}/edit/" in response.content.decode()
    arabic = EventPage.objects.filter(locale__language_code="ar", alias_of__isnull=True).first()
    response = admin_client.get("/admin/pages/search/", {"q": arabic.title.split()[0]})
    assert f"/admin/pages/{arabic.pk}/edit/" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "query", "expected"),
    [
        ("/admin/snippets/partners/partneragency/", "Refuge", "Refuge"),
        ("/admin/snippets/partners/partneragency/", "Ashia", "Ashiana Network"),  # as she types
        ("/admin/snippets/events/venue/", "Fullwell", "Fullwell Cross Library"),
        ("/admin/snippets/events/venue/", "Fullw", "Fullwell Cross Library"),
        ("/admin/snippets/cms/helpline/", "Domestic", "National Domestic Abuse Helpline"),
    ],
)
def test_snippet_search_finds_partners_venues_and_helplines(admin_client, url, query, expected):
    titles = listing_titles(admin_client.get(url, {"q": query, "locale": "en"}))
    assert any(expected in title for title in titles), titles


def test_venues_filter_by_borough_and_language(admin_client):
    VenueFactory(name="Hackney Library", borough=Borough.HACKNEY)
    titles = listing_titles(admin_client.get("/admin/snippets/events/venue/", {"borough": "hackney", "locale": "en"}))
    expected = Venue.objects.filter(borough=Borough.HACKNEY, locale__language_code="en").values_list("name", flat=True)
    assert sorted(titles) == sorted(expected) and "Hackney Library" in titles
    arabic = listing_titles(admin_client.get("/admin/snippets/events/venue/", {"locale": "ar"}))
    assert sorted(arabic) == sorted(Venue.objects.filter(locale__language_code="ar").values_list("name", flat=True))


def test_helplines_filter_by_language(admin_client):
    titles = listing_titles(admin_client.get("/admin/snippets/cms/helpline/", {"locale": "ur"}))
    assert titles and len(titles) == Helpline.objects.filter(locale__language_code="ur").count()
    html = admin_client.get("/admin/snippets/cms/helpline/").content.decode()
    assert 'name="locale"' in html


def test_partners_filter_by_service_and_language_spoken_in_one_language(admin_client):
    titles = listing_titles(
        admin_client.get("/admin/snippets/partners/partneragency/", {"service": "immigration", "locale": "tr"})
    )
    expected = [
        partner.name
        for partner in PartnerAgency.objects.filter(locale__language_code="tr")
        if "immigration" in partner.services
    ]
    assert sorted(titles) == sorted(expected) and titles


def test_update_check_and_gravatar_are_off():
    assert settings.WAGTAIL_ENABLE_UPDATE_CHECK is False
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


def admin_pages() -> list[str]:
    urls = ["/admin/", "/admin/reports/translation-status/", "/admin/pages/search/?q=safe"]
    for model in (
        HomePage,
        StandardPage,
        ProgrammeIndexPage,
        ProgrammePage,
        EventIndexPage,
        EventPage,
        PartnerIndexPage,
    ):
        urls.append(f"/admin/pages/{model.objects.filter(locale__language_code='en').first().pk}/edit/")
    urls.append(f"/admin/pages/{EventPage.objects.filter(locale__language_code='ar').first().pk}/edit/")
    for model in (PartnerAgency, Venue, Helpline):
        viewset = model.snippet_viewset
        instance = model.objects.filter(locale__language_code="en").first()
        urls += [reverse(viewset.get_url_name("list")), reverse(viewset.get_url_name("edit"), args=[instance.pk])]
    return urls


RESOURCE_TAGS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src", "image": "href"}


def test_the_admin_loads_nothing_from_another_host(admin_client):
    checked = 0
    for url in admin_pages():
        response = admin_client.get(url)
        assert response.status_code == 200, url
        soup = BeautifulSoup(response.content, "html.parser")
        for tag, attribute in RESOURCE_TAGS.items():
            for element in soup.find_all(tag):
                if tag == "link" and "alternate" in element.get("rel", []):
                    continue
                for value in [element.get(attribute, ""), element.get("srcset", "")]:
                    checked += bool(value)
                    assert not re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", value, re.I) or value.startswith(
                        "http://localhost/"
                    ), f"{url} loads {value}"
        # The update check and avatars would call other hosts from the editor's browser.
        html = response.content.decode()
        assert "gravatar" not in html and "releases.wagtail.io" not in html
        assert 'data-controller="w-upgrade"' not in html
    assert checked > 50


def test_venue_search_and_filters_together(admin_client):
    titles = listing_titles(
        admin_client.get("/admin/snippets/events/venue/", {"q": "Crib", "borough": "hackney", "locale": "en"})
    )
    assert titles == ["The Crib youth club"]
    assert (
        listing_titles(admin_client.get("/admin/snippets/events/venue/", {"q": "Crib", "borough": "redbridge"})) == []
    )
