import pytest

from tests.cms.test_project import run_python
from tests.public_pages import PUBLIC_URLS, PublicURL

pytestmark = pytest.mark.django_db

PUBLIC_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "accelerometer", "gyroscope"]


def policy(response) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))


@pytest.mark.parametrize("url", PUBLIC_URLS, ids=lambda url: url.id)
def test_public_pages_send_the_strict_policy_and_privacy_headers(client, url: PublicURL):
    response = client.get(url.path)
    assert response.status_code == url.page.status
    assert policy(response) == PUBLIC_POLICY
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in DENIED_FEATURES:
        assert f"{feature}=()" in permissions


def test_admin_gets_a_looser_policy_for_wagtails_inline_code(admin_client):
    admin_client.defaults["HTTP_HOST"] = "localhost"
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    admin_policy = policy(response)
    assert admin_policy["script-src"] == "'self' 'unsafe-inline'"
    assert admin_policy["style-src"] == "'self' 'unsafe-inline'"
    assert admin_policy["frame-ancestors"] == "'self'"
    assert admin_policy["object-src"] == "'none'"
    # Under "no-referrer" browsers send `Origin: null` with the admin's forms, which CSRF refuses.
    assert response["Referrer-Policy"] == "same-origin"


def test_the_admin_policy_does_not_reach_paths_that_merely_look_like_the_admin(client):
    response = client.get("/en/admin/")
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_production_sends_hsts_and_redirects_to_https():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_REFERRER_POLICY, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    result = run_python(
        code,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="a-key-given-by-the-environment-for-this-test-only",
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stderr
    seconds, subdomains, redirect, referrer, session_secure, csrf_secure = result.stdout.split()
    assert int(seconds) >= 31536000
    assert (subdomains, redirect, referrer, session_secure, csrf_secure) == (
        "True",
        "True",
        "no-referrer",
        "True",
        "True",
    )
