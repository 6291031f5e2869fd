"""The agreements and MoU tracker."""

from __future__ import annotations

import datetime as dt

from ....core.i18n import _
from ....core.model import MOU_STATUSES
from ....core.wording import counted
from ..context import PlanContext
from ..options import SECTIONS
from ..restricted import NO_NEXT_ACTION_SHARED
from ..wording import names_list, or_default
from ..writer import PlanWriter

__all__ = ["write"]

#: How the MoU tracker counts agreements in each status.
MOU_WORDS: dict[str, str] = {
    "exploring": "being explored",
    "drafting": "being drafted",
    "signed": "signed",
    "renewal due": "due for renewal",
    "expired": "expired",
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
            f"{MOU_WORDS[status]} with {names_list([facts.label(s) for s in by_status[status]])}"
            for status in MOU_STATUSES
            if by_status.get(status) and status in MOU_WORDS
        ]
        w.para(
            f"MoU status recorded on {counted(recorded, 'stakeholder')}: " + "; ".join(parts) + "."
        )
    city_authorities = [
        sid
        for sid in targets
        if plan.stakeholder(sid).category == "municipal"
        and plan.stakeholder(sid).engagement.mou_status not in CURRENT_AGREEMENT
    ]
    if city_authorities:
        w.para(
            "City authorities without a signed, current agreement (Principle 11 asks "
            "for MoUs that set out our auxiliary role): "
            + names_list(
                [
                    facts.label(sid)
                    + (
                        f" ({MOU_WORDS[status]})"
                        if (status := plan.stakeholder(sid).engagement.mou_status) in MOU_WORDS
                        else ""
                    )
                    for sid in city_authorities
                ]
            )
            + "."
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
                    e.mou_status,
                    or_default(
                        e.next_action,
                        "No next action recorded yet."
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
        w.para("No agreement recorded yet: the MoU status is 'none' for every stakeholder.")
