"""Keep every synchronised language tree complete, and cached public responses current."""

from contextvars import ContextVar
from typing import Any

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail_localize.models import LocaleSynchronization

from events.signals import occurrences_rebuilt

from . import frontend_cache, privacy
from .cache import content_changed

# Whatever the public site shows comes from these apps' models, Wagtail's pages and these models.
PUBLIC_CONTENT_APPS = {"cms", "home", "events", "partners"}
PUBLIC_CONTENT_MODELS = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collection",
    "wagtailcore.collectionviewrestriction",
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailredirects.redirect",
}


# The page the admin's "add page" view is publishing: wagtail-localize's after_create_page hook
# gives it its aliases a moment later, and two sets of aliases cannot exist (the view failed with
# a 500). Set and cleared by the before/after_publish_page hooks in cms.wagtail_hooks.
page_created_in_admin: ContextVar[int | None] = ContextVar("page_created_in_admin", default=None)


def create_missing_aliases(sender: type[Page], instance: Page, **kwargs: Any) -> None:
    """Give a newly published page an alias in every language synchronised from its own.

    wagtail-localize creates these aliases only when a page is created in the admin (its
    after_create_page hook); pages created in code (demo content, imports, tests) would otherwise
    be missing from the other languages until someone ran "Sync tree".
    """
    if instance.pk == page_created_in_admin.get():
        return
    targets = LocaleSynchronization.objects.filter(sync_from_id=instance.locale_id).select_related("locale")
    present = set(Page.objects.filter(translation_key=instance.translation_key).values_list("locale_id", flat=True))
    for synchronisation in targets:
        if synchronisation.locale_id not in present:
            alias = instance.copy_for_translation(synchronisation.locale, copy_parents=True, alias=True)
            # Already what the page publishes: Wagtail's update_aliases leaves it (cms.models.SynchronisedPage).
            instance.__dict__.setdefault("aliases_just_created", []).append(alias.pk)
            create_missing_aliases(sender, alias)


def keep_aliases_of_unpublished_pages_offline(sender: type, instance: Any, **kwargs: Any) -> None:
    """An alias is never live while the page it follows is not.

    Publishing a page that has never been live with a go-live time ahead schedules it, yet Wagtail
    (8.0) still sends page_published and publishes its aliases with the scheduled content: the
    other languages' copies went live before the page itself. They go live with it instead, when
    `publish_scheduled` publishes the page and Wagtail updates its aliases again.
    """
    if not (isinstance(instance, Page) and instance.alias_of_id and instance.live) or kwargs.get("raw"):
        return
    if Page.objects.filter(pk=instance.alias_of_id, live=False).exists():
        Page.objects.filter(pk=instance.pk).update(live=False)
        instance.live = False


def shows_publicly(model: type) -> bool:
    """Whether saving or deleting a `model` can change a public page.

    Not the stored occurrences: they are rewritten in bulk, which sends `occurrences_rebuilt`
    instead (and a receiver on their post_delete would stop Django deleting them in one query).
    """
    label = model._meta.label_lower
    if label in {"cms.contentversion", "events.occurrence"}:
        return False
    return issubclass(model, Page) or model._meta.app_label in PUBLIC_CONTENT_APPS or label in PUBLIC_CONTENT_MODELS


def drop_cached_responses(sender: type, **kwargs: Any) -> None:
    if not kwargs.get("raw"):
        content_changed()


def register_signal_handlers() -> None:
    privacy.connect()
    page_published.connect(create_missing_aliases, dispatch_uid="cms.create_missing_aliases")
    post_save.connect(keep_aliases_of_unpublished_pages_offline, dispatch_uid="cms.keep_aliases_offline")
    for model in apps.get_models():
        if shows_publicly(model):
            post_save.connect(drop_cached_responses, sender=model, dispatch_uid=f"cms.cache.saved.{model._meta.label}")
            post_delete.connect(drop_cached_responses, sender=model, dispatch_uid=f"cms.cache.gone.{model._meta.label}")
    page_published.connect(drop_cached_responses, dispatch_uid="cms.cache.page_published")
    page_unpublished.connect(drop_cached_responses, dispatch_uid="cms.cache.page_unpublished")
    post_page_move.connect(drop_cached_responses, dispatch_uid="cms.cache.page_moved")
    published.connect(drop_cached_responses, dispatch_uid="cms.cache.published")
    unpublished.connect(drop_cached_responses, dispatch_uid="cms.cache.unpublished")
    occurrences_rebuilt.connect(drop_cached_responses, dispatch_uid="cms.cache.occurrences_rebuilt")
    frontend_cache.register_signal_handlers()
