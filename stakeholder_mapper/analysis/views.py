"""Views of the map as graphs: which ties count, and how strong they must be.

Every metric is computed on a *view*: a choice of relationship kinds, a minimum
strength, and whether negative ties (conflict, distrust) are kept. Strength 1-5 is a
closeness; where an algorithm needs a length (shortest routes, betweenness) it uses the
integer :func:`distance` ``60 // strength`` so that equal routes tie exactly in every
library (1/3 + 1/6 and 1/2 are not equal in floating point; 20 + 10 and 30 are).

Example::

    >>> from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
    >>> smap = StakeholderMap()
    >>> smap.stakeholders["a"] = Stakeholder("a", "Mayor", "municipal")
    >>> smap.stakeholders["b"] = Stakeholder("b", "Imam", "faith")
    >>> smap.relationships["r"] = Relationship("r", "b", "a", strength=4)
    >>> graph = build_graph(smap)
    >>> graph["b"]["a"]["distance"]
    15
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.i18n import N_, _
from ..core.model import SCALES, Relationship, Stakeholder, StakeholderMap

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np

__all__ = [
    "DISTANCE_SCALE",
    "GROUPABLE_FIELDS",
    "AnalysisInputError",
    "Arcs",
    "GraphView",
    "build_arcs",
    "build_graph",
    "distance",
    "group_values",
]

#: The distance of a tie is ``DISTANCE_SCALE // strength``: 60, 30, 20, 15, 12 for 1..5.
DISTANCE_SCALE = 60

#: Stakeholder fields a metric can group by (besides custom attributes): single values only.
GROUPABLE_FIELDS = (
    "category",
    "level",
    "organisation",
    "role",
    "power",
    "influence",
    "interest",
    "position",
    "trust",
    "focal_point",
    "sensitivity",
    "source",
    "informed",
)


class AnalysisInputError(ValueError):
    """The analysis was asked for something the map does not have (a kind, an attribute)."""


@dataclass(frozen=True)
class GraphView:
    """Which ties of the map a metric looks at.

    ``kinds`` lists relationship kind ids (``None`` = every kind); ties weaker than
    ``min_strength`` are left out; with ``positive_only`` (the default) negative ties
    such as conflict or distrust are left out too.
    """

    kinds: frozenset[str] | None = None
    min_strength: int = 1
    positive_only: bool = True

    def check(self, smap: StakeholderMap) -> None:
        """Raise :class:`AnalysisInputError` if the view names a kind the map lacks."""
        low, high = SCALES["strength"]
        if not isinstance(self.min_strength, int) or not low <= self.min_strength <= high:
            raise AnalysisInputError(
                f"Minimum strength must be a whole number from {low} to {high}, "
                f"not {self.min_strength!r}."
            )
        unknown = sorted(set(self.kinds or ()) - smap.kinds.keys())
        if unknown:
            known = ", ".join(sorted(smap.kinds))
            raise AnalysisInputError(
                f"Unknown relationship kind {unknown[0]!r}; this map has: {known}."
            )

    def includes(self, relationship: Relationship) -> bool:
        """Whether the relationship counts in this view."""
        return (
            (self.kinds is None or relationship.kind in self.kinds)
            and relationship.strength >= self.min_strength
            and not (self.positive_only and relationship.valence == "negative")
        )


def distance(strength: int) -> int:
    """The integer length of a tie of the given strength: 60, 30, 20, 15, 12 for 1..5.

    Strength is a closeness, so stronger ties are shorter. Integers keep equal routes
    exactly equal, whatever library adds them up.

    >>> [distance(s) for s in (1, 2, 3, 4, 5)]
    [60, 30, 20, 15, 12]
    """
    return DISTANCE_SCALE // strength


def _rank(relationship: Relationship) -> tuple[int, int]:
    # Strongest tie first; between equally strong ties, the positive one.
    return (-relationship.strength, relationship.valence == "negative")


def _arc_ties(smap: StakeholderMap, view: GraphView) -> dict[tuple[str, str], list[Relationship]]:
    """The relationships behind each arc (ordered pair) of the view, strongest first."""
    view.check(smap)
    arcs: dict[tuple[str, str], list[Relationship]] = {}
    for r in smap.relationships.values():
        if not view.includes(r):
            continue
        arcs.setdefault((r.source, r.target), []).append(r)
        if not r.directed:
            arcs.setdefault((r.target, r.source), []).append(r)
    for ties in arcs.values():
        if len(ties) > 1:
            ties.sort(key=_rank)
    return arcs


def _node_attributes(stakeholder: Stakeholder) -> dict[str, object]:
    return {name: getattr(stakeholder, name) for name in stakeholder.__dataclass_fields__}


def build_graph(smap: StakeholderMap, view: GraphView | None = None) -> nx.DiGraph:
    """The map as a directed graph seen through ``view``.

    Every stakeholder is a node, with its fields as node attributes, even when no tie
    reaches it. An undirected relationship becomes two arcs. When several relationships
    join the same ordered pair, the arc takes its ``strength``, ``distance``, ``kind``,
    ``valence`` and ``relationship`` id from the strongest (a positive one on a tie) and
    lists every relationship id in ``relationships`` and every kind in ``kinds``.
    """
    # networkx and numpy are imported where they are used: the desktop app imports this
    # module while it starts, and loading them then would delay the first window.
    import networkx as nx

    view = view or GraphView()
    graph = nx.DiGraph()
    graph.add_nodes_from((sid, _node_attributes(s)) for sid, s in smap.stakeholders.items())
    for (u, v), ties in _arc_ties(smap, view).items():
        best = ties[0]
        graph.add_edge(
            u,
            v,
            strength=best.strength,
            distance=distance(best.strength),
            kind=best.kind,
            valence=best.valence,
            relationship=best.id,
            relationships=tuple(r.id for r in ties),
            kinds=tuple(dict.fromkeys(r.kind for r in ties)),
        )
    return graph


@dataclass(frozen=True)
class Arcs:
    """A view as integer-indexed arcs, the form numpy and igraph work on.

    ``ids[i]`` is the stakeholder at index ``i`` (map order); arc ``a`` runs from
    ``source[a]`` to ``target[a]`` with the given ``strength`` and ``distance``.
    ``negative[a]`` is true where the arc's strongest tie is negative.
    """

    ids: tuple[str, ...]
    source: np.ndarray
    target: np.ndarray
    strength: np.ndarray
    negative: np.ndarray

    @property
    def distance(self) -> np.ndarray:
        """Integer length of each arc (``60 // strength``)."""
        return DISTANCE_SCALE // self.strength

    @property
    def n(self) -> int:
        """Number of stakeholders."""
        return len(self.ids)

    @classmethod
    def from_graph(cls, graph: nx.Graph, weight: str | None = "strength") -> Arcs:
        """Arcs of any networkx graph (an undirected edge gives two arcs).

        ``weight`` names the edge attribute copied into ``strength`` (missing = 1;
        ``None`` gives every arc 1); an algorithm may read it as a length instead.
        """
        import numpy as np

        ids = tuple(graph.nodes)
        index = {node: i for i, node in enumerate(ids)}
        edges = [(u, v, d) for u, v, d in graph.edges(data=True) if u != v]
        if not graph.is_directed():
            edges += [(v, u, d) for u, v, d in edges]
        return cls(
            ids,
            np.fromiter((index[u] for u, _, _ in edges), np.int64, len(edges)),
            np.fromiter((index[v] for _, v, _ in edges), np.int64, len(edges)),
            np.fromiter(
                ((d.get(weight, 1) if weight else 1) for _, _, d in edges), np.float64, len(edges)
            ),
            np.fromiter((d.get("valence") == "negative" for _, _, d in edges), bool, len(edges)),
        )


def build_arcs(smap: StakeholderMap, view: GraphView | None = None) -> Arcs:
    """The same arcs as :func:`build_graph`, as integer arrays (fast path for metrics)."""
    import numpy as np

    view = view or GraphView()
    ids = tuple(smap.stakeholders)
    index = {sid: i for i, sid in enumerate(ids)}
    ties = _arc_ties(smap, view)
    count = len(ties)
    return Arcs(
        ids,
        np.fromiter((index[u] for u, _ in ties), np.int64, count),
        np.fromiter((index[v] for _, v in ties), np.int64, count),
        np.fromiter((t[0].strength for t in ties.values()), np.int64, count),
        np.fromiter((t[0].valence == "negative" for t in ties.values()), bool, count),
    )


#: Stakeholder fields holding several values each: a stakeholder would be in several groups.
_SEVERAL_VALUES = {"tags": N_("several tags"), "principles": N_("several principles of action")}


def group_values(smap: StakeholderMap, attribute: str) -> list[object]:
    """Each stakeholder's value of ``attribute`` (map order), for grouping.

    ``attribute`` is a single-valued stakeholder field (category, level, power, ...) or
    a custom attribute; a stakeholder without a value is in the group ``None``. Raises
    :class:`AnalysisInputError`, with a sentence listing what can be used, for anything
    else (such as tags, of which a stakeholder can have several).
    """
    stakeholders: Iterable[Stakeholder] = smap.stakeholders.values()
    custom = sorted({name for s in smap.stakeholders.values() for name in s.attributes})
    if attribute in GROUPABLE_FIELDS:
        return [getattr(s, attribute) for s in stakeholders]
    if attribute in custom:
        return [s.attributes.get(attribute) or None for s in stakeholders]
    choices = ", ".join(GROUPABLE_FIELDS)
    customs = (
        _("this map has: {names}").format(names=", ".join(custom))
        if custom
        else _("this map has none")
    )
    several = _SEVERAL_VALUES.get(attribute.strip().casefold())
    if several:
        raise AnalysisInputError(
            _(
                "Cannot group by '{attribute}': a stakeholder can have {several}, and brokerage "
                "roles need each stakeholder in exactly one group; group by {choices} or a "
                "custom attribute ({customs})."
            ).format(attribute=attribute, several=_(several), choices=choices, customs=customs)
        )
    raise AnalysisInputError(
        _(
            "Cannot group by '{attribute}': it is not a field or custom attribute stakeholders "
            "can be grouped by; group by {choices} or a custom attribute ({customs})."
        ).format(attribute=attribute, choices=choices, customs=customs)
    )
