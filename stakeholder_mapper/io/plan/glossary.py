"""The annex's glossary as data: each term, its meaning as whole sentences with named
placeholders, and the export levels that show it (a term is defined only where the
version shows what it names). Ready to hand to a message catalogue. No Qt."""

from __future__ import annotations

from typing import NamedTuple

from .facts import PRIORITY_RULE
from .priorities import HIGH_FROM, POWERFUL

__all__ = ["BRANCH_TERMS", "GLOSSARY", "Term", "glossary_rows"]

ALL = ("full", "partner", "public")
PER_ACTOR = ("full", "partner")


class Term(NamedTuple):
    """One glossary entry: shown at ``levels``; ``meaning`` may name {high_from},
    {powerful} and {priority_rule}."""

    term: str
    meaning: str
    levels: tuple[str, ...] = ALL


#: The glossary in the order the annex prints it.
GLOSSARY: tuple[Term, ...] = (
    Term(
        "Mendelow quadrant",
        "Power and interest each high ({high_from} or more) or low: manage closely (both "
        "high), keep satisfied (power only), keep informed (interest only), monitor (neither).",
    ),
    Term(
        "Powerful",
        "Power {powerful} or more of 5. The findings and the risks call such stakeholders "
        "powerful; Mendelow's high power is the wider band of {high_from} or more.",
    ),
    Term("Priority order", "{priority_rule}", PER_ACTOR),
    Term(
        "AIIM strategy",
        "After the Alignment, Interest and Influence Matrix (Mendizabal, ODI RAPID, 2010): "
        "alignment is the position toward our objective (+1 or +2 aligned, 0 neutral, −1 or "
        "−2 opposed), interest is high or low as above, and influence is power. Neutral "
        "stakeholders are consulted, never challenged; only opposed ones are. The strategies "
        "are listed below.",
        ("full",),
    ),
    Term(
        "Our branch",
        "The stakeholder named as our branch in the map's details (never guessed). It "
        "carries out the plan: it is listed last in the priority table for reference but "
        "gets no sheet, action or risk as a target.",
        PER_ACTOR,
    ),
    Term(
        "Our branch",
        "The stakeholder named as our branch in the map's details (never guessed). It "
        "carries out the plan: it is left out of the counts of stakeholders to engage.",
        ("public",),
    ),
    Term(
        "Betweenness",
        "Share of the most trusted routes between two other stakeholders that pass through "
        "this one (weighted, normalised 0–1).",
    ),
    Term(
        "Brokerage (Gould–Fernandez)",
        "The number of pairs of other stakeholders the stakeholder sits between on directed "
        "ties, by the categories involved: coordinator, itinerant, gatekeeper, "
        "representative, liaison; compared with the count expected by chance.",
    ),
    Term(
        "Constraint / effective size",
        "Burt's structural holes: low constraint and a large effective size mean contacts "
        "that are not tied to each other.",
    ),
    Term(
        "Coalition",
        "Community detection on the relationships, seeded so the grouping is reproducible.",
    ),
    Term(
        "Single point of failure",
        "A stakeholder whose departure splits the network; the share of links lost is its "
        "reachability loss.",
    ),
    Term(
        "Most trusted route",
        "The route from our branch with the smallest total distance, never through a "
        "stakeholder who opposes or distrusts us; the first stakeholder after our branch is "
        "the suggested messenger, or the first contact when the route has more steps. A "
        "messenger recorded on the map is named first and marked as recorded.",
        ("full",),
    ),
    Term(
        "Most trusted route",
        "The route from our branch with the smallest total distance, never through a "
        "stakeholder who opposes or distrusts us; the first stakeholder after our branch is "
        "the suggested messenger, or the first contact when the route has more steps.",
        ("partner",),
    ),
)


#: Terms that name what only a plan with a branch shows (routes start there).
BRANCH_TERMS = ("Our branch", "Most trusted route")


def glossary_rows(level: str, branch: bool = True) -> list[tuple[str, str]]:
    """The glossary's (term, meaning) rows that the ``level`` version shows, placeholders
    filled in; without a ``branch`` the terms of :data:`BRANCH_TERMS` are left out."""
    values = {"high_from": HIGH_FROM, "powerful": POWERFUL, "priority_rule": PRIORITY_RULE}
    return [
        (t.term, t.meaning.format(**values))
        for t in GLOSSARY
        if level in t.levels and (branch or t.term not in BRANCH_TERMS)
    ]
