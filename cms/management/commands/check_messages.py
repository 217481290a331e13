import shutil
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.commands import makemessages

# Folders that hold no interface strings of ours (and would take long to scan).
IGNORE = [".venv", "node_modules", "staticfiles", "media", "tests", ".git"]

Key = tuple[str | None, str]


class _Extractor(makemessages.Command):
    """Django's makemessages, stopped before it writes any .po file: keeps the extracted template."""

    extracted: polib.POFile | None = None

    def write_po_file(self, potfile: str, locale: str) -> None:
        self.extracted = polib.pofile(potfile)


def extract_messages() -> dict[Key, polib.POEntry]:
    """Every msgid marked for translation in the project's Python files and templates, with its context."""
    if shutil.which("xgettext") is None:
        raise CommandError("xgettext is missing: install GNU gettext (apt-get install gettext).")
    extractor = _Extractor()
    call_command(extractor, locale=[settings.LANGUAGES[1][0]], ignore_patterns=IGNORE, verbosity=0)
    return {(entry.msgctxt, entry.msgid): entry for entry in extractor.extracted or []}


def catalogue_path(language: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"


def problems(language: str, messages: dict[Key, polib.POEntry]) -> list[str]:
    """What a reader of `language` would meet in English or garbled: missing, empty or fuzzy entries."""
    path = catalogue_path(language)
    if not path.exists():
        return [f"{path} is missing"]
    catalogue = {(entry.msgctxt, entry.msgid): entry for entry in polib.pofile(str(path)) if not entry.obsolete}
    found = []
    for key in messages:
        entry = catalogue.get(key)
        if entry is None:
            found.append(f"missing: {key[1]!r}")
        elif entry.fuzzy:
            found.append(f"fuzzy: {key[1]!r}")
        elif not (entry.msgstr or (entry.msgstr_plural and all(entry.msgstr_plural.values()))):
            found.append(f"empty: {key[1]!r}")
    return found


class Command(BaseCommand):
    help = (
        "Check that every interface string marked in the code is translated, not fuzzy, in every "
        "language's catalogue (locale/<lang>/LC_MESSAGES/django.po). Run `make messages` first to add "
        "new strings to the catalogues; this lists what translators still have to do."
    )

    def handle(self, *args, **options):
        messages = extract_messages()
        report = {
            code: problems(code, messages) for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
        }
        for code, found in report.items():
            self.stdout.write(f"{code}: {len(found)} to do")
            for problem in found:
                self.stdout.write(f"    {problem}")
        if any(report.values()):
            raise CommandError("Some interface strings are not translated: see the list above.")
        self.stdout.write(f"All {len(messages)} interface strings are translated in every language.")
