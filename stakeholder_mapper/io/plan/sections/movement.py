"""The auxiliary role's legal basis, coordination within the Movement, and sign-off."""

from __future__ import annotations

from ....core.i18n import N_, _
from ..context import PlanContext
from ..options import SECTIONS
from ..plan_content import write_text
from ..writer import PlanWriter

__all__ = ["write"]

#: Why the section matters, said before the branch's own notes.
INTRODUCTION = N_(
    "A National Society engages public authorities as their auxiliary in the "
    "humanitarian field: a relationship set in law, which keeps it independent. Its "
    "humanitarian diplomacy is coordinated within the Movement so that the branch, "
    "headquarters, the IFRC and the ICRC speak with one voice."
)
#: The sign-off line ({approver}: who approves the plan).
SIGN_OFF = N_("This plan is approved by {approver} before it is acted on or shared.")


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    info = plan.smap.info
    w.heading(_(SECTIONS["movement"]))
    w.para(_(INTRODUCTION))
    write_text(w, info.movement)
    if info.approver.strip():
        w.para(_(SIGN_OFF).format(approver=info.approver.strip()))
