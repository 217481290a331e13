"""RSS 2.0 and Atom feeds of upcoming sessions, one per language, filtered like the listing.

Served as routes of the events index page in each language (/pl/events/feed/), so a feed's
language, links and texts follow the page it belongs to.
"""

from typing import Any

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext

from .models import EventIndexPage
from .syndication import FEED_MAX_ITEMS, FeedItem, clean_line, clean_text, feed_items, feed_sessions

# Feed readers may poll this often (RSS <ttl>, in minutes).
FEED_TTL_MINUTES = 60


class SessionFeed(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"


class SessionAtomFeed(Atom1Feed):
    content_type = "application/atom+xml; charset=utf-8"


class EventsFeed(Feed):
    """Upcoming sessions of the events index `index`, in its language; cancelled ones stay, marked."""

    feed_type = SessionFeed
    description_template = "events/feeds/session_description.html"
    ttl = FEED_TTL_MINUTES

    def __init__(self, index: EventIndexPage) -> None:
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> list[FeedItem]:
        sessions = feed_sessions(request, self.index.locale, limit=FEED_MAX_ITEMS)
        self.request = request
        return feed_items(sessions, request, self.index.locale)

    def title(self) -> str:
        return clean_line(f"{self.index.title} · {gettext('East London Safe Spaces')}")

    def link(self) -> str:
        return self.index.get_full_url(self.request)

    def feed_url(self) -> str:
        return self.request.build_absolute_uri()

    def description(self) -> str:
        return clean_text(self.index.introduction) or gettext("Upcoming drop-ins and events, in London time.")

    def items(self, obj: list[FeedItem]) -> list[FeedItem]:
        return obj

    def item_title(self, item: FeedItem) -> str:
        return item.title

    def item_link(self, item: FeedItem) -> str:
        return item.url

    def item_guid(self, item: FeedItem) -> str:
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item: FeedItem):
        return item.session.occurrence.event.last_published_at or timezone.now()

    def item_updateddate(self, item: FeedItem):
        return self.item_pubdate(item)

    def item_categories(self, item: FeedItem) -> list[str]:
        return [str(item.occurrence.event.get_kind_display())]


class EventsAtomFeed(EventsFeed):
    feed_type = SessionAtomFeed
    subtitle = EventsFeed.description
