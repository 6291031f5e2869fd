"""Do no harm: who this engagement could put at risk, and how the branch prevents it."""

from __future__ import annotations

from ....core.i18n import _
from ..context import PlanContext
from ..options import SECTIONS
from ..plan_content import write_text
from ..writer import PlanWriter

__all__ = ["write"]


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.heading(_(SECTIONS["do_no_harm"]))
    write_text(w, plan.smap.info.do_no_harm)
