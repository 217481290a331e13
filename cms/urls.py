from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.search import search
from cms.sitemaps import LocalizedSitemap, robots_txt
from events.ical import serve_calendar_file

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # One sitemap for every language (each URL lists its alternates), and robots.txt naming it.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public URL carries its language, English included (/en/…).
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    re_path(r"^((?:[\w\-]+/)*)calendar\.ics$", serve_calendar_file, name="calendar_file"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "cms.views.server_error"
