"""Security headers that depend on where a request goes: public pages or Wagtail's admin."""

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest
from django.http.response import HttpResponseBase


def is_admin(request: HttpRequest) -> bool:
    """A request for Wagtail's admin, or for a preview that the admin shows in a frame.

    Wagtail renders a preview through the middleware with a dummy request for the page's own
    public path, marked `is_dummy`.
    """
    return getattr(request, "is_dummy", False) or request.path_info.startswith(tuple(settings.ADMIN_URL_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict CONTENT_SECURITY_POLICY everywhere, except for Wagtail's admin.

    Wagtail's admin still relies on inline scripts and styles and shows previews in a frame, so it
    gets ADMIN_CONTENT_SECURITY_POLICY instead. Public pages never get that looser policy.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class AdminReferrerPolicyMiddleware:
    """Public pages send no referrer at all; the admin sends ADMIN_REFERRER_POLICY instead.

    Under "no-referrer" browsers send `Origin: null` with a form POST, which Django's CSRF
    protection rightly refuses, so the admin's forms would stop working. Placed after Django's
    SecurityMiddleware, which only sets Referrer-Policy when no one has.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if is_admin(request):
            response.headers["Referrer-Policy"] = settings.ADMIN_REFERRER_POLICY
        return response


class QueryStringLimitMiddleware:
    """More than PUBLIC_QUERY_MAX_FIELDS query parameters: 400 Bad Request, on every public URL.

    Django refuses too many fields (TooManyFieldsSent) only when a view reads `request.GET`, and
    its limit (DATA_UPLOAD_MAX_NUMBER_FIELDS) is raised for the admin's long forms. Counting here,
    before the public response cache, means a page that never reads its query string, or one
    already cached, answers the same. Raising Django's own exception keeps its 400 page and its
    `django.security` log entry.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        query = request.META.get("QUERY_STRING", "")
        if query and not is_admin(request):
            fields = sum(1 for part in query.split("&") if part)
            if fields > settings.PUBLIC_QUERY_MAX_FIELDS:
                raise TooManyFieldsSent(
                    f"The query string has {fields} parameters, more than {settings.PUBLIC_QUERY_MAX_FIELDS}."
                )
        return self.get_response(request)
