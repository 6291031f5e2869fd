"""Most trusted routes: who can introduce us to a decision-maker, and how sure we can be.

A route runs along ties in their direction (an undirected tie works both ways) and
never visits a stakeholder twice. Negative ties (conflict, distrust) never carry a
route, whatever the view says, and two stakeholders with a negative tie between them,
in either direction, never pass a message to each other: a target that distrusts a
go-between will not take our message from it. A go-between who opposes our objective,
distrusts us or threatened us (:func:`~stakeholder_mapper.analysis.attitude.poor_go_between`)
may end a route but never carries one further.

Routes are ranked by their **cost**: the total distance of their ties (60 / strength:
12 for the strongest ties, 60 for the weakest), plus what each go-between's standing
takes away:

* with us: its trust in us (:data:`TRUST_COST`), its position toward our objective
  (:data:`POSITION_COST`) and whether one of our staff looks after the relationship
  (:data:`NO_FOCAL_POINT_COST`); unknown counts against, more than neutral;
* with the next stakeholder: the tie's strength (in its distance) and whether the tie
  is confirmed or only assumed (:data:`ASSUMED_TIE_COST`).

All are whole numbers, so equally good routes tie exactly. The route's
:func:`confidence` (high, medium or low) says in words what weakens it.

Routes come from Yen's algorithm as implemented by networkx's
``shortest_simple_paths`` (Yen 1971, "Finding the k shortest loopless paths in a
network").

Example::

    >>> from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
    >>> smap = StakeholderMap()
    >>> for sid in ("branch", "imam", "mayor"):
    ...     smap.stakeholders[sid] = Stakeholder(sid, sid.title(), "community")
    >>> smap.relationships["r1"] = Relationship("r1", "branch", "imam", strength=5)
    >>> smap.relationships["r2"] = Relationship("r2", "imam", "mayor", strength=4)
    >>> trusted_routes(smap, "branch", "mayor")
    [Route(stakeholders=('branch', 'imam', 'mayor'), distance=27, cost=92)]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice, pairwise
from typing import TYPE_CHECKING

from ..core.i18n import N_, _, format_number, isolate, ngettext, pgettext
from ..core.model import Stakeholder, StakeholderMap
from .attitude import poor_go_between
from .views import AnalysisInputError, GraphView, build_graph

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "ASSUMED_TIE_COST",
    "CONFIDENCE_REASONS",
    "NO_FOCAL_POINT_COST",
    "POSITION_COST",
    "TRUST_COST",
    "Confidence",
    "Route",
    "confidence",
    "confidence_level",
    "our_branch",
    "routes_from",
    "trusted_routes",
]

#: What a go-between's trust in us (−2 … +2, None unknown) adds to a route's cost.
#: Negative trust never carries a route.
TRUST_COST: dict[int | None, int] = {2: 0, 1: 10, 0: 20, None: 30}
#: What a go-between's position toward our objective adds to a route's cost.
POSITION_COST: dict[int | None, int] = {2: 0, 1: 0, 0: 10, None: 15}
#: Added for a go-between none of our staff looks after (no focal point).
NO_FOCAL_POINT_COST = 20
#: Added for each tie that is assumed rather than confirmed.
ASSUMED_TIE_COST = 20
#: A tie this strong or weaker is weak (strength on 1–5).
WEAK_TIE = 2
#: A route with this many go-betweens or more is long; one fewer is a concern.
LONG_ROUTE = 3


@dataclass(frozen=True)
class Route:
    """A chain of ties from one stakeholder to another, by id: the total distance of its
    ties, and its cost (the distance plus what the go-betweens' standing takes away)."""

    stakeholders: tuple[str, ...]
    distance: int
    cost: int


#: What weakens a route, one whole clause each: "serious" ones make the confidence low,
#: "minor" ones medium. Placeholders: {name} a go-between; {source}, {target} a tie's ends.
#: Marked for the catalogue; :func:`confidence` words them in the language of the moment
#: (and a long route's count, "long", in the language's plural form).
CONFIDENCE_REASONS: dict[str, str] = {
    "trust_unknown": N_("{name}'s trust in us is not known"),
    "trust_neutral": N_("{name} neither trusts nor distrusts us"),
    "position_unknown": N_("{name}'s position on our objective is not known"),
    "position_neutral": N_("{name} is neutral on our objective"),
    "no_focal_point": N_("none of our staff looks after the relationship with {name}"),
    "assumed": N_("the tie from {source} to {target} is assumed, not confirmed"),
    "weak": N_("the tie from {source} to {target} is weak (strength {strength} of 5)"),
    "assumed_weak": N_(
        "the tie from {source} to {target} is assumed, not confirmed, and weak (strength "
        "{strength} of 5)"
    ),
    "two_steps": N_("the route needs two introductions"),
    "high": N_(
        "every go-between trusts us and supports our objective, our staff look after each "
        "relationship, and every tie is confirmed and of strength 3 or more"
    ),
    "high_direct": N_("our own tie is confirmed and of strength 3 or more"),
    "high_ties": N_("every tie is confirmed and of strength 3 or more, with one introduction"),
}

#: Concerns that make a route's confidence low; any other concern makes it medium.
SERIOUS = frozenset({"trust_unknown", "no_focal_point", "assumed", "weak", "assumed_weak", "long"})
#: Concerns that read a go-between's attitude: left out where attitudes are withheld.
ATTITUDE_CONCERNS = frozenset(
    {"trust_unknown", "trust_neutral", "position_unknown", "position_neutral", "no_focal_point"}
)


@dataclass(frozen=True)
class Confidence:
    """How far a route can be relied on: "high", "medium" or "low", and why."""

    level: str
    #: Whole clauses (see :data:`CONFIDENCE_REASONS`): what weakens the route, or, when
    #: nothing does, why it is sound.
    reasons: tuple[str, ...]


def _standing_cost(s: Stakeholder) -> int:
    """What passing a message through ``s`` adds to a route's cost (see the module notes)."""
    trust = TRUST_COST.get(s.trust, 0)
    position = POSITION_COST.get(s.position, 0)
    return trust + position + (0 if s.focal_point.strip() else NO_FOCAL_POINT_COST)


def _check_ids(smap: StakeholderMap, role: str, ids: Iterable[str]) -> None:
    for sid in ids:
        if sid not in smap.stakeholders:
            raise AnalysisInputError(
                f"The route's {role} {sid!r} is not a stakeholder on this map."
            )


def _assumed(smap: StakeholderMap, data: dict) -> bool:
    return smap.relationships[data["relationship"]].confidence == "assumed"


def _route_graph(smap: StakeholderMap, source_id: str, view: GraphView | None) -> nx.DiGraph:
    """The positive ties of ``view`` that can carry a message from ``source_id``, each with
    its ``cost``: its distance, what an assumed tie adds, and the standing of the
    stakeholder it leaves (our start excepted)."""
    graph = build_graph(smap, dataclasses.replace(view or GraphView(), positive_only=True))
    at_odds = {
        frozenset((r.source, r.target))
        for r in smap.relationships.values()
        if r.valence == "negative"
    }
    graph.remove_edges_from(
        [(u, v) for u, v in graph.edges if frozenset((u, v)) in at_odds]
        + [
            edge
            for sid, s in smap.stakeholders.items()
            if sid != source_id and poor_go_between(s)
            for edge in graph.out_edges(sid)
        ]
    )
    for u, _skip, data in graph.edges(data=True):
        data["cost"] = (
            data["distance"]
            + (ASSUMED_TIE_COST if _assumed(smap, data) else 0)
            + (0 if u == source_id else _standing_cost(smap.stakeholders[u]))
        )
    return graph


def _routes(graph: nx.DiGraph, source_id: str, target_id: str, k: int) -> list[Route]:
    import networkx as nx  # loaded on first use, as in .views

    if k < 1 or source_id == target_id:
        return []
    try:
        paths = list(islice(nx.shortest_simple_paths(graph, source_id, target_id, "cost"), k))
    except nx.NetworkXNoPath:
        return []
    return [
        Route(
            tuple(path),
            sum(graph[u][v]["distance"] for u, v in pairwise(path)),
            sum(graph[u][v]["cost"] for u, v in pairwise(path)),
        )
        for path in paths
    ]


def trusted_routes(
    smap: StakeholderMap,
    source_id: str,
    target_id: str,
    k: int = 3,
    view: GraphView | None = None,
) -> list[Route]:
    """The ``k`` loopless routes of lowest cost from ``source_id`` to ``target_id``.

    Cheapest first; ``[]`` when no route of positive ties exists. Raises
    :class:`AnalysisInputError` for an id that is not a stakeholder of the map.
    """
    _check_ids(smap, "start", [source_id])
    _check_ids(smap, "end", [target_id])
    return _routes(_route_graph(smap, source_id, view), source_id, target_id, k)


def routes_from(
    smap: StakeholderMap,
    source_id: str,
    target_ids: Iterable[str],
    k: int = 3,
    view: GraphView | None = None,
) -> dict[str, list[Route]]:
    """:func:`trusted_routes` from one stakeholder to each of many, building the graph once."""
    targets = list(target_ids)
    _check_ids(smap, "start", [source_id])
    _check_ids(smap, "end", targets)
    graph = _route_graph(smap, source_id, view)
    return {target: _routes(graph, source_id, target, k) for target in targets}


def _tie_concerns(smap: StakeholderMap, route: Route, graph_ties: dict) -> list[tuple[str, dict]]:
    concerns = []
    for u, v in pairwise(route.stakeholders):
        relationship = graph_ties[u, v]
        names = {"source": smap.stakeholders[u].label, "target": smap.stakeholders[v].label}
        assumed = relationship.confidence == "assumed"
        weak = relationship.strength <= WEAK_TIE
        # One clause per tie: "assumed … and weak", never the same tie twice.
        if assumed and weak:
            concerns.append(("assumed_weak", {**names, "strength": relationship.strength}))
        elif assumed:
            concerns.append(("assumed", names))
        elif weak:
            concerns.append(("weak", {**names, "strength": relationship.strength}))
    return concerns


def _strongest_ties(smap: StakeholderMap, route: Route) -> dict:
    """The positive relationship that carries each step of ``route``: the strongest, as in
    :func:`~stakeholder_mapper.analysis.views.build_graph`."""
    steps = set(pairwise(route.stakeholders))
    found: dict[tuple[str, str], object] = {}
    for r in smap.relationships.values():
        if r.valence == "negative":
            continue
        ends = [(r.source, r.target)] + ([] if r.directed else [(r.target, r.source)])
        for step in ends:
            if step in steps and (step not in found or r.strength > found[step].strength):
                found[step] = r
    return found


def confidence(smap: StakeholderMap, route: Route, attitudes: bool = True) -> Confidence:
    """How far ``route`` can be relied on, and why.

    Low when a go-between's trust in us is unknown, none of our staff looks after a
    go-between, a tie is assumed or weak (strength 2 or less), or the route needs three
    introductions or more; medium when a go-between is neutral toward us or our
    objective, its position is unknown, or the route needs two introductions; high
    otherwise. With ``attitudes`` false (a version that withholds attitudes and focal
    points) only the ties and the route's length are judged.
    """
    concerns: list[tuple[str, dict]] = []
    go_betweens = route.stakeholders[1:-1]
    for sid in go_betweens:
        s = smap.stakeholders[sid]
        name = {"name": s.label}
        if s.trust is None:
            concerns.append(("trust_unknown", name))
        elif s.trust == 0:
            concerns.append(("trust_neutral", name))
        if s.position is None:
            concerns.append(("position_unknown", name))
        elif s.position == 0:
            concerns.append(("position_neutral", name))
        if not s.focal_point.strip():
            concerns.append(("no_focal_point", name))
    concerns += _tie_concerns(smap, route, _strongest_ties(smap, route))
    if len(go_betweens) >= LONG_ROUTE:
        concerns.append(("long", {"count": len(go_betweens)}))
    elif len(go_betweens) == LONG_ROUTE - 1:
        concerns.append(("two_steps", {}))
    if not attitudes:
        concerns = [c for c in concerns if c[0] not in ATTITUDE_CONCERNS]
    reasons = tuple(_reason(key, values) for key, values in concerns)
    if any(key in SERIOUS for key, _ in concerns):
        return Confidence("low", reasons)
    if concerns:
        return Confidence("medium", reasons)
    sound = "high_direct" if not go_betweens else "high" if attitudes else "high_ties"
    return Confidence("high", (_reason(sound, {}),))


def _reason(key: str, values: dict) -> str:
    """One of :data:`CONFIDENCE_REASONS` in the language of the moment, its names isolated."""
    shown = {k: isolate(v) if isinstance(v, str) else format_number(v) for k, v in values.items()}
    if key == "long":
        text = ngettext(
            "the route needs {count} introduction",
            "the route needs {count} introductions",
            values["count"],
        )
        return text.format(**shown)
    return _(CONFIDENCE_REASONS[key]).format(**shown)


def our_branch(smap: StakeholderMap) -> str | None:
    """The id of the stakeholder standing for our own branch, or ``None`` if none is named.

    The branch is the stakeholder the map names in its "branch" detail, by id (files of
    older versions may name it by label, which is read too). It is never guessed: a city
    map often holds the National Society's headquarters and sister units, and taking the
    wrong one would start every route, and every suggested messenger, in the wrong place.
    """
    named = smap.info.branch.strip()
    found = smap.find_stakeholder(named) if named else None
    return found.id if found is not None else None


def confidence_level(level: str) -> str:
    """A route's confidence level (high, medium, low) in the language of the moment."""
    levels = {
        "high": pgettext("route confidence", "high"),
        "medium": pgettext("route confidence", "medium"),
        "low": pgettext("route confidence", "low"),
    }
    return levels.get(level, level)
