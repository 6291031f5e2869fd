"""Targets and progress: progress markers, engagement stages and the change since the
last snapshot."""

from __future__ import annotations

from collections import Counter

from ....core.i18n import N_, _
from ....core.model import ENGAGEMENT_STAGES
from ....core.wording import counted
from ..context import PlanContext
from ..options import SECTIONS
from ..restricted import (
    MIN_PUBLIC_COUNT,
    PROGRESS_WITHHELD,
    SMALL_COUNTS_NOTE,
    public_count,
    public_counted,
)
from ..wording import date_or_blank, value_text
from ..writer import PlanWriter

__all__ = ["write"]

#: The engagement stages as the table's header names them.
STAGE_WORDS = {
    "unaware": N_("unaware"),
    "resistant": N_("resistant"),
    "neutral": N_("neutral"),
    "supportive": N_("supportive"),
    "champion": N_("champion"),
}


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.set_landscape(False)
    w.heading(_(SECTIONS["monitoring"]))
    facts = plan.facts
    if plan.per_actor:
        _targets_and_indicators(w, plan)
    w.heading(_("Change since the last snapshot"), 2)
    changes, snapshot = facts.changes, facts.snapshot
    if changes is None or snapshot is None:
        w.para(
            "The map has no snapshot yet: take one after this plan is agreed, and the next "
            "plan will show what changed."
            if plan.level == "full"
            # Shared versions carry no instructions to the branch.
            else "This is the first plan drawn from this map; the next one will show what changed."
        )
        return
    removed = len(changes.removed_stakeholders)
    added = len(changes.added_stakeholders)
    ties = (len(changes.added_relationships), len(changes.removed_relationships))
    moves = len(changes.quadrant_moves)
    if not plan.per_actor:
        w.para(
            f"Compared with the snapshot “{snapshot.name}” of "
            f"{date_or_blank(snapshot.created.date())}: "
            f"{public_counted(added, 'stakeholder')} added and {public_count(removed)} removed; "
            f"{public_counted(ties[0], 'relationship')} added and {public_count(ties[1])} "
            f"removed; {public_counted(moves, 'stakeholder')} moved to another quadrant."
        )
        if any(0 < n < MIN_PUBLIC_COUNT for n in (added, removed, *ties, moves)):
            w.para(_(SMALL_COUNTS_NOTE))
        return
    w.para(
        f"Compared with the snapshot “{snapshot.name}” of "
        f"{date_or_blank(snapshot.created.date())}: "
        f"{counted(added, 'stakeholder')} added and {removed} removed; "
        f"{counted(ties[0], 'relationship')} added and {ties[1]} removed; "
        f"{counted(moves, 'stakeholder')} moved to another quadrant."
    )
    rows = [[d.name, "moved quadrant", str(d.before), str(d.after)] for d in changes.quadrant_moves]
    rows += [[d.name, "added to the map", "", ""] for d in changes.added_stakeholders]
    rows += [[d.name, "removed from the map", "", ""] for d in changes.removed_stakeholders]
    if plan.level == "full":
        watched = {"position", "trust", "engagement.stage", "engagement.mou_status"}
        rows += [
            [d.name, d.field.replace("engagement.", ""), value_text(d.before), value_text(d.after)]
            for d in changes.changed_stakeholders
            if d.field in watched
        ]
    else:
        rows += [
            [d.name, "MoU status", value_text(d.before), value_text(d.after)]
            for d in changes.changed_stakeholders
            if d.field == "engagement.mou_status"
        ]
    if rows:
        w.table([_("Stakeholder"), _("Change"), _("Before"), _("Now")], rows, [5, 3, 2.5, 2.5])


def _targets_and_indicators(w: PlanWriter, plan: PlanContext) -> None:
    facts = plan.facts
    w.heading(_("Targets and indicators"), 2)
    w.para(
        "Progress markers describe what we expect, would like and would love to see each "
        "stakeholder do; the engagement stage moves from unaware through resistant, "
        "neutral and supportive to champion."
    )
    if plan.level == "full":
        stages = Counter(plan.stakeholder(sid).engagement.stage for sid in facts.targets)
        w.table(
            [_("Stage"), *(_(STAGE_WORDS[s]) for s in ENGAGEMENT_STAGES), _("Not assessed")],
            [[_("Stakeholders"), *(str(stages[s]) for s in ENGAGEMENT_STAGES), str(stages[None])]],
            [2.4, 1.6, 1.6, 1.6, 1.8, 1.6, 1.8],
        )
    rows = []
    for sid in facts.targets:
        e = plan.stakeholder(sid).engagement
        if e.expect_to_see or e.like_to_see or e.love_to_see:
            rows.append(
                [
                    facts.label(sid),
                    e.expect_to_see or "—",
                    e.like_to_see or "—",
                    e.love_to_see or "—",
                ]
            )
    if rows:
        w.table(
            [_("Stakeholder"), _("Expect to see"), _("Like to see"), _("Love to see")],
            rows,
            [3.5, 4, 4, 4],
        )
    elif plan.level != "full":
        w.para(_(PROGRESS_WITHHELD))
    else:
        w.para("No progress markers recorded yet.")
