"""Each partner's own page, a route under the directory, in the reader's language."""

import re

import pytest
from wagtail_factories import ImageFactory

from partners.factories import PartnerAgencyFactory
from partners.models import PartnerAgency, PartnerIndexPage
from tests.conftest import LANGUAGES, RTL_LANGUAGES

from .helpers import locale, queries_for, soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_partner_page_in_every_language(client, language):
    page = soup(client.get(f"/{language}/support-services/refuge/"))
    html = page.find("html")
    assert html["lang"] == language
    assert html["dir"] == ("rtl" if language in RTL_LANGUAGES else "ltr")
    translated = PartnerAgency.objects.get(slug="refuge", locale=locale(language))
    assert page.find("h1").get_text(strip=True) == translated.name
    assert page.title.get_text().startswith(translated.name)
    tel = page.select_one('a[href="tel:08082000247"]')
    assert tel.bdi.get_text() == "0808 2000 247"
    website = page.select_one('a[href="https://refuge.org.uk/"]')
    assert website.get_text() == "refuge.org.uk"


def test_partner_page_loads_nothing_from_another_origin(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    refuge = PartnerAgency.objects.get(slug="refuge", locale=locale("en"))
    refuge.logo = ImageFactory()
    refuge.save()
    page = soup(client.get("/en/support-services/refuge/"))
    loaded = [tag["src"] for tag in page.select("[src]")] + [
        tag["href"] for tag in page.select("link[href]") if tag.get("rel") != ["alternate"]
    ]
    assert page.select_one("img.partner-card__logo")["alt"] == ""
    assert loaded
    # Same-origin paths, or inline data (the empty favicon that stops a favicon request).
    assert all((url.startswith("/") and not url.startswith("//")) or url.startswith("data:") for url in loaded), loaded


def test_language_switcher_and_alternates_point_at_the_same_partner(client):
    page = soup(client.get("/ur/support-services/ashiana-network/"))
    switcher = {link["hreflang"]: link["href"] for link in page.select(".language-switcher a")}
    assert switcher == {code: f"/{code}/support-services/ashiana-network/" for code in LANGUAGES}
    alternates = [link["href"] for link in page.select('link[rel="alternate"][hreflang]')]
    assert all(href.endswith("/support-services/ashiana-network/") for href in alternates)


def test_untranslated_partner_falls_back_to_english_marked_as_english(client):
    PartnerAgencyFactory(name="Hackney Women's Centre", slug="hackney-womens-centre", short_description="Advice.")
    page = soup(client.get("/ar/support-services/hackney-womens-centre/"))
    assert page.find("html")["lang"] == "ar"
    heading = page.find("h1")
    assert heading.get_text() == "Hackney Women's Centre"
    assert heading["lang"] == "en"
    assert page.select_one(".partner-card__description")["lang"] == "en"
    # Interface words around it stay in the reader's language.
    assert page.select_one(".partner-card")["lang"] == "ar"


@pytest.mark.parametrize(
    "path", ["no-such-partner/", "REFUGE/", "refuge/extra/", "%00/", "..%2f/", "r%C3%A9fuge/", "a" * 300 + "/"]
)
def test_unknown_partner_paths_are_not_found(client, path):
    assert client.get(f"/en/support-services/{path}").status_code == 404


def test_draft_partner_has_no_public_page(client):
    PartnerAgencyFactory(slug="coming-soon", live=False)
    assert client.get("/en/support-services/coming-soon/").status_code == 404


def test_partner_page_queries_do_not_grow_with_the_number_of_partners(client, uncached):
    url = "/pl/support-services/refuge/"
    few = queries_for(client, url)
    PartnerAgencyFactory.create_batch(25, services=["domestic-abuse"])
    assert queries_for(client, url) == few


def test_partner_pages_are_in_the_sitemap_of_each_language():
    for code in ("en", "bn"):
        directory = PartnerIndexPage.objects.get(locale=locale(code))
        locations = [url["location"] for url in directory.get_sitemap_urls()]
        assert f"http://localhost/{code}/support-services/" in locations
        assert f"http://localhost/{code}/support-services/refuge/" in locations
        assert len(locations) == 5


def test_partner_preview_renders_the_public_template():
    partner = PartnerAgencyFactory.build(
        name="Draft centre", short_description="Not live yet.", helpline_number="0800 000 0000", live=False
    )
    response = partner.make_preview_request()
    response.render()
    page = soup(response)
    assert page.find("h1").get_text() == "Draft centre"
    assert page.select_one('a[href="tel:08000000000"]')
    assert re.search(r"Not live yet\.", page.get_text())
