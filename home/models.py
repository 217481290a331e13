from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BodyBlock

# Slugs are synchronised (shared by every language), so /en/about/ and /ur/about/ are the same
# page and a link copied from one language works in another.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    SynchronizedField("slug", overridable=False),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class HomePage(Page):
    """The root of each language's tree: what the service is and where to go next."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences under the page title."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction"), TranslatableField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.ProgrammeIndexPage",
        "events.EventIndexPage",
        "partners.PartnerIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(Page):
    """A plain page of text, such as "About this service" or "Staying safe online"."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences under the page title."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction"), TranslatableField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class ProgrammeIndexPage(Page):
    """Lists the youth and community programmes, such as a MetGirlz-style programme."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences under the page title.")
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme index page")
        verbose_name_plural = _("programme index pages")


class ProgrammePage(Page):
    """A programme that runs over months, with its own sessions (events that point at it)."""

    summary = models.TextField(_("summary"), blank=True, help_text=_("What the programme is, in one or two sentences."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("summary"), TranslatableField("body")]

    parent_page_types = ["home.ProgrammeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("programme page")
        verbose_name_plural = _("programme pages")
