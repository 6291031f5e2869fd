"""Brokers and connectors: who sits on the most trusted routes between others."""

from __future__ import annotations

from ....analysis.readings import BROKER_Z, MIN_ACTS, SIGNIFICANT_Z, brokers
from ....core.i18n import N_, _, format_number, ngettext
from ....core.wording import counted
from ..context import PlanContext
from ..options import SECTIONS
from ..restricted import public_counted
from ..wording import capital, share_text
from ..writer import LANDSCAPE_FROM_ROWS, PlanWriter

__all__ = ["write"]

#: The broker table's column of Gould–Fernandez pairs, over all five roles.
PAIRS_HEADER = N_("Pairs brokered, all roles")
#: Said before the broker table: why its pairs exceed those of the reading beside them.
PAIRS_NOTE = N_(
    "Pairs brokered counts every pair of others a stakeholder sits between, in all five "
    "Gould–Fernandez roles; the reading names its clearest role and that role's pairs only."
)
#: Brokers listed in the brokerage table at most.
MAX_BROKERS = 15
#: What brokers are.
INTRO = N_(
    "Brokers sit on the most trusted routes between others and connect groups that are not "
    "otherwise tied. Betweenness is the share of most-trusted routes between two others "
    "that pass through the stakeholder; brokerage counts the Gould–Fernandez roles it "
    "plays between categories."
)
#: Who counts as a broker (the rule of :func:`~stakeholder_mapper.analysis.readings.brokers`).
BROKER_RULE = N_(
    "A stakeholder counts as a broker when its betweenness is at least {z:g} standard "
    "deviation above the map's mean, or when it plays a Gould–Fernandez role well above "
    "chance (z-score {significant:g} or more, at least {acts} brokered pairs); stakeholders "
    "whose contacts reach each other without them never count."
)
#: When no stakeholder counts as a broker.
NO_BROKERS = N_(
    "No stakeholder counts as a broker yet: no one stands out on the routes between others."
)


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    facts = plan.facts
    scored = brokers(facts.metrics, facts.readings)
    # The table is wide; a short one (or a sentence) stays on portrait pages.
    w.set_landscape(plan.per_actor and len(scored) >= LANDSCAPE_FROM_ROWS)
    w.heading(_(SECTIONS["brokerage"]))
    w.para(_(INTRO))
    w.para(_(BROKER_RULE).format(z=BROKER_Z, significant=SIGNIFICANT_Z, acts=MIN_ACTS))
    if not scored:
        w.para(_(NO_BROKERS))
        return
    if not plan.per_actor:
        strongest = max(facts.number(s, "betweenness") or 0 for s in scored)
        w.para(
            _(
                "{stakeholders} broker between others; the strongest lies on {share} of the "
                "most trusted routes between two others."
            ).format(
                stakeholders=capital(public_counted(len(scored), "stakeholder", "stakeholders")),
                share=share_text(strongest),
            )
        )
        return
    shown = min(len(scored), MAX_BROKERS)
    ours = plan.facts.branch in scored
    if len(scored) > MAX_BROKERS:
        intro = (
            ngettext(
                "The {shown} strongest, by betweenness, of the {count} stakeholder that broker "
                "between others (our branch included):",
                "The {shown} strongest, by betweenness, of the {count} stakeholders that broker "
                "between others (our branch included):",
                len(scored),
            )
            if ours
            else ngettext(
                "The {shown} strongest, by betweenness, of the {count} stakeholder that broker "
                "between others:",
                "The {shown} strongest, by betweenness, of the {count} stakeholders that broker "
                "between others:",
                len(scored),
            )
        ).format(shown=shown, count=format_number(len(scored)))
    else:
        brokers_counted = counted(len(scored), "broker", "brokers")
        intro = (
            _("{brokers} (our branch included), by betweenness:")
            if ours
            else _("{brokers}, by betweenness:")
        ).format(brokers=brokers_counted)
    w.para(intro)
    rows = []
    for sid in scored[:MAX_BROKERS]:
        reading = facts.readings.get(sid)
        rows.append(
            [
                facts.label(sid),
                facts.category(sid),
                _(reading.role) if reading else "",
                format_number(facts.number(sid, "betweenness") or 0, 3),
                format_number(facts.number(sid, "gf_total") or 0, 0),
                reading.sentence if reading else "",
            ]
        )
    w.para(_(PAIRS_NOTE))
    w.table(
        [
            _("Stakeholder"),
            _("Category"),
            _("Role"),
            _("Betweenness"),
            _(PAIRS_HEADER),
            _("Reading"),
        ],
        rows,
        [4.5, 3, 2.6, 2.4, 2.1, 9],
    )
