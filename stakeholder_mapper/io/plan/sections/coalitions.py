"""Coalitions and bridges: the groups the network falls into and who links them."""

from __future__ import annotations

from collections import Counter

from ....core.wording import counted
from ..context import PlanContext
from ..options import SECTIONS
from ..wording import are
from ..writer import PlanWriter
from .brokerage import MAX_BROKERS

__all__ = ["write"]

#: Members named per coalition at most.
MAX_MEMBERS = 10


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.set_landscape(False)
    w.heading(SECTIONS["coalitions"])
    facts = plan.facts
    w.para(
        "Coalitions are groups of stakeholders more tied to each other than to the rest "
        "(community detection, seeded so the result is the same each time). Bridges are "
        "the stakeholders with ties into other coalitions: they are how a message or an "
        "alliance crosses from one group to another."
    )
    groups: dict[int, list[str]] = {}
    for sid in facts.ranked:
        number = facts.number(sid, "community")
        if number is not None:
            groups.setdefault(int(number), []).append(sid)
    if not groups:
        w.para("No coalitions yet: the map has no relationships.")
        return
    rows = []
    for number in sorted(groups):
        members = groups[number]
        cats = Counter(facts.category(s) for s in members).most_common(3)
        row = [str(number), str(len(members)), ", ".join(f"{c} ({n})" for c, n in cats)]
        if plan.per_actor:
            named = ", ".join(facts.label(s) for s in members[:MAX_MEMBERS])
            if len(members) > MAX_MEMBERS:
                named += f" and {len(members) - MAX_MEMBERS} more"
            row.append(named)
        rows.append(row)
    if plan.per_actor:
        w.table(["Coalition", "Size", "Main categories", "Members"], rows, [1.6, 1, 4, 8])
    else:
        w.table(["Coalition", "Size", "Main categories"], rows, [1.6, 1, 6])
    reached = _coalitions_reached(plan)
    cut = {sid for sid in facts.ranked if facts.number(sid, "articulation_point")}
    bridges = [sid for sid in facts.ranked if reached.get(sid) or sid in cut]
    # Single points of failure first (they are the weakest links), then by reach.
    bridges.sort(key=lambda sid: (sid not in cut, -len(reached.get(sid, ()))))
    w.heading("Bridges between coalitions", 2)
    if not bridges:
        w.para("No stakeholder links two coalitions yet.")
        return
    if not plan.per_actor:
        w.para(
            f"{counted(len(bridges), 'stakeholder')} "
            f"{'has' if len(bridges) == 1 else 'have'} ties into another coalition"
            + (f"; {len(cut)} of them {are(len(cut))} the only link for a group." if cut else ".")
        )
        return
    shown = [sid for sid in bridges if sid in cut]
    shown += [sid for sid in bridges if sid not in cut][: max(MAX_BROKERS - len(shown), 0)]
    intro = "Stakeholders with ties into other coalitions, single points of failure first" + (
        f"; the {len(shown)} that reach most of {len(bridges)}:"
        if len(shown) < len(bridges)
        else ":"
    )
    w.para(intro)
    rows = [
        [
            facts.label(sid),
            str(int(facts.number(sid, "community") or 0)),
            ", ".join(str(n) for n in reached.get(sid, ())) or "—",
            "yes" if sid in cut else "no",
        ]
        for sid in shown
    ]
    w.table(
        ["Stakeholder", "Own coalition", "Coalitions reached", "Single point of failure"],
        rows,
        [7.4, 2.8, 3.2, 3.2],
    )
    for sid in shown:
        reading = facts.readings.get(sid)
        if sid in cut and reading:
            w.para(reading.sentence, bold_lead=f"{facts.label(sid)}: ")


def _coalitions_reached(plan: PlanContext) -> dict[str, tuple[int, ...]]:
    """For each stakeholder, the other coalitions it has a positive tie into (either
    direction), as the metrics count them."""
    facts = plan.facts
    found: dict[str, set[int]] = {}
    for r in plan.smap.relationships.values():
        if r.valence == "negative":
            continue
        ends = (facts.number(r.source, "community"), facts.number(r.target, "community"))
        if None in ends or ends[0] == ends[1]:
            continue
        found.setdefault(r.source, set()).add(int(ends[1]))
        found.setdefault(r.target, set()).add(int(ends[0]))
    return {sid: tuple(sorted(numbers)) for sid, numbers in found.items()}
