import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .languages import language_choices
from .models import PartnerAgency


class PartnerAgencyFilterSet(WagtailFilterSet):
    """Editors find a partner by kind, service, language, publication status and (added by Wagtail) locale."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind of organisation"),
        choices=PartnerAgency.Kind.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    service = django_filters.ChoiceFilter(
        label=_("Service"), choices=PartnerAgency.Service.choices, method="filter_service", empty_label=_("All")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language spoken"), choices=language_choices, method="filter_language", empty_label=_("All")
    )
    live = django_filters.BooleanFilter(
        label=_("Live"),
        widget=forms.RadioSelect(choices=[("", _("All")), ("true", _("Live")), ("false", _("Draft"))]),
    )

    class Meta:
        model = PartnerAgency
        fields = ["kind", "service", "language", "live"]

    # Through a subquery on the primary key, so that the filters also work on search results
    # (Wagtail's search backend only filters on plain FilterFields).
    def filter_service(self, queryset: QuerySet[PartnerAgency], name: str, value: str) -> QuerySet[PartnerAgency]:
        return queryset.filter(pk__in=PartnerAgency.objects.filter(services__has=value).values("pk"))

    def filter_language(self, queryset: QuerySet[PartnerAgency], name: str, value: str) -> QuerySet[PartnerAgency]:
        return queryset.filter(pk__in=PartnerAgency.objects.filter(languages__has=value).values("pk"))


class PartnerAgencyViewSet(SnippetViewSet):
    model = PartnerAgency
    icon = "group"
    menu_label = _("Partner agencies")
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "name",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("helpline_number", label=_("Helpline")),
        "locale",
        UpdatedAtColumn(),
    ]
    filterset_class = PartnerAgencyFilterSet
    ordering = ["name"]


register_snippet(PartnerAgencyViewSet)
