"""The action plan: next actions by due date, overdue ones marked."""

from __future__ import annotations

import datetime as dt

from ....core.i18n import _, format_number, isolate, ngettext
from ....core.wording import counted
from ..context import PlanContext
from ..options import SECTIONS
from ..restricted import NO_ACTIONS_SHARED, UNSHARED_FOR_CLOSE
from ..wording import mou_text, names_list, or_default, stage_text
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
        missing = ngettext(
            "None yet for the {count} to manage closely in “Engagement still to plan”.",
            "None yet for the {count} to manage closely in “Engagement still to plan”.",
            len(without),
        ).format(count=format_number(len(without)))
    elif without and plan.level != "full":
        missing = _(UNSHARED_FOR_CLOSE).format(
            count=counted(len(without), "stakeholder"),
            names=names_list([isolate(facts.label(s)) for s in without]),
        )
    elif without:
        missing = _(
            "No next action is recorded yet for {count} to manage closely: {names}. Agree one "
            "with each."
        ).format(
            count=counted(len(without), "stakeholder", "stakeholders"),
            names=names_list([isolate(facts.label(s)) for s in without]),
        )
    else:
        missing = ""
    if not planned:
        none = (
            _("No actions recorded yet: add a next action on each stakeholder's sheet.")
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
    actions = counted(len(planned), "action", "actions")
    if overdue:
        # Overdue: due before the plan's date, on the cover.
        intro = ngettext(
            "{actions} by due date, {overdue} of them overdue.",
            "{actions} by due date, {overdue} of them overdue.",
            overdue,
        ).format(actions=actions, overdue=format_number(overdue))
    else:
        intro = _("{actions} by due date.").format(actions=actions)
    # The stakeholders without an action are named before the table, where a short
    # paragraph cannot be left alone on a landscape page after it.
    w.para(intro + (f" {missing}" if missing else ""))
    rows = []
    for sid in planned:
        s = plan.stakeholder(sid)
        e = s.engagement
        row = [e.next_action.strip(), s.label]
        if plan.level == "full":
            row.append(or_default(e.owner or s.focal_point, _("no owner yet")))
        row += [
            plan.due(e.due_date),
            stage_text(e.stage) if plan.level == "full" else mou_text(e.mou_status),
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
