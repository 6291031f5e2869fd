"""The cover: classification banner, title, the map's details and the version."""

from __future__ import annotations

from ....core.i18n import N_, _
from ..context import PlanContext
from ..options import LEVEL_NAMES
from ..wording import date_or_blank, or_default
from ..writer import PlanWriter

__all__ = ["COVER_EDITION", "write", "write_running_heads"]

#: The cover's row naming the edition (Full, Partner, Public); "Version" is the document
#: control's draft number.
COVER_EDITION = N_("Edition")


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    info = plan.smap.info
    for _n in range(3):
        w.blank()
    w.para(plan.classification(), w.banner)
    w.blank()
    w.para(_("Humanitarian diplomacy engagement plan"), w.title_style)
    w.para(info.title, w.subtitle_style)
    w.blank()
    author = info.author if (plan.options.show_author and plan.level == "full") else ""
    rows = [
        (_("City"), or_default(info.city, _("not recorded"))),
        (_("Branch"), plan.facts.label(plan.facts.branch) if plan.has_branch else _("not named")),
        (_("Date of the map"), date_or_blank(info.date) or _("not recorded")),
        (_("Plan generated"), date_or_blank(plan.today)),
        *([(_("Prepared by"), author)] if author.strip() else []),
        (_(COVER_EDITION), _(LEVEL_NAMES[plan.level])),
    ]
    w.table([], rows, [1, 3], header_row=False, first_column=True)
    w.para(
        _(
            "This document was generated from the stakeholder map with Stakeholder Mapper. "
            "It is a working document: check the readings against what you know before "
            "acting on them."
        ),
        w.caption,
    )
    w.page_break()


def write_running_heads(w: PlanWriter, plan: PlanContext) -> None:
    """The header (classification and the map's title) and footer (version, page of
    pages) of every page."""
    w.running_header(plan.header_mark(), plan.smap.info.title)
    w.page_footer(f"{_(LEVEL_NAMES[plan.level])}   ·   ", _("Page "), _(" of "))
