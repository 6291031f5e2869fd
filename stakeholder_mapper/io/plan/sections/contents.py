"""The contents list: its place and depth (filled in once every heading is written)."""

from __future__ import annotations

from ....core.i18n import _
from ..context import PlanContext
from ..writer import PlanWriter

__all__ = ["write"]

#: With more engagement sheets than this the contents list only the main sections.
MAX_SHEETS_IN_CONTENTS = 12


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    # Sheets are listed when there are few; otherwise (or without sheets, as in the
    # public version) the main sections only.
    with_sheets = plan.options.has("sheets") and "sheets" not in plan.left_out()
    few = 0 < len(plan.sheet_ids()) <= MAX_SHEETS_IN_CONTENTS
    w.start_contents(_("Contents"), 2 if with_sheets and few else 1)
