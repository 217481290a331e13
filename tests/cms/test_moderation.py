"""Moderation: editors submit, moderators approve and publish, in every language tree.

Pages are created and changed through the admin's own forms, as an editor's browser would.
"""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowState

from cms.groups import EDITORS, MODERATION_WORKFLOW, MODERATORS
from events.models import EventIndexPage, EventPage, Occurrence
from home.models import HomePage, StandardPage
from tests.cms.admin_users import admin_form_data, client_in, event_fields, logged_in, standard_page_in, visitor
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client):
    return logged_in(client, MODERATORS)


@pytest.fixture
def editor(client):
    return logged_in(client, EDITORS)


def add_url(model: type[Page], parent: Page) -> str:
    return reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))


def new_event_fields(slug: str) -> dict[str, str]:
    return event_fields("Winter drop-in", slug)


def standard_fields(slug: str) -> dict[str, str]:
    return {"title": "Winter opening hours", "slug": slug, "introduction": "We close early.", "body-count": "0"}


def english(model: type[Page]) -> Page:
    return model.objects.get(locale__language_code="en")


def create(client, model: type[Page], parent: Page, fields: dict[str, str], action: str):
    url = add_url(model, parent)
    form = client.get(url)
    assert form.status_code == 200
    return client.post(url, admin_form_data(form.content.decode(), **fields, **{action: action}))


CASES = [
    (EventPage, lambda: english(EventIndexPage), new_event_fields),
    (StandardPage, lambda: english(HomePage), standard_fields),
]


@pytest.mark.parametrize(("model", "parent", "fields"), CASES, ids=["event", "standard"])
def test_a_moderator_creates_and_publishes_a_new_page_in_one_step(moderator, model, parent, fields):
    """Publishing a new page from the "add page" form once failed with a 500 (two sets of aliases)."""
    response = create(moderator, model, parent(), fields("created-live"), "action-publish")
    assert response.status_code == 302
    page = model.objects.get(slug="created-live", locale__language_code="en")
    assert page.live
    assert moderator.get(page.url).status_code == 200
    translations = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    assert {p.locale.language_code for p in translations} == set(LANGUAGES[1:])
    assert all(p.alias_of_id == page.pk and p.live for p in translations)
    assert moderator.get(translations.get(locale__language_code="ur").url).status_code == 200
    if model is EventPage:
        assert Occurrence.objects.filter(event=page).count() == 1


@pytest.mark.parametrize(("model", "parent", "fields"), CASES, ids=["event", "standard"])
def test_an_editor_creates_a_page_and_submits_it_then_a_moderator_approves_it(editor, model, parent, fields):
    response = create(editor, model, parent(), fields("created-moderated"), "action-submit")
    assert response.status_code == 302
    page = model.objects.get(slug="created-moderated", locale__language_code="en")
    assert not page.live
    state = WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == MODERATION_WORKFLOW
    assert not Page.objects.filter(translation_key=page.translation_key, live=True).exists()
    assert visitor().get(page.url).status_code == 404

    moderator = client_in(MODERATORS, "moderator")
    approve(moderator, page, state)
    page.refresh_from_db()
    assert page.live
    assert all(p.live for p in Page.objects.filter(translation_key=page.translation_key))
    if model is EventPage:
        assert Occurrence.objects.filter(event=page).count() == 1


def approve(moderator, page: Page, state: WorkflowState) -> None:
    task_state = state.current_task_state
    response = moderator.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {"comment": ""}
    )
    assert response.status_code in (200, 302), response.content[:500]
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


@pytest.mark.parametrize("code", ["en", "ur"])
def test_an_editors_change_waits_for_a_moderator_in_any_language(editor, code):
    """An editor's change to a live page stays a draft in moderation: visitors see the old text."""
    page = standard_page_in(code)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = editor.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    response = editor.post(
        url, admin_form_data(html, title="Changed by an editor", **{"body-count": "0", "action-submit": "1"})
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.title, page.live) == ("Opening hours", True)
    assert "Changed by an editor" not in visitor().get(page.url).content.decode()
    state = WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_IN_PROGRESS)

    # Publishing is not an editor's to do, even by posting the moderator's button.
    editor.post(
        url, admin_form_data(html, title="Published by an editor", **{"body-count": "0", "action-publish": "1"})
    )
    page.refresh_from_db()
    assert page.title == "Opening hours"

    approve(client_in(MODERATORS, "moderator"), page, state)
    page.refresh_from_db()
    assert page.title == "Changed by an editor"
    assert "Changed by an editor" in visitor().get(page.url).content.decode()


def test_the_moderation_workflow_covers_every_page_of_every_language():
    call_command("setup_groups", verbosity=0)
    workflow = Workflow.objects.get(name=MODERATION_WORKFLOW)
    for model in (EventPage, StandardPage, HomePage, EventIndexPage):
        for page in model.objects.all():
            assert page.get_workflow() == workflow, page
