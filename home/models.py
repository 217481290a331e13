from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.models import SynchronisedPage
from partners.models import PartnerAgency
from partners.queries import localized_partners

from .blocks import PARAGRAPH_FEATURES, BodyBlock

# Slugs are synchronised (shared by every language), so /en/about/ and /ur/about/ are the same
# page and a link copied from one language works in another.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    SynchronizedField("slug", overridable=False),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class HomePage(SynchronisedPage, Page):
    """The root of each language's tree: what the service is and where to go next."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences under the page title."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Shown under the introduction: headings, paragraphs, images, callouts and partner cards."),
    )

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


class StandardPage(SynchronisedPage, Page):
    """A plain page of text, such as "About this service" or "Staying safe online"."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences under the page title."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "The text of the page: headings, paragraphs, images, callouts and partner cards. Keep paragraphs short."
        ),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction"), TranslatableField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class ProgrammeIndexPage(SynchronisedPage, Page):
    """Lists the youth and community programmes, such as a MetGirlz-style programme."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences under the page title.")
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme index page")
        verbose_name_plural = _("programme index pages")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = ProgrammePage.objects.child_of(self).live().public().select_related("locale")
        return context


class ProgrammePage(SynchronisedPage, Page):
    """A programme that runs over months, such as MetGirlz, with its own sessions (events that point at it).

    Young people and their parents decide from this page whether it is for them, so who it is
    for, what it does and how to join are separate fields rather than paragraphs in a body.
    """

    summary = models.TextField(_("summary"), blank=True, help_text=_("What the programme is, in one or two sentences."))
    who_it_is_for = models.TextField(
        _("who it is for"),
        blank=True,
        help_text=_("Who can take part, e.g. 'Girls aged 16 to 19 who live or study in Redbridge'."),
    )
    age_min = models.PositiveSmallIntegerField(
        _("youngest age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("The youngest age at which someone can join. Leave empty if there is no lower limit."),
    )
    age_max = models.PositiveSmallIntegerField(
        _("oldest age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("The oldest age at which someone can join. Leave empty if there is no upper limit."),
    )
    founded_year = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("The year the programme started, e.g. 2015."),
    )
    aims = RichTextField(
        _("aims"), blank=True, features=PARAGRAPH_FEATURES, help_text=_("What the programme sets out to do.")
    )
    risks = RichTextField(
        _("risks it addresses"),
        blank=True,
        features=PARAGRAPH_FEATURES,
        help_text=_("The harms the programme helps young people stay safe from, e.g. exploitation or bullying."),
    )
    activities = RichTextField(
        _("what participants do"),
        blank=True,
        features=PARAGRAPH_FEATURES,
        help_text=_("What happens on the programme, in words a young person would use."),
    )
    how_to_join = RichTextField(
        _("how to join"),
        blank=True,
        features=PARAGRAPH_FEATURES,
        help_text=_("The steps to join, and who to ask."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Anything else worth knowing, e.g. how the programme began or where to get support now."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("who_it_is_for"), FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")])],
            heading=_("Who it is for"),
        ),
        FieldPanel("founded_year"),
        FieldPanel("aims"),
        FieldPanel("risks"),
        FieldPanel("activities"),
        FieldPanel("how_to_join"),
        InlinePanel(
            "programme_partners",
            heading=_("Partners"),
            label=_("partner agency"),
            help_text=_("The organisations that run or support the programme, in the order to show them."),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("who_it_is_for"),
        index.SearchField("aims"),
        index.SearchField("activities"),
        index.SearchField("body"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("who_it_is_for"),
        SynchronizedField("age_min", overridable=False),
        SynchronizedField("age_max", overridable=False),
        SynchronizedField("founded_year", overridable=False),
        TranslatableField("aims"),
        TranslatableField("risks"),
        TranslatableField("activities"),
        TranslatableField("how_to_join"),
        # Every language lists the same partners; each shows the partner's own translation.
        SynchronizedField("programme_partners", overridable=False),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.ProgrammeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("programme page")
        verbose_name_plural = _("programme pages")

    def clean(self) -> None:
        super().clean()
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValidationError({"age_max": _("The oldest age cannot be lower than the youngest age.")})

    def age_range(self) -> str:
        """ "Ages 16 to 19", in the reader's language; "" when the programme has no age limits."""
        if self.age_min is not None and self.age_max is not None:
            return gettext("Ages %(minimum)s to %(maximum)s") % {"minimum": self.age_min, "maximum": self.age_max}
        if self.age_min is not None:
            return gettext("Ages %(minimum)s and over") % {"minimum": self.age_min}
        if self.age_max is not None:
            return gettext("Up to age %(maximum)s") % {"maximum": self.age_max}
        return ""

    def partners(self) -> list[PartnerAgency]:
        """The programme's partners in order, each in the page's language where translated."""
        return localized_partners([link.partner_id for link in self.programme_partners.all()], self.locale)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = self.partners()
        return context


class ProgrammePartner(Orderable):
    """One partner agency on a programme's page, in the order editors choose.

    Not translatable: every language lists the same partners, and the page shows each partner's
    translation at render time (falling back to English), so nothing goes stale or missing when
    a partner is translated after the programme.
    """

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="programme_partners")
    partner = models.ForeignKey(
        "partners.PartnerAgency",
        verbose_name=_("partner agency"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose the English version; each language shows its own translation."),
    )

    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = _("programme partner")
        verbose_name_plural = _("programme partners")
