"""Programme pages: who they are for, what happens, how to join, and who runs them."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.factories import ProgrammePageFactory
from home.models import ProgrammeIndexPage, ProgrammePage, ProgrammePartner
from partners.factories import PartnerAgencyFactory
from partners.models import PartnerAgency
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def in_locale(model, code: str, **lookup):
    return model.objects.get(locale__language_code=code, **lookup)


@pytest.mark.parametrize("language", LANGUAGES)
def test_metgirlz_in_every_language(client, language):
    page = soup(client.get(f"/{language}/programmes/metgirlz/"))
    text = page.get_text(" ")
    metgirlz = in_locale(ProgrammePage, language, slug="metgirlz")
    assert metgirlz.alias_of_id is None  # a real translation, not the English page
    assert page.find("h1").get_text() == "MetGirlz"
    assert "16" in text and "19" in text and "2015" in text
    # The programme's own partner, then the support services from its body, each in the reader's language.
    names = [name.get_text(strip=True) for name in page.select(".partner-card__name")]
    expected = [
        in_locale(PartnerAgency, language, slug=slug).name
        for slug in ("refuge", "redbridge-vawg", "ashiana-network", "metropolitan-police")
    ]
    assert sorted(names) == sorted(expected)
    assert page.select_one('a[href="tel:999"]')


def test_programme_facts_are_the_same_in_every_language():
    english = in_locale(ProgrammePage, "en", slug="metgirlz")
    for code in LANGUAGES[1:]:
        translated = in_locale(ProgrammePage, code, slug="metgirlz")
        assert (translated.age_min, translated.age_max, translated.founded_year) == (16, 19, 2015)
        assert translated.summary != english.summary
        assert [link.partner_id for link in translated.programme_partners.all()] == [
            link.partner_id for link in english.programme_partners.all()
        ]


def make_programme(partners: list[PartnerAgency]) -> ProgrammePage:
    index = in_locale(ProgrammeIndexPage, "en", slug="programmes")
    programme = ProgrammePageFactory(parent=index, slug="night-safety", title="Night safety")
    for order, partner in enumerate(partners):
        ProgrammePartner.objects.create(page=programme, partner=partner, sort_order=order)
    # Publishing gives every other language's tree an alias of the new page (cms.signal_handlers).
    programme.save_revision().publish()
    return programme


def test_programme_lists_its_partners_in_the_editors_order(client):
    partners = [PartnerAgencyFactory(name=name) for name in ("Zebra Trust", "Alpha Aid", "Middle Way")]
    make_programme(partners)
    page = soup(client.get("/en/programmes/night-safety/"))
    names = [name.get_text(strip=True) for name in page.select("#programme-partners-heading ~ ul .partner-card__name")]
    assert names == ["Zebra Trust", "Alpha Aid", "Middle Way"]


def test_programme_shows_translated_partners_and_english_ones_marked_as_english(client):
    refuge = in_locale(PartnerAgency, "en", slug="refuge")
    untranslated = PartnerAgencyFactory(name="Hackney Women's Centre")
    hidden = PartnerAgencyFactory(name="Draft partner", live=False)
    make_programme([refuge, untranslated, hidden])
    # The Polish tree shows the programme as an alias until it is translated; partners still localise.
    page = soup(client.get("/pl/programmes/night-safety/"))
    cards = page.select("#programme-partners-heading ~ ul .partner-card__name")
    assert [card.get_text(strip=True) for card in cards] == [
        in_locale(PartnerAgency, "pl", slug="refuge").name,
        "Hackney Women's Centre",
    ]
    assert not cards[0].has_attr("lang")
    assert cards[1]["lang"] == "en"


def test_programme_page_queries_do_not_grow_with_its_partners(client, uncached):
    programme = make_programme([PartnerAgencyFactory() for _ in range(2)])

    def count() -> int:
        client.get("/en/programmes/night-safety/")
        with CaptureQueriesContext(connection) as context:
            assert client.get("/en/programmes/night-safety/").status_code == 200
        return len(context.captured_queries)

    few = count()
    for order in range(2, 12):
        ProgrammePartner.objects.create(page=programme, partner=PartnerAgencyFactory(), sort_order=order)
    programme.save_revision().publish()
    assert count() == few


def test_age_range_reads_naturally():
    with translation.override("en"):
        check_age_ranges()


def check_age_ranges():
    assert ProgrammePage(age_min=16, age_max=19).age_range() == "Ages 16 to 19"
    assert ProgrammePage(age_min=16).age_range() == "Ages 16 and over"
    assert ProgrammePage(age_max=25).age_range() == "Up to age 25"
    assert ProgrammePage().age_range() == ""


def test_oldest_age_cannot_be_below_youngest():
    programme = ProgrammePage(title="Mixed up", slug="mixed-up", age_min=19, age_max=16)
    with pytest.raises(ValidationError) as error:
        programme.clean()
    assert "age_max" in error.value.message_dict


@pytest.mark.parametrize("language", LANGUAGES)
def test_programme_index_lists_metgirlz(client, language):
    page = soup(client.get(f"/{language}/programmes/"))
    link = page.select_one(f'.programme-summary a[href="/{language}/programmes/metgirlz/"]')
    assert link.get_text() == "MetGirlz"
