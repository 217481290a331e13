"""schema.org `Event` data for search engines, safe to place inside a <script> element."""

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from .models import EventPage, Occurrence
from .schedule import LONDON

STATUS = {
    Occurrence.Status.SCHEDULED: "https://schema.org/EventScheduled",
    Occurrence.Status.CANCELLED: "https://schema.org/EventCancelled",
    Occurrence.Status.RESCHEDULED: "https://schema.org/EventRescheduled",
}

# Editor text may contain "</script>" or "<!--": escaping <, > and & keeps it inert in HTML
# while JSON parsers read the same string.
SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def place(session: Any) -> dict[str, Any]:
    venue = session.venue
    if venue is None:
        return {"@type": "Place", "name": ""}
    return {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(line.strip() for line in venue.address.splitlines() if line.strip()),
            "postalCode": venue.postcode,
            "addressLocality": "London",
            "addressRegion": venue.get_borough_display(),
            "addressCountry": "GB",
        },
    }


def event_json_ld(page: EventPage, schedule: EventPage, request: HttpRequest, sessions: list[Any]) -> SafeString:
    """One `Event` per listed session (the upcoming ones, or the last one if all are past).

    Text comes from `page` (in its language), facts from `schedule`, the authoritative page.
    """
    url = page.get_full_url(request)
    language = page.locale.language_code
    items = []
    for session in sessions:
        occurrence = session.occurrence
        item = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "url": url,
            "startDate": occurrence.start.astimezone(LONDON).isoformat(),
            "endDate": occurrence.end.astimezone(LONDON).isoformat(),
            "eventStatus": STATUS[occurrence.status],
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": place(session),
            "organizer": {
                "@type": "Organization",
                "name": settings.WAGTAIL_SITE_NAME,
                "url": request.build_absolute_uri("/"),
            },
            "isAccessibleForFree": schedule.is_free,
            "inLanguage": language,
        }
        if occurrence.moved_from:
            item["previousStartDate"] = occurrence.date.isoformat()
        items.append(item)
    payload = items[0] if len(items) == 1 else items
    return mark_safe(json.dumps(payload, ensure_ascii=False).translate(SCRIPT_SAFE))  # noqa: S308 - escaped above
