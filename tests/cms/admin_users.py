"""Admin users in the groups `setup_groups` creates, the admin's forms as a browser sends them,
and the content these tests work on."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.http import QueryDict
from django.test import Client
from wagtail.test.utils.form_data import querydict_from_html

from events.factories import VenueFactory
from home.models import HomePage, StandardPage

PASSWORD = "a-long-password-for-tests"


def user_in(group_name: str | None, username: str | None = None):
    """A user in the named group (created by `setup_groups`), or in none."""
    call_command("setup_groups", verbosity=0)
    user = get_user_model().objects.create_user(username or f"user-{group_name or 'none'}", password=PASSWORD)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def logged_in(client: Client, group_name: str | None) -> Client:
    client.force_login(user_in(group_name))
    return client


def admin_form_data(html: str, form_id: str = "page-edit-form", **values: str) -> QueryDict:
    """The fields of an admin form as a browser submits them, with `values` typed in.

    A browser drops the newline that follows <textarea>; StreamFields are empty until their
    JavaScript adds blocks, which then sends the block count.
    """
    data = querydict_from_html(html, form_id=form_id)
    for name in list(data):
        data.setlist(name, [value.removeprefix("\n") for value in data.getlist(name)])
    data.update(values)
    return data


def client_in(group_name: str | None, username: str | None = None) -> Client:
    """A second browser, logged in as a new user of the named group."""
    client = Client(HTTP_HOST="localhost")
    client.force_login(user_in(group_name, username))
    return client


def visitor() -> Client:
    return Client(HTTP_HOST="localhost")


def event_fields(title: str, slug: str) -> dict[str, str]:
    """What an editor types into the "add event" form for a one-off event in ten days' time."""
    return {
        "title": title,
        "slug": slug,
        "summary": "A confidential drop-in with a warm drink.",
        "first_date": (datetime.date.today() + datetime.timedelta(days=10)).isoformat(),
        "start_time": "14:00",
        "end_time": "18:00",
        "venue": str(VenueFactory().pk),
        "body-count": "0",
    }


def standard_page_in(code: str) -> StandardPage:
    """A live page written directly in `code`'s tree (a language's own page, not a translation)."""
    page = StandardPage(title="Opening hours", slug="opening-hours", introduction="Open on Mondays.")
    HomePage.objects.get(locale__language_code=code).add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
