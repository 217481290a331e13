"""The Django side of the soak, run inside `manage.py shell` with the app servers' settings.

Kept apart from `soak.run`, which must not import Django: it drives separate processes.
Each function prints one JSON line for the driver to read.
"""

import json

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from events.models import EventIndexPage, EventPage, Occurrence


def event_with_sessions() -> EventPage:
    """An English event with sessions still to come, so its page lists them."""
    upcoming = Occurrence.objects.filter(start__gte=timezone.now(), event__locale__language_code="en")
    return EventPage.objects.live().public().filter(pk__in=upcoming.values("event_id")).order_by("pk").first()


def urls() -> None:
    """The paths under load: a listing, an event page and the feeds, in two languages."""
    event = event_with_sessions()
    index = EventIndexPage.objects.live().get(locale__language_code="en")
    urdu_index = EventIndexPage.objects.live().get(locale__language_code="ur")
    print(
        json.dumps(
            {
                "event": event.url,
                "event_id": event.pk,
                "paths": [
                    index.url,
                    urdu_index.url,
                    event.url,
                    index.url + "feed/",
                    index.url + "feed/atom/",
                    index.url + "calendar.ics",
                    urdu_index.url + "feed/",
                ],
            }
        )
    )


def create_editor(username: str, password: str) -> None:
    """A superuser for the soak's admin requests (the password is generated per run)."""
    get_user_model().objects.create_superuser(username, f"{username}@example.org", password)
    print(json.dumps({"editor": username}))


def save_draft(page_id: int, marker: str) -> None:
    """A draft with a new title, not yet visible: the publish goes through an app server's admin."""
    page = Page.objects.get(pk=page_id).specific
    page.title = f"{page.title} {marker}"
    page.save_revision()
    print(json.dumps({"draft": page.latest_revision_id}))
