"""The home page's sections that come from elsewhere in its tree."""

from typing import Any

from django import template
from wagtail.models import Page

from events.queries import public
from home.models import ProgrammePage

register = template.Library()


@register.inclusion_tag("home/includes/programmes_section.html", takes_context=True)
def programmes_section(context: template.Context, home: Page) -> dict[str, Any]:
    """The live programmes in this home page's language tree."""
    return {
        "request": context.get("request"),
        "programmes": (
            public(ProgrammePage.objects.live().descendant_of(home), context.get("request"))
            .select_related("locale")
            .order_by("path")
        ),
    }
