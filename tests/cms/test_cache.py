"""The public response cache: per language and filter, never stale, never private."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.cache import ContentVersion
from events.factories import EventPageFactory
from events.models import EventIndexPage, EventPage
from partners.models import PartnerAgency
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

PUBLIC_URLS = ["/en/", "/en/events/", "/en/events/safe2talk/", "/en/events/feed/", "/en/events/calendar.ics"]


def publish(page):
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_a_second_anonymous_request_is_served_from_the_cache_with_one_query(client, url):
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second.status_code == 200 and second.content == first.content
    assert len(queries) == 1  # the content version


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_conditional_requests_get_304_until_something_changes(client, url):
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    event = EventPage.objects.get(slug="safe2talk", locale__language_code="en")
    event.title = "Safe2Talk renamed"
    publish(event)
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    if "Safe2Talk renamed" in client.get(url).content.decode():
        assert changed.status_code == 200 and changed["ETag"] != etag
    else:
        assert url == "/en/"  # the home page may not name the event


@pytest.mark.parametrize("url", ["/en/events/", "/en/events/feed/"])
def test_a_client_that_sends_if_modified_since_gets_304_until_something_changes(client, url):
    last_modified = client.get(url)["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    event = EventPage.objects.get(slug="safe2talk", locale__language_code="en")
    event.title = "Safe2Talk renamed"
    publish(event)
    # A reader whose copy is older than the change gets the new page.
    response = client.get(url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2024 00:00:00 GMT")
    assert response.status_code == 200 and "Safe2Talk renamed" in response.content.decode()


def test_each_language_and_each_filter_is_cached_on_its_own(client):
    english = client.get("/en/events/feed/").content
    assert client.get("/pl/events/feed/").content != english
    assert b"<language>pl</language>" in client.get("/pl/events/feed/").content
    assert client.get("/en/events/feed/?kind=engagement").content != english
    assert client.get("/en/events/feed/").content == english


def test_publishing_shows_at_once_in_every_language_page_listing_and_feeds(client):
    event = EventPage.objects.get(slug="womens-engagement-evening-hackney", locale__language_code="en")
    for language in LANGUAGES:
        for url in [f"/{language}/events/?when=past", f"/{language}/events/feed/", f"/{language}/events/"]:
            client.get(url)
    index = EventIndexPage.objects.get(locale__language_code="en")
    new = EventPageFactory(
        parent=index, title="Brand new drop-in", first_date=datetime.date.today() + datetime.timedelta(days=1)
    )
    publish(new)
    for language in LANGUAGES:
        # Untranslated, so every language shows the English title.
        assert "Brand new drop-in" in client.get(f"/{language}/events/").content.decode(), language
        assert "Brand new drop-in" in client.get(f"/{language}/events/feed/").content.decode(), language
    event.unpublish()
    for language in LANGUAGES:
        assert "engagement evening in Hackney" not in client.get(f"/{language}/events/?when=past").content.decode()


def test_a_partner_change_reaches_every_page_showing_it(client):
    partner = PartnerAgency.objects.filter(locale__language_code="en").first()
    client.get("/en/support-services/")
    partner.short_description = "Freshly edited description."
    partner.save_revision().publish()
    assert "Freshly edited description." in client.get("/en/support-services/").content.decode()


def test_a_page_made_private_is_never_served_from_the_cache(client):
    url = "/en/events/safe2talk/"
    assert client.get(url).status_code == 200
    page = EventPage.objects.get(slug="safe2talk", locale__language_code="en")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert "Safe2Talk" not in client.get("/en/events/feed/").content.decode()


def test_logged_in_users_never_get_or_fill_the_cache(client):
    page = EventPage.objects.get(slug="safe2talk", locale__language_code="en")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    user = get_user_model().objects.create_user("reader", password="a-long-password-for-tests")
    client.force_login(user)
    response = client.get("/en/events/safe2talk/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    client.logout()
    assert client.get("/en/events/safe2talk/").status_code == 302


def test_pages_are_not_stored_on_the_visitors_device_feeds_may_be(client):
    assert client.get("/en/events/")["Cache-Control"] == "no-store"
    assert client.get("/en/events/feed/")["Cache-Control"].startswith("public, max-age=")
    assert client.get("/en/events/calendar.ics")["Cache-Control"].startswith("public, max-age=")


def test_errors_and_redirects_are_not_cached(client):
    assert client.get("/en/no-such-page/").status_code == 404
    version = ContentVersion.objects.get(pk=1).number if ContentVersion.objects.filter(pk=1).exists() else 0
    index = EventIndexPage.objects.get(locale__language_code="en")
    publish(EventPageFactory(parent=index, title="No such page", slug="no-such-page", first_date=datetime.date.today()))
    assert ContentVersion.objects.get(pk=1).number > version
    assert client.get("/en/events/no-such-page/").status_code == 200


def test_a_cached_feed_is_kept_in_one_piece_so_the_server_sends_it_at_once(client):
    # The feed is written in many small pieces; gunicorn sends each piece of a response on its own.
    first = client.get("/en/events/feed/")
    second = client.get("/en/events/feed/")
    assert second.content == first.content
    assert len(list(second)) == 1
