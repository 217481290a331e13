"""A page made private is private in every language: its restriction holds for its translations and aliases.

Wagtail keeps a view restriction on the one page an editor restricted. It resolves an alias to
its source when serving it, but its `.public()` querysets (search, sitemap, menus, listings) test
only the alias's own path, and a real translation (wagtail-localize copies restrictions only when
it next syncs that translation) stays public. Restricting the English event would leave its Polish
translation and the synchronised aliases in every other language listed, found and served.

So every restriction is mirrored on each page that shares its `translation_key` (translations and
aliases, in every locale), and kept equal to it: type, groups, and removal. Pages added later to
a restricted translation group (a new translation or alias) get the restriction too. Then
Wagtail's own checks (serving, `.public()`) are right in every language, and so is everything
built on them.
"""

import threading
from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction

# Set on a restriction while its copies are being written, so that writing them does not recurse.
MIRRORING = "_mirroring_translations"
# Pages being deleted in this thread: their restrictions go with them, and stay on the other languages.
deleting = threading.local()


def counterparts(restriction: PageViewRestriction) -> list[PageViewRestriction]:
    """The restriction on every other page of its translation group, created where missing."""
    page = restriction.page
    others = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    existing = {r.page_id: r for r in PageViewRestriction.objects.filter(page__in=others)}
    result = []
    for other in others:
        mirror = existing.get(other.pk) or PageViewRestriction(page=other)
        setattr(mirror, MIRRORING, True)
        result.append(mirror)
    return result


def mirror_restriction(sender: type, instance: PageViewRestriction, raw: bool = False, **kwargs: Any) -> None:
    if raw or getattr(instance, MIRRORING, False):
        return
    with transaction.atomic():
        wanted = (instance.restriction_type, instance.password)
        for mirror in counterparts(instance):
            if mirror.pk and (mirror.restriction_type, mirror.password) == wanted:
                continue
            mirror.restriction_type = instance.restriction_type
            mirror.password = instance.password
            mirror.save()
            mirror.groups.set(instance.groups.all())


def mirror_groups(sender: type, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
    if reverse or not action.startswith("post_") or getattr(instance, MIRRORING, False):
        return
    groups = list(instance.groups.all())
    for mirror in counterparts(instance):
        if mirror.pk:
            mirror.groups.set(groups)


def note_deleted_page(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        deleting.pages = getattr(deleting, "pages", set()) | {instance.pk}


def forget_deleted_page(sender: type, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, Page):
        getattr(deleting, "pages", set()).discard(instance.pk)


def lift_mirrors(sender: type, instance: PageViewRestriction, **kwargs: Any) -> None:
    """An editor lifted the restriction: lift it in every language (not when a translation is deleted)."""
    if getattr(instance, MIRRORING, False) or instance.page_id in getattr(deleting, "pages", set()):
        return
    key = Page.objects.filter(pk=instance.page_id).values("translation_key")
    for mirror in PageViewRestriction.objects.filter(page__translation_key__in=key).exclude(pk=instance.pk):
        setattr(mirror, MIRRORING, True)
        mirror.delete()


def restrict_new_translation(sender: type, instance: Any, created: bool, raw: bool = False, **kwargs: Any) -> None:
    """A translation or alias created in a restricted group starts out restricted like the others."""
    if raw or not created or not isinstance(instance, Page):
        return
    source = (
        PageViewRestriction.objects.filter(page__translation_key=instance.translation_key)
        .exclude(page=instance)
        .first()
    )
    if source is not None:
        mirror = PageViewRestriction(page=instance, restriction_type=source.restriction_type, password=source.password)
        setattr(mirror, MIRRORING, True)
        mirror.save()
        mirror.groups.set(source.groups.all())


def connect() -> None:
    post_save.connect(mirror_restriction, sender=PageViewRestriction, dispatch_uid="cms.privacy.mirror")
    m2m_changed.connect(mirror_groups, sender=PageViewRestriction.groups.through, dispatch_uid="cms.privacy.groups")
    pre_delete.connect(note_deleted_page, dispatch_uid="cms.privacy.page_deleted")
    post_delete.connect(lift_mirrors, sender=PageViewRestriction, dispatch_uid="cms.privacy.lift")
    post_delete.connect(forget_deleted_page, dispatch_uid="cms.privacy.page_gone")
    post_save.connect(restrict_new_translation, dispatch_uid="cms.privacy.new_translation")
