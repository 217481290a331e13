"""Dates from repeat rules, and London wall-clock times across the clock changes."""

import datetime
import time

import recurrence
from hypothesis import given
from hypothesis import strategies as st

from events.schedule import (
    LONDON,
    UTC,
    editor_date,
    london_datetime,
    normalise_recurrence,
    session_bounds,
    session_dates,
)

LAST_MONDAY = recurrence.Rule(recurrence.MONTHLY, byday=[recurrence.MO(-1)])


def utc(*args: int) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


def test_two_pm_is_two_pm_on_both_sides_of_each_clock_change():
    assert london_datetime(datetime.date(2022, 11, 28), datetime.time(14)) == utc(2022, 11, 28, 14)
    assert london_datetime(datetime.date(2023, 3, 27), datetime.time(14)) == utc(2023, 3, 27, 13)
    assert london_datetime(datetime.date(2022, 10, 24), datetime.time(11)) == utc(2022, 10, 24, 10)


def test_a_time_in_the_spring_gap_moves_forward_by_the_gap():
    # Clocks went from 01:00 GMT to 02:00 BST on 26 March 2023: 01:30 never happened.
    result = london_datetime(datetime.date(2023, 3, 26), datetime.time(1, 30))
    assert result == utc(2023, 3, 26, 1, 30)
    assert result.astimezone(LONDON).time() == datetime.time(2, 30)


def test_a_time_in_the_autumn_fold_is_the_first_one_in_summer_time():
    # Clocks went from 02:00 BST back to 01:00 GMT on 30 October 2022: 01:30 happened twice.
    result = london_datetime(datetime.date(2022, 10, 30), datetime.time(1, 30))
    assert result == utc(2022, 10, 30, 0, 30)
    assert result.astimezone(LONDON).utcoffset() == datetime.timedelta(hours=1)


@given(st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2100, 1, 1)), st.times())
def test_every_existing_wall_clock_time_round_trips(day, wall_clock):
    moment = london_datetime(day, wall_clock)
    assert moment.tzinfo is not None
    local = moment.astimezone(LONDON)
    if local.date() == day and local.time() == wall_clock.replace(tzinfo=None):
        return
    # Only a time in the spring gap may move, and then by exactly one hour.
    naive = datetime.datetime.combine(day, wall_clock.replace(tzinfo=None))
    assert local.replace(tzinfo=None) - naive == datetime.timedelta(hours=1)


def test_a_session_ending_at_or_before_its_start_ends_the_next_day():
    start, end = session_bounds(datetime.date(2023, 1, 6), datetime.time(22), datetime.time(1))
    assert end - start == datetime.timedelta(hours=3)


def test_without_a_rule_the_event_happens_once():
    assert session_dates(datetime.date(2021, 12, 1), None, datetime.date(2030, 1, 1)) == [datetime.date(2021, 12, 1)]


def test_the_first_date_is_the_first_session_and_the_rule_adds_later_dates():
    rule = recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.MONTHLY, byday=[recurrence.MO(-1)], until=utc(2023, 1, 30))],
        exdates=[utc(2022, 10, 31)],
    )
    dates = session_dates(datetime.date(2022, 10, 24), rule, datetime.date(2030, 1, 1))
    assert dates == [
        datetime.date(2022, 10, 24),
        datetime.date(2022, 11, 28),
        datetime.date(2022, 12, 26),
        datetime.date(2023, 1, 30),
    ]


def test_an_excluded_first_date_is_no_session():
    rule = recurrence.Recurrence(rrules=[LAST_MONDAY], exdates=[utc(2022, 11, 28)])
    assert session_dates(datetime.date(2022, 11, 28), rule, datetime.date(2022, 12, 31)) == [
        datetime.date(2022, 12, 26)
    ]


def test_an_open_ended_rule_stops_at_the_horizon_without_iterating_further():
    daily = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.DAILY)])
    started = time.monotonic()
    dates = session_dates(datetime.date(2000, 1, 1), daily, datetime.date(2000, 1, 31))
    assert len(dates) == 31
    assert dates[-1] == datetime.date(2000, 1, 31)
    assert time.monotonic() - started < 5  # an unbounded rule would never return


def test_dtstart_and_dtend_in_a_stored_rule_are_not_sessions():
    stored = recurrence.deserialize(
        "DTSTART:20230105T000000Z\nDTEND:20230501T000000Z\nRRULE:FREQ=MONTHLY;BYDAY=-1MO", include_dtstart=True
    )
    normalised = normalise_recurrence(stored)
    assert normalised.dtstart is None and normalised.dtend is None
    dates = session_dates(datetime.date(2023, 1, 30), normalised, datetime.date(2023, 5, 31))
    assert datetime.date(2023, 1, 5) not in dates and datetime.date(2023, 5, 1) not in dates
    assert dates[-1] == datetime.date(2023, 5, 29)


def test_a_date_picked_in_any_browser_time_zone_is_the_date_the_editor_picked():
    picked = datetime.date(2022, 12, 19)
    assert editor_date(utc(2022, 12, 19)) == picked  # our widget script: midnight UTC
    assert editor_date(utc(2022, 12, 19, 5)) == picked  # unpatched widget in New York
    assert editor_date(utc(2022, 12, 18, 18)) == picked  # unpatched widget in Dhaka
    assert editor_date(datetime.datetime(2022, 6, 19)) == datetime.date(2022, 6, 19)  # naive London midnight


def test_normalising_stores_dates_as_midnight_utc_and_keeps_the_rule():
    value = recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.MONTHLY, byday=[recurrence.MO(-1)], until=utc(2023, 4, 23, 23))],
        rdates=[utc(2022, 12, 19, 5)],
        exdates=[utc(2022, 12, 25, 23)],
    )
    text = recurrence.serialize(normalise_recurrence(value))
    assert "RRULE:FREQ=MONTHLY;UNTIL=20230424T000000Z;BYDAY=-1MO" in text
    assert "RDATE:20221219T000000Z" in text
    assert "EXDATE:20221226T000000Z" in text
    assert recurrence.serialize(normalise_recurrence(recurrence.deserialize(text))) == text
