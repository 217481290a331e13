"""Security headers that depend on where a request goes: public pages or Wagtail's admin."""

from collections.abc import Callable

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
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
