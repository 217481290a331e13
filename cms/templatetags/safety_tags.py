"""Template tags for the safety features that every public page carries."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.translation import get_language

from cms.models import Helpline

register = template.Library()


@dataclass(frozen=True)
class HelplineLink:
    name: str
    availability: str
    number: str
    tel_url: str
    # The language of `name` and `availability` when they are not in the page's language.
    text_language: str | None


@register.simple_tag
def helplines() -> list[HelplineLink]:
    """The helplines in the editors' order, named in the active language where translated.

    The default language's helplines are the list: their order and numbers are what every
    language shows, so a number cannot drift between languages. A helpline not yet translated
    appears with its default-language name, marked with that language.
    """
    default = settings.LANGUAGE_CODE
    active = get_language() or default
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
