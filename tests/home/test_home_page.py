import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.factories import EventPageFactory
from events.models import EventDateChange, EventIndexPage, EventPage
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_shows_programmes_and_support_services(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    programmes = page.find(id="programmes-heading").find_parent("section")
    assert programmes.select_one(f'a[href="/{language}/programmes/metgirlz/"]')
    services = page.find(id="support-services-heading").find_parent("section")
    assert len(services.select(".partner-card")) == 4
    assert services.select_one('a[href="tel:08082000247"]')
    assert services.select_one(f'a[href="/{language}/support-services/"]')


def test_both_sections_are_in_the_main_menu(client):
    page = BeautifulSoup(client.get("/en/").content.decode(), "html.parser")
    menu = [link["href"] for link in page.select(".main-nav a")]
    assert "/en/support-services/" in menu
    assert "/en/programmes/" in menu


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_shows_the_next_sessions_and_the_helplines(client, language):
    page = BeautifulSoup(client.get(f"/{language}/").content.decode(), "html.parser")
    section = page.find(id="next-sessions-heading").find_parent("section")
    items = section.select(".event-list__item")
    assert 1 <= len(items) <= 4
    safe2talk = EventPage.objects.get(slug="safe2talk", locale__language_code=language)
    assert items[0].select_one(".event-list__title a").get_text() == safe2talk.title
    starts = [time["datetime"] for time in section.select(".event-list__when time")]
    assert starts == sorted(starts) and min(starts) >= timezone.now().isoformat()[:10]
    assert section.select_one(f'a[href="/{language}/events/"]')
    # The helplines, with the same numbers in every language, are on the home page too (its footer).
    helplines = page.select_one("section.helplines")
    assert helplines.select_one('a[href="tel:999"]')
    assert helplines.select_one('a[href="tel:08082000247"]').get_text() == "0808 2000 247"


def test_home_page_sections_come_in_order(client):
    html = client.get("/en/").content.decode()
    positions = [html.index(f'id="{name}-heading"') for name in ("next-sessions", "programmes", "support-services")]
    assert positions == sorted(positions)


@pytest.mark.parametrize("url", ["/en/", "/ur/"])
def test_home_page_queries_do_not_grow_with_the_number_of_events(client, url, uncached):
    index = EventIndexPage.objects.get(locale__language_code="en")
    soon = datetime.date.today() + datetime.timedelta(days=1)

    def events(numbers: range) -> None:
        for number in numbers:
            day = soon + datetime.timedelta(days=number)
            event = EventPageFactory(
                parent=index,
                title=f"Counted event {number}",
                first_date=day,
                date_changes=[EventDateChange(date=day, action="cancel", notice="Cancelled for the test.")],
            )
            event.save_revision().publish()

    def count() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    events(range(2))
    few = count()
    events(range(2, 22))
    assert count() == few
