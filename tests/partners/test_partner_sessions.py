"""A partner's own page lists the upcoming sessions where someone from it will be."""

import datetime
import re

import pytest
from django.utils import translation

from events.factories import EventPageFactory
from events.models import EventDateChange, EventIndexPage, EventPage, EventPartner
from partners.factories import PartnerAgencyFactory
from partners.models import PartnerAgency

from .helpers import locale, queries_for, soup

pytestmark = pytest.mark.django_db

NEXT_WEEK = datetime.date.today() + datetime.timedelta(days=7)


def sessions_section(page):
    return page.find(id="partner-sessions-heading").find_parent("section")


def event_with(partner: PartnerAgency, title: str, day: datetime.date = NEXT_WEEK, **fields) -> EventPage:
    index = EventIndexPage.objects.get(locale__language_code="en")
    event = EventPageFactory(parent=index, title=title, first_date=day, **fields)
    event.partners = [EventPartner(partner=partner, role="staff")]
    event.save_revision().publish()
    return event


@pytest.mark.parametrize("language", ["en", "pl", "ur"])
@pytest.mark.parametrize("slug", ["refuge", "metropolitan-police"])
def test_partner_page_lists_the_upcoming_safe2talk_sessions_in_the_readers_language(client, language, slug):
    section = sessions_section(soup(client.get(f"/{language}/support-services/{slug}/")))
    safe2talk = EventPage.objects.get(slug="safe2talk", locale=locale(language))
    titles = [link.get_text() for link in section.select(".event-list__title a")]
    assert titles and set(titles) == {safe2talk.title}  # the 2022-23 season and Hackney are past
    assert {link["href"] for link in section.select(".event-list__title a")} == {f"/{language}/events/safe2talk/"}
    assert not section.select(".event-list__title a[lang]")  # the demo events are translated
    # The cancelled session stays in the list, struck through, with its notice in the reader's language.
    cancelled = section.select_one(".event-list__item--cancelled")
    assert cancelled.select_one("del time")
    notice = EventDateChange.objects.get(page=safe2talk, action="cancel").notice
    assert cancelled.select_one(".session__notice").get_text() == notice
    # ...and a link to all of them, in the listing of the same language.
    partner = PartnerAgency.objects.get(slug=slug, locale=locale("en"))
    more = section.find("a", href=re.compile(r"\?partner="))
    assert more["href"] == f"/{language}/events/?partner={partner.translation_key}"
    listing = soup(client.get(more["href"]))
    assert safe2talk.title in listing.select_one(".event-list").get_text()


def test_sessions_are_soonest_first_and_never_past_or_unpublished(client):
    refuge = PartnerAgency.objects.get(slug="refuge", locale=locale("en"))
    event_with(refuge, "Tomorrow's workshop", datetime.date.today() + datetime.timedelta(days=1))
    event_with(refuge, "Last year's workshop", datetime.date.today() - datetime.timedelta(days=365))
    draft = event_with(refuge, "Draft workshop")
    draft.unpublish()
    section = sessions_section(soup(client.get("/en/support-services/refuge/")))
    titles = [link.get_text() for link in section.select(".event-list__title a")]
    assert titles[0] == "Tomorrow's workshop"
    assert "Last year's workshop" not in titles and "Draft workshop" not in titles
    starts = [time["datetime"] for time in section.select(".event-list__when time")]
    assert starts == sorted(starts)


def test_an_untranslated_event_is_listed_in_english_marked_as_english(client):
    refuge = PartnerAgency.objects.get(slug="refuge", locale=locale("en"))
    event_with(refuge, "Tomorrow's workshop", datetime.date.today() + datetime.timedelta(days=1))
    section = sessions_section(soup(client.get("/pl/support-services/refuge/")))
    first = section.select_one(".event-list__title a")
    assert (first.get_text(), first["lang"]) == ("Tomorrow's workshop", "en")
    assert first["href"] == "/pl/events/tomorrows-workshop/"


def test_a_partner_without_sessions_says_so_in_the_readers_language(client):
    PartnerAgencyFactory(slug="quiet-centre")
    section = sessions_section(soup(client.get("/ro/support-services/quiet-centre/")))
    assert not section.select(".event-list")
    with translation.override("ro"):
        expected = translation.gettext(
            "No sessions with this organisation are planned at the moment. You can still contact them directly."
        )
    assert expected in section.get_text()


def test_an_untranslated_partner_finds_the_sessions_of_its_english_events(client):
    centre = PartnerAgencyFactory(name="Hackney Women's Centre", slug="hackney-womens-centre")
    event_with(centre, "Evening drop-in")
    section = sessions_section(soup(client.get("/ar/support-services/hackney-womens-centre/")))
    assert [link.get_text() for link in section.select(".event-list__title a")] == ["Evening drop-in"]


@pytest.mark.parametrize("url", ["/en/support-services/refuge/", "/ur/support-services/refuge/"])
def test_partner_page_queries_do_not_grow_with_the_number_of_events(client, url, uncached):
    refuge = PartnerAgency.objects.get(slug="refuge", locale=locale("en"))

    def workshops(numbers: range) -> None:
        # Each with a venue and a cancelled date with a notice, as the demo's Safe2Talk has.
        for number in numbers:
            day = NEXT_WEEK + datetime.timedelta(days=number)
            changes = [EventDateChange(date=day, action="cancel", notice="Cancelled for the test.")]
            event_with(refuge, f"Workshop {number}", day, date_changes=changes)

    workshops(range(2))
    few = queries_for(client, url)
    workshops(range(2, 22))
    assert queries_for(client, url) == few
