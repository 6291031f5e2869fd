"""Risks: those the map's structure shows and those recorded with stakeholders."""

from __future__ import annotations

from collections import Counter

from ....analysis.readings import single_points
from ....core.i18n import _
from ..context import PlanContext
from ..options import SECTIONS
from ..priorities import POWERFUL
from ..wording import sentence_count
from ..writer import PlanWriter

__all__ = ["write"]


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.set_landscape(False)
    w.heading(_(SECTIONS["risks"]))
    facts = plan.facts
    structural = []
    # Only those worth reporting (the threshold is in the annex), the most damaging first.
    cut_points = single_points(facts.metrics)
    if cut_points and plan.per_actor:
        for sid in cut_points[:5]:
            loss = facts.number(sid, "reachability_loss") or 0
            structural.append(
                f"If {facts.label(sid)} stepped back, {loss:.0%} of the connections "
                "between other stakeholders would be lost: build a second route to the "
                "groups it links."
            )
    elif cut_points:
        n = len(cut_points)
        points = "a single point" if n == 1 else "single points"
        structural.append(f"{sentence_count(n)} {points} of failure.")
    if plan.level == "full":
        for sid in facts.targets:
            s = plan.stakeholder(sid)
            if (s.power or 0) < POWERFUL:
                continue
            opposed = s.position is not None and s.position < 0
            wary = s.trust is not None and s.trust < 0
            if opposed and wary:
                structural.append(
                    f"{s.label} is powerful, opposed and distrustful: plan how to limit "
                    "their opposition and who can rebuild their trust."
                )
            elif opposed:
                structural.append(
                    f"{s.label} is powerful and opposed: plan how to limit their "
                    "opposition and who can reassure them."
                )
            elif wary:
                structural.append(
                    f"{s.label} is powerful and distrustful: plan who can rebuild their trust."
                )
    hops = Counter(m.first_hop for m in facts.messengers.values() if m.first_hop)
    for hop, n in hops.most_common(2):
        if n >= 3 and plan.per_actor:
            structural.append(
                f"{facts.label(hop)} is the suggested messenger for {n} stakeholders: "
                "do not overload one relationship."
            )
    w.heading(_("Risks the map shows"), 2)
    w.bullets(structural or ["The map shows no structural risk."])
    if not plan.per_actor:
        return
    w.heading(_("Risks recorded with stakeholders"), 2)
    recorded = [
        (
            facts.label(sid) + (" (our branch)" if sid == facts.branch else ""),
            plan.stakeholder(sid).engagement.risks.strip(),
        )
        for sid in facts.ranked
        if plan.stakeholder(sid).engagement.risks.strip()
    ]
    if recorded:
        w.table([_("Stakeholder"), _("Risk")], recorded, [4, 9])
    elif plan.level != "full" and plan.facts.original_has("risks"):
        # Held back by the level: "none recorded" would be false.
        w.para("Risks recorded by the branch are not shared in this version.")
    else:
        w.para("No risks recorded yet.")
