import pytest
from wagtail.models import Locale, Page

from events.models import EventIndexPage, EventPage
from partners.factories import PartnerAgencyFactory
from partners.models import PartnerAgency


def publish(page: Page) -> Page:
    """Publish the page's current state as an editor would, firing Wagtail's signals."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def index() -> EventIndexPage:
    return EventIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def polish() -> Locale:
    return Locale.objects.get(language_code="pl")


def translate_page(page: EventPage, locale: Locale) -> EventPage:
    """A real (non-alias) translation of `page`, published."""
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id is None:
        return existing
    if existing is not None:
        existing.delete()
    translation = page.copy_for_translation(locale)
    return publish(translation)


def partner(name: str, **translations: str) -> PartnerAgency:
    """A live English partner agency, translated (name only) into the given languages: pl="…"."""
    english = PartnerAgencyFactory(name=name)
    for code, translated_name in translations.items():
        translation = english.copy_for_translation(Locale.objects.get(language_code=code))
        translation.name = translated_name
        translation.save()
    return english
