"""Coalitions: reproducible community detection and the actors that bridge communities.

Communities are found with the Leiden algorithm maximising modularity (Traag, Waltman
and van Eck 2019, igraph's implementation) on the undirected view, a pair's weight being
the sum of its ties' strengths. The algorithm visits stakeholders in random order; the
order comes from a seeded generator, so the same map and seed always give the same
coalitions. Communities are numbered 1, 2, ... from the largest; on equal sizes, the
one whose first stakeholder comes first in the map.

A stakeholder *bridges* communities when it has ties into communities other than its
own; :func:`bridged_communities` counts how many.

Example::

    >>> import networkx as nx
    >>> two_triangles = nx.Graph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)])
    >>> communities(two_triangles, weight=None)
    {0: 1, 1: 1, 2: 1, 3: 2, 4: 2, 5: 2}
"""

from __future__ import annotations

from collections.abc import Hashable

import igraph as ig
import networkx as nx
import numpy as np

from .seeded import seeded_igraph
from .views import Arcs

__all__ = [
    "DEFAULT_SEED",
    "bridged_communities",
    "communities",
    "communities_arrays",
    "undirected_pairs",
]

#: Seed of the community detection: the same map always gives the same coalitions.
DEFAULT_SEED = 20261201


def undirected_pairs(
    n: int, source: np.ndarray, target: np.ndarray, weight: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The unordered pairs joined by at least one arc, with the sum of their weights.

    Returns ``(low, high, weight)`` arrays with ``low < high``, sorted.
    """
    source = np.asarray(source, dtype=np.int64)
    target = np.asarray(target, dtype=np.int64)
    weight = np.ones(len(source)) if weight is None else np.asarray(weight, dtype=np.float64)
    keep = source != target
    source, target, weight = source[keep], target[keep], weight[keep]
    low, high = np.minimum(source, target), np.maximum(source, target)
    codes, inverse = np.unique(low * max(n, 1) + high, return_inverse=True)
    return codes // max(n, 1), codes % max(n, 1), np.bincount(inverse, weights=weight)


def communities_arrays(
    n: int,
    source: np.ndarray,
    target: np.ndarray,
    strength: np.ndarray | None = None,
    seed: int = DEFAULT_SEED,
) -> np.ndarray:
    """Community number (1 = largest) of each of ``n`` nodes, from weighted arcs."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    low, high, weight = undirected_pairs(n, source, target, strength)
    graph = ig.Graph(n=n, edges=np.column_stack((low, high)), directed=False)
    with seeded_igraph(seed):
        clusters = graph.community_leiden(
            objective_function="modularity", weights=weight.tolist(), n_iterations=-1
        )
    membership = np.asarray(clusters.membership, dtype=np.int64)
    sizes = np.bincount(membership)
    first = np.full(len(sizes), n)
    np.minimum.at(first, membership, np.arange(n))
    ranking = sorted(range(len(sizes)), key=lambda c: (-sizes[c], first[c]))
    number = np.empty(len(sizes), dtype=np.int64)
    number[ranking] = np.arange(1, len(sizes) + 1)
    return number[membership]


def bridged_communities(
    n: int, source: np.ndarray, target: np.ndarray, community: np.ndarray
) -> np.ndarray:
    """For each node, how many communities other than its own it has ties into."""
    low, high, _skip = undirected_pairs(n, source, target)
    u = np.concatenate((low, high))
    v = np.concatenate((high, low))
    other = community[u] != community[v]
    reached = np.unique(u[other] * (int(community.max(initial=0)) + 1) + community[v][other])
    return np.bincount(reached // (int(community.max(initial=0)) + 1), minlength=n)


def communities(
    graph: nx.Graph, weight: str | None = "strength", seed: int = DEFAULT_SEED
) -> dict[Hashable, int]:
    """Community number (1 = largest) of every node of ``graph``.

    ``weight`` names the edge attribute holding the tie strength (``None``: all 1).
    """
    arcs = Arcs.from_graph(graph, weight)
    numbers = communities_arrays(arcs.n, arcs.source, arcs.target, arcs.strength, seed)
    return dict(zip(arcs.ids, numbers.tolist(), strict=True))
