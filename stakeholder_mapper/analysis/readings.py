"""Plain-language readings of the metrics, for a branch manager rather than an analyst.

:func:`stakeholder_readings` gives every stakeholder one role label and one sentence,
taken from the first rule that applies:

1. **Isolated** — no tie in the view.
2. **Only link** — an articulation point: the sentence names what it holds together
   ("Only link between Youth group and Municipal authority actors").
3. A **brokerage role** whose count is well above chance (z ≥ 1.96 and at least
   two acts): Gatekeeper, Representative, Liaison, Coordinator or Itinerant broker;
   for a top broker the sentence adds its share of the most trusted routes.
4. **Broker** — betweenness at least :data:`BROKER_Z` standard deviations above the
   map's mean (and above zero).
5. **Coalition bridge** — tied into two or more other coalitions.
6. **Influential** — among the top tenth by PageRank.
7. **Peripheral** — a single contact.
8. **Embedded** — everyone else: its contacts can reach each other without it.

:func:`ranked_findings` lists what matters for the whole map, most important first
(:data:`FINDING_WEIGHTS`): top brokers, powerful actors with low trust or an opposed
position, single points of failure that cut off at least :data:`SINGLE_POINT_SHARE` of
the connections, coalitions with no trusted tie to a decision-maker, and isolated
stakeholders and categories. :func:`summary_findings` keeps the first few of each kind,
at most :data:`SUMMARY_FINDINGS`, for a summary; the rest belong in an annex.
:func:`brokers` and :func:`single_points` are the stakeholders that count as such.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..core.i18n import N_, _, format_list, format_number, isolate, ngettext
from ..core.model import StakeholderMap
from .resilience import cuts
from .views import AnalysisInputError, GraphView, build_arcs

__all__ = [
    "BROKER_ROLES",
    "BROKER_Z",
    "DECISION_MAKER_CATEGORIES",
    "FINDING_WEIGHTS",
    "MIN_ACTS",
    "POWERFUL",
    "SIGNIFICANT_Z",
    "SINGLE_POINT_SHARE",
    "SUMMARY_FINDINGS",
    "Finding",
    "Reading",
    "brokers",
    "map_findings",
    "ranked_findings",
    "single_points",
    "stakeholder_readings",
    "summary_findings",
]

#: A z-score at least this high marks a brokerage role as clearly above chance (5 %).
SIGNIFICANT_Z = 1.96
#: A brokerage role needs at least this many acts to be named (one act is an anecdote).
MIN_ACTS = 2
#: Share of the map counted as "top" for PageRank.
TOP_SHARE = 0.10
#: A stakeholder is a broker when its betweenness is at least this many standard
#: deviations above the map's mean (and above zero), or when it plays a Gould–Fernandez
#: role well above chance (:data:`SIGNIFICANT_Z`, :data:`MIN_ACTS`).
BROKER_Z = 1.0
#: A single point of failure is reported only when, without it, at least this share of
#: the connections between the other stakeholders is lost.
SINGLE_POINT_SHARE = 0.05
#: Findings a summary shows at most; the rest belong in an annex.
SUMMARY_FINDINGS = 8
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


def _rest(listed: str, count: int) -> str:
    """How a list cut short names the rest, by what is listed ("names", "categories")."""
    if listed == "categories":
        text = ngettext("{count} other category", "{count} other categories", count)
    else:
        text = ngettext("{count} other", "{count} others", count)
    return text.format(count=count)


def _names(labels: Sequence[str], limit: int = 3, rest: str = "names") -> str:
    """'A', 'A and B', 'A, B and C', 'A, B, C and 2 others' in the language of the moment
    (``rest`` names what is listed: "names" or "categories")."""
    labels = list(labels)
    if len(labels) > limit:
        labels = [*labels[:limit], _rest(rest, len(labels) - limit)]
    return format_list(labels)


def _percent(share: float) -> str:
    """'14%' as the language writes a share ('14 %' in French), or 'under 1%'."""
    value = share * 100
    if value >= 1 or value == 0:
        return _("{percent}%").format(percent=format_number(round(value)))
    return _("under 1%")


#: One stakeholder's row of the metrics table, column name to value.
Row = Mapping[str, Any]


def _high_betweenness(values: pd.Series) -> np.ndarray:
    """Whether each betweenness is above zero and at least :data:`BROKER_Z` standard
    deviations (of the whole map, population) above the mean."""
    numbers = values.fillna(0).to_numpy(dtype=float)
    if len(numbers) == 0:
        return np.zeros(0, dtype=bool)
    spread = numbers.std()
    if spread == 0:
        return np.zeros(len(numbers), dtype=bool)
    return (numbers > 0) & ((numbers - numbers.mean()) / spread >= BROKER_Z)


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
        self.top_pagerank = _top(metrics["pagerank"], top)
        self.high_betweenness = _high_betweenness(metrics["betweenness"])
        # Each stakeholder's category as a number, for counting categories of many at once.
        categories = [smap.stakeholders[sid].category for sid in self.ids]
        self.category_ids = list(dict.fromkeys(categories))
        code = {category: number for number, category in enumerate(self.category_ids)}
        self.category_codes = np.array([code[c] for c in categories], dtype=np.int64)
        self.neighbours: list[set[int]] = [set() for _n in range(n)]
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


#: Gould–Fernandez role -> its reading role, in English: the role is a key (see
#: :data:`BROKER_ROLES`), translated where shown (``_(reading.role)``).
_ROLE_LABEL = {
    "gatekeeper": N_("Gatekeeper"),
    "representative": N_("Representative"),
    "liaison": N_("Liaison"),
    "coordinator": N_("Coordinator"),
    "itinerant": N_("Itinerant broker"),
}


def _role_sentence(role: str, group: str, count: int) -> str:
    """What a Gould–Fernandez role means for one stakeholder, in the language of the
    moment. The sentences count brokered pairs (a stakeholder between two others), not
    ties, so that a count never reads as a number of relationships."""
    if role == "gatekeeper":
        text = ngettext(
            "Lets outsiders reach {group} actors: it sits between {count} pair of an outsider "
            "and a member of its own group.",
            "Lets outsiders reach {group} actors: it sits between {count} pairs of an outsider "
            "and a member of its own group.",
            count,
        )
    elif role == "representative":
        text = ngettext(
            "Carries ties from {group} actors out to others: it sits between {count} pair of a "
            "member of its own group and an outsider.",
            "Carries ties from {group} actors out to others: it sits between {count} pairs of a "
            "member of its own group and an outsider.",
            count,
        )
    elif role == "liaison":
        text = ngettext(
            "Links groups it does not belong to: it sits between {count} pair of stakeholders "
            "from other groups.",
            "Links groups it does not belong to: it sits between {count} pairs of stakeholders "
            "from other groups.",
            count,
        )
    elif role == "coordinator":
        text = ngettext(
            "Holds {group} actors together: it sits between {count} pair of stakeholders "
            "within its own group.",
            "Holds {group} actors together: it sits between {count} pairs of stakeholders "
            "within its own group.",
            count,
        )
    else:
        text = ngettext(
            "Links members of another group to each other from outside: it sits between "
            "{count} pair of them.",
            "Links members of another group to each other from outside: it sits between "
            "{count} pairs of them.",
            count,
        )
    return text.format(group=isolate(group), count=format_number(count))


#: The reading roles of the Gould–Fernandez brokerage roles.
GOULD_FERNANDEZ_ROLES = frozenset(_ROLE_LABEL.values())
#: Reading roles a broker may have: an only link, a brokerage role, or a broker by
#: betweenness ("Embedded", "Peripheral" and the like never count).
BROKER_ROLES = GOULD_FERNANDEZ_ROLES | {N_("Only link"), N_("Broker")}


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
    share = _percent(float(context.cuts.lost_share[index]))
    if len(near) == 1 and len(far) == 1 and near != far:
        text = _(
            "Only link between {near} and {far} actors: without it, {share} of the connections "
            "between others are lost."
        )
        return Reading(
            "Only link", text.format(near=isolate(near[0]), far=isolate(far[0]), share=share)
        )
    if len(cut_off) <= 3:
        near_text = _names([isolate(context.label[context.ids[i]]) for i in cut_off])
    else:
        near_text = ngettext(
            "{count} stakeholder ({categories})",
            "{count} stakeholders ({categories})",
            len(cut_off),
        ).format(
            count=format_number(len(cut_off)),
            categories=_names([isolate(c) for c in near], limit=2, rest="categories"),
        )
    if len(far) > 2:
        text = _(
            "Only link between {near} on one side and the rest of the network on the other: "
            "without it, {share} of the connections between others are lost."
        )
    else:
        text = _(
            "Only link between {near} on one side and {far} actors on the other: without it, "
            "{share} of the connections between others are lost."
        )
    far_text = _names([isolate(c) for c in far])
    return Reading("Only link", text.format(near=near_text, far=far_text, share=share))


def _brokerage_role(context: _Context, row: Row) -> Reading | None:
    best, best_z = None, SIGNIFICANT_Z
    for role in _ROLE_LABEL:
        z = row[f"gf_{role}_z"]
        if row[f"gf_{role}"] >= MIN_ACTS and not math.isnan(z) and z >= best_z:
            best, best_z = role, z
    if best is None:
        return None
    count = int(row[f"gf_{best}"])
    return Reading(_ROLE_LABEL[best], _role_sentence(best, context.group_name(row["group"]), count))


def _reading(context: _Context, index: int, row: Row) -> Reading:
    contacts = context.neighbours[index]
    if not contacts:
        return Reading(N_("Isolated"), _("Has no ties in this view of the map: no one reaches it."))
    share = _percent(row["betweenness"])
    top_broker = bool(context.high_betweenness[index])
    found = _only_link(context, index) or _brokerage_role(context, row)
    if found:
        if top_broker and found.role != "Only link":
            sentence = _(
                "{reading}; it also lies on {share} of the most trusted routes between other "
                "stakeholders."
            ).format(reading=found.sentence[:-1], share=share)
            return Reading(found.role, sentence)
        return found
    if top_broker:
        return Reading(
            N_("Broker"),
            _("Lies on {share} of the most trusted routes between other stakeholders.").format(
                share=share
            ),
        )
    if row["communities_bridged"] >= 2:
        bridged = int(row["communities_bridged"])
        return Reading(
            N_("Coalition bridge"),
            ngettext(
                "Ties coalition {number} to {count} other coalition.",
                "Ties coalition {number} to {count} other coalitions.",
                bridged,
            ).format(number=int(row["community"]), count=format_number(bridged)),
        )
    if context.top_pagerank[index] and row["in_degree"] > 0:
        return Reading(
            N_("Influential"),
            _("Strong ties reach it from well-connected stakeholders: much influence flows to it."),
        )
    if len(contacts) == 1:
        (only,) = contacts
        return Reading(
            N_("Peripheral"),
            _("Connected to the rest of the map only through {name}.").format(
                name=isolate(context.label[context.ids[only]])
            ),
        )
    return Reading(
        N_("Embedded"),
        ngettext(
            "A member of coalition {number} whose {count} contact stays connected to each other "
            "without it.",
            "A member of coalition {number} whose {count} contacts stay connected to each other "
            "without it.",
            len(contacts),
        ).format(number=int(row["community"]), count=format_number(len(contacts))),
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


@dataclass(frozen=True)
class Finding:
    """One finding about the whole map: its kind, its weight (higher is more important,
    see :data:`FINDING_WEIGHTS`) and its sentence."""

    kind: str
    weight: int
    sentence: str


#: Each kind of finding: its base weight and how many of that kind a summary shows at
#: most. Within a kind the weight grows with what is at stake (power and distrust, the
#: share of connections lost, a coalition's size).
FINDING_WEIGHTS: dict[str, tuple[int, int]] = {
    "brokers": (100, 1),
    "powerful": (60, 3),
    "single point": (40, 2),
    "unlinked coalition": (55, 2),
    "isolated": (30, 1),
    "closed category": (25, 1),
}


def _finding(kind: str, sentence: str, extra: int = 0) -> Finding:
    return Finding(kind, FINDING_WEIGHTS[kind][0] + extra, sentence)


def _top_brokers(context: _Context) -> list[Finding]:
    betweenness = context.metrics["betweenness"]
    ranked = betweenness[context.high_betweenness].sort_values(ascending=False, kind="stable")
    ranked = ranked.head(3)
    if ranked.empty:
        return []
    first, *others = [
        (isolate(context.label[sid]), _percent(value)) for sid, value in ranked.items()
    ]
    parts = [
        _("{name} lies on {share} of the most trusted routes between other stakeholders").format(
            name=first[0], share=first[1]
        ),
        *(_("{name} on {share}").format(name=name, share=share) for name, share in others),
    ]
    return [_finding("brokers", _("Top brokers: {brokers}.").format(brokers=_names(parts)))]


def _single_points(context: _Context) -> list[Finding]:
    loss = pd.Series(context.cuts.lost_share, index=context.ids)
    loss = loss[loss >= SINGLE_POINT_SHARE].sort_values(ascending=False, kind="stable")
    return [
        _finding(
            "single point",
            _(
                "Single point of failure: if {name} stepped back, {share} of the connections "
                "between the other stakeholders would be lost."
            ).format(name=isolate(context.label[sid]), share=_percent(share)),
            round(100 * share),
        )
        for sid, share in loss.items()
    ]


def _isolated(context: _Context) -> list[Finding]:
    findings = []
    alone = [context.label[sid] for i, sid in enumerate(context.ids) if not context.neighbours[i]]
    if alone:
        count = len(alone)
        findings.append(
            _finding(
                "isolated",
                ngettext(
                    "{count} stakeholder has no ties in this view: {names}.",
                    "{count} stakeholders have no ties in this view: {names}.",
                    count,
                ).format(count=format_number(count), names=_names([isolate(a) for a in alone])),
            )
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
                _finding(
                    "closed category",
                    _("{category} actors have no ties to any other category.").format(
                        category=isolate(context.category_name(category))
                    ),
                )
            )
    return findings


def _powerful_but_wary(smap: StakeholderMap, ids: Sequence[str]) -> list[Finding]:
    trust_words = {
        -2: _("distrusts us strongly (trust {score})"),
        -1: _("distrusts us (trust {score})"),
    }
    position_words = {
        -2: _("strongly opposes our objective (position {score})"),
        -1: _("opposes our objective (position {score})"),
    }
    findings = []
    for sid in ids:
        s = smap.stakeholders[sid]
        if (s.power or 0) < POWERFUL:
            continue
        concerns = [
            text.format(score=f"{value:+d}")
            for text, value in (
                (trust_words.get(s.trust), s.trust),
                (position_words.get(s.position), s.position),
            )
            if text and value is not None
        ]
        if concerns:
            worst = -min(v for v in (s.trust, s.position) if v is not None)
            findings.append(
                _finding(
                    "powerful",
                    _("{name} is powerful (power {power} of 5) but {concerns}.").format(
                        name=isolate(s.label), power=s.power, concerns=_names(concerns)
                    ),
                    5 * (s.power or 0) + 5 * worst,
                )
            )
    return findings


def _unlinked_coalitions(context: _Context) -> list[Finding]:
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
        names = _names([isolate(context.label[context.ids[i]]) for i in members])
        findings.append(
            _finding(
                "unlinked coalition",
                _("Coalition {number} ({names}) has no trusted tie to a decision-maker.").format(
                    number=number, names=names
                ),
                min(len(members), 10),
            )
        )
    return findings


def ranked_findings(smap: StakeholderMap, metrics: pd.DataFrame) -> list[Finding]:
    """Findings about the whole map, most important first (by weight; on a tie, in the
    order of :data:`FINDING_WEIGHTS`, then as found).

    Top brokers, powerful actors who distrust us or oppose our objective, single points
    of failure that cut off at least :data:`SINGLE_POINT_SHARE` of the connections,
    coalitions with no trusted tie to a decision-maker (a municipal or national
    authority, or anyone of power 4 or 5), and isolated stakeholders and categories.
    """
    context = _Context(smap, metrics)
    found = [
        *_top_brokers(context),
        *_powerful_but_wary(smap, context.ids),
        *_single_points(context),
        *_unlinked_coalitions(context),
        *_isolated(context),
    ]
    return sorted(found, key=lambda f: -f.weight)


def summary_findings(
    findings: Sequence[Finding], most: int = SUMMARY_FINDINGS
) -> tuple[list[Finding], list[Finding]]:
    """``findings`` (ranked) split into what a summary shows, at most ``most`` and at most
    the :data:`FINDING_WEIGHTS` share of each kind, and the rest, for an annex."""
    shown: list[Finding] = []
    per_kind: dict[str, int] = {}
    rest: list[Finding] = []
    for finding in findings:
        cap = FINDING_WEIGHTS[finding.kind][1]
        if len(shown) < most and per_kind.get(finding.kind, 0) < cap:
            shown.append(finding)
            per_kind[finding.kind] = per_kind.get(finding.kind, 0) + 1
        else:
            rest.append(finding)
    return shown, rest


def map_findings(smap: StakeholderMap, metrics: pd.DataFrame) -> list[str]:
    """The sentences of :func:`ranked_findings`, most important first."""
    return [f.sentence for f in ranked_findings(smap, metrics)]


def brokers(metrics: pd.DataFrame, readings: Mapping[str, Reading]) -> list[str]:
    """The stakeholders that count as brokers, by betweenness (highest first).

    A broker's betweenness is above zero and at least :data:`BROKER_Z` standard
    deviations above the map's mean, or it plays a Gould–Fernandez role well above
    chance (z ≥ :data:`SIGNIFICANT_Z`, at least :data:`MIN_ACTS` acts); a stakeholder
    whose reading is not a broker's (:data:`BROKER_ROLES`) never counts.
    """
    if metrics.empty:
        return []
    high = _high_betweenness(metrics["betweenness"])
    found = [
        sid
        for index, sid in enumerate(metrics.index)
        if sid in readings
        and readings[sid].role in BROKER_ROLES
        and (high[index] or readings[sid].role in GOULD_FERNANDEZ_ROLES)
    ]
    order = metrics["betweenness"].fillna(0)
    return sorted(found, key=lambda sid: -order[sid])


def single_points(metrics: pd.DataFrame) -> list[str]:
    """The single points of failure worth reporting, the most damaging first: articulation
    points whose departure loses at least :data:`SINGLE_POINT_SHARE` of the connections
    between the other stakeholders."""
    if metrics.empty or "reachability_loss" not in metrics.columns:
        return []
    loss = metrics["reachability_loss"].fillna(0)
    cut = metrics["articulation_point"].fillna(False).astype(bool)
    kept = loss[cut & (loss >= SINGLE_POINT_SHARE)]
    return list(kept.sort_values(ascending=False, kind="stable").index)
