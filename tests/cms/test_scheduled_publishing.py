"""Scheduled publishing: an event set to go live later stays off the site and out of the feeds,
in every language, until `publish_scheduled` runs after its go-live time.
"""

import datetime

import feedparser
import icalendar
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from cms.groups import MODERATORS
from events.factories import VenueFactory
from events.models import EventIndexPage, EventPage, Occurrence
from tests.cms.admin_users import admin_form_data, event_fields, logged_in, visitor

pytestmark = pytest.mark.django_db

TITLE = "Scheduled winter drop-in"


def seen_in(code: str, slug: str) -> dict[str, bool]:
    """Where a visitor in `code` finds the event: its page, the listing, RSS and iCalendar."""
    browser = visitor()
    page = browser.get(f"/{code}/events/{slug}/")
    listing = browser.get(f"/{code}/events/")
    rss = feedparser.parse(browser.get(f"/{code}/events/feed/").content)
    ical = browser.get(f"/{code}/events/calendar.ics")
    assert listing.status_code == ical.status_code == 200
    summaries = {str(event.get("SUMMARY")) for event in icalendar.Calendar.from_ical(ical.content).walk("VEVENT")}
    return {
        "page": page.status_code == 200 and TITLE in page.content.decode(),
        "listing": TITLE in listing.content.decode(),
        "rss": any(TITLE in entry.title for entry in rss.entries),
        "ical": any(TITLE in summary for summary in summaries),
    }


NOWHERE = {"page": False, "listing": False, "rss": False, "ical": False}
EVERYWHERE = {"page": True, "listing": True, "rss": True, "ical": True}


def london(moment: datetime.datetime) -> str:
    """A date and time as the admin's date-time field takes it (London time)."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def clock(monkeypatch):
    """Moves the site's clock forward: `clock(hours=2)`. Everything reads it through timezone.now()."""
    real_now = timezone.now

    def advance(**delta: float) -> None:
        monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(**delta))

    return advance


@pytest.fixture
def scheduled_event(client) -> EventPage:
    """A new event, published by a moderator in the admin with a go-live time an hour ahead."""
    moderator = logged_in(client, MODERATORS)
    index = EventIndexPage.objects.get(locale__language_code="en")
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", index.pk))
    form = moderator.get(url)
    values = {
        **event_fields(TITLE, "scheduled-winter-drop-in"),
        "go_live_at": london(timezone.now() + datetime.timedelta(hours=1)),
        "action-publish": "action-publish",
    }
    assert moderator.post(url, admin_form_data(form.content.decode(), **values)).status_code == 302
    moderator.logout()
    return EventPage.objects.get(slug="scheduled-winter-drop-in", locale__language_code="en")


@pytest.mark.parametrize("code", ["en", "pl", "ar"])
def test_a_scheduled_event_appears_everywhere_only_once_publish_scheduled_runs_after_its_time(
    scheduled_event, clock, code
):
    event = scheduled_event
    alias = event.get_translation(Locale.objects.get(language_code=code))
    assert not event.live
    assert not alias.live
    assert not Occurrence.objects.filter(event=event).exists()
    assert seen_in(code, event.slug) == NOWHERE

    call_command("publish_scheduled", verbosity=0)  # before its time: nothing changes
    assert not Page.objects.filter(translation_key=event.translation_key, live=True).exists()
    assert seen_in(code, event.slug) == NOWHERE

    clock(hours=2)
    call_command("publish_scheduled", verbosity=0)
    alias.refresh_from_db()
    assert alias.live
    assert Occurrence.objects.filter(event=event).count() == 1
    assert seen_in(code, event.slug) == EVERYWHERE


def test_a_scheduled_change_to_a_live_event_reaches_no_language_early(clock):
    """A new title scheduled for later: every language keeps the current one until go-live."""
    from tests.events.conftest import publish

    index = EventIndexPage.objects.get(locale__language_code="en")
    event = EventPage(
        title="Evening drop-in",
        slug="evening-drop-in",
        summary="A confidential drop-in.",
        first_date=datetime.date.today() + datetime.timedelta(days=10),
        start_time=datetime.time(14),
        end_time=datetime.time(18),
        venue=VenueFactory(),
    )
    index.add_child(instance=event)
    publish(event)
    polish = Page.objects.get(translation_key=event.translation_key, locale__language_code="pl")
    assert polish.alias_of_id == event.pk and polish.live

    event.title = TITLE
    event.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    event.save_revision().publish()
    for code in ["en", "pl"]:
        assert seen_in(code, event.slug) == NOWHERE
        assert "Evening drop-in" in visitor().get(f"/{code}/events/{event.slug}/").content.decode()

    call_command("publish_scheduled", verbosity=0)
    assert seen_in("pl", event.slug) == NOWHERE

    clock(hours=2)
    call_command("publish_scheduled", verbosity=0)
    for code in ["en", "pl"]:
        assert seen_in(code, event.slug) == EVERYWHERE


def new_event(slug: str) -> EventPage:
    index = EventIndexPage.objects.get(locale__language_code="en")
    event = EventPage(
        title=TITLE,
        slug=slug,
        summary="A confidential drop-in.",
        first_date=datetime.date.today() + datetime.timedelta(days=10),
        start_time=datetime.time(14),
        end_time=datetime.time(18),
        venue=VenueFactory(),
        live=False,
    )
    index.add_child(instance=event)
    return event


def test_the_aliases_of_a_new_event_scheduled_in_code_wait_for_it(clock):
    """Wagtail publishes the aliases of a never-live page when it is scheduled; they must wait."""
    event = new_event("scheduled-in-code")
    event.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    event.save_revision().publish()
    translations = Page.objects.filter(translation_key=event.translation_key)
    assert translations.count() == 7
    assert not translations.filter(live=True).exists()
    for code in ["en", "pl", "ur"]:
        assert seen_in(code, event.slug) == NOWHERE

    clock(hours=2)
    call_command("publish_scheduled", verbosity=0)
    assert translations.filter(live=True).count() == 7
    for code in ["en", "pl", "ur"]:
        assert seen_in(code, event.slug) == EVERYWHERE


def test_the_aliases_of_a_draft_event_scheduled_in_the_admin_wait_for_it(client, clock):
    """A draft saved earlier already has its aliases; scheduling it from the edit form must not
    publish them."""
    event = new_event("scheduled-draft")
    event.save_revision()
    from cms.signal_handlers import create_missing_aliases

    create_missing_aliases(EventPage, event)  # as wagtail-localize does for a draft made in the admin
    moderator = logged_in(client, MODERATORS)
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])
    form = moderator.get(url)
    values = {
        "body-count": "0",
        "go_live_at": london(timezone.now() + datetime.timedelta(hours=1)),
        "action-publish": "action-publish",
    }
    assert moderator.post(url, admin_form_data(form.content.decode(), **values)).status_code == 302
    translations = Page.objects.filter(translation_key=event.translation_key)
    assert translations.count() == 7
    assert not translations.filter(live=True).exists()
    assert seen_in("pl", event.slug) == NOWHERE

    clock(hours=2)
    call_command("publish_scheduled", verbosity=0)
    assert translations.filter(live=True).count() == 7
    assert seen_in("pl", event.slug) == EVERYWHERE
