"""The public pages that the safety, privacy and accessibility tests visit, in one place.

Add a path here when a new page type reaches the demo content (an event, a programme, a
partner, search results, a filtered listing): the header, cookie, exit-control, axe-core, Nu
HTML Checker, reflow and focus tests all walk this list, in each of CHECKED_LANGUAGES.
"""

from dataclasses import dataclass

# English, and both right-to-left languages.
CHECKED_LANGUAGES = ["en", "ur", "ar"]


@dataclass(frozen=True)
class PublicPage:
    name: str
    # The path after the language prefix, e.g. "about/" for /en/about/.
    path: str
    status: int = 200


PUBLIC_PAGES = [
    PublicPage("home", ""),
    PublicPage("standard", "about/"),
    PublicPage("staying-safe", "staying-safe-online/"),
    PublicPage("events", "events/"),
    PublicPage("events-filtered", "events/?kind=drop-in"),
    PublicPage("events-past", "events/?when=past"),
    PublicPage("event", "events/safe2talk/"),
    PublicPage("programmes", "programmes/"),
    PublicPage("programme", "programmes/metgirlz/"),
    PublicPage("partners", "support-services/"),
    PublicPage("partner", "support-services/refuge/"),
    PublicPage("search", "search/?q=safe"),
    PublicPage("not-found", "no-page-has-this-address/", 404),
]


@dataclass(frozen=True)
class PublicURL:
    language: str
    page: PublicPage

    @property
    def path(self) -> str:
        return f"/{self.language}/{self.page.path}"

    @property
    def id(self) -> str:
        return f"{self.language}-{self.page.name}"


PUBLIC_URLS = [PublicURL(language, page) for language in CHECKED_LANGUAGES for page in PUBLIC_PAGES]
