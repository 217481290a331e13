"""Demo helplines: only numbers we are certain of. 999 is part of the template, not data."""

from wagtail.models import Locale

from cms.models import Helpline

HELPLINES = [
    {
        "name": "National Domestic Abuse Helpline",
        "number": "0808 2000 247",
        "availability": "Free, 24 hours a day, every day",
    },
]


def ensure_helplines(locale: Locale) -> list[Helpline]:
    """The demo helplines in `locale` (the default language), created if missing."""
    helplines = []
    for order, fields in enumerate(HELPLINES):
        helpline, _created = Helpline.objects.get_or_create(
            locale=locale,
            number=fields["number"],
            defaults={**fields, "sort_order": order},
        )
        helplines.append(helpline)
    return helplines
