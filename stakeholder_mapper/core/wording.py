"""Small helpers for messages in users' words."""

from __future__ import annotations

import re

from .i18n import format_number, ngettext

__all__ = ["counted", "one_line", "shown_name"]

# Line breaks and other control characters, and bytes of a name that are not UTF-8.
_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun in the interface language, in the form its plural rule gives for
    ``n`` (Russian has three forms, Arabic six): '1 stakeholder', '3 stakeholders', '0 rows';
    '2 заинтересованные стороны', '5 заинтересованных сторон'.

    Give both English forms, so that the catalogue extraction finds the noun
    (``make catalog``); without ``plural`` the noun stays in English with an "s".

    >>> counted(1, "row", "rows"), counted(2, "row", "rows"), counted(0, "entry", "entries")
    ('1 row', '2 rows', '0 entries')
    """
    return f"{format_number(n)} {ngettext(noun, plural or noun + 's', n)}"


def shown_name(name: str) -> str:
    """A file name as a message shows it: as it is, or quoted with escapes (``'a\\nb.smap'``)
    when it holds a line break or another control character, so the message stays one line.
    """
    return repr(name) if _UNSHOWABLE.search(name) else name


def one_line(message: str) -> str:
    """``message`` with its line breaks and other control characters written as escapes
    (``\\n``), for a terminal line; names in it are best quoted with :func:`shown_name`."""
    return _UNSHOWABLE.sub(lambda m: repr(m.group())[1:-1], message)
