"""Purge a CDN or Varnish in front of the site when an event or a partner agency changes.

The site's own response cache (cms.cache) drops everything at once through the content version
in the database; a frontend cache (Varnish, Cloudflare, CloudFront) cannot see that version, so
it is told which addresses changed, with `wagtail.contrib.frontend_cache` and the backends set in
`WAGTAILFRONTENDCACHE` (production settings, from the environment).

An event shows on far more addresses than its own page: its calendar, every language's listing,
feeds and calendar, the home pages, its programme's pages and the pages of the partner agencies
that will be there. Every language has its own copy of each (a translation or an alias), and
every one of them is purged. Everything one publish (or unpublish, move or deletion) touches,
aliases included, is gathered into one `PurgeBatch`, sent once the transaction commits, so a
CDN never refetches the old content before the database has the new.

Wagtail's own per-page purge is switched off (`cms.apps.FrontendCacheConfig`): it would send a
second, narrower batch.
"""

import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
    published,
    unpublished,
)

from events.models import EventIndexPage, EventPage, EventPartner
from home.models import HomePage, ProgrammePartner
from partners.models import PartnerAgency, PartnerIndexPage

# Below each language's events index: the listing's feeds and calendar (cms.urls serves
# "calendar.ics" from the "calendar/" route).
INDEX_PATHS = ("", "feed/", "feed/atom/", "calendar.ics", "calendar/")
EVENT_PATHS = ("", "calendar.ics", "calendar/")


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def page_urls(pages: Iterable[Page], paths: Iterable[str] = ("",)) -> set[str]:
    """The full addresses of `pages` (as the CDN's host sees them) and of their sub-paths."""
    urls = set()
    for page in pages:
        base = page.get_full_url()
        if base:
            urls.update(base + path for path in paths)
    return urls


def every_language(translation_keys: Iterable[Any]) -> list[Page]:
    """Every language's copy of these pages: translations and aliases share a translation key."""
    return list(Page.objects.filter(translation_key__in=set(translation_keys)).specific(defer=True))


def site_wide_urls() -> set[str]:
    """What lists every event: each language's home page, listing, feeds and calendar."""
    return page_urls(HomePage.objects.all()) | page_urls(EventIndexPage.objects.all(), INDEX_PATHS)


def partner_page_urls(partner_keys: set[Any]) -> set[str]:
    """Each partner's page under every language's directory (partner slugs are synchronised)."""
    slugs = set(PartnerAgency.objects.filter(translation_key__in=partner_keys).values_list("slug", flat=True))
    urls = set()
    for directory in PartnerIndexPage.objects.all():
        base = directory.get_full_url()
        if base:
            urls.update(base + directory.reverse_subpage("partner", kwargs={"partner_slug": slug}) for slug in slugs)
    return urls


def shown_with(event: EventPage) -> tuple[set[Any], set[Any]]:
    """Translation keys of the programme and partner agencies this version of the event shows."""
    programmes = set()
    if event.programme_id:
        programmes.update(Page.objects.filter(pk=event.programme_id).values_list("translation_key", flat=True))
    partner_ids = [row.partner_id for row in event.partners.all()]
    partners = set(PartnerAgency.objects.filter(pk__in=partner_ids).values_list("translation_key", flat=True))
    return programmes, partners


def previously_published(event: EventPage, revision: Revision | None) -> EventPage | None:
    """The version that was live before `revision`, whose programme and partners showed it too."""
    earlier = PageLogEntry.objects.filter(page=event, action="wagtail.publish", revision__isnull=False)
    if revision is not None:
        earlier = earlier.exclude(revision=revision)
    entry = earlier.select_related("revision").order_by("-timestamp", "-pk").first()
    return entry.revision.as_object() if entry else None


def event_urls(event: EventPage, revision: Revision | None = None) -> set[str]:
    """Every address, in every language, that shows `event` now or showed it until this change."""
    programmes, partners = shown_with(event)
    before = previously_published(event, revision)
    if before is not None:
        old_programmes, old_partners = shown_with(before)
        programmes |= old_programmes
        partners |= old_partners
    return (
        page_urls(every_language([event.translation_key]), EVENT_PATHS)
        | site_wide_urls()
        | page_urls(every_language(programmes))
        | partner_page_urls(partners)
    )


def partner_urls(partner: PartnerAgency) -> set[str]:
    """Every address, in every language, that shows this partner agency."""
    keys = PartnerAgency.objects.filter(translation_key=partner.translation_key)
    event_ids = EventPartner.objects.filter(partner__in=keys).values_list("page_id", flat=True)
    event_keys = Page.objects.filter(pk__in=event_ids).values_list("translation_key", flat=True)
    programme_ids = ProgrammePartner.objects.filter(partner__in=keys).values_list("page_id", flat=True)
    programme_keys = Page.objects.filter(pk__in=programme_ids).values_list("translation_key", flat=True)
    return (
        partner_page_urls({partner.translation_key})
        | page_urls(PartnerIndexPage.objects.all())
        | page_urls(every_language(event_keys), EVENT_PATHS)
        | page_urls(every_language(programme_keys))
        | site_wide_urls()
    )


class PendingPurge:
    """The addresses gathered during one transaction, purged in one batch when it commits."""

    local = threading.local()

    def __init__(self) -> None:
        self.batch = PurgeBatch()
        self.later: dict[tuple[str, Any], Callable[[], set[str]]] = {}

    @classmethod
    def current(cls) -> "PendingPurge":
        connection = transaction.get_connection()
        pending = getattr(cls.local, "pending", None)
        # A rolled-back transaction drops its callbacks: its pending purge goes with it.
        if pending is None or not any(entry[1] is pending for entry in connection.run_on_commit):
            pending = cls.local.pending = cls()
            transaction.on_commit(pending)
        return pending

    def __call__(self) -> None:
        if getattr(self.local, "pending", None) is self:
            del self.local.pending
        for urls in self.later.values():
            self.batch.add_urls(urls())
        if self.batch.urls:
            self.batch.purge()


def purge_now(urls: Callable[[], set[str]]) -> None:
    """Addresses that are about to go (a deletion, a move): gathered at once, purged on commit."""
    if enabled():
        PendingPurge.current().batch.add_urls(urls())


def purge_on_commit(key: tuple[str, Any], urls: Callable[[], set[str]]) -> None:
    """Addresses gathered when the transaction commits, once per key: by then every language's
    alias has followed its source (an alias's publish repeats its source's)."""
    if enabled():
        PendingPurge.current().later.setdefault(key, urls)


def event_changed(sender: type, instance: Page, revision: Revision | None = None, **kwargs: Any) -> None:
    if isinstance(instance, EventPage):
        purge_on_commit(("event", instance.translation_key), lambda: event_urls_now(instance.pk, revision))


def event_urls_now(pk: int, revision: Revision | None) -> set[str]:
    event = EventPage.objects.filter(pk=pk).first()
    return event_urls(event, revision) if event else set()  # deleted: purged before it went


def event_deleted(sender: type, instance: EventPage, **kwargs: Any) -> None:
    # Before the deletion, while the page still has its addresses and its copies still exist.
    purge_now(lambda: event_urls(instance))


def event_moving(sender: type, instance: Page, **kwargs: Any) -> None:
    """The old addresses, gathered before the move; `post_page_move` adds the new ones."""
    if issubclass(instance.specific_class or type(instance), EventPage):
        purge_now(lambda: event_urls(EventPage.objects.get(pk=instance.pk)))


def event_moved(sender: type, instance: Page, **kwargs: Any) -> None:
    if issubclass(instance.specific_class or type(instance), EventPage):
        event_changed(sender, EventPage.objects.get(pk=instance.pk))


def event_renamed(sender: type, instance: Page, instance_before: Page, **kwargs: Any) -> None:
    """A new slug: the old address of this language's copy goes too (each copy sends its own)."""
    if isinstance(instance, EventPage):
        purge_now(lambda: page_urls([instance_before], EVENT_PATHS))


def partner_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, PartnerAgency):
        purge_now(lambda: partner_urls(instance))


def register_signal_handlers() -> None:
    page_published.connect(event_changed, sender=EventPage, dispatch_uid="cms.frontend_cache.published")
    page_unpublished.connect(event_changed, sender=EventPage, dispatch_uid="cms.frontend_cache.unpublished")
    pre_delete.connect(event_deleted, sender=EventPage, dispatch_uid="cms.frontend_cache.deleted")
    pre_page_move.connect(event_moving, dispatch_uid="cms.frontend_cache.moving")
    post_page_move.connect(event_moved, dispatch_uid="cms.frontend_cache.moved")
    page_slug_changed.connect(event_renamed, dispatch_uid="cms.frontend_cache.renamed")
    published.connect(partner_changed, sender=PartnerAgency, dispatch_uid="cms.frontend_cache.partner_published")
    unpublished.connect(partner_changed, sender=PartnerAgency, dispatch_uid="cms.frontend_cache.partner_unpublished")
    pre_delete.connect(partner_changed, sender=PartnerAgency, dispatch_uid="cms.frontend_cache.partner_deleted")
