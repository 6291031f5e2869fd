"""Dates in the language asked for, whatever the process locale; times on the user's clock."""

from __future__ import annotations

import datetime as dt

import pytest

from stakeholder_mapper.core.dates import day_month_year, local_time, short_date, time_of_day

NOV_5 = dt.date(2026, 11, 5)


def test_english_by_default_day_first() -> None:
    assert day_month_year(NOV_5) == "5 November 2026"
    assert short_date(NOV_5) == "5 Nov 2026"
    assert time_of_day(dt.time(9, 3, 7)) == "09:03"
    assert time_of_day(dt.time(21, 3, 7), seconds=True) == "21:03:07"


@pytest.mark.parametrize(
    ("language", "long", "short"),
    [
        ("fr", "5 novembre 2026", "5 nov. 2026"),
        ("es", "5 de noviembre de 2026", "5 nov 2026"),
        ("ru", "5 ноября 2026\u202fг.", "5 нояб. 2026\u202fг."),
        ("ar", "5 نوفمبر 2026", "5 نوفمبر 2026"),
    ],
)
def test_other_languages_when_asked(language: str, long: str, short: str) -> None:
    assert day_month_year(NOV_5, language) == long
    assert short_date(NOV_5, language) == short


@pytest.mark.parametrize(
    ("zone", "date", "clock"),
    [
        ("<+14>-14", "6 Nov 2026", "09:30"),  # Kiritimati, UTC+14: already the next day
        ("HST10", "5 Nov 2026", "09:30"),  # Honolulu, UTC-10
    ],
)
def test_times_are_shown_on_the_local_clock(time_zone, zone: str, date: str, clock: str) -> None:
    """A lock taken at 19:30 UTC reads as the local date and time of whoever looks at it."""
    time_zone(zone)
    moment = local_time(dt.datetime(2026, 11, 5, 19, 30, tzinfo=dt.UTC))
    assert (short_date(moment), time_of_day(moment)) == (date, clock)


def test_a_time_without_offset_is_taken_as_local(time_zone) -> None:
    time_zone("<+14>-14")
    moment = local_time(dt.datetime(2026, 11, 5, 23, 50))
    assert (short_date(moment), time_of_day(moment)) == ("5 Nov 2026", "23:50")
    assert moment.utcoffset() == dt.timedelta(hours=14)
