"""sitemap.xml lists every public page of every language, and agrees with each page's hreflang links."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.models import StandardPage
from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(client) -> dict[str, dict[str, str]]:
    """{location: {hreflang: href}} from /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own server's answer, not untrusted input)
    entries = {}
    for url in root.findall("s:url", NS):
        location = url.find("s:loc", NS).text
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        entries[location] = alternates
    return entries


def html_alternates(client, url: str) -> dict[str, str]:
    response = client.get(urlsplit(url).path)
    assert response.status_code == 200, url
    html = response.content.decode()
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def test_sitemap_lists_every_page_in_every_language(client):
    locations = set(sitemap_entries(client))
    for slug in ["", "about/", "staying-safe-online/"]:
        for code in LANGUAGES:
            assert f"http://localhost/{code}/{slug}" in locations


def test_hreflang_is_reciprocal_across_the_whole_sitemap(client):
    entries = sitemap_entries(client)
    for location, alternates in entries.items():
        assert alternates["x-default"] == alternates["en"]
        assert location in alternates.values()
        for code, href in alternates.items():
            assert href.startswith("http://localhost/"), href
            if code != "x-default":
                assert entries[href] == alternates, f"{href} does not point back to {location}"
        assert html_alternates(client, location) == alternates, location


def test_unpublished_translations_leave_the_sitemap_and_every_alternate_list(client):
    Page.objects.get(slug="about", locale__language_code="ro").unpublish()
    entries = sitemap_entries(client)
    assert "http://localhost/ro/about/" not in entries
    assert "ro" not in entries["http://localhost/en/about/"]
    assert "ro" not in html_alternates(client, "http://localhost/pl/about/")


def test_x_default_is_present_when_there_is_no_english_page(client):
    home = Page.objects.get(depth=2, locale__language_code="pl")
    polish_only = StandardPage(title="Tylko po polsku", slug="tylko-po-polsku", introduction="Strona po polsku.")
    home.add_child(instance=polish_only)
    polish_only.save_revision().publish()
    entries = sitemap_entries(client)
    alternates = entries["http://localhost/pl/tylko-po-polsku/"]
    assert alternates == {
        "pl": "http://localhost/pl/tylko-po-polsku/",
        "x-default": "http://localhost/pl/tylko-po-polsku/",
    }
    assert html_alternates(client, "http://localhost/pl/tylko-po-polsku/") == alternates


def test_sitemap_queries_do_not_grow_with_the_number_of_pages(client, uncached):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get("/sitemap.xml")
        return len(captured)

    before = queries()
    home = Page.objects.get(depth=2, locale__language_code="en")
    for number in range(5):
        page = StandardPage(title=f"Extra {number}", slug=f"extra-{number}")
        home.add_child(instance=page)
        page.save_revision().publish()
    # 35 more URLs (5 pages in 7 languages); one more query per page type, none per page.
    assert queries() <= before + 2


def test_a_page_published_in_english_is_in_the_sitemap_in_every_language(client):
    home = Page.objects.get(depth=2, locale__language_code="en")
    page = StandardPage(title="Opening hours", slug="opening-hours-sitemap-test")
    home.add_child(instance=page)
    page.save_revision().publish()
    entries = sitemap_entries(client)
    for code in LANGUAGES:
        assert set(entries[f"http://localhost/{code}/opening-hours-sitemap-test/"]) == {*LANGUAGES, "x-default"}


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert not response.cookies
