"""Editors manage partners in the admin: listing filters, search, checkboxes, preview."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from partners.models import PartnerAgency

from .helpers import locale

pytestmark = pytest.mark.django_db

LIST_URL = reverse("wagtailsnippets_partners_partneragency:list")


def listed_names(response) -> list[str]:
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [cell.a.get_text(" ", strip=True) for cell in page.select("table.listing tbody td.title")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("locale=en&service=immigration", ["Ashiana Network"]),
        ("locale=en&language=pl", ["Refuge"]),
        ("locale=en&kind=police", ["Metropolitan Police"]),
        ("locale=en&live=true&kind=council", ["Redbridge Violence Against Women and Girls Service"]),
        ("locale=en&live=false", []),
        ("locale=en&q=Ashiana&service=immigration", ["Ashiana Network"]),
    ],
)
def test_listing_filters_and_search(admin_client, query, expected):
    assert listed_names(admin_client.get(f"{LIST_URL}?{query}")) == expected


def test_listing_shows_every_language_by_default_and_one_when_filtered(admin_client):
    assert len(listed_names(admin_client.get(f"{LIST_URL}?kind=charity"))) == 2 * 7
    assert len(listed_names(admin_client.get(f"{LIST_URL}?kind=charity&locale=ur"))) == 2


def form_data(**overrides: object) -> dict[str, object]:
    data = {
        "name": "Hackney Women's Centre",
        "slug": "",
        "kind": "charity",
        "short_description": "Advice and a place to talk.",
        "services": ["counselling", "housing"],
        "who_it_helps": "",
        "languages": ["en", "tr"],
        "helpline_name": "",
        "helpline_number": "0800 000 0000",
        "helpline_hours": "",
        "phone": "",
        "website": "",
        "email": "",
        "referral": "self",
        "referral_details": "",
        "safety_note": "",
        "logo": "",
    }
    data.update(overrides)
    return data


def test_editor_ticks_services_and_languages_and_publishes(admin_client):
    add_url = reverse("wagtailsnippets_partners_partneragency:add") + "?locale=en"
    form = BeautifulSoup(admin_client.get(add_url).content.decode(), "html.parser")
    assert form.select('input[type=checkbox][name="services"]')
    assert form.select_one('input[type=checkbox][name="languages"][value="pl"]')
    response = admin_client.post(add_url, form_data(**{"action-publish": "publish"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    partner = PartnerAgency.objects.get(slug="hackney-womens-centre", locale=locale("en"))
    assert partner.live
    assert partner.services == ["counselling", "housing"]
    assert partner.languages == ["en", "tr"]


def test_editor_sees_an_error_rather_than_a_crash_for_a_taken_slug_or_a_bad_number(admin_client):
    add_url = reverse("wagtailsnippets_partners_partneragency:add") + "?locale=en"
    response = admin_client.post(add_url, form_data(slug="refuge", helpline_number="ring us"))
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    errors = page.get_text()
    assert "Another partner agency already uses this slug." in errors
    assert "Use digits and spaces only" in errors


def test_preview_in_the_admin_uses_the_public_template(admin_client):
    preview_url = reverse("wagtailsnippets_partners_partneragency:preview_on_add")
    response = admin_client.post(preview_url, form_data(name="Preview centre"))
    assert response.json()["is_valid"]
    page = BeautifulSoup(admin_client.get(preview_url).content.decode(), "html.parser")
    assert page.find("h1").get_text() == "Preview centre"
    assert page.select_one('a[href="tel:08000000000"] bdi').get_text() == "0800 000 0000"
