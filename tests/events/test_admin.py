"""The event editor in Wagtail's admin: the repeat widget's scripts and its translations."""

import json

import pytest
import recurrence
from django.urls import reverse
from wagtail.users.models import UserProfile

from events.factories import EventPageFactory
from events.models import EventPage

pytestmark = pytest.mark.django_db


def test_repeat_widget_labels_come_in_the_editors_admin_language(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ar"
    profile.save()
    catalogue = admin_client.get(reverse("events_recurrence_jsi18n")).content.decode()
    assert json.dumps("إضافة قاعدة") in catalogue  # "Add rule"


def test_editor_loads_catalogue_widget_and_fixes_in_order(admin_client):
    event = EventPage.objects.get(slug="safe2talk", locale__language_code="en")
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    order = [
        reverse("events_recurrence_jsi18n"),
        "recurrence/js/recurrence.js",
        "recurrence/js/recurrence-widget.js",
        "events/admin/recurrence-fixes.js",
        "recurrence/js/recurrence-widget.init.js",
    ]
    positions = [html.index(f'src="{script}' if script.startswith("/") else script) for script in order]
    assert positions == sorted(positions)
    assert "events/admin/recurrence-fixes.css" in html


def test_dates_from_any_browser_are_stored_as_the_picked_day(index):
    # As the unpatched widget sent them from Dhaka (UTC+6) and New York (UTC-5).
    stored = recurrence.deserialize("RRULE:FREQ=MONTHLY;BYDAY=-1MO\nRDATE:20221218T180000Z\nEXDATE:20221226T050000Z")
    event = EventPageFactory(parent=index, repeat=stored)
    event.refresh_from_db()
    text = recurrence.serialize(event.repeat)
    assert "RDATE:20221219T000000Z" in text and "EXDATE:20221226T000000Z" in text


def test_hourly_rules_are_refused():
    from django.core.exceptions import ValidationError

    event = EventPageFactory.build(repeat=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.HOURLY)]))
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "repeat" in error.value.message_dict


def event_form_data(venue_pk: int, change_date: str) -> dict:
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    return nested_form_data(
        {
            "title": "Monday drop-in",
            "slug": "monday-drop-in-form-test",
            "summary": "A drop-in.",
            "body": streamfield([]),
            "kind": "drop-in",
            "audience": "everyone",
            "is_free": "on",
            "booking": "drop-in",
            "venue": venue_pk,
            "first_date": "2027-01-25",
            "start_time": "14:00",
            "end_time": "18:00",
            "repeat": "RRULE:FREQ=MONTHLY;BYDAY=-1MO",
            "date_changes": inline_formset([{"date": change_date, "action": "cancel", "notice": "Closed."}]),
            "partners": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


@pytest.mark.parametrize(("change_date", "accepted"), [("2027-02-22", True), ("2027-02-15", False)])
def test_a_change_must_name_a_date_in_the_schedule(admin_client, change_date, accepted):
    from events.models import EventIndexPage, Venue

    index = EventIndexPage.objects.get(locale__language_code="en")
    venue = Venue.objects.filter(locale__language_code="en").first()
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", index.pk))
    response = admin_client.post(url, event_form_data(venue.pk, change_date))
    created = EventPage.objects.filter(slug="monday-drop-in-form-test").exists()
    assert created is accepted
    if not accepted:
        assert "The schedule above has no session on this date." in response.content.decode()
