"""The timeline on the political calendar: the dates the asks are timed to (budget vote,
elections), with the actions due before each."""

from __future__ import annotations

from ....core.i18n import N_, _
from ....core.wording import counted
from ..context import PlanContext
from ..options import SECTIONS
from ..wording import date_or_blank
from ..writer import PlanWriter

__all__ = ["write"]

#: What the table is, said before it.
INTRODUCTION = N_(
    "The dates the plan is timed to. Each row counts the next actions due since the "
    "previous date: what must be done before it."
)
#: The table's header.
HEADER = (N_("Date"), N_("On the calendar"), N_("Actions due before"))
#: Marks a date before the plan's date.
PAST = "{date} (past)"


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.set_landscape(False)
    w.heading(_(SECTIONS["calendar"]))
    events = sorted(plan.smap.info.calendar, key=lambda e: e.date)
    due = sorted(
        e.due_date
        for s in plan.smap.stakeholders.values()
        if (e := s.engagement).due_date is not None and e.next_action.strip()
    )
    rows, previous = [], None
    for event in events:
        before = sum(1 for d in due if (previous is None or d > previous) and d <= event.date)
        when = date_or_blank(event.date)
        rows.append(
            (
                PAST.format(date=when) if event.date < plan.today else when,
                event.what,
                counted(before, "action") if before else "none",
            )
        )
        previous = event.date
    w.para(_(INTRODUCTION))
    w.table([_(h) for h in HEADER], rows, [2.4, 5, 2.4])
