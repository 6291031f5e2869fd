"""Context: the Principles of Action, who serves each and which nobody serves yet."""

from __future__ import annotations

from ....core.i18n import N_, _, format_number, isolate, ngettext
from ....core.wording import counted
from ..context import PlanContext
from ..options import SECTIONS
from ..principles import coverage, principle_title, principle_titles
from ..wording import names_list
from ..writer import PlanWriter

__all__ = ["write"]

#: Stakeholders named per principle at most.
MAX_NAMED = 6
#: The coverage table's columns.
COLUMNS = [N_("Principle of Action"), N_("Stakeholders who serve it"), N_("Count"), N_("Actions")]
#: Before the coverage table.
TABLE_INTRO = N_(
    "How the mapped stakeholders serve the twelve Principles of Action, and how many of "
    "them have a next action recorded:"
)
#: In the table, for a principle no stakeholder serves.
NOBODY = N_("Nobody yet")
#: After the table, when some principles are served by no one.
UNSERVED = N_(
    "No mapped stakeholder serves {count} yet: {titles}. Find who in the city could, or "
    "record why this plan leaves them aside."
)
#: When no stakeholder is linked to any principle.
NONE_LINKED = N_(
    "No stakeholder is linked to a principle yet: tick the principles each stakeholder "
    "relates to on the map."
)


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.heading(_(SECTIONS["context"]))
    info = plan.smap.info
    principles = _(
        "The Movement's Principles of Action for strengthening urban community resilience "
        "ask National Societies and their city branches to act as trusted connectors, to "
        "map stakeholders, to use evidence and to practise humanitarian diplomacy with "
        "city authorities."
    )
    if info.city:
        applied = _("This plan applies them in {city}.").format(city=info.city)
    else:
        applied = _("This plan applies them in the city.")
    w.para(f"{principles} {applied}")
    if not plan.per_actor:
        # The public version keeps no principles: they would describe single actors.
        return
    covered = coverage(plan.smap, plan.facts.targets)
    if not any(c.served for c in covered):
        w.para(_(NONE_LINKED))
        return
    rows = []
    for c in covered:
        names = [isolate(plan.facts.label(sid)) for sid in c.stakeholders]
        more = len(names) - MAX_NAMED
        if more > 0:
            # Names cut short in a cell: "A, B, C and 6 more".
            cut = ngettext("{count} more", "{count} more", more).format(count=format_number(more))
            shown = names_list([*names[:MAX_NAMED], cut])
        else:
            shown = _(", ").join(names)
        rows.append(
            (principle_title(c.number), shown or _(NOBODY), str(len(names)), str(c.actions))
        )
    w.para(_(TABLE_INTRO))
    w.table([_(c) for c in COLUMNS], rows, [6.2, 6.2, 1.8, 1.8])
    unserved = [c.number for c in covered if not c.served]
    if unserved:
        w.para(
            _(UNSERVED).format(
                count=counted(len(unserved), "principle"),
                titles="; ".join(principle_titles(unserved)),
            )
        )
