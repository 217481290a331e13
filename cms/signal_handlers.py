"""Keep every synchronised language tree complete, however a page comes into being."""

from typing import Any

from wagtail.models import Page
from wagtail.signals import page_published
from wagtail_localize.models import LocaleSynchronization


def create_missing_aliases(sender: type[Page], instance: Page, **kwargs: Any) -> None:
    """Give a newly published page an alias in every language synchronised from its own.

    wagtail-localize creates these aliases only when a page is created in the admin (its
    after_create_page hook); pages created in code (demo content, imports, tests) would otherwise
    be missing from the other languages until someone ran "Sync tree".
    """
    targets = LocaleSynchronization.objects.filter(sync_from_id=instance.locale_id).select_related("locale")
    present = set(Page.objects.filter(translation_key=instance.translation_key).values_list("locale_id", flat=True))
    for synchronisation in targets:
        if synchronisation.locale_id not in present:
            alias = instance.copy_for_translation(synchronisation.locale, copy_parents=True, alias=True)
            create_missing_aliases(sender, alias)


def register_signal_handlers() -> None:
    page_published.connect(create_missing_aliases, dispatch_uid="cms.create_missing_aliases")
