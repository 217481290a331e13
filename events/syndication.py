"""What the feeds (RSS, Atom, iCalendar) say about a session, shared by every format.

Feed readers and calendar apps show plain text far from our pages, so each session carries its
whole story in the reader's language: when (London time), where, who may come, who will be
there and any notice. Editor text is cleaned of what XML 1.0 and iCalendar cannot carry.
"""

import datetime
import re
import uuid
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils import formats, timezone
from django.utils.translation import gettext, pgettext
from wagtail.models import Locale

from .models import EventPage, Occurrence
from .queries import (
    PartnerAtEvent,
    Session,
    ended_before,
    filter_occurrences,
    partners_at_events,
    restricted_paths,
    sessions_for,
    visible_occurrences,
)
from .schedule import LONDON

# RSS and Atom list the next sessions; the subscribable calendar also keeps recent ones, so a
# session that was just cancelled stays visible as cancelled in calendars that have it.
FEED_DAYS_AHEAD = 180
FEED_MAX_ITEMS = 50
CALENDAR_DAYS_BEHIND = 31
CALENDAR_MAX_SESSIONS = 1000

# XML 1.0 allows no C0 control character but tab, newline and carriage return, nor U+FFFE and
# U+FFFF; iCalendar text allows none but tab. Bidirectional overrides and isolates (U+202A-E,
# U+2066-9) left unbalanced would reverse the text that follows them in a feed reader.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
FEED_NAMESPACE = uuid.UUID("0f8e4bd2-3a51-4b6e-9d0c-5b1f5f0e6a11")


def clean_text(value: Any) -> str:
    """Editor text fit for XML and iCalendar: control characters and direction overrides removed."""
    return NOT_IN_XML.sub("", str(value or "")).strip()


def clean_line(value: Any) -> str:
    """A title or name on one line: a newline typed (or pasted) into it becomes a space.

    Feed readers show titles on one line, and calendar apps would otherwise split them.
    """
    return " ".join(clean_text(value).split())


def feed_filters(request: HttpRequest, locale: Locale) -> dict[str, Any]:
    """The listing's filters from a feed's query string; bad values are ignored, as on the page."""
    from .forms import EventFilterForm

    if not request.GET:
        return {}
    form = EventFilterForm(request.GET, locale=locale, request=request)
    filters = form.filters()
    filters.pop("when", None)  # feeds are about what is coming (and, for calendars, just past)
    return filters


def feed_occurrences(request: HttpRequest, locale: Locale, *, behind_days: int, limit: int, fields: tuple = ()) -> list:
    """Public sessions from `behind_days` ago to FEED_DAYS_AHEAD ahead, filtered like the listing;
    with `fields`, those values of each (values_list) rather than the occurrences.

    Beyond `limit`, the soonest sessions to come are kept, and the recent past fills the room
    that is left, latest first: at a thousand events, the first thousand sessions from a month
    ago would all be over, and a subscribed calendar would show nothing to come.
    """
    now = timezone.now()
    occurrences = filter_occurrences(visible_occurrences(now, restricted_paths(request)), feed_filters(request, locale))
    if fields:
        occurrences = occurrences.values_list(*fields)
    ahead = now + datetime.timedelta(days=FEED_DAYS_AHEAD)
    chosen = list(occurrences.filter(end__gte=now, start__lt=ahead).order_by("start", "pk")[:limit])
    if behind_days and len(chosen) < limit:
        recent = ended_before(occurrences, now).filter(end__gte=now - datetime.timedelta(days=behind_days))
        chosen = list(recent.order_by("-start", "-pk")[: limit - len(chosen)])[::-1] + chosen
    return chosen


def feed_sessions(request: HttpRequest, locale: Locale, *, limit: int) -> list[Session]:
    """The next `limit` public sessions, as RSS and Atom list them."""
    occurrences = feed_occurrences(request, locale, behind_days=0, limit=limit)
    return sessions_for(occurrences, request, locale, timezone.now(), restricted_paths(request))


def audience_text(event: EventPage) -> str:
    parts = [str(event.get_audience_display())]
    if event.minimum_age and event.maximum_age:
        parts.append(gettext("aged %(low)s to %(high)s") % {"low": event.minimum_age, "high": event.maximum_age})
    elif event.minimum_age:
        parts.append(gettext("aged %(low)s and over") % {"low": event.minimum_age})
    elif event.maximum_age:
        parts.append(gettext("aged up to %(high)s") % {"high": event.maximum_age})
    text = ", ".join(parts)
    if event.staffed_by_women:
        text += ". " + gettext("All staff at the session are women.")
    return text


def when_text(occurrence: Occurrence) -> str:
    """ "Monday, 28 November 2022, 14:00-18:00" in the active language, London time, with an en dash."""
    start, end = occurrence.start.astimezone(LONDON), occurrence.end.astimezone(LONDON)
    day = formats.date_format(start, "l") + ", " + formats.date_format(start, "DATE_FORMAT")
    return f"{day}, {formats.time_format(start, 'TIME_FORMAT')}\u2013{formats.time_format(end, 'TIME_FORMAT')}"


def status_text(occurrence: Occurrence) -> str:
    if occurrence.is_cancelled:
        return gettext("Cancelled")
    if occurrence.status == Occurrence.Status.RESCHEDULED:
        if occurrence.moved_from:
            return gettext("Moved from %(date)s") % {"date": formats.date_format(occurrence.moved_from, "DATE_FORMAT")}
        return gettext("Changed time or place")
    return ""


def with_status(status: str, title: str) -> str:
    """ "Cancelled: Safe2Talk drop-in", or the title alone for a session that goes ahead as planned."""
    if not status:
        return title
    return pgettext("feed item title", "%(status)s: %(title)s") % {"status": status, "title": title}


def venue_text(session: Session) -> str:
    venue = session.venue
    if venue is None:
        return ""
    lines = [venue.name, *venue.address.splitlines(), venue.postcode]
    return ", ".join(clean_line(line) for line in lines if clean_line(line))


def partner_text(item: PartnerAtEvent) -> str:
    name = clean_line(item.name)
    return f"{name}: {clean_line(item.role.value)}" if item.role and clean_line(item.role.value) else name


@dataclass
class FeedItem:
    """One session as every feed format shows it, in the feed's language."""

    session: Session
    guid: str
    title: str
    when: str
    status: str
    venue: str
    audience: str
    partners: list[str]
    notice: str
    summary: str
    url: str

    @property
    def occurrence(self) -> Occurrence:
        return self.session.occurrence

    def facts(self) -> list[str]:
        """What holds for the whole event, as plain lines: where, who may come, who will be there."""
        lines = []
        if self.venue:
            lines.append(pgettext("feed", "Where: %(venue)s") % {"venue": self.venue})
        lines.append(pgettext("feed", "Who may come: %(audience)s") % {"audience": self.audience})
        if self.partners:
            lines.append(pgettext("feed", "Who will be there: %(partners)s") % {"partners": "; ".join(self.partners)})
        if self.summary:
            lines.append(self.summary)
        return lines

    def lines(self) -> list[str]:
        """The session's description as plain lines, for calendar apps."""
        lines = [self.status] if self.status else []
        if self.notice:
            lines.append(self.notice)
        lines.append(self.when + " " + gettext("(London time)"))
        return lines + self.facts()


def session_guid(occurrence: Occurrence, language: str) -> str:
    """Stable while the session stays as it is; a new id once it is cancelled, moved or retimed.

    Feed readers show an item once: a cancellation under the old id would go unseen, so a
    changed session comes back as a new, unread item.
    """
    parts = [language, occurrence.date, occurrence.status, occurrence.start.isoformat(), occurrence.end.isoformat()]
    name = "/".join(str(part) for part in parts)
    return uuid.uuid5(uuid.uuid5(FEED_NAMESPACE, str(occurrence.event.translation_key)), name).urn


def feed_items(sessions: list[Session], request: HttpRequest, locale: Locale) -> list[FeedItem]:
    partners = partners_at_events([session.occurrence.event for session in sessions], locale)
    # Many sessions share a page: build each page's address once.
    urls = {page.pk: page.get_full_url(request) or "" for page in {session.page for session in sessions}}
    items = []
    for session in sessions:
        occurrence = session.occurrence
        status = status_text(occurrence)
        title = clean_line(session.page.title)
        when = when_text(occurrence)
        headline = with_status(status, f"{title}: {when}")
        items.append(
            FeedItem(
                session=session,
                guid=session_guid(occurrence, locale.language_code),
                title=headline,
                when=when,
                status=status,
                venue=venue_text(session),
                audience=audience_text(occurrence.event),
                partners=[partner_text(item) for item in partners.get(occurrence.event_id, [])],
                notice=clean_text(session.notice.value) if session.notice else "",
                summary=clean_text(session.page.summary),
                url=urls[session.page.pk],
            )
        )
    return items
