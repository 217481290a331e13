import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.models import SynchronisedPage

from .fields import ChoiceListField
from .languages import SpokenLanguage, language_choices, spoken_languages

# Links, emphasis and lists only, as in page bodies: no embeds, no images, no raw HTML.
ABOUT_FEATURES = ["bold", "italic", "link", "ol", "ul"]

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ]{1,18}[0-9]$",
    _("Use digits and spaces only, with an optional + at the start, e.g. 0808 2000 247."),
)


def tel_href(number: str) -> str:
    """`tel:` link for a number as editors write it: "0808 2000 247" -> "tel:08082000247"."""
    return "tel:" + re.sub(r"[^0-9+]", "", number)


class PreviewInOwnLanguageMixin(PreviewableMixin):
    """A snippet's preview in the snippet's own language, as its visitors would read it.

    Wagtail previews a snippet with a request for "/", so the page around it would otherwise be
    in the editor's admin language: an Arabic venue would show in a left-to-right English page.
    """

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        locale = self.locale if self.locale_id else Locale.get_default()
        with translation.override(locale.language_code):
            response = super().serve_preview(request, mode_name)
            response.render()  # inside the language: TemplateResponse renders lazily otherwise
        return response


class PartnerAgencyQuerySet(models.QuerySet):
    def live(self) -> "PartnerAgencyQuerySet":
        """Published partners: the only ones the public site shows."""
        return self.filter(live=True)


class PartnerAgency(
    TranslatableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewInOwnLanguageMixin,
    index.Indexed,
    models.Model,
):
    """An organisation whose staff are present at sessions or whom visitors can contact directly.

    Visitors decide from this whether to walk in or to call, so everything a person needs to reach
    an agency without going through the police is a structured field. Numbers, links and the
    vocabulary-based fields are synchronised, so a helpline can never differ between languages.
    """

    class Kind(models.TextChoices):
        POLICE = "police", _("Police")
        COUNCIL = "council", _("Council service")
        CHARITY = "charity", _("Charity")
        LEGAL = "legal", _("Legal advice")
        HEALTH = "health", _("Health service")
        EDUCATION = "education", _("Education")
        HELPLINE = "helpline", _("Helpline")

    class Service(models.TextChoices):
        DOMESTIC_ABUSE = "domestic-abuse", _("Domestic abuse support")
        SEXUAL_VIOLENCE = "sexual-violence", _("Sexual violence support")
        HARASSMENT = "harassment", _("Harassment and stalking")
        IMMIGRATION = "immigration", _("Immigration advice")
        LEGAL = "legal-advice", _("Legal advice")
        REPORTING = "reporting", _("Reporting a crime")
        COUNSELLING = "counselling", _("Counselling")
        HOUSING = "housing", _("Housing")
        YOUTH_WORK = "youth-work", _("Youth work")

    class Referral(models.TextChoices):
        SELF = "self", _("You can contact them yourself")
        PROFESSIONAL = "professional", _("A professional, such as a doctor, teacher or social worker, refers you")
        EITHER = "either", _("You can contact them yourself, or a professional can refer you")

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The organisation's name as visitors will see it on signs and letters."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_(
            "The end of this partner's web address, e.g. 'refuge' in /en/support-services/refuge/. "
            "The same in every language. Left empty, it is made from the name."
        ),
    )
    kind = models.CharField(
        _("kind of organisation"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("What sort of organisation this is. Visitors use it to tell the police from other services."),
    )
    short_description = models.TextField(
        _("short description"),
        max_length=300,
        help_text=_("One or two sentences on what this organisation does, shown wherever it is listed."),
    )
    about = RichTextField(
        _("about"),
        blank=True,
        features=ABOUT_FEATURES,
        help_text=_("More about the organisation and what happens when someone contacts it. Shown on its own page."),
    )
    services = ChoiceListField(
        _("services offered"),
        vocabulary=Service.choices,
        help_text=_("Tick every kind of help this organisation gives. Visitors filter the directory by these."),
    )
    who_it_helps = models.TextField(
        _("who it helps"),
        blank=True,
        help_text=_("Who can use this service, e.g. 'Women and girls aged 16 and over who live in Redbridge'."),
    )
    languages = ChoiceListField(
        _("languages spoken"),
        vocabulary=language_choices,
        help_text=_("Languages the staff speak without an interpreter. Visitors see them named in their own language."),
    )
    women_led = models.BooleanField(
        _("run by and for women"),
        default=False,
        help_text=_("Tick if this organisation is led by women and works for women."),
    )
    helpline_name = models.CharField(
        _("helpline name"),
        max_length=200,
        blank=True,
        help_text=_("The helpline's own name if it has one, e.g. 'National Domestic Abuse Helpline'."),
    )
    helpline_number = models.CharField(
        _("helpline number"),
        max_length=20,
        blank=True,
        validators=[phone_validator],
        help_text=_("Only a number you have checked with the organisation. The same in every language."),
    )
    helpline_hours = models.CharField(
        _("helpline opening hours"),
        max_length=200,
        blank=True,
        help_text=_("When someone answers, e.g. 'Monday to Friday, 9am to 5pm'."),
    )
    helpline_free = models.BooleanField(
        _("free to call"), default=False, help_text=_("Tick if calls to the helpline cost nothing.")
    )
    helpline_open_24_7 = models.BooleanField(
        _("open 24 hours, 7 days a week"),
        default=False,
        help_text=_("Tick if someone answers the helpline at any time of day or night."),
    )
    phone = models.CharField(
        _("other phone number"),
        max_length=20,
        blank=True,
        validators=[phone_validator],
        help_text=_("An office or advice line that is not the helpline. The same in every language."),
    )
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("The organisation's own website, starting with https://. Shown as a plain link."),
    )
    email = models.EmailField(
        _("email address"), blank=True, help_text=_("An address that visitors may write to for help.")
    )
    referral = models.CharField(
        _("how referral works"),
        max_length=20,
        blank=True,
        choices=Referral.choices,
        help_text=_("Whether people can contact the organisation themselves or need someone to refer them."),
    )
    referral_details = models.TextField(
        _("referral details"),
        blank=True,
        help_text=_("Anything else about getting in touch, e.g. 'Ask for the Eastern European Service'."),
    )
    safety_note = models.TextField(
        _("safety note"),
        blank=True,
        help_text=_("Advice on contacting this organisation safely, e.g. if someone may check your phone."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Uploaded here, never linked from another website."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("kind"), FieldPanel("women_led"), FieldPanel("logo")],
            heading=_("The organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("short_description"), FieldPanel("about"), FieldPanel("who_it_helps")],
            heading=_("What it does"),
        ),
        MultiFieldPanel([FieldPanel("services"), FieldPanel("languages")], heading=_("Services and languages")),
        MultiFieldPanel(
            [
                FieldPanel("helpline_name"),
                FieldRowPanel([FieldPanel("helpline_number"), FieldPanel("helpline_hours")]),
                FieldRowPanel([FieldPanel("helpline_free"), FieldPanel("helpline_open_24_7")]),
                FieldPanel("phone"),
                FieldPanel("website"),
                FieldPanel("email"),
                FieldPanel("referral"),
                FieldPanel("referral_details"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("safety_note"),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("short_description"),
        index.SearchField("about"),
        index.SearchField("who_it_helps"),
        index.FilterField("locale"),
        index.FilterField("kind"),
        index.FilterField("live"),
        index.FilterField("id"),  # the admin's service and language filters on search results
    ]

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("kind", overridable=False),
        TranslatableField("short_description"),
        TranslatableField("about"),
        SynchronizedField("services", overridable=False),
        TranslatableField("who_it_helps"),
        SynchronizedField("languages", overridable=False),
        SynchronizedField("women_led", overridable=False),
        TranslatableField("helpline_name"),
        SynchronizedField("helpline_number", overridable=False),
        TranslatableField("helpline_hours"),
        SynchronizedField("helpline_free", overridable=False),
        SynchronizedField("helpline_open_24_7", overridable=False),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("website", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("referral", overridable=False),
        TranslatableField("referral_details"),
        TranslatableField("safety_note"),
        SynchronizedField("logo"),
    ]

    # A lock belongs to the person editing one language; a new translation starts unlocked.
    exclude_fields_in_copy = ["locked", "locked_at", "locked_by"]

    objects = PartnerAgencyQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner agency")
        verbose_name_plural = _("partner agencies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="partners_partneragency_unique_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if not self.slug:
            self.slug = slugify(self.name)[:100]
        if not self.slug:
            raise ValidationError({"slug": _("Give a slug made of Latin letters, numbers and hyphens.")})
        if self.locale_id:
            clash = PartnerAgency.objects.filter(locale_id=self.locale_id, slug=self.slug).exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"slug": _("Another partner agency already uses this slug.")})

    @property
    def language_code(self) -> str:
        return self.locale.language_code

    def service_labels(self) -> list[str]:
        """Labels of the services offered, in the vocabulary's order and the reader's language."""
        return [label for code, label in self.Service.choices if code in self.services]

    def spoken_languages(self) -> list[SpokenLanguage]:
        return spoken_languages(self.languages)

    @property
    def helpline_tel(self) -> str:
        return tel_href(self.helpline_number) if self.helpline_number else ""

    @property
    def phone_tel(self) -> str:
        return tel_href(self.phone) if self.phone else ""

    def get_preview_template(self, request: HttpRequest, mode_name: str) -> str:
        return "partners/partner_agency.html"

    def get_preview_context(self, request: HttpRequest, mode_name: str) -> dict[str, Any]:
        context = super().get_preview_context(request, mode_name)
        if self.locale_id is None:
            # Wagtail's preview of a partner not yet saved carries no locale.
            self.locale = Locale.get_default()
        context["partner"] = self
        context["directory"] = PartnerIndexPage.for_locale(self.locale)
        return context


class PartnerIndexPage(SynchronisedPage, RoutablePageMixin, Page):
    """The directory of support services, and the home of each partner's own page.

    Partners are snippets (shared by programmes, events and any page), so their public pages are
    routes under the directory rather than pages of their own: /en/support-services/refuge/.
    """

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences under the page title.")
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
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

    def partner_url(self, partner: PartnerAgency, request: HttpRequest | None = None) -> str:
        base = self.get_url(request)
        if not base:
            return ""
        return base + self.reverse_subpage("partner", kwargs={"partner_slug": partner.slug})

    @path("")
    def directory(self, request: HttpRequest) -> HttpResponse:
        from .views import directory_context

        return self.render(request, context_overrides=directory_context(self, request))

    @path("<slug:partner_slug>/", name="partner")
    def partner(self, request: HttpRequest, partner_slug: str) -> HttpResponse:
        from .queries import partner_for_locale

        partner = partner_for_locale(partner_slug, self.locale)
        if partner is None:
            raise Http404
        return self.render(
            request,
            template="partners/partner_agency.html",
            context_overrides={"partner": partner, "directory": self},
        )

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        from .queries import partners_shown_by_locale

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        for partner in partners_shown_by_locale(request).get(self.locale_id, []):
            urls.append(
                {
                    "location": base + self.reverse_subpage("partner", kwargs={"partner_slug": partner.slug}),
                    "lastmod": partner.last_published_at,
                }
            )
        return urls

    @classmethod
    def for_locale(cls, locale: Locale, request: HttpRequest | None = None) -> "PartnerIndexPage | None":
        """The live, public directory of `locale` (a translation or an alias), if there is one."""
        from .queries import public

        directory = public(cls.objects.live().filter(locale=locale), request).first()
        if directory is not None:
            directory.locale = locale  # the same row: spares a query wherever the directory's locale is read
        return directory
