"""A cache of what anonymous visitors are shown, never stale and never private.

Every anonymous GET answered with 200 (pages, feeds, calendars, the sitemap) is kept in Django's
cache (local memory, or Redis with REDIS_URL) under its host, path and query string (so per
language and per filter) and the current *content version*. Any change to what the public site
can show (a page, snippet, setting, image, document, redirect, view restriction or the stored
sessions) adds one to that version, so every cached response is dropped at once, in every
language and on every app server: the version lives in the database, which they share.

Never cached: a visitor with a session cookie (an editor), the admin and its previews, media
and documents (whose privacy Wagtail checks), anything but 200, and anything that sets a cookie
or says it is private. Entries also expire after PUBLIC_RESPONSE_CACHE_SECONDS (a setting; 0
turns the cache off), because "upcoming" changes with the clock.

Responses also get an ETag, so browsers, feed readers and calendar apps asking again with
If-None-Match get 304 Not Modified (Django's ConditionalGetMiddleware answers those).
"""

import hashlib
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import F
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from .middleware import is_admin
from .models import ContentVersion

logger = logging.getLogger(__name__)

# Feed readers and calendar apps may keep a feed this long; a CDN may keep any public response.
FEED_MAX_AGE = 300
FEED_CONTENT_TYPES = ("application/rss+xml", "application/atom+xml", "text/calendar")
NEVER_CACHED_PREFIXES = ("/static/", "/media/", "/documents/")
HEADERS_KEPT = ("Content-Type", "Content-Disposition", "Content-Language", "Last-Modified", "Link", "X-Robots-Tag")


def current_version() -> int:
    """The content version. Read on every anonymous request, cached ones too: one plain query, no ORM."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number FROM {ContentVersion._meta.db_table} WHERE id = 1")  # noqa: S608
        row = cursor.fetchone()
    return row[0] if row else 0


def content_changed(**kwargs: Any) -> None:
    """Drop every cached public response (signal receiver and plain function)."""
    updated = ContentVersion.objects.filter(pk=1).update(number=F("number") + 1, changed_at=timezone.now())
    if not updated:
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})


def is_cacheable_request(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not is_admin(request)
        and not request.path_info.startswith(NEVER_CACHED_PREFIXES)
    )


def is_cacheable_response(response: HttpResponseBase) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def public_headers(response: HttpResponseBase) -> None:
    """Who else may keep it: feeds may be kept a while; pages are never stored on the visitor's device.

    A page kept in the browser's cache could be found later by someone else using the phone.
    A CDN in front of the site may still keep pages (CDN-Cache-Control, RFC 9213), and is purged
    on publish.
    """
    if response.get("Content-Type", "").startswith(FEED_CONTENT_TYPES):
        response["Cache-Control"] = f"public, max-age={FEED_MAX_AGE}"
    else:
        response["Cache-Control"] = "no-store"
    response["CDN-Cache-Control"] = f"public, max-age={FEED_MAX_AGE}"


class PublicResponseCacheMiddleware:
    """Serves anonymous visitors from the cache, keyed by the content version (see the module doc)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        # The last version read, to go on serving cached pages while the database is unreachable.
        self.last_version: int | None = None

    def key(self, request: HttpRequest, version: int) -> str:
        target = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        return f"public-response:{version}:{hashlib.sha256(target.encode()).hexdigest()}"

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not is_cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not is_admin(request):
                # An editor's view of a public page (a draft link, the userbar) is for her alone.
                patch_cache_control(response, private=True, no_store=True)
            return response
        try:
            version = current_version()
            self.last_version = version
        except DatabaseError:
            if self.last_version is None:
                raise
            version = self.last_version
            logger.warning("Content version unavailable; serving cached responses of version %s", version)
        # What every page reads (the menu, the routing) is remembered under it too (partners.caching).
        request.content_version = version
        seconds = settings.PUBLIC_RESPONSE_CACHE_SECONDS
        key = self.key(request, version)
        cached = cache.get(key) if seconds else None
        if cached is not None:
            return cached
        response = self.get_response(request)
        if is_cacheable_response(response):
            # One piece: a feed is written in thousands of small ones, each of which the server
            # would send on its own (a cached feed served eight times slower than a page).
            response.content = response.content
            response["ETag"] = '"' + hashlib.md5(response.content, usedforsecurity=False).hexdigest() + '"'
            response["Last-Modified"] = http_date()
            public_headers(response)
            if seconds:
                cache.set(key, response, seconds)
        return response
