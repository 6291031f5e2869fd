"""The Fundamental Principles, the branch's red lines and an acceptance and neutrality
check read from the map, in the spirit of the ICRC's Safer Access Framework."""

from __future__ import annotations

from ....core.i18n import N_, _, ngettext
from ....core.wording import counted
from ..context import PlanContext, has_engagement
from ..options import SECTIONS
from ..plan_content import write_text
from ..writer import PlanWriter

__all__ = ["write"]

#: Why the section matters.
INTRODUCTION = N_(
    "The branch engages as a component of the Movement, bound by its seven Fundamental "
    "Principles: humanity, impartiality, neutrality, independence, voluntary service, "
    "unity and universality. Being seen to take sides costs the acceptance that lets "
    "volunteers reach people in need."
)
#: The acceptance and neutrality questions the branch answers before acting.
QUESTIONS = (
    N_(
        "Does any part of the ask take sides in a political, racial, religious or "
        "ideological controversy?"
    ),
    N_("Would the communities we serve recognise the engagement as serving their needs alone?"),
    N_("Could a party to a local dispute read our messengers or partners as aligned with it?"),
    N_("Does the branch decide and speak on its own terms, whoever funds or hosts it?"),
)
#: Readings of the map for the check ({...}: counts).
TRUST_READING = N_(
    "Trust in the National Society among the {rated} rated for it: {trusting} with "
    "trust, {wary} with distrust."
)
NO_TRUST_READING = N_(
    "No stakeholder is rated for trust yet: acceptance cannot be read from the map."
)
SPREAD_READING = N_(
    "Engagements are recorded with stakeholders in {engaged} of the map's {coalitions}."
)
ONE_SIDE_READING = N_(
    "Engagements are recorded in one coalition only: others may read the branch as aligned with it."
)


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.heading(_(SECTIONS["red_lines"]))
    w.para(_(INTRODUCTION))
    w.heading(_("Our red lines"), 2)
    write_text(w, plan.smap.info.red_lines)
    w.heading(_("Acceptance and neutrality check"), 2)
    w.bullets(_readings(plan))
    w.para(_("Before acting, the branch answers:"))
    w.bullets([_(q) for q in QUESTIONS])


def _readings(plan: PlanContext) -> list[str]:
    """What the map says of our acceptance and of the balance of our engagements."""
    facts = plan.facts
    targets = [plan.stakeholder(sid) for sid in facts.targets]
    rated = [s for s in targets if s.trust is not None]
    found = []
    if rated:
        found.append(
            _(TRUST_READING).format(
                trusting=sum(1 for s in rated if s.trust > 0),
                rated=counted(len(rated), "stakeholder"),
                wary=sum(1 for s in rated if s.trust < 0),
            )
        )
    else:
        found.append(_(NO_TRUST_READING))
    engaged = [sid for sid in facts.targets if has_engagement(plan.stakeholder(sid))]
    coalitions = {facts.number(sid, "community") for sid in facts.targets} - {None}
    reached = {facts.number(sid, "community") for sid in engaged} - {None}
    if len(coalitions) > 1 and len(reached) == 1:
        found.append(_(ONE_SIDE_READING))
    elif len(coalitions) > 1:
        found.append(
            _(SPREAD_READING).format(
                engaged=len(reached), coalitions=counted(len(coalitions), "coalition")
            )
        )
    opponents = [
        sid
        for sid in engaged
        if (position := plan.stakeholder(sid).position) is not None and position < 0
    ]
    if opponents:
        found.append(
            ngettext(
                "{opponents} opposed to the objective has an engagement recorded: keep to the "
                "humanitarian need, never to sides.",
                "{opponents} opposed to the objective have an engagement recorded: keep to the "
                "humanitarian need, never to sides.",
                len(opponents),
            ).format(opponents=counted(len(opponents), "stakeholder"))
        )
    return found
