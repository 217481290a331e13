from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PartnerAgency


class PartnerAgencyViewSet(SnippetViewSet):
    model = PartnerAgency
    icon = "group"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "locale"]
    search_fields = ["name"]


register_snippet(PartnerAgencyViewSet)
