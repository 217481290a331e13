"""Events, their venues and their stored occurrences."""

from .occurrence import Occurrence
from .pages import EventDateChange, EventIndexPage, EventPage, EventPartner
from .venue import Borough, Venue

__all__ = [
    "Borough",
    "EventDateChange",
    "EventIndexPage",
    "EventPage",
    "EventPartner",
    "Occurrence",
    "Venue",
]
