"""Single points of failure: who holds the network together.

On the undirected view (a tie in either direction connects), an *articulation point*
is a stakeholder whose departure splits the network. For every stakeholder we report
the share of the other stakeholders' connected pairs that would no longer be connected
if it left: 0 for most, above 0 exactly for the articulation points.

All of it comes from one depth-first search (Hopcroft and Tarjan 1973): when a child
*c* of *v* in the search tree cannot reach above *v* (``low[c] >= order[v]``), the
subtree of *c* is cut off by removing *v*.

Example::

    >>> import networkx as nx
    >>> star = nx.star_graph(3)  # hub 0 holds three pairs of leaves together
    >>> reachability_loss(star)[0]
    1.0
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx
import numpy as np

from .coalitions import undirected_pairs
from .views import Arcs

__all__ = ["Cuts", "cuts", "reachability_loss"]


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


@dataclass(frozen=True)
class Cuts:
    """What removing each node does to the connectivity of the others.

    ``lost_share[v]`` is the share of connected pairs of other nodes that removing *v*
    disconnects; ``articulation[v]`` whether *v* is an articulation point.
    """

    lost_share: np.ndarray
    articulation: np.ndarray
    _preorder: np.ndarray  # nodes in depth-first order
    _start: np.ndarray  # position of each node in _preorder
    _size: np.ndarray  # size of each node's depth-first subtree
    _component_root: np.ndarray  # the search root of each node's component
    _separated: dict[int, list[int]]  # articulation point -> children cut off by removing it

    def parts(self, node: int) -> list[list[int]]:
        """The groups of nodes left once ``node`` is removed from its component.

        Empty unless ``node`` is an articulation point; otherwise the first lists are the
        parts cut off below it in the search tree and the last one the rest.
        """
        children = self._separated.get(node)
        if not children:
            return []
        cut_off = [
            self._preorder[self._start[c] : self._start[c] + self._size[c]].tolist()
            for c in children
        ]
        root = int(self._component_root[node])
        whole = self._preorder[self._start[root] : self._start[root] + self._size[root]]
        below = {x for part in cut_off for x in part} | {node}
        rest = [int(x) for x in whole if x not in below]
        return [*cut_off, rest] if rest else cut_off


def cuts(n: int, source: np.ndarray, target: np.ndarray) -> Cuts:
    """Articulation points and reachability loss of ``n`` nodes joined by the given arcs."""
    low_end, high_end, _skip = undirected_pairs(n, source, target)
    u = np.concatenate((low_end, high_end))
    v = np.concatenate((high_end, low_end))
    order = np.argsort(u, kind="stable")
    neighbours = v[order].tolist()
    degree = np.bincount(u, minlength=n)
    first = np.concatenate(([0], np.cumsum(degree))).tolist()

    discovered = [-1] * n
    low = [0] * n
    size = [1] * n
    parent = [-1] * n
    root_of = [0] * n
    preorder: list[int] = []
    separated: dict[int, list[int]] = {}
    component_size: dict[int, int] = {}
    for root in range(n):
        if discovered[root] >= 0:
            continue
        discovered[root] = low[root] = len(preorder)
        preorder.append(root)
        root_of[root] = root
        stack = [(root, first[root])]
        while stack:
            node, cursor = stack[-1]
            if cursor < first[node + 1]:
                stack[-1] = (node, cursor + 1)
                nxt = neighbours[cursor]
                if discovered[nxt] < 0:
                    parent[nxt] = node
                    root_of[nxt] = root
                    discovered[nxt] = low[nxt] = len(preorder)
                    preorder.append(nxt)
                    stack.append((nxt, first[nxt]))
                elif nxt != parent[node]:
                    low[node] = min(low[node], discovered[nxt])
                continue
            stack.pop()
            up = parent[node]
            if up >= 0:
                size[up] += size[node]
                low[up] = min(low[up], low[node])
                if low[node] >= discovered[up]:
                    separated.setdefault(up, []).append(node)
        component_size[root] = size[root]

    lost_share = np.zeros(n)
    articulation = np.zeros(n, dtype=bool)
    connected_pairs = sum(_pairs(s) for s in component_size.values())
    for node, children in separated.items():
        total = component_size[root_of[node]]
        parts = [size[c] for c in children]
        rest = total - 1 - sum(parts)
        lost = _pairs(total - 1) - sum(_pairs(p) for p in parts) - _pairs(rest)
        if lost > 0:
            articulation[node] = True
            others_pairs = connected_pairs - (total - 1)
            lost_share[node] = lost / others_pairs
    start = np.empty(n, dtype=np.int64)
    start[np.asarray(preorder, dtype=np.int64)] = np.arange(n)
    return Cuts(
        lost_share,
        articulation,
        np.asarray(preorder, dtype=np.int64),
        start,
        np.asarray(size, dtype=np.int64),
        np.asarray(root_of, dtype=np.int64),
        {k: c for k, c in separated.items() if articulation[k]},
    )


def reachability_loss(graph: nx.Graph) -> dict[Hashable, float]:
    """For every node, the share of other nodes' connected pairs its removal disconnects.

    Direction is ignored: a tie either way connects two stakeholders.
    """
    arcs = Arcs.from_graph(graph, None)
    result = cuts(arcs.n, arcs.source, arcs.target)
    return dict(zip(arcs.ids, result.lost_share.tolist(), strict=True))
