"""Targets and progress: progress markers, engagement stages and the change since the
last snapshot."""

from __future__ import annotations

from collections import Counter

from ....analysis.compare import Difference
from ....core.i18n import N_, _, format_number, isolate
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
from ..wording import STAGE_WORDS, date_or_blank, mou_text, stage_text, value_text
from ..writer import PlanWriter

__all__ = ["write"]


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
            _(
                "The map has no snapshot yet: take one after this plan is agreed, and the next "
                "plan will show what changed."
            )
            if plan.level == "full"
            # Shared versions carry no instructions to the branch.
            else _(
                "This is the first plan drawn from this map; the next one will show what changed."
            )
        )
        return
    removed = len(changes.removed_stakeholders)
    added = len(changes.added_stakeholders)
    ties = (len(changes.added_relationships), len(changes.removed_relationships))
    moves = len(changes.quadrant_moves)
    compared = _(
        "Compared with the snapshot “{name}” of {date}: {stakeholders} added and {removed} "
        "removed; {relationships} added and {ties_removed} removed; {moved} moved to another "
        "quadrant."
    )
    name, date = isolate(snapshot.name), date_or_blank(snapshot.created.date())
    if not plan.per_actor:
        w.para(
            compared.format(
                name=name,
                date=date,
                stakeholders=public_counted(added, "stakeholder", "stakeholders"),
                removed=public_count(removed),
                relationships=public_counted(ties[0], "relationship", "relationships"),
                ties_removed=public_count(ties[1]),
                moved=public_counted(moves, "stakeholder", "stakeholders"),
            )
        )
        if any(0 < n < MIN_PUBLIC_COUNT for n in (added, removed, *ties, moves)):
            w.para(_(SMALL_COUNTS_NOTE))
        return
    w.para(
        compared.format(
            name=name,
            date=date,
            stakeholders=counted(added, "stakeholder", "stakeholders"),
            removed=format_number(removed),
            relationships=counted(ties[0], "relationship", "relationships"),
            ties_removed=format_number(ties[1]),
            moved=counted(moves, "stakeholder", "stakeholders"),
        )
    )
    rows = [
        [d.name, _("moved quadrant"), _(str(d.before)), _(str(d.after))]
        for d in changes.quadrant_moves
    ]
    rows += [[d.name, _("added to the map"), "", ""] for d in changes.added_stakeholders]
    rows += [[d.name, _("removed from the map"), "", ""] for d in changes.removed_stakeholders]
    if plan.level == "full":
        rows += [
            [
                d.name,
                _(_WATCHED[d.field]),
                *_change_values(d),
            ]
            for d in changes.changed_stakeholders
            if d.field in _WATCHED
        ]
    else:
        rows += [
            [
                d.name,
                _("MoU status"),
                *_change_values(d),
            ]
            for d in changes.changed_stakeholders
            if d.field == "engagement.mou_status"
        ]
    if rows:
        w.table([_("Stakeholder"), _("Change"), _("Before"), _("Now")], rows, [5, 3, 2.5, 2.5])


#: The fields whose change the internal version lists, as its table names them.
_WATCHED = {
    "position": N_("position"),
    "trust": N_("trust"),
    "engagement.stage": N_("stage"),
    "engagement.mou_status": N_("MoU status"),
}


def _change_values(change: Difference) -> tuple[str, str]:
    """A change's values before and after as the table shows them, stages and MoU
    statuses in the plan's words."""

    def shown(value: object) -> str:
        if change.field == "engagement.stage" and isinstance(value, str):
            return stage_text(value)
        if change.field == "engagement.mou_status" and isinstance(value, str):
            return mou_text(value)
        return value_text(value)

    return shown(change.before), shown(change.after)


def _targets_and_indicators(w: PlanWriter, plan: PlanContext) -> None:
    facts = plan.facts
    w.heading(_("Targets and indicators"), 2)
    w.para(
        _(
            "Progress markers describe what we expect, would like and would love to see each "
            "stakeholder do; the engagement stage moves from unaware through resistant, "
            "neutral and supportive to champion."
        )
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
        w.para(_("No progress markers recorded yet."))
