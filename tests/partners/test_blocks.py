"""The partner-card block on any page, and the shared card's "role" for event pages."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from cms.demo.translate import translate
from home.blocks import BodyBlock
from home.factories import StandardPageFactory
from home.models import HomePage
from partners.blocks import PartnerCardBlock
from partners.factories import PartnerAgencyFactory
from partners.models import PartnerAgency

from .helpers import locale, soup

pytestmark = pytest.mark.django_db


def render_block(partner: PartnerAgency, language: str) -> BeautifulSoup:
    block = PartnerCardBlock()
    request = RequestFactory().get(f"/{language}/", HTTP_HOST="localhost")
    with translation.override(language):
        html = block.render(block.to_python({"partner": partner.pk}), context={"request": request})
    return BeautifulSoup(html, "html.parser")


def test_block_shows_the_readers_translation_of_the_partner_it_points_at():
    english = PartnerAgency.objects.get(slug="refuge", locale=locale("en"))
    polish = english.get_translation(locale("pl"))
    card = render_block(english, "pl")
    link = card.select_one(".partner-card__name a")
    assert link.get_text() == polish.name
    assert link["href"] == "/pl/support-services/refuge/"
    assert card.select_one('a[href="tel:08082000247"]')


def test_block_falls_back_to_the_partner_in_its_own_language():
    partner = PartnerAgencyFactory(name="Hackney Women's Centre")
    name = render_block(partner, "ur").select_one(".partner-card__name")
    assert name["lang"] == "en"
    assert name.get_text(strip=True) == "Hackney Women's Centre"


def test_block_shows_nothing_for_an_unpublished_partner():
    partner = PartnerAgencyFactory(live=False)
    assert render_block(partner, "en").get_text(strip=True) == ""


def test_block_is_offered_in_every_page_body_and_renders_on_a_page(client):
    assert "partner" in BodyBlock.base_blocks
    refuge = PartnerAgency.objects.get(slug="refuge", locale=locale("en"))
    home = HomePage.objects.get(locale=locale("en"))
    StandardPageFactory(
        parent=home, slug="who-helps", body=[{"type": "partner", "value": {"partner": refuge.pk}}]
    ).save_revision().publish()
    page = soup(client.get("/en/who-helps/"))
    assert page.select_one(".partner-card .partner-card__name").get_text(strip=True) == "Refuge"


def test_card_can_say_what_a_partner_does_at_a_session():
    refuge = PartnerAgency.objects.select_related("locale").get(slug="refuge", locale=locale("en"))
    request = RequestFactory().get("/en/", HTTP_HOST="localhost")
    with translation.override("en"):
        html = render_to_string(
            "partners/includes/partner_card.html",
            {"partner": refuge, "role": "Domestic abuse specialist", "heading_level": "h3", "request": request},
        )
    card = BeautifulSoup(html, "html.parser")
    assert card.find("h3").get_text(strip=True) == "Refuge"
    assert "Domestic abuse specialist" in card.select_one(".partner-card__role").get_text()


def translate_page_with_card(partner: PartnerAgency, django_capture_on_commit_callbacks) -> None:
    """Publish /en/who-helps/ with a card for `partner`, and translate it into Polish through wagtail-localize."""
    home = HomePage.objects.get(locale=locale("en"))
    page = StandardPageFactory(
        parent=home, slug="who-helps", body=[{"type": "partner", "value": {"partner": partner.pk}}]
    )
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate(page, locale("pl"))


def test_translated_page_points_its_card_at_the_partners_translation(client, django_capture_on_commit_callbacks):
    refuge = PartnerAgency.objects.get(slug="refuge", locale=locale("en"))
    translate_page_with_card(refuge, django_capture_on_commit_callbacks)
    polish_page = HomePage.objects.get(locale=locale("pl")).get_children().get(slug="who-helps").specific
    assert polish_page.alias_of_id is None
    assert polish_page.body[0].value["partner"] == refuge.get_translation(locale("pl"))
    name = soup(client.get("/pl/who-helps/")).select_one(".partner-card__name")
    assert name.get_text(strip=True) == refuge.get_translation(locale("pl")).name
    assert not name.has_attr("lang")


def test_translated_page_keeps_an_untranslated_partner_in_english(client, django_capture_on_commit_callbacks):
    # wagtail-localize keeps the source partner (or skips the segment) when the partner has no
    # translation yet (its issues 648 and 710); the reader must still see the partner, in English.
    partner = PartnerAgencyFactory(name="Hackney Women's Centre")
    translate_page_with_card(partner, django_capture_on_commit_callbacks)
    name = soup(client.get("/pl/who-helps/")).select_one(".partner-card__name")
    assert name.get_text(strip=True) == "Hackney Women's Centre"
    assert name["lang"] == "en"
    # Once the partner is translated, the page shows the translation without being re-translated.
    with django_capture_on_commit_callbacks(execute=True):
        polish_partner = translate(partner, locale("pl"))
    polish_partner.name = "Centrum Kobiet w Hackney"
    polish_partner.save()
    name = soup(client.get("/pl/who-helps/")).select_one(".partner-card__name")
    assert name.get_text(strip=True) == "Centrum Kobiet w Hackney"
