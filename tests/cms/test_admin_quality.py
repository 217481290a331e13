"""The admin is easy to find one's way in: search, filters, help on every field, and no other host."""

import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

PROJECT_APPS = ["cms", "home", "events", "partners"]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"

# Rows the site writes itself, never edited by hand: stored sessions and the cache's version number.
INTERNAL_MODELS = {"events.occurrence", "cms.contentversion"}


def wagtail_field_names(model: type[models.Model]) -> set[str]:
    """Fields a Wagtail or modelcluster base class brings (page tree, locale, revisions, order...)."""
    names = set()
    for base in model.__mro__[1:]:
        if (
            isinstance(base, type)
            and issubclass(base, models.Model)
            and base is not models.Model
            and base.__module__.startswith(("wagtail", "modelcluster", "django"))
        ):
            names |= {field.name for field in base._meta.get_fields() if getattr(field, "concrete", False)}
    return names


def editor_fields() -> list[tuple[str, models.Field]]:
    found = []
    for app_label in PROJECT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model._meta.label_lower in INTERNAL_MODELS:
                continue
            inherited = wagtail_field_names(model)
            for field in model._meta.concrete_fields:
                if field.name in inherited or field.auto_created or not field.editable:
                    continue
                if field.many_to_one and field.name == "page" and field.__class__.__name__ == "ParentalKey":
                    continue  # the event or programme a row belongs to
                found.append((f"{model._meta.label}.{field.name}", field))
    return found


def test_every_editor_facing_field_has_help_text():
    fields = editor_fields()
    assert len(fields) > 60
    missing = [name for name, field in fields if not str(field.help_text).strip()]
    assert missing == []


@pytest.fixture(scope="module")
def catalogues() -> dict[str, dict[str, str]]:
    found = {}
    for code in LANGUAGES[1:]:
        po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
        found[code] = {entry.msgid: entry.msgstr for entry in po if not entry.msgctxt and not entry.fuzzy}
    return found


def test_every_help_text_is_translated_into_every_language(catalogues):
    help_texts = {str(field.help_text) for _name, field in editor_fields()}
    untranslated = [
        (code, text)
        for code, catalogue in catalogues.items()
        for text in sorted(help_texts)
        if not catalogue.get(text) or catalogue[text] == text
    ]
    assert untranslated == []
