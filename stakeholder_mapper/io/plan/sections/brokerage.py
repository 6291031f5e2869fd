"""Brokers and connectors: who sits on the most trusted routes between others."""

from __future__ import annotations

from ....core.wording import counted
from ..context import PlanContext
from ..options import SECTIONS
from ..writer import LANDSCAPE_FROM_ROWS, PlanWriter

__all__ = ["write"]

#: Brokers listed in the brokerage table at most.
MAX_BROKERS = 15


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    facts = plan.facts
    scored = [
        sid
        for sid in facts.ranked
        if (facts.number(sid, "betweenness") or 0) > 0 or (facts.number(sid, "gf_total") or 0) > 0
    ]
    scored.sort(key=lambda sid: -(facts.number(sid, "betweenness") or 0))
    # The table is wide; a short one (or a sentence) stays on portrait pages.
    w.set_landscape(plan.per_actor and len(scored) >= LANDSCAPE_FROM_ROWS)
    w.heading(SECTIONS["brokerage"])
    w.para(
        "Brokers sit on the most trusted routes between others and connect groups that "
        "are not otherwise tied. Betweenness is the share of most-trusted routes between "
        "two others that pass through the stakeholder; brokerage counts the "
        "Gould–Fernandez roles it plays between categories."
    )
    if not scored:
        w.para("No brokers yet: the map has no routes that pass through a stakeholder.")
        return
    if not plan.per_actor:
        strongest = max(facts.number(s, "betweenness") or 0 for s in scored)
        w.para(
            f"{counted(len(scored), 'stakeholder')} broker between others; the strongest "
            f"lies on {strongest:.0%} of the most trusted routes between two others."
        )
        return
    shown = min(len(scored), MAX_BROKERS)
    ours = " (our branch included)" if plan.facts.branch in scored else ""
    w.para(
        f"The {shown} strongest, by betweenness, of the {len(scored)} stakeholders that "
        f"broker between others{ours}:"
        if len(scored) > MAX_BROKERS
        else f"{counted(len(scored), 'broker')}{ours}, by betweenness:"
    )
    rows = []
    for sid in scored[:MAX_BROKERS]:
        reading = facts.readings.get(sid)
        rows.append(
            [
                facts.label(sid),
                facts.category(sid),
                reading.role if reading else "",
                f"{facts.number(sid, 'betweenness') or 0:.3f}",
                f"{facts.number(sid, 'gf_total') or 0:.0f}",
                reading.sentence if reading else "",
            ]
        )
    w.table(
        ["Stakeholder", "Category", "Role", "Betweenness", "Brokerage", "Reading"],
        rows,
        [4.5, 3, 2.6, 2.4, 2.1, 9],
    )
