from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from partners.caching import remember

from .models import Borough, EventPage


def with_any(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", _("Any"))] + list(choices)


class EventFilterForm(forms.Form):
    """The events page's filters, read from the query string (GET), never stored.

    Values that are unknown or malformed are dropped (and the field says so); the rest of the
    filters still apply.
    """

    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("", _("Upcoming")), ("past", _("Past"))],
    )
    kind = forms.ChoiceField(label=_("Kind of event"), required=False, choices=with_any(EventPage.Kind.choices))
    audience = forms.ChoiceField(label=_("Who may come"), required=False, choices=with_any(EventPage.Audience.choices))
    borough = forms.ChoiceField(label=_("Borough"), required=False, choices=with_any(Borough.choices))
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    partner = forms.ChoiceField(label=_("Partner agency"), required=False)
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, locale: Locale, request: HttpRequest | None = None, **kwargs: Any) -> None:
        from .queries import partner_choices, programme_choices

        super().__init__(*args, **kwargs)
        programmes, partners = remember(
            request,
            f"event-filter-choices:{locale.pk}",
            lambda: (programme_choices(locale, request), partner_choices(locale, request)),
        )
        self.fields["programme"].choices = with_any(programmes)
        self.fields["partner"].choices = with_any(partners)

    def filters(self) -> dict[str, Any]:
        """The valid filters only: `cleaned_data` keeps the fields that passed validation."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
