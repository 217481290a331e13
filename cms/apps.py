from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.frontend_cache import apps as frontend_cache_apps


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self) -> None:
        from . import i18n  # noqa: F401 (registers its before_serve_page hook)
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()


class FrontendCacheConfig(frontend_cache_apps.WagtailFrontendCacheAppConfig):
    """`wagtail.contrib.frontend_cache` without its own per-page purge on publish:
    cms.frontend_cache purges every address an event shows on, in one batch."""

    default = False

    def ready(self) -> None:
        pass
