import pytest
from bs4 import BeautifulSoup

from tests.conftest import LANGUAGES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_shows_programmes_and_support_services(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    programmes = page.find(id="programmes-heading").find_parent("section")
    assert programmes.select_one(f'a[href="/{language}/programmes/metgirlz/"]')
    services = page.find(id="support-services-heading").find_parent("section")
    assert len(services.select(".partner-card")) == 4
    assert services.select_one('a[href="tel:08082000247"]')
    assert services.select_one(f'a[href="/{language}/support-services/"]')


def test_both_sections_are_in_the_main_menu(client):
    page = BeautifulSoup(client.get("/en/").content.decode(), "html.parser")
    menu = [link["href"] for link in page.select(".main-nav a")]
    assert "/en/support-services/" in menu
    assert "/en/programmes/" in menu
