"""The admin's groups, declared once and created idempotently by `manage.py setup_groups`.

Each group is a `GroupSpec`: model permissions ("app_label.codename") and page permissions on
given pages. Translators' groups come first; Editors and Moderators can join `group_specs()`
as further specs without changing how groups are applied.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils.translation import get_language_info
from wagtail.models import DraftStateMixin, GroupPagePermission, Locale, Page, Site, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

# What a translator does on her language's tree: edit (translate) and publish. Never add pages
# (the tree mirrors English) nor delete them.
TRANSLATOR_PAGE_PERMISSIONS = ["change_page", "publish_page"]


@dataclass(frozen=True)
class GroupSpec:
    name: str
    permissions: list[str]
    page_permissions: list[tuple[Page, list[str]]] = field(default_factory=list)


def translator_group_name(language_code: str) -> str:
    return f"{get_language_info(language_code)['name']} translators"


def translatable_snippet_permissions() -> list[str]:
    """Change (and publish, for snippets with drafts) on every translatable snippet model."""
    permissions = []
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            actions = ["change", "publish"] if issubclass(model, DraftStateMixin) else ["change"]
            permissions += [f"{model._meta.app_label}.{action}_{model._meta.model_name}" for action in actions]
    return permissions


def translator_groups() -> list[GroupSpec]:
    """One group per language other than the default, limited to that language's home page and below."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return []
    specs = []
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("pk"):
        home = site.root_page.get_translation_or_none(locale)
        if home is None:
            continue
        specs.append(
            GroupSpec(
                name=translator_group_name(locale.language_code),
                permissions=[
                    "wagtailadmin.access_admin",
                    "wagtail_localize.submit_translation",
                    *translatable_snippet_permissions(),
                ],
                page_permissions=[(home, TRANSLATOR_PAGE_PERMISSIONS)],
            )
        )
    return specs


def group_specs() -> list[GroupSpec]:
    return translator_groups()


def get_permission(name: str) -> Permission:
    app_label, codename = name.split(".", 1)
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def apply(spec: GroupSpec) -> Group:
    """Create the group if needed and give it at least the spec's permissions (never removes any)."""
    group, _created = Group.objects.get_or_create(name=spec.name)
    group.permissions.add(*(get_permission(name) for name in spec.permissions))
    for page, codenames in spec.page_permissions:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=get_permission(f"wagtailcore.{codename}")
            )
    return group


def setup_groups() -> list[Group]:
    return [apply(spec) for spec in group_specs()]
