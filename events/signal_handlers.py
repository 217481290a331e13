"""Keep stored occurrences in step with the pages they come from."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import EventPage
from .queries import rebuild_occurrences


def rebuild_for_page(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Any change to any translation of an event rebuilds the event's occurrences.

    Publishing covers a scheduled go-live too: `publish_scheduled` publishes the revision.
    """
    if getattr(instance, "alias_of_id", None):
        return  # an alias follows its source, which has rebuilt already
    if isinstance(instance, EventPage) or issubclass(instance.specific_class or type(instance), EventPage):
        rebuild_occurrences(instance.translation_key)


def rebuild_after_unpublish(sender: Any, instance: EventPage, **kwargs: Any) -> None:
    """Unpublished, or about to be deleted (Wagtail then unpublishes without saving): no sessions."""
    if not instance.alias_of_id:
        rebuild_occurrences(instance.translation_key, unpublished=instance.pk)


def rebuild_after_delete(sender: Any, instance: EventPage, **kwargs: Any) -> None:
    # Another translation may now hold the authoritative schedule.
    key = instance.translation_key
    transaction.on_commit(lambda: rebuild_occurrences(key))


def register_signal_handlers() -> None:
    page_published.connect(rebuild_for_page, sender=EventPage, dispatch_uid="events_rebuild_published")
    page_unpublished.connect(rebuild_after_unpublish, sender=EventPage, dispatch_uid="events_rebuild_unpublished")
    post_page_move.connect(rebuild_for_page, dispatch_uid="events_rebuild_moved")
    post_delete.connect(rebuild_after_delete, sender=EventPage, dispatch_uid="events_rebuild_deleted")
