"""An editor's commonest job, end to end in Debian's Chromium: a new monthly drop-in, then "this
date is off" from the dashboard, read back as a visitor, a feed reader and a calendar app would.

The editor is not a superuser: a member of the Moderators group that `manage.py setup_groups` creates.
"""

import datetime
import urllib.request

import feedparser
import pytest
import recurring_ical_events
from icalendar import Calendar

from tests.browser.conftest import manage
from tests.browser.test_recurrence_widget import shell

TITLE = "Journey drop-in at the library"
SLUG = "journey-drop-in-at-the-library"
NOTICE = "No session this time: the library is closed for a staff day."
PASSWORD = "journey-editor-password"


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=20) as response:
        assert response.status == 200, url
        assert not response.headers.get("Set-Cookie"), url
        return response.read()


def statuses(ics: bytes, day: datetime.date) -> list[str]:
    calendar = Calendar.from_ical(ics)
    return [
        str(component.get("STATUS", ""))
        for component in recurring_ical_events.of(calendar).between(day, day + datetime.timedelta(days=1))
    ]


def last_monday_after(day: datetime.date) -> datetime.date:
    """The first last-Monday-of-a-month strictly after `day`."""
    while True:
        day += datetime.timedelta(days=1)
        if day.weekday() == 0 and (day + datetime.timedelta(days=7)).month != day.month:
            return day


@pytest.fixture
def journey_editor(server_env) -> str:
    """An engagement officer in the Moderators group that `make run` sets up: she writes and publishes."""
    username = "journey-editor"
    manage(server_env, "setup_groups")
    shell(
        server_env,
        "from django.contrib.auth import get_user_model; from django.contrib.auth.models import Group; "
        f"user, _ = get_user_model().objects.get_or_create(username='{username}'); "
        f"user.set_password('{PASSWORD}'); user.save(); "
        "user.groups.add(Group.objects.get(name='Moderators')); print(user.pk)",
    )
    return username


def test_editor_creates_a_monthly_drop_in_and_cancels_one_date_everywhere(page, live_url, server_env, journey_editor):
    index_pk = shell(
        server_env,
        "from events.models import EventIndexPage; print(EventIndexPage.objects.get(locale__language_code='en').pk)",
    )
    today = datetime.date.fromisoformat(
        shell(
            server_env,
            "from django.utils import timezone; from events.schedule import LONDON; "
            "print(timezone.now().astimezone(LONDON).date())",
        )
    )
    first = today + datetime.timedelta(days=3)  # on the dashboard, which shows the next 14 days
    next_last_monday = last_monday_after(first)

    # Log in through the admin login form.
    page.goto(f"{live_url}/admin/login/")
    page.fill("input[name=username]", journey_editor)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_url}/admin/")

    # A new event: first date, times, venue, and "monthly, last Monday" in the repeat widget.
    page.goto(f"{live_url}/admin/pages/add/events/eventpage/{index_pk}/")
    page.fill("input[name=title]", TITLE)
    page.fill("textarea[name=summary]", "A confidential drop-in for women and girls.")
    page.fill("input[name=first_date]", first.isoformat())
    page.fill("input[name=start_time]", "14:00")
    page.fill("input[name=end_time]", "18:00")
    page.keyboard.press("Escape")
    widget = page.locator("div.recurrence-widget")
    widget.locator(".add-rule").click()
    rule = widget.locator(".panel").last
    rule.locator("select[name=freq]").select_option("1")  # monthly
    rule.locator("input[type=radio][value=weekday]:visible").check()
    rule.locator("select[name=position]:visible").select_option("-1")
    rule.locator("select[name=weekday]:visible").select_option("0")
    page.locator("[data-field-input] [data-chooser-action-choose]").filter(has_text="venue").first.click()
    page.locator("[data-chooser-modal-choice]").first.click()
    page.locator("button[name=action-publish]").evaluate("button => button.click()")
    page.wait_for_url(f"{live_url}/admin/pages/{index_pk}/")

    # From the dashboard: cancel the first date, with a public notice.
    page.goto(f"{live_url}/admin/")
    row = page.locator("tr.sessions-dashboard__session", has_text=TITLE).first
    assert row.get_attribute("data-date") == first.isoformat()
    row.get_by_role("link", name="Cancel this date").click()
    page.fill("textarea[name=notice]", NOTICE)
    page.locator("#w-editor-form button[type=submit]").click()
    page.wait_for_url(f"{live_url}/admin/")
    assert "Published:" in page.locator(".messages").inner_text()
    assert "Cancelled" in page.locator("tr.sessions-dashboard__session", has_text=TITLE).first.inner_text()

    # As a visitor, a feed reader and a calendar app, in English and through the Polish tree.
    for language in ["en", "pl"]:
        path = shell(
            server_env,
            "from events.models import EventPage; "
            f"p = EventPage.objects.get(slug='{SLUG}', locale__language_code='{language}'); print(p.url)",
        )
        index_path = path.rsplit("/", 2)[0] + "/"
        html = get(f"{live_url}{path}").decode()
        cancelled_item = html.split('session--cancelled">', 1)[1].split("</li>", 1)[0]
        assert "<del>" in cancelled_item and NOTICE in cancelled_item
        assert f'datetime="{next_last_monday.isoformat()}' in html  # the next session still on

        listing = get(f"{live_url}{index_path}?start={first}&end={first}").decode()
        assert TITLE in listing and NOTICE in listing and "event-list__item--cancelled" in listing

        feed = feedparser.parse(get(f"{live_url}{index_path}feed/"))
        assert not feed.bozo
        entries = [entry for entry in feed.entries if TITLE in entry.title]
        assert any(NOTICE in entry.summary for entry in entries)
        assert any(NOTICE not in entry.summary for entry in entries)  # the sessions going ahead

        ics = get(f"{live_url}{path}calendar.ics")
        assert statuses(ics, first) == ["CANCELLED"]
        assert statuses(ics, next_last_monday) == ["CONFIRMED"]
        index_ics = get(f"{live_url}{index_path}calendar.ics")
        assert "CANCELLED" in statuses(index_ics, first)
