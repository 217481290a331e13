"""Shared helpers for the partner tests: parse pages as a browser would, count queries."""

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def queries_for(client, url: str) -> int:
    """SQL queries of a warm request (the first request builds renditions and caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def card_names(page: BeautifulSoup) -> list[str]:
    return [name.get_text(strip=True) for name in page.select(".partner-card__name")]
