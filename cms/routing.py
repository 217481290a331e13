"""Wagtail's page routing for anonymous visitors, remembered for the current content version.

Wagtail finds the page for a URL by walking the tree: the site, its root page, the root's
translation into the active language, then two queries for every level of the path. Where the
walk ends depends only on the site, the language, the path and the content, which the content
version covers (partners.caching), so it is remembered: which page it reached and what is left of
the path for that page's own routes (a feed, a partner's page).

The page itself is still read afresh on every request and routes the rest itself (it is served only
while live), and Wagtail's `serve` still runs every `before_serve_page` check: view restrictions
and our language hooks. The walk's answer is handed to Wagtail where it keeps it,
`request._wagtail_route_for_request` and `request._wagtail_site`; so are the site's safety settings,
which every page's exit link reads.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.http import Http404, HttpRequest
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from cms.models import SafetySettings
from events.ical import calendar_page_path, serve_calendar_file
from partners.caching import remember

# The views that serve a Wagtail page, and the page path each serves from its URL argument.
PAGE_VIEWS: dict[Callable[..., Any], Callable[[str], str]] = {
    wagtail_views.serve: lambda path: path,
    serve_calendar_file: calendar_page_path,
}


def cached_site(request: HttpRequest) -> Site | None:
    """`Site.find_for_request`, with its root page, remembered per host and port."""
    hostname = split_domain_port(request._get_raw_host())[0]

    def find() -> Site | None:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 (loaded now, so that it is kept with the site)
        return site

    return remember(request, f"site:{hostname}:{request.get_port()}", find)


def route(request: HttpRequest, path: str) -> None:
    """Set Wagtail's route for `path` from the remembered walk (or walk and remember it)."""
    site = request._wagtail_site = cached_site(request)
    if site is None:
        return
    components = [component for component in path.split("/") if component]

    def walk() -> tuple[int, int, list[str]] | None:
        result = Page.route_for_request(request, path)
        if result is None:
            return None
        page = result[0]
        used = page.depth - site.root_page.depth
        return page.pk, page.content_type_id, components[used:]

    found = remember(request, f"route:{site.pk}:{get_language()}:{path}", walk)
    if hasattr(request, "_wagtail_route_for_request"):
        return  # walked just now
    if found is None:
        request._wagtail_route_for_request = None
        return
    page_id, content_type_id, rest = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    # With what the untranslated-page notice reads (cms.i18n.content_language) of an alias.
    pages = model.objects.select_related("locale").annotate(source_language=F("alias_of__locale__language_code"))
    page = pages.filter(pk=page_id).first()
    if page is None:
        return  # Wagtail walks the tree itself
    try:
        request._wagtail_route_for_request = page.route(request, rest)
    except Http404:
        request._wagtail_route_for_request = None


class RouteCacheMiddleware:
    """Routes anonymous requests for Wagtail pages from the remembered walk (see the module doc)."""

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Callable[..., Any], view_args: tuple, view_kwargs: dict):
        if getattr(request, "content_version", None) is None:
            return None
        page_path = PAGE_VIEWS.get(view_func)
        if page_path is not None and view_args:
            route(request, page_path(view_args[0]))
        else:
            request._wagtail_site = cached_site(request)
        if request._wagtail_site is not None:
            # Every page's exit link reads these (Wagtail's `settings` in templates, `for_request`).
            site = request._wagtail_site
            safety = remember(request, f"safety-settings:{site.pk}", lambda: SafetySettings.for_site(site))
            safety._request = request
            setattr(request, SafetySettings.get_cache_attr_name(), safety)
        return None
