from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .models import PartnerAgency


class PartnerCardBlock(blocks.StructBlock):
    """A partner agency's card inside any page's body, e.g. "who runs this" on an information page.

    The card shows the partner in the reader's language when it is translated and live, and in
    its own language otherwise (marked with lang), whichever version the page happens to point
    at: wagtail-localize may keep the source partner when a page is translated before the partner.
    """

    partner = SnippetChooserBlock(
        PartnerAgency,
        label=_("Partner agency"),
        help_text=_("Choose the English version; each language shows its own translation."),
    )

    class Meta:
        icon = "group"
        label = _("Partner agency")
        template = "partners/blocks/partner_card_block.html"
        description = _("A partner agency's card: what it does, its languages and how to contact it")

    def get_preview_value(self) -> dict[str, Any]:
        return self.normalize({"partner": PartnerAgency.objects.live().first()})

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context = super().get_context(value, parent_context=parent_context)
        partner = value.get("partner")
        if partner is not None:
            partner = partner.localized
            if not partner.live:
                partner = None
        context["partner"] = partner
        return context
