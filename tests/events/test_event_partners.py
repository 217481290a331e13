"""'Who will be there' on an event page: the partner agencies in order, with their role, on the shared card."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from events.factories import EventPageFactory
from events.models import EventPage, EventPartner
from partners.models import PartnerAgency
from tests.conftest import LANGUAGES

from .conftest import partner, publish, translate_page

pytestmark = pytest.mark.django_db

SAFE2TALK_ORDER = ["metropolitan-police", "redbridge-vawg", "refuge", "ashiana-network"]


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def who_will_be_there(page: BeautifulSoup) -> list:
    """The cards of the ordered list under the 'Who will be there' heading, in order."""
    partners = page.select_one("main ol.event-partners")
    assert partners.find_previous_sibling("h2").get_text(strip=True)
    return [item.select_one(".partner-card") for item in partners.find_all("li", recursive=False)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", ["safe2talk", "safe2talk-2022-23"])
def test_safe2talk_lists_its_four_partners_in_order_with_roles(client, language, slug):
    page = soup(client.get(f"/{language}/events/{slug}/"))
    cards = who_will_be_there(page)
    locale = Locale.objects.get(language_code=language)
    expected = [PartnerAgency.objects.get(slug=key, locale=locale).name for key in SAFE2TALK_ORDER]
    assert [card.select_one(".partner-card__name").get_text(strip=True) for card in cards] == expected
    # The shared card: a link to the partner's page under the directory of the same language.
    links = [card.select_one(".partner-card__name a")["href"] for card in cards]
    assert links == [f"/{language}/support-services/{key}/" for key in SAFE2TALK_ORDER]
    roles = [card.select_one(".partner-card__role span").get_text() for card in cards]
    event = EventPage.objects.get(slug=slug, locale=locale)
    assert roles == [row.role for row in event.partners.all()]
    if language != "en":
        english = EventPage.objects.get(slug=slug, locale__language_code="en")
        assert set(roles).isdisjoint(row.role for row in english.partners.all()), "a role is still in English"
        assert not any(card.select_one(".partner-card__role span").has_attr("lang") for card in cards)
    # Numbers are the same in every language: 999 on the police card, the national helpline on Refuge's.
    assert cards[0].select_one('a[href="tel:999"]')
    assert cards[2].select_one('a[href="tel:08082000247"]').get_text() == "0808 2000 247"


@pytest.mark.parametrize("language", LANGUAGES)
def test_hackney_evening_lists_the_youth_engagement_team(client, language):
    page = soup(client.get(f"/{language}/events/womens-engagement-evening-hackney/"))
    cards = who_will_be_there(page)
    police = PartnerAgency.objects.get(slug="metropolitan-police", locale__language_code=language)
    assert [card.select_one(".partner-card__name").get_text(strip=True) for card in cards] == [police.name]
    assert cards[0].select_one(".partner-card__role").get_text(strip=True)


def test_each_slot_is_in_the_readers_language_or_english_marked_as_english(client, index, polish):
    refuge = partner("Refuge Eastern European Service", pl="Refuge: pomoc dla osób z Europy Wschodniej")
    ashiana = partner("Ashiana Network")
    draft_name = partner("Redbridge VAWG Service", pl="Szkic")
    PartnerAgency.objects.filter(locale=polish, name="Szkic").update(live=False)
    unpublished = partner("Unpublished agency")
    PartnerAgency.objects.filter(pk=unpublished.pk).update(live=False)
    unpublished.refresh_from_db()
    event = EventPageFactory(parent=index, title="Drop-in with partners")
    event.partners = [
        EventPartner(partner=refuge, role="a support worker"),
        EventPartner(partner=ashiana, role="an immigration solicitor"),
        EventPartner(partner=draft_name, role=""),
        EventPartner(partner=unpublished, role="hidden"),
    ]
    publish(event)
    translation = translate_page(event, polish)
    row = translation.partners.get(translation_key=event.partners.get(partner=ashiana).translation_key)
    row.role = "prawniczka imigracyjna"
    row.save()
    # A row added in English after the translation was made has no Polish row yet.
    refuge_key = event.partners.get(partner=refuge).translation_key
    EventPartner.objects.filter(page=translation, translation_key=refuge_key).delete()

    english = who_will_be_there(soup(client.get(event.url)))
    assert [card.select_one(".partner-card__name").get_text(strip=True) for card in english] == [
        "Refuge Eastern European Service",
        "Ashiana Network",
        "Redbridge VAWG Service",
    ]
    assert english[1].select_one(".partner-card__role span").get_text() == "an immigration solicitor"
    assert not english[2].select(".partner-card__role")  # no role given: no empty line

    cards = who_will_be_there(soup(client.get(translation.url)))
    assert len(cards) == 3  # the unpublished partner is left out, never an empty slot
    names = [card.select_one(".partner-card__name") for card in cards]
    roles = [card.select_one(".partner-card__role span") for card in cards[:2]]
    assert names[0].get_text(strip=True) == "Refuge: pomoc dla osób z Europy Wschodniej"
    assert not names[0].has_attr("lang")
    assert (roles[0].get_text(), roles[0]["lang"]) == ("a support worker", "en")  # role not translated yet
    assert (names[1].get_text(strip=True), names[1]["lang"]) == ("Ashiana Network", "en")
    assert roles[1].get_text() == "prawniczka imigracyjna" and not roles[1].has_attr("lang")
    assert (names[2].get_text(strip=True), names[2]["lang"]) == ("Redbridge VAWG Service", "en")  # draft translation
    # The card's interface words are Polish; only the partner's own text is marked as English.
    assert cards[1]["lang"] == "pl"
    assert cards[1].select_one(".partner-card__description")["lang"] == "en"
