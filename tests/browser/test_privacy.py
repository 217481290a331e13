"""What a visitor's browser gives away: no cookie, no request to any other origin, and a
Content-Security-Policy that the public pages never break."""

from urllib.parse import urljoin, urlsplit

from playwright.sync_api import ConsoleMessage, Page

from tests.browser.conftest import ADMIN_PASSWORD, manage
from tests.public_pages import PUBLIC_URLS

MAX_PAGES = 150


def watch(page: Page) -> tuple[list[str], list[str]]:
    """Record every request the page makes and every complaint the browser logs about it."""
    requests: list[str] = []
    complaints: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # Expected 404 pages log their own status; anything else is a complaint.
        if message.type in {"error", "warning"} and "status of 404" not in message.text:
            complaints.append(f"{page.url}: {message.text}")

    page.on("request", lambda request: requests.append(request.url))
    page.on("console", on_console)
    page.on("pageerror", lambda error: complaints.append(f"{page.url}: {error}"))
    return requests, complaints


def test_browsing_the_whole_site_sets_no_cookie_and_calls_no_other_origin(page: Page, live_url: str):
    """Visit every page reachable from the public list (every language, every link), as a visitor."""
    requests, complaints = watch(page)
    origin = urlsplit(live_url)
    queue = [f"{live_url}{url.path}" for url in PUBLIC_URLS]
    seen: set[str] = set()
    while queue and len(seen) < MAX_PAGES:
        address = queue.pop(0)
        if address in seen:
            continue
        seen.add(address)
        page.goto(address)
        # Links with a type are feeds and calendars (type="text/calendar", …), for other apps than the browser.
        for href in page.eval_on_selector_all("a[href]:not([type])", "(links) => links.map((link) => link.href)"):
            target = urlsplit(urljoin(address, href))
            if (target.scheme, target.netloc) == (origin.scheme, origin.netloc) and not target.path.startswith(
                "/admin/"
            ):
                queue.append(f"{live_url}{target.path}")
    assert len(seen) > 20, "the crawl should reach every language"
    assert page.context.cookies() == []
    other_origins = sorted({url for url in requests if not url.startswith((f"{live_url}/", "data:"))})
    assert other_origins == []
    assert complaints == []


def test_local_storage_stays_empty(page: Page, live_url: str):
    page.goto(f"{live_url}/en/")
    page.keyboard.press("Shift")
    assert page.evaluate("[localStorage.length, sessionStorage.length]") == [0, 0]


def test_wagtail_admin_works_under_its_own_policy(page: Page, live_url: str, server_env: dict[str, str]):
    """The admin's looser policy is enough for Wagtail: no violation on its busiest screens."""
    requests, _complaints = watch(page)
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.goto(f"{live_url}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_url}/admin/")
    find_home = "from home.models import HomePage; print(HomePage.objects.get(locale__language_code='en').pk)"
    home_id = manage(server_env, "shell", "-c", find_home).split()[-1]
    home_edit = f"/admin/pages/{home_id}/edit/"
    for path in [
        home_edit,
        "/admin/snippets/cms/helpline/",
        "/admin/snippets/cms/helpline/add/",
        "/admin/settings/cms/safetysettings/",
    ]:
        response = page.goto(f"{live_url}{path}")
        assert response.status == 200, path
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
    page.goto(f"{live_url}{home_edit}")
    page.locator("[data-side-panel-toggle=preview]").click()
    page.frame_locator("iframe").first.locator(".exit-this-page__button").wait_for()
    assert violations == []
    assert [url for url in requests if not url.startswith((f"{live_url}/", "data:", "blob:"))] == []
