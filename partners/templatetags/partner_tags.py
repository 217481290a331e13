"""Template helpers for showing partner agencies anywhere on the site."""

import re
from typing import Any

from django import template
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Locale

from partners.caching import remember
from partners.models import PartnerAgency, PartnerIndexPage
from partners.queries import partners_for_locale

register = template.Library()

HOME_PAGE_PARTNER_LIMIT = 6


def directory_for_request(request: HttpRequest | None, page: object = None) -> PartnerIndexPage | None:
    """The directory in the active language, looked up once per content version (a page may show many cards).

    The served `page`'s locale, when it is the active language's, spares looking that locale up.
    """
    locale = getattr(page, "locale", None) if getattr(page, "locale_id", None) else None
    if locale is None or locale.language_code != get_language():
        locale = Locale.get_active()
    return remember(request, f"partner-directory:{locale.pk}", lambda: PartnerIndexPage.for_locale(locale, request))


@register.simple_tag(takes_context=True)
def partner_page_url(context: template.Context, partner: PartnerAgency) -> str:
    """The partner's own page under the directory of the active language ("" if there is none)."""
    request = context.get("request")
    directory = context.get("directory")
    if not isinstance(directory, PartnerIndexPage):
        directory = directory_for_request(request, context.get("page"))
    return directory.partner_url(partner, request) if directory else ""


@register.inclusion_tag("partners/includes/support_services_section.html", takes_context=True)
def support_services_section(context: template.Context) -> dict[str, Any]:
    """The home page's "Support services" section: a few partners and a link to all of them."""
    request = context.get("request")
    directory = directory_for_request(request, context.get("page"))
    partners = partners_for_locale(directory.locale)[:HOME_PAGE_PARTNER_LIMIT] if directory else []
    return {"request": request, "directory": directory, "partners": partners}


@register.filter
def website_label(url: str) -> str:
    """A website as people say it: "https://www.refuge.org.uk/" -> "www.refuge.org.uk"."""
    return re.sub(r"^https?://", "", url).rstrip("/")


@register.filter
def is_web_address(url: str) -> bool:
    """Whether `url` may be a link: http(s) only, never javascript: or data:.

    The model's URLField already refuses other schemes in the editor; this also covers addresses
    that reached the database some other way (an import, a script).
    """
    return str(url or "").strip().lower().startswith(("https://", "http://"))
