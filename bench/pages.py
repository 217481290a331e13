"""The pages the benchmark measures and the query-count tests check, in one list."""

from bench.data import BENCH_SLUG_PREFIX

EVENT = f"{BENCH_SLUG_PREFIX}event-2"
PARTNER = f"{BENCH_SLUG_PREFIX}service-01"

# (name, path, whether the 50 ms median target applies: listings, the event page and feeds)
PAGES = [
    ("home", "/en/", False),
    ("events index", "/en/events/", True),
    ("events, filtered", "/en/events/?kind=drop-in&borough=redbridge", True),
    ("events, page 5", "/en/events/?page=5", True),
    ("events, past", "/en/events/?when=past", True),
    ("events index (pl)", "/pl/events/", True),
    ("event page", f"/en/events/{EVENT}/", True),
    ("event page (pl)", f"/pl/events/{EVENT}/", True),
    ("partner directory", "/en/support-services/", False),
    ("partner page", f"/en/support-services/{PARTNER}/", False),
    ("RSS", "/en/events/feed/", True),
    ("calendar.ics", "/en/events/calendar.ics", True),
    ("event iCal", f"/en/events/{EVENT}/calendar.ics", True),
    ("sitemap", "/sitemap.xml", False),
]
