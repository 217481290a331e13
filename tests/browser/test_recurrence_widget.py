"""An editor in New York sets a repeat rule in Wagtail's editor, in Debian's Chromium.

Proves the fixes in events/static/events/admin/: dates survive a browser time zone west of
London (a), the widget is laid out and its checkboxes usable (b), Enter does not reload the
editor (c), adding a rule fires `change` for Wagtail's unsaved-changes check (d), and every
field has an accessible name (e). The catalogue (f) is tested in tests/events/test_admin.py.
"""

import datetime

import pytest

from tests.browser.conftest import ADMIN_PASSWORD, manage

SLUG = "womens-engagement-evening-hackney"


def shell(env: dict[str, str], code: str) -> str:
    return manage(env, "shell", "--verbosity", "0", "-c", code).strip().splitlines()[-1]


@pytest.fixture
def new_york_page(browser):
    context = browser.new_context(timezone_id="America/New_York", locale="en-GB")
    page = context.new_page()
    yield page
    context.close()


def test_editor_in_new_york_sets_last_monday_with_an_excluded_and_an_added_date(new_york_page, live_url, server_env):
    page = new_york_page
    assert page.evaluate("new Date(2027, 0, 4).getTimezoneOffset()") == 300  # really in New York
    pk = shell(
        server_env,
        "from events.models import EventPage; "
        f"print(EventPage.objects.get(slug='{SLUG}', locale__language_code='en').pk)",
    )

    page.goto(f"{live_url}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_url}/admin/")
    page.goto(f"{live_url}/admin/pages/{pk}/edit/")

    widget = page.locator("div.recurrence-widget")
    widget.wait_for()
    # (b) the widget sits on its own line, not floated beside the next field.
    assert widget.evaluate("element => getComputedStyle(element).float") == "none"

    # (d) adding a rule tells the editor form that something changed.
    page.evaluate(
        "window.changes = 0;"
        "document.querySelector('textarea.recurrence-widget').form"
        ".addEventListener('change', () => { window.changes += 1; });"
    )
    widget.locator(".add-rule").click()
    assert page.evaluate("window.changes") >= 1

    rule = widget.locator(".panel").last
    rule.locator("select[name=freq]").select_option("1")  # monthly
    rule.locator("input[type=radio][value=weekday]:visible").check()
    rule.locator("select[name=position]:visible").select_option("-1")
    rule.locator("select[name=weekday]:visible").select_option("0")

    # An added date, confirmed with Enter: (c) the editor must not reload.
    widget.locator(".add-date").click()
    added = widget.locator(".panel").last
    added.locator("input.date-field").fill("2027-01-04")
    page.evaluate("window.notReloaded = true")
    added.locator("input.date-field").press("Enter")
    assert page.evaluate("window.notReloaded") is True

    # An excluded date: the last Monday of February 2027.
    widget.locator(".add-date").click()
    excluded = widget.locator(".panel").last
    excluded.locator("input.date-field").fill("2027-02-22")
    excluded.locator("input.date-field").press("Tab")
    mode = excluded.locator("input[name=mode]")
    # (b) its checkbox is big enough to see and to hit.
    box = mode.bounding_box()
    assert box["width"] >= 12 and box["height"] >= 12
    mode.check()

    # (e) every field in the widget has an accessible name.
    unnamed = widget.evaluate(
        """root => Array.from(root.querySelectorAll('input, select'))
            .filter(field => !(field.getAttribute('aria-label') || '').trim() && !field.closest('label'))
            .map(field => field.outerHTML)"""
    )
    assert unnamed == []

    # (a) the browser sends the picked days themselves, not New York midnight in UTC.
    sent = page.locator("textarea.recurrence-widget").input_value()
    assert "RDATE:20270104T000000Z" in sent and "EXDATE:20270222T000000Z" in sent

    page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    page.locator("div.recurrence-widget").wait_for()
    # Read back after the reload: the widget still shows the picked days in New York.
    fields = page.locator("div.recurrence-widget form.date input.date-field")
    assert sorted(fields.nth(i).input_value() for i in range(fields.count())) == ["2027-01-04", "2027-02-22"]

    stored = shell(
        server_env,
        "import recurrence; from events.models import EventPage; "
        f"print(repr(recurrence.serialize(EventPage.objects.get(pk={pk}).get_latest_revision_as_object().repeat)))",
    )
    assert "RDATE:20270104T000000Z" in stored and "EXDATE:20270222T000000Z" in stored
    dates = shell(
        server_env,
        "import datetime; from events.models import EventPage; from events.schedule import session_dates; "
        f"page = EventPage.objects.get(pk={pk}).get_latest_revision_as_object(); "
        "dates = session_dates(datetime.date(2026, 12, 1), page.repeat, datetime.date(2027, 4, 30)); "
        "print([d.isoformat() for d in dates])",
    )
    assert dates == repr(
        [
            day.isoformat()
            for day in [
                datetime.date(2026, 12, 1),  # the first date in this check
                datetime.date(2026, 12, 28),
                datetime.date(2027, 1, 4),  # added
                datetime.date(2027, 1, 25),
                # 22 February excluded
                datetime.date(2027, 3, 29),
                datetime.date(2027, 4, 26),
            ]
        ]
    )
