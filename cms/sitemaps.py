"""For search engines: one sitemap for every language, with each URL's alternates, and robots.txt."""

from collections import defaultdict
from typing import Any

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from cms import i18n


class LocalizedSitemap(Sitemap):
    """Wagtail's sitemap lists one language's tree and no alternates; search engines need all seven.

    Every live, public page of every language is listed with `xhtml:link` alternates for its
    translations (aliases included) and x-default, computed as the pages' own hreflang links are,
    so the two always agree.

    Routed URLs (a routable page's sub-routes, such as partner pages under the directory) join in
    through the page's `get_sitemap_urls()`: an entry below the page's own URL gets the same
    sub-route below each translation as its alternates, unless the entry brings its own
    `alternates` (a list of {"lang_code", "location"}).
    """

    def items(self) -> list[Page]:
        return self.pages

    @cached_property
    def pages(self) -> list[Page]:
        """Every live, public page of the site in every language, read once (the paginator and the
        alternates both use them), each with its locale (a routable page's sub-routes read it)."""
        site = self.get_wagtail_site()
        homes = Page.objects.filter(translation_key=site.root_page.translation_key).values_list("path", flat=True)
        in_site = Q()
        for path in homes:
            in_site |= Q(path__startswith=path)
        pages = list(Page.objects.filter(in_site).live().public().order_by("path").defer_streamfields().specific())
        for page in pages:
            page.locale = self.locales[page.locale_id]
        return pages

    @cached_property
    def locales(self) -> dict[int, Locale]:
        return Locale.objects.in_bulk()

    @cached_property
    def languages_by_locale(self) -> dict[int, str]:
        return {pk: locale.language_code for pk, locale in self.locales.items()}

    @cached_property
    def urls(self) -> dict[int, str | None]:
        """Each listed page's relative URL, worked out once: it is an alternate of six other pages."""
        return {page.pk: page.get_url(self.request) for page in self.pages}

    @cached_property
    def translations(self) -> dict[Any, list[tuple[str, str | None]]]:
        """Every listed page's (language, URL), grouped by translation key."""
        groups = defaultdict(list)
        for page in self.pages:
            groups[page.translation_key].append((self.languages_by_locale[page.locale_id], self.urls[page.pk]))
        return groups

    def alternates(self, page: Page, location: str) -> list[dict[str, str]]:
        own_url = i18n.absolute_url(self.request, self.urls[page.pk] or "")
        subpath = location[len(own_url) :] if own_url and location.startswith(own_url) else ""
        urls = i18n.urls_by_language(self.translations[page.translation_key], subpath=subpath)
        absolute = {code: i18n.absolute_url(self.request, url) for code, url in urls.items()}
        return [{"lang_code": code, "location": url} for code, url in i18n.with_x_default(absolute).items()]

    def _urls(self, page: int, protocol: str, domain: str) -> list[dict[str, Any]]:
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list:
            for url_info in item.get_sitemap_urls(self.request):
                entry = dict(url_info)
                entry.setdefault("alternates", self.alternates(item, entry["location"]))
                urls.append(entry)
                last_mods.add(entry.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {i18n.absolute_url(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
