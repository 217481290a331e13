"""The demo's events: the Safe2Talk season of 2022 to 2023, a current season and the Hackney event.

Facts come from two local news reports; the sentences are ours and no private individual is
named. The Hackney report gives no time: the demo says 6pm to 8pm, a plausible weekday evening.

Safe2Talk has no `programme`: it grew out of MetGirlz but is a drop-in open to everyone, not a
session of a programme for girls aged 16 to 19, and the events filter "MetGirlz" must not list it.
The MetGirlz page tells its story and links to it instead (cms/demo/programmes.py).
"""

import datetime
from typing import Any

import recurrence
from django.utils import timezone
from wagtail.models import Locale, Page

from events.models import Borough, EventDateChange, EventIndexPage, EventPage, EventPartner, Venue
from events.schedule import LONDON, session_dates
from partners.models import PartnerAgency

LAST_MONDAY = recurrence.Rule(recurrence.MONTHLY, byday=[recurrence.MO(-1)])

INDEX = {
    "slug": "events",
    "title": "Drop-ins and events",
    "introduction": (
        "Free sessions where you can talk to women police officers and support workers. Most need no booking."
    ),
}

FULLWELL_CROSS = {
    "name": "Fullwell Cross Library",
    "address": "140 High Street\nBarkingside\nIlford",
    "postcode": "IG6 2EA",
    "borough": Borough.REDBRIDGE,
    "accessibility": "Step-free entrance from the High Street. The session room is on the ground floor.",
    "directions": (
        "About ten minutes' walk from Barkingside station on the Central line. "
        "Ask at the library desk for the Safe2Talk room."
    ),
}

THE_CRIB = {
    "name": "The Crib youth club",
    "address": "De Beauvoir Estate\nHackney",
    "postcode": "",
    "borough": Borough.HACKNEY,
    "accessibility": "Please ask the youth engagement team about access before you come.",
    "directions": "The youth club is on the De Beauvoir Estate in Hackney.",
}

SAFE2TALK_BODY = [
    {
        "type": "paragraph",
        "value": (
            "<p>You can talk one to one with a woman police officer or with a specialist in domestic "
            "abuse, sexual violence or immigration advice. You do not have to report anything to the "
            "police: you can come just to talk and find support.</p>"
        ),
    },
    {
        "type": "paragraph",
        "value": "<p>The idea came from girls taking part in a police youth programme for young women.</p>",
    },
]

SAFE2TALK_COMMON = {
    "summary": (
        "A confidential drop-in for anyone who has experienced sexual assault, harassment or abuse. "
        "Talk to someone in private, with no appointment."
    ),
    "kind": EventPage.Kind.DROP_IN,
    "audience": EventPage.Audience.EVERYONE,
    "staffed_by_women": True,
    "confidentiality_note": (
        "What you say stays private. You decide what happens next. Staff would only share something "
        "without your agreement if someone was in immediate danger."
    ),
    "start_time": datetime.time(14),
    "end_time": datetime.time(18),
    "body": SAFE2TALK_BODY,
}

SEASON_2022 = {
    "slug": "safe2talk-2022-23",
    "title": "Safe2Talk drop-in, 2022 to 2023",
    "first_date": datetime.date(2022, 10, 24),
    **SAFE2TALK_COMMON,
}
PILOT_NOTICE = "The first session was a pilot and ran for longer, from 11am to 7pm."
BOXING_DAY_NOTICE = "Moved to Monday 19 December, because the last Monday of December is Boxing Day."

CURRENT_SEASON = {
    "slug": "safe2talk",
    "title": "Safe2Talk drop-in",
    **SAFE2TALK_COMMON,
}
CANCELLED_NOTICE = "No session on this day: the library is closed. Please come to the next session instead."

HACKNEY = {
    "slug": "womens-engagement-evening-hackney",
    "title": "Women's engagement evening in Hackney",
    "summary": (
        "An evening for women to talk with local police about staying safe, and to tell officers "
        "what they need to do better."
    ),
    "kind": EventPage.Kind.ENGAGEMENT,
    "audience": EventPage.Audience.WOMEN,
    "staffed_by_women": False,
    "first_date": datetime.date(2021, 12, 1),
    "start_time": datetime.time(18),
    "end_time": datetime.time(20),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Officers from the youth engagement team for Hackney and Tower Hamlets explained how the "
                "police are improving care for victims, and women officers shared their own experience of "
                "the job.</p>"
            ),
        },
        {
            "type": "paragraph",
            "value": "<p>Everyone could give feedback and criticism, including about past contact with the police.</p>",
        },
    ],
}


# Who is at every Safe2Talk drop-in, in the order the news report names them, with their role
# there; keyed by the demo partners' stable names (cms/demo/partners.py).
SAFE2TALK_PARTNERS = [
    ("metropolitan-police", "Female police engagement officers"),
    ("redbridge-vawg", "A specialist in violence against women and girls"),
    ("refuge", "A worker from the Eastern European Service"),
    ("ashiana-network", "An immigration solicitor"),
]
HACKNEY_PARTNERS = [
    ("metropolitan-police", "Officers from the youth engagement team for Hackney and Tower Hamlets"),
]


def ensure_venue(default: Locale, fields: dict[str, Any]) -> Venue:
    venue = Venue.objects.filter(locale=default, name=fields["name"]).first()
    if venue is None:
        venue = Venue.objects.create(locale=default, **fields)
    return venue


def ensure_event(parent: Page, fields: dict[str, Any], model: type[Page] = EventPage, **extra: Any) -> Page:
    from .build import ensure_child  # build imports this module

    return ensure_child(parent, model, **fields, **extra)


def current_season(today: datetime.date) -> dict[str, Any]:
    """A season that started about two months ago, with one upcoming date cancelled.

    At least three last Mondays fall in any 120 days. The cancelled date is the second upcoming
    one when four fall in the next 120 days, else the fourth, so that three still go ahead.
    """
    rule = recurrence.Recurrence(rrules=[LAST_MONDAY])
    anchor = (today.replace(day=1) - datetime.timedelta(days=40)).replace(day=1)
    # The anchor, a first of the month, is never a last Monday: drop it.
    dates = session_dates(anchor, rule, today + datetime.timedelta(days=250))[1:]
    first_date = dates[0]
    upcoming = [day for day in dates if day > today]
    soon = [day for day in upcoming if day <= today + datetime.timedelta(days=120)]
    cancelled = upcoming[1] if len(soon) >= 4 else upcoming[3]
    return {
        **CURRENT_SEASON,
        "first_date": first_date,
        "repeat": rule,
        "date_changes": [
            EventDateChange(date=cancelled, action=EventDateChange.Action.CANCEL, notice=CANCELLED_NOTICE)
        ],
    }


def ensure_event_partners(event: EventPage, partners: dict[str, PartnerAgency], rows: list[tuple[str, str]]) -> bool:
    """Give `event` its partners and roles in order, unless it has partners already (an editor's choice stands).

    Returns True when it published a change, so that existing translations are brought up to date.
    """
    if event.partners.exists():
        return False
    event.partners = [
        EventPartner(partner=partners[key], role=role, sort_order=order) for order, (key, role) in enumerate(rows)
    ]
    event.save_revision().publish()
    return True


def build_events(home: Page, default: Locale) -> list:
    """The events index, venues and events in English, returned for translation."""
    library = ensure_venue(default, FULLWELL_CROSS)
    crib = ensure_venue(default, THE_CRIB)
    index = EventIndexPage.objects.child_of(home).filter(slug=INDEX["slug"]).first()
    if index is None:
        index = ensure_event(home, INDEX, model=EventIndexPage, show_in_menus=True, locale=default)
    season_rule = recurrence.Rule(
        recurrence.MONTHLY, byday=[recurrence.MO(-1)], until=datetime.datetime(2023, 4, 24, tzinfo=datetime.UTC)
    )
    season = ensure_event(
        index,
        SEASON_2022,
        venue=library,
        # The pilot on 24 October came a week before October's last Monday, which had no session.
        repeat=recurrence.Recurrence(
            rrules=[season_rule], exdates=[datetime.datetime(2022, 10, 31, tzinfo=datetime.UTC)]
        ),
        date_changes=[
            EventDateChange(
                date=datetime.date(2022, 10, 24),
                action=EventDateChange.Action.MOVE,
                new_start_time=datetime.time(11),
                new_end_time=datetime.time(19),
                notice=PILOT_NOTICE,
            ),
            EventDateChange(
                date=datetime.date(2022, 12, 26),
                action=EventDateChange.Action.MOVE,
                new_date=datetime.date(2022, 12, 19),
                notice=BOXING_DAY_NOTICE,
            ),
        ],
    )
    current = EventPage.objects.child_of(index).filter(slug=CURRENT_SEASON["slug"]).first()
    if current is None:
        current = ensure_event(index, current_season(timezone.now().astimezone(LONDON).date()), venue=library)
    hackney = ensure_event(index, HACKNEY, venue=crib)
    return [library, crib, index, season, current, hackney]
