"""The network at a glance: the network drawing and the power–interest grid (the
public version: counts per grid cell only)."""

from __future__ import annotations

from ....core.wording import counted
from .. import figures as drawings
from ..context import PlanContext
from ..options import SECTIONS
from ..wording import are
from ..writer import PlanWriter

__all__ = ["GRID_SMALL_COUNTS", "write"]

#: The public grid's note on the cells it does not count out.
GRID_SMALL_COUNTS = "A cell marked “<3” holds one or two stakeholders."


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    public = plan.level == "public"
    # The network drawing gets a landscape page of its own, so names can be read.
    w.set_landscape(not public)
    w.heading(SECTIONS["figures"], new_page=True)
    smap, dpi = plan.smap, plan.options.dpi
    if public:
        w.para(
            "The network drawing is left out of the public version: it would identify "
            "single actors. The grid shows how many stakeholders sit in each cell."
        )
        branch = plan.facts.branch
        w.figure(
            drawings.quadrant_counts_png(smap, dpi=dpi, leave_out={branch} - {None}),
            "Number of stakeholders by power and interest"
            + (" (our branch left out, as in the priority counts)." if branch else ".")
            + f" {GRID_SMALL_COUNTS}",
            0.8,
        )
        return
    ties = (
        "dashed lines are negative ties such as conflict or distrust"
        if plan.level == "full"
        else "conflict and distrust are not shown in this version"
    )
    w.para(
        "Each shape is a stakeholder (colour and shape show the category, size its power); "
        f"lines are relationships, arrows point from source to target and {ties}. Our "
        "branch is circled."
    )
    numbers = plan.facts.numbers
    w.figure(
        drawings.network_png(smap, numbers, highlight=plan.facts.branch, dpi=dpi),
        f"The stakeholder network of {smap.info.city or 'the city'}. Where a name would "
        "cover another, the stakeholder's number in the priority table is shown instead.",
    )
    w.set_landscape(False)
    unrated = sum(1 for q in plan.facts.quadrants.values() if q == "Not yet rated")
    caption = (
        "Power–interest grid (Mendelow); numbers as in the priority table. Points "
        "sharing a rating are spread slightly so each can be seen."
    )
    if unrated:
        caption += f" {counted(unrated, 'stakeholder')} not yet rated {are(unrated)} not shown."
    w.figure(drawings.power_interest_png(smap, numbers, dpi=dpi), caption)
