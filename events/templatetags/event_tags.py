"""Events outside the events pages: sessions on a partner's page, a programme's page and the home
page, and the addresses of the feeds and calendars that every page links to.

The tags live here, not in partners/ or home/, so that those apps never import events in Python
(dependency direction cms -> home -> events -> partners); their templates load this library.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import template
from django.http import HttpRequest, QueryDict
from wagtail.models import Locale, Page

from events import queries
from events.forms import EventFilterForm
from events.queries import Session
from partners.models import PartnerAgency

register = template.Library()

# A partner's page and a programme's page list this many sessions, then link to the filtered listing.
SECTION_SESSIONS = 6
# Query parameters that filter a feed as they filter the listing.
FEED_FILTERS = [name for name in EventFilterForm.base_fields if name != "when"]


def reader_locale(context: template.Context) -> Locale:
    """The locale of the page being shown (an alias counts as its own language), else the active one."""
    page = context.get("page")
    if isinstance(page, Page) and page.locale_id:
        return page.locale
    return queries.active_locale(context.get("request"))


@register.simple_tag(takes_context=True)
def upcoming_sessions(
    context: template.Context,
    *,
    partner: PartnerAgency | None = None,
    programme: Page | None = None,
    limit: int = SECTION_SESSIONS,
) -> list[Session]:
    """`{% upcoming_sessions partner=partner limit=6 as sessions %}`: the next public sessions in the reader's language.

    Without `partner` or `programme`, every event's sessions (the home page). Render them with
    `events/includes/session_list.html`.
    """
    request: HttpRequest | None = context.get("request")
    try:
        limit = int(limit)
    except (TypeError, ValueError):
        limit = SECTION_SESSIONS
    return queries.upcoming_sessions(request, reader_locale(context), partner=partner, programme=programme, limit=limit)


@register.simple_tag(takes_context=True)
def events_listing_url(
    context: template.Context, *, partner: PartnerAgency | None = None, programme: Page | None = None
) -> str:
    """The events listing in the reader's language, filtered to one partner or programme ("" if none)."""
    index = queries.event_index_for(reader_locale(context), context.get("request"))
    if index is None:
        return ""
    url = index.get_url(context.get("request"))
    if not url:
        return ""
    query = {}
    if partner is not None:
        query["partner"] = str(partner.translation_key)
    if programme is not None:
        # Slugs are synchronised, so the programme has the same slug in every language.
        query["programme"] = programme.slug
    return url + ("?" + urlencode(query) if query else "")


@dataclass(frozen=True)
class EventFeeds:
    rss: str
    atom: str
    calendar: str
    title: str


@register.simple_tag(takes_context=True)
def event_feeds(context: template.Context, with_filters: bool = False) -> EventFeeds | None:
    """The RSS, Atom and iCalendar addresses of the active language; `with_filters` keeps the listing's filters."""
    request = context.get("request")
    index = queries.event_index_for(queries.active_locale(request), request)
    base = index.get_url(request) if index else None
    if not base:
        return None
    query = ""
    if with_filters and request is not None:
        kept = QueryDict(mutable=True)
        for name in FEED_FILTERS:
            value = request.GET.get(name, "")
            if value:
                kept[name] = value
        query = "?" + kept.urlencode() if kept else ""
    return EventFeeds(
        rss=base + "feed/" + query,
        atom=base + "feed/atom/" + query,
        calendar=base + "calendar.ics" + query,
        title=index.title,
    )
