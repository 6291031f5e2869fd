"""The executive summary: the map in one paragraph, key findings, first priorities
and the decisions requested of the director."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ....core.wording import counted
from ..context import PRIORITY_QUADRANTS, PlanContext
from ..options import SECTIONS
from ..wording import are, names_list, sentence_count
from ..writer import PlanWriter

__all__ = ["write"]


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.heading(SECTIONS["summary"])
    smap, facts = plan.smap, plan.facts
    counts = Counter(facts.quadrants[sid] for sid in facts.targets)
    place = f" in {smap.info.city}" if smap.info.city else ""
    noun = "other stakeholder" if facts.branch is not None else "stakeholder"
    close, satisfied = counts["Manage closely"], counts["Keep satisfied"]
    w.para(
        f"This plan sets out how {plan.our_side()} will engage the "
        f"{counted(len(facts.targets), noun)} mapped"
        f"{place}, linked by {counted(len(smap.relationships), 'relationship')}. "
        f"Of these, {close or 'none'} {'is' if close == 1 else 'are'} rated high on both "
        f"power and interest and need{'s' if close == 1 else ''} close management; "
        f"{satisfied or 'none'} {'is' if satisfied == 1 else 'are'} rated high on power "
        "only and must be kept satisfied."
    )
    if note := plan.missing_branch_note():
        w.para(note)
    if plan.omitted:
        w.para(
            f"{counted(plan.omitted, 'stakeholder')} marked confidential "
            f"{are(plan.omitted)} left out of this version."
        )
    w.heading("Key findings", 2)
    if plan.per_actor:
        findings = facts.findings or [
            "No findings yet: add relationships to the map to reveal brokers and coalitions."
        ]
    else:
        findings = _public_findings(plan)
    w.bullets(findings)
    if plan.per_actor:
        top = [sid for sid in facts.targets if facts.quadrants[sid] == "Manage closely"][:5]
        w.heading("First priorities", 2)
        if top:
            w.bullets([_priority_line(plan, sid) for sid in top])
        else:
            w.para(
                "No stakeholder is rated high on both power and interest yet: rate power "
                "and interest on the map to set priorities."
            )
    if plan.level == "full":
        decisions = _decisions(plan)
        if decisions:
            w.heading("Decisions requested", 2)
            w.bullets(decisions)


def _decisions(plan: PlanContext) -> list[str]:
    """What the director is asked to decide, read from the map: agreements being
    drafted or due for renewal, priority stakeholders without a focal point, and
    overdue actions (internal version only: it names focal points and owners)."""
    facts = plan.facts

    def named(ids: Sequence[str], most: int = 5) -> str:
        names = [facts.label(sid) for sid in ids[:most]]
        if len(ids) > most:
            names.append(f"{len(ids) - most} more")
        return names_list(names)

    def with_status(status: str) -> list[str]:
        return [
            sid for sid in facts.targets if plan.stakeholder(sid).engagement.mou_status == status
        ]

    found = []
    if drafting := with_status("drafting"):
        found.append(f"Approve the approach to the MoU being drafted with {named(drafting)}.")
    if renewal := with_status("renewal due"):
        found.append(f"Agree to renew the agreement with {named(renewal)}.")
    unowned = [
        sid
        for sid in facts.targets
        if facts.quadrants[sid] in PRIORITY_QUADRANTS
        and not (plan.stakeholder(sid).engagement.owner or plan.stakeholder(sid).focal_point)
    ]
    if unowned:
        found.append(
            f"Assign a focal point to the {counted(len(unowned), 'priority stakeholder')} "
            f"without one: {named(unowned)}."
        )
    overdue = [
        sid
        for sid in facts.targets
        if (e := plan.stakeholder(sid).engagement).next_action.strip()
        and e.due_date
        and e.due_date < plan.today
    ]
    if overdue:
        found.append(
            f"Follow up the {counted(len(overdue), 'overdue action')}, with {named(overdue)}."
        )
    return found


def _priority_line(plan: PlanContext, sid: str) -> str:
    """One first priority: who, and through whom. A messenger recorded on the map comes
    first; the map's suggestion follows, each named as what it is."""
    facts = plan.facts
    recorded = plan.recorded_messenger(sid)
    messenger = facts.messengers.get(sid)
    suggested = messenger.short if messenger else ""
    parts = [f"recorded messenger: {recorded}"] if recorded else []
    parts += [suggested] if suggested else []
    if not parts and not plan.has_branch:
        return f"{facts.label(sid)}."  # the plan said once, at the top, why
    return f"{facts.label(sid)} — {'; '.join(parts) or 'no messenger recorded or found'}."


def _public_findings(plan: PlanContext) -> list[str]:
    smap, facts = plan.smap, plan.facts
    cats = Counter(facts.category(sid) for sid in smap.stakeholders)
    communities = facts.metrics["community"].dropna().nunique() if len(facts.metrics) else 0
    cut = 0
    if "articulation_point" in facts.metrics.columns:
        cut = int(facts.metrics["articulation_point"].fillna(False).astype(bool).sum())
    items = [
        f"The map covers {len(smap.stakeholders)} stakeholders in {len(cats)} categories; "
        f"the largest groups are "
        + ", ".join(f"{name.lower()} ({n})" for name, n in cats.most_common(3))
        + ".",
        f"The network falls into {communities} coalitions (groups that are more tied to "
        "each other than to the rest).",
    ]
    if cut:
        points = "a single point" if cut == 1 else "single points"
        items.append(
            f"{sentence_count(cut)} {points} of failure: without "
            f"{'it' if cut == 1 else 'any one of them'}, part of the network would lose "
            "its link to the rest."
        )
    return items
