"""The events listing and event pages, as a visitor sees them."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from events.factories import EventPageFactory, VenueFactory
from events.models import Borough, EventDateChange, EventPage, EventPartner
from tests.conftest import LANGUAGES

from .conftest import partner, publish, translate_page

pytestmark = pytest.mark.django_db

NEXT_WEEK = datetime.date.today() + datetime.timedelta(days=7)


def json_ld(html: str) -> object:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_listing_shows_upcoming_sessions_with_the_cancelled_one_struck_through(client):
    html = client.get("/en/events/").content.decode()
    assert "Safe2Talk drop-in" in html
    cancelled = re.search(r'event-list__item--cancelled">.*?</li>', html, re.S).group(0)
    assert "<del>" in cancelled and "Cancelled" in cancelled
    assert "the library is closed" in cancelled
    assert "2022 to 2023" not in html  # past seasons only in the past view


def test_listing_in_polish_shows_polish_titles_notices_and_dates(client):
    html = client.get("/pl/events/").content.decode()
    assert "Safe2Talk: spotkanie bez zapisów" in html
    assert "biblioteka jest zamknięta" in html
    assert "oniedziałek" in html  # Monday, in Polish
    assert 'lang="en"' not in html.split("<main", 1)[1]


def test_past_view_lists_the_archive_newest_first(client):
    html = client.get("/en/events/?when=past").content.decode()
    assert html.index("Safe2Talk drop-in, 2022 to 2023") < html.index("engagement evening in Hackney")
    assert "19 December 2022" in html and 'datetime="2022-12-26' not in html


def test_event_page_shows_what_when_where_and_who(client):
    html = client.get("/en/events/safe2talk-2022-23/").content.decode()
    assert "Fullwell Cross Library" in html and "IG6 2EA" in html
    assert "Step-free entrance" in html
    assert 'href="https://www.openstreetmap.org/search?query=' in html
    assert "<iframe" not in html
    assert "Everyone welcome" in html and "All staff at the session are women" in html
    past = html.split("Past dates", 1)[1]
    assert past.count('<li class="session') == 7
    assert "Moved from 26 December 2022" in past and "Boxing Day" in past
    assert "11 a.m.\u20137 p.m." in past


def test_event_page_strikes_through_a_cancelled_date_beside_its_notice(client):
    html = client.get("/en/events/safe2talk/").content.decode()
    upcoming = html.split("Next dates", 1)[1].split("</ol>", 1)[0]
    item = re.search(r'<li class="session session--cancelled">.*?</li>', upcoming, re.S).group(0)
    assert "<del><time" in item and "the library is closed" in item


def test_json_ld_describes_each_upcoming_session(client):
    data = json_ld(client.get("/en/events/safe2talk/").content.decode())
    assert isinstance(data, list) and len(data) >= 3
    statuses = {item["eventStatus"] for item in data}
    assert "https://schema.org/EventCancelled" in statuses
    first = data[0]
    assert first["@type"] == "Event"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT14:00:00\+0[01]:00", first["startDate"])
    assert first["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert first["location"]["address"]["postalCode"] == "IG6 2EA"
    assert first["isAccessibleForFree"] is True and first["inLanguage"] == "en"
    polish = json_ld(client.get("/pl/events/safe2talk/").content.decode())
    assert polish[0]["inLanguage"] == "pl" and polish[0]["name"] == "Safe2Talk: spotkanie bez zapisów"


def test_json_ld_keeps_editor_text_inert(client, index):
    hostile = 'Come along </script><script>alert("x")</script> & <!-- talk'
    event = publish(EventPageFactory(parent=index, summary=hostile))
    html = client.get(event.url).content.decode()
    assert "<script>alert" not in html
    assert json_ld(html)["description"] == hostile


def test_draft_private_and_expired_events_are_never_listed(client, index):
    draft = EventPageFactory(parent=index, title="Secret draft session", live=False)
    draft.save_revision()
    private = publish(EventPageFactory(parent=index, title="Password session"))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = publish(EventPageFactory(parent=index, title="Expired session"))
    EventPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    for url in ["/en/events/", "/pl/events/", "/en/events/?when=past", f"/en/events/?start={NEXT_WEEK}"]:
        html = client.get(url).content.decode()
        for title in ["Secret draft session", "Password session", "Expired session"]:
            assert title not in html, (url, title)
    assert client.get("/en/events/secret-draft-session/").status_code == 404


def test_filters_narrow_the_listing(client, index):
    newham = VenueFactory(name="Newham hall", borough=Borough.NEWHAM)
    solicitor = partner("Test Ashiana")
    workshop = EventPageFactory(
        parent=index, title="Self-defence workshop", kind="workshop", venue=newham, audience="girls"
    )
    workshop.partners = [EventPartner(partner=solicitor, role="an immigration solicitor")]
    publish(workshop)
    publish(EventPageFactory(parent=index, title="Other evening", first_date=NEXT_WEEK + datetime.timedelta(days=30)))

    def titles(query: str) -> str:
        return client.get(f"/en/events/?{query}").content.decode()

    assert "Self-defence workshop" in titles("kind=workshop") and "Safe2Talk" not in titles("kind=workshop")
    assert "Self-defence workshop" in titles("borough=newham") and "Other evening" not in titles("borough=newham")
    assert "Other evening" not in titles("audience=girls")
    assert "Self-defence workshop" in titles(f"partner={solicitor.translation_key}")
    assert "Other evening" not in titles(f"partner={solicitor.translation_key}")
    window = f"start={NEXT_WEEK}&end={NEXT_WEEK}"
    assert "Self-defence workshop" in titles(window) and "Other evening" not in titles(window)
    assert "engagement evening in Hackney" in titles("when=past&borough=hackney&kind=engagement")


def test_programme_filter(client, index):
    from home.models import HomePage, ProgrammeIndexPage, ProgrammePage

    home = HomePage.objects.get(locale__language_code="en")
    programmes = ProgrammeIndexPage.objects.filter(locale=home.locale).first()
    if programmes is None:
        programmes = home.add_child(instance=ProgrammeIndexPage(title="Programmes", slug="programmes-test"))
    programme = programmes.add_child(instance=ProgrammePage(title="Girls' programme", slug="girls-programme-test"))
    publish(EventPageFactory(parent=index, title="Programme session", programme=programme, kind="programme-session"))
    html = client.get("/en/events/?programme=girls-programme-test").content.decode()
    assert "Programme session" in html and "Safe2Talk" not in html.split("results-heading", 1)[1]


@pytest.mark.parametrize(
    "query",
    [
        "kind=nonsense",
        "kind=",
        "kind=drop-in&kind=workshop",
        "borough=%00",
        "audience=" + "x" * 5000,
        "start=2023-02-30",
        "start=99999-01-01",
        "end=yesterday",
        "start=2024-01-01&end=2023-01-01",
        "partner=not-a-uuid",
        "partner=00000000-0000-0000-0000-000000000000",
        "programme=%F0%9F%92%A5",
        "page=0",
        "page=-1",
        "page=abc",
        "page=99999999999999999999",
        "when=future",
        "when=past&page=2",
    ],
)
def test_bad_filter_input_is_ignored_not_an_error(client, query):
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 200
    assert "Drop-ins and events" in response.content.decode()


def test_unknown_filter_value_is_reported_and_the_rest_still_applies(client):
    html = client.get("/en/events/?kind=nonsense&borough=hackney&when=past").content.decode()
    assert "This value was not understood and is ignored." in html
    assert "engagement evening in Hackney" in html and "2022 to 2023" not in html
    # The field points screen readers at its message (Django's aria-describedby), which exists.
    described_by = re.search(r'<select name="kind"[^>]*aria-describedby="([^"]+)"', html).group(1)
    assert f'id="{described_by}"' in html


def make_events(index, count: int, polish: Locale) -> None:
    """Events in Newham, each translated into Polish, with a cancelled date and a partner."""
    agency = partner("Count partner", pl="Partner")
    for number in range(count):
        day = NEXT_WEEK + datetime.timedelta(days=number)
        event = EventPageFactory(
            parent=index,
            title=f"Counted event {count}-{number}",
            first_date=day,
            venue=VenueFactory(borough=Borough.NEWHAM),
            date_changes=[EventDateChange(date=day, action="cancel", notice="Cancelled for the test.")],
        )
        event.partners = [EventPartner(partner=agency, role="staff")]
        translate_page(publish(event), polish)


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/en/events/", "/pl/events/", "/pl/events/?borough=newham", "/en/events/?when=past"])
def test_listing_query_count_does_not_grow_with_the_number_of_events(client, index, polish, url, uncached):
    make_events(index, 2, polish)
    # The first request after a change also reads what every page reads (partners.caching).
    count_queries(client, url)
    few = count_queries(client, url)
    make_events(index, 25, polish)
    count_queries(client, url)
    many = count_queries(client, url)
    assert few == many, f"{url}: {few} queries with 2 events, {many} with 27"


def test_event_page_query_count_does_not_grow_with_sessions_or_partners(client, index, polish, uncached):
    def event_with(sessions: int, partners: int) -> EventPage:
        event = EventPageFactory(parent=index, first_date=NEXT_WEEK)
        import recurrence

        event.repeat = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY, count=sessions)])
        event.partners = [
            EventPartner(partner=partner(f"P{sessions}-{n}", pl=f"P{n}"), role="r") for n in range(partners)
        ]
        return translate_page(publish(event), polish)

    small, large = event_with(1, 1), event_with(20, 6)
    count_queries(client, small.url)
    count_queries(client, large.url)
    assert count_queries(client, small.url) == count_queries(client, large.url)


def test_a_new_event_published_in_code_is_followed_in_every_language(client, index):
    """Its aliases are made from what it publishes (and not copied a second time); they follow its next change."""
    event = EventPageFactory(parent=index, title="Drop-in at the library", first_date=NEXT_WEEK)
    event.partners = [EventPartner(partner=partner("Library advice"), role="an adviser")]
    event.date_changes = [EventDateChange(date=NEXT_WEEK, action="note", notice="Use the side door.")]
    saved = []
    post_save.connect(
        lambda instance, **kwargs: saved.append(instance.pk), sender=EventPage, weak=False, dispatch_uid="t"
    )
    try:
        publish(event)
    finally:
        post_save.disconnect(sender=EventPage, dispatch_uid="t")
    aliases = EventPage.objects.filter(alias_of=event).select_related("locale")
    assert sorted(pk for pk in saved if pk != event.pk) == sorted(alias.pk for alias in aliases)  # saved once each
    assert sorted(alias.locale.language_code for alias in aliases) == sorted(set(LANGUAGES) - {"en"})
    for alias in aliases:
        assert alias.live and not alias.has_unpublished_changes
        assert alias.title == alias.draft_title == "Drop-in at the library"
        assert alias.last_published_at == event.last_published_at
        assert [(p.role, p.locale_id) for p in alias.partners.all()] == [("an adviser", alias.locale_id)]
        assert [c.notice for c in alias.date_changes.all()] == ["Use the side door."]
        language = alias.locale.language_code
        assert "Use the side door." in client.get(f"/{language}/events/{alias.slug}/").content.decode()

    event.title = "Drop-in at the new library"
    event.partners = [EventPartner(partner=partner("Housing advice"), role="a housing officer")]
    publish(event)
    for alias in EventPage.objects.filter(alias_of=event):
        assert alias.title == "Drop-in at the new library"
        assert [p.role for p in alias.partners.all()] == ["a housing officer"]
