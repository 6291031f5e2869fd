"""The risk register: each risk the branch recorded, its likelihood and impact, how it is
mitigated and who watches it; the highest first."""

from __future__ import annotations

from ....core.i18n import N_, _
from ..context import PlanContext
from ..options import SECTIONS
from ..writer import PlanWriter

__all__ = ["write"]

#: Ratings from worst to mildest, for the order of the rows; unknown comes last.
_ORDER = {"high": 0, "medium": 1, "low": 2, None: 3}
#: How a rating not given is printed.
UNRATED = "not rated"
#: The table's header.
HEADER = (N_("Risk"), N_("Likelihood"), N_("Impact"), N_("Mitigation"), N_("Owner"))
#: What the table is, said before it.
INTRODUCTION = N_("The risks the branch recorded, the most likely and damaging first.")


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.set_landscape(False)
    w.heading(_(SECTIONS["register"]))
    risks = sorted(plan.smap.info.risks, key=lambda r: _ORDER[r.likelihood] + _ORDER[r.impact])
    rows = [
        (
            r.description,
            r.likelihood or UNRATED,
            r.impact or UNRATED,
            r.mitigation or "none recorded",
            r.owner or "none yet",
        )
        for r in risks
    ]
    w.para(_(INTRODUCTION))
    w.table([_(h) for h in HEADER], rows, [4.6, 2.5, 2, 4.6, 2.4])
