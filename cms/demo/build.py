"""Build the demo site: idempotent, so running it twice changes nothing."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import models
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree

from cms.models import SafetySettings
from events.models import EventPage
from home.models import HomePage, ProgrammeIndexPage, ProgrammePage, StandardPage
from partners.models import PartnerIndexPage

from . import pages, partners, programmes
from .events import (
    CURRENT_SEASON,
    HACKNEY,
    HACKNEY_PARTNERS,
    SAFE2TALK_PARTNERS,
    SEASON_2022,
    build_events,
    ensure_event_partners,
)
from .safety import ensure_helplines
from .translate import translate

Log = Callable[[str], None]


def ensure_locales() -> tuple[Locale, list[Locale]]:
    """Every content language exists, and each non-English tree is synchronised from English."""
    default = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
    others = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == default.language_code:
            continue
        locale = Locale.objects.get_or_create(language_code=code)[0]
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})
        others.append(locale)
    return default, others


def ensure_child(parent: Page, model: type[Page], *, slug: str, **fields: Any) -> Page:
    """The live child page `slug` of `parent`, created and published if it does not exist."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home(default: Locale) -> HomePage:
    root = Page.get_first_root_node()
    # Not "home": Wagtail's own "Welcome" page holds that slug until it is removed below.
    home = ensure_child(root, HomePage, slug="safe-spaces", locale=default, **pages.HOME)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
        # Wagtail's initial migration leaves a "Welcome" page; it has no place in our tree, nor do
        # the copies of it that synchronising the language trees made.
        if not isinstance(old_root.specific, HomePage):
            for page in Page.objects.filter(translation_key=old_root.translation_key).order_by("-alias_of"):
                page.delete()
    return home


def build(log: Log = print) -> list[models.Model]:
    """Create the English tree, translate it into every language and return the translated sources."""
    default, others = ensure_locales()
    home = ensure_home(default)
    about = ensure_child(home, StandardPage, show_in_menus=True, **pages.ABOUT)
    staying_safe = ensure_child(home, StandardPage, show_in_menus=True, **pages.STAYING_SAFE)

    safety = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    if safety.staying_safe_page_id is None:
        safety.staying_safe_page = staying_safe
        safety.save()

    demo_partners = partners.ensure_partners(default)
    directory = ensure_child(home, PartnerIndexPage, show_in_menus=True, **partners.DIRECTORY)
    programme_index = ensure_child(home, ProgrammeIndexPage, show_in_menus=True, **programmes.PROGRAMME_INDEX)
    metgirlz = ensure_child(programme_index, ProgrammePage, **programmes.metgirlz(demo_partners))

    # Partners first, so that translated pages can point at translated partners.
    sources = [*demo_partners.values(), home, about, staying_safe, directory, programme_index, metgirlz]
    venues_and_events = build_events(home, default)
    sources += venues_and_events
    sources += ensure_helplines(default)

    # Links added to a demo built before they existed: its translations are brought up to date.
    changed = set()
    by_slug = {event.slug: event for event in venues_and_events if isinstance(event, EventPage)}
    for slug, rows in [
        (SEASON_2022["slug"], SAFE2TALK_PARTNERS),
        (CURRENT_SEASON["slug"], SAFE2TALK_PARTNERS),
        (HACKNEY["slug"], HACKNEY_PARTNERS),
    ]:
        if ensure_event_partners(by_slug[slug], demo_partners, rows):
            changed.add(by_slug[slug].pk)
    if programmes.link_safe2talk(metgirlz, by_slug[CURRENT_SEASON["slug"]]):
        changed.add(metgirlz.pk)

    sources = [
        type(source).objects.get(pk=source.pk) if isinstance(source, Page) and source.pk in changed else source
        for source in sources
    ]
    for locale in others:
        for source in sources:
            translate(source, locale, refresh=isinstance(source, Page) and source.pk in changed)
        synchronize_tree(default, locale)
    log(f"Demo content ready in {len(others) + 1} languages.")
    return sources
