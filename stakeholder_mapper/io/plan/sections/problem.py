"""Problem and headline ask: what is wrong, the one change we ask for, and its evidence."""

from __future__ import annotations

from ..context import PlanContext
from ..options import SECTIONS
from ..plan_content import write_text
from ..writer import PlanWriter

__all__ = ["write"]

#: Sub-headings, by field.
PARTS = {
    "problem": "The problem",
    "ask": "Our headline ask",
    "evidence": "The evidence",
}


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    info = plan.smap.info
    w.heading(SECTIONS["problem"])
    for name, title in PARTS.items():
        text = getattr(info, name)
        if text.strip():
            w.heading(title, 2)
            write_text(w, text)
