"""Gould–Fernandez brokerage roles, exactly as statnet's ``sna::brokerage``.

Stakeholder *j* brokers the ordered pair *i → k* when there are arcs *i → j* and
*j → k*, the three are distinct and there is no arc *i → k*. Each such two-step path is
one brokerage act of the kind given by the groups of *i* (source), *j* (broker) and
*k* (target):

============== ============ =============================================
role           groups       reading
============== ============ =============================================
coordinator    A → A → A    links two members of its own group
itinerant      A → B → A    links two members of another group
representative A → A → B    carries its own group's ties out to another
gatekeeper     A → B → B    lets an outsider in to its own group
liaison        A → B → C    links two groups it does not belong to
============== ============ =============================================

The representative is A → A → B and the gatekeeper A → B → B, as in the code of
``sna`` (columns ``b_IO`` and ``b_OI``); its help page has these two labels swapped.

Expected counts and standard deviations follow ``sna::brokerage`` (Gould & Fernandez
1989): ties are independent with probability ``d = arcs / (N (N - 1))`` and the moments
depend on the size of each group. A z-score is ``(count - expected) / sd``; where the
standard deviation is zero (a graph with no ties, or a complete one) the z-score is
undefined and reported as NaN, never as a number.

References: Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: a formal
approach to brokerage in transaction networks. *Sociological Methodology* 19, 89-126.
Butts, C. T. (2008). sna: tools for social network analysis, ``brokerage()``.

Example::

    >>> import networkx as nx
    >>> g = nx.DiGraph([("mayor", "clerk"), ("clerk", "youth")])
    >>> result = brokerage(g, {"mayor": "city", "clerk": "city", "youth": "youth"})
    >>> int(result.raw.loc["clerk", "representative"])
    1
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from .columns import ROLES
from .walks import two_step_batches

__all__ = [
    "ROLES",
    "Brokerage",
    "brokerage",
    "brokerage_counts",
    "brokerage_moments",
    "brokerage_table",
    "group_codes",
]


@dataclass(frozen=True)
class Brokerage:
    """Per stakeholder: raw counts, expected counts, standard deviations and z-scores.

    Each is a DataFrame indexed by node with the columns of :data:`ROLES`.
    """

    raw: pd.DataFrame
    expected: pd.DataFrame
    sd: pd.DataFrame
    z: pd.DataFrame


def brokerage_counts(
    n: int, source: np.ndarray, target: np.ndarray, group: np.ndarray
) -> np.ndarray:
    """Raw role counts, an ``n × 6`` integer array in the order of :data:`ROLES`.

    ``source``/``target`` are the arcs (node indices, no self-loops, no duplicates);
    ``group`` holds an integer group code per node.
    """
    counts = np.zeros((n, len(ROLES)), dtype=np.int64)
    if n == 0 or len(source) == 0:
        return counts
    source = np.asarray(source, dtype=np.int64)
    target = np.asarray(target, dtype=np.int64)
    # Out-neighbour lists in compressed form: node v's successors are
    # successors[first[v] : first[v] + out_degree[v]].
    order = np.argsort(source, kind="stable")
    successors = target[order]
    out_degree = np.bincount(source, minlength=n)
    first = np.concatenate(([0], np.cumsum(out_degree)[:-1]))
    arc_codes = np.sort(source * n + target)
    # Every two-step path i -> j -> k: each arc i -> j, once per successor k of j.
    for arcs, positions in two_step_batches(first, out_degree, target):
        i, j, k = source[arcs], target[arcs], successors[positions]
        keep = k != i
        i, j, k = i[keep], j[keep], k[keep]
        # j brokers only when i has no direct arc to k.
        wanted = i * n + k
        found = np.searchsorted(arc_codes, wanted)
        direct = arc_codes[np.minimum(found, len(arc_codes) - 1)] == wanted
        i, j, k = i[~direct], j[~direct], k[~direct]
        gi, gj, gk = group[i], group[j], group[k]
        masks = (
            (gi == gj) & (gj == gk),  # coordinator A -> A -> A
            (gi == gk) & (gi != gj),  # itinerant A -> B -> A
            (gj == gk) & (gi != gj),  # gatekeeper A -> B -> B
            (gi == gj) & (gj != gk),  # representative A -> A -> B
            (gi != gj) & (gj != gk) & (gi != gk),  # liaison A -> B -> C
        )
        for column, mask in enumerate(masks):
            counts[:, column] += np.bincount(j[mask], minlength=n)
    counts[:, -1] = counts[:, :-1].sum(axis=1)
    return counts


def _pairs(x: np.ndarray) -> np.ndarray:
    """x choose 2, elementwise."""
    return x * (x - 1) / 2


def brokerage_moments(
    n_nodes: int, n_arcs: int, group_sizes: Sequence[int]
) -> tuple[np.ndarray, np.ndarray]:
    """Expected counts and variances of each role for a broker in each group.

    Returns two ``len(group_sizes) × 6`` arrays (columns as :data:`ROLES`), the
    formulas of ``sna::brokerage`` with density ``d = n_arcs / (n_nodes (n_nodes - 1))``.
    """
    big_n = float(n_nodes)
    d = n_arcs / (big_n * (big_n - 1)) if n_nodes > 1 else 0.0
    p = d * d * (1 - d)  # probability that a given i -> j -> k is a brokerage act
    q = d**3 * (1 - d) ** 3
    sizes = np.asarray(group_sizes, dtype=np.float64)
    expected = np.zeros((len(sizes), len(ROLES)))
    variance = np.zeros((len(sizes), len(ROLES)))
    for g, n in enumerate(sizes):
        others = np.delete(sizes, g)
        e = (
            p * (n - 1) * (n - 2),  # coordinator
            p * np.sum(others * (others - 1)),  # itinerant
            p * (big_n - n) * (n - 1),  # gatekeeper
            p * (big_n - n) * (n - 1),  # representative
            p * (np.sum(np.outer(others, others)) - np.sum(others**2)),  # liaison
            p * (big_n - 1) * (big_n - 2),  # total
        )
        cross = 2 * ((n - 1) * _pairs(big_n - n) + (big_n - n) * _pairs(n - 1)) * q
        extra = (
            2 * (n - 1) * (n - 2) * (n - 3) * q,
            2 * np.sum(others * (others - 1) * (others - 2)) * q,
            cross,
            cross,
            4 * np.sum(others * _pairs(big_n - others - n)) * q,
            2 * (big_n - 1) * (big_n - 2) * (big_n - 3) * q,
        )
        expected[g] = e
        variance[g] = np.asarray(e) * (1 - p) + np.asarray(extra)
    return expected, variance


def brokerage(graph: nx.Graph, groups: Mapping[Hashable, Hashable]) -> Brokerage:
    """Gould–Fernandez brokerage of every node of ``graph``, grouped by ``groups[node]``.

    Ties are binary (weights ignored); an undirected edge counts as two arcs. Nodes
    missing from ``groups`` form one group together.
    """
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    arcs = {(index[u], index[v]) for u, v in graph.edges if u != v}
    if not graph.is_directed():
        arcs |= {(v, u) for u, v in arcs}
    arc_list = sorted(arcs)
    source = np.array([u for u, _ in arc_list], dtype=np.int64)
    target = np.array([v for _, v in arc_list], dtype=np.int64)
    codes, sizes = group_codes([groups.get(node) for node in nodes])
    return brokerage_table(nodes, source, target, codes, sizes)


def group_codes(values: Sequence[Hashable]) -> tuple[np.ndarray, list[int]]:
    """An integer code per value (in order of first appearance) and each group's size."""
    code_of: dict[Hashable, int] = {}
    codes = np.fromiter(
        (code_of.setdefault(v, len(code_of)) for v in values), np.int64, len(values)
    )
    return codes, np.bincount(codes, minlength=len(code_of)).tolist()


def brokerage_table(
    nodes: Sequence[Hashable],
    source: np.ndarray,
    target: np.ndarray,
    codes: np.ndarray,
    sizes: Sequence[int],
) -> Brokerage:
    """Brokerage from integer arcs and group codes (see :func:`brokerage_counts`)."""
    n = len(nodes)
    raw = brokerage_counts(n, source, target, codes)
    expected_by_group, variance_by_group = brokerage_moments(n, len(source), sizes)
    expected = expected_by_group[codes] if n else np.zeros((0, len(ROLES)))
    sd = np.sqrt(variance_by_group[codes]) if n else np.zeros((0, len(ROLES)))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(sd > 0, (raw - expected) / np.where(sd > 0, sd, 1.0), np.nan)
    index = pd.Index(list(nodes))

    def frame(values: np.ndarray) -> pd.DataFrame:
        return pd.DataFrame(values, index=index, columns=list(ROLES))

    return Brokerage(frame(raw), frame(expected), frame(sd), frame(z))
