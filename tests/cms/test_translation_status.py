"""The translation status report: what each language lacks or has out of date, with links to act on it."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from events.factories import VenueFactory
from home.factories import StandardPageFactory
from home.models import HomePage
from tests.conftest import LANGUAGES
from tests.events.conftest import publish

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/translation-status/"
OTHER_LANGUAGES = {"Bengali", "Urdu", "Turkish", "Polish", "Romanian", "Arabic"}


def rows(response) -> list[dict]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    found = []
    for tr in soup.select("#listing-results tbody tr"):
        cells = tr.find_all("td")
        found.append(
            {
                "title": cells[0].get_text(strip=True),
                "kind": cells[1].get_text(strip=True),
                "language": cells[2].get_text(strip=True),
                "status": cells[3].get_text(" ", strip=True),
                "links": {a.get_text(strip=True): a["href"] for a in cells[4].find_all("a")},
            }
        )
    return found


def rows_for(response, title: str) -> list[dict]:
    return [row for row in rows(response) if row["title"] == title]


def english_page(title: str) -> Page:
    home = HomePage.objects.get(locale__language_code="en")
    return publish(StandardPageFactory(parent=home, title=title, slug=title.lower().replace(" ", "-")))


def test_the_demo_site_has_nothing_left_to_translate(admin_client):
    response = admin_client.get(REPORT)
    assert rows(response) == []
    assert "every page and snippet is translated and up to date" in response.content.decode()


def test_an_english_page_only_aliased_is_missing_in_every_language_with_a_link_to_translate(admin_client):
    english_page("Advice for parents")
    assert Page.objects.filter(title="Advice for parents", alias_of__isnull=False).count() == 6

    found = rows_for(admin_client.get(REPORT), "Advice for parents")
    assert {row["language"] for row in found} == OTHER_LANGUAGES
    polish = next(row for row in found if row["language"] == "Polish")
    assert polish["kind"] == "Standard page"
    assert polish["status"] == "Not translated yet"
    translate = polish["links"]["Translate"]
    assert "select_locale=pl" in translate
    form = BeautifulSoup(admin_client.get(translate).content, "html.parser")
    polish_box = form.find("input", {"name": "locales", "value": str(Locale.objects.get(language_code="pl").pk)})
    assert polish_box is not None and polish_box.has_attr("checked")


def test_translating_through_the_link_takes_the_page_off_the_report(admin_client):
    english_page("Advice for parents")
    found = rows_for(admin_client.get(REPORT + "?locale=pl"), "Advice for parents")
    translate = found[0]["links"]["Translate"]
    polish = Locale.objects.get(language_code="pl")
    response = admin_client.post(translate, {"locales": [polish.pk]})
    assert response.status_code == 302
    assert rows_for(admin_client.get(REPORT + "?locale=pl"), "Advice for parents") == []
    assert len(rows_for(admin_client.get(REPORT), "Advice for parents")) == 5


def test_a_source_changed_after_the_sync_is_reported_until_synced(admin_client):
    about = Page.objects.get(slug="about", locale__language_code="en").specific
    about.introduction = "A new first sentence about the service."
    publish(about)

    found = rows_for(admin_client.get(REPORT), about.title)
    assert {row["language"] for row in found} == OTHER_LANGUAGES
    polish = next(row for row in found if row["language"] == "Polish")
    assert polish["status"].startswith("Source changed since the last sync")
    assert "Last synced" in polish["status"]
    polish_about = Page.objects.get(slug="about", locale__language_code="pl")
    assert polish["links"]["Edit translation"] == f"/admin/pages/{polish_about.pk}/edit/"

    sync = polish["links"]["Sync translations"]
    assert admin_client.get(sync).status_code == 200
    response = admin_client.post(sync, {"publish_translations": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith(REPORT)
    assert rows_for(admin_client.get(REPORT), about.title) == []


def test_republishing_without_a_change_is_not_reported(admin_client):
    publish(Page.objects.get(slug="about", locale__language_code="en").specific)
    assert rows(admin_client.get(REPORT)) == []


def test_snippets_missing_in_a_language_are_reported_with_a_link_to_translate_them(admin_client):
    venue = VenueFactory(name="Harrow Green Library")
    found = rows_for(admin_client.get(REPORT + "?kind=events.venue"), "Harrow Green Library")
    assert {row["language"] for row in found} == OTHER_LANGUAGES
    assert {row["kind"] for row in found} == {"Venue"}
    translate = found[0]["links"]["Translate"]
    assert translate.startswith(f"/admin/localize/submit/snippet/events/venue/{venue.pk}/")
    assert admin_client.get(translate).status_code == 200


def test_a_changed_snippet_is_reported_as_out_of_date(admin_client):
    translation = Translation.objects.filter(source__specific_content_type__model="venue").first()
    venue = translation.source.get_source_instance()
    venue.directions = "Take the side entrance on Fencepiece Road."
    venue.save()
    found = rows_for(admin_client.get(REPORT + "?status=outdated"), venue.name)
    assert {row["language"] for row in found} == OTHER_LANGUAGES
    assert all("Sync translations" in row["links"] for row in found)


def test_filters_by_language_content_and_status(admin_client):
    english_page("Advice for parents")
    VenueFactory(name="Harrow Green Library")
    assert {row["language"] for row in rows(admin_client.get(REPORT + "?locale=ar"))} == {"Arabic"}
    assert {row["title"] for row in rows(admin_client.get(REPORT + "?kind=pages"))} == {"Advice for parents"}
    assert rows(admin_client.get(REPORT + "?status=outdated")) == []


@pytest.mark.parametrize(
    "query", ["?locale=xx", "?kind=nothing", "?status=%00", "?p=abc", "?p=999", "?locale=en", "?locale[]=pl"]
)
def test_bad_filter_values_never_fail(admin_client, query):
    assert admin_client.get(REPORT + query).status_code == 200


def test_a_translator_sees_her_own_language_only_and_no_sync_link(polish_translator):
    english_page("Advice for parents")
    about = Page.objects.get(slug="about", locale__language_code="en").specific
    about.introduction = "A new first sentence about the service."
    publish(about)

    response = polish_translator.get(REPORT)
    assert {row["language"] for row in rows(response)} == {"Polish"}
    soup = BeautifulSoup(response.content, "html.parser")
    options = {option["value"] for option in soup.select("select[name=locale] option") if option["value"]}
    assert options == {"pl"}
    outdated = rows_for(response, about.title)[0]
    assert set(outdated["links"]) == {"Edit translation"}
    assert "An editor syncs" in outdated["status"] + response.content.decode()
    # Another language is not a choice she has: the filter is ignored, never widened.
    assert {row["language"] for row in rows(polish_translator.get(REPORT + "?locale=ar"))} == {"Polish"}

    translate = rows_for(response, "Advice for parents")[0]["links"]["Translate"]
    polish = Locale.objects.get(language_code="pl")
    assert polish_translator.post(translate, {"locales": [polish.pk]}).status_code == 302
    assert Page.objects.get(title="Advice for parents", locale=polish).alias_of_id is None
    assert rows_for(polish_translator.get(REPORT), "Advice for parents") == []


def test_the_report_is_in_the_reports_menu_of_translators_and_editors(polish_translator):
    response = polish_translator.get("/admin/")
    assert REPORT in response.content.decode()


def test_someone_without_a_language_cannot_open_it(client):
    user = get_user_model().objects.create_user("visitor", password="a-long-password-for-tests")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT)
    # Wagtail answers a refusal in its admin with a redirect to the dashboard and a message.
    assert response.status_code in (302, 403) and "/login/" not in response.get("Location", "")
    assert REPORT not in client.get("/admin/").content.decode()


def test_queries_do_not_grow_with_pages_snippets_or_languages(admin_client):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(REPORT).status_code == 200
        return len(queries)

    english_page("Advice one")
    VenueFactory(name="Venue one")
    before = count()
    for n in range(2, 6):
        english_page(f"Advice {n}")
        VenueFactory(name=f"Venue {n}")
    assert count() == before
    assert len(LANGUAGES) == 7
