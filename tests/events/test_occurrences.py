"""Stored occurrences: built from the authoritative schedule, rebuilt on every change."""

import datetime

import pytest
import recurrence
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from events.factories import EventPageFactory
from events.models import EventDateChange, EventPage, Occurrence
from events.schedule import HORIZON_DAYS, LONDON, UTC

from .conftest import publish, translate_page

pytestmark = pytest.mark.django_db


def london(occurrence: Occurrence) -> tuple[datetime.date, datetime.time, datetime.time]:
    start, end = occurrence.start.astimezone(LONDON), occurrence.end.astimezone(LONDON)
    return start.date(), start.time(), end.time()


def test_the_safe2talk_season_of_2022_to_2023_is_exactly_as_reported():
    season = EventPage.objects.get(slug="safe2talk-2022-23", locale__language_code="en")
    sessions = [london(o) for o in Occurrence.objects.filter(event=season)]
    two, six = datetime.time(14), datetime.time(18)
    assert sessions == [
        (datetime.date(2022, 10, 24), datetime.time(11), datetime.time(19)),  # the pilot, 11am to 7pm
        (datetime.date(2022, 11, 28), two, six),
        (datetime.date(2022, 12, 19), two, six),  # not Boxing Day, the 26th
        (datetime.date(2023, 1, 30), two, six),
        (datetime.date(2023, 2, 27), two, six),
        (datetime.date(2023, 3, 27), two, six),
        (datetime.date(2023, 4, 24), two, six),
    ]
    starts = {o.start.date(): o.start for o in Occurrence.objects.filter(event=season)}
    # 2pm is 14:00 UTC in November (GMT) and 13:00 UTC in late March (BST).
    assert starts[datetime.date(2022, 11, 28)] == datetime.datetime(2022, 11, 28, 14, tzinfo=UTC)
    assert starts[datetime.date(2023, 3, 27)] == datetime.datetime(2023, 3, 27, 13, tzinfo=UTC)
    moved = Occurrence.objects.get(event=season, date=datetime.date(2022, 12, 26))
    assert moved.status == Occurrence.Status.RESCHEDULED and moved.moved_from == datetime.date(2022, 12, 26)


def test_the_current_season_has_three_sessions_going_ahead_and_one_cancelled():
    current = EventPage.objects.get(slug="safe2talk", locale__language_code="en")
    now = timezone.now()
    upcoming = Occurrence.objects.filter(event=current, start__gte=now)
    going_ahead = upcoming.filter(status=Occurrence.Status.SCHEDULED, start__lte=now + datetime.timedelta(days=120))
    assert going_ahead.count() >= 3
    cancelled = upcoming.get(status=Occurrence.Status.CANCELLED)
    assert cancelled.change.notice


def test_an_open_ended_rule_is_stored_up_to_the_horizon_only(index):
    event = publish(
        EventPageFactory(parent=index, repeat=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.DAILY)]))
    )
    last = Occurrence.objects.filter(event=event).last()
    horizon = timezone.now().astimezone(LONDON).date() + datetime.timedelta(days=HORIZON_DAYS)
    assert last.start.astimezone(LONDON).date() == horizon


def test_roll_occurrences_moves_the_horizon_and_keeps_the_past(index):
    event = publish(
        EventPageFactory(
            parent=index,
            first_date=datetime.date(2020, 1, 6),
            repeat=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)]),
        )
    )
    past_before = Occurrence.objects.filter(event=event, start__lt=timezone.now()).count()
    assert past_before > 300
    Occurrence.objects.filter(event=event, start__gte=timezone.now() + datetime.timedelta(days=100)).delete()
    call_command("roll_occurrences", verbosity=0)
    horizon = timezone.now().astimezone(LONDON).date() + datetime.timedelta(days=HORIZON_DAYS)
    assert Occurrence.objects.filter(event=event).last().start.astimezone(LONDON).date() > horizon - datetime.timedelta(
        days=7
    )
    assert Occurrence.objects.filter(event=event, start__lt=timezone.now()).count() == past_before


def test_past_sessions_are_kept_when_the_rule_changes(index):
    event = publish(
        EventPageFactory(
            parent=index,
            first_date=datetime.date(2024, 1, 29),
            repeat=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.MONTHLY, byday=[recurrence.MO(-1)])]),
        )
    )
    past = list(Occurrence.objects.filter(event=event, start__lt=timezone.now()).values_list("start", flat=True))
    event.start_time = datetime.time(10)
    event.repeat = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)])
    publish(event)
    assert (
        list(Occurrence.objects.filter(event=event, start__lt=timezone.now()).values_list("start", flat=True)) == past
    )
    future = Occurrence.objects.filter(event=event, start__gte=timezone.now())
    assert {london(o)[1] for o in future} == {datetime.time(10)}


def test_unpublishing_removes_future_sessions_and_republishing_restores_them(index):
    event = publish(EventPageFactory(parent=index))
    assert Occurrence.objects.filter(event=event).count() == 1
    event.unpublish()
    assert not Occurrence.objects.filter(event=event).exists()
    publish(event)
    assert Occurrence.objects.filter(event=event).count() == 1


def test_a_scheduled_go_live_stores_the_sessions(index):
    event = EventPageFactory(parent=index, live=False)
    revision = event.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert revision.approved_go_live_at
    assert not Occurrence.objects.filter(event=event).exists()
    call_command("publish_scheduled", verbosity=0)
    assert Occurrence.objects.filter(event=event).count() == 1


def test_moving_and_deleting_an_event_rebuilds(index, django_capture_on_commit_callbacks):
    event = publish(EventPageFactory(parent=index))
    key = event.translation_key
    event.move(index, pos="last-child")
    assert Occurrence.objects.filter(event=event).count() == 1
    pk = event.pk
    with django_capture_on_commit_callbacks(execute=True):
        event.delete()
    assert not Occurrence.objects.filter(event__translation_key=key).exists()
    # Wagtail unpublishes a live page, without saving, just before deleting it: nothing is
    # rebuilt for it then (PostgreSQL would refuse the orphaned rows at commit).
    assert not Occurrence.objects.filter(event_id=pk).exists()


def test_a_schedule_change_published_in_english_reaches_polish_without_a_sync(index, client):
    polish_locale = Locale.objects.get(language_code="pl")
    event = publish(EventPageFactory(parent=index, title="Evening drop-in"))
    polish = translate_page(event, polish_locale)
    polish.title = "Wieczorny dyżur"
    publish(polish)

    event.start_time, event.end_time = datetime.time(17, 30), datetime.time(19, 45)
    event.is_free = False
    event.date_changes = [
        EventDateChange(date=event.first_date, action=EventDateChange.Action.CANCEL, notice="The hall is flooded.")
    ]
    publish(event)

    polish.refresh_from_db()
    assert polish.start_time == datetime.time(14)  # the Polish page itself was not synchronised
    html = client.get(polish.url).content.decode()
    assert "17:30" in html and "19:45" in html
    assert '<del><time datetime="' in html
    assert '"isAccessibleForFree": false' in html  # a synchronised fact, read from the English page
    # The notice has no Polish translation yet: shown in English, marked as English.
    assert 'lang="en" dir="auto">The hall is flooded.</span>' in html
    listing = client.get("/pl/events/").content.decode()
    assert "Wieczorny dyżur" in listing and "The hall is flooded." in listing


def test_a_translated_notice_is_shown_in_its_language(index, client, polish):
    event = publish(
        EventPageFactory(
            parent=index,
            date_changes=[
                EventDateChange(
                    date=datetime.date.today() + datetime.timedelta(days=7), action="cancel", notice="Closed."
                )
            ],
        )
    )
    translation = translate_page(event, polish)
    row = translation.date_changes.get()
    row.notice = "Zamknięte."
    row.save()
    html = client.get(translation.url).content.decode()
    assert 'class="session__notice" dir="auto">Zamknięte.</span>' in html
