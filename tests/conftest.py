import pytest
from django.core.cache import cache
from django.core.management import call_command

LANGUAGES = ["en", "bn", "ur", "tr", "pl", "ro", "ar"]
RTL_LANGUAGES = {"ur", "ar"}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo site, built once per run and rolled back after each test."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)


@pytest.fixture
def client(client):
    # Tests run on a Site whose hostname is "localhost".
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture(autouse=True)
def empty_response_cache():
    """Each test's database changes are rolled back, and with them the content version that keys
    cached responses (cms.cache): a response one test cached must not reach the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def uncached(settings):
    """Every request rendered afresh, e.g. to count the queries a page really needs."""
    settings.PUBLIC_RESPONSE_CACHE_SECONDS = 0
