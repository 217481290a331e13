"""Production hardening: deploy checks, unknown hosts, error pages that reveal nothing."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError

from home.models import HomePage

BASE_DIR = Path(__file__).resolve().parents[2]


def test_production_settings_pass_the_deploy_checks(tmp_path):
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="safespaces.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_an_unknown_host_gets_400(client):
    response = client.get("/en/", HTTP_HOST="attacker.example")
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("pl", "ltr"), ("ar", "rtl")])
def test_the_500_page_is_in_the_visitors_language_and_reveals_nothing(client, monkeypatch, language, direction):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(HomePage, "serve", broken)
    client.raise_request_exception = False
    response = client.get(f"/{language}/")
    assert response.status_code == 500
    content = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in content
    assert "secret internal detail" not in content
    assert "Traceback" not in content
    assert 'href="tel:999"' in content


@pytest.mark.django_db
def test_an_unreachable_database_answers_503_with_retry_after(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr(HomePage, "serve", unreachable)
    client.raise_request_exception = False
    response = client.get("/pl/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert '<html lang="pl" dir="ltr">' in response.content.decode()
    assert "Connection refused" not in response.content.decode()
