from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site")

    def ready(self) -> None:
        from . import i18n  # noqa: F401 (registers its before_serve_page hook)
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
