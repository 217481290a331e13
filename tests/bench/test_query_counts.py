"""The number of SQL queries a page needs does not grow with the number of events, and is at most 15.

Built with the benchmark's own generator (bench/data.py) at two sizes, in seven languages, so the
pages measured by `make bench` are the pages checked here. The response cache is off (it would
hide the work), so every page is rendered afresh. Counted two ways:
- as a visitor's request usually finds the site: what every page reads (routing, menu,
  helplines, privacy; partners.caching) remembered for the current content version;
- with every cache empty, as the first request after a publish finds it.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.data import generate
from bench.pages import PAGES

# The target, for every page.
MAX_QUERIES = 15
# With every cache empty: today's counts, so that a change that adds a query to a page is noticed.
BUDGET_EMPTY_CACHE = {
    "home": 21,
    "events index": 21,
    "events, filtered": 21,
    "events, page 5": 21,
    "events, past": 21,
    "events index (pl)": 26,
    "event page": 26,
    "event page (pl)": 33,
    "partner directory": 22,
    "partner page": 21,
    "RSS": 16,
    "calendar.ics": 19,  # upcoming sessions, the recent past to fill the room left, each session written
    "event iCal": 19,
    "sitemap": 18,
}


def query_counts(client, *, empty_cache: bool = False) -> dict[str, int]:
    counts = {}
    for name, path, _timed in PAGES:
        assert client.get(path).status_code == 200, path  # and fills process-wide caches (content types)
        if empty_cache:
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        counts[name] = len(queries)
    return counts


@pytest.mark.django_db
@pytest.mark.parametrize("empty_cache", [False, True], ids=["remembered", "empty cache"])
def test_queries_per_page_do_not_grow_with_the_number_of_events(client, uncached, empty_cache):
    generate(3, log=lambda message: None)
    few = query_counts(client, empty_cache=empty_cache)
    generate(27, log=lambda message: None)
    many = query_counts(client, empty_cache=empty_cache)

    # Never more with more events. (One fewer is possible: a list with nothing of a kind to show in
    # another language, such as no notices, skips that lookup.)
    assert {name: (few[name], count) for name, count in many.items() if count > few[name]} == {}


@pytest.mark.django_db
def test_every_page_needs_at_most_15_queries(client, uncached):
    generate(3, log=lambda message: None)

    counts = query_counts(client)

    assert {name: count for name, count in counts.items() if count > MAX_QUERIES} == {}


@pytest.mark.django_db
def test_no_page_needs_more_queries_than_today_with_every_cache_empty(client, uncached):
    generate(3, log=lambda message: None)

    counts = query_counts(client, empty_cache=True)

    assert {name: count for name, count in counts.items() if count > BUDGET_EMPTY_CACHE[name]} == {}
