"""Exit this page, as a visitor uses it: by keyboard, by click, and without JavaScript.

The exit target is another website: these tests answer for it inside the browser, so no
request leaves the machine.
"""

import json

import pytest
from django.utils import translation
from playwright.sync_api import Page, Route, expect

EXIT_TARGET = "https://www.bbc.co.uk/weather"
NEUTRAL_PAGE = "<!DOCTYPE html><title>Weather</title><h1>Weather</h1>"


def answer_for_exit_target(page: Page) -> list[Route]:
    """Serve the exit target from the test; return the list of requests made to it."""
    requests: list[Route] = []

    def fulfil(route: Route) -> None:
        requests.append(route)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    page.context.route(f"{EXIT_TARGET}**", fulfil)
    return requests


def status(page: Page):
    return page.locator("[data-exit-this-page-status]")


@pytest.fixture
def visit(page: Page, live_url: str):
    answer_for_exit_target(page)
    page.goto(f"{live_url}/en/about/")
    return page


def test_pressing_shift_three_times_leaves_and_back_does_not_return(visit: Page, live_url: str):
    page = visit
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text("Shift, press 2 more times to exit.")
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text("Shift, press 1 more time to exit.")
    page.keyboard.press("Shift")
    page.wait_for_url(EXIT_TARGET)
    expect(page.locator("h1")).to_have_text("Weather")
    page.go_back()
    assert not page.url.startswith(live_url), "Back returned to the page the visitor left"


def test_shift_used_with_another_key_does_not_count(visit: Page):
    page = visit
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift")
    # Shift+Tab broke the sequence, so the last Shift is the first of a new one.
    expect(status(page)).to_have_text("Shift, press 2 more times to exit.")
    assert page.url.endswith("/en/about/")


def test_any_other_key_resets_the_count(visit: Page):
    page = visit
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")
    expect(status(page)).to_have_text("Exit this page expired.")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text("Shift, press 1 more time to exit.")
    assert page.url.endswith("/en/about/")


def test_five_seconds_without_a_press_reset_the_count_and_each_press_restarts_the_timer(page: Page, live_url: str):
    answer_for_exit_target(page)
    page.clock.install()
    page.goto(f"{live_url}/en/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5_001)
    expect(status(page)).to_have_text("Exit this page expired.")
    page.keyboard.press("Shift")
    expect(status(page)).to_have_text("Shift, press 2 more times to exit.")
    # Less than five seconds between presses is enough, however long the whole sequence takes.
    page.clock.run_for(4_000)
    page.keyboard.press("Shift")
    page.clock.run_for(4_000)
    page.keyboard.press("Shift")
    page.wait_for_url(EXIT_TARGET)


def test_progress_shows_as_three_lights_hidden_from_screen_readers(visit: Page):
    page = visit
    indicator = page.locator(".exit-this-page__indicator")
    expect(indicator).to_be_hidden()
    page.keyboard.press("Shift")
    expect(indicator).to_be_visible()
    assert indicator.get_attribute("aria-hidden") == "true"
    expect(indicator.locator(".exit-this-page__light--on")).to_have_count(1)
    page.keyboard.press("Shift")
    expect(indicator.locator(".exit-this-page__light--on")).to_have_count(2)


# Reports, from inside the page, what it shows the moment the exit begins (the page is gone
# by the time the test could look, and DevTools holds its commands while the page navigates).
REPORT_EXIT_STATE = """
new MutationObserver(() => {
    if (!document.body || !document.body.classList.contains("exit-this-page-hide-content")) return;
    const overlay = document.querySelector(".exit-this-page-overlay");
    const box = overlay && overlay.getBoundingClientRect();
    console.log("exit-state " + JSON.stringify({
        overlay: overlay && overlay.textContent,
        role: overlay && overlay.getAttribute("role"),
        coversWindow: !!box && box.width >= innerWidth && box.height >= innerHeight,
        visibleElsewhere: [...document.body.querySelectorAll("*")].filter(
            (element) => element !== overlay && element.getClientRects().length > 0
        ).length,
    }));
}).observe(document, {subtree: true, childList: true, attributes: true});
"""


def test_exit_hides_the_page_at_once_then_replaces_it(page: Page, live_url: str):
    held: list[Route] = []
    page.context.route(f"{EXIT_TARGET}**", lambda route: held.append(route))
    page.add_init_script(REPORT_EXIT_STATE)
    reports: list[str] = []
    page.on("console", lambda message: reports.append(message.text) if message.text.startswith("exit-state") else None)
    page.goto(f"{live_url}/en/staying-safe-online/")
    for _ in range(3):
        page.keyboard.press("Shift")
    # Hold the neutral page back until the page has said what it shows.
    for _ in range(100):
        if held and reports:
            break
        page.wait_for_timeout(50)
    assert held, "the exit did not start"
    assert reports, "the page was not hidden before it was replaced"
    held[0].fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
    page.wait_for_url(EXIT_TARGET)
    shown = json.loads(reports[-1].removeprefix("exit-state "))
    assert shown == {"overlay": "Loading.", "role": "alert", "coversWindow": True, "visibleElsewhere": 0}
    page.go_back()
    assert not page.url.startswith(live_url)


def test_clicking_exit_leaves_and_back_does_not_return(visit: Page, live_url: str):
    page = visit
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url(EXIT_TARGET)
    page.go_back()
    assert not page.url.startswith(live_url)


def test_without_javascript_the_control_is_a_plain_link(browser, live_url: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    answer_for_exit_target(page)
    page.goto(f"{live_url}/ur/")
    link = page.locator(".exit-this-page__button")
    assert link.get_attribute("href") == EXIT_TARGET
    assert link.get_attribute("rel") == "nofollow noreferrer"
    expect(page.locator("[data-exit-this-page-hint]")).to_be_hidden()
    link.click()
    page.wait_for_url(EXIT_TARGET)
    context.close()


@pytest.mark.parametrize(
    ("language", "path"), [("en", "/en/"), ("ar", "/ar/about/"), ("ur", "/ur/no-page-has-this-address/")]
)
def test_the_first_controls_are_the_skip_link_then_exit(page: Page, live_url: str, language: str, path: str):
    with translation.override(language):
        name = f"{translation.gettext('Emergency')} {translation.gettext('Exit this page')}"
    page.goto(f"{live_url}{path}")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(".exit-this-page__button")).to_be_focused()
    expect(page.locator(".exit-this-page__button")).to_have_accessible_name(name)
