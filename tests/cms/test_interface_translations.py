"""Every interface string reaches the reader in her language, with its placeholders and markup intact."""

import datetime
import os
import re
import shutil
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import formats, translation

from tests.conftest import LANGUAGES

TRANSLATED = LANGUAGES[1:]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{\{\s*[\w.]+\s*\}\}")
TAG = re.compile(r"</?\w+[^>]*>")
# December in each language, as Django's catalogues spell it in dates.
DECEMBER = {
    "en": "December",
    "bn": "ডিসেম্বর",
    "ur": "دسمبر",
    "tr": "Aral\u0131k",
    "pl": "grudnia",
    "ro": "ecembrie",
    "ar": "ديسمبر",
}


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"))


def test_every_marked_string_is_translated_in_every_language():
    if shutil.which("xgettext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("GNU gettext (xgettext) is needed to extract interface strings in CI")
        pytest.skip("GNU gettext (xgettext) is not installed")
    out = StringIO()
    call_command("check_messages", stdout=out)
    assert "translated in every language" in out.getvalue()


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_entry_is_empty_or_fuzzy(language):
    po = catalogue(language)
    assert po.metadata["Language"] == language
    for entry in po:
        if entry.obsolete:
            continue
        assert not entry.fuzzy, entry.msgid
        if entry.msgid_plural:
            nplurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
            assert len(entry.msgstr_plural) == nplurals, entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid
        else:
            assert entry.msgstr, entry.msgid


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_and_markup_survive_translation(language):
    for entry in catalogue(language):
        placeholders = set(PLACEHOLDER.findall(entry.msgid))
        tags = sorted(TAG.findall(entry.msgid))
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            if entry.msgid_plural:
                # A plural form may say the number in words ("two pages"), so it may drop the count.
                assert set(PLACEHOLDER.findall(text)) - {"counter"} == placeholders - {"counter"}, text
            else:
                assert set(PLACEHOLDER.findall(text)) == placeholders, text
            assert sorted(TAG.findall(text)) == tags, text


@pytest.mark.parametrize("language", LANGUAGES)
def test_dates_and_times_read_in_the_readers_language_with_western_digits(language):
    moment = datetime.datetime(2021, 12, 1, 14, 0)
    with translation.override(language):
        date = formats.date_format(moment, "DATE_FORMAT")
        time = formats.time_format(moment.time(), "TIME_FORMAT")
    assert DECEMBER[language] in date
    assert "1" in date and "2021" in date
    assert re.fullmatch(r"[^\d]*", re.sub(r"[0-9]", "", date + time)), "only Western digits"
    assert "2" in time or "14" in time


def test_english_dates_are_british():
    with translation.override("en"):
        assert formats.date_format(datetime.date(2021, 12, 1), "DATE_FORMAT") == "1 December 2021"
        assert formats.date_format(datetime.date(2021, 12, 1), "SHORT_DATE_FORMAT") == "01/12/2021"
