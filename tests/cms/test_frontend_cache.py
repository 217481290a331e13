"""A CDN or Varnish in front of the site is told every address, in every language, that changed.

The frontend cache here is a real HTTP server on loopback that records the PURGE requests
Wagtail's HTTP backend sends, as Varnish would receive them.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from cms.settings.base import frontend_cache
from events.models import EventIndexPage, EventPage
from home.models import HomePage, ProgrammePage
from partners.models import PartnerAgency
from tests.conftest import LANGUAGES
from tests.events.conftest import publish

pytestmark = pytest.mark.django_db


class Recorder(BaseHTTPRequestHandler):
    def do_PURGE(self) -> None:
        self.server.purged.append(f"http://{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def purged(settings, monkeypatch):
    """The addresses purged, and how many batches carried them."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = frontend_cache({"FRONTEND_CACHE_URL": f"http://127.0.0.1:{server.server_port}"})
    batches = []
    original = PurgeBatch.purge

    def counted(batch, *args, **kwargs):
        batches.append(set(batch.urls))
        return original(batch, *args, **kwargs)

    monkeypatch.setattr(PurgeBatch, "purge", counted)
    server.batches = batches
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def event(django_capture_on_commit_callbacks) -> EventPage:
    """The English Safe2Talk drop-in, in the MetGirlz programme for these tests, with its partners."""
    page = EventPage.objects.get(locale__language_code="en", slug="safe2talk")
    assert page.partners.exists()
    page.programme = ProgrammePage.objects.get(locale__language_code="en", slug="metgirlz")
    # Committed, as far as the purge knows: the tests' own changes start a batch of their own.
    with django_capture_on_commit_callbacks(execute=True):
        return publish(page)


def in_every_language(*paths: str) -> set[str]:
    return {f"http://localhost/{language}/{path}" for language in LANGUAGES for path in paths}


def partner_paths(event: EventPage) -> list[str]:
    return [f"support-services/{row.partner.slug}/" for row in event.partners.all()]


EVENT = ("events/safe2talk/", "events/safe2talk/calendar.ics")
SITE_WIDE = ("", "events/", "events/feed/", "events/feed/atom/", "events/calendar.ics")


def test_publishing_an_event_purges_every_address_showing_it_in_every_language_in_one_batch(
    purged, event, django_capture_on_commit_callbacks
):
    purged.purged.clear()
    purged.batches.clear()
    event.title = "Safe2Talk drop-in (new times)"
    with django_capture_on_commit_callbacks(execute=True):
        publish(event)
    expected = in_every_language(*EVENT, *SITE_WIDE, "programmes/metgirlz/", *partner_paths(event))
    assert expected <= set(purged.purged)
    assert len(purged.batches) == 1
    assert set(purged.purged) == purged.batches[0]


def test_leaving_a_programme_purges_the_programme_it_left(purged, event, django_capture_on_commit_callbacks):
    purged.purged.clear()
    event.programme = None
    with django_capture_on_commit_callbacks(execute=True):
        publish(event)
    assert in_every_language("programmes/metgirlz/") <= set(purged.purged)


def test_unpublishing_an_event_purges_it_everywhere(purged, event, django_capture_on_commit_callbacks):
    purged.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()
    assert in_every_language(*EVENT, *SITE_WIDE, "programmes/metgirlz/") <= set(purged.purged)


def test_deleting_an_event_purges_the_addresses_it_had(purged, event, django_capture_on_commit_callbacks):
    paths = partner_paths(event)
    purged.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event.delete()
    assert in_every_language(*EVENT, *SITE_WIDE, "programmes/metgirlz/", *paths) <= set(purged.purged)


def test_a_new_slug_purges_the_old_and_new_addresses_in_every_language(
    purged, event, django_capture_on_commit_callbacks
):
    purged.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event.slug = "safe2talk-barkingside"
        publish(event)
    now = {copy.get_full_url() for copy in Page.objects.filter(translation_key=event.translation_key)}
    assert "http://localhost/en/events/safe2talk-barkingside/" in now
    assert in_every_language("events/safe2talk/") | now <= set(purged.purged)


def test_moving_an_event_purges_its_old_and_new_addresses(purged, event, django_capture_on_commit_callbacks):
    home = HomePage.objects.get(locale__language_code="en")
    archive = home.add_child(instance=EventIndexPage(title="Past events", slug="past-events"))
    purged.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event.move(archive, pos="last-child")
    assert {"http://localhost/en/events/safe2talk/", "http://localhost/en/past-events/safe2talk/"} <= set(purged.purged)
    assert in_every_language(*SITE_WIDE, "programmes/metgirlz/") <= set(purged.purged)


def test_a_partner_change_purges_its_page_its_events_and_its_directory_in_every_language(
    purged, event, django_capture_on_commit_callbacks
):
    partner = event.partners.first().partner
    purged.purged.clear()
    purged.batches.clear()
    partner.phone = "0800 000 111"
    with django_capture_on_commit_callbacks(execute=True):
        partner.save_revision().publish()
    expected = in_every_language(f"support-services/{partner.slug}/", "support-services/", *EVENT, "events/")
    assert expected <= set(purged.purged)
    assert len(purged.batches) == 1


def test_nothing_is_sent_without_a_frontend_cache(settings, event, django_capture_on_commit_callbacks, monkeypatch):
    settings.WAGTAILFRONTENDCACHE = {}
    sent = []
    monkeypatch.setattr(PurgeBatch, "purge", lambda batch, *a, **k: sent.append(batch))
    with django_capture_on_commit_callbacks(execute=True):
        publish(event)
    assert not sent
    assert PartnerAgency.objects.exists()


def test_production_installs_the_frontend_cache_only_when_one_is_configured():
    assert frontend_cache({}) == {}
    backends = frontend_cache({"FRONTEND_CACHE_URL": "http://varnish:6081", "CLOUDFLARE_ZONEID": "zone"})
    assert backends["http"]["LOCATION"] == "http://varnish:6081"
    assert backends["cloudflare"]["BACKEND"].endswith("CloudflareBackend")
