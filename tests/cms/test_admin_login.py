"""Brute-force protection on Wagtail's own admin login view."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-password-for-tests"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("editor", password=PASSWORD)


def attempt(client, password: str, **headers):
    return client.post("/admin/login/", {"username": "editor", "password": password}, **headers)


def test_wrong_passwords_lock_the_account_even_for_the_right_password(client, editor):
    statuses = [attempt(client, "wrong").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]  # the form again with an error, then locked
    assert AccessAttempt.objects.filter(username="editor").exists()
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_forged_forwarded_for_header_does_not_reset_the_count(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(5):
        # The proxy appends the real client (203.0.113.7); the client forges the rest.
        attempt(client, "wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}, 203.0.113.7")
    response = attempt(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.7")
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


def test_rotating_addresses_does_not_reset_the_count_for_a_username(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(5):
        attempt(client, "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    response = attempt(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.200")
    assert response.status_code == 429


def test_a_successful_login_still_works(client, editor):
    response = attempt(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_weak_passwords_are_refused(settings):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ["password123", "12345678901234", "short"]:
        with pytest.raises(ValidationError):
            validate_password(weak)


def test_shared_page_and_document_passwords_are_switched_off(settings):
    assert settings.WAGTAIL_PRIVATE_PAGE_OPTIONS == {"SHARED_PASSWORD": False}
    assert settings.WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS == {"SHARED_PASSWORD": False}
