"""Indicators: how progress is measured, from where we start to where we aim, by when."""

from __future__ import annotations

from ....core.i18n import N_, _
from ..context import PlanContext
from ..options import SECTIONS
from ..wording import date_or_blank
from ..writer import PlanWriter

__all__ = ["write"]

#: The table's header.
HEADER = (N_("Indicator"), N_("Baseline"), N_("Target"), N_("By"))
#: What an empty cell says.
NOT_SET = "not set"


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.heading(_(SECTIONS["indicators"]))
    rows = [
        (
            i.name,
            i.baseline or NOT_SET,
            i.target or NOT_SET,
            date_or_blank(i.by) or NOT_SET,
        )
        for i in plan.smap.info.indicators
    ]
    w.table([_(h) for h in HEADER], rows, [5, 2.5, 2.5, 2.4])
