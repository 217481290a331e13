"""iCalendar files, read with icalendar and expanded with recurring-ical-events as calendar apps do.

The promise: whatever window a calendar app shows, it finds exactly the sessions (start, end,
status) that the site's own occurrence table holds, in London time across clock changes.
"""

import datetime

import pytest
import recurrence
import recurring_ical_events
from django.core.cache import cache
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from events.factories import EventPageFactory
from events.ical import MAX_EXCEPTION_DATES
from events.models import EventDateChange, EventPage, Occurrence
from events.schedule import LONDON
from events.syndication import CALENDAR_DAYS_BEHIND, FEED_DAYS_AHEAD
from tests.conftest import LANGUAGES

from .conftest import publish

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
Session = tuple[datetime.datetime, datetime.datetime, str]


def fetch(client, url: str) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].endswith('.ics"')
    assert not response.cookies
    return Calendar.from_ical(response.content)


def expand(calendar: Calendar, start: datetime.date, end: datetime.date) -> list[Session]:
    sessions = []
    for component in recurring_ical_events.of(calendar).between(start, end):
        status = "cancelled" if str(component.get("STATUS", "")) == "CANCELLED" else "on"
        sessions.append((component.start.astimezone(UTC), component.end.astimezone(UTC), status))
    return sorted(sessions)


def stored(event: EventPage, start: datetime.date, end: datetime.date) -> list[Session]:
    """The site's own sessions of `event` that overlap [start, end), as the expansion reports them."""
    window_start = datetime.datetime.combine(start, datetime.time(), tzinfo=LONDON)
    window_end = datetime.datetime.combine(end, datetime.time(), tzinfo=LONDON)
    occurrences = Occurrence.objects.filter(event=event, end__gt=window_start, start__lt=window_end)
    return sorted(
        (o.start.astimezone(UTC), o.end.astimezone(UTC), "cancelled" if o.is_cancelled else "on") for o in occurrences
    )


def season() -> EventPage:
    return EventPage.objects.get(slug="safe2talk-2022-23", locale__language_code="en")


def london(day: int, month: int, year: int, hour: int) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=LONDON).astimezone(UTC)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_2022_23_season_is_exactly_the_seven_sessions_of_the_seed(client, language):
    calendar = fetch(client, f"/{language}/events/safe2talk-2022-23/calendar.ics")
    on = "on"
    assert expand(calendar, datetime.date(2022, 1, 1), datetime.date(2024, 1, 1)) == [
        (london(24, 10, 2022, 11), london(24, 10, 2022, 19), on),  # the pilot, 11am to 7pm, summer time
        (london(28, 11, 2022, 14), london(28, 11, 2022, 18), on),  # after the October clock change
        (london(19, 12, 2022, 14), london(19, 12, 2022, 18), on),  # moved from Boxing Day
        (london(30, 1, 2023, 14), london(30, 1, 2023, 18), on),
        (london(27, 2, 2023, 14), london(27, 2, 2023, 18), on),
        (london(27, 3, 2023, 14), london(27, 3, 2023, 18), on),  # the day after the March clock change
        (london(24, 4, 2023, 14), london(24, 4, 2023, 18), on),
    ]


def test_the_series_is_one_rule_in_london_time_with_overrides(client):
    calendar = fetch(client, "/en/events/safe2talk-2022-23/calendar.ics")
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    events = calendar.walk("VEVENT")
    masters = [event for event in events if "RECURRENCE-ID" not in event]
    assert len(masters) == 1
    master = masters[0]
    assert master["DTSTART"].params["TZID"] == "Europe/London"
    assert master["DTEND"].params["TZID"] == "Europe/London"
    rule = master["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"] and rule["BYDAY"] == ["-1MO"]
    assert rule["UNTIL"][0].tzinfo is not None and rule["UNTIL"][0].utcoffset() == datetime.timedelta(0)
    assert "UNTIL" not in master  # only inside the rule
    overrides = {event["RECURRENCE-ID"].dt.date(): event for event in events if "RECURRENCE-ID" in event}
    assert set(overrides) == {datetime.date(2022, 10, 24), datetime.date(2022, 12, 26)}
    assert overrides[datetime.date(2022, 12, 26)]["DTSTART"].dt.date() == datetime.date(2022, 12, 19)
    assert "Boxing Day" in overrides[datetime.date(2022, 12, 26)]["DESCRIPTION"]
    for event in events:
        for name in ("UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE", "LOCATION", "DESCRIPTION", "URL", "SUMMARY"):
            assert name in event, name
        assert event["UID"] == master["UID"]


def test_a_cancelled_date_is_a_cancelled_override_that_calendars_keep(client):
    event = EventPage.objects.get(slug="safe2talk", locale__language_code="en")
    cancelled = Occurrence.objects.get(event=event, status=Occurrence.Status.CANCELLED)
    for language in ["en", "pl", "ar"]:
        calendar = fetch(client, f"/{language}/events/safe2talk/calendar.ics")
        override = next(
            e
            for e in calendar.walk("VEVENT")
            if "RECURRENCE-ID" in e and e["RECURRENCE-ID"].dt.date() == cancelled.date
        )
        assert override["STATUS"] == "CANCELLED"
        assert "EXDATE" not in next(e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" not in e)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_events_calendar_matches_the_stored_sessions_over_any_window(client, language):
    today = timezone.now().astimezone(LONDON).date()
    windows = [
        (datetime.date(2020, 1, 1), today + datetime.timedelta(days=400)),
        (today, today + datetime.timedelta(days=35)),
        (datetime.date(2022, 11, 1), datetime.date(2023, 3, 27)),
        (datetime.date(2023, 3, 27), datetime.date(2023, 3, 28)),
    ]
    for event in EventPage.objects.live().filter(locale__language_code="en"):
        calendar = fetch(client, f"/{language}/events/{event.slug}/calendar.ics")
        for start, end in windows:
            assert expand(calendar, start, end) == stored(event, start, end), (event.slug, start, end)


def test_times_stay_in_london_wall_clock_across_both_clock_changes(client, index):
    event = EventPageFactory(parent=index, title="Weekly", first_date=datetime.date(2026, 10, 5))
    event.repeat = recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.WEEKLY, until=datetime.datetime(2027, 4, 26, tzinfo=UTC))]
    )
    publish(event)
    calendar = fetch(client, f"/en/events/{event.slug}/calendar.ics")
    sessions = expand(calendar, datetime.date(2026, 10, 1), datetime.date(2027, 5, 1))
    assert sessions == stored(event, datetime.date(2026, 10, 1), datetime.date(2027, 5, 1))
    assert len(sessions) == 30
    assert {start.astimezone(LONDON).hour for start, _end, _status in sessions} == {14}
    assert {end.astimezone(LONDON).hour for _start, end, _status in sessions} == {18}


def test_a_series_needing_too_many_exceptions_becomes_separate_events(client, index):
    event = EventPageFactory(parent=index, title="Gappy", first_date=datetime.date(2026, 1, 5))
    excluded = [datetime.datetime(2026, 1, 5, tzinfo=UTC) + datetime.timedelta(days=2 * n + 1) for n in range(70)]
    event.repeat = recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.DAILY, until=datetime.datetime(2026, 6, 1, tzinfo=UTC))], exdates=excluded
    )
    publish(event)
    calendar = fetch(client, f"/en/events/{event.slug}/calendar.ics")
    events = calendar.walk("VEVENT")
    assert all("RRULE" not in e and len(e.get("EXDATE", [])) <= MAX_EXCEPTION_DATES for e in events)
    assert len({e["UID"] for e in events}) == len(events)
    window = (datetime.date(2025, 12, 1), datetime.date(2026, 7, 1))
    assert expand(calendar, *window) == stored(event, *window)


def test_an_event_that_ends_after_midnight_and_an_excluded_first_date(client, index):
    event = EventPageFactory(
        parent=index,
        title="Late",
        first_date=datetime.date(2027, 3, 20),
        start_time=datetime.time(22),
        end_time=datetime.time(2),
    )
    event.repeat = recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.WEEKLY, count=4)], exdates=[datetime.datetime(2027, 3, 20, tzinfo=UTC)]
    )
    event.date_changes = [EventDateChange(date=datetime.date(2027, 4, 3), action="note", notice="Bring ID.")]
    publish(event)
    calendar = fetch(client, f"/en/events/{event.slug}/calendar.ics")
    window = (datetime.date(2027, 3, 1), datetime.date(2027, 5, 1))
    assert expand(calendar, *window) == stored(event, *window)
    assert len(stored(event, *window)) == 3


def subscribed() -> tuple[datetime.datetime, datetime.datetime]:
    """The subscribable calendar's window: recent and upcoming sessions."""
    now = timezone.now()
    return now - datetime.timedelta(days=CALENDAR_DAYS_BEHIND), now + datetime.timedelta(days=FEED_DAYS_AHEAD)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_subscribable_calendar_lists_recent_and_upcoming_public_sessions(client, language):
    calendar = fetch(client, f"/{language}/events/calendar.ics")
    assert calendar["X-WR-CALNAME"]
    events = calendar.walk("VEVENT")
    assert len({e["UID"] for e in events}) == len(events)
    since, until = subscribed()
    occurrences = Occurrence.objects.filter(end__gte=since, start__lt=until, event__live=True)
    expected = sorted(
        (o.start.astimezone(UTC), o.end.astimezone(UTC), "cancelled" if o.is_cancelled else "on") for o in occurrences
    )
    assert expand(calendar, datetime.date(2020, 1, 1), datetime.date(2040, 1, 1)) == expected
    assert any(e["STATUS"] == "CANCELLED" for e in events)


def test_a_full_subscribable_calendar_keeps_the_sessions_to_come(client, index, monkeypatch):
    """Beyond its size limit, the calendar keeps the soonest sessions, then the latest past ones."""
    today = timezone.now().astimezone(LONDON).date()
    event = EventPageFactory(parent=index, title="Every day", first_date=today - datetime.timedelta(days=20))
    event.repeat = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.DAILY, count=40)])
    publish(event)

    def sessions(limit: int) -> list[tuple[datetime.datetime, datetime.datetime]]:
        monkeypatch.setattr("events.ical.CALENDAR_MAX_SESSIONS", limit)
        cache.clear()  # the response cached for the last limit
        events = fetch(client, "/en/events/calendar.ics").walk("VEVENT")
        return sorted((e.decoded("DTSTART").astimezone(UTC), e.decoded("DTEND").astimezone(UTC)) for e in events)

    everything = sessions(10_000)
    upcoming = [session for session in everything if session[1] >= timezone.now()]
    past = [session for session in everything if session[1] < timezone.now()]
    assert len(upcoming) > 10 and len(past) > 10
    assert sessions(10) == upcoming[:10]
    assert sessions(len(upcoming) + 5) == past[-5:] + upcoming


def test_the_subscribable_calendar_is_filtered_like_the_listing(client):
    all_events = fetch(client, "/en/events/calendar.ics").walk("VEVENT")
    engagement = fetch(client, "/en/events/calendar.ics?kind=engagement").walk("VEVENT")
    assert len(engagement) < len(all_events)
    assert all("Hackney" in str(e["SUMMARY"]) for e in engagement)
    assert len(fetch(client, "/en/events/calendar.ics?kind=%ff&start=tomorrow").walk("VEVENT")) == len(all_events)


def test_calendars_are_advertised(client):
    event_page = client.get("/pl/events/safe2talk/").content.decode()
    assert 'rel="alternate" type="text/calendar"' in event_page
    assert 'href="/pl/events/safe2talk/calendar.ics"' in event_page
    for url in ["/en/events/", "/pl/"]:
        html = client.get(url).content.decode()
        assert f'href="/{url.split("/")[1]}/events/calendar.ics"' in html


def test_private_and_unpublished_events_have_no_calendar(client, index):
    private = publish(EventPageFactory(parent=index, title="Private", first_date=datetime.date.today()))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(f"/en/events/{private.slug}/calendar.ics")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert "Private" not in client.get("/en/events/calendar.ics").content.decode()
    private.unpublish()
    assert client.get(f"/en/events/{private.slug}/calendar.ics").status_code == 404


def test_control_characters_in_editor_text_never_break_a_calendar(client, index):
    event = EventPageFactory(parent=index, title="Tab\tand\x01nul\x1b \u202eevil", first_date=datetime.date.today())
    event.date_changes = [EventDateChange(date=datetime.date.today(), action="cancel", notice="No;\nsession,\x07")]
    publish(event)
    for url in [f"/en/events/{event.slug}/calendar.ics", "/en/events/calendar.ics"]:
        calendar = fetch(client, url)
        summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
        assert any("nul" in summary and "\x01" not in summary and "\u202e" not in summary for summary in summaries)
