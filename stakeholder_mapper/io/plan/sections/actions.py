"""The action plan: next actions by due date, overdue ones marked."""

from __future__ import annotations

import datetime as dt

from ....core.i18n import _
from ....core.wording import counted
from ..context import PlanContext
from ..options import SECTIONS
from ..restricted import NO_ACTIONS_SHARED, UNSHARED_FOR_CLOSE
from ..wording import names_list, or_default
from ..writer import LANDSCAPE_FROM_ROWS, PlanWriter

__all__ = ["write"]


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    facts = plan.facts
    planned = [sid for sid in facts.targets if plan.stakeholder(sid).engagement.next_action.strip()]
    # The table is wide; a short one (or none) stays on portrait pages.
    w.set_landscape(len(planned) >= LANDSCAPE_FROM_ROWS)
    w.heading(_(SECTIONS["actions"]))
    planned.sort(
        key=lambda sid: (
            plan.stakeholder(sid).engagement.due_date or dt.date.max,
            facts.ranked.index(sid),
        )
    )
    without = [
        sid
        for sid in facts.targets
        if facts.quadrants[sid] == "Manage closely"
        and not plan.stakeholder(sid).engagement.next_action.strip()
    ]
    listed = plan.options.has("sheets") and set(without) <= set(plan.unplanned_ids())
    if without and listed:
        # Kept short: the table fills the landscape page.
        missing = (
            f"None yet for the {len(without)} to manage closely in “Engagement still to plan”."
        )
    elif without and plan.level != "full":
        missing = _(UNSHARED_FOR_CLOSE).format(
            count=counted(len(without), "stakeholder"),
            names=names_list([facts.label(s) for s in without]),
        )
    elif without:
        missing = (
            f"No next action is recorded yet for {counted(len(without), 'stakeholder')} to "
            f"manage closely: {names_list([facts.label(s) for s in without])}. Agree one "
            "with each."
        )
    else:
        missing = ""
    if not planned:
        none = (
            "No actions recorded yet: add a next action on each stakeholder's sheet."
            if plan.level == "full"
            else _(NO_ACTIONS_SHARED)
        )
        # A shared version with no action at all needs no list of those without one.
        w.para(none + (f" {missing}" if missing and plan.level == "full" else ""))
        return
    overdue = sum(
        1
        for sid in planned
        if (due := plan.stakeholder(sid).engagement.due_date) and due < plan.today
    )
    intro = f"{counted(len(planned), 'action')} by due date"
    if overdue:
        # Overdue: due before the plan's date, on the cover.
        intro += f", {overdue} of them overdue"
    # The stakeholders without an action are named before the table, where a short
    # paragraph cannot be left alone on a landscape page after it.
    w.para(intro + "." + (f" {missing}" if missing else ""))
    rows = []
    for sid in planned:
        s = plan.stakeholder(sid)
        e = s.engagement
        row = [e.next_action.strip(), s.label]
        if plan.level == "full":
            row.append(or_default(e.owner or s.focal_point, "no owner yet"))
        row += [
            plan.due(e.due_date),
            (e.stage or "not assessed") if plan.level == "full" else e.mou_status,
            ", ".join(str(p) for p in s.principles) or "—",
        ]
        rows.append(row)
    if plan.level == "full":
        header = [_("Action"), _("Stakeholder"), _("Owner"), _("Due"), _("Stage"), _("Principles")]
        weights = [7.4, 5.0, 3.9, 3.9, 1.9, 1.9]
    else:
        header = [_("Action"), _("Stakeholder"), _("Due"), _("MoU status"), _("Principles")]
        weights = [8.2, 5.2, 3.9, 2.4, 1.9]
    w.table(header, rows, weights)
