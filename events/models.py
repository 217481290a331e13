from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField


class EventIndexPage(Page):
    """Lists upcoming sessions of every event, with filters and a past view."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences under the page title.")
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("slug", overridable=False),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("introduction"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")
