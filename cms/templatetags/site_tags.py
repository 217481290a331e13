"""Site-wide template tags: the language switcher and hreflang alternates."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name_local: str
    url: str
    is_current: bool
    bidi: bool


def _translations_by_language(page: Page, request: HttpRequest) -> dict[str, str]:
    """Relative URLs of the live translations (including synchronised aliases) of `page`."""
    urls = {}
    for translation in page.get_translations(inclusive=True).live().public().select_related("locale"):
        url = translation.get_url(request)
        if url:
            urls[translation.locale.language_code] = url
    return urls


def _routed_subpath(page: Page, request: HttpRequest) -> str:
    """The path below a routable page ("refuge/" in /en/support-services/refuge/), the same in every language."""
    if getattr(request, "routable_resolver_match", None) is None:
        return ""
    own_url = page.get_url(request) or ""
    return request.path[len(own_url) :] if own_url and request.path.startswith(own_url) else ""


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[LanguageLink]:
    """One link per language in which the current page is live, each named in its own script.

    Routed views without a Wagtail page (search, feeds) pass no `page`; their URL is
    translated by swapping the language prefix.
    """
    request = context["request"]
    page = context.get("page")
    current = get_language()
    if isinstance(page, Page) and page.pk:
        subpath = _routed_subpath(page, request)
        urls = {code: url + subpath for code, url in _translations_by_language(page, request).items()}
    else:
        urls = {code: translate_url(request.path, code) for code, _name in settings.LANGUAGES}
    links = []
    for code, _name in settings.LANGUAGES:
        if code in urls:
            info = get_language_info(code)
            links.append(LanguageLink(code, info["name_local"], urls[code], code == current, info["bidi"]))
    return links


@register.simple_tag(takes_context=True)
def absolute_url(context: template.Context, url: str) -> str:
    return context["request"].build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def localized_home(context: template.Context) -> Page | None:
    """The home page of the active language (or the default one if it has none live)."""
    request = context["request"]
    site = getattr(request, "_wagtail_site", None)
    if site is None:
        from wagtail.models import Site

        site = Site.find_for_request(request)
        request._wagtail_site = site
    if site is None:
        return None
    root = site.root_page
    localized = root.localized
    return localized if localized.live else root


@register.simple_tag
def main_sections(home: Page | None) -> list[Page]:
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu().specific(defer=True))
