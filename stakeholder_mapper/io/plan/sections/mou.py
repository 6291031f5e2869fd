"""The agreements and MoU tracker."""

from __future__ import annotations

import datetime as dt

from ....core.i18n import N_, _, isolate
from ....core.model import MOU_STATUSES
from ....core.wording import counted
from ..context import PlanContext
from ..options import SECTIONS
from ..restricted import NO_NEXT_ACTION_SHARED
from ..wording import mou_text, names_list, or_default
from ..writer import PlanWriter

__all__ = ["write"]

#: How the MoU tracker counts agreements in each status.
MOU_WORDS: dict[str, str] = {
    "exploring": N_("being explored"),
    "drafting": N_("being drafted"),
    "signed": N_("signed"),
    "renewal due": N_("due for renewal"),
    "expired": N_("expired"),
}

#: MoU statuses that count as a current agreement.
CURRENT_AGREEMENT = ("signed", "renewal due")


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.set_landscape(False)
    w.heading(_(SECTIONS["mou"]))
    facts, targets = plan.facts, plan.facts.targets
    by_status: dict[str, list[str]] = {}
    for sid in targets:
        by_status.setdefault(plan.stakeholder(sid).engagement.mou_status, []).append(sid)
    recorded = sum(len(by_status.get(status, [])) for status in MOU_WORDS)
    if recorded:
        # Counted per stakeholder: one agreement is often recorded on several offices.
        parts = [
            _("{status} with {names}").format(
                status=_(MOU_WORDS[status]),
                names=names_list([isolate(facts.label(s)) for s in by_status[status]]),
            )
            for status in MOU_STATUSES
            if by_status.get(status) and status in MOU_WORDS
        ]
        w.para(
            _("MoU status recorded on {stakeholders}: {statuses}.").format(
                stakeholders=counted(recorded, "stakeholder", "stakeholders"),
                statuses=_("; ").join(parts),
            )
        )
    city_authorities = [
        sid
        for sid in targets
        if plan.stakeholder(sid).category == "municipal"
        and plan.stakeholder(sid).engagement.mou_status not in CURRENT_AGREEMENT
    ]
    if city_authorities:
        named = [
            _("{name} ({status})").format(
                name=isolate(facts.label(sid)), status=_(MOU_WORDS[status])
            )
            if (status := plan.stakeholder(sid).engagement.mou_status) in MOU_WORDS
            else isolate(facts.label(sid))
            for sid in city_authorities
        ]
        w.para(
            _(
                "City authorities without a signed, current agreement (Principle 11 asks "
                "for MoUs that set out our auxiliary role): {names}."
            ).format(names=names_list(named))
        )
    order = {status: i for i, status in enumerate(MOU_STATUSES)}
    tracked = sorted(
        (sid for sid in targets if plan.stakeholder(sid).engagement.mou_status != "none"),
        key=lambda sid: (
            plan.stakeholder(sid).engagement.due_date or dt.date.max,
            order[plan.stakeholder(sid).engagement.mou_status],
        ),
    )
    if tracked:
        rows = []
        for sid in tracked:
            e = plan.stakeholder(sid).engagement
            rows.append(
                [
                    facts.label(sid),
                    mou_text(e.mou_status),
                    or_default(
                        e.next_action,
                        _("No next action recorded yet.")
                        if plan.level == "full"
                        else _(NO_NEXT_ACTION_SHARED),
                    ),
                    plan.due(e.due_date),
                ]
            )
        w.table(
            [_("Stakeholder"), _("Status"), _("Next step"), _("Due")], rows, [4.6, 2.2, 6.4, 3.4]
        )
    else:
        w.para(_("No agreement recorded yet: the MoU status is 'none' for every stakeholder."))
