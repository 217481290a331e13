"""iCalendar (RFC 5545) for calendar apps: one event's whole series, and a calendar to subscribe to.

Written from the stored occurrences, which are what the site lists, so that a calendar app
expanding the file finds exactly the site's sessions:

- an event's series is its first session as DTSTART with a TZID of Europe/London (a London
  wall-clock time, so 2pm stays 2pm across clock changes), the editor's rule as RRULE (UNTIL
  inside it, in UTC as RFC 5545 requires), RDATE and EXDATE where the stored sessions differ
  from the rule, and a RECURRENCE-ID override for each cancelled (STATUS:CANCELLED), moved or
  retimed session and each session with a notice. Where that would take more exception dates
  than calendar apps accept (Google Calendar refuses more than about 90), each session is
  written as an event of its own instead;
- the subscribable calendar has one event per session (recent and upcoming), so that it can be
  filtered like the listing.
"""

import datetime
from collections.abc import Iterable

import dateutil.rrule
import recurrence
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, Event, Timezone, vRecur
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Revision, Site

from partners.caching import remember_each

from .models import EventIndexPage, EventPage, Occurrence
from .queries import Localiser, restricted_paths, schedule_source, sessions_for, visible_occurrences
from .schedule import LONDON, UTC, editor_date, london_datetime, session_bounds
from .syndication import (
    CALENDAR_DAYS_BEHIND,
    CALENDAR_MAX_SESSIONS,
    FeedItem,
    clean_line,
    feed_items,
    feed_occurrences,
    with_status,
)

CONTENT_TYPE = "text/calendar; charset=utf-8"
# How often subscribed calendar apps should look again (RFC 7986 and the older X-PUBLISHED-TTL).
REFRESH_INTERVAL = datetime.timedelta(hours=1)
# More exception dates than this and a series is written as separate events.
MAX_EXCEPTION_DATES = 60


def new_calendar(name: str, language: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//East London Safe Spaces//Events//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/London")
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    return calendar


def finish(calendar: Calendar, first: datetime.date, last: datetime.date, written: Iterable[bytes] = ()) -> bytes:
    """The calendar as bytes: a VTIMEZONE for Europe/London covering `first` to `last` (every time
    here is a London one, and a calendar with no session still names its zone), its components,
    then the VEVENTs already `written`."""
    zone = Timezone.from_tzid(
        "Europe/London", first_date=datetime.date(first.year - 1, 1, 1), last_date=datetime.date(last.year + 2, 1, 1)
    )
    calendar.subcomponents.insert(0, zone)
    head, end, tail = calendar.to_ical().rpartition(b"END:VCALENDAR")
    return head + b"".join(written) + end + tail


def local(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(LONDON)


def uid_host(request: HttpRequest) -> str:
    site = Site.find_for_request(request)
    return site.hostname if site else request.get_host().split(":")[0]


def sequences(sources: list[EventPage]) -> dict[int, int]:
    """How many revisions each event has had: its SEQUENCE, which grows with every change."""
    counts = (
        Revision.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page), object_id__in=[str(s.pk) for s in sources]
        )
        .values("object_id")
        .annotate(count=Count("pk"))
    )
    return {int(row["object_id"]): row["count"] for row in counts}


def stamp(component: Event, source: EventPage, sequence: int) -> None:
    modified = source.last_published_at or source.latest_revision_created_at or timezone.now()
    component.add("dtstamp", modified.astimezone(UTC))
    component.add("last-modified", modified.astimezone(UTC))
    if source.first_published_at:
        component.add("created", source.first_published_at.astimezone(UTC))
    component.add("sequence", sequence)


def text_language(item: FeedItem, locale: Locale) -> str:
    return item.session.page_lang or locale.language_code


def session_component(item: FeedItem, uid: str, source: EventPage, sequence: int, locale: Locale) -> Event:
    """A VEVENT for one session: the session itself, or an override of a series' instance."""
    occurrence = item.occurrence
    component = Event()
    component.add("uid", uid)
    component.add(
        "summary",
        with_status(item.status, clean_line(item.session.page.title)),
        parameters={"LANGUAGE": text_language(item, locale)},
    )
    component.add("dtstart", local(occurrence.start))
    component.add("dtend", local(occurrence.end))
    component.add("status", "CANCELLED" if occurrence.is_cancelled else "CONFIRMED")
    describe(component, item, item.lines(), source, sequence)
    return component


def describe(component: Event, item: FeedItem, lines: list[str], source: EventPage, sequence: int) -> None:
    """What every VEVENT carries: description, place, link, kind, and when it last changed."""
    component.add("description", "\n".join([*lines, item.url]))
    if item.venue:
        component.add("location", item.venue)
    if item.url:
        component.add("url", item.url)
    component.add("categories", [str(source.get_kind_display())])
    component.add("class", "PUBLIC")
    component.add("transp", "OPAQUE")
    stamp(component, source, sequence)


def calendar_response(body: bytes, filename: str, disposition: str = "attachment") -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


# --- One event: the whole series -----------------------------------------------------------


def ical_rule(rule: recurrence.Rule) -> vRecur:
    """The editor's rule as RRULE, its UNTIL the end of the editor's last day in London, in UTC."""
    text = recurrence.serialize(recurrence.Recurrence(rrules=[rule])).removeprefix("RRULE:")
    recur = vRecur.from_ical(text)
    recur.pop("UNTIL", None)
    if rule.until:
        recur["UNTIL"] = [london_datetime(editor_date(rule.until), datetime.time(23, 59, 59))]
    return recur


def rule_instances(
    start: datetime.datetime, recur: vRecur | None, last_day: datetime.date
) -> dict[datetime.date, datetime.datetime]:
    """The instances a calendar app computes from DTSTART and RRULE, up to `last_day`, by date."""
    instances = {start.date(): start}
    if recur is not None:
        rule = dateutil.rrule.rrulestr(recur.to_ical().decode(), dtstart=start)
        end = datetime.datetime.combine(last_day, datetime.time.max, tzinfo=LONDON)
        for moment in rule.between(start, end, inc=True):
            instances.setdefault(moment.date(), moment)
    return instances


def series_components(
    source: EventPage, items: list[FeedItem], master_item: FeedItem, uid: str, sequence: int, locale: Locale
) -> list[Event] | None:
    """The master VEVENT and its overrides, or None when the series needs too many exceptions."""
    rules = source.repeat.rrules if source.repeat else []
    if len(rules) > 1:
        return None
    recur = ical_rule(rules[0]) if rules else None
    first_start, first_end = session_bounds(source.first_date, source.start_time, source.end_time)
    start = local(first_start)
    duration = first_end - first_start
    by_date = {item.occurrence.date: item for item in items}
    instances = rule_instances(start, recur, max(by_date))
    exdates = [moment for day, moment in instances.items() if day not in by_date]
    rdates = [local(london_datetime(day, source.start_time)) for day in by_date if day not in instances]
    if len(exdates) > MAX_EXCEPTION_DATES or len(rdates) > MAX_EXCEPTION_DATES:
        return None

    master = Event()
    master.add("uid", uid)
    language = {"LANGUAGE": text_language(master_item, locale)}
    master.add("summary", clean_line(master_item.session.page.title), parameters=language)
    master.add("dtstart", start)
    master.add("dtend", start + duration)
    if recur is not None:
        master.add("rrule", recur)
    if rdates:
        master.add("rdate", sorted(rdates))
    if exdates:
        master.add("exdate", sorted(exdates))
    master.add("status", "CONFIRMED")
    describe(master, master_item, master_item.facts(), source, sequence)

    components = [master]
    for day, item in sorted(by_date.items()):
        occurrence = item.occurrence
        instance = instances.get(day) or local(london_datetime(day, source.start_time))
        expected = (instance, instance + duration)
        if (
            (local(occurrence.start), local(occurrence.end)) != expected
            or occurrence.status != Occurrence.Status.SCHEDULED
            or occurrence.venue_id != source.venue_id
            or item.notice
        ):
            override = session_component(item, uid, source, sequence, locale)
            override.add("recurrence-id", instance)
            components.append(override)
    return components


def event_calendar(page: EventPage, request: HttpRequest) -> HttpResponse:
    """Every session of `page`'s event, past ones included, as one series where possible."""
    locale = page.locale
    source = schedule_source(page.translation_key) or page
    occurrences = list(
        Occurrence.objects.filter(event=source)
        .select_related("event", "event__locale", "venue", "change")
        .defer("event__repeat", "event__body")  # the rule comes from `source`, not from every row
    )
    localiser = Localiser.for_occurrences(occurrences, locale, timezone.now(), restricted=[], with_pages=False)
    sessions = [localiser.session(occurrence, page) for occurrence in occurrences]
    items = feed_items(sessions, request, locale)
    calendar = new_calendar(clean_line(page.title), locale.language_code)
    host = uid_host(request)
    sequence = sequences([source]).get(source.pk, 0)
    if items:
        uid = f"{source.translation_key}-{locale.language_code}@{host}"
        master_item = next((item for item in items if item.occurrence.venue_id == source.venue_id), items[0])
        components = series_components(source, items, master_item, uid, sequence, locale)
        if components is None:
            components = [
                session_component(item, session_uid(item, locale, host), source, sequence, locale) for item in items
            ]
        for component in components:
            calendar.add_component(component)
    first = min((o.date for o in occurrences), default=source.first_date)
    last = max((o.date for o in occurrences), default=source.first_date)
    return calendar_response(finish(calendar, first, last), f"{page.slug}-{locale.language_code}.ics")


# --- The subscribable calendar -------------------------------------------------------------


def session_uid(item: FeedItem, locale: Locale, host: str) -> str:
    occurrence = item.occurrence
    return f"{occurrence.event.translation_key}-{occurrence.date:%Y%m%d}-{locale.language_code}@{host}"


def sessions_calendar(index: EventIndexPage, request: HttpRequest) -> HttpResponse:
    """Recent and upcoming public sessions in `index`'s language, one event each, filtered like the listing.

    Each session's VEVENT is written once per content version (partners.caching.remember_each)
    and shared by every filter and every hour's window: a thousand of them took a second.
    """
    locale = index.locale
    host = uid_host(request)
    chosen = feed_occurrences(
        request, locale, behind_days=CALENDAR_DAYS_BEHIND, limit=CALENDAR_MAX_SESSIONS, fields=("pk", "start")
    )
    written = remember_each(
        request,
        f"calendar-session:{locale.language_code}:{host}",
        [pk for pk, _start in chosen],
        lambda pks: session_events(pks, request, locale, host),
    )
    name = f"{clean_line(index.title)} · {gettext('East London Safe Spaces')}"
    today = timezone.now().astimezone(LONDON).date()
    last = max((start.astimezone(LONDON).date() for _pk, start in chosen), default=today)
    events = [written[pk] for pk, _start in chosen if pk in written]  # none for a session deleted meanwhile
    body = finish(new_calendar(name, locale.language_code), today, last, events)
    return calendar_response(body, f"events-{locale.language_code}.ics", "inline")


def session_events(pks: list[int], request: HttpRequest, locale: Locale, host: str) -> dict[int, bytes]:
    """The VEVENT of each public session in `pks`, as bytes, by occurrence."""
    now = timezone.now()
    restricted = restricted_paths(request)
    visible = visible_occurrences(now, restricted)
    # At most two queries for a whole calendar: SQLite before 3.32 takes no more than 999 parameters.
    occurrences = [o for start in range(0, len(pks), 900) for o in visible.filter(pk__in=pks[start : start + 900])]
    items = feed_items(sessions_for(occurrences, request, locale, now, restricted), request, locale)
    revision_counts = sequences(list({item.occurrence.event_id: item.occurrence.event for item in items}.values()))
    written = {}
    for item in items:
        source, uid = item.occurrence.event, session_uid(item, locale, host)
        written[item.occurrence.pk] = session_component(
            item, uid, source, revision_counts.get(source.pk, 0), locale
        ).to_ical()
    return written


def serve_calendar_file(request: HttpRequest, path: str) -> HttpResponse:
    """…/calendar.ics, the address calendar apps expect, served by the page's calendar/ route.

    Wagtail's page URLs cannot contain a dot; going through its `serve` view keeps every check
    it makes before serving a page (live, the view restrictions, our language hooks).
    """
    return wagtail_views.serve(request, calendar_page_path(path))


def calendar_page_path(path: str) -> str:
    """The page route that …/calendar.ics at `path` is served by."""
    return path + "calendar/"
