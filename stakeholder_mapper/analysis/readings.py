"""Plain-language readings of the metrics, for a branch manager rather than an analyst.

:func:`stakeholder_readings` gives every stakeholder one role label and one sentence,
taken from the first rule that applies:

1. **Isolated** — no tie in the view.
2. **Only link** — an articulation point: the sentence names what it holds together
   ("Only link between Youth group and Municipal authority actors").
3. A **brokerage role** whose count is well above chance (z ≥ 1.96 and at least
   two acts): Gatekeeper, Representative, Liaison, Coordinator or Itinerant broker;
   for a top broker the sentence adds its share of the most trusted routes.
4. **Broker** — among the top tenth by betweenness (and above zero).
5. **Coalition bridge** — tied into two or more other coalitions.
6. **Influential** — among the top tenth by PageRank.
7. **Peripheral** — a single contact.
8. **Embedded** — everyone else: its contacts can reach each other without it.

:func:`map_findings` lists what matters for the whole map, in this order: top brokers,
single points of failure, powerful actors with low trust or an opposed position,
coalitions with no trusted tie to a decision-maker, and isolated stakeholders and
categories.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..core.model import StakeholderMap
from .resilience import cuts
from .views import AnalysisInputError, GraphView, build_arcs

__all__ = [
    "DECISION_MAKER_CATEGORIES",
    "POWERFUL",
    "Reading",
    "map_findings",
    "stakeholder_readings",
]

#: A z-score at least this high marks a brokerage role as clearly above chance (5 %).
SIGNIFICANT_Z = 1.96
#: A brokerage role needs at least this many acts to be named (one act is an anecdote).
MIN_ACTS = 2
#: Share of the map counted as "top" for betweenness and PageRank.
TOP_SHARE = 0.10
#: A stakeholder of this power or more (on 1–5) is called "powerful" in findings and in the
#: engagement plan; Mendelow's "high power" (3 or more) is a wider band.
POWERFUL = 4
#: Categories whose members take decisions for the city (besides anyone powerful).
DECISION_MAKER_CATEGORIES = frozenset({"municipal", "national"})


@dataclass(frozen=True)
class Reading:
    """A stakeholder's role in a word or two and one sentence explaining it."""

    role: str
    sentence: str


def _names(labels: Sequence[str], limit: int = 3) -> str:
    """'A', 'A and B', 'A, B and C', 'A, B, C and 2 others'."""
    labels = list(labels)
    if len(labels) > limit:
        rest = len(labels) - limit
        labels = [*labels[:limit], f"{rest} other{'s' if rest > 1 else ''}"]
    if len(labels) <= 1:
        return "".join(labels)
    return f"{', '.join(labels[:-1])} and {labels[-1]}"


def _percent(share: float) -> str:
    value = share * 100
    return f"{value:.0f}%" if value >= 1 or value == 0 else "under 1%"


#: One stakeholder's row of the metrics table, column name to value.
Row = Mapping[str, Any]


def _top(values: pd.Series, top: int) -> np.ndarray:
    """Whether each value is among the ``top`` highest: fewer than ``top`` others are higher."""
    return (values.rank(method="min", ascending=False) <= top).to_numpy()


class _Context:
    """What the readings need to know about the map beyond the metrics table."""

    def __init__(self, smap: StakeholderMap, metrics: pd.DataFrame) -> None:
        self.smap = smap
        self.metrics = metrics
        self.view: GraphView = metrics.attrs.get("view") or GraphView()
        self.group_by: str = metrics.attrs.get("group_by", "category")
        self.ids = list(metrics.index)
        arcs = build_arcs(smap, self.view)
        if tuple(self.ids) != arcs.ids:
            raise AnalysisInputError(
                "The metrics are out of date: the map's stakeholders have changed since they "
                "were computed."
            )
        self.label = {sid: smap.stakeholders[sid].label for sid in self.ids}
        positive = ~arcs.negative
        self.arcs = arcs
        self.positive_source = arcs.source[positive]
        self.positive_target = arcs.target[positive]
        self.cuts = cuts(arcs.n, self.positive_source, self.positive_target)
        n = len(self.ids)
        top = max(1, math.ceil(TOP_SHARE * n))
        # A stakeholder is "top" when fewer than `top` others score strictly higher.
        self.top_betweenness = _top(metrics["betweenness"], top)
        self.top_pagerank = _top(metrics["pagerank"], top)
        # Each stakeholder's category as a number, for counting categories of many at once.
        categories = [smap.stakeholders[sid].category for sid in self.ids]
        self.category_ids = list(dict.fromkeys(categories))
        code = {category: number for number, category in enumerate(self.category_ids)}
        self.category_codes = np.array([code[c] for c in categories], dtype=np.int64)
        self.neighbours: list[set[int]] = [set() for _ in range(n)]
        for u, v in zip(arcs.source.tolist(), arcs.target.tolist(), strict=True):
            self.neighbours[u].add(v)
            self.neighbours[v].add(u)

    def group_name(self, value: object) -> str:
        if self.group_by == "category":
            category = self.smap.categories.get(str(value))
            return category.name if category else str(value)
        if value is None:
            return f"unknown {self.group_by.replace('_', ' ')}"
        return f"{self.group_by.replace('_', ' ')} {value}"

    def category_name(self, category_id: str) -> str:
        category = self.smap.categories.get(category_id)
        return category.name if category else category_id

    def categories_of(self, members: Sequence[int]) -> list[str]:
        """Names of the members' categories, the most common first (on a tie, the first met)."""
        codes = self.category_codes[np.asarray(members, dtype=np.int64)]
        present, first, counts = np.unique(codes, return_index=True, return_counts=True)
        order = np.lexsort((first, -counts))
        return [self.category_name(self.category_ids[present[i]]) for i in order]


#: Gould–Fernandez counts brokered pairs (a stakeholder between two others), not ties:
#: the sentences say "pairs" so that a count never reads as a number of relationships.
_ROLE_TEXT = {
    "gatekeeper": (
        "Gatekeeper",
        "Lets outsiders reach {group} actors: it sits between {count} pairs of an outsider "
        "and a member of its own group.",
    ),
    "representative": (
        "Representative",
        "Speaks for {group} actors: it sits between {count} pairs of a member of its own "
        "group and an outsider.",
    ),
    "liaison": (
        "Liaison",
        "Links groups it does not belong to: it sits between {count} pairs of stakeholders "
        "from other groups.",
    ),
    "coordinator": (
        "Coordinator",
        "Holds {group} actors together: it sits between {count} pairs of stakeholders "
        "within its own group.",
    ),
    "itinerant": (
        "Itinerant broker",
        "Links members of another group to each other from outside: it sits between "
        "{count} pairs of them.",
    ),
}


def _only_link(context: _Context, index: int) -> Reading | None:
    """'Only link between Youth group and Municipal authority actors', or with names."""
    parts = context.cuts.parts(index)
    if not parts:
        return None
    # The largest part is "the other side"; on equal sizes, the one that comes later.
    parts = sorted(parts, key=lambda part: (len(part), min(part)))
    largest = parts[-1]
    cut_off = sorted(i for part in parts[:-1] for i in part)
    near, far = context.categories_of(cut_off), context.categories_of(largest)
    if len(near) == 1 and len(far) == 1 and near != far:
        between = f"{near[0]} and {far[0]} actors"
    else:
        if len(cut_off) <= 3:
            near_text = _names([context.label[context.ids[i]] for i in cut_off])
        else:
            near_text = f"{len(cut_off)} {_names(near, limit=2)} actors"
        far_text = "the rest of the network" if len(far) > 2 else f"{_names(far)} actors"
        between = f"{near_text} on one side and {far_text} on the other"
    share = _percent(float(context.cuts.lost_share[index]))
    return Reading(
        "Only link",
        f"Only link between {between}: without it, {share} of the connections between "
        "others are lost.",
    )


def _brokerage_role(context: _Context, row: Row) -> Reading | None:
    best, best_z = None, SIGNIFICANT_Z
    for role in _ROLE_TEXT:
        z = row[f"gf_{role}_z"]
        if row[f"gf_{role}"] >= MIN_ACTS and not math.isnan(z) and z >= best_z:
            best, best_z = role, z
    if best is None:
        return None
    label, text = _ROLE_TEXT[best]
    return Reading(
        label, text.format(group=context.group_name(row["group"]), count=int(row[f"gf_{best}"]))
    )


def _reading(context: _Context, index: int, row: Row) -> Reading:
    contacts = context.neighbours[index]
    if not contacts:
        return Reading("Isolated", "Has no ties in this view of the map: no one reaches it.")
    betweenness = row["betweenness"]
    routes = f"{_percent(betweenness)} of the most trusted routes between other stakeholders"
    top_broker = betweenness > 0 and context.top_betweenness[index]
    found = _only_link(context, index) or _brokerage_role(context, row)
    if found:
        if top_broker and found.role != "Only link":
            sentence = f"{found.sentence[:-1]}; it also lies on {routes}."
            return Reading(found.role, sentence)
        return found
    if top_broker:
        return Reading("Broker", f"Lies on {routes}.")
    if row["communities_bridged"] >= 2:
        return Reading(
            "Coalition bridge",
            f"Ties coalition {int(row['community'])} to {int(row['communities_bridged'])} "
            "other coalitions.",
        )
    if context.top_pagerank[index] and row["in_degree"] > 0:
        return Reading(
            "Influential",
            "Strong ties reach it from well-connected stakeholders: much influence flows to it.",
        )
    if len(contacts) == 1:
        (only,) = contacts
        return Reading(
            "Peripheral",
            f"Connected to the rest of the map only through {context.label[context.ids[only]]}.",
        )
    return Reading(
        "Embedded",
        f"A member of coalition {int(row['community'])} whose {len(contacts)} contacts stay "
        "connected to each other without it.",
    )


def stakeholder_readings(smap: StakeholderMap, metrics: pd.DataFrame) -> dict[str, Reading]:
    """One :class:`Reading` per stakeholder of ``metrics`` (from ``compute_metrics``).

    Raises :class:`AnalysisInputError` if ``metrics`` was computed for other stakeholders.
    """
    context = _Context(smap, metrics)
    rows = metrics.to_dict("records")
    return {
        sid: _reading(context, index, row)
        for index, (sid, row) in enumerate(zip(context.ids, rows, strict=True))
    }


def _is_decision_maker(smap: StakeholderMap, sid: str) -> bool:
    s = smap.stakeholders[sid]
    return s.category in DECISION_MAKER_CATEGORIES or (s.power or 0) >= POWERFUL


def _top_brokers(context: _Context) -> list[str]:
    ranked = context.metrics["betweenness"].sort_values(ascending=False, kind="stable")
    ranked = ranked[ranked > 0].head(3)
    if ranked.empty:
        return []
    parts = [f"{context.label[sid]} on {_percent(value)}" for sid, value in ranked.items()]
    parts[0] = parts[0].replace(" on ", " lies on ", 1) + (
        " of the most trusted routes between other stakeholders"
    )
    return [f"Top brokers: {_names(parts)}."]


def _single_points(context: _Context) -> list[str]:
    loss = pd.Series(context.cuts.lost_share, index=context.ids)
    loss = loss[loss > 0].sort_values(ascending=False, kind="stable").head(3)
    return [
        f"Single point of failure: if {context.label[sid]} stepped back, {_percent(share)} of "
        "the connections between the other stakeholders would be lost."
        for sid, share in loss.items()
    ]


def _isolated(context: _Context) -> list[str]:
    findings = []
    alone = [context.label[sid] for i, sid in enumerate(context.ids) if not context.neighbours[i]]
    if alone:
        count = len(alone)
        findings.append(
            f"{count} stakeholder{' has' if count == 1 else 's have'} no ties in this view: "
            f"{_names(alone)}."
        )
    categories = [context.smap.stakeholders[sid].category for sid in context.ids]
    present = sorted(set(categories), key=categories.index)
    if len(present) < 2:
        return findings
    outward: set[str] = set()
    for u, v in zip(context.arcs.source.tolist(), context.arcs.target.tolist(), strict=True):
        if categories[u] != categories[v]:
            outward.update((categories[u], categories[v]))
    for category in present:
        if category not in outward:
            findings.append(
                f"{context.category_name(category)} actors have no ties to any other category."
            )
    return findings


def _attitude(value: int | None, words: dict[int, str]) -> str | None:
    return words.get(value) if value is not None else None


def _powerful_but_wary(smap: StakeholderMap, ids: Sequence[str]) -> list[str]:
    findings = []
    for sid in ids:
        s = smap.stakeholders[sid]
        if (s.power or 0) < POWERFUL:
            continue
        trust = _attitude(s.trust, {-2: "distrusts us strongly", -1: "distrusts us"})
        position = _attitude(
            s.position, {-2: "strongly opposes our objective", -1: "opposes our objective"}
        )
        concerns = [
            f"{text} ({field} {value:+d})"
            for text, field, value in (
                (trust, "trust", s.trust),
                (position, "position", s.position),
            )
            if text
        ]
        if concerns:
            findings.append(f"{s.label} is powerful (power {s.power} of 5) but {_names(concerns)}.")
    return findings


def _unlinked_coalitions(context: _Context) -> list[str]:
    smap, metrics = context.smap, context.metrics
    deciders = {i for i, sid in enumerate(context.ids) if _is_decision_maker(smap, sid)}
    if not deciders:
        return []
    community = metrics["community"].to_numpy()
    linked: set[int] = set()
    pairs = zip(context.positive_source.tolist(), context.positive_target.tolist(), strict=True)
    for u, v in pairs:
        if (u in deciders) != (v in deciders):
            linked.add(int(community[v if u in deciders else u]))
    findings = []
    for number in sorted(set(community.tolist()) - linked):
        members = np.flatnonzero(community == number).tolist()
        if len(members) < 2 or deciders.intersection(members):
            continue
        names = _names([context.label[context.ids[i]] for i in members])
        findings.append(f"Coalition {number} ({names}) has no trusted tie to a decision-maker.")
    return findings


def map_findings(smap: StakeholderMap, metrics: pd.DataFrame) -> list[str]:
    """Findings about the whole map in plain sentences, most important first.

    Top brokers, single points of failure, powerful actors who distrust us or oppose
    our objective, coalitions with no trusted tie to a decision-maker (a municipal or
    national authority, or anyone of power 4 or 5), and isolated stakeholders and
    categories.
    """
    context = _Context(smap, metrics)
    return [
        *_top_brokers(context),
        *_single_points(context),
        *_powerful_but_wary(smap, context.ids),
        *_unlinked_coalitions(context),
        *_isolated(context),
    ]
