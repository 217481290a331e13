"""Search per language: the reader's own language's pages, and calm answers to any query."""

import unicodedata

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

SEARCH_MAX_LENGTH = 200
RESULTS_PER_PAGE = 10


def clean_query(raw: str) -> tuple[str, bool]:
    """The query as we search it (printable, single-spaced, bounded) and whether it was shortened."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in raw).split())
    return text[:SEARCH_MAX_LENGTH].strip(), len(text) > SEARCH_MAX_LENGTH


def search_terms(query: str) -> str:
    """Letters, marks and digits only: punctuation is an operator to the search backends.

    Marks are kept because Bengali vowel signs and Arabic harakat are part of words.
    """
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in query)
    return " ".join(kept.split())


def summary(page: Page) -> str:
    """A line of text under a result: the page's description, else its introduction or summary."""
    for field in ("search_description", "introduction", "summary"):
        text = getattr(page, field, "")
        if text:
            return text
    return ""


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Search the live, public pages of the visitor's language, untranslated (English) ones included."""
    query, shortened = clean_query(request.GET.get("q", ""))
    results = Page.objects.none()
    terms = search_terms(query)
    if terms:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(terms)
    page_of_results = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "cms/search.html",
        {
            "query": query,
            "shortened": shortened,
            "max_length": SEARCH_MAX_LENGTH,
            "results": page_of_results,
            "summaries": [(result, summary(result)) for result in page_of_results],
        },
    )
