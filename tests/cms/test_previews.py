"""Editors preview every page type, and partner agencies and venues, with the public templates."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from events.factories import VenueFactory
from events.models import EventIndexPage, EventPage, Venue
from home.models import HomePage, ProgrammeIndexPage, ProgrammePage, StandardPage
from partners.factories import PartnerAgencyFactory
from partners.models import PartnerIndexPage
from tests.cms.admin_forms import edit_form_data

pytestmark = pytest.mark.django_db

PAGE_TYPES = [HomePage, StandardPage, ProgrammeIndexPage, ProgrammePage, EventIndexPage, EventPage, PartnerIndexPage]
PREVIEW_LANGUAGES = ["en", "ar"]  # English, and a right-to-left language
MARKER = "Preview of an unsaved change"


def public_cache_keys() -> list[str]:
    return [key for key in cache._cache if "public-response" in key]


def preview(admin_client, edit_url: str, changes: dict[str, str], preview_url: str = ""):
    """Post the edit form with `changes` to the preview endpoint, as the preview panel does, then show it."""
    preview_url = preview_url or edit_url + "preview/"
    data = edit_form_data(admin_client.get(edit_url).content)
    data.update({name: [value] for name, value in changes.items()})
    posted = admin_client.post(preview_url, data)
    assert posted.status_code == 200
    assert posted.json() == {"is_valid": True, "is_available": True}
    return admin_client.get(preview_url + "?in_preview_panel=true")


def assert_public_template(response, template: str, language: str, text: str = MARKER) -> None:
    assert response.status_code == 200
    assert template in [t.name for t in response.templates]
    html = BeautifulSoup(response.content, "html.parser").html
    assert html["lang"] == language
    assert html["dir"] == ("rtl" if language == "ar" else "ltr")
    assert text in response.content.decode()
    # The admin's looser policy lets the preview panel frame it; still nothing from another origin.
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "default-src 'self'" in policy and "http" not in policy
    assert "private" in response["Cache-Control"]
    assert public_cache_keys() == []


def assert_public_page_unchanged(client, page: Page) -> None:
    """The preview changed nothing that visitors see, and left nothing in the public cache."""
    public = client.get(page.url)
    assert public.status_code == 200
    assert MARKER not in public.content.decode()
    assert Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().title != MARKER


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_previews_with_its_public_template(admin_client, client, model):
    page = model.objects.filter(locale__language_code="en").first()
    field = "summary" if model in (EventPage, ProgrammePage) else "title"
    response = preview(admin_client, f"/admin/pages/{page.pk}/edit/", {field: MARKER})
    assert_public_template(response, page.get_template(response.wsgi_request), "en")
    admin_client.logout()
    assert_public_page_unchanged(client, page)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_previews_in_a_right_to_left_translation(admin_client, model):
    """A translator previews from wagtail-localize's editor: the translation, in Arabic, right to left."""
    page = model.objects.get(
        locale__language_code="ar",
        alias_of__isnull=True,
        translation_key__in=[
            english.translation_key for english in model.objects.filter(locale__language_code="en")[:1]
        ],
    )
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    editor = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    preview_url = f"/admin/localize/translate/{translation.pk}/preview/"
    assert preview_url in editor.content.decode()
    response = admin_client.get(preview_url)
    assert_public_template(response, page.get_template(response.wsgi_request), "ar", text=page.title)


@pytest.mark.parametrize("language", PREVIEW_LANGUAGES)
def test_a_partner_agency_previews_with_the_public_partner_page(admin_client, language):
    partner = PartnerAgencyFactory(name="Harrow Green Women's Aid", locale=Locale.objects.get(language_code=language))
    url = f"/admin/snippets/partners/partneragency/edit/{partner.pk}/"
    preview_url = f"/admin/snippets/partners/partneragency/preview/{partner.pk}/"
    response = preview(admin_client, url, {"short_description": MARKER}, preview_url)
    assert_public_template(response, "partners/partner_agency.html", language)


@pytest.mark.parametrize("language", PREVIEW_LANGUAGES)
def test_a_venue_previews_with_the_public_venue_template(admin_client, language):
    venue = VenueFactory(name="Harrow Green Library", locale=Locale.objects.get(language_code=language))
    url = f"/admin/snippets/events/venue/edit/{venue.pk}/"
    response = preview(admin_client, url, {"directions": MARKER}, f"/admin/snippets/events/venue/preview/{venue.pk}/")
    assert_public_template(response, "events/venue.html", language)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text(strip=True) == venue.name
    assert "events/includes/venue.html" in [t.name for t in response.templates]
    venue.refresh_from_db()
    assert venue.directions != MARKER


def test_the_venue_editor_offers_the_preview_panel(admin_client):
    venue = Venue.objects.filter(locale__language_code="en").first()
    html = admin_client.get(f"/admin/snippets/events/venue/edit/{venue.pk}/").content.decode()
    assert f"/admin/snippets/events/venue/preview/{venue.pk}/" in html


def test_a_new_venue_previews_before_it_is_saved(admin_client):
    data = edit_form_data(admin_client.get("/admin/snippets/events/venue/add/").content)
    data.update({"name": ["Harrow Green Library"], "address": ["7 Cathall Road"], "borough": ["waltham-forest"]})
    data["directions"] = [MARKER]
    assert admin_client.post("/admin/snippets/events/venue/preview/", data).json()["is_valid"] is True
    response = admin_client.get("/admin/snippets/events/venue/preview/")
    assert_public_template(response, "events/venue.html", "en")
