"""What every page reads (routing, menu, helplines, privacy) is remembered per content version, never stale.

Rendered afresh each time (`uncached`: the response cache is off), so that what is checked here
is the remembered data of partners.caching and cms.routing alone.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Page, PageViewRestriction

from cms.models import Helpline
from events.models import EventDateChange, EventPage, Occurrence
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

EVENT_URL = "/{language}/events/safe2talk/"


def english_helpline() -> Helpline:
    return Helpline.objects.filter(locale__language_code="en").order_by("sort_order", "pk").first()


def visit_everywhere(client) -> None:
    for language in LANGUAGES:
        for url in (f"/{language}/", EVENT_URL.format(language=language)):
            assert client.get(url).status_code == 200, url


def test_a_helpline_change_shows_on_the_next_page_in_every_language(client, uncached):
    visit_everywhere(client)
    helpline = english_helpline()
    helpline.number = "0800 123 4567"
    helpline.save()
    for language in LANGUAGES:
        for url in (f"/{language}/", EVENT_URL.format(language=language)):
            assert "0800 123 4567" in client.get(url).content.decode(), url


def test_a_menu_section_made_private_leaves_the_menu_and_stays_closed(client, uncached):
    visit_everywhere(client)
    section = Page.objects.get(locale__language_code="en", slug="events")
    for language in LANGUAGES:
        assert f'href="/{language}/events/"' in client.get(f"/{language}/").content.decode()

    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)

    for language in LANGUAGES:
        home = client.get(f"/{language}/").content.decode()
        assert f'href="/{language}/events/"' not in home, language
        assert "Safe2Talk" not in home, language  # nor its sessions
        # Routed before, from the remembered walk: Wagtail's view restriction still applies.
        response = client.get(EVENT_URL.format(language=language))
        assert response.status_code == 302 and "/login/" in response["Location"], language


def test_a_page_taken_offline_without_any_signal_is_not_served_from_a_remembered_route(client, uncached):
    # The walk is remembered; the page is read afresh and is served only while it is live.
    assert client.get("/en/events/safe2talk/").status_code == 200
    EventPage.objects.filter(slug="safe2talk", locale__language_code="en").update(live=False)
    assert client.get("/en/events/safe2talk/").status_code == 404


def test_a_renamed_page_is_found_at_its_new_address_at_once(client, uncached):
    assert client.get("/en/events/safe2talk/").status_code == 200
    event = EventPage.objects.get(slug="safe2talk", locale__language_code="en")
    event.slug = "safe2talk-drop-in"
    event.save_revision().publish()
    assert client.get("/en/events/safe2talk-drop-in/").status_code == 200
    assert client.get("/en/events/safe2talk/").status_code != 200


def test_editors_are_shown_what_is_in_the_database_not_what_is_remembered(client, uncached):
    visit_everywhere(client)
    Helpline.objects.filter(pk=english_helpline().pk).update(number="0800 765 4321")  # no signal
    editor = get_user_model().objects.create_superuser("editor", password="a-long-password-for-tests")
    client.force_login(editor)
    assert "0800 765 4321" in client.get("/en/").content.decode()


def test_a_page_seen_before_needs_only_the_queries_of_its_own_content(client, uncached):
    """The frame (site, routing, menu, helplines, exit link, feeds, privacy) costs nothing the second time."""
    with CaptureQueriesContext(connection) as first:
        client.get("/pl/events/safe2talk/")
    with CaptureQueriesContext(connection) as second:
        client.get("/pl/events/safe2talk/")
    assert len(second) <= len(first) - 10
    assert not [query for query in second if "cms_helpline" in query["sql"] or "cms_safetysettings" in query["sql"]]


def calendar_statuses(client, url: str) -> dict[str, str]:
    calendar = Calendar.from_ical(client.get(url).content)
    return {str(event["UID"]): str(event["STATUS"]) for event in calendar.walk("VEVENT")}


def test_a_cancelled_session_shows_as_cancelled_on_the_next_listing_and_calendar_in_every_language(client, uncached):
    occurrence = Occurrence.objects.filter(end__gte=timezone.now()).order_by("start").first()
    event = EventPage.objects.get(pk=occurrence.event_id)
    uid = f"{event.translation_key}-{occurrence.date:%Y%m%d}-{{language}}@localhost"
    for language in LANGUAGES:
        assert "Called off for the test." not in client.get(f"/{language}/events/").content.decode()
        statuses = calendar_statuses(client, f"/{language}/events/calendar.ics")
        assert statuses[uid.format(language=language)] == "CONFIRMED"
    event.date_changes.add(EventDateChange(date=occurrence.date, action="cancel", notice="Called off for the test."))
    event.save_revision().publish()
    for language in LANGUAGES:
        assert "Called off for the test." in client.get(f"/{language}/events/").content.decode(), language
        statuses = calendar_statuses(client, f"/{language}/events/calendar.ics")
        assert statuses[uid.format(language=language)] == "CANCELLED", language


def test_a_calendars_sessions_are_written_once_for_every_filter(client, uncached):
    everything = calendar_statuses(client, "/en/events/calendar.ics")
    third = Occurrence.objects.filter(end__gte=timezone.now()).order_by("start")[2]
    with CaptureQueriesContext(connection) as queries:
        later = calendar_statuses(client, f"/en/events/calendar.ics?start={third.date:%Y-%m-%d}")
    assert 0 < len(later) < len(everything)
    assert later.items() <= everything.items()
    assert not [query for query in queries if "wagtailcore_revision" in query["sql"]]  # no session written again
