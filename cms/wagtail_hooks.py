from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Helpline
from .permissions import ALL_LOCALES, default_locale_id, editable_locale_ids
from .signal_handlers import page_created_in_admin
from .views import TranslationStatusReportView


class HelplineViewSet(SnippetViewSet):
    """Helplines sit beside the settings editors look for when they think "safety"."""

    model = Helpline
    icon = "help"
    menu_label = _("Helplines")
    add_to_settings_menu = True
    list_display = ["name", "number", "locale"]


register_snippet(HelplineViewSet)


@hooks.register("before_publish_page")
def leave_new_pages_aliases_to_wagtail_localize(request: HttpRequest, page: Page) -> None:
    """A page created and published in one step gets its aliases from wagtail-localize's
    after_create_page hook, so cms.signal_handlers must not make them on publish as well."""
    match = request.resolver_match
    if match is not None and match.view_name == "wagtailadmin_pages:add":
        page_created_in_admin.set(page.pk)


@hooks.register("after_publish_page")
def forget_page_created_in_admin(request: HttpRequest, page: Page) -> None:
    page_created_in_admin.set(None)


class TranslationStatusMenuItem(MenuItem):
    """Shown to whoever may edit at least one language other than English."""

    def is_shown(self, request: HttpRequest) -> bool:
        editable = editable_locale_ids(request.user)
        return editable is ALL_LOCALES or bool(editable - {default_locale_id()})


@hooks.register("register_reports_menu_item")
def translation_status_menu_item() -> MenuItem:
    return TranslationStatusMenuItem(
        _("Translation status"), reverse("cms_translation_status"), icon_name="site", order=8900
    )


@hooks.register("register_admin_urls")
def translation_status_urls() -> list:
    return [
        path("reports/translation-status/", TranslationStatusReportView.as_view(), name="cms_translation_status"),
        path(
            "reports/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="cms_translation_status_results",
        ),
    ]
