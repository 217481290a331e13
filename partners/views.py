from typing import Any

from django.http import HttpRequest

from .forms import DirectoryFilterForm
from .models import PartnerIndexPage
from .queries import filter_options, partners_for_locale


def directory_context(page: PartnerIndexPage, request: HttpRequest) -> dict[str, Any]:
    """The directory's partners and filter menus: two queries, however many partners there are."""
    form = DirectoryFilterForm(request.GET)
    filters = form.filters()
    services, languages = filter_options(page.locale)

    def options(name: str, available: set[str]) -> list[tuple[str, str, bool]]:
        # Only what at least one partner offers, plus the current choice; (code, label, selected).
        current = filters.get(name, "")
        return [
            (code, label, code == current)
            for code, label in form.fields[name].choices
            if code in available or code == current
        ]

    return {
        "directory": page,
        "partners": partners_for_locale(page.locale, **filters),
        "filters": filters,
        "service_options": options("service", services),
        "language_options": options("language", languages),
    }
