"""Stakeholder priorities: the priority table (the public version: counts by category
and quadrant)."""

from __future__ import annotations

from collections import Counter

from ....core.i18n import _
from ..context import PlanContext
from ..disclosure import protect, total_text
from ..options import SECTIONS
from ..priorities import HIGH_FROM, NOT_A_TARGET, QUADRANTS
from ..restricted import TABLE_COUNTS_NOTE
from ..wording import capital, scale_text, score_text
from ..writer import LANDSCAPE_FROM_ROWS, PlanWriter

__all__ = ["write"]


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    facts = plan.facts
    # The table is wide; a short one, or the public version's counts, stay on portrait pages.
    w.set_landscape(plan.per_actor and len(facts.ranked) >= LANDSCAPE_FROM_ROWS)
    w.heading(_(SECTIONS["priority"]))
    sentences = [
        _("Stakeholders in priority order (the rule is in the annex).")
        if plan.per_actor
        else _("Number of stakeholders by category and quadrant."),
        (
            _(
                "The quadrant follows Mendelow's power–interest grid (high = {high} or more on "
                "1–5); the strategy follows the Alignment, Interest and Influence Matrix "
                "(AIIM), explained in the annex."
            )
            if plan.level == "full"
            else _(
                "The quadrant follows Mendelow's power–interest grid (high = {high} or more on "
                "1–5)."
            )
        ).format(high=HIGH_FROM),
    ]
    if facts.branch is not None:
        sentences.append(
            _(
                "{our_side} is listed last, marked “{mark}”: it carries out the plan and is not "
                "a stakeholder to engage."
            ).format(our_side=capital(plan.our_side()), mark=_(NOT_A_TARGET))
            if plan.per_actor
            else _("The counts leave out our own branch, which carries out the plan.")
        )
    w.para(" ".join(sentences))
    if not plan.per_actor:
        categories = sorted({facts.category(s) for s in facts.targets})
        counts = Counter((facts.category(s), facts.quadrants[s]) for s in facts.targets)
        cells = [counts[name, q] for name in categories for q in QUADRANTS]
        # The reader knows each quadrant's total (the summary prints them): a column must
        # not give a small count away.
        width = len(QUADRANTS)
        labels = protect(cells, [list(range(q, len(cells), width)) for q in range(width)])
        rows = []
        for i, name in enumerate(categories):
            shown = labels[i * width : (i + 1) * width]
            rows.append([name, *shown, total_text(shown)])
        w.table(
            [_("Category"), *(_(q) for q in QUADRANTS), _("Total")], rows, [4, 2, 2, 2, 2, 2, 1.5]
        )
        w.para(_(TABLE_COUNTS_NOTE))
        return
    rows = []
    for sid in facts.ranked:
        s = plan.stakeholder(sid)
        reading = facts.readings.get(sid)
        row = [
            str(facts.numbers[sid]),
            s.label,
            facts.category(sid),
            scale_text(s.power),
            scale_text(s.interest),
            _(facts.quadrants[sid]),
        ]
        if plan.level == "full":
            row += [score_text(s.position), score_text(s.trust), _(facts.strategies[sid])]
        row.append(_(reading.role) if reading else "")
        rows.append(row)
    if plan.level == "full":
        header = [
            _("No."),
            _("Stakeholder"),
            _("Category"),
            _("Power"),
            _("Interest"),
            _("Quadrant"),
            _("Position"),
            _("Trust"),
            _("AIIM strategy"),
            _("Network role"),
        ]
        weights = [0.8, 4.4, 3, 1.3, 1.5, 2.4, 1.7, 1.7, 3.6, 2.6]
    else:
        header = [
            _("No."),
            _("Stakeholder"),
            _("Category"),
            _("Power"),
            _("Interest"),
            _("Quadrant"),
            _("Network role"),
        ]
        weights = [0.9, 6, 4, 1.4, 1.5, 2.8, 2.8]
    w.table(header, rows, weights)
