from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="warning")
class SafetySettings(BaseSiteSetting):
    """Where the "Exit this page" control goes and where the safety advice lives.

    Site-wide rather than per page, so that every page of every language agrees.
    """

    exit_url = models.URLField(
        _("exit link target"),
        default="https://www.bbc.co.uk/weather",
        help_text=_("A neutral page that the 'Exit this page' control opens. It replaces this site in the history."),
    )
    staying_safe_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("staying safe online page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The advice page linked from the footer of every page."),
    )

    panels = [FieldPanel("exit_url"), FieldPanel("staying_safe_page")]

    class Meta:
        verbose_name = _("safety settings")
