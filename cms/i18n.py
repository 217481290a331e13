"""How the seven languages hang together on the public site.

One place answers "where is this page in the other languages?" (the language switcher, the
hreflang alternates and the sitemap all ask it, so they cannot disagree), "in which language is
this text written?" (an untranslated page shows English inside a page in another language) and
"what does a visitor get who asks for a page in a language where it does not exist?"
"""

from collections.abc import Iterable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail import hooks
from wagtail.models import Page, Site, TranslatableMixin

from events.queries import note_active_locale, public

X_DEFAULT = "x-default"


def language_order(codes: Iterable[str]) -> list[str]:
    """`codes` in the order of settings.LANGUAGES, so every list of languages reads the same way."""
    wanted = set(codes)
    return [code for code, _name in settings.LANGUAGES if code in wanted]


def absolute_url(request: HttpRequest, url: str) -> str:
    """`url` on the site's canonical root (as Wagtail's sitemap writes it), if it is relative."""
    if not url.startswith("/"):
        return url
    site = Site.find_for_request(request)
    return (site.root_url if site else request.build_absolute_uri("/").rstrip("/")) + url


def page_subpath(page: Page, request: HttpRequest) -> str:
    """The path below a routable page ("refuge/" in /en/support-services/refuge/), else ''."""
    if getattr(request, "routable_resolver_match", None) is None:
        return ""
    own_url = page.get_url(request)
    if own_url and own_url.startswith("/") and request.path.startswith(own_url):
        return request.path[len(own_url) :]
    return ""


def translation_urls(page: Page, request: HttpRequest, *, subpath: str = "") -> dict[str, str]:
    """Relative URLs of `page` in every language where it is live and public, aliases included.

    A routable page passes the sub-route it is serving (`subpath`): slugs are synchronised, so the
    same sub-route exists below each translation.
    """
    translations = public(page.get_translations(inclusive=True).live(), request).select_related("locale")
    return urls_by_language(((t.locale.language_code, t.get_url(request)) for t in translations), subpath=subpath)


def urls_by_language(urls: Iterable[tuple[str, str | None]], *, subpath: str = "") -> dict[str, str]:
    """{language: relative URL} from (language, URL) pairs, in the order of settings.LANGUAGES."""
    found = {code: url + subpath for code, url in urls if url}
    return {code: found[code] for code in language_order(found)}


def with_x_default(alternates: dict[str, str]) -> dict[str, str]:
    """Adds x-default: the default language's URL, or the first language's if it has none.

    Every member of a group of alternates computes the same x-default, so they stay reciprocal.
    """
    if not alternates:
        return {}
    default = alternates.get(settings.LANGUAGE_CODE) or next(iter(alternates.values()))
    return {**alternates, X_DEFAULT: default}


def content_language(obj: object) -> str | None:
    """The language `obj`'s editor text is written in, when it differs from the active language.

    An alias page (a page not translated yet) carries the text of its source page; a snippet
    fetched without a translation in the active language carries its own language's text.
    """
    if isinstance(obj, Page) and obj.alias_of_id:
        # A list of pages may bring their sources' languages along (site_tags.main_sections).
        source = getattr(obj, "source_language", None)
        if source is None:
            source = Page.objects.filter(pk=obj.alias_of_id).values_list("locale__language_code", flat=True).first()
            obj.source_language = source  # the notice and the page's text both ask
    elif isinstance(obj, TranslatableMixin) and obj.locale_id:
        source = obj.locale.language_code
    else:
        return None
    if source is None or source == get_language():
        return None
    return source


def language_direction(code: str) -> str:
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


def fallback_redirect(request: HttpRequest) -> HttpResponse | None:
    """For a 404 in a language other than the default: the default language's page, if it is live.

    Slugs are synchronised, so the same path below /en/ is the same page. This covers a page whose
    translation is unpublished, and a language tree that has not been synchronised yet.
    """
    language = getattr(request, "LANGUAGE_CODE", None)
    prefix = f"/{language}/"
    if not language or language == settings.LANGUAGE_CODE or not request.path.startswith(prefix):
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    components = [component for component in request.path[len(prefix) :].split("/") if component]
    if any("\x00" in component for component in components):
        return None  # no slug holds NUL, and PostgreSQL refuses it in a query: a plain 404
    try:
        site.root_page.specific.route(request, components)
    except Http404:
        return None
    return redirect_to_language(request, settings.LANGUAGE_CODE)


def redirect_to_language(request: HttpRequest, language: str) -> HttpResponse | None:
    """A temporary redirect to the same path (and query) in `language`, if the path has a language."""
    target = translate_url(request.get_full_path(), language)
    if target == request.get_full_path():
        return None
    return HttpResponseRedirect(target)


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page: Page, request: HttpRequest, args, kwargs) -> HttpResponse | None:
    """A language without a live home page falls back to English: send the visitor to /en/.

    Wagtail then routes /pl/… through the English tree; serving it under /pl/ would show English
    text in a Polish frame, with Polish links that lead nowhere.
    """
    language = page.locale.language_code
    if language != get_language():
        return redirect_to_language(request, language)
    # The page's locale is the active one: the header, sections and footer need not look it up again.
    note_active_locale(request, page.locale)
    return None


class LanguageFallbackMiddleware:
    """Turns a 404 in one language into a redirect to the page in English, where it exists.

    A visitor who follows a link into a language must never meet a dead end for a page that
    exists in English (DESIGN: "nobody meets a dead end").
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            return fallback_redirect(request) or response
        return response
