"""Document control: version, approver, distribution list, review date and the date the
plan was generated (the Full version; shared versions show version and review date)."""

from __future__ import annotations

from ....core.i18n import N_, _
from ..context import PlanContext
from ..options import LEVEL_NAMES, SECTIONS
from ..wording import date_or_blank
from ..writer import PlanWriter

__all__ = ["write"]

#: The rows of the table, by field: what each is called.
ROWS = {
    "version": N_("Version"),
    "approver": N_("Approved by"),
    "review_date": N_("Next review"),
    "distribution": N_("Distribution"),
}


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    info = plan.smap.info
    values = {
        "version": info.version.strip(),
        "approver": info.approver.strip(),
        "review_date": date_or_blank(info.review_date),
        "distribution": "\n".join(info.distribution),
    }
    w.heading(_(SECTIONS["control"]))
    rows = [(_(ROWS[name]), value) for name, value in values.items() if value]
    rows.append((_("Generated"), f"{date_or_blank(plan.today)} · {_(LEVEL_NAMES[plan.level])}"))
    w.table([], rows, [1, 3], header_row=False, first_column=True)
