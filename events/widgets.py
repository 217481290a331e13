from django import forms
from django.urls import reverse
from recurrence.forms import RecurrenceWidget


class RepeatWidget(RecurrenceWidget):
    """django-recurrence's widget, with its interface translated and fixed for Wagtail's editor.

    The translation catalogue comes first so that the widget's labels are looked up in the
    editor's language; our script and styles come last to patch the widget (see the script).
    """

    @property
    def media(self) -> forms.Media:
        catalogue = forms.Media(js=[reverse("events_recurrence_jsi18n")])
        fixes = forms.Media(
            js=["events/admin/recurrence-fixes.js"],
            css={"all": ["events/admin/recurrence-fixes.css"]},
        )
        return catalogue + self.get_media() + fixes
