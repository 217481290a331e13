"""The sessions dashboard on the admin home: the next fortnight's sessions, and one-step changes.

What an editor notices: the panel lists the sessions with their status and languages; "Cancel
this date" and "Move or retime" reach every language's pages, the listing, RSS and iCalendar at
once, with a revision trail; someone who may not publish submits to moderation; someone who may
not edit is refused and nothing changes; bad input is a form error or a 404, never a 500.
"""

import datetime

import feedparser
import pytest
import recurring_ical_events
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    PageLogEntry,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from events.factories import EventPageFactory, VenueFactory
from events.models import EventDateChange, EventPage, Occurrence
from events.schedule import LONDON

from .conftest import publish, translate_page

pytestmark = pytest.mark.django_db

NOTICE = "Off this week: the library is closed for repairs."


def london_today() -> datetime.date:
    return timezone.now().astimezone(LONDON).date()


def weekly_event(index, title: str = "Tuesday drop-in", days_ahead: int = 2) -> EventPage:
    import recurrence

    rule = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)])
    first = london_today() + datetime.timedelta(days=days_ahead)
    return publish(EventPageFactory(parent=index, title=title, first_date=first, repeat=rule))


def cancel_url(event: EventPage, day: datetime.date | str) -> str:
    return reverse("events_dashboard_cancel", args=[event.pk, str(day)])


def move_url(event: EventPage, day: datetime.date | str) -> str:
    return reverse("events_dashboard_move", args=[event.pk, str(day)])


def editor(index, *, publish_rights: bool = True, username: str = "editor"):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username, password="pw")
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    codenames = ["add_page", "change_page"] + (["publish_page"] if publish_rights else [])
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group, page=index, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


def not_found(response) -> bool:
    """A 404, possibly after LocaleMiddleware's redirect to the same address under /en/."""
    return response.status_code == 404


def html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def ical_statuses(client, url: str, day: datetime.date) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    calendar = Calendar.from_ical(response.content)
    return [
        str(component.get("STATUS", ""))
        for component in recurring_ical_events.of(calendar).between(day, day + datetime.timedelta(days=1))
    ]


# --- The panel --------------------------------------------------------------------------------


def test_panel_lists_the_next_fortnights_sessions_with_status_venue_and_languages(admin_client, index, polish):
    event = weekly_event(index, "Fortnight drop-in")
    translate_page(event, polish)
    first = event.first_date
    Occurrence.objects.filter(event=event, date=first + datetime.timedelta(days=7)).update(
        status=Occurrence.Status.CANCELLED
    )
    page = html(admin_client, reverse("wagtailadmin_home"))
    assert "Sessions in the next 14 days" in page
    rows = [row for row in page.split('<tr class="sessions-dashboard__session"')[1:] if "Fortnight drop-in" in row]
    shown = [first + datetime.timedelta(days=7 * n) for n in range(3) if 7 * n + 2 <= 15]
    assert [f'data-date="{day}"' in row for row, day in zip(rows, shown, strict=True)] == [True] * len(shown)
    assert "14:00\u201318:00" in rows[0] and event.venue.name in rows[0] and "Scheduled" in rows[0]
    assert "Cancelled" in rows[1] and "<del>" in rows[1]
    assert ">EN<" in rows[0] and ">PL<" in rows[0] and ">BN<" in rows[0] + "*"  # Bengali: the English copy
    assert "BN</abbr>*" in rows[0] and "PL</abbr>*" not in rows[0]
    assert cancel_url(event, first) in rows[0] and move_url(event, first) in rows[0]


def test_panel_needs_the_same_number_of_queries_for_many_events(admin_client, admin_user, index):
    from events.dashboard import dashboard_sessions

    weekly_event(index, "One")
    with CaptureQueriesContext(connection) as few:
        assert len(dashboard_sessions(admin_user)) >= 2
    for n in range(6):
        weekly_event(index, f"Many {n}", days_ahead=n + 1)
    with CaptureQueriesContext(connection) as many:
        assert len(dashboard_sessions(admin_user)) >= 14
    assert len(many) == len(few) <= 3


def test_only_editors_of_the_page_see_the_actions(client, index):
    event = weekly_event(index)
    other_section = index.get_siblings(inclusive=False).first()
    elsewhere = editor(other_section, username="elsewhere")  # edits another section only
    client.force_login(elsewhere)
    page = html(client, reverse("wagtailadmin_home"))
    assert str(event.first_date) in page and cancel_url(event, event.first_date) not in page
    client.force_login(editor(index))
    assert cancel_url(event, event.first_date) in html(client, reverse("wagtailadmin_home"))


# --- Cancelling -------------------------------------------------------------------------------


def test_cancelling_reaches_every_language_listing_feed_and_calendar_at_once(admin_client, client, index, polish):
    from wagtail.models import Locale

    event = weekly_event(index, "Cancel me drop-in")
    romanian = translate_page(event, Locale.objects.get(language_code="ro"))  # a real translation
    day = event.first_date
    revisions_before = event.revisions.count()

    response = admin_client.post(cancel_url(event, day), {"notice": NOTICE})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")

    event.refresh_from_db()
    change = EventDateChange.objects.get(page=event, date=day)
    assert change.action == "cancel" and change.notice == NOTICE
    assert Occurrence.objects.get(event=event, date=day).is_cancelled
    assert event.revisions.count() == revisions_before + 1 and not event.has_unpublished_changes
    assert PageLogEntry.objects.filter(page=event, action="events.cancel_date").exists()
    assert PageLogEntry.objects.filter(page=event, action="wagtail.publish").exists()
    history = html(admin_client, reverse("wagtailadmin_pages:history", args=[event.pk]))
    assert "Cancelled the session of" in history

    bengali = event.get_translation(Locale.objects.get(language_code="bn"))
    polish_page = event.get_translation(polish)
    assert polish_page.alias_of_id == event.pk  # the synchronised tree
    for url in [event.url, polish_page.url, bengali.url, romanian.url]:
        page = html(client, url)
        assert "session--cancelled" in page and "<del>" in page and NOTICE in page, url
    assert f'lang="en" dir="auto">{NOTICE}' in html(client, romanian.url)  # English until translated

    for language in ["en", "pl", "ro"]:
        listing = html(client, f"/{language}/events/?start={day}&end={day}")
        assert NOTICE in listing and "event-list__item--cancelled" in listing and "<del>" in listing
        feed = feedparser.parse(client.get(f"/{language}/events/feed/").content)
        entry = next(e for e in feed.entries if NOTICE in e.summary)
        assert "Cancel me drop-in" in entry.title
        assert ical_statuses(client, f"/{language}/events/calendar.ics", day).count("CANCELLED") == 1
    for url in [event.url, romanian.url]:
        assert "CANCELLED" in ical_statuses(client, f"{url}calendar.ics", day)
    # The following week's session is untouched.
    assert not Occurrence.objects.get(event=event, date=day + datetime.timedelta(days=7)).is_cancelled


def test_cancelling_keeps_someone_elses_draft_unpublished_but_in_the_next_revision(admin_client, client, index):
    event = weekly_event(index)
    draft = event.get_latest_revision_as_object()
    draft.summary = "Unfinished wording, not for the public yet."
    draft.save_revision()
    admin_client.post(cancel_url(event, event.first_date), {"notice": NOTICE})
    event.refresh_from_db()
    assert Occurrence.objects.get(event=event, date=event.first_date).is_cancelled
    assert "Unfinished wording" not in html(client, event.url)
    latest = event.get_latest_revision_as_object()
    assert latest.summary.startswith("Unfinished") and [c.notice for c in latest.date_changes.all()] == [NOTICE]
    assert event.has_unpublished_changes


def test_a_non_superuser_editor_with_publish_rights_publishes(client, index):
    event = weekly_event(index)
    client.force_login(editor(index))
    assert client.get(cancel_url(event, event.first_date)).status_code == 200
    client.post(cancel_url(event, event.first_date), {"notice": NOTICE})
    assert Occurrence.objects.get(event=event, date=event.first_date).is_cancelled


# --- Moving -----------------------------------------------------------------------------------


def test_moving_a_date_to_another_day_time_and_venue(admin_client, client, index, polish):
    event = weekly_event(index, "Move me drop-in")
    day = event.first_date
    new_day = day + datetime.timedelta(days=1)
    hall = VenueFactory(name="Temporary hall")
    form = html(admin_client, move_url(event, day))
    assert f'value="{day}"' in form and 'value="14:00"' in form
    response = admin_client.post(
        move_url(event, day),
        {
            "new_date": str(new_day),
            "new_start_time": "15:00",
            "new_end_time": "17:30",
            "new_venue": hall.pk,
            "notice": "This week only: the day after, in the temporary hall.",
        },
    )
    assert response.status_code == 302
    moved = Occurrence.objects.get(event=event, date=day)
    start = moved.start.astimezone(LONDON)
    assert moved.status == "rescheduled" and start.date() == new_day and start.time() == datetime.time(15)
    assert moved.end.astimezone(LONDON).time() == datetime.time(17, 30) and moved.venue == hall
    change = EventDateChange.objects.get(page=event, date=day)
    assert change.new_date == new_day and change.new_venue == hall
    assert PageLogEntry.objects.filter(page=event, action="events.move_date").exists()
    for url in [event.url, event.get_translation(polish).url]:
        page = html(client, url)
        assert "This week only" in page and "Temporary hall" in page
    feed = feedparser.parse(client.get("/pl/events/feed/").content)
    assert any("This week only" in e.summary for e in feed.entries)
    assert ical_statuses(client, f"{event.url}calendar.ics", new_day) == ["CONFIRMED"]
    assert ical_statuses(client, f"{event.url}calendar.ics", day) == []


def test_retiming_only_stores_the_new_times(admin_client, index):
    event = weekly_event(index)
    day = event.first_date
    admin_client.post(
        move_url(event, day),
        {"new_date": str(day), "new_start_time": "11:00", "new_end_time": "18:00", "notice": "Starts early."},
    )
    change = EventDateChange.objects.get(page=event, date=day)
    assert change.new_date is None and change.new_start_time == datetime.time(11) and change.new_end_time is None


def test_cancelling_a_moved_date_replaces_the_move(admin_client, index):
    event = weekly_event(index)
    day = event.first_date
    admin_client.post(
        move_url(event, day),
        {"new_date": str(day), "new_start_time": "11:00", "new_end_time": "18:00", "notice": "Starts early."},
    )
    admin_client.post(cancel_url(event, day), {"notice": NOTICE})
    assert list(EventDateChange.objects.filter(page=event).values_list("action", "notice")) == [("cancel", NOTICE)]


# --- Rights and moderation --------------------------------------------------------------------


def test_a_user_without_rights_on_the_page_gets_403_and_nothing_changes(client, index):
    from django.contrib.auth import get_user_model

    event = weekly_event(index)
    outsider = get_user_model().objects.create_user("outsider", password="pw")
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    outsider.groups.add(group)
    client.force_login(outsider)
    revisions = event.revisions.count()
    for url in [cancel_url(event, event.first_date), move_url(event, event.first_date)]:
        assert client.get(url).status_code == 403
        data = {"notice": NOTICE, "new_date": str(event.first_date), "new_start_time": "9:00", "new_end_time": "10:00"}
        assert client.post(url, data).status_code == 403
    assert not EventDateChange.objects.filter(page=event).exists()
    assert event.revisions.count() == revisions
    assert not Occurrence.objects.get(event=event, date=event.first_date).is_cancelled
    client.logout()
    assert client.post(cancel_url(event, event.first_date), {"notice": NOTICE}).status_code == 302  # to login
    assert not EventDateChange.objects.filter(page=event).exists()


def test_without_publish_rights_the_change_is_submitted_to_the_pages_workflow(client, index):
    event = weekly_event(index)
    moderators = Group.objects.create(name="Test moderators")
    task = GroupApprovalTask.objects.create(name="Moderator approval")
    task.groups.add(moderators)
    workflow = Workflow.objects.create(name="Two steps")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=index)
    client.force_login(editor(index, publish_rights=False))

    response = client.post(cancel_url(event, event.first_date), {"notice": NOTICE}, follow=True)
    assert "Submitted for moderation" in response.content.decode()
    event.refresh_from_db()
    state = WorkflowState.objects.get(object_id=str(event.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.workflow == workflow
    assert not Occurrence.objects.get(event=event, date=event.first_date).is_cancelled  # not before approval
    assert [c.notice for c in event.get_latest_revision_as_object().date_changes.all()] == [NOTICE]

    # While it waits, Wagtail locks the page for the editor: a second change is refused, nothing changes.
    response = client.post(
        cancel_url(event, event.first_date + datetime.timedelta(days=7)), {"notice": NOTICE}, follow=True
    )
    assert "is locked" in response.content.decode()
    assert WorkflowState.objects.filter(object_id=str(event.pk)).count() == 1
    event.refresh_from_db()
    assert len(event.get_latest_revision_as_object().date_changes.all()) == 1


def test_without_publish_rights_or_workflow_the_change_stays_a_draft_and_says_so(client, index):
    event = weekly_event(index)
    WorkflowPage.objects.filter(page__in=index.get_ancestors(inclusive=True)).delete()
    client.force_login(editor(index, publish_rights=False))
    response = client.post(cancel_url(event, event.first_date), {"notice": NOTICE}, follow=True)
    assert "Saved as a draft only" in response.content.decode()
    event.refresh_from_db()
    assert event.has_unpublished_changes and not WorkflowState.objects.filter(object_id=str(event.pk)).exists()
    assert not Occurrence.objects.get(event=event, date=event.first_date).is_cancelled


# --- Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["garbage", "2026-02-30", "9999-99-99", "0000-01-01", "%00", "2026-1-1x"])
def test_garbage_dates_are_404(admin_client, index, day):
    event = weekly_event(index)
    assert not_found(admin_client.get(f"/admin/events/sessions/{event.pk}/{day}/cancel/", follow=True))
    assert not_found(admin_client.post(f"/admin/events/sessions/{event.pk}/{day}/move/", {"notice": "x"}, follow=True))


def test_dates_outside_the_schedule_past_dates_and_other_pages_are_404(admin_client, index):
    event = weekly_event(index)
    past = EventPage.objects.get(slug="safe2talk-2022-23", locale__language_code="en")
    past_day = Occurrence.objects.filter(event=past).first().date
    translation = event.get_translations().first()
    for url in [
        cancel_url(event, event.first_date + datetime.timedelta(days=1)),  # not a session day
        cancel_url(past, past_day),  # over
        cancel_url(translation, event.first_date),  # not the schedule's page
        cancel_url(index, event.first_date),  # not an event
        reverse("events_dashboard_cancel", args=[999999, str(event.first_date)]),
    ]:
        assert not_found(admin_client.post(url, {"notice": NOTICE}, follow=True)), url
    assert not EventDateChange.objects.filter(page=event).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"notice": "   "},
        {"notice": "Moved.", "new_date": "not a date", "new_start_time": "14:00", "new_end_time": "18:00"},
        {"notice": "Moved.", "new_date": "2020-01-01", "new_start_time": "14:00", "new_end_time": "18:00"},
        {"notice": "Moved.", "new_date": "2999-01-01", "new_start_time": "14:00", "new_end_time": "18:00"},
        {"notice": "Moved.", "new_date": "{day}", "new_start_time": "25:00", "new_end_time": "18:00"},
        {"notice": "Moved.", "new_date": "{day}", "new_start_time": "14:00", "new_end_time": "14:00"},
        {"notice": "Moved.", "new_date": "{day}", "new_start_time": "14:00", "new_end_time": "18:00"},  # no change
        {"notice": "Moved.", "new_date": "{day}", "new_start_time": "14:00", "new_end_time": "17:00", "new_venue": "x"},
    ],
)
def test_bad_form_input_is_a_form_error_and_changes_nothing(admin_client, index, data):
    event = weekly_event(index)
    day = event.first_date
    data = {key: value.replace("{day}", str(day)) for key, value in data.items()}
    url = move_url(event, day) if "new_date" in data else cancel_url(event, day)
    response = admin_client.post(url, data)
    assert response.status_code == 200 and "error" in response.content.decode()
    assert not EventDateChange.objects.filter(page=event).exists()
