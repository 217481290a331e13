"""Site-wide template tags: the language switcher, hreflang alternates and content language."""

import re
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.db.models import F
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from cms import i18n
from events.queries import active_locale, public
from partners.caching import remember

register = template.Library()

# Bidirectional embeddings, overrides and isolates (U+202A-E, U+2066-9).
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name_local: str
    url: str
    is_current: bool
    bidi: bool


def _language_urls(context: template.Context) -> dict[str, str]:
    """Relative URLs of the current page (or routed view) in every language it exists in."""
    request: HttpRequest = context["request"]
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return i18n.translation_urls(page, request, subpath=i18n.page_subpath(page, request))
    # Routed views without a Wagtail page (search, feeds) exist in every language.
    return {code: translate_url(request.get_full_path(), code) for code, _name in settings.LANGUAGES}


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[LanguageLink]:
    """One link per language in which the current page is live, each named in its own script."""
    current = get_language()
    links = []
    for code, url in _language_urls(context).items():
        info = get_language_info(code)
        links.append(LanguageLink(code, info["name_local"], url, code == current, info["bidi"]))
    return links


@register.simple_tag(takes_context=True)
def hreflang_alternates(context: template.Context, languages: list[LanguageLink]) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for every language of the page, plus x-default, as the sitemap lists them."""
    request = context["request"]
    urls = {language.code: i18n.absolute_url(request, language.url) for language in languages}
    return list(i18n.with_x_default(urls).items())


@register.simple_tag
def content_language_attrs(obj: object) -> SafeString:
    """` lang="en" dir="ltr"` for an element holding `obj`'s text, if it is not in the page's language.

    Put it on the element that wraps editor text: `<div{% content_language_attrs page %}>`. It marks the
    English text of an untranslated page (an alias) and of a snippet shown in English.
    """
    code = i18n.content_language(obj)
    if code is None:
        return SafeString("")
    return format_html(' lang="{}" dir="{}"', code, i18n.language_direction(code))


@register.simple_tag
def content_language_code(obj: object) -> str:
    """The language of `obj`'s text when it differs from the page's language, else ''."""
    return i18n.content_language(obj) or ""


@register.simple_tag(takes_context=True)
def localized_home(context: template.Context) -> Page | None:
    """The home page of the active language (or the default one if it has none live)."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return None
    return remember(request, f"localized-home:{site.pk}:{get_language()}", lambda: localize_root(site, request))


def localize_root(site: Site, request: HttpRequest) -> Page:
    root = site.root_page
    active = active_locale(request)
    if root.locale_id == active.pk:
        return root
    # `root.localized`, with the active locale looked up once per request.
    localized = root.get_translation_or_none(active)
    return localized if localized is not None and localized.live else root


@register.simple_tag(takes_context=True)
def main_sections(context: template.Context, home: Page | None) -> list[Page]:
    """The home page's live, public children shown in menus, with what `content_language_attrs` reads.

    One query: each section's locale is the active one (looked up once per request) and, for an
    untranslated section (an alias), its source's language comes with it.
    """
    if home is None:
        return []
    request = context.get("request")
    return remember(request, f"main-sections:{home.pk}:{get_language()}", lambda: menu_sections(home, request))


def menu_sections(home: Page, request: HttpRequest | None) -> list[Page]:
    children = public(home.get_children().live().in_menu(), request)
    sections = list(children.annotate(source_language=F("alias_of__locale__language_code")).specific(defer=True))
    locale = active_locale(request)
    for section in sections:
        if section.locale_id == locale.pk:
            section.locale = locale
    return sections


@register.filter(is_safe=True)
def without_direction_controls(text: str) -> str:
    """Text with no direction override, for where editor text has no element of its own to isolate it.

    In the page, every title sits in an element with `dir`, which keeps an override inside it. The
    browser tab's title has no such element: an override there would reverse the site name after it.
    """
    return DIRECTION_CONTROLS.sub("", text)
