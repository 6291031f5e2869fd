"""Resources and roles: people, time and budget, and who does what."""

from __future__ import annotations

from ....core.i18n import _
from ..context import PlanContext
from ..options import SECTIONS
from ..plan_content import write_text
from ..writer import PlanWriter

__all__ = ["write"]


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.heading(_(SECTIONS["resources"]))
    write_text(w, plan.smap.info.resources)
