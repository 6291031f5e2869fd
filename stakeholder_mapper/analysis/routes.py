"""Most trusted routes: who can introduce us to a decision-maker.

A route runs along ties in their direction (an undirected tie works both ways) and
never visits a stakeholder twice. Its length is the sum of the tie distances
(60 / strength: 12 for the strongest ties, 60 for the weakest), so the shortest route
is the most trusted chain of introductions. Negative ties (conflict, distrust) never
carry a route, whatever the view says.

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
    [Route(stakeholders=('branch', 'imam', 'mayor'), distance=27)]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice, pairwise
from typing import TYPE_CHECKING

from ..core.model import StakeholderMap
from .views import AnalysisInputError, GraphView, build_graph

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Route", "our_branch", "routes_from", "trusted_routes"]


@dataclass(frozen=True)
class Route:
    """A chain of ties from one stakeholder to another, by id, and its total distance."""

    stakeholders: tuple[str, ...]
    distance: int


def _check_ids(smap: StakeholderMap, role: str, ids: Iterable[str]) -> None:
    for sid in ids:
        if sid not in smap.stakeholders:
            raise AnalysisInputError(
                f"The route's {role} {sid!r} is not a stakeholder on this map."
            )


def _trusted_graph(smap: StakeholderMap, view: GraphView | None) -> nx.DiGraph:
    return build_graph(smap, dataclasses.replace(view or GraphView(), positive_only=True))


def _routes(graph: nx.DiGraph, source_id: str, target_id: str, k: int) -> list[Route]:
    import networkx as nx  # loaded on first use, as in .views

    if k < 1 or source_id == target_id:
        return []
    try:
        paths = list(islice(nx.shortest_simple_paths(graph, source_id, target_id, "distance"), k))
    except nx.NetworkXNoPath:
        return []
    return [
        Route(tuple(path), sum(graph[u][v]["distance"] for u, v in pairwise(path)))
        for path in paths
    ]


def trusted_routes(
    smap: StakeholderMap,
    source_id: str,
    target_id: str,
    k: int = 3,
    view: GraphView | None = None,
) -> list[Route]:
    """The ``k`` shortest loopless routes from ``source_id`` to ``target_id``.

    Shortest first; ``[]`` when no route of positive ties exists. Raises
    :class:`AnalysisInputError` for an id that is not a stakeholder of the map.
    """
    _check_ids(smap, "start", [source_id])
    _check_ids(smap, "end", [target_id])
    return _routes(_trusted_graph(smap, view), source_id, target_id, k)


def routes_from(
    smap: StakeholderMap,
    source_id: str,
    target_ids: Iterable[str],
    k: int = 3,
    view: GraphView | None = None,
    no_relay: Iterable[str] = (),
) -> dict[str, list[Route]]:
    """:func:`trusted_routes` from one stakeholder to each of many, building the graph once.

    Stakeholders in ``no_relay`` may end a route but never carry one further: the plan
    passes those who oppose or distrust us, who are poor intermediaries for our message.
    """
    targets = list(target_ids)
    _check_ids(smap, "start", [source_id])
    _check_ids(smap, "end", targets)
    graph = _trusted_graph(smap, view)
    blocked = [sid for sid in no_relay if sid != source_id and sid in graph]
    graph.remove_edges_from([edge for sid in blocked for edge in list(graph.out_edges(sid))])
    return {target: _routes(graph, source_id, target, k) for target in targets}


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
