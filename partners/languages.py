"""Languages a partner agency's staff speak: codes stored, names shown in the reader's language.

Names come from Django's own language information and catalogues, so "Polish" reads "polski" on
the Polish site and "البولندية" on the Arabic one without anyone translating it again. A few
languages widely spoken in East London are missing from Django; they are described here.
"""

from dataclasses import dataclass

from django.conf.locale import LANG_INFO
from django.utils.translation import gettext, gettext_noop

EXTRA_LANGUAGES: dict[str, dict[str, str | bool]] = {
    "gu": {"name": gettext_noop("Gujarati"), "name_local": "ગુજરાતી", "bidi": False},
    "so": {"name": gettext_noop("Somali"), "name_local": "Soomaali", "bidi": False},
    "ti": {"name": gettext_noop("Tigrinya"), "name_local": "ትግርኛ", "bidi": False},
    "yo": {"name": gettext_noop("Yoruba"), "name_local": "Yorùbá", "bidi": False},
    "bfi": {"name": gettext_noop("British Sign Language"), "name_local": "", "bidi": False},
}

# The languages editors can tick. To offer another, add its code here (and to EXTRA_LANGUAGES
# if Django does not know it); no migration is needed.
SPOKEN_LANGUAGE_CODES = (
    "en",
    "ar",
    "bfi",
    "bg",
    "bn",
    "ckb",
    "es",
    "fa",
    "fr",
    "gu",
    "hi",
    "it",
    "lt",
    "lv",
    "pa",
    "pl",
    "pt",
    "ro",
    "ru",
    "so",
    "sq",
    "ta",
    "ti",
    "tr",
    "uk",
    "ur",
    "yo",
    "zh-hans",
)


@dataclass(frozen=True)
class SpokenLanguage:
    code: str
    name: str  # in the active (reader's) language
    name_local: str  # in the language itself, or "" when that would repeat the name
    bidi: bool


def spoken_language(code: str) -> SpokenLanguage:
    info = EXTRA_LANGUAGES.get(code) or LANG_INFO[code]
    name = gettext(str(info["name"]))
    name_local = str(info["name_local"])
    if name_local.casefold() in {name.casefold(), str(info["name"]).casefold()}:
        name_local = ""
    return SpokenLanguage(code=code, name=name, name_local=name_local, bidi=bool(info["bidi"]))


def spoken_languages(codes: list[str]) -> list[SpokenLanguage]:
    """The known languages among `codes`, sorted by their name in the reader's language."""
    languages = [spoken_language(code) for code in codes if code in SPOKEN_LANGUAGE_CODES]
    return sorted(languages, key=lambda language: language.name.casefold())


def language_choices() -> list[tuple[str, str]]:
    """(code, name) for every language editors can tick, named in the editor's language."""
    return [(language.code, language.name) for language in spoken_languages(list(SPOKEN_LANGUAGE_CODES))]
