import sys
from typing import Any

import django_filters
from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

from .permissions import ALL_LOCALES, default_locale_id, editable_locale_ids
from .translation_status import STATUS_LABELS, StatusRow, kind_choices, translation_status


def server_error(request: HttpRequest) -> HttpResponse:
    """A 500 page in the visitor's language that reveals nothing and needs no database.

    When the database is out of reach (a restart, a failover) the same page says 503 with
    Retry-After, so load balancers and feed readers try again rather than give up.
    """
    template = loader.get_template("500.html")
    response = HttpResponseServerError(template.render({"request": request}))
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response.status_code = 503
        response["Retry-After"] = "10"
    return response


class TranslationStatusFilterSet(django_filters.FilterSet):
    """Language, kind of content and status; the languages offered are the reader's own."""

    locale = django_filters.ChoiceFilter(label=_("Language"), empty_label=_("All my languages"))
    kind = django_filters.ChoiceFilter(label=_("Content"), empty_label=_("All"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=list(STATUS_LABELS.items()), empty_label=_("All"))

    def __init__(self, *args: Any, locales: list[Locale], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(locale.language_code, locale.get_display_name()) for locale in locales]
        self.filters["locale"].extra["choices"] = choices
        self.filters["kind"].extra["choices"] = kind_choices()


class TranslationStatusReportView(ReportView):
    """Admin report: what each language still lacks, or has out of date, with links to act on it.

    A translator sees her own language only (the languages whose tree she may edit), and gets
    no sync link: syncing acts on the English source, which an editor does.
    """

    page_title = _("Translation status")
    header_icon = "site"
    index_url_name = "cms_translation_status"
    index_results_url_name = "cms_translation_status_results"
    results_template_name = "cms/admin/translation_status_results.html"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 50

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.visible_locales():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def editable(self) -> set[int] | None:
        return editable_locale_ids(self.request.user)

    def visible_locales(self) -> list[Locale]:
        locales = Locale.objects.exclude(pk=default_locale_id()).order_by("pk")
        if self.editable is not ALL_LOCALES:
            locales = locales.filter(pk__in=self.editable)
        return list(locales)

    def get_filterset_kwargs(self) -> dict[str, Any]:
        # The report is a list, not a queryset: get_queryset reads the filters' cleaned values.
        return {**super().get_filterset_kwargs(), "queryset": Locale.objects.none(), "locales": self.visible_locales()}

    def filter_queryset(self, queryset: list[StatusRow]) -> list[StatusRow]:
        return queryset

    def get_queryset(self) -> list[StatusRow]:
        locales = self.visible_locales()
        kinds = statuses = None
        if self.filters and self.filters.is_valid():
            data = self.filters.form.cleaned_data
            if data.get("locale"):
                locales = [locale for locale in locales if locale.language_code == data["locale"]]
            kinds = [data["kind"]] if data.get("kind") else None
            statuses = [data["status"]] if data.get("status") else None
        can_sync = self.editable is ALL_LOCALES or default_locale_id() in self.editable
        return translation_status(
            locales, kinds=kinds, statuses=statuses, can_sync=can_sync, next_url=self.request.get_full_path()
        )
