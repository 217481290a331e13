"""WCAG 2.2 AA on every public page type, in English and both right-to-left languages.

axe-core and the Nu HTML Checker (both from npm, see package.json) check what tools can
check; the other tests here do what a keyboard user, a zoomed-in reader or a printer would.
"""

import json
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.public_pages import PUBLIC_URLS, PublicURL

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 568}
# A 1280 by 1024 window at 400 % zoom has a viewport of 320 by 256 CSS pixels.
ZOOM_400 = {"width": 320, "height": 256}
by_id = {"ids": lambda url: url.id}


def open_page(page: Page, live_url: str, url: PublicURL) -> None:
    response = page.goto(f"{live_url}{url.path}")
    assert response is not None and response.status == url.page.status


@pytest.mark.parametrize("url", PUBLIC_URLS, **by_id)
def test_axe_finds_no_violations(page: Page, live_url: str, axe_source: str, url: PublicURL):
    open_page(page, live_url, url)
    # Evaluated through DevTools, which the page's Content-Security-Policy does not govern.
    page.evaluate(axe_source)
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    violations = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {node['target']}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]
    assert not violations, "\n".join(violations)


def test_nu_html_checker_finds_no_errors(live_url: str, vnu_command: list[str], tmp_path: Path):
    files = []
    for url in PUBLIC_URLS:
        try:
            with urllib.request.urlopen(f"{live_url}{url.path}", timeout=30) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        assert status == url.page.status, url.path
        path = tmp_path / f"{url.id}.html"
        path.write_bytes(body)
        files.append(str(path))
    result = subprocess.run(
        [*vnu_command, "--errors-only", "--format", "json", "--stdout", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [f"{Path(m.get('url', '?')).name}:{m.get('lastLine', '?')}: {m['message']}" for m in messages]
    assert not errors, "\n".join(errors)
    assert result.returncode == 0, result.stderr


FOCUS_STATE = """() => {
    const element = document.activeElement;
    const bar = document.querySelector(".exit-this-page").getBoundingClientRect();
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
        element: element.outerHTML.slice(0, 120),
        isBody: element === document.body,
        inBar: !!element.closest(".exit-this-page, .skip-link"),
        top: box.top,
        bottom: box.bottom,
        barBottom: bar.bottom,
        viewportHeight: innerHeight,
        // Focus on a date field's own calendar button sits inside the field's shadow DOM, out of
        // reach of page styles: the field then reports no :focus, and the button is outlined by
        // static/css/site.css (::-webkit-calendar-picker-indicator:focus-visible).
        indicated: style.outlineStyle !== "none" || style.boxShadow !== "none"
            || (element.type === "date" && !element.matches(":focus")),
    };
}"""


def walk_focus(page: Page, key: str) -> list[dict]:
    """Move focus with `key` until it leaves the page; the state at each stop."""
    stops = []
    for _ in range(300):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS_STATE)
        if state["isBody"] or (stops and state["element"] == stops[0]["element"]):
            return stops
        stops.append(state)
    pytest.fail(f"Focus never left the page with {key}")


@pytest.mark.parametrize("viewport", [DESKTOP, ZOOM_400], ids=["desktop", "zoom-400"])
@pytest.mark.parametrize("url", PUBLIC_URLS, **by_id)
def test_focus_is_visible_and_never_hidden_by_the_sticky_exit_bar(
    page: Page, live_url: str, url: PublicURL, viewport: dict
):
    page.set_viewport_size(viewport)
    open_page(page, live_url, url)
    forward = walk_focus(page, "Tab")
    backward = walk_focus(page, "Shift+Tab")
    assert len(forward) > 5 and backward
    for state in forward + backward:
        assert state["indicated"], f"no visible focus indicator on {state['element']}"
        if state["inBar"]:
            continue
        assert state["top"] >= state["barBottom"] - 1, f"{state['element']} is under the exit bar"
        assert state["bottom"] <= state["viewportHeight"] + 1, f"{state['element']} is below the window"
    # Shift+Tab uses Shift as a modifier: walking back must not have left the page.
    assert page.url == f"{live_url}{url.path}"


TARGETS = """() => [...document.querySelectorAll("a[href], button, input, select, textarea, summary")]
    .filter((element) => element.getClientRects().length === 1 && !element.closest("p, .skip-link"))
    .map((element) => {
        const box = element.getBoundingClientRect();
        return {element: element.outerHTML.slice(0, 120), width: box.width, height: box.height};
    })"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("url", PUBLIC_URLS, **by_id)
def test_targets_outside_sentences_are_at_least_24_pixels(page: Page, live_url: str, url: PublicURL, viewport: dict):
    page.set_viewport_size(viewport)
    open_page(page, live_url, url)
    targets = page.evaluate(TARGETS)
    assert targets
    small = [target for target in targets if target["width"] < 24 or target["height"] < 24]
    assert not small, small


@pytest.mark.parametrize("viewport", [PHONE, ZOOM_400], ids=["320px", "zoom-400"])
@pytest.mark.parametrize("url", PUBLIC_URLS, **by_id)
def test_pages_reflow_without_sideways_scrolling(page: Page, live_url: str, url: PublicURL, viewport: dict):
    page.set_viewport_size(viewport)
    open_page(page, live_url, url)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    exit_button = page.locator(".exit-this-page__button").bounding_box()
    assert exit_button["width"] >= viewport["width"] - 1, "the exit control spans small screens"
    bar = page.locator(".exit-this-page").bounding_box()
    assert bar["height"] <= viewport["height"] / 4, "the sticky bar leaves room to read at 400 % zoom"


def test_exit_progress_does_not_animate_for_people_who_ask_for_less_motion(page: Page, live_url: str):
    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{live_url}/ar/")
    page.keyboard.press("Shift")
    page.locator(".exit-this-page__indicator").wait_for()
    assert page.evaluate("document.getAnimations().length") == 0


@pytest.mark.parametrize("path", ["/en/staying-safe-online/", "/ur/about/"])
def test_printed_pages_leave_out_the_exit_bar_and_navigation(page: Page, live_url: str, path: str):
    page.goto(f"{live_url}{path}")
    page.emulate_media(media="print")
    for selector in [".exit-this-page", ".site-header", ".site-footer", ".skip-link"]:
        assert page.locator(selector).is_hidden(), selector
    assert page.locator("main h1").is_visible()
