"""The support-services directory: every partner, filters that never fail, a fixed query count."""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail_factories import ImageFactory

from partners.factories import PartnerAgencyFactory
from tests.conftest import LANGUAGES

from .helpers import card_names, locale, queries_for, soup

pytestmark = pytest.mark.django_db

DEMO_NAMES = {"Ashiana Network", "Metropolitan Police", "Redbridge Violence Against Women and Girls Service", "Refuge"}


def test_directory_lists_every_demo_partner_with_a_link_to_its_page(client):
    page = soup(client.get("/en/support-services/"))
    assert set(card_names(page)) == DEMO_NAMES
    links = {link.get_text(strip=True): link["href"] for link in page.select(".partner-card__name a")}
    assert links["Refuge"] == "/en/support-services/refuge/"
    assert client.get(links["Refuge"]).status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_directory_exists_in_every_language_with_the_same_helpline(client, language):
    page = soup(client.get(f"/{language}/support-services/"))
    assert len(card_names(page)) == 4
    tel = page.select_one('a[href="tel:08082000247"] bdi')
    assert tel.get_text() == "0808 2000 247"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("service=immigration", {"Ashiana Network"}),
        ("language=pl", {"Refuge"}),
        ("service=domestic-abuse", {"Ashiana Network", "Redbridge Violence Against Women and Girls Service", "Refuge"}),
        ("service=domestic-abuse&language=ur", {"Ashiana Network"}),
        ("service=reporting", {"Metropolitan Police"}),
    ],
)
def test_filters_narrow_the_directory(client, query, expected):
    page = soup(client.get(f"/en/support-services/?{query}"))
    assert set(card_names(page)) == expected
    assert page.select_one(".filters__summary a")["href"] == "/en/support-services/"


def test_filters_keep_the_current_choice_and_offer_only_what_partners_provide(client):
    page = soup(client.get("/en/support-services/?language=pl"))
    assert page.select_one("#filter-language option[selected]")["value"] == "pl"
    services = [option["value"] for option in page.select("#filter-service option")]
    assert "immigration" in services
    assert "counselling" not in services  # no demo partner offers it


def test_no_match_says_so_and_still_offers_the_way_back(client):
    page = soup(client.get("/en/support-services/?service=immigration&language=pl"))
    assert card_names(page) == []
    assert "No support service matches" in page.get_text()
    # A valid but unoffered service stays selected, so the reader sees what was asked for.
    selected = soup(client.get("/en/support-services/?service=counselling")).select_one("#filter-service [selected]")
    assert selected["value"] == "counselling"


@pytest.mark.parametrize(
    "query",
    [
        "service=bogus",
        "language=xx",
        "service=%00&language=%FF",
        "service=" + "a" * 5000,
        "service[]=housing",
        "service=housing&service=",
        "language=<script>",
    ],
)
def test_bad_filter_values_are_ignored_not_an_error(client, query):
    page = soup(client.get(f"/en/support-services/?{query}"))
    assert len(card_names(page)) >= 3


def test_filters_apply_in_other_languages_with_names_in_that_language(client):
    page = soup(client.get("/ar/support-services/?language=pl"))
    assert len(card_names(page)) == 1
    option = page.select_one('#filter-language option[value="pl"]')
    with translation.override("ar"):
        assert option.get_text() == gettext("Polish") != "Polish"


def test_untranslated_partner_appears_in_english_marked_as_english(client):
    PartnerAgencyFactory(name="Hackney Women's Centre", slug="hackney-womens-centre")
    page = soup(client.get("/pl/support-services/"))
    name = next(tag for tag in page.select(".partner-card__name") if "Hackney" in tag.get_text())
    assert name["lang"] == "en"
    assert name.find_parent("article")["lang"] == "pl"
    assert name.a["href"] == "/pl/support-services/hackney-womens-centre/"
    # Translated partners are not marked.
    refuge = page.select_one('.partner-card__name a[href="/pl/support-services/refuge/"]').parent
    assert not refuge.has_attr("lang")


def test_drafts_stay_off_the_public_site(client):
    PartnerAgencyFactory(name="Not published yet", live=False)
    english_refuge_translation = PartnerAgencyFactory._meta.model.objects.get(slug="refuge", locale=locale("tr"))
    english_refuge_translation.live = False
    english_refuge_translation.save()
    assert "Not published yet" not in card_names(soup(client.get("/en/support-services/")))
    # The Turkish reader still finds Refuge, in English, while its translation is unpublished.
    turkish = soup(client.get("/tr/support-services/"))
    assert "Refuge" in card_names(turkish)
    assert turkish.select_one('a[href="/tr/support-services/refuge/"]').parent["lang"] == "en"


def add_partners(count: int) -> None:
    """Partners as editors make them: some with logos, some translated into Polish."""
    polish = locale("pl")
    for number in range(count):
        partner = PartnerAgencyFactory(logo=ImageFactory(), languages=["en", "pl"], services=["housing"])
        if number % 2:
            translation = partner.copy_for_translation(polish)
            translation.name = f"Tłumaczenie {number}"
            translation.save()


@pytest.mark.parametrize("url", ["/pl/support-services/", "/en/support-services/?service=housing&language=pl"])
def test_directory_queries_do_not_grow_with_the_number_of_partners(client, settings, tmp_path, url, uncached):
    settings.MEDIA_ROOT = tmp_path
    add_partners(2)
    few = queries_for(client, url)
    add_partners(20)
    many = queries_for(client, url)
    assert len(card_names(soup(client.get(url)))) >= 22
    assert many == few
