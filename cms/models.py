from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


@register_setting(icon="warning")
class SafetySettings(BaseSiteSetting):
    """Where the "Exit this page" control goes and where the safety advice lives.

    Site-wide rather than per page, so that every page of every language agrees.
    """

    exit_url = models.URLField(
        _("exit link target"),
        default="https://www.bbc.co.uk/weather",
        validators=[URLValidator(schemes=["https"])],
        help_text=_(
            "A neutral page on another website, starting with https://, that the 'Exit this page' control opens. "
            "It replaces this site in the browser history."
        ),
    )
    staying_safe_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("staying safe online page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The advice page linked beside the helplines on every page."),
    )

    panels = [FieldPanel("exit_url"), FieldPanel("staying_safe_page")]

    class Meta:
        verbose_name = _("safety settings")


phone_number_validator = RegexValidator(
    r"^\+?[0-9]+( [0-9]+)*$",
    _("Use digits, with single spaces between groups and an optional + at the start, e.g. 0808 2000 247."),
)


class Helpline(TranslatableMixin, Orderable):
    """A phone line listed, with 999, in the same place on every page.

    A snippet rather than a field on SafetySettings so that wagtail-localize can translate its name
    and opening hours. The number is synchronised and cannot be overridden, and the site always
    shows the number of the default-language helpline, so a number can never differ between
    languages, even before someone syncs the translations.
    """

    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("The helpline's name as callers know it, e.g. National Domestic Abuse Helpline."),
    )
    number = models.CharField(
        _("phone number"),
        max_length=32,
        validators=[phone_number_validator],
        help_text=_("The number to call, grouped as people say it, e.g. 0808 2000 247. The same in every language."),
    )
    availability = models.CharField(
        _("cost and opening hours"),
        max_length=160,
        blank=True,
        help_text=_("Short, e.g. 'Free, 24 hours a day'. Only write what the helpline itself promises."),
    )

    panels = [FieldPanel("name"), FieldPanel("number"), FieldPanel("availability")]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("number", overridable=False),
        TranslatableField("availability"),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("helpline")
        verbose_name_plural = _("helplines")
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return f"{self.name} ({self.number})"

    @property
    def tel_url(self) -> str:
        return "tel:" + self.number.replace(" ", "")


class ContentVersion(models.Model):
    """One row: a number that grows whenever anything the public site shows has changed.

    Cached public responses are stored under it (cms.cache), so one change drops them all, in
    every language and on every app server, which share the database but not always a cache.
    """

    number = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("content version")

    def __str__(self) -> str:
        return str(self.number)


class SynchronisedPage:
    """A page type followed by an alias in each language synchronised from its own.

    The aliases cms.signal_handlers.create_missing_aliases makes while a page is published are
    copies of what it publishes; Wagtail's `update_aliases`, which runs next, would copy, save and
    reindex each of them again (four tenths of the time to publish a new event), so it skips them.
    """

    def update_aliases(self, *, revision=None, _content=None, _updated_ids=None):
        just_created = self.__dict__.pop("aliases_just_created", [])
        return super().update_aliases(
            revision=revision, _content=_content, _updated_ids=[*(_updated_ids or []), *just_created]
        )
