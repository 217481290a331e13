from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Venue


class VenueViewSet(SnippetViewSet):
    """Venues in the main menu, found by name as one types, filtered by borough and (Wagtail's) language.

    "locale" must not be in `list_filter`: that would replace Wagtail's language filter with a
    choice of locale ids, which the listing's "?locale=en" links fail, and then no filter applies.
    """

    model = Venue
    icon = "site"
    menu_label = _("Venues")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "borough", "postcode", "locale"]
    list_filter = ["borough"]
    ordering = ["name"]


register_snippet(VenueViewSet)


@hooks.register("register_admin_urls")
def recurrence_catalogue_url() -> list:
    # The repeat widget's labels, in the editor's admin language (the admin activates it).
    return [
        path(
            "events/jsi18n/recurrence/",
            JavaScriptCatalog.as_view(packages=["recurrence"]),
            name="events_recurrence_jsi18n",
        )
    ]


# --- The sessions dashboard (events/dashboard.py) ---------------------------------------------


@hooks.register("construct_homepage_panels")
def add_sessions_panel(request, panels: list) -> None:
    from .dashboard import SessionsPanel

    panels.append(SessionsPanel())


@hooks.register("register_admin_urls")
def sessions_dashboard_urls() -> list:
    from .dashboard import CancelDateView, MoveDateView

    return [
        path(
            "events/sessions/<int:page_id>/<str:day>/cancel/",
            CancelDateView.as_view(),
            name="events_dashboard_cancel",
        ),
        path("events/sessions/<int:page_id>/<str:day>/move/", MoveDateView.as_view(), name="events_dashboard_move"),
    ]


@hooks.register("register_log_actions")
def date_change_log_actions(actions) -> None:
    from .dashboard import CancelDateLogFormatter, MoveDateLogFormatter

    actions.register_action("events.cancel_date")(CancelDateLogFormatter)
    actions.register_action("events.move_date")(MoveDateLogFormatter)
