"""Template tags for the safety features that every public page carries."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.db.models import Case, Q, Value, When
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, Site

from cms.models import Helpline, SafetySettings
from events.queries import active_locale
from partners.caching import remember

register = template.Library()


@dataclass(frozen=True)
class HelplineLink:
    name: str
    availability: str
    number: str
    tel_url: str
    # The language of `name` and `availability` when they are not in the page's language.
    text_language: str | None


@register.simple_tag(takes_context=True)
def helplines(context: template.Context) -> list[HelplineLink]:
    """The helplines in the editors' order, named in the active language where translated.

    The default language's helplines are the list: their order and numbers are what every
    language shows, so a number cannot drift between languages. A helpline not yet translated
    appears with its default-language name, marked with that language. Every page shows them:
    read once per content version and language.
    """
    active = get_language() or settings.LANGUAGE_CODE
    return remember(context.get("request"), f"helplines:{active}", lambda: helpline_links(active))


def helpline_links(active: str) -> list[HelplineLink]:
    default = settings.LANGUAGE_CODE
    rows = Helpline.objects.filter(locale__language_code__in={default, active}).select_related("locale")
    sources: list[Helpline] = []
    translations: dict = {}
    for row in sorted(rows, key=lambda row: (row.sort_order is None, row.sort_order or 0, row.pk)):
        if row.locale.language_code == default:
            sources.append(row)
        if row.locale.language_code == active:
            translations[row.translation_key] = row
    links = []
    for source in sources:
        text = translations.get(source.translation_key, source)
        links.append(
            HelplineLink(
                name=text.name,
                availability=text.availability,
                number=source.number,
                tel_url=source.tel_url,
                text_language=None if text.locale.language_code == active else default,
            )
        )
    return links


@register.simple_tag(takes_context=True)
def staying_safe_url(context: template.Context) -> str:
    """The "Staying safe online" page in the active language where it is live, else as chosen ("" if none).

    What `{% pageurl settings.cms.SafetySettings.staying_safe_page.localized %}` gives, in one query
    instead of three, since every page of the site shows it.
    """
    request = context.get("request")
    if request is None:
        return ""
    site = Site.find_for_request(request)
    key = f"staying-safe-url:{site.pk if site else None}:{get_language()}"
    return remember(request, key, lambda: find_url(request))


def find_url(request: HttpRequest) -> str:
    page_id = SafetySettings.for_request(request).staying_safe_page_id
    if page_id is None:
        return ""
    locale = active_locale(request)
    same_page = Page.objects.filter(pk=page_id).values("translation_key")
    page = (
        Page.objects.filter(translation_key__in=same_page)
        .filter(Q(pk=page_id) | Q(locale=locale, live=True))
        .order_by(Case(When(locale=locale, live=True, then=Value(0)), default=Value(1)))
        .first()
    )
    return (page.get_url(request) or "") if page is not None else ""
