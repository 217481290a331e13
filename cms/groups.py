"""The admin's groups and moderation workflow, declared once and created idempotently by
`manage.py setup_groups`.

Each group is a `GroupSpec`: model permissions ("app_label.codename") and page permissions on
given pages. Editors write everything and submit it for moderation; Moderators also approve and
publish; Translators work on their own language only. The "Moderation" workflow sits on the root
of all page trees, so every page of every language, including languages and pages added later,
goes through a moderator unless its author may publish.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils.translation import get_language_info
from wagtail.models import (
    DraftStateMixin,
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    TranslatableMixin,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
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


# Wagtail's own migrations create groups of these names (with page permissions on the root, and
# image and document permissions); the specs below add to them rather than make second groups.
EDITORS = "Editors"
MODERATORS = "Moderators"
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page", "lock_page", "unlock_page"]
MEDIA_PERMISSIONS = [
    f"{app}.{action}_{model}"
    for app, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]
    for action in ["add", "change", "delete", "choose"]
]

MODERATION_WORKFLOW = "Moderation"
MODERATION_TASK = "Moderators approve"


def snippet_permissions(actions: list[str], *, drafts_only: bool = False) -> list[str]:
    """`actions` on every snippet model (only those with drafts when `drafts_only`)."""
    return [
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in get_snippet_models()
        if not drafts_only or issubclass(model, DraftStateMixin)
        for action in actions
    ]


def editor_permissions() -> list[str]:
    """All content, in every language, short of publishing: pages, snippets, images, documents.

    Snippets without drafts (venues, helplines) have no publish step in Wagtail: an editor's change
    to one is live at once, as it is for a translator. Site settings (the exit link) stay with
    administrators.
    """
    return [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        *snippet_permissions(["add", "change"]),
        *MEDIA_PERMISSIONS,
    ]


def role_groups() -> list[GroupSpec]:
    """Editors and Moderators, with their page permissions on the root of all language trees."""
    root = Page.get_first_root_node()
    if root is None:
        return []
    return [
        GroupSpec(name=EDITORS, permissions=editor_permissions(), page_permissions=[(root, EDITOR_PAGE_PERMISSIONS)]),
        GroupSpec(
            name=MODERATORS,
            permissions=[*editor_permissions(), *snippet_permissions(["publish"], drafts_only=True)],
            page_permissions=[(root, MODERATOR_PAGE_PERMISSIONS)],
        ),
    ]


def group_specs() -> list[GroupSpec]:
    return [*role_groups(), *translator_groups()]


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
    groups = [apply(spec) for spec in group_specs()]
    moderators = next((group for group in groups if group.name == MODERATORS), None)
    if moderators is not None:
        setup_moderation(moderators)
    return groups


def setup_moderation(moderators: Group) -> Workflow:
    """The "Moderation" workflow (one approval by a moderator), on the root of all page trees.

    On the root rather than on each page type or language: Wagtail assigns page workflows by
    subtree only, and every page below the root (event, programme and standard pages, and the
    home and index pages around them) of every language tree, present or future, then shares it.
    Aliases in the synchronised trees never go through it: they change only when their source
    is published, which its own moderation has approved. Who may publish (moderators, a
    translator in her language) still publishes directly.
    """
    task = GroupApprovalTask.objects.filter(name=MODERATION_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_TASK)
    task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    root = Page.get_first_root_node()
    replaced = WorkflowPage.objects.filter(page=root).exclude(workflow=workflow).select_related("workflow").first()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    if replaced is not None:
        retire_if_unused(replaced.workflow)
    return workflow


def retire_if_unused(workflow: Workflow) -> None:
    """Deactivate a workflow (Wagtail's default "Moderators approval") left on no page and with
    nothing in moderation, so that the admin's workflow list shows only the one in use."""
    if (
        workflow.active
        and not workflow.workflow_pages.exists()
        and not workflow.workflow_content_types.exists()
        and not workflow.workflow_states.exists()
    ):
        workflow.deactivate()
