"""Betweenness, degree and PageRank, with the heavy lifting done by igraph's C core.

Betweenness counts how many shortest routes between two other stakeholders pass
through a stakeholder. Routes are measured with the integer tie distance of
:func:`~stakeholder_mapper.analysis.views.distance`, so equal routes tie exactly and
igraph gives the same numbers as networkx (checked in the tests), roughly 40 times
faster. Normalised betweenness divides the count over ordered pairs by
``(n - 1)(n - 2)``; on an undirected graph that equals networkx's normalisation. On
large maps the routes are counted in slices of starting stakeholders, in two worker
processes when the one-minute load average leaves at least one core free
(:func:`start_betweenness`); the slices are added up in a fixed order, so the result
does not depend on which worker finished first.

References: Brandes, U. (2001). A faster algorithm for betweenness centrality.
*Journal of Mathematical Sociology* 25(2), 163-177. Brin, S. and Page, L. (1998). The
anatomy of a large-scale hypertextual web search engine.

Example::

    >>> import networkx as nx
    >>> path = nx.path_graph(3)  # 0 - 1 - 2: every route between 0 and 2 uses 1
    >>> betweenness(path, weight=None, normalized=False)[1]
    1.0
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass

import igraph as ig
import networkx as nx
import numpy as np

from .processes import exit_with_parent, process_context
from .views import Arcs

__all__ = [
    "BetweennessJob",
    "betweenness",
    "betweenness_arrays",
    "igraph_graph",
    "pagerank",
    "pagerank_arrays",
    "start_betweenness",
]


def igraph_graph(n: int, source: np.ndarray, target: np.ndarray) -> ig.Graph:
    """A directed igraph graph with ``n`` vertices and the given arcs."""
    return ig.Graph(n=n, edges=np.column_stack((source, target)), directed=True)


#: Maps with more stakeholders than this compute betweenness in slices of route starts,
#: so that a long computation can report progress and be cancelled between slices.
SLICED_ABOVE = 3000
SLICES = 20
#: Maps with more stakeholders than this count routes in :data:`PROCESSES` worker
#: processes (igraph holds Python's global lock, so threads would not help). Below it,
#: starting the processes (about half a second) costs more than it saves.
PARALLEL_ABOVE = 5000
PROCESSES = 2
#: Slices of route starts handed to the worker processes: small enough to keep both
#: busy to the end and to report progress often.
PARALLEL_SLICES = 40


@dataclass(frozen=True)
class _Routes:
    """What a worker process needs to count routes: the graph as arrays, and the lengths.

    Sent with every slice rather than once when the worker starts: a large start-up
    message would hold this process until the worker has imported its modules.
    """

    key: tuple[int, int]
    n: int
    source: np.ndarray
    target: np.ndarray
    weights: list[float] | None


# The last graph a worker process built, kept for the next slices of the same job.
_worker_graph: tuple[tuple[int, int], ig.Graph] | None = None


def _worker_slice(routes: _Routes, sources: list[int]) -> np.ndarray:
    global _worker_graph
    if _worker_graph is None or _worker_graph[0] != routes.key:
        _worker_graph = (routes.key, igraph_graph(routes.n, routes.source, routes.target))
    graph = _worker_graph[1]
    counts = graph.betweenness(directed=True, weights=routes.weights, sources=sources)
    return np.asarray(counts, dtype=np.float64)


_jobs = itertools.count()


def _processes() -> int:
    """How many worker processes to count routes in: two when a core is free, else one.

    Workers are used when the one-minute load average leaves at least one core free
    (load average at most the number of cores minus one, this process included). On
    busier machines workers would only share the same cores while adding the work of
    starting and feeding them, so the routes are counted here. A frozen (bundled) app
    counts here too: each worker would be a fresh start of its executable (seconds),
    and the desktop app already computes a large map's metrics in a process of its own
    (:mod:`.metrics_process`), away from the window.
    """
    if getattr(sys, "frozen", False):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not offered on macOS and Windows
        cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # Windows, or no load figure
        busy = 0.0
    return min(PROCESSES, cores) if busy <= cores - 1 else 1


class BetweennessJob:
    """Betweenness being counted, in this process or in worker processes.

    Made by :func:`start_betweenness`. On large maps the routes are counted in worker
    processes that start at once, so the caller can compute other measures meanwhile
    (:attr:`in_background` is true); :meth:`result` waits for the numbers. Use it as a
    context manager (or call :meth:`close`) so the workers stop if the caller gives up.
    """

    def __init__(
        self, graph: ig.Graph, weights: list[float] | None, slices: list[np.ndarray]
    ) -> None:
        self._graph = graph
        self._weights = weights
        self._slices = slices
        self._pool: ProcessPoolExecutor | None = None
        self._futures: dict[Future[np.ndarray], int] = {}

    @property
    def in_background(self) -> bool:
        """Whether worker processes are counting the routes."""
        return self._pool is not None

    def _start_processes(self, processes: int) -> None:
        edges = np.array(self._graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
        routes = _Routes(
            (os.getpid(), next(_jobs)),
            self._graph.vcount(),
            edges[:, 0],
            edges[:, 1],
            self._weights,
        )
        try:
            self._pool = ProcessPoolExecutor(
                max_workers=processes,
                mp_context=process_context(),
                initializer=exit_with_parent,
            )
            self._futures = {
                self._pool.submit(_worker_slice, routes, part.tolist()): i
                for i, part in enumerate(self._slices)
            }
        except Exception:
            # Worker processes could not start (a locked-down system, a fork server that
            # failed to come up): every slice is counted in this process instead.
            self._futures = {}
            self.close()

    def _count(self, index: int) -> np.ndarray:
        sources = self._slices[index].tolist()
        counts = self._graph.betweenness(directed=True, weights=self._weights, sources=sources)
        return np.asarray(counts, dtype=np.float64)

    def result(
        self, normalized: bool = True, progress: Callable[[float], None] | None = None
    ) -> np.ndarray:
        """Betweenness of every vertex (see :func:`betweenness_arrays`).

        ``progress(fraction)`` is called after each slice when there are several; it may
        raise to stop the work, which also stops the workers.
        """
        n = self._graph.vcount()
        if n == 0:
            return np.zeros(0)
        if len(self._slices) == 1:
            raw = np.asarray(
                self._graph.betweenness(directed=True, weights=self._weights), dtype=np.float64
            )
        else:
            raw = self._sum_slices(progress)
        if not normalized:
            return raw
        if n <= 2:
            return np.zeros(n)
        return raw / ((n - 1) * (n - 2))

    def _sum_slices(self, progress: Callable[[float], None] | None) -> np.ndarray:
        parts: list[np.ndarray | None] = [None] * len(self._slices)
        done = 0

        def report() -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done / len(parts))

        try:
            for future in as_completed(self._futures):
                try:
                    part = future.result()
                except Exception:
                    break  # a worker failed or died (out of memory, killed): count the rest here
                parts[self._futures[future]] = part
                report()
        finally:
            self.close()
        for index, part in enumerate(parts):
            if part is None:
                parts[index] = self._count(index)
                report()
        # Added in slice order, whatever order the slices finished in: the same sum each time.
        return np.sum(parts, axis=0)

    def close(self) -> None:
        """Stop the worker processes (slices not yet started are dropped)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> BetweennessJob:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def start_betweenness(
    graph: ig.Graph,
    distance: np.ndarray | None,
    sliced_above: int | None = None,
    parallel_above: int | None = None,
) -> BetweennessJob:
    """Start counting the betweenness of every vertex of a directed igraph graph.

    ``distance`` gives each arc's length (``None``: all equal). Graphs of more than
    ``sliced_above`` (default :data:`SLICED_ABOVE`) vertices are counted in slices of
    starting vertices; above ``parallel_above`` (default :data:`PARALLEL_ABOVE`) in
    :data:`PARALLEL_SLICES` slices that go to worker processes, which start now, when
    the one-minute load average leaves at least one core free. The numbers are the same
    either way.
    """
    n = graph.vcount()
    weights = None if distance is None else np.asarray(distance, dtype=np.float64).tolist()
    sliced_above = SLICED_ABOVE if sliced_above is None else sliced_above
    parallel_above = PARALLEL_ABOVE if parallel_above is None else parallel_above
    # The slices depend only on the size of the map, never on the cores or how busy they
    # are, so that a map gives the same numbers to the last digit every time.
    if n > parallel_above:
        slices = np.array_split(np.arange(n), min(n, PARALLEL_SLICES))
    elif n > sliced_above:
        slices = np.array_split(np.arange(n), SLICES)
    else:
        slices = [np.arange(n)]
    job = BetweennessJob(graph, weights, slices)
    if n > parallel_above:
        processes = _processes()
        if processes > 1:
            job._start_processes(processes)
    return job


def betweenness_arrays(
    graph: ig.Graph,
    distance: np.ndarray | None,
    normalized: bool = True,
    progress: Callable[[float], None] | None = None,
    sliced_above: int | None = None,
    parallel_above: int | None = None,
) -> np.ndarray:
    """Betweenness of every vertex of a directed igraph graph.

    ``distance`` gives each arc's length (``None``: all equal). Counts run over ordered
    pairs; ``normalized`` divides them by ``(n - 1)(n - 2)``. On graphs of more than
    ``sliced_above`` (default :data:`SLICED_ABOVE`) vertices the routes are counted in
    slices of starting vertices and ``progress(fraction)`` is called after each slice
    (it may raise to stop the work); above ``parallel_above`` (default
    :data:`PARALLEL_ABOVE`) the slices are counted in :data:`PROCESSES` processes.
    """
    with start_betweenness(graph, distance, sliced_above, parallel_above) as job:
        return job.result(normalized, progress)


def betweenness(
    graph: nx.Graph, weight: str | None = "distance", normalized: bool = True
) -> dict[Hashable, float]:
    """Betweenness centrality of every node, as networkx's ``betweenness_centrality``.

    ``weight`` names the edge attribute holding the tie length (``None``: unweighted).
    Raw counts on an undirected graph count each unordered pair once; normalised
    values are the share of pairs of other nodes, so they lie between 0 and 1.
    """
    arcs = Arcs.from_graph(graph, weight)
    lengths = arcs.strength if weight else None
    values = betweenness_arrays(igraph_graph(arcs.n, arcs.source, arcs.target), lengths, False)
    if normalized:
        n = arcs.n
        values = values / ((n - 1) * (n - 2)) if n > 2 else np.zeros(n)
    elif not graph.is_directed():
        values = values / 2
    return dict(zip(arcs.ids, values.tolist(), strict=True))


def pagerank_arrays(
    graph: ig.Graph, strength: np.ndarray | None, damping: float = 0.85
) -> np.ndarray:
    """PageRank of every vertex of a directed igraph graph, arcs weighted by ``strength``.

    A stakeholder ranks high when strong ties come in from stakeholders who rank high:
    a measure of reach of influence. Scores sum to 1.
    """
    if graph.vcount() == 0:
        return np.zeros(0)
    weights = None if strength is None else np.asarray(strength, dtype=np.float64).tolist()
    return np.asarray(
        graph.pagerank(directed=True, damping=damping, weights=weights), dtype=np.float64
    )


def pagerank(
    graph: nx.Graph, weight: str | None = "strength", damping: float = 0.85
) -> dict[Hashable, float]:
    """PageRank of every node of ``graph`` (edge weights from ``weight``), summing to 1."""
    arcs = Arcs.from_graph(graph, weight)
    values = pagerank_arrays(
        igraph_graph(arcs.n, arcs.source, arcs.target), arcs.strength if weight else None, damping
    )
    return dict(zip(arcs.ids, values.tolist(), strict=True))
