"""Context: the Principles of Action and the stakeholders each concerns."""

from __future__ import annotations

from ..context import PlanContext
from ..options import SECTIONS
from ..principles import PRINCIPLES
from ..writer import PlanWriter

__all__ = ["write"]


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.heading(SECTIONS["context"])
    info = plan.smap.info
    city = info.city or "the city"
    w.para(
        f"The Movement's Principles of Action for strengthening urban community resilience "
        f"ask National Societies and their city branches to act as trusted connectors, to "
        f"map stakeholders, to use evidence and to practise humanitarian diplomacy with "
        f"city authorities. This plan applies them in {city}."
    )
    if not plan.per_actor:
        # The public version keeps no principles: they would describe single actors.
        return
    linked: dict[int, list[str]] = {}
    for sid in plan.facts.targets:
        for principle in plan.stakeholder(sid).principles:
            linked.setdefault(principle, []).append(plan.facts.label(sid))
    rows = []
    for number in sorted(linked):
        names = linked[number]
        shown = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
        rows.append((str(number), PRINCIPLES[number], shown))
    if rows:
        w.para("The principles the mapped stakeholders relate to:")
        w.table(["No.", "The principle asks us to", "Stakeholders it concerns"], rows, [1, 6, 6])
    else:
        w.para(
            "No stakeholder is linked to a principle yet: tick the principles each "
            "stakeholder relates to on the map."
        )
