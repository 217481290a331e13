"""The backup_site / restore_site pair, round-tripped into a fresh database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

SNAPSHOT = """
import json
from django.apps import apps
from django.test import Client
from wagtail.models import Page, Revision
skip = {"sessions", "axes", "wagtailsearch"}
counts = {m._meta.label: m.objects.count() for m in apps.get_models() if m._meta.app_label not in skip}
pages = sorted((p.locale.language_code, p.url_path, p.title, p.live) for p in Page.objects.select_related("locale"))
revisions = sorted(Revision.objects.values_list("object_id", "content_type__model", "created_at"))
client = Client(HTTP_HOST="localhost")
statuses = {path: client.get(path).status_code for path in ["/en/", "/pl/about/", "/ar/staying-safe-online/"]}
print(json.dumps({"counts": counts, "pages": pages, "revisions": [list(map(str, r)) for r in revisions],
                  "statuses": statuses}))
"""


def manage(database: Path, *args: str) -> str:
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.test", DATABASE_URL=f"sqlite:///{database}")
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow
def test_backup_restores_everything_into_a_fresh_database(tmp_path):
    source, target, backup = tmp_path / "source.sqlite3", tmp_path / "target.sqlite3", tmp_path / "backup.json"
    manage(source, "migrate", "--no-input", "-v0")
    manage(source, "load_demo_content")
    manage(source, "backup_site", str(backup))
    manage(target, "migrate", "--no-input", "-v0")
    manage(target, "restore_site", str(backup))

    before = json.loads(manage(source, "shell", "-v0", "-c", SNAPSHOT))
    after = json.loads(manage(target, "shell", "-v0", "-c", SNAPSHOT))
    assert after == before
    assert after["counts"]["wagtailcore.Revision"] > 0
    assert after["counts"]["wagtail_localize.StringTranslation"] > 0
    assert set(after["statuses"].values()) == {200}
