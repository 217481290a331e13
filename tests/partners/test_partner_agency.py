import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from partners.factories import PartnerAgencyFactory
from partners.models import PartnerAgency, tel_href

pytestmark = pytest.mark.django_db


def test_services_filter_in_sql_on_this_database():
    housing = PartnerAgencyFactory(services=["housing", "counselling"])
    counselling = PartnerAgencyFactory(services=["counselling"])
    nothing = PartnerAgencyFactory(services=[])
    partners = PartnerAgency.objects.filter(pk__in=[housing.pk, counselling.pk, nothing.pk])
    assert list(partners.filter(services__has="housing")) == [housing]
    assert set(partners.filter(services__has="counselling")) == {housing, counselling}
    # A code is matched whole, never as part of another.
    assert not partners.filter(services__has="house").exists()


def test_spoken_languages_filter_in_sql():
    polish = PartnerAgencyFactory(languages=["en", "pl"])
    english = PartnerAgencyFactory(languages=["en"])
    partners = PartnerAgency.objects.filter(pk__in=[polish.pk, english.pk])
    assert list(partners.filter(languages__has="pl")) == [polish]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("services", ["not-a-service"]),
        ("services", ["housing", "housing"]),
        ("services", "housing"),
        ("languages", ["xx"]),
        ("helpline_number", "call 0808 2000 247"),
        ("helpline_number", "0808-2000-247"),
        ("phone", "+44"),
    ],
)
def test_editors_cannot_save_values_outside_the_vocabulary_or_unreadable_numbers(field, value):
    partner = PartnerAgencyFactory.build(**{field: value})
    with pytest.raises(ValidationError) as error:
        partner.full_clean()
    assert field in error.value.message_dict


@pytest.mark.parametrize("number", ["999", "0808 2000 247", "+44 20 7946 0000"])
def test_real_phone_numbers_are_accepted(number):
    PartnerAgencyFactory.build(helpline_number=number, phone=number).full_clean()


def test_tel_links_keep_only_digits_and_plus():
    assert tel_href("0808 2000 247") == "tel:08082000247"
    assert tel_href("+44 20 7946 0000") == "tel:+442079460000"


def test_slug_is_made_from_the_name_and_unique_per_language():
    partner = PartnerAgencyFactory.build(name="Women's Aid Hackney", slug="")
    partner.full_clean()
    assert partner.slug == "womens-aid-hackney"
    partner.save()
    clash = PartnerAgencyFactory.build(name="Another", slug="womens-aid-hackney")
    with pytest.raises(ValidationError) as error:
        clash.full_clean()
    assert "slug" in error.value.message_dict


def test_services_are_labelled_in_the_readers_language():
    partner = PartnerAgencyFactory.build(services=["immigration", "domestic-abuse"])
    assert partner.service_labels() == ["Domestic abuse support", "Immigration advice"]


def test_languages_are_named_in_the_readers_language_with_their_own_name():
    partner = PartnerAgencyFactory.build(languages=["pl", "ur", "en"])
    with translation.override("en"):
        names = {language.code: (language.name, language.name_local) for language in partner.spoken_languages()}
    assert names == {"en": ("English", ""), "pl": ("Polish", "polski"), "ur": ("Urdu", "اردو")}
    with translation.override("pl"):
        polish = {language.code: (language.name, language.name_local) for language in partner.spoken_languages()}
    # Django's own catalogue names languages in Polish; Polish itself needs no second name.
    assert polish["pl"] == ("polski", "")
    assert polish["en"][0] == "angielski"
    assert polish["ur"][1] == "اردو"


def test_languages_django_does_not_know_are_still_named():
    partner = PartnerAgencyFactory.build(languages=["so", "bfi"])
    partner.full_clean()
    names = [language.name for language in partner.spoken_languages()]
    assert names == ["British Sign Language", "Somali"]
