from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Helpline
from .signal_handlers import page_created_in_admin


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
