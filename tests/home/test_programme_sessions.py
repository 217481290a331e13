"""A programme's page lists its sessions: those of the events whose programme it is, in every language."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from events.factories import EventPageFactory
from events.models import EventDateChange, EventIndexPage, EventPage
from home.factories import ProgrammePageFactory
from home.models import ProgrammeIndexPage, ProgrammePage
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

NEXT_WEEK = datetime.date.today() + datetime.timedelta(days=7)


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def sessions_section(page: BeautifulSoup):
    return page.find(id="programme-sessions-heading").find_parent("section")


def titles(section) -> list[str]:
    return [link.get_text() for link in section.select(".event-list__title a")]


@pytest.fixture
def programme() -> ProgrammePage:
    index = ProgrammeIndexPage.objects.get(locale__language_code="en")
    page = ProgrammePageFactory(parent=index, slug="night-safety", title="Night safety")
    page.save_revision().publish()  # every other language's tree gets an alias
    return page


def session_of(programme: ProgrammePage | None, title: str, day: datetime.date = NEXT_WEEK, **fields) -> EventPage:
    index = EventIndexPage.objects.get(locale__language_code="en")
    event = EventPageFactory(parent=index, title=title, first_date=day, programme=programme, **fields)
    event.save_revision().publish()
    return event


def test_programme_lists_the_sessions_of_its_events_only(client, programme):
    session_of(programme, "Night safety workshop", NEXT_WEEK + datetime.timedelta(days=1))
    session_of(programme, "Night safety walk")
    session_of(None, "Unrelated drop-in")
    section = sessions_section(soup(client.get("/en/programmes/night-safety/")))
    assert titles(section) == ["Night safety walk", "Night safety workshop"]  # soonest first
    more = section.select("a")[-1]
    assert more["href"] == "/en/events/?programme=night-safety"
    listing = soup(client.get(more["href"])).select_one(".event-list").get_text()
    assert "Night safety walk" in listing and "Unrelated drop-in" not in listing


def test_cancelled_session_is_struck_through_with_its_notice(client, programme):
    session_of(
        programme,
        "Night safety walk",
        date_changes=[EventDateChange(date=NEXT_WEEK, action="cancel", notice="Cancelled: the hall is closed.")],
    )
    item = sessions_section(soup(client.get("/en/programmes/night-safety/"))).select_one(".event-list__item")
    assert "event-list__item--cancelled" in item["class"]
    assert item.select_one("del time") and "the hall is closed" in item.get_text()


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_an_untranslated_programme_finds_its_sessions_in_every_language(client, programme, language):
    session_of(programme, "Night safety walk")
    page = ProgrammePage.objects.get(translation_key=programme.translation_key, locale__language_code=language)
    assert page.alias_of_id == programme.pk
    section = sessions_section(soup(client.get(f"/{language}/programmes/night-safety/")))
    link = section.select_one(".event-list__title a")
    assert (link.get_text(), link["lang"]) == ("Night safety walk", "en")
    assert link["href"] == f"/{language}/events/night-safety-walk/"


def test_a_translated_programme_finds_the_sessions_of_events_pointing_at_the_english_one(client, programme):
    polish = Locale.objects.get(language_code="pl")
    ProgrammePage.objects.get(translation_key=programme.translation_key, locale=polish).delete()
    translated = programme.copy_for_translation(polish)
    translated.title = "Bezpieczna noc"
    translated.save_revision().publish()
    session_of(programme, "Night safety walk")
    page = soup(client.get("/pl/programmes/night-safety/"))
    assert page.find("h1").get_text() == "Bezpieczna noc"
    assert titles(sessions_section(page)) == ["Night safety walk"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_metgirlz_has_no_sessions_of_its_own_and_links_to_safe2talk(client, language):
    # Safe2Talk grew out of MetGirlz but is open to everyone: it is not one of the programme's sessions.
    page = soup(client.get(f"/{language}/programmes/metgirlz/"))
    section = sessions_section(page)
    assert not section.select(".event-list")
    assert section.select_one(f'a[href="/{language}/events/"]')
    assert page.select_one(f'main a[href="/{language}/events/safe2talk/"]')


def test_programme_page_queries_do_not_grow_with_the_number_of_events(client, programme, uncached):
    def sessions(numbers: range) -> None:
        for number in numbers:
            day = NEXT_WEEK + datetime.timedelta(days=number)
            changes = [EventDateChange(date=day, action="cancel", notice="Cancelled for the test.")]
            session_of(programme, f"Session {number}", day, date_changes=changes)

    def count(url: str) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    sessions(range(2))
    few = {url: count(url) for url in ("/en/programmes/night-safety/", "/ar/programmes/night-safety/")}
    sessions(range(2, 22))
    assert {url: count(url) for url in few} == few
