"""The annex's glossary as data: each term, its meaning as whole sentences with named
placeholders, and the export levels that show it (a term is defined only where the
version shows what it names). Ready to hand to a message catalogue. No Qt."""

from __future__ import annotations

from typing import NamedTuple

from ...analysis.readings import (
    BROKER_Z,
    MIN_ACTS,
    SIGNIFICANT_Z,
    SINGLE_POINT_SHARE,
    SUMMARY_FINDINGS,
)
from ...analysis.routes import (
    ASSUMED_TIE_COST,
    NO_FOCAL_POINT_COST,
    POSITION_COST,
    TRUST_COST,
)
from ...core.i18n import N_, _
from .facts import PRIORITY_RULE, SHARED_PRIORITY_RULE
from .priorities import FIRST_PRIORITY_RULE, HIGH_FROM, POWERFUL

__all__ = ["BRANCH_TERMS", "GLOSSARY", "Term", "glossary_rows"]

ALL = ("full", "partner", "public")
PER_ACTOR = ("full", "partner")


class Term(NamedTuple):
    """One glossary entry: shown at ``levels``; ``meaning`` may name the placeholders
    :func:`glossary_rows` fills in (thresholds and costs, the priority rules)."""

    term: str
    meaning: str
    levels: tuple[str, ...] = ALL


#: The glossary in the order the annex prints it.
GLOSSARY: tuple[Term, ...] = (
    Term(
        N_("Mendelow quadrant"),
        N_(
            "Power and interest each high ({high_from} or more) or low: manage closely (both "
            "high), keep satisfied (power only), keep informed (interest only), monitor (neither)."
        ),
    ),
    Term(
        N_("Powerful"),
        N_(
            "Power {powerful} or more of 5. The findings and the risks call such stakeholders "
            "powerful; Mendelow's high power is the wider band of {high_from} or more."
        ),
    ),
    Term(N_("Priority order"), "{priority_rule}", ("full",)),
    Term(N_("Priority order"), "{shared_priority_rule}", ("partner",)),
    Term(N_("First priorities"), "{first_priority_rule}", PER_ACTOR),
    Term(
        N_("AIIM strategy"),
        N_(
            "After the Alignment, Interest and Influence Matrix (Mendizabal, ODI RAPID, 2010): "
            "alignment is the position toward our objective (+1 or +2 aligned, 0 neutral, −1 or "
            "−2 opposed), interest is high or low as above, and influence is power. Neutral "
            "stakeholders are consulted, never challenged; only opposed ones are. The strategies "
            "are listed below."
        ),
        ("full",),
    ),
    Term(
        N_("Our branch"),
        N_(
            "The stakeholder named as our branch in the map's details (never guessed). It "
            "carries out the plan: it is listed last in the priority table for reference but "
            "gets no sheet, action or risk as a target."
        ),
        PER_ACTOR,
    ),
    Term(
        N_("Our branch"),
        N_(
            "The stakeholder named as our branch in the map's details (never guessed). It "
            "carries out the plan: it is left out of the counts of stakeholders to engage."
        ),
        ("public",),
    ),
    Term(
        N_("Betweenness"),
        N_(
            "Share of the most trusted routes between two other stakeholders that pass through "
            "this one (weighted, normalised 0–1)."
        ),
        PER_ACTOR,
    ),
    Term(
        N_("Betweenness"),
        N_(
            "Share of the routes along the strongest ties between two other stakeholders that "
            "pass through this one (weighted, normalised 0–1)."
        ),
        ("public",),
    ),
    Term(
        N_("Brokerage (Gould–Fernandez)"),
        N_(
            "The number of pairs of other stakeholders the stakeholder sits between on directed "
            "ties, by the categories involved: coordinator, itinerant, gatekeeper, "
            "representative, liaison; compared with the count expected by chance."
        ),
    ),
    Term(
        N_("Constraint / effective size"),
        N_(
            "Burt's structural holes: low constraint and a large effective size mean contacts "
            "that are not tied to each other."
        ),
    ),
    Term(
        N_("Coalition"),
        N_("Community detection on the relationships, seeded so the grouping is reproducible."),
    ),
    Term(
        N_("Single point of failure"),
        N_(
            "A stakeholder whose departure splits the network; the share of the connections "
            "between the others lost is its reachability loss. Only those whose loss is "
            "{single_point} or more are reported."
        ),
    ),
    Term(
        N_("Broker"),
        N_(
            "A stakeholder whose betweenness is at least {broker_z} standard deviation above the "
            "map's mean, or who plays a Gould–Fernandez role well above chance (z-score "
            "{significant} or more, at least {acts} brokered pairs). Stakeholders whose contacts "
            "reach each other without them are never brokers."
        ),
    ),
    Term(
        N_("Key findings"),
        N_(
            "Ranked by weight: top brokers first, then powerful stakeholders who distrust us or "
            "oppose our objective (the more powerful and the stronger the distrust, the higher), "
            "single points of failure (by the share lost) and coalitions with no trusted tie to "
            "a decision-maker. The summary keeps at most {summary} (three of powerful opponents, "
            "two single points of failure, one of each other kind); the rest are in the annex."
        ),
        PER_ACTOR,
    ),
    Term(
        N_("Most trusted route"),
        N_(
            "The route from our branch of lowest cost: the distance of its ties, plus what each "
            "go-between's standing takes away: trust in us (unknown {trust_unknown}, neutral "
            "{trust_neutral}), position on our objective (unknown {position_unknown}, neutral "
            "{position_neutral}), no focal point ({no_focal_point}) and each assumed tie "
            "({assumed}). It never passes through a stakeholder who opposes, distrusts or "
            "threatened us, nor between two stakeholders at odds. The first stakeholder after our "
            "branch is the suggested messenger, or the first contact when the route has more "
            "steps. A messenger recorded on the map is named first and marked as recorded."
        ),
        ("full",),
    ),
    Term(
        N_("Messenger"),
        N_(
            "Who carries our message to a stakeholder. This version names one only where the "
            "branch recorded it on the map and marked it for partners; for everyone else the "
            "first contact is to be agreed with the branch."
        ),
        ("partner",),
    ),
    Term(
        N_("Route confidence"),
        N_(
            "High when nothing below weakens the route; low when a go-between's trust in us is "
            "unknown, no one of ours looks after a go-between, a tie is assumed or weak "
            "(strength 2 or less) or the route needs three introductions or more; medium when a "
            "go-between is neutral or its position unknown, or the route needs two "
            "introductions."
        ),
        ("full",),
    ),
)


#: Terms that name what only a plan with a branch shows (routes start there).
BRANCH_TERMS = ("Our branch", "Most trusted route")


def glossary_rows(level: str, branch: bool = True) -> list[tuple[str, str]]:
    """The glossary's (term, meaning) rows that the ``level`` version shows, in the plan's
    language, placeholders filled in; without a ``branch`` the terms of
    :data:`BRANCH_TERMS` are left out."""
    values = {
        "single_point": f"{SINGLE_POINT_SHARE:.0%}",
        "broker_z": f"{BROKER_Z:g}",
        "significant": f"{SIGNIFICANT_Z:g}",
        "acts": MIN_ACTS,
        "summary": SUMMARY_FINDINGS,
        "trust_unknown": TRUST_COST[None],
        "trust_neutral": TRUST_COST[0],
        "position_unknown": POSITION_COST[None],
        "position_neutral": POSITION_COST[0],
        "no_focal_point": NO_FOCAL_POINT_COST,
        "assumed": ASSUMED_TIE_COST,
        "high_from": HIGH_FROM,
        "powerful": POWERFUL,
        "priority_rule": _(PRIORITY_RULE),
        "shared_priority_rule": _(SHARED_PRIORITY_RULE),
        "first_priority_rule": _(FIRST_PRIORITY_RULE),
    }
    return [
        (_(t.term), _(t.meaning).format(**values))
        for t in GLOSSARY
        if level in t.levels and (branch or t.term not in BRANCH_TERMS)
    ]
