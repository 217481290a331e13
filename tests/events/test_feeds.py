"""RSS and Atom feeds of upcoming sessions, read with feedparser as a feed reader reads them."""

import datetime

import feedparser
import pytest
import recurrence
from django.utils import formats, timezone, translation
from wagtail.models import PageViewRestriction

from events.factories import EventPageFactory, VenueFactory
from events.models import Borough, EventDateChange, EventPage, Occurrence
from events.schedule import LONDON
from events.syndication import FEED_DAYS_AHEAD, FEED_MAX_ITEMS
from tests.conftest import LANGUAGES

from .conftest import publish

pytestmark = pytest.mark.django_db

NEXT_WEEK = datetime.date.today() + datetime.timedelta(days=7)


def parse(client, url: str) -> feedparser.FeedParserDict:
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


def upcoming_occurrences() -> list[Occurrence]:
    """What the feeds should list: public sessions not yet over, starting within the feeds' window."""
    now = timezone.now()
    window = Occurrence.objects.filter(end__gte=now, start__lt=now + datetime.timedelta(days=FEED_DAYS_AHEAD))
    return list(window.filter(event__live=True).order_by("start"))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["feed/", "feed/atom/"])
def test_every_language_has_feeds_that_parse_with_unique_ids(client, language, kind):
    feed = parse(client, f"/{language}/events/{kind}")
    assert feed.version == ("atom10" if "atom" in kind else "rss20")
    if kind == "feed/":
        assert feed.feed.language == language
    ids = [entry.id for entry in feed.entries]
    assert ids and len(ids) == len(set(ids))
    assert len(feed.entries) == len(upcoming_occurrences())
    for entry in feed.entries:
        assert entry.link.startswith(f"http://localhost/{language}/events/")


@pytest.mark.parametrize("language", ["en", "pl", "ur"])
def test_item_titles_give_date_and_time_in_the_feeds_language(client, language):
    feed = parse(client, f"/{language}/events/feed/")
    first = upcoming_occurrences()[0]
    with translation.override(language):
        day = formats.date_format(first.start.astimezone(LONDON), "DATE_FORMAT")
        weekday = formats.date_format(first.start.astimezone(LONDON), "l")
        time = formats.time_format(first.start.astimezone(LONDON), "TIME_FORMAT")
    assert day in feed.entries[0].title and weekday in feed.entries[0].title and time in feed.entries[0].title


def test_atom_feed_declares_its_language(client):
    response = client.get("/ur/events/feed/atom/")
    assert b'xml:lang="ur"' in response.content


def test_a_cancelled_session_stays_in_the_feed_marked_with_its_notice(client):
    cancelled = Occurrence.objects.get(status=Occurrence.Status.CANCELLED, end__gte=timezone.now())
    for language, word, notice in [
        ("en", "Cancelled", "the library is closed"),
        ("pl", "Odwołane", "biblioteka jest zamknięta"),
    ]:
        feed = parse(client, f"/{language}/events/feed/")
        entry = next(e for e in feed.entries if e.title.startswith(word))
        assert notice in entry.summary
        with translation.override(language):
            assert formats.date_format(cancelled.start.astimezone(LONDON), "DATE_FORMAT") in entry.title


def test_description_says_where_who_may_come_and_who_will_be_there(client):
    source = EventPage.objects.get(slug="safe2talk", locale__language_code="en")
    feed = parse(client, "/en/events/feed/")
    entry = next(e for e in feed.entries if "Safe2Talk" in e.title)
    assert "Fullwell Cross Library" in entry.summary and "IG6 2EA" in entry.summary
    assert str(source.get_audience_display()) in entry.summary
    for item in source.partners.all():
        assert item.partner.name in entry.summary


def test_filters_work_on_the_feed_and_bad_values_are_ignored(client, index):
    hackney = VenueFactory(name="Hackney hall", borough=Borough.HACKNEY)
    publish(
        EventPageFactory(parent=index, title="Hackney workshop", kind="workshop", venue=hackney, first_date=NEXT_WEEK)
    )
    workshops = parse(client, "/en/events/feed/?kind=workshop")
    assert [e.title.split(":")[0] for e in workshops.entries] == ["Hackney workshop"]
    in_hackney = parse(client, "/en/events/feed/atom/?borough=hackney&kind=workshop")
    assert len(in_hackney.entries) == 1
    everything = parse(client, "/en/events/feed/")
    for query in ["?kind=nonsense", "?start=31-02-2024", "?borough=%00", "?page=-1", "?when=past", "?partner=x" * 3]:
        assert len(parse(client, "/en/events/feed/" + query).entries) == len(everything.entries), query


def test_feed_is_bounded(client, index):
    event = EventPageFactory(parent=index, title="Every day", first_date=datetime.date.today())
    event.repeat = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.DAILY)])
    publish(event)
    assert len(parse(client, "/en/events/feed/").entries) == FEED_MAX_ITEMS


def test_every_page_advertises_the_feeds_in_its_language(client):
    for url, language in [("/en/", "en"), ("/pl/about/", "pl"), ("/ar/events/safe2talk/", "ar")]:
        html = client.get(url).content.decode()
        assert 'type="application/rss+xml" title="' in html and f'href="/{language}/events/feed/"' in html
        assert 'type="application/atom+xml"' in html and f'href="/{language}/events/feed/atom/"' in html


def test_the_listing_advertises_the_feeds_of_its_filters(client):
    html = client.get("/en/events/?kind=drop-in&page=2").content.decode()
    assert 'href="/en/events/feed/?kind=drop-in"' in html
    assert 'href="/en/events/calendar.ics?kind=drop-in"' in html


def test_drafts_private_and_unpublished_events_never_appear(client, index):
    draft = EventPageFactory(parent=index, title="Draft drop-in", first_date=NEXT_WEEK, live=False)
    draft.save_revision()
    private = publish(EventPageFactory(parent=index, title="Private drop-in", first_date=NEXT_WEEK))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    withdrawn = publish(EventPageFactory(parent=index, title="Withdrawn drop-in", first_date=NEXT_WEEK))
    withdrawn.unpublish()
    for language in ["en", "pl"]:
        for kind in ["feed/", "feed/atom/"]:
            text = client.get(f"/{language}/events/{kind}").content.decode()
            assert "Draft drop-in" not in text and "Private drop-in" not in text and "Withdrawn drop-in" not in text


def test_control_characters_and_odd_unicode_never_break_a_feed(client, index):
    event = EventPageFactory(
        parent=index,
        title="Drop\x01-in \x1b[31m\u202egnikaerb\u202c \ufffe\U0001f49c",
        summary="Line\x0bbreak\x08 and <b>bold</b> & ]]> \x7f",
        first_date=NEXT_WEEK,
    )
    event.date_changes = [EventDateChange(date=NEXT_WEEK, action="cancel", notice="Closed\x0c today \u2066x\u2069")]
    publish(event)
    for kind in ["feed/", "feed/atom/"]:
        feed = parse(client, "/en/events/" + kind)
        entry = next(e for e in feed.entries if "gnikaerb" in e.title)
        assert "\x01" not in entry.title and "\u202e" not in entry.title
        assert "Closed today x" in entry.summary


def test_guid_is_stable_and_changes_once_a_session_is_cancelled(client, index):
    event = publish(EventPageFactory(parent=index, title="Stable drop-in", first_date=NEXT_WEEK))
    before = next(e.id for e in parse(client, "/en/events/feed/").entries if "Stable" in e.title)
    publish(EventPage.objects.get(pk=event.pk))
    assert before == next(e.id for e in parse(client, "/en/events/feed/").entries if "Stable" in e.title)
    event = EventPage.objects.get(pk=event.pk)
    event.date_changes = [EventDateChange(date=NEXT_WEEK, action="cancel", notice="Off this week.")]
    publish(event)
    after = next(e for e in parse(client, "/en/events/feed/").entries if "Stable" in e.title)
    assert after.id != before and after.title.startswith("Cancelled")


def test_feeds_answer_plain_get_without_cookies(client):
    for url in ["/en/events/feed/", "/en/events/feed/atom/"]:
        response = client.get(url)
        assert not response.cookies
        assert response["Content-Type"].startswith(("application/rss+xml", "application/atom+xml"))
