"""Problem and headline ask: what is wrong, the one change we ask for, and its evidence."""

from __future__ import annotations

from ....core.i18n import N_, _
from ..context import PlanContext
from ..options import SECTIONS
from ..plan_content import write_text
from ..writer import PlanWriter

__all__ = ["write"]

#: Sub-headings, by field.
PARTS = {
    "problem": N_("The problem"),
    "ask": N_("Our headline ask"),
    "evidence": N_("The evidence"),
}


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    info = plan.smap.info
    w.heading(_(SECTIONS["problem"]))
    for name, title in PARTS.items():
        text = getattr(info, name)
        if text.strip():
            w.heading(_(title), 2)
            write_text(w, text)
