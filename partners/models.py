from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, Page, PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class PartnerAgency(TranslatableMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    """An organisation whose staff are present at sessions or whom visitors can contact directly."""

    name = models.CharField(_("name"), max_length=200, help_text=_("The organisation's name as visitors know it."))
    short_description = models.TextField(
        _("short description"), blank=True, help_text=_("One or two sentences on what this organisation does.")
    )

    panels = [FieldPanel("name"), FieldPanel("short_description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("short_description")]
    translatable_fields = [TranslatableField("name"), TranslatableField("short_description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner agency")
        verbose_name_plural = _("partner agencies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_preview_template(self, request, mode_name):
        return "partners/partner_agency_preview.html"


class PartnerIndexPage(Page):
    """The directory of support services."""

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
        verbose_name = _("partner index page")
        verbose_name_plural = _("partner index pages")
