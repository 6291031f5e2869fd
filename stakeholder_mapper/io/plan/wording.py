"""Small text helpers the plan's sections share: dates, scores, lists of names, shares,
engagement stages and MoU statuses in the plan's language. No Qt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ...core.i18n import N_, _, format_date, format_list, format_number, pgettext

__all__ = [
    "STAGE_WORDS",
    "capital",
    "date_or_blank",
    "mou_text",
    "names_list",
    "or_default",
    "scale_text",
    "score_text",
    "share_text",
    "stage_text",
    "value_text",
]


#: The engagement stages as the plan names them (the map stores the English word).
STAGE_WORDS = {
    "unaware": N_("unaware"),
    "resistant": N_("resistant"),
    "neutral": N_("neutral"),
    "supportive": N_("supportive"),
    "champion": N_("champion"),
}


def stage_text(stage: str | None) -> str:
    """An engagement stage in the plan's language, or 'not assessed'."""
    return _(STAGE_WORDS[stage]) if stage in STAGE_WORDS else _("not assessed")


def mou_text(status: str) -> str:
    """An MoU status (as the map stores it) in the plan's language."""
    words = {
        "none": pgettext("MoU status", "none"),
        "exploring": pgettext("MoU status", "exploring"),
        "drafting": pgettext("MoU status", "drafting"),
        "signed": pgettext("MoU status", "signed"),
        "renewal due": pgettext("MoU status", "renewal due"),
        "expired": pgettext("MoU status", "expired"),
    }
    return words.get(status, status)


def date_or_blank(value: dt.date | None) -> str:
    """'4 December 2026' in the plan's language, or nothing without a date."""
    return format_date(value) if value else ""


def or_default(value: str, default: str) -> str:
    """``value`` without surrounding spaces, or ``default`` when it is blank."""
    return value.strip() or default


def score_text(value: int | None) -> str:
    """A −2…+2 score as '+2', '0', '−1' or 'unknown'."""
    if value is None:
        return _("unknown")
    return f"{value:+d}" if value else "0"


def scale_text(value: int | None) -> str:
    """A 1–5 rating as its number or 'unknown'."""
    return _("unknown") if value is None else str(value)


def value_text(value: object) -> str:
    """Any recorded value as text, 'unknown' for none."""
    return _("unknown") if value is None else str(value)


def names_list(names: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C', as the plan's language lists names."""
    return format_list(names)


def capital(text: str) -> str:
    """``text`` with its first letter in capitals (the rest untouched, unlike str.capitalize)."""
    return text[:1].upper() + text[1:]


def share_text(share: float) -> str:
    """A share as the plan's language writes a percentage: '14%', '14 %' in French."""
    return _("{percent}%").format(percent=format_number(round(share * 100)))
