"""Translators work on one language each: their own language's pages and snippets, nothing else.

Pages need nothing extra: a translators' group holds its page permissions on its language's home
page, and Wagtail's page permissions follow the tree. Snippets have no per-language permission in
Wagtail, and wagtail-localize's translation views (strings, PO upload, machine translation) check
only that the user may edit the snippet model. So a user may act on a translatable snippet, or on
a translation, only in the languages whose page tree they may edit (`editable_locale_ids`).
`LocalePermissionMiddleware` enforces that on every admin URL that names such an object.
"""

from collections.abc import Callable
from functools import cache

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import ResolverMatch
from wagtail.models import GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

ALL_LOCALES = None


def editable_locale_ids(user) -> set[int] | None:
    """Ids of the locales whose pages `user` may change, or None for every locale.

    A superuser, or a group with page permissions on the root of all trees, has every locale.
    A user without any page permission has none: snippet model permissions alone never open a
    language's snippets, so a translators' group that lost its page permissions loses them too.
    """
    if user.is_superuser:
        return ALL_LOCALES
    permissions = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page", permission__content_type__app_label="wagtailcore"
    ).select_related("page")
    locale_ids = set()
    for permission in permissions:
        if permission.page.is_root():
            return ALL_LOCALES
        locale_ids.add(permission.page.locale_id)
    return locale_ids


@cache
def snippet_models_by_namespace() -> dict[str, type]:
    """Translatable snippet models by the URL namespace of their admin views (registered at start-up)."""
    return {
        model.snippet_viewset.url_namespace: model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin)
    }


def default_locale_id() -> int:
    return Locale.get_default().pk


def _int_or_none(value: str) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _snippet_locale_ids(match: ResolverMatch, request: HttpRequest) -> set[int | None]:
    model = snippet_models_by_namespace()[match.namespace]
    if "pk" in match.kwargs:
        return set(model.objects.filter(pk=unquote(str(match.kwargs["pk"]))).values_list("locale_id", flat=True))
    if match.url_name == "add":
        code = request.GET.get("locale")
        if not code:
            return {default_locale_id()}
        return {Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()}
    return set()


def _localize_locale_ids(match: ResolverMatch, request: HttpRequest) -> set[int | None]:
    kwargs = match.kwargs
    if "translation_id" in kwargs:
        return set(Translation.objects.filter(pk=kwargs["translation_id"]).values_list("target_locale_id", flat=True))
    if match.url_name in ("submit_page_translation", "submit_snippet_translation") and request.method == "POST":
        return {_int_or_none(value) for value in request.POST.getlist("locales")}
    if match.url_name == "update_translations":
        # Updating translations pushes the source's changes into every language: an act on the source.
        source_id = kwargs["translation_source_id"]
        return set(TranslationSource.objects.filter(pk=source_id).values_list("locale_id", flat=True))
    if match.url_name == "convert_to_alias":
        return set(Page.objects.filter(pk=kwargs["page_id"]).values_list("locale_id", flat=True))
    return set()


LOCALE_FINDERS: dict[str, Callable[[ResolverMatch, HttpRequest], set[int | None]]] = {
    "wagtail_localize": _localize_locale_ids,
}


def locales_in_question(match: ResolverMatch, request: HttpRequest) -> set[int | None]:
    """The locales of the objects an admin URL acts on (None for a locale that does not exist)."""
    if match.namespace in snippet_models_by_namespace():
        return _snippet_locale_ids(match, request)
    finder = LOCALE_FINDERS.get(match.namespace)
    return finder(match, request) if finder else set()


class LocalePermissionMiddleware:
    """Refuses (403) admin requests on a snippet or translation outside the user's languages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        match = request.resolver_match
        user = getattr(request, "user", None)
        if match is None or not match.namespace or user is None or not user.is_authenticated:
            return None
        if match.namespace == "wagtail_localize" and match.url_name == "stop_translation" and not user.is_superuser:
            # A stopped translation becomes an ordinary page or snippet whose synchronised facts
            # (times, phone numbers, links) could then be edited in one language only.
            raise PermissionDenied
        in_question = locales_in_question(match, request)
        if not in_question:
            return None
        allowed = editable_locale_ids(user)
        if allowed is not ALL_LOCALES and not in_question <= allowed:
            raise PermissionDenied
        return None
