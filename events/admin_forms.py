from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .schedule import normalise_recurrence, session_dates


class EventPageForm(WagtailAdminPageForm):
    """The event editor: a change to a single date must name a date the schedule has.

    Otherwise a cancellation typed against the wrong day would be saved and silently ignored,
    and the session would still be listed as going ahead.
    """

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        first_date = cleaned_data.get("first_date")
        formset = self.formsets.get("date_changes")
        if first_date is None or formset is None or not formset.is_valid():
            return cleaned_data
        repeat = normalise_recurrence(cleaned_data.get("repeat"))
        for form in formset.forms:
            day = form.cleaned_data.get("date")
            if day is None or form.cleaned_data.get("DELETE"):
                continue
            if day not in session_dates(first_date, repeat, day):
                form.add_error("date", _("The schedule above has no session on this date."))
        return cleaned_data
