"""Security headers that depend on where a request goes."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict CONTENT_SECURITY_POLICY everywhere, except for Wagtail's admin.

    Wagtail's admin still relies on inline scripts and styles and shows previews in a frame, so it
    gets ADMIN_CONTENT_SECURITY_POLICY instead. Public pages never get that looser policy.
    """

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.ADMIN_URL_PREFIXES))
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
