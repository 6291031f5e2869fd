"""Small text helpers the plan's sections share: dates, scores, lists of names, counts
opening a sentence. No Qt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ...core.i18n import format_date, format_list

__all__ = [
    "are",
    "capital",
    "date_or_blank",
    "names_list",
    "or_default",
    "scale_text",
    "score_text",
    "sentence_count",
    "value_text",
]


def date_or_blank(value: dt.date | None) -> str:
    """'4 December 2026' in the plan's language, or nothing without a date."""
    return format_date(value) if value else ""


def or_default(value: str, default: str) -> str:
    """``value`` without surrounding spaces, or ``default`` when it is blank."""
    return value.strip() or default


def score_text(value: int | None) -> str:
    """A −2…+2 score as '+2', '0', '−1' or 'unknown'."""
    if value is None:
        return "unknown"
    return f"{value:+d}" if value else "0"


def scale_text(value: int | None) -> str:
    """A 1–5 rating as its number or 'unknown'."""
    return "unknown" if value is None else str(value)


def value_text(value: object) -> str:
    """Any recorded value as text, 'unknown' for none."""
    return "unknown" if value is None else str(value)


def names_list(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C', as the plan's language lists names."""
    return format_list(names)


def capital(text: str) -> str:
    """``text`` with its first letter in capitals (the rest untouched, unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def sentence_count(n: int) -> str:
    """'No stakeholder is', 'One stakeholder is', '17 stakeholders are' (opening a sentence)."""
    if n == 0:
        return "No stakeholder is"
    if n == 1:
        return "One stakeholder is"
    return f"{n} stakeholders are"


def are(n: int) -> str:
    """'is' for one, 'are' otherwise."""
    return "is" if n == 1 else "are"
