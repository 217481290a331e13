"""Content behind a view restriction (login or groups) never reaches the public, in any language.

A private drop-in with its own partner agency is set up in English, translated into Polish (a real
translation) and present in every other language as wagtail-localize's synchronised alias. The
restriction is added afterwards, as an editor would, on the English page or on an ancestor. Every
public output in every language is then read for its title, its partner and its address.
"""

import datetime
import json

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, PageViewRestriction

from events.factories import EventPageFactory, VenueFactory
from events.models import EventIndexPage, EventPage, EventPartner
from home.factories import StandardPageFactory
from home.models import ProgrammePage
from partners.factories import PartnerAgencyFactory
from tests.conftest import LANGUAGES
from tests.events.conftest import publish, translate_page

pytestmark = pytest.mark.django_db

EVENT_TITLE = "Zephyrine circle"
POLISH_TITLE = "Zephyrine krąg"
PARTNER_NAME = "Quillmoor Agency"
VENUE_NAME = "Larkspur House"
SECRETS = ("Zephyrine", "zephyrine", "Quillmoor", "quillmoor", "Larkspur")


def private_event() -> EventPage:
    """An upcoming MetGirlz session with a partner and a venue found nowhere else, in every language."""
    index = EventIndexPage.objects.get(locale__language_code="en")
    programme = ProgrammePage.objects.get(slug="metgirlz", locale__language_code="en")
    event = EventPageFactory(
        parent=index,
        title=EVENT_TITLE,
        slug="zephyrine",
        summary="Zephyrine members meet here.",
        programme=programme,
        first_date=datetime.date.today() + datetime.timedelta(days=3),
        venue=VenueFactory(name=VENUE_NAME, address="9 Larkspur Row"),
    )
    agency = PartnerAgencyFactory(name=PARTNER_NAME, slug="quillmoor")
    event.partners = [EventPartner(partner=agency, role="Quillmoor staff")]
    publish(event)
    polish = translate_page(event, Locale.objects.get(language_code="pl"))
    polish.title = POLISH_TITLE
    publish(polish)
    return event


def restrict(page: Page, kind: str = PageViewRestriction.LOGIN) -> PageViewRestriction:
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.create(name="Zephyrine members")])
    return restriction


def public_outputs(client, language: str) -> dict[str, str]:
    """Every public page, feed and calendar of `language` that could list an event, as text."""
    urls = {
        "home": f"/{language}/",
        "listing": f"/{language}/events/",
        "listing-programme": f"/{language}/events/?programme=metgirlz",
        "programmes": f"/{language}/programmes/",
        "programme": f"/{language}/programmes/metgirlz/",
        "directory": f"/{language}/support-services/",
        "search": f"/{language}/search/?q=zephyrine",
        "search-partner": f"/{language}/search/?q=quillmoor",
        "rss": f"/{language}/events/feed/",
        "atom": f"/{language}/events/feed/atom/",
        "ical": f"/{language}/events/calendar.ics",
        "other-event": f"/{language}/events/safe2talk/",
        "other-event-ical": f"/{language}/events/safe2talk/calendar.ics",
    }
    texts = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        texts[name] = response.content.decode()
        if name.startswith("search"):
            # The search box and summary repeat the query; the results are what must not name the event.
            results = BeautifulSoup(texts[name], "html.parser").select_one(".search-results")
            texts[name] = str(results or "")
    partner_page = client.get(f"/{language}/support-services/quillmoor/")
    if partner_page.status_code == 200:
        html = BeautifulSoup(partner_page.content.decode(), "html.parser")
        section = html.find(id="partner-sessions-heading")
        texts["partner-sessions"] = section.find_parent("section").get_text() if section else ""
    return texts


def assert_nothing_leaks(client, language: str) -> None:
    for name, text in public_outputs(client, language).items():
        leaked = [secret for secret in SECRETS if secret in text]
        assert not leaked, f"{language} {name} shows {leaked}"
    # A partner whose only appearance is on the private event is not listed anywhere, nor has a page.
    assert client.get(f"/{language}/support-services/quillmoor/", follow=True).status_code == 404


def assert_refused(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302 and "/login/" in response["Location"], (path, response.status_code)
    assert "public" not in response.get("Cache-Control", "")


def test_everything_is_listed_before_the_restriction(client):
    """The check below is meaningful: without a restriction the event shows up everywhere."""
    private_event()
    texts = public_outputs(client, "pl")
    for name in ("home", "listing", "programme", "rss", "atom", "ical", "search"):
        assert "Zephyrine" in texts[name], name
    assert "Zephyrine" in texts["partner-sessions"]
    assert "Quillmoor" in texts["listing"]  # the partner filter
    assert "zephyrine" in client.get("/sitemap.xml").content.decode()


@pytest.mark.parametrize("kind", [PageViewRestriction.LOGIN, PageViewRestriction.GROUPS])
def test_a_restricted_event_leaks_nowhere_in_any_language(client, kind):
    event = private_event()
    for language in ("en", "pl", "ar"):
        client.get(f"/{language}/events/")  # fill the cache, which the restriction must drop
    restrict(event, kind)
    for language in LANGUAGES:
        assert_nothing_leaks(client, language)
        assert_refused(client, f"/{language}/events/zephyrine/")
        assert_refused(client, f"/{language}/events/zephyrine/calendar.ics")
    assert "zephyrine" not in client.get("/sitemap.xml").content.decode()


def test_a_restriction_on_a_translation_holds_in_every_language(client):
    """An editor who restricts the Polish page has made the event private, not only its Polish text."""
    private_event()
    restrict(EventPage.objects.get(slug="zephyrine", locale__language_code="pl"))
    for language in LANGUAGES:
        assert_nothing_leaks(client, language)
        assert_refused(client, f"/{language}/events/zephyrine/")


def test_a_restriction_on_an_ancestor_covers_every_language(client):
    """The whole events section made private hides its sessions from the home and programme pages too."""
    private_event()
    restrict(EventIndexPage.objects.get(locale__language_code="en"))
    for language in ("en", "pl", "ur"):
        home = client.get(f"/{language}/").content.decode()
        assert "Zephyrine" not in home
        assert "Zephyrine" not in client.get(f"/{language}/programmes/metgirlz/").content.decode()
        for path in ("events/", "events/feed/", "events/calendar.ics", "events/zephyrine/"):
            assert_refused(client, f"/{language}/{path}")
        assert "Zephyrine" not in client.get(f"/{language}/search/?q=zephyrine").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "zephyrine" not in sitemap and "/events/" not in sitemap


def test_a_private_section_of_plain_pages_stays_out_of_search_sitemap_and_menus(client):
    home = Page.objects.get(depth=2, locale__language_code="en")
    section = StandardPageFactory(parent=home, title="Zephyrine members", slug="members", show_in_menus=True)
    publish(section)
    child = StandardPageFactory(parent=section, title="Zephyrine rota", slug="rota")
    publish(child)
    restrict(section)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/members/" not in sitemap
    for language in LANGUAGES:
        assert "Zephyrine" not in client.get(f"/{language}/").content.decode()
        assert "Zephyrine" not in client.get(f"/{language}/search/?q=zephyrine").content.decode()
        assert_refused(client, f"/{language}/members/rota/")


def test_members_see_it_and_nothing_they_see_is_cached_for_the_public(client):
    event = private_event()
    restrict(event)
    member = get_user_model().objects.create_user("member", password="a-long-password-for-tests")
    client.force_login(member)
    response = client.get("/pl/events/zephyrine/")
    assert response.status_code == 200 and POLISH_TITLE in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    client.logout()
    assert_refused(client, "/pl/events/zephyrine/")
    assert "Zephyrine" not in client.get("/pl/events/").content.decode()


def test_lifting_the_restriction_lists_the_event_again_in_every_language(client):
    event = private_event()
    restriction = restrict(event)
    assert "Zephyrine" not in client.get("/ar/events/").content.decode()
    restriction.delete()
    assert not PageViewRestriction.objects.filter(page__translation_key=event.translation_key).exists()
    assert "Zephyrine" in client.get("/ar/events/").content.decode()
    assert client.get("/pl/events/zephyrine/").status_code == 200


def test_feeds_and_calendars_of_other_events_parse_and_name_no_private_session(client):
    restrict(private_event())
    for language in ("en", "pl"):
        feed = feedparser.parse(client.get(f"/{language}/events/feed/").content)
        assert not feed.bozo and feed.entries
        assert not [entry for entry in feed.entries if "Zephyrine" in entry.title]
        calendar = icalendar.Calendar.from_ical(client.get(f"/{language}/events/calendar.ics").content)
        assert not [e for e in calendar.walk("VEVENT") if "Zephyrine" in str(e.get("summary"))]
        page = BeautifulSoup(client.get(f"/{language}/events/safe2talk/").content.decode(), "html.parser")
        for script in page.select('script[type="application/ld+json"]'):
            assert "Zephyrine" not in json.dumps(json.loads(script.string))
