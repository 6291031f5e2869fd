"""Purpose and objectives: the map's purpose and the objectives recorded per stakeholder."""

from __future__ import annotations

from ....core.i18n import _, isolate
from ..context import PlanContext
from ..options import SECTIONS
from ..restricted import PURPOSE_WITHHELD
from ..wording import or_default
from ..writer import PlanWriter

__all__ = ["write"]


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.heading(_(SECTIONS["purpose"]))
    original = plan.facts.original
    if not plan.smap.info.purpose.strip() and original and original.info.purpose.strip():
        w.para(_(PURPOSE_WITHHELD))
    else:
        w.para(
            or_default(
                plan.smap.info.purpose,
                _(
                    "No purpose recorded yet: describe the change this engagement seeks in the "
                    "map's properties."
                ),
            )
        )
    if not plan.per_actor:
        return
    objectives = [
        _("{name}: {text}").format(
            name=isolate(plan.facts.label(sid)), text=s.engagement.objective.strip()
        )
        for sid in plan.facts.targets
        if (s := plan.stakeholder(sid)).engagement.objective.strip()
    ]
    w.heading(_("Objectives with key stakeholders"), 2)
    if objectives:
        w.bullets(objectives)
    elif plan.level != "full" and plan.facts.original_has("objective"):
        w.para(_("The objectives recorded by the branch are not shared in this version."))
    else:
        w.para(_("No objectives recorded yet: add them on each stakeholder's engagement tab."))
