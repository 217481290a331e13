"""Which sessions exist and which the public may see, and in which language to show them.

Listings read the `Occurrence` table with a fixed number of queries, whatever the number of
events: one for the sessions, one to count them, one per kind of translated text (pages,
venues, notices) looked up by `translation_key` in the active language.
"""

import datetime
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from partners.caching import note, remember
from partners.models import PartnerAgency
from partners.queries import localize_partner_ids, public, restricted_paths

from .models import EventDateChange, EventIndexPage, EventPage, EventPartner, Occurrence, Venue
from .schedule import HORIZON_DAYS, LONDON, session_bounds, session_dates
from .signals import occurrences_rebuilt

LISTING_PAGE_SIZE = 20
EVENT_PAGE_UPCOMING = 12
EVENT_PAGE_PAST = 24
# The next sessions on the home page; a partner's page and a programme's page show a few more.
HOME_PAGE_SESSIONS = 4


# --- Building occurrences ---------------------------------------------------------------------


def schedule_source(translation_key: uuid.UUID) -> EventPage | None:
    """The translation of an event whose schedule is authoritative.

    The page in the default language if it exists, else the oldest remaining translation.
    Aliases (untranslated copies in the synchronised trees) never are.
    """
    candidates = EventPage.objects.filter(translation_key=translation_key, alias_of__isnull=True).select_related(
        "locale", "venue"
    )
    default = candidates.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    return default or candidates.order_by("pk").first()


def build_sessions(source: EventPage, until: datetime.date) -> list[Occurrence]:
    """Unsaved occurrences of `source` up to `until`, with its per-date changes applied."""
    changes = {change.date: change for change in source.date_changes.all()}
    sessions = []
    for day in session_dates(source.first_date, source.repeat, until):
        occurrence = Occurrence(event=source, date=day, venue_id=source.venue_id)
        start_day, start_time, end_time = day, source.start_time, source.end_time
        change = changes.get(day)
        if change is not None:
            occurrence.change = change
            if change.action == EventDateChange.Action.CANCEL:
                occurrence.status = Occurrence.Status.CANCELLED
            elif change.action == EventDateChange.Action.MOVE:
                occurrence.status = Occurrence.Status.RESCHEDULED
                start_day = change.new_date or day
                start_time = change.new_start_time or start_time
                end_time = change.new_end_time or end_time
                occurrence.venue_id = change.new_venue_id or occurrence.venue_id
        occurrence.start, occurrence.end = session_bounds(start_day, start_time, end_time)
        sessions.append(occurrence)
    return sessions


def horizon(now: datetime.datetime) -> datetime.date:
    return now.astimezone(LONDON).date() + datetime.timedelta(days=HORIZON_DAYS)


@transaction.atomic
def rebuild_occurrences(
    translation_key: uuid.UUID, now: datetime.datetime | None = None, unpublished: int | None = None
) -> int:
    """Replace the future occurrences of an event from its authoritative schedule.

    Sessions that have started are kept as they were (the archive); an event stored for the
    first time also gets its past sessions. Returns the number of occurrences written.
    `unpublished` is the id of a page being unpublished whose row may still say live: Wagtail
    unpublishes a page without saving just before deleting it.
    """
    now = now or timezone.now()
    Occurrence.objects.filter(event__translation_key=translation_key, start__gte=now).delete()
    transaction.on_commit(lambda: occurrences_rebuilt.send(sender=Occurrence, translation_key=translation_key))
    source = schedule_source(translation_key)
    if source is None or not source.live or source.pk == unpublished:
        return 0
    kept_dates = set(Occurrence.objects.filter(event=source).values_list("date", flat=True))
    sessions = [
        session
        for session in build_sessions(source, horizon(now))
        if session.date not in kept_dates and (session.start >= now or not kept_dates)
    ]
    Occurrence.objects.bulk_create(sessions)
    return len(sessions)


def roll_all(now: datetime.datetime | None = None) -> int:
    """Rebuild every live event, moving the horizon forward. Run daily."""
    keys = EventPage.objects.live().values_list("translation_key", flat=True).distinct()
    return sum(rebuild_occurrences(key, now) for key in set(keys))


# --- What the public may see ------------------------------------------------------------------


def active_locale(request: HttpRequest | None) -> Locale:
    """`Locale.get_active()`, looked up once per content version and language (header, sections and footer ask)."""
    return remember(request, f"active-locale:{get_language()}", Locale.get_active)


def note_active_locale(request: HttpRequest, locale: Locale) -> None:
    """Remember `locale` (already fetched, e.g. the served page's) as the active one, if it is."""
    if locale.language_code == get_language():
        note(request, f"active-locale:{locale.language_code}", locale)


def public_pages_q(prefix: str, now: datetime.datetime, restricted: list[str]) -> Q:
    """Live, unexpired pages outside any view restriction (`prefix` reaches the page)."""
    q = Q(**{f"{prefix}live": True}) & (
        Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": now})
    )
    for path in restricted:
        q &= ~Q(**{f"{prefix}path__startswith": path})
    return q


def ended_before(occurrences: QuerySet[Occurrence], moment: datetime.datetime) -> QuerySet[Occurrence]:
    """The sessions over by `moment`, latest first.

    Each started before `moment` too: saying so lets the database walk its index on `start` back
    from `moment`, rather than past every session still to come (40 ms at a thousand events).
    """
    return occurrences.filter(end__lt=moment, start__lt=moment).order_by("-start")


def visible_occurrences(now: datetime.datetime, restricted: list[str]) -> QuerySet[Occurrence]:
    """Public sessions with what lists show of them. Not the event's rule or body: lists never show
    them, and a rule is parsed again for every row (dozens of sessions share an event)."""
    return (
        Occurrence.objects.filter(public_pages_q("event__", now, restricted))
        .select_related("event", "event__locale", "venue", "change")
        .defer("event__repeat", "event__body")
    )


# --- Showing them in the active language -----------------------------------------------------


@dataclass
class Text:
    """Editor text with the language it is in, when that differs from the page's."""

    value: str
    lang: str | None = None


@dataclass
class Session:
    """An occurrence as a visitor sees it: the event page, venue and notice in their language."""

    occurrence: Occurrence
    page: EventPage
    page_lang: str | None
    venue: Venue | None
    venue_lang: str | None
    notice: Text | None
    url: str = ""


@dataclass
class Localiser:
    """Looks up translations of many objects at once, with one query per model."""

    locale: Locale
    pages: dict[uuid.UUID, EventPage] = field(default_factory=dict)
    venues: dict[uuid.UUID, Venue] = field(default_factory=dict)
    notices: dict[uuid.UUID, str] = field(default_factory=dict)

    @classmethod
    def for_occurrences(
        cls,
        occurrences: list[Occurrence],
        locale: Locale,
        now: datetime.datetime,
        restricted: list[str],
        with_pages: bool = True,
    ) -> "Localiser":
        localiser = cls(locale)
        if not occurrences or all(o.event.locale_id == locale.pk for o in occurrences):
            return localiser
        event_keys = {o.event.translation_key for o in occurrences}
        venue_keys = {o.venue.translation_key for o in occurrences if o.venue}
        change_keys = {o.change.translation_key for o in occurrences if o.change}
        if with_pages:
            localiser.pages = {
                page.translation_key: page
                for page in EventPage.objects.filter(
                    public_pages_q("", now, restricted), translation_key__in=event_keys, locale=locale
                ).select_related("locale")
            }
        if venue_keys:
            localiser.venues = {
                venue.translation_key: venue
                for venue in Venue.objects.filter(translation_key__in=venue_keys, locale=locale)
            }
        if change_keys:
            localiser.notices = dict(
                EventDateChange.objects.filter(translation_key__in=change_keys, locale=locale)
                .exclude(notice="")
                .values_list("translation_key", "notice")
            )
        return localiser

    def session(self, occurrence: Occurrence, page: EventPage | None = None) -> Session:
        source = occurrence.event
        page = page or self.pages.get(source.translation_key, source)
        venue = occurrence.venue and self.venues.get(occurrence.venue.translation_key, occurrence.venue)
        notice = None
        if occurrence.change and occurrence.change.notice:
            translated = self.notices.get(occurrence.change.translation_key)
            notice = Text(translated) if translated else Text(occurrence.change.notice, self.source_lang(source))
        return Session(
            occurrence=occurrence,
            page=page,
            page_lang=self.source_lang(source) if page.locale_id != self.locale.pk or page.alias_of_id else None,
            venue=venue,
            venue_lang=self.source_lang(source) if venue and venue.locale_id != self.locale.pk else None,
            notice=notice,
        )

    def source_lang(self, source: EventPage) -> str | None:
        return None if source.locale_id == self.locale.pk else source.locale.language_code


def sessions_for(
    occurrences: list[Occurrence], request: HttpRequest, locale: Locale, now: datetime.datetime, restricted: list[str]
) -> list[Session]:
    localiser = Localiser.for_occurrences(occurrences, locale, now, restricted)
    sessions = [localiser.session(occurrence) for occurrence in occurrences]
    for session in sessions:
        session.url = session.page.get_url(request) or ""
    return sessions


# --- The events index -------------------------------------------------------------------------


def event_listing(request: HttpRequest) -> dict[str, Any]:
    from .forms import EventFilterForm

    now = timezone.now()
    locale = active_locale(request)
    restricted = restricted_paths(request)
    form = EventFilterForm(request.GET or None, locale=locale, request=request)
    filters = form.filters() if form.is_bound else {}
    past = filters.get("when") == "past"
    occurrences = visible_occurrences(now, restricted)
    occurrences = ended_before(occurrences, now) if past else occurrences.filter(end__gte=now)
    occurrences = filter_occurrences(occurrences, filters)
    page_of_results = Paginator(occurrences, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
    return {
        "filter_form": form,
        "is_past": past,
        "results": page_of_results,
        "sessions": sessions_for(list(page_of_results.object_list), request, locale, now, restricted),
    }


def filter_occurrences(occurrences: QuerySet[Occurrence], filters: dict[str, Any]) -> QuerySet[Occurrence]:
    if filters.get("kind"):
        occurrences = occurrences.filter(event__kind=filters["kind"])
    if filters.get("audience"):
        occurrences = occurrences.filter(event__audience=filters["audience"])
    if filters.get("borough"):
        occurrences = occurrences.filter(venue__borough=filters["borough"])
    if filters.get("programme"):
        occurrences = occurrences.filter(event__programme__slug=filters["programme"])
    if filters.get("partner"):
        with_partner = EventPartner.objects.filter(partner__translation_key=filters["partner"]).values("page_id")
        occurrences = occurrences.filter(event_id__in=with_partner)
    if filters.get("start"):
        occurrences = occurrences.filter(
            start__gte=session_bounds(filters["start"], datetime.time(), datetime.time())[0]
        )
    if filters.get("end"):
        day_after = filters["end"] + datetime.timedelta(days=1)
        occurrences = occurrences.filter(start__lt=session_bounds(day_after, datetime.time(), datetime.time())[0])
    return occurrences


def programme_choices(locale: Locale, request: HttpRequest | None = None) -> list[tuple[str, str]]:
    """Live, public programme pages in `locale` (translations or English aliases), by slug."""
    programme_page = apps.get_model("home", "ProgrammePage")
    pages = public(programme_page.objects.live().filter(locale=locale), request).order_by("title")
    return [(page.slug, page.title) for page in pages]


def partner_choices(locale: Locale, request: HttpRequest | None = None) -> list[tuple[str, str]]:
    """Partner agencies at live, public events, named in `locale` where translated and live.

    Not at private events: the menu would tell who will be at them.
    """
    partner_agency = apps.get_model("partners", "PartnerAgency")
    # Per partner, whether a live, public event lists it (an indexed probe), rather than collecting
    # the partner of every row of every event in every language: a thousand events have 14,000 rows.
    public = public_pages_q("page__", timezone.now(), restricted_paths(request))
    at_public_event = Exists(EventPartner.objects.filter(public, partner_id=OuterRef("pk")))
    keys = partner_agency.objects.filter(at_public_event).values("translation_key")
    names: dict[uuid.UUID, str] = {}
    for partner in partner_agency.objects.filter(translation_key__in=keys).select_related("locale"):
        if partner.locale_id == locale.pk and partner.live:
            names[partner.translation_key] = partner.name
        elif partner.locale.language_code == settings.LANGUAGE_CODE:
            names.setdefault(partner.translation_key, partner.name)
    return sorted(((str(key), name) for key, name in names.items()), key=lambda choice: choice[1].casefold())


# --- One event page ---------------------------------------------------------------------------


@dataclass
class PartnerAtEvent:
    """A partner agency shown on an event: never an empty slot, English if not translated.

    Its name is in the page's language when a live translation exists, else in the language
    the event's editor chose it in (`name_lang`), so the slot is never empty.
    """

    name: str
    name_lang: str | None
    role: Text | None
    partner: Any


def partners_at_events(sources: list[EventPage], locale: Locale) -> dict[int, list[PartnerAtEvent]]:
    """The partners at each of `sources` (schedules' pages), by page id, in the editors' order.

    Reads the sources' rows, not the translations': a translated row may still point at the English
    partner (wagtail-localize keeps it until the partner is translated and the event re-synced), so
    each partner is looked up by translation key. Roles come from the translated rows where a
    translator has written one. A fixed number of queries, however many events and partners.
    """
    rows = list(
        EventPartner.objects.filter(page__in={source.pk for source in sources})
        .select_related("page__locale")
        .order_by("page_id", "sort_order")
    )
    if not rows:
        return {}
    roles = {}
    if any(row.page.locale_id != locale.pk for row in rows):  # else the rows hold the roles in `locale`
        roles = dict(
            EventPartner.objects.filter(
                translation_key__in=[row.translation_key for row in rows],
                locale=locale,
                page__alias_of__isnull=True,  # an alias's rows hold the English roles
            )
            .exclude(role="")
            .values_list("translation_key", "role")
        )
    shown = localize_partner_ids([row.partner_id for row in rows], locale)
    result: dict[int, list[PartnerAtEvent]] = {}
    for row in rows:
        partner = shown.get(row.partner_id)
        if partner is None:
            continue  # unpublished: not for the public, in any language
        partner_lang = None if partner.locale_id == locale.pk else partner.locale.language_code
        role = None
        if row.translation_key in roles:
            role = Text(roles[row.translation_key])
        elif row.role:
            source_locale = row.page.locale
            role = Text(row.role, None if source_locale.pk == locale.pk else source_locale.language_code)
        result.setdefault(row.page_id, []).append(PartnerAtEvent(partner.name, partner_lang, role, partner))
    return result


def partners_at(source: EventPage, locale: Locale) -> list[PartnerAtEvent]:
    return partners_at_events([source], locale).get(source.pk, [])


def event_page_context(page: EventPage, request: HttpRequest) -> dict[str, Any]:
    from .jsonld import event_json_ld

    now = timezone.now()
    locale = page.locale
    source = schedule_source(page.translation_key) or page
    occurrences = (
        Occurrence.objects.filter(event=source)
        .select_related("event", "event__locale", "venue", "change")
        .defer("event__repeat", "event__body")  # the schedule is `source`; every row would parse the rule again
    )
    upcoming = list(occurrences.filter(end__gte=now)[:EVENT_PAGE_UPCOMING])
    past = list(ended_before(occurrences, now)[:EVENT_PAGE_PAST])
    localiser = Localiser.for_occurrences(upcoming + past, locale, now, restricted=[], with_pages=False)
    upcoming_sessions = [localiser.session(o, page) for o in upcoming]
    past_sessions = [localiser.session(o, page) for o in past]
    venue = source.venue
    venue_lang = None
    if venue is not None and venue.locale_id != locale.pk:
        venue = Venue.objects.filter(translation_key=venue.translation_key, locale=locale).first() or venue
        venue_lang = None if venue.locale_id == locale.pk else source.locale.language_code
    return {
        "schedule": source,
        "upcoming_sessions": upcoming_sessions,
        "past_sessions": past_sessions,
        "venue": venue,
        "venue_lang": venue_lang,
        "partners_at_event": partners_at(source, locale),
        "json_ld": event_json_ld(page, source, request, upcoming_sessions or past_sessions[:1]),
    }


# --- Sessions elsewhere on the site -----------------------------------------------------------


def upcoming_sessions(
    request: HttpRequest,
    locale: Locale,
    *,
    partner: PartnerAgency | None = None,
    programme: Page | None = None,
    limit: int = HOME_PAGE_SESSIONS,
) -> list[Session]:
    """The next public sessions, all or only those with a partner agency or of a programme.

    `partner` (a PartnerAgency) and `programme` (a ProgrammePage) may be in any language, or an
    alias: both match by translation key, so every language lists the same sessions. Cancelled
    sessions stay in the list until they are past. A fixed number of queries, however many events.
    """
    now = timezone.now()
    restricted = restricted_paths(request)
    occurrences = visible_occurrences(now, restricted).filter(end__gte=now)
    if partner is not None:
        occurrences = filter_occurrences(occurrences, {"partner": partner.translation_key})
    if programme is not None:
        occurrences = occurrences.filter(event__programme__translation_key=programme.translation_key)
    return sessions_for(list(occurrences[: max(limit, 0)]), request, locale, now, restricted)


def note_event_index(request: HttpRequest, index: EventIndexPage) -> None:
    """The live index being served is its language's index: the header's feed links need not look it up.

    (Wagtail has checked its view restrictions before serving it; a preview of a draft is not noted.)
    """
    if index.live:
        note(request, f"event-index:{index.locale_id}", index)


def event_index_for(locale: Locale, request: HttpRequest | None = None) -> EventIndexPage | None:
    """The live, public events index of `locale` (a translation or an alias), if there is one.

    Looked up once per content version and locale: the header's feed links and the page's sections all ask.
    """
    return remember(
        request,
        f"event-index:{locale.pk}",
        lambda: public(EventIndexPage.objects.live().filter(locale=locale), request).first(),
    )
