"""Translate demo content through wagtail-localize, from PO catalogues kept in the repository.

The catalogues (`cms/demo/locale/<language>.po`) map each English segment to its translation,
without context, so the same sentence is translated once wherever it appears. Translating
through wagtail-localize, rather than writing translated pages directly, leaves the demo
exactly as a translator's work would: with translation sources, segments and sync status.
"""

from functools import cache
from pathlib import Path

import polib
from django.db import models, transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

CATALOGUE_DIR = Path(__file__).resolve().parent / "locale"


@cache
def catalogue(language_code: str) -> dict[str, str]:
    path = CATALOGUE_DIR / f"{language_code}.po"
    if not path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if entry.msgstr}


def is_translated(instance: models.Model, locale: Locale) -> bool:
    """True when `instance` has a real (not alias) translation in `locale`."""
    translations = type(instance).objects.filter(translation_key=instance.translation_key, locale=locale)
    if isinstance(instance, Page):
        translations = translations.filter(alias_of__isnull=True)
    return translations.exists()


def source_strings(instance: models.Model) -> list[str]:
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    return list(StringSegment.objects.filter(source=source).order_by("order").values_list("string__data", flat=True))


def translate(instance: models.Model, locale: Locale, *, refresh: bool = False) -> models.Model:
    """Create and publish the translation of `instance` into `locale` unless it exists already.

    With `refresh`, an existing translation is brought up to date with `instance` instead, as
    "Sync translated pages" would do after an editor's change.
    """
    model = type(instance)
    if is_translated(instance, locale) and not refresh:
        return model.objects.get(translation_key=instance.translation_key, locale=locale)
    strings = catalogue(locale.language_code)
    with transaction.atomic():
        if refresh:
            source, _created = TranslationSource.update_or_create_from_instance(instance)
        else:
            source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            text = strings.get(segment.string.data)
            if text:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": text},
                )
        translation.save_target(publish=True)
    return model.objects.get(translation_key=instance.translation_key, locale=locale)


def missing_strings(instances: list[models.Model], language_code: str) -> list[str]:
    """English segments of `instances` that the language's catalogue does not translate yet."""
    strings = catalogue(language_code)
    missing: dict[str, None] = {}
    for instance in instances:
        for text in source_strings(instance):
            if text not in strings:
                missing[text] = None
    return list(missing)


def update_catalogue(language_code: str, msgids: list[str]) -> int:
    """Append untranslated entries to a catalogue so that a translator can fill them in."""
    path = CATALOGUE_DIR / f"{language_code}.po"
    po = polib.pofile(str(path)) if path.exists() else polib.POFile()
    po.metadata.setdefault("Content-Type", "text/plain; charset=UTF-8")
    po.metadata.setdefault("Language", language_code)
    known = {entry.msgid for entry in po}
    added = 0
    for msgid in msgids:
        if msgid not in known:
            po.append(polib.POEntry(msgid=msgid, msgstr=""))
            added += 1
    CATALOGUE_DIR.mkdir(exist_ok=True)
    po.save(str(path))
    catalogue.cache_clear()
    return added
