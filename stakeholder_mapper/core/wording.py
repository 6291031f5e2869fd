"""Small helpers for messages in users' words."""

from __future__ import annotations

__all__ = ["counted"]


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for one: '1 stakeholder', '3 stakeholders', '0 rows'.

    ``plural`` is for nouns whose plural is not the noun plus "s" ("entries").

    >>> counted(1, "row"), counted(2, "row"), counted(0, "entry", "entries")
    ('1 row', '2 rows', '0 entries')
    """
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
