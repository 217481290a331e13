"""Partners in seven languages: texts translate, numbers and links never differ."""

import pytest
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.demo.partners import PARTNERS
from partners.factories import PartnerAgencyFactory
from partners.models import PartnerAgency
from tests.conftest import LANGUAGES

from .helpers import locale

pytestmark = pytest.mark.django_db

SYNCHRONISED = [
    "slug",
    "kind",
    "services",
    "languages",
    "women_led",
    "helpline_number",
    "helpline_free",
    "helpline_open_24_7",
    "phone",
    "website",
    "email",
    "referral",
    "logo_id",
]


@pytest.mark.parametrize("key", list(PARTNERS))
def test_demo_partner_numbers_and_links_are_identical_in_every_language(key):
    english = PartnerAgency.objects.get(slug=key, locale=locale("en"))
    translations = PartnerAgency.objects.filter(translation_key=english.translation_key).select_related("locale")
    assert sorted(partner.locale.language_code for partner in translations) == sorted(LANGUAGES)
    for partner in translations:
        assert partner.live
        for field in SYNCHRONISED:
            assert getattr(partner, field) == getattr(english, field), (partner.locale, field)


def test_demo_helplines_are_the_certain_ones_only():
    numbers = {
        partner.slug: partner.helpline_number
        for partner in PartnerAgency.objects.filter(locale=locale("en"), slug__in=PARTNERS)
    }
    assert numbers == {
        "metropolitan-police": "999",
        "redbridge-vawg": "",
        "refuge": "0808 2000 247",
        "ashiana-network": "",
    }
    assert not PartnerAgency.objects.exclude(phone="").exists()


def test_demo_partners_are_really_translated():
    english = PartnerAgency.objects.get(slug="redbridge-vawg", locale=locale("en"))
    for code in LANGUAGES[1:]:
        translated = english.get_translation(locale(code))
        assert translated.name != english.name, code
        assert translated.short_description != english.short_description, code


def test_numbers_and_links_are_not_offered_to_translators():
    partner = PartnerAgencyFactory(
        name="Hackney Women's Centre",
        helpline_number="0800 000 0000",
        helpline_hours="Weekdays",
        website="https://example.org/",
        email="help@example.org",
    )
    source, _created = TranslationSource.get_or_create_from_instance(partner)
    strings = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert {"Hackney Women's Centre", "Weekdays"} <= strings
    assert not strings & {"0800 000 0000", "https://example.org/", "help@example.org"}
    # Not overridable either: a translator cannot replace a number in one language.
    assert not OverridableSegment.objects.filter(source=source).exists()


def test_translating_a_partner_through_wagtail_localize(django_capture_on_commit_callbacks):
    partner = PartnerAgencyFactory(
        name="Hackney Women's Centre",
        short_description="Advice and a place to talk.",
        helpline_number="0800 000 0000",
        helpline_free=True,
    )
    polish = locale("pl")
    source, _created = TranslationSource.get_or_create_from_instance(partner)
    translation = Translation.objects.create(source=source, target_locale=polish)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        polish_text = {
            "Hackney Women's Centre": "Centrum Kobiet w Hackney",
            "Advice and a place to talk.": "Porady i miejsce do rozmowy.",
        }[segment.string.data]
        StringTranslation.objects.create(
            translation_of=segment.string, locale=polish, context=segment.context, data=polish_text
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    translated = partner.get_translation(polish)
    assert translated.live
    assert translated.name == "Centrum Kobiet w Hackney"
    assert translated.short_description == "Porady i miejsce do rozmowy."
    assert (translated.helpline_number, translated.helpline_free, translated.slug) == (
        "0800 000 0000",
        True,
        partner.slug,
    )


def test_a_changed_number_reaches_every_translation_when_synchronised(django_capture_on_commit_callbacks):
    english = PartnerAgency.objects.get(slug="refuge", locale=locale("en"))
    english.helpline_number = "0808 2000 248"
    english.save()
    english.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(english)
    with django_capture_on_commit_callbacks(execute=True):
        for translation in Translation.objects.filter(source=source):
            translation.save_target(publish=True)
    numbers = set(
        PartnerAgency.objects.filter(translation_key=english.translation_key).values_list("helpline_number", flat=True)
    )
    assert numbers == {"0808 2000 248"}
