"""Risks: those the map's structure shows and those recorded with stakeholders."""

from __future__ import annotations

from collections import Counter

from ....analysis.readings import single_points
from ....core.i18n import _, format_number, isolate, ngettext
from ..context import PlanContext
from ..options import SECTIONS
from ..priorities import POWERFUL
from ..wording import share_text
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
                _(
                    "If {name} stepped back, {share} of the connections between other "
                    "stakeholders would be lost: build a second route to the groups it links."
                ).format(name=isolate(facts.label(sid)), share=share_text(loss))
            )
    elif cut_points:
        n = len(cut_points)
        structural.append(
            _("One stakeholder is a single point of failure.")
            if n == 1
            else ngettext(
                "{count} stakeholder is a single point of failure.",
                "{count} stakeholders are single points of failure.",
                n,
            ).format(count=format_number(n))
        )
    if plan.level == "full":
        for sid in facts.targets:
            s = plan.stakeholder(sid)
            if (s.power or 0) < POWERFUL:
                continue
            opposed = s.position is not None and s.position < 0
            wary = s.trust is not None and s.trust < 0
            if opposed and wary:
                text = _(
                    "{name} is powerful, opposed and distrustful: plan how to limit "
                    "their opposition and who can rebuild their trust."
                )
            elif opposed:
                text = _(
                    "{name} is powerful and opposed: plan how to limit their "
                    "opposition and who can reassure them."
                )
            elif wary:
                text = _("{name} is powerful and distrustful: plan who can rebuild their trust.")
            else:
                continue
            structural.append(text.format(name=isolate(s.label)))
    hops = Counter(m.first_hop for m in facts.messengers.values() if m.first_hop)
    for hop, n in hops.most_common(2):
        if n >= 3 and plan.per_actor:
            structural.append(
                ngettext(
                    "{name} is the suggested messenger for {count} stakeholder: do not "
                    "overload one relationship.",
                    "{name} is the suggested messenger for {count} stakeholders: do not "
                    "overload one relationship.",
                    n,
                ).format(name=isolate(facts.label(hop)), count=format_number(n))
            )
    w.heading(_("Risks the map shows"), 2)
    w.bullets(structural or [_("The map shows no structural risk.")])
    if not plan.per_actor:
        return
    w.heading(_("Risks recorded with stakeholders"), 2)
    recorded = [
        (
            _("{name} (our branch)").format(name=facts.label(sid))
            if sid == facts.branch
            else facts.label(sid),
            plan.stakeholder(sid).engagement.risks.strip(),
        )
        for sid in facts.ranked
        if plan.stakeholder(sid).engagement.risks.strip()
    ]
    if recorded:
        w.table([_("Stakeholder"), _("Risk")], recorded, [4, 9])
    elif plan.level != "full" and plan.facts.original_has("risks"):
        # Held back by the level: "none recorded" would be false.
        w.para(_("Risks recorded by the branch are not shared in this version."))
    else:
        w.para(_("No risks recorded yet."))
