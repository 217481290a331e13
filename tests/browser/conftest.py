"""Browser tests: a real server (gunicorn) on a throwaway demo database, driven by Debian's Chromium.

The server runs in its own process on its own SQLite file, so what a browser test changes never
leaks into the rest of the suite (pytest-django's live_server would flush the shared demo data).
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
NODE_MODULES = BASE_DIR / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ADMIN_PASSWORD = "browser-test-admin-password"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def require(available: bool, reason: str) -> None:
    """Skip when a browser-test tool is missing, except under CI=true, where that is a failure."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"Browser tests cannot be skipped in CI: {reason}")
    pytest.skip(reason)


def _require_chromium() -> None:
    require(
        Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)"
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server_env(tmp_path_factory) -> dict[str, str]:
    database = tmp_path_factory.mktemp("browser") / "demo.sqlite3"
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=f"sqlite:///{database}",
        DEMO_ADMIN_PASSWORD=ADMIN_PASSWORD,
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="session")
def live_url(server_env) -> Iterator[str]:
    """Base URL of a gunicorn server holding the demo content and the demo admin."""
    _require_chromium()
    manage(server_env, "migrate", "--no-input", "-v0")
    manage(server_env, "load_demo_content")
    manage(server_env, "create_demo_admin")
    port = _free_port()
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent))
    process = subprocess.Popen(
        [
            gunicorn,
            "cms.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=server_env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/en/", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("The test server did not start")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core, installed from npm by `make test` (npm ci)."""
    require(AXE.exists(), f"{AXE} is missing: run `npm ci` (make test does when npm is installed)")
    return AXE.read_text()


@pytest.fixture(scope="session")
def vnu_command() -> list[str]:
    """The Nu HTML Checker (vnu-jar from npm), run by the machine's Java."""
    java = shutil.which("java")
    require(java is not None, "java is missing: install a Java runtime (apt-get install default-jre-headless)")
    require(VNU.exists(), f"{VNU} is missing: run `npm ci` (make test does when npm is installed)")
    return [java, "-jar", str(VNU)]
