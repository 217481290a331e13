from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Helpline


class HelplineViewSet(SnippetViewSet):
    """Helplines sit beside the settings editors look for when they think "safety"."""

    model = Helpline
    icon = "help"
    menu_label = _("Helplines")
    add_to_settings_menu = True
    list_display = ["name", "number", "locale"]


register_snippet(HelplineViewSet)
