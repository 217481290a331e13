from django import forms
from django.urls import reverse
from recurrence.forms import RecurrenceWidget


class RepeatWidget(RecurrenceWidget):
    """django-recurrence's widget, with its interface translated and fixed for Wagtail's editor.

    One ordered list of scripts: the translation catalogue first, so that the widget's labels
    are looked up in the editor's language; then the widget's own scripts; our fixes before the
    script that starts the widget on page load. (Adding separate Media objects would not keep
    this order once Wagtail merges the editor's media.)
    """

    @property
    def media(self) -> forms.Media:
        upstream = list(self.get_media()._js)
        starter = next(script for script in upstream if script.endswith("recurrence-widget.init.js"))
        upstream.remove(starter)
        return forms.Media(
            js=[reverse("events_recurrence_jsi18n"), *upstream, "events/admin/recurrence-fixes.js", starter],
            css={"all": [*self.get_media()._css["all"], "events/admin/recurrence-fixes.css"]},
        )
