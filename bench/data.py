"""Benchmark content: N events in seven languages on top of the demo site, built fast.

Used by `manage.py generate_bench_data` and by the query-count tests (at two sizes), so both
measure the same kind of site. Half the events repeat weekly and half monthly for a year; every
25th has one date cancelled and one moved to another day and venue; they share 10 venues, 20
partner agencies (two at each event) and 3 programmes (every fifth event belongs to one).

Translations: every event exists in all seven languages, as a synchronised site would have it.
Every tenth event is translated for real (`copy_for_translation`, with its title, summary and
notices in the other language); the others are wagtail-localize aliases in the synchronised trees
(what an untranslated page is). Venues, partners and programmes are translated for real. Going
through wagtail-localize's segment-by-segment translation for each page would take about a second a
page; `copy_for_translation` makes the same rows (a page per language sharing its translation key)
in a fraction of that.

Speed: signals that rebuild occurrences, create aliases and drop cached responses are held while
building (each would run once per page), rows without tree positions (venues, partners, per-date
changes, partners at events) are bulk-inserted, and occurrences are rebuilt once at the end.
"""

import datetime
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import recurrence
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search import index as search_index
from wagtail.search.backends import get_search_backend
from wagtail.signals import page_published

from cms.cache import content_changed
from cms.demo.build import build as build_demo
from events.models import Borough, EventDateChange, EventIndexPage, EventPage, EventPartner, Venue
from events.queries import roll_all
from events.schedule import LONDON
from home.models import ProgrammeIndexPage, ProgrammePage, ProgrammePartner
from partners.models import PartnerAgency

SEED = 9
VENUES = 10
PARTNERS = 20
PROGRAMMES = 3
REAL_TRANSLATION_EVERY = 10
CHANGES_EVERY = 25
PROGRAMME_EVERY = 5
BENCH_SLUG_PREFIX = "bench-"

BOROUGHS = [
    Borough.REDBRIDGE,
    Borough.HACKNEY,
    Borough.NEWHAM,
    Borough.TOWER_HAMLETS,
    Borough.WALTHAM_FOREST,
    Borough.BARKING_DAGENHAM,
    Borough.HAVERING,
]
KINDS = list(EventPage.Kind.values)
AUDIENCES = list(EventPage.Audience.values)
SERVICES = list(PartnerAgency.Service.values)

Log = Callable[[str], None]


@dataclass
class BenchSite:
    """What was built, and how long each step took (seconds)."""

    events: list[EventPage] = field(default_factory=list)
    venues: list[Venue] = field(default_factory=list)
    partners: list[PartnerAgency] = field(default_factory=list)
    programmes: list[ProgrammePage] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    occurrences: int = 0


@contextmanager
def held_signals() -> Iterator[None]:
    """Hold the receivers that would each run once per created row; `generate` does their work once.

    Occurrences are rebuilt once for all events, the search index is written in bulk and the
    content version is bumped at the end. The reference index (the admin's "usage" counts) is not
    kept for benchmark content.
    """
    from django.apps import apps
    from modelsearch import signal_handlers as search_handlers
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from cms import signal_handlers as cms_handlers
    from events import signal_handlers as events_handlers

    page_published.disconnect(dispatch_uid="cms.create_missing_aliases")
    page_published.disconnect(dispatch_uid="cms.cache.page_published")
    page_published.disconnect(sender=EventPage, dispatch_uid="events_rebuild_published")
    for model in apps.get_models():
        post_save.disconnect(sender=model, dispatch_uid=f"cms.cache.saved.{model._meta.label}")
        post_delete.disconnect(sender=model, dispatch_uid=f"cms.cache.gone.{model._meta.label}")
    # The database search backend renormalises every entry on each insert: index in bulk instead.
    post_save.disconnect(search_handlers.post_save_signal_handler)
    for model in search_index.get_indexed_models():
        post_save.disconnect(search_handlers.post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        search_handlers.register_signal_handlers()
        # Both connect with dispatch_uids, so receivers still connected are not doubled.
        cms_handlers.register_signal_handlers()
        events_handlers.register_signal_handlers()


def ensure_site(log: Log) -> tuple[Locale, list[Locale], EventIndexPage]:
    """The demo site (home pages, menus, helplines, directory in every language), built once."""
    if not EventIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).exists():
        build_demo(log=log)
    default = Locale.get_default()
    others = list(Locale.objects.exclude(pk=default.pk).order_by("pk"))
    index = EventIndexPage.objects.get(locale=default)
    return default, others, index


def translated_text(text: str, locale: Locale) -> str:
    """Stand-in translated text: the language's own name first, so each language's text differs."""
    from django.utils.translation import get_language_info

    return f"{get_language_info(locale.language_code)['name_local']}: {text}"


def make_venues(default: Locale, others: list[Locale], rng: random.Random) -> list[Venue]:
    venues = Venue.objects.bulk_create(
        [
            Venue(
                locale=default,
                name=f"Bench community centre {n + 1}",
                address=f"{n + 1} High Street\nLondon",
                postcode="E8 1AA",
                borough=BOROUGHS[n % len(BOROUGHS)],
                accessibility="Step-free entrance; accessible toilet on the ground floor.",
                directions="Five minutes' walk from the station.",
            )
            for n in range(VENUES)
        ]
    )
    copies = []
    for venue in venues:
        for locale in others:
            copy = venue.copy_for_translation(locale)
            copy.name = translated_text(venue.name, locale)
            copies.append(copy)
    Venue.objects.bulk_create(copies)
    return venues


def make_partners(default: Locale, others: list[Locale], rng: random.Random) -> list[PartnerAgency]:
    partners = PartnerAgency.objects.bulk_create(
        [
            PartnerAgency(
                locale=default,
                live=True,
                name=f"Bench support service {n + 1:02d}",
                slug=f"{BENCH_SLUG_PREFIX}service-{n + 1:02d}",
                kind=PartnerAgency.Kind.CHARITY,
                short_description="Listens, advises and helps you plan what to do next.",
                services=rng.sample(SERVICES, 2),
                languages=["en", rng.choice(["bn", "ur", "tr", "pl", "ro", "ar"])],
                helpline_number="0808 2000 247",
                last_published_at=timezone.now(),
            )
            for n in range(PARTNERS)
        ]
    )
    copies = []
    for partner in partners:
        for locale in others:
            copy = partner.copy_for_translation(locale)
            copy.name = translated_text(partner.name, locale)
            copy.short_description = translated_text(partner.short_description, locale)
            copies.append(copy)
    PartnerAgency.objects.bulk_create(copies)
    return partners


def make_programmes(home_index: ProgrammeIndexPage, partners: list[PartnerAgency]) -> list[ProgrammePage]:
    programmes = []
    for n in range(PROGRAMMES):
        programme = ProgrammePage(
            title=f"Bench programme {n + 1}",
            slug=f"{BENCH_SLUG_PREFIX}programme-{n + 1}",
            summary="A programme for young women.",
            age_min=16,
            age_max=19,
            locale=home_index.locale,
            live=True,
            first_published_at=timezone.now(),
            last_published_at=timezone.now(),
        )
        home_index.add_child(instance=programme)
        ProgrammePartner.objects.bulk_create(
            [ProgrammePartner(page=programme, partner=partners[(n + k) % len(partners)], sort_order=k) for k in (0, 1)]
        )
        programmes.append(programme)
    return programmes


def event_fields(n: int, today: datetime.date, venues: list[Venue], programmes: list[ProgrammePage]) -> dict:
    """Event `n`: weekly if even, monthly if odd, started up to three months ago, for a year."""
    first_date = today - datetime.timedelta(days=90 - (n * 7) % 120)
    weekly = n % 2 == 0
    until = datetime.datetime.combine(first_date + datetime.timedelta(days=365), datetime.time(), tzinfo=datetime.UTC)
    if weekly:
        rule = recurrence.Rule(recurrence.WEEKLY, until=until)
    else:
        rule = recurrence.Rule(recurrence.MONTHLY, bymonthday=min(first_date.day, 28), until=until)
        first_date = first_date.replace(day=min(first_date.day, 28))
    start = datetime.time(10 + n % 8)
    return {
        "title": f"Bench {'weekly' if weekly else 'monthly'} drop-in {n + 1}",
        "slug": f"{BENCH_SLUG_PREFIX}event-{n + 1}",
        "summary": "A confidential drop-in where you can talk to someone in private.",
        "kind": KINDS[n % len(KINDS)],
        "audience": AUDIENCES[n % len(AUDIENCES)],
        "venue": venues[n % len(venues)],
        "programme": programmes[n % len(programmes)] if n % PROGRAMME_EVERY == 0 else None,
        "first_date": first_date,
        "start_time": start,
        "end_time": datetime.time(start.hour + 2),
        "repeat": recurrence.Recurrence(rrules=[rule]),
    }


def add_events(
    index: EventIndexPage,
    count: int,
    start: int,
    venues: list[Venue],
    partners: list[PartnerAgency],
    programmes: list[ProgrammePage],
) -> list[EventPage]:
    """English events with their per-date changes and partners, live, occurrences not yet built."""
    today = timezone.now().astimezone(LONDON).date()
    now = timezone.now()
    events = []
    for n in range(start, start + count):
        page = EventPage(locale=index.locale, live=True, first_published_at=now, last_published_at=now)
        for name, value in event_fields(n, today, venues, programmes).items():
            setattr(page, name, value)
        index.add_child(instance=page)
        events.append(page)
    changes, rows = [], []
    for n, event in enumerate(events, start):
        if n % CHANGES_EVERY == 0:
            weeks = 1 if n % 2 == 0 else 5
            cancelled = event.first_date + datetime.timedelta(weeks=weeks * 2)
            moved = event.first_date + datetime.timedelta(weeks=weeks * 3)
            changes += [
                EventDateChange(
                    page=event,
                    locale=event.locale,
                    sort_order=0,
                    date=cancelled,
                    action=EventDateChange.Action.CANCEL,
                    notice="Cancelled because the building is closed.",
                ),
                EventDateChange(
                    page=event,
                    locale=event.locale,
                    sort_order=1,
                    date=moved,
                    action=EventDateChange.Action.MOVE,
                    new_date=moved + datetime.timedelta(days=1),
                    new_venue=venues[(n + 1) % len(venues)],
                    notice="Moved to the next day, at another centre.",
                ),
            ]
        for order in (0, 1):
            rows.append(
                EventPartner(
                    page=event,
                    locale=event.locale,
                    sort_order=order,
                    partner=partners[(n + order * 7) % len(partners)],
                    role="Support workers",
                )
            )
    EventDateChange.objects.bulk_create(changes)
    EventPartner.objects.bulk_create(rows)
    return events


def translate_pages(pages: list[Page], others: list[Locale], real: bool) -> None:
    """Every page in every other language: a real translation (texts changed) or an alias."""
    for page in pages:
        for locale in others:
            if real:
                translation = page.copy_for_translation(locale, copy_parents=True)
                translation.title = translated_text(page.title, locale)
                if isinstance(translation, EventPage):
                    translation.summary = translated_text(page.summary, locale)
                    for change in translation.date_changes.all():
                        change.notice = translated_text(change.notice, locale)
                translation.live = True
                translation.save()
            else:
                page.copy_for_translation(locale, copy_parents=True, alias=True)


def generate(events: int = 1000, *, seed: int = SEED, log: Log = print) -> BenchSite:
    """Build the demo site (once) and `events` benchmark events with everything they point at.

    Runs again on the same database add `events` more (their numbers continue), so tests can build
    two sizes in one database.
    """
    rng = random.Random(seed)
    site = BenchSite()
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        site.timings[name] = round(time.perf_counter() - clock, 3)
        clock = time.perf_counter()
        log(f"{name}: {site.timings[name]:.1f} s")

    default, others, index = ensure_site(log)
    lap("demo site")
    with held_signals(), transaction.atomic():
        existing = EventPage.objects.filter(locale=default, slug__startswith=BENCH_SLUG_PREFIX).count()
        site.venues = list(Venue.objects.filter(locale=default, name__startswith="Bench ").order_by("pk"))
        site.partners = list(
            PartnerAgency.objects.filter(locale=default, slug__startswith=BENCH_SLUG_PREFIX).order_by("pk")
        )
        site.programmes = list(
            ProgrammePage.objects.filter(locale=default, slug__startswith=BENCH_SLUG_PREFIX).order_by("pk")
        )
        if not site.venues:
            site.venues = make_venues(default, others, rng)
            site.partners = make_partners(default, others, rng)
            programme_index = ProgrammeIndexPage.objects.get(locale=default)
            site.programmes = make_programmes(programme_index, site.partners)
            translate_pages(site.programmes, others, real=True)
        lap("venues, partners and programmes")
        site.events = add_events(index, events, existing, site.venues, site.partners, site.programmes)
        lap(f"{events} events in English")
        real = [event for n, event in enumerate(site.events, existing) if n % REAL_TRANSLATION_EVERY == 0]
        aliased = [event for n, event in enumerate(site.events, existing) if n % REAL_TRANSLATION_EVERY != 0]
        translate_pages(real, others, real=True)
        lap(f"{len(real) * len(others)} real translations")
        translate_pages(aliased, others, real=False)
        lap(f"{len(aliased) * len(others)} aliases")
        added = [
            *site.events,
            *EventPage.objects.filter(translation_key__in=[e.translation_key for e in site.events]).exclude(
                locale=default
            ),
        ]
        get_search_backend().add_bulk(EventPage, added)
        lap("search index")
        site.occurrences = roll_all()
        content_changed()
    lap(f"{site.occurrences} occurrences")
    return site
