"""Every restricted role is refused on the admin endpoints Wagtail's security advisories concerned,
and nothing changes in the database.

Page edit, preview, revision compare, history and copy; snippet edit, copy and history; site
settings; the page, snippet, image and document choosers; creating translations. The roles:
a logged-in user outside every group (no admin access), a Polish translator on English and Urdu
content, and an editor on what only moderators and administrators do (settings, unpublishing,
deleting).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, PageLogEntry, Revision, Site, WorkflowState
from wagtail.test.utils import WagtailTestUtils
from wagtail_localize.models import Translation, TranslationSource

from cms.groups import EDITORS, translator_group_name
from cms.models import SafetySettings
from home.models import HomePage, StandardPage
from partners.factories import PartnerAgencyFactory
from partners.models import PartnerAgency
from tests.cms.admin_users import logged_in

pytestmark = pytest.mark.django_db


@dataclass
class Content:
    """The objects one language offers to the endpoints: a page with two revisions, a partner."""

    page: StandardPage
    partner: PartnerAgency
    site: Site


@pytest.fixture
def content(request) -> Content:
    code = request.param
    page = StandardPage(title="Opening hours", slug="opening-hours", introduction="Open on Mondays.")
    HomePage.objects.get(locale__language_code=code).add_child(instance=page)
    page.save_revision().publish()
    page.introduction = "Open on Mondays and Fridays."
    page.save_revision().publish()
    english = PartnerAgencyFactory(name="Test Agency Gamma")
    partner = english if code == "en" else english.copy_for_translation(Locale.objects.get(language_code=code))
    if partner.pk is None:
        partner.save()
    partner.save_revision().publish()
    SafetySettings.for_site(Site.objects.get(is_default_site=True))
    return Content(page=page, partner=partner, site=Site.objects.get(is_default_site=True))


def snippet(name: str, content: Content) -> str:
    return reverse(f"{PartnerAgency.snippet_viewset.url_namespace}:{name}", args=[content.partner.pk])


def page(name: str, *extra: Any) -> Callable[[Content], str]:
    return lambda content: reverse(f"wagtailadmin_pages:{name}", args=[content.page.pk, *extra])


def arabic() -> list[int]:
    return [Locale.objects.get(language_code="ar").pk]


@dataclass(frozen=True)
class Endpoint:
    method: str
    url: Callable[[Content], str]
    data: Callable[[Content], dict[str, Any]] = lambda content: {}


def changed_page(content: Content) -> dict[str, Any]:
    return {
        "title": "Taken over",
        "slug": content.page.slug,
        "introduction": "Taken over.",
        "body-count": "0",
        "action-publish": "action-publish",
    }


def changed_partner(content: Content) -> dict[str, Any]:
    return {"name": "Taken over", "short_description": "Taken over.", "action-publish": "action-publish"}


ENDPOINTS: dict[str, Endpoint] = {
    "page edit": Endpoint("get", page("edit")),
    "page edit (publish)": Endpoint("post", page("edit"), changed_page),
    "page preview": Endpoint("get", page("preview_on_edit")),
    "page preview (post)": Endpoint("post", page("preview_on_edit"), changed_page),
    "page revision compare": Endpoint("get", page("revisions_compare", "earliest", "latest")),
    "page history": Endpoint("get", page("history")),
    "page copy": Endpoint("get", page("copy")),
    "page copy (post)": Endpoint(
        "post",
        page("copy"),
        lambda content: {
            "new_title": "Taken over",
            "new_slug": "taken-over",
            "new_parent_page": content.page.get_parent().pk,
            "publish_copies": "on",
        },
    ),
    "page unpublish": Endpoint("post", page("unpublish")),
    "page delete": Endpoint("post", page("delete")),
    "snippet edit": Endpoint("get", lambda content: snippet("edit", content)),
    "snippet edit (publish)": Endpoint("post", lambda content: snippet("edit", content), changed_partner),
    "snippet copy": Endpoint("get", lambda content: snippet("copy", content)),
    "snippet history": Endpoint("get", lambda content: snippet("history", content)),
    "snippet unpublish": Endpoint("post", lambda content: snippet("unpublish", content)),
    "snippet delete": Endpoint("post", lambda content: snippet("delete", content)),
    "settings": Endpoint(
        "get", lambda content: reverse("wagtailsettings:edit", args=["cms", "safetysettings", content.site.pk])
    ),
    "settings (post)": Endpoint(
        "post",
        lambda content: reverse("wagtailsettings:edit", args=["cms", "safetysettings", content.site.pk]),
        lambda content: {"exit_url": "https://attacker.example/", "staying_safe_page": ""},
    ),
    "page chooser": Endpoint("get", lambda content: reverse("wagtailadmin_choose_page")),
    "snippet chooser": Endpoint("get", lambda content: reverse("wagtailsnippetchoosers_partners_partneragency:choose")),
    "image chooser": Endpoint("get", lambda content: reverse("wagtailimages_chooser:choose")),
    "document chooser": Endpoint("get", lambda content: reverse("wagtaildocs_chooser:choose")),
    "page translation": Endpoint(
        "post",
        lambda content: reverse("wagtail_localize:submit_page_translation", args=[content.page.pk]),
        lambda content: {"locales": arabic()},
    ),
    "snippet translation": Endpoint(
        "post",
        lambda content: reverse(
            "wagtail_localize:submit_snippet_translation", args=["partners", "partneragency", content.partner.pk]
        ),
        lambda content: {"locales": arabic()},
    ),
}

TRANSLATOR_REFUSED = [
    "page edit",
    "page edit (publish)",
    "page preview",
    "page preview (post)",
    "page revision compare",
    "page history",
    "page copy",
    "page copy (post)",
    "page unpublish",
    "page delete",
    "snippet edit",
    "snippet edit (publish)",
    "snippet copy",
    "snippet history",
    "snippet unpublish",
    "snippet delete",
    "settings",
    "settings (post)",
    "page translation",
    "snippet translation",
]
EDITOR_REFUSED = ["page unpublish", "page delete", "snippet unpublish", "snippet delete", "settings", "settings (post)"]

MATRIX = [
    *[(None, "en", name) for name in ENDPOINTS],
    *[("pl", code, name) for code in ["en", "ur"] for name in TRANSLATOR_REFUSED],
    *[(EDITORS, "en", name) for name in EDITOR_REFUSED],
]


def group_of(role: str | None) -> str | None:
    return translator_group_name(role) if role in ("pl",) else role


def database_state(content: Content) -> tuple:
    """What any of these requests could change: object counts and the objects' content."""
    counts = tuple(
        model.objects.count()
        for model in (Page, Revision, PartnerAgency, Translation, TranslationSource, WorkflowState, Image, Document)
    )
    return (
        counts,
        PageLogEntry.objects.exclude(action="wagtail.view").count(),
        Page.objects.filter(pk=content.page.pk).values_list("title", "live", "latest_revision_id", "draft_title").get(),
        PartnerAgency.objects.filter(pk=content.partner.pk).values_list("name", "live", "latest_revision_id").get(),
        tuple(SafetySettings.objects.values_list("site_id", "exit_url", "staying_safe_page_id")),
    )


def refused(response) -> bool:
    """403, 404, or a redirect to the login page or (with "permission denied") the dashboard."""
    location = response.get("Location", "")
    return response.status_code in (403, 404) or (
        response.status_code == 302
        and location.split("?")[0] in (reverse("wagtailadmin_login"), reverse("wagtailadmin_home"))
    )


@pytest.mark.parametrize(
    ("role", "content", "endpoint"),
    MATRIX,
    ids=[f"{role or 'no group'}-on-{code}-{name}" for role, code, name in MATRIX],
    indirect=["content"],
)
def test_a_restricted_role_is_refused_and_nothing_changes(client, role, content, endpoint):
    user_client = logged_in(client, group_of(role))
    spec = ENDPOINTS[endpoint]
    before = database_state(content)
    response = getattr(user_client, spec.method)(spec.url(content), spec.data(content))
    assert refused(response), (response.status_code, response.get("Location"))
    assert database_state(content) == before


GET_ENDPOINTS = [name for name, spec in ENDPOINTS.items() if spec.method == "get"]


@pytest.mark.parametrize("content", ["en"], indirect=True)
def test_the_same_endpoints_answer_an_administrator(client, content):
    """The addresses above are the real ones: an administrator gets each page."""
    client.force_login(WagtailTestUtils.create_superuser("administrator", password="a-long-password-for-tests"))
    for name in GET_ENDPOINTS:
        assert client.get(ENDPOINTS[name].url(content)).status_code == 200, name
