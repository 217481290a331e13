"""Dates and times of sessions: the one place where London wall-clock time meets the calendar.

Editors think in Europe/London wall-clock time ("2pm on the last Monday"). django-recurrence is
used for *dates only*: it serialises datetimes as UTC, so letting it carry times would move
summer sessions by an hour. Here a repeat rule is reduced to calendar dates, bounded by a
horizon, and each date gets its local start and end time through `london_datetime`, the only
function that attaches the time zone.
"""

import copy
import datetime
from zoneinfo import ZoneInfo

import dateutil.rrule
import recurrence

LONDON = ZoneInfo("Europe/London")
UTC = datetime.UTC

# Occurrences are stored this far ahead; `manage.py roll_occurrences` moves the horizon daily.
HORIZON_DAYS = 400


def london_datetime(day: datetime.date, wall_clock: datetime.time) -> datetime.datetime:
    """The aware instant at which London clocks show `wall_clock` on `day`.

    Defined results on the two clock-change days:

    - a time that does not exist (the spring-forward gap, e.g. 01:30 on 26 March 2023) is moved
      forward by the length of the gap: 01:30 becomes 02:30 BST (01:30 UTC);
    - a time that occurs twice (the autumn fold, e.g. 01:30 on 30 October 2022) is the first of
      the two, still in summer time: 01:30 BST (00:30 UTC).

    Both follow from `fold=0` in PEP 495, which reads a missing or repeated time with the offset
    in force before the change. The result is in UTC: PEP 495 makes a London time in the fold
    compare unequal to every other zone's, so UTC is the safe form to store and compare.
    """
    naive = datetime.datetime.combine(day, wall_clock.replace(tzinfo=None, fold=0))
    return naive.replace(tzinfo=LONDON).astimezone(UTC)


def session_bounds(
    day: datetime.date, start: datetime.time, end: datetime.time
) -> tuple[datetime.datetime, datetime.datetime]:
    """Start and end of a session on `day`; an end at or before the start is on the next day."""
    starts = london_datetime(day, start)
    end_day = day if end > start else day + datetime.timedelta(days=1)
    return starts, london_datetime(end_day, end)


def editor_date(value: datetime.datetime | datetime.date) -> datetime.date:
    """The calendar date an editor picked, from a date the recurrence widget stored.

    Our admin script stores picked dates as midnight UTC of the picked day. The unpatched widget
    stored the browser's local midnight converted to UTC (the previous evening for a browser east
    of Greenwich, the morning for one west of it), and Python code may store London midnight.
    Shifting by twelve hours before taking the date gives the intended day for all of them.
    """
    if not isinstance(value, datetime.datetime):
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=LONDON)
    return (value.astimezone(UTC) + datetime.timedelta(hours=12)).date()


def utc_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=UTC)


def normalise_recurrence(value: recurrence.Recurrence | None) -> recurrence.Recurrence | None:
    """A copy of `value` whose dates are midnight UTC of the editor's dates, with no DTSTART/DTEND.

    The event's own first date replaces DTSTART (which django-recurrence would otherwise add as
    an occurrence), and DTEND is dropped because django-recurrence returns it as an occurrence.
    """
    if value is None:
        return None

    def with_date_until(rule: recurrence.Rule) -> recurrence.Rule:
        rule = copy.copy(rule)
        if rule.until:
            rule.until = utc_midnight(editor_date(rule.until))
        return rule

    return recurrence.Recurrence(
        rrules=[with_date_until(rule) for rule in value.rrules],
        exrules=[with_date_until(rule) for rule in value.exrules],
        rdates=sorted({utc_midnight(editor_date(d)) for d in value.rdates}),
        exdates=sorted({utc_midnight(editor_date(d)) for d in value.exdates}),
        include_dtstart=False,
    )


def _dateutil_rule(rule: recurrence.Rule, first: datetime.datetime) -> dateutil.rrule.rrule:
    params = {name: getattr(rule, name) or None for name in rule.byparams}
    params["byweekday"] = params.pop("byday")
    until = None
    if rule.until:
        until = datetime.datetime.combine(editor_date(rule.until), datetime.time.max)
    return dateutil.rrule.rrule(
        rule.freq,
        dtstart=first,
        interval=rule.interval,
        wkst=rule.wkst,
        count=rule.count,
        until=until,
        **params,
    )


def session_dates(
    first_date: datetime.date, repeat: recurrence.Recurrence | None, until: datetime.date
) -> list[datetime.date]:
    """The dates of an event's sessions from `first_date` up to and including `until`.

    The first date is always the first session (as DTSTART is in iCalendar, RFC 5545), unless
    it is an excluded date; a rule adds the dates it produces after it. Without a rule or added
    dates the event happens once. Open-ended rules stop at `until`.
    """
    if first_date > until:
        return []
    if repeat is None:
        return [first_date]
    first = datetime.datetime.combine(first_date, datetime.time())
    last = datetime.datetime.combine(until, datetime.time.max)
    rules = dateutil.rrule.rruleset()
    rules.rdate(first)
    for rule in repeat.rrules:
        rules.rrule(_dateutil_rule(rule, first))
    for rule in repeat.exrules:
        rules.exrule(_dateutil_rule(rule, first))
    for day in repeat.rdates:
        rules.rdate(datetime.datetime.combine(editor_date(day), datetime.time()))
    for day in repeat.exdates:
        rules.exdate(datetime.datetime.combine(editor_date(day), datetime.time()))
    # between() stops as soon as a date passes `last`, so an endless rule is never exhausted.
    return [moment.date() for moment in rules.between(first, last, inc=True)]
