"""The demo's events exist, live and translated, in every language."""

import pytest
from wagtail.models import Locale

from events.models import EventIndexPage, EventPage, Venue
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

SLUGS = ["safe2talk-2022-23", "safe2talk", "womens-engagement-evening-hackney"]


def test_events_index_is_in_the_menu_under_the_home_page():
    index = EventIndexPage.objects.get(locale__language_code="en")
    assert index.show_in_menus and index.live
    assert index.get_parent().specific_class.__name__ == "HomePage"


@pytest.mark.parametrize("code", LANGUAGES[1:])
def test_demo_events_and_venues_are_translated(code):
    locale = Locale.objects.get(language_code=code)
    for slug in SLUGS:
        english = EventPage.objects.get(slug=slug, locale__language_code="en")
        translation = english.get_translation(locale)
        assert translation.live and translation.alias_of_id is None
        assert translation.title != english.title, f"{code} {slug} title is still English"
        assert translation.summary != english.summary
    for venue in Venue.objects.filter(locale__language_code="en"):
        assert venue.get_translation(locale).name != venue.name


def test_the_hackney_event_is_an_evening_one_off():
    event = EventPage.objects.get(slug="womens-engagement-evening-hackney", locale__language_code="en")
    assert event.repeat is None or not event.repeat.rrules
    assert event.first_date.isoformat() == "2021-12-01" and event.start_time.hour == 18
    assert event.audience == EventPage.Audience.WOMEN


@pytest.mark.parametrize("slug", ["safe2talk-2022-23", "safe2talk"])
def test_safe2talk_has_its_four_partners_and_no_programme(slug):
    event = EventPage.objects.get(slug=slug, locale__language_code="en")
    assert [(row.partner.slug, row.role) for row in event.partners.all()] == [
        ("metropolitan-police", "Female police engagement officers"),
        ("redbridge-vawg", "A specialist in violence against women and girls"),
        ("refuge", "A worker from the Eastern European Service"),
        ("ashiana-network", "An immigration solicitor"),
    ]
    # It grew out of MetGirlz, but it is open to everyone: not a session of a programme for girls.
    assert event.programme is None


@pytest.mark.parametrize("code", LANGUAGES[1:])
def test_translated_events_point_at_the_partners_translations(code):
    locale = Locale.objects.get(language_code=code)
    for slug in SLUGS:
        english = EventPage.objects.get(slug=slug, locale__language_code="en")
        rows = list(english.get_translation(locale).partners.select_related("partner__locale"))
        assert [row.partner.translation_key for row in rows] == [
            row.partner.translation_key for row in english.partners.all()
        ]
        assert {row.partner.locale for row in rows} == {locale}
        assert all(row.role and row.role not in {r.role for r in english.partners.all()} for row in rows)
