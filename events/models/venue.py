from typing import Any
from urllib.parse import urlencode

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from partners.models import PreviewInOwnLanguageMixin


class Borough(models.TextChoices):
    BARKING_DAGENHAM = "barking-dagenham", _("Barking and Dagenham")
    HACKNEY = "hackney", _("Hackney")
    HAVERING = "havering", _("Havering")
    NEWHAM = "newham", _("Newham")
    REDBRIDGE = "redbridge", _("Redbridge")
    TOWER_HAMLETS = "tower-hamlets", _("Tower Hamlets")
    WALTHAM_FOREST = "waltham-forest", _("Waltham Forest")
    OTHER = "other", _("Elsewhere in London")


class Venue(TranslatableMixin, PreviewInOwnLanguageMixin, index.Indexed, models.Model):
    """A place where sessions happen, described so that someone can get there and get in.

    A snippet rather than text on each event, so that a library's opening hours or step-free
    entrance are corrected once for every event held there.
    """

    name = models.CharField(
        _("name"), max_length=200, help_text=_("The name on the building, e.g. 'Fullwell Cross Library'.")
    )
    address = models.TextField(_("address"), help_text=_("Street address without the postcode, one line per line."))
    postcode = models.CharField(
        _("postcode"), max_length=10, blank=True, help_text=_("e.g. IG6 2EA. Leave empty if unsure.")
    )
    borough = models.CharField(
        _("borough"),
        max_length=20,
        choices=Borough.choices,
        help_text=_("Used by the borough filter on the events page."),
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, lifts, accessible toilets, quiet rooms, hearing loops."),
    )
    directions = models.TextField(
        _("how to find it"),
        blank=True,
        help_text=_("Nearest station and buses, which entrance to use, where to go once inside."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Optional, e.g. 51.589. Makes the map link exact."),
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True, help_text=_("Optional, e.g. 0.080.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("borough")]),
        FieldPanel("accessibility"),
        FieldPanel("directions"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map position")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("address"),
        # The admin listing's language and borough filters, on search results too.
        index.FilterField("locale"),
        index.FilterField("borough"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("address"),
        SynchronizedField("postcode", overridable=False),
        SynchronizedField("borough", overridable=False),
        TranslatableField("accessibility"),
        TranslatableField("directions"),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_preview_template(self, request: HttpRequest, mode_name: str) -> str:
        return "events/venue.html"

    def get_preview_context(self, request: HttpRequest, mode_name: str) -> dict[str, Any]:
        context = super().get_preview_context(request, mode_name)
        context["venue"] = self
        return context

    @property
    def map_url(self) -> str:
        """A plain link to OpenStreetMap (no embedded map: the site calls no other host)."""
        if self.latitude is not None and self.longitude is not None:
            query = urlencode({"mlat": self.latitude, "mlon": self.longitude})
            return f"https://www.openstreetmap.org/?{query}#map=18/{self.latitude}/{self.longitude}"
        place = ", ".join(part for part in [" ".join(self.address.split()), self.postcode] if part)
        return "https://www.openstreetmap.org/search?" + urlencode({"query": place})
