"""Dates and times as users read them, in a language chosen by the caller.

Month names and the order of day, month and year come from the Unicode CLDR data (through
Babel) for the language asked for, never from the process locale: ``strftime("%b")`` follows
whatever locale the process runs under (a QApplication applies the environment's), which put
French month names inside English sentences. Times are shown in the computer's own time zone,
the one the user's clock shows.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_skeleton

__all__ = ["DEFAULT_LANGUAGE", "day_month_year", "local_time", "short_date", "time_of_day"]

#: The language of dates when none is chosen: the interface's English.
DEFAULT_LANGUAGE = "en"

#: CLDR locale used for a language code; the app's English puts the day first ("5 Nov 2026").
_CLDR_LOCALES = {"en": "en_GB"}


def _locale(language: str) -> Locale:
    return Locale.parse(_CLDR_LOCALES.get(language, language))


def day_month_year(value: dt.date, language: str = DEFAULT_LANGUAGE) -> str:
    """The date with the month's full name, for documents: '5 November 2026', '5 novembre 2026'.

    >>> day_month_year(dt.date(2026, 11, 5))
    '5 November 2026'
    """
    return format_skeleton("yMMMMd", value, locale=_locale(language))


def short_date(value: dt.date, language: str = DEFAULT_LANGUAGE) -> str:
    """The date with the month abbreviated, for tables and lists: '5 Nov 2026', '5 nov. 2026'.

    >>> short_date(dt.date(2026, 11, 5))
    '5 Nov 2026'
    """
    return format_skeleton("yMMMd", value, locale=_locale(language))


def time_of_day(
    moment: dt.datetime | dt.time, language: str = DEFAULT_LANGUAGE, *, seconds: bool = False
) -> str:
    """Hours and minutes (and seconds if asked) on the 24-hour clock: '09:03', '09:03:07'.

    ``moment`` is shown as it is; pass it through :func:`local_time` first to show it on the
    user's clock.

    >>> time_of_day(dt.time(9, 3, 7)), time_of_day(dt.time(9, 3, 7), seconds=True)
    ('09:03', '09:03:07')
    """
    return format_skeleton("Hms" if seconds else "Hm", moment, locale=_locale(language))


def local_time(moment: dt.datetime) -> dt.datetime:
    """``moment`` on this computer's clock, whatever zone it was recorded in.

    A time recorded with its offset (a lock taken on a colleague's laptop abroad, a snapshot
    from another branch) is converted; a time without one is taken as already local.
    """
    return moment.astimezone()
