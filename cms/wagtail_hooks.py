from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Page

from .i18n import redirect_to_language


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page: Page, request: HttpRequest, args, kwargs) -> HttpResponse | None:
    """A language without a live home page falls back to English: send the visitor to /en/.

    Wagtail then routes /pl/… through the English tree; serving it under /pl/ would show English
    text in a Polish frame, with Polish links that lead nowhere.
    """
    language = page.locale.language_code
    if language != get_language():
        return redirect_to_language(request, language)
    return None
