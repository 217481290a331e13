import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Locale, Page

from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_demo_command_is_idempotent():
    before = row_counts()
    call_command("load_demo_content", verbosity=0)
    assert row_counts() == before


@pytest.mark.parametrize("slug", ["about", "staying-safe-online"])
def test_demo_pages_exist_and_are_live_in_every_language(slug):
    for code in LANGUAGES:
        page = Page.objects.get(slug=slug, locale=Locale.objects.get(language_code=code))
        assert page.live


def test_demo_translations_are_real_translations_not_english_copies():
    english = Page.objects.get(slug="staying-safe-online", locale__language_code="en")
    for code in LANGUAGES[1:]:
        translation = english.get_translation(Locale.objects.get(language_code=code))
        assert translation.alias_of_id is None
        assert translation.title != english.title, f"{code} title is still English"
