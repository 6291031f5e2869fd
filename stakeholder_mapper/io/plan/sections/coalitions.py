"""Coalitions and bridges: the groups the network falls into and who links them."""

from __future__ import annotations

from collections import Counter

from ....analysis.readings import single_points
from ....core.i18n import N_, _, format_number, isolate, ngettext
from ..context import PlanContext
from ..options import SECTIONS
from ..restricted import MIN_PUBLIC_COUNT, public_count, public_counted
from ..wording import capital, names_list
from ..writer import PlanWriter
from .brokerage import MAX_BROKERS

__all__ = ["write"]

#: The Public version's bridges, counted (a count of one or two reads "fewer than 3").
PUBLIC_BRIDGES = N_(
    "{bridges} have ties into another coalition; {cut} of them are the only link for a group."
)
PUBLIC_BRIDGES_NO_CUT = N_(
    "{bridges} have ties into another coalition; none of them are the only link for a group."
)
#: A Public coalition's categories: only those with 3 or more members in it, uncounted.
PUBLIC_CATEGORIES = N_("{categories} and other groups")
#: A Public coalition with no category of 3 or more members in it.
PUBLIC_MIXED = N_("Mixed groups, none with 3 or more members")
#: Under the Public coalition table.
PUBLIC_COALITIONS_NOTE = N_(
    "Sizes of 1 or 2 are shown as “<3”. A coalition names only the categories with 3 or "
    "more members in it, without their number, so that no single stakeholder can be "
    "recognised or placed beside another."
)
#: Categories named per Public coalition at most.
MAX_PUBLIC_CATEGORIES = 3
#: Members named per coalition at most.
MAX_MEMBERS = 10


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.set_landscape(False)
    w.heading(_(SECTIONS["coalitions"]))
    facts = plan.facts
    w.para(
        _(
            "Coalitions are groups of stakeholders more tied to each other than to the rest "
            "(community detection, seeded so the result is the same each time). Bridges are "
            "the stakeholders with ties into other coalitions: they are how a message or an "
            "alliance crosses from one group to another."
        )
    )
    groups: dict[int, list[str]] = {}
    for sid in facts.ranked:
        number = facts.number(sid, "community")
        if number is not None:
            groups.setdefault(int(number), []).append(sid)
    if not groups:
        w.para(_("No coalitions yet: the map has no relationships."))
        return
    rows = []
    for number in sorted(groups):
        members = groups[number]
        cats = Counter(facts.category(s) for s in members).most_common(3)
        row = [
            str(number),
            str(len(members)) if plan.per_actor else public_count(len(members)),
            _(", ").join(_("{name} ({count})").format(name=isolate(c), count=n) for c, n in cats)
            if plan.per_actor
            else _public_categories(Counter(facts.category(s) for s in members)),
        ]
        if plan.per_actor:
            named = [isolate(facts.label(s)) for s in members[:MAX_MEMBERS]]
            more = len(members) - MAX_MEMBERS
            if more > 0:
                named.append(
                    ngettext("{count} more", "{count} more", more).format(count=format_number(more))
                )
                row.append(names_list(named))
            else:
                row.append(_(", ").join(named))
        rows.append(row)
    if plan.per_actor:
        w.table(
            [_("Coalition"), _("Size"), _("Main categories"), _("Members")], rows, [1.6, 1, 4, 8]
        )
    else:
        w.table([_("Coalition"), _("Size"), _("Main categories")], rows, [1.6, 1.6, 6])
        w.para(_(PUBLIC_COALITIONS_NOTE))
    reached = _coalitions_reached(plan)
    # A bridge reaches another coalition; a single point of failure that reaches none is
    # a risk (in the risks section), not a bridge.
    cut = set(single_points(facts.metrics)) & set(reached)
    bridges = [sid for sid in facts.ranked if reached.get(sid)]
    # Single points of failure first (they are the weakest links), then by reach.
    bridges.sort(key=lambda sid: (sid not in cut, -len(reached.get(sid, ()))))
    w.heading(_("Bridges between coalitions"), 2)
    if not bridges:
        w.para(_("No stakeholder links two coalitions yet."))
        return
    if not plan.per_actor:
        w.para(
            _(PUBLIC_BRIDGES if cut else PUBLIC_BRIDGES_NO_CUT).format(
                bridges=capital(public_counted(len(bridges), "stakeholder", "stakeholders")),
                cut=public_count(len(cut)),
            )
        )
        return
    shown = [sid for sid in bridges if sid in cut]
    shown += [sid for sid in bridges if sid not in cut][: max(MAX_BROKERS - len(shown), 0)]
    if len(shown) < len(bridges):
        intro = _(
            "Stakeholders with ties into other coalitions, single points of failure first; "
            "the {shown} that reach most of {count}:"
        ).format(shown=format_number(len(shown)), count=format_number(len(bridges)))
    else:
        intro = _("Stakeholders with ties into other coalitions, single points of failure first:")
    w.para(intro)
    rows = [
        [
            facts.label(sid),
            str(int(facts.number(sid, "community") or 0)),
            ", ".join(str(n) for n in reached[sid]),
            _("yes") if sid in cut else _("no"),
        ]
        for sid in shown
    ]
    w.table(
        [
            _("Stakeholder"),
            _("Own coalition"),
            _("Coalitions reached"),
            _("Single point of failure"),
        ],
        rows,
        [7.4, 2.8, 3.2, 3.2],
    )
    for sid in shown:
        reading = facts.readings.get(sid)
        if sid in cut and reading:
            w.para(reading.sentence, bold_lead=f"{isolate(facts.label(sid))}: ")


def _public_categories(cats: Counter[str]) -> str:
    """A coalition's categories as the Public version names them: those with 3 or more
    members, largest first, and "other groups" for the rest; never a count, which would
    tell a category's size in the table of priorities."""
    named = [c for c, n in cats.most_common() if n >= MIN_PUBLIC_COUNT][:MAX_PUBLIC_CATEGORIES]
    if not named:
        return _(PUBLIC_MIXED)
    rest = sum(cats.values()) > sum(cats[c] for c in named)
    listed = _(", ").join(isolate(c) for c in named)
    return _(PUBLIC_CATEGORIES).format(categories=listed) if rest else listed


def _coalitions_reached(plan: PlanContext) -> dict[str, tuple[int, ...]]:
    """For each stakeholder, the other coalitions it has a positive tie into (either
    direction), as the metrics count them."""
    facts = plan.facts
    found: dict[str, set[int]] = {}
    for r in plan.smap.relationships.values():
        if r.valence == "negative":
            continue
        ends = (facts.number(r.source, "community"), facts.number(r.target, "community"))
        if None in ends or ends[0] == ends[1]:
            continue
        found.setdefault(r.source, set()).add(int(ends[1]))
        found.setdefault(r.target, set()).add(int(ends[0]))
    return {sid: tuple(sorted(numbers)) for sid, numbers in found.items()}
