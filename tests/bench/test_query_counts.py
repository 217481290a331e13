"""The number of SQL queries a page needs does not grow with the number of events.

Built with the benchmark's own generator (bench/data.py) at two sizes, in seven languages, so the
pages measured by `make bench` are the pages checked here. Uncached: the response cache would hide
the work.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.data import generate
from bench.pages import PAGES

# The target is 15 for every page. Not all pages meet it yet (README, Performance): these
# are today's counts, so that a change that adds a query to a page is noticed. (The privacy checks of
# cms/privacy.py and partners.queries.not_only_on_private_pages added one or two since the README's table.)
BUDGET = {
    "home": 20,
    "events index": 21,
    "events, filtered": 21,
    "events, page 5": 21,
    "events, past": 21,
    "events index (pl)": 26,
    "event page": 25,
    "event page (pl)": 32,
    "partner directory": 20,
    "partner page": 19,
    "RSS": 13,
    "calendar.ics": 15,
    "event iCal": 16,
    "sitemap": 15,
}


def query_counts(client) -> dict[str, int]:
    counts = {}
    for name, path, _timed in PAGES:
        assert client.get(path).status_code == 200, path  # and fills process-wide caches (content types)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        counts[name] = len(queries)
    return counts


@pytest.mark.django_db
def test_queries_per_page_do_not_grow_with_the_number_of_events(client, uncached):
    generate(3, log=lambda message: None)
    few = query_counts(client)
    generate(27, log=lambda message: None)
    many = query_counts(client)

    # Never more with more events. (One fewer is possible: a list with nothing of a kind to show in
    # another language, such as no notices, skips that lookup.)
    assert {name: (few[name], count) for name, count in many.items() if count > few[name]} == {}


@pytest.mark.django_db
def test_no_page_needs_more_queries_than_today(client, uncached):
    generate(3, log=lambda message: None)

    counts = query_counts(client)

    assert {name: count for name, count in counts.items() if count > BUDGET[name]} == {}
