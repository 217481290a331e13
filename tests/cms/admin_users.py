"""Admin users in the groups `setup_groups` creates, and the admin's forms as a browser sends them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.http import QueryDict
from django.test import Client
from wagtail.test.utils.form_data import querydict_from_html

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
