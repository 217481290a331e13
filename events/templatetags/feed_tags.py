"""Where the events feeds and calendars of the active language are, for links in any page."""

from dataclasses import dataclass

from django import template
from django.http import HttpRequest, QueryDict
from wagtail.models import Locale

from events.forms import EventFilterForm
from events.models import EventIndexPage

register = template.Library()

# Query parameters that filter a feed as they filter the listing.
FEED_FILTERS = [name for name in EventFilterForm.base_fields if name != "when"]


@dataclass(frozen=True)
class EventFeeds:
    rss: str
    atom: str
    calendar: str
    title: str


def events_index(request: HttpRequest | None) -> EventIndexPage | None:
    """The live, public events index of the active language, looked up once per request."""
    if request is not None and hasattr(request, "_events_index"):
        return request._events_index
    index = EventIndexPage.objects.live().public().filter(locale=Locale.get_active()).first()
    if request is not None:
        request._events_index = index
    return index


@register.simple_tag(takes_context=True)
def event_feeds(context: template.Context, with_filters: bool = False) -> EventFeeds | None:
    """The RSS, Atom and iCalendar addresses of the active language; `with_filters` keeps the listing's filters."""
    request = context.get("request")
    index = events_index(request)
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
