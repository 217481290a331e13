from django import forms
from django.utils.translation import gettext_lazy as _

from .languages import language_choices
from .models import PartnerAgency


class DirectoryFilterForm(forms.Form):
    """The directory's filters, read from the query string.

    A value outside the vocabulary is ignored (that filter is simply not applied), so a mistyped
    or stale link still shows the directory rather than an error.
    """

    service = forms.ChoiceField(label=_("Kind of help"), required=False, choices=PartnerAgency.Service.choices)
    language = forms.ChoiceField(label=_("Language spoken"), required=False, choices=language_choices)

    def filters(self) -> dict[str, str]:
        """The valid filters, by name; invalid or empty ones are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
