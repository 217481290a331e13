"""Editors and Moderators: what each role can do in the admin, in every language tree.

Refusals are in test_role_matrix.py; translators in test_translators.py; moderation in
test_moderation.py.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.groups import EDITORS, MODERATION_WORKFLOW, MODERATORS
from cms.models import Helpline
from events.models import Venue
from partners.factories import PartnerAgencyFactory
from partners.models import PartnerAgency
from tests.cms.admin_users import admin_form_data, logged_in, standard_page_in, visitor

pytestmark = pytest.mark.django_db


def state() -> tuple:
    return (
        sorted(Group.objects.values_list("name", flat=True)),
        sorted(Group.permissions.through.objects.values_list("group_id", "permission_id")),
        sorted(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")),
        sorted(Workflow.objects.values_list("name", "active")),
        sorted(WorkflowTask.objects.values_list("workflow_id", "task_id", "sort_order")),
        sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")),
        sorted(GroupApprovalTask.groups.through.objects.values_list("groupapprovaltask_id", "group_id")),
    )


def test_setup_groups_twice_changes_nothing():
    call_command("setup_groups", verbosity=0)
    first = state()
    call_command("setup_groups", verbosity=0)
    assert state() == first
    assert {EDITORS, MODERATORS} <= set(first[0])
    assert [name for name, active in first[3] if active] == [MODERATION_WORKFLOW]


def test_moderators_approve_in_the_moderation_workflow():
    call_command("setup_groups", verbosity=0)
    workflow = Workflow.objects.get(name=MODERATION_WORKFLOW)
    tasks = [task.specific for task in workflow.tasks]
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [[MODERATORS]]


def partner_in(code: str) -> PartnerAgency:
    english = PartnerAgencyFactory(name="Test Agency Delta")
    if code == "en":
        return english
    translation = english.copy_for_translation(Locale.objects.get(language_code=code))
    translation.save()
    return translation


def snippet_url(model, name: str, *args) -> str:
    return reverse(f"{model.snippet_viewset.url_namespace}:{name}", args=args)


@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
@pytest.mark.parametrize("code", ["en", "ar"])
def test_editors_and_moderators_work_in_every_language(client, group, code):
    user = logged_in(client, group)
    page = standard_page_in(code)
    assert user.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    assert (
        user.get(reverse("wagtailadmin_pages:add_subpage", args=[page.get_parent().pk]), follow=True).status_code == 200
    )
    partner = partner_in(code)
    assert user.get(snippet_url(PartnerAgency, "edit", partner.pk)).status_code == 200
    for model in (PartnerAgency, Venue, Helpline):
        assert user.get(snippet_url(model, "add") + f"?locale={code}").status_code == 200, model
    for name in ("wagtailimages:add", "wagtaildocs:add", "wagtailimages:index", "wagtaildocs:index"):
        assert user.get(reverse(name)).status_code == 200, name


def test_an_editor_saves_a_partner_draft_but_cannot_publish_it(client):
    editor = logged_in(client, EDITORS)
    partner = partner_in("en")
    url = snippet_url(PartnerAgency, "edit", partner.pk)
    form = editor.get(url)
    assert "action-publish" not in form.content.decode()
    data = admin_form_data(form.content.decode(), form_id="w-editor-form", name="Test Agency Renamed")
    data["action-publish"] = "action-publish"
    assert editor.post(url, data).status_code == 302
    partner.refresh_from_db()
    assert partner.name == "Test Agency Delta"
    assert partner.latest_revision.as_object().name == "Test Agency Renamed"


def test_a_moderator_publishes_a_partner_and_a_page_directly(client):
    moderator = logged_in(client, MODERATORS)
    partner = partner_in("en")
    url = snippet_url(PartnerAgency, "edit", partner.pk)
    data = admin_form_data(moderator.get(url).content.decode(), form_id="w-editor-form", name="Test Agency Renamed")
    data["action-publish"] = "action-publish"
    assert moderator.post(url, data).status_code == 302
    partner.refresh_from_db()
    assert (partner.name, partner.live) == ("Test Agency Renamed", True)

    page = standard_page_in("ur")
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = admin_form_data(
        moderator.get(url).content.decode(), title="Published at once", **{"body-count": "0", "action-publish": "1"}
    )
    assert moderator.post(url, data).status_code == 302
    page.refresh_from_db()
    assert page.title == "Published at once"
    assert "Published at once" in visitor().get(page.url).content.decode()

    assert moderator.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])).status_code == 302
    page.refresh_from_db()
    assert not page.live
