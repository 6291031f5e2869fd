"""Betweenness, structural holes and PageRank against published and reference values."""

from __future__ import annotations

import math
import os
import random

import igraph as ig
import networkx as nx
import numpy as np
import pytest
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

from stakeholder_mapper.analysis import centrality
from stakeholder_mapper.analysis.centrality import (
    betweenness,
    betweenness_arrays,
    igraph_graph,
    pagerank,
    start_betweenness,
)
from stakeholder_mapper.analysis.metrics import compute_metrics
from stakeholder_mapper.analysis.structural_holes import structural_holes


def _map_of_undirected(build_map, graph: nx.Graph, extra_nodes=()):
    """A map whose stakeholders are the graph's nodes, tied by undirected collaborations."""
    stakeholders = [(str(node), "ngo") for node in [*graph.nodes, *extra_nodes]]
    ties = [(str(u), str(v)) for u, v in graph.edges]
    return build_map(stakeholders, ties, kind="collaboration", directed=False, strength=3)


# -- Padgett's Florentine marriage network ----------------------------------------------
def test_medici_betweenness_on_the_15_connected_families(build_map):
    smap = _map_of_undirected(build_map, nx.florentine_families_graph())
    metrics = compute_metrics(smap)
    assert len(metrics) == 15
    assert metrics.loc["Medici", "betweenness"] == pytest.approx(0.522, abs=5e-4)
    assert metrics.loc["Medici", "betweenness"] == pytest.approx(47.5 * 2 / (14 * 13))


def test_medici_betweenness_with_the_isolated_pucci_kept(build_map):
    smap = _map_of_undirected(build_map, nx.florentine_families_graph(), extra_nodes=["Pucci"])
    metrics = compute_metrics(smap)
    assert len(metrics) == 16
    assert metrics.loc["Medici", "betweenness"] == pytest.approx(0.4524, abs=5e-5)
    assert metrics.loc["Pucci", "betweenness"] == 0
    assert math.isnan(metrics.loc["Pucci", "constraint"])


def test_florentine_constraint_and_effective_size_match_networkx(build_map):
    graph = nx.florentine_families_graph()
    metrics = compute_metrics(_map_of_undirected(build_map, graph))
    nodes = list(graph)
    expected_constraint = nx.constraint(graph, nodes=nodes)
    expected_size = nx.effective_size(graph, nodes=nodes)
    for family in nodes:
        assert metrics.loc[family, "constraint"] == pytest.approx(expected_constraint[family])
        assert metrics.loc[family, "effective_size"] == pytest.approx(expected_size[family])
    # The Medici span the most structural holes: lowest constraint, largest effective size.
    assert metrics["constraint"].idxmin() == "Medici"
    assert metrics["effective_size"].idxmax() == "Medici"
    assert metrics.loc["Medici", "constraint"] == pytest.approx(17 / 81)  # 0.2099
    assert metrics.loc["Medici", "effective_size"] == pytest.approx(17 / 3)  # 6 - 2*1/6


# -- Krackhardt's kite and Zachary's karate club -----------------------------------------
def test_krackhardt_kite_raw_betweenness():
    graph = nx.relabel_nodes(
        nx.krackhardt_kite_graph(),
        dict(
            enumerate(
                [
                    "Andre",
                    "Beverly",
                    "Carol",
                    "Diane",
                    "Ed",
                    "Fernando",
                    "Garth",
                    "Heather",
                    "Ike",
                    "Jane",
                ]
            )
        ),
    )
    values = betweenness(graph, weight=None, normalized=False)
    expected = {
        "Heather": 14,
        "Fernando": 8.333,
        "Garth": 8.333,
        "Ike": 8,
        "Diane": 3.667,
        "Andre": 0.833,
        "Beverly": 0.833,
        "Carol": 0,
        "Ed": 0,
        "Jane": 0,
    }
    assert values == pytest.approx(expected, abs=5e-4)


def test_karate_club_node_0_raw_betweenness():
    values = betweenness(nx.karate_club_graph(), weight=None, normalized=False)
    assert values[0] == pytest.approx(231.071, abs=5e-4)


# -- igraph's weighted betweenness equals networkx's -------------------------------------
@pytest.mark.parametrize("seed", range(12))
def test_weighted_betweenness_matches_networkx(seed):
    rng = random.Random(seed)
    graph = nx.gnp_random_graph(30, 0.1, seed=seed, directed=seed % 2 == 0)
    for u, v in graph.edges:
        graph[u][v]["distance"] = 60 // rng.randint(1, 5)
    ours = betweenness(graph, weight="distance")
    reference = nx.betweenness_centrality(graph, weight="distance")
    assert ours == pytest.approx(reference, abs=1e-12)
    raw = betweenness(graph, weight="distance", normalized=False)
    assert raw == pytest.approx(
        nx.betweenness_centrality(graph, weight="distance", normalized=False), abs=1e-9
    )


# -- Burt's measures on the graphs of networkx's own tests -------------------------------
# networkx/algorithms/tests/test_structuralholes.py: values computed with UCINET and igraph.
@pytest.fixture
def borgatti():
    graph = nx.Graph(
        [
            ("A", "B"),
            ("A", "F"),
            ("A", "G"),
            ("A", "E"),
            ("E", "G"),
            ("F", "G"),
            ("B", "G"),
            ("B", "D"),
            ("D", "G"),
            ("G", "C"),
        ]
    )
    weights = {
        ("A", "B"): 2,
        ("A", "F"): 3,
        ("A", "G"): 5,
        ("A", "E"): 2,
        ("E", "G"): 8,
        ("F", "G"): 3,
        ("B", "G"): 4,
        ("B", "D"): 1,
        ("D", "G"): 3,
        ("G", "C"): 10,
    }
    nx.set_edge_attributes(graph, weights, "weight")
    return graph


@pytest.fixture
def small_digraph():
    graph = nx.DiGraph([(0, 1), (0, 2), (1, 0), (2, 1)])
    nx.set_edge_attributes(graph, {(0, 1): 2, (0, 2): 2, (1, 0): 1, (2, 1): 1}, "weight")
    return graph


def test_structural_holes_undirected(borgatti):
    plain = structural_holes(borgatti, weight=None)
    assert plain.loc[["G", "A", "C"], "constraint"].tolist() == pytest.approx(
        [0.400, 0.595, 1], abs=1e-3
    )
    assert plain.loc[["G", "A", "C"], "effective_size"].tolist() == pytest.approx(
        [4.67, 2.50, 1], abs=1e-2
    )
    weighted = structural_holes(borgatti, weight="weight")
    assert weighted.loc[["G", "A", "C"], "constraint"].tolist() == pytest.approx(
        [0.299, 0.795, 1], abs=1e-3
    )
    assert weighted.loc[["G", "A", "C"], "effective_size"].tolist() == pytest.approx(
        [5.47, 2.47, 1], abs=1e-2
    )


def test_structural_holes_directed(small_digraph):
    plain = structural_holes(small_digraph, weight=None)
    assert plain["constraint"].tolist() == pytest.approx([1.003, 1.003, 1.389], abs=1e-3)
    assert plain["effective_size"].tolist() == pytest.approx([1.167, 1.167, 1], abs=1e-3)
    weighted = structural_holes(small_digraph, weight="weight")
    assert weighted["constraint"].tolist() == pytest.approx([0.840, 1.143, 1.378], abs=1e-3)
    assert weighted["effective_size"].tolist() == pytest.approx([1.567, 1.083, 1], abs=1e-3)


def test_isolated_node_has_no_constraint_or_effective_size(borgatti):
    borgatti.add_node("Z")
    holes = structural_holes(borgatti, weight="weight")
    assert holes.loc["Z"].isna().all()


def test_hierarchy_by_hand():
    # Star with three unconnected contacts of equal weight: each local constraint 1/9,
    # all equal, so hierarchy is 0. Path a - b - c seen from b: same, 0.
    assert structural_holes(nx.star_graph(3), weight=None).loc[0, "hierarchy"] == 0
    # b has contacts a (weight 3) and c (weight 1): p = 3/4 and 1/4, local constraints
    # 9/16 and 1/16, C = 10/16, ratios 9/5 and 1/5:
    # H = (9/5 ln 9/5 + 1/5 ln 1/5) / (2 ln 2).
    graph = nx.Graph()
    graph.add_edge("a", "b", weight=3)
    graph.add_edge("b", "c", weight=1)
    expected = (9 / 5 * math.log(9 / 5) + 1 / 5 * math.log(1 / 5)) / (2 * math.log(2))
    holes = structural_holes(graph, weight="weight")
    assert holes.loc["b", "hierarchy"] == pytest.approx(expected)
    assert math.isnan(holes.loc["a", "hierarchy"])  # one contact: undefined


@pytest.mark.parametrize("seed", range(10))
def test_structural_holes_match_networkx_and_igraph_on_random_weighted_digraphs(seed):
    rng = random.Random(seed)
    graph = nx.gnp_random_graph(18, 0.2, seed=seed, directed=True)
    for u, v in graph.edges:
        graph[u][v]["strength"] = rng.randint(1, 5)
    nodes = list(graph)
    holes = structural_holes(graph)
    # networkx's per-node functions take a node with only incoming ties for isolated
    # (they look at successors); its matrix version and igraph count ties both ways.
    sends = [node for node in nodes if graph.out_degree(node)]
    constraint = nx.constraint(graph, nodes=sends, weight="strength")
    effective_size = nx.effective_size(graph, nodes=sends, weight="strength")
    assert holes.loc[sends, "constraint"].tolist() == pytest.approx(
        [constraint[node] for node in sends]
    )
    assert holes.loc[sends, "effective_size"].tolist() == pytest.approx(
        [effective_size[node] for node in sends]
    )
    twin = ig.Graph(n=len(nodes), edges=list(graph.edges), directed=True)
    expected = twin.constraint(weights=[graph[u][v]["strength"] for u, v in graph.edges])
    assert holes["constraint"].tolist() == pytest.approx(expected, nan_ok=True)


@pytest.mark.parametrize("seed", range(5))
def test_pagerank_matches_networkx(seed):
    rng = random.Random(seed)
    graph = nx.gnp_random_graph(25, 0.12, seed=seed, directed=True)
    for u, v in graph.edges:
        graph[u][v]["strength"] = rng.randint(1, 5)
    reference = _pagerank_python(graph, weight="strength", tol=1e-12, max_iter=1000)
    assert pagerank(graph) == pytest.approx(reference, abs=1e-8)


def test_betweenness_in_slices_equals_one_pass():
    graph = nx.gnp_random_graph(60, 0.08, seed=3, directed=True)
    rng = random.Random(3)
    lengths = np.array([60 // rng.randint(1, 5) for _ in graph.edges])
    twin = igraph_graph(
        60, np.array([u for u, _ in graph.edges]), np.array([v for _, v in graph.edges])
    )
    whole = betweenness_arrays(twin, lengths)
    seen = []
    sliced = betweenness_arrays(twin, lengths, progress=seen.append, sliced_above=10)
    np.testing.assert_allclose(sliced, whole, rtol=1e-12, atol=1e-15)
    assert seen[-1] == 1.0 and len(seen) > 1 and seen == sorted(seen)


@pytest.fixture
def two_workers(monkeypatch):
    """Worker processes even on a one-core machine, so the parallel path is what runs."""
    monkeypatch.setattr(centrality, "_processes", lambda: 2)


def _random_arcs(n: int, seed: int):
    graph = nx.gnp_random_graph(n, 0.05, seed=seed, directed=True)
    rng = random.Random(seed)
    lengths = np.array([60 // rng.randint(1, 5) for _ in graph.edges])
    edges = np.array(graph.edges).reshape(-1, 2)
    return igraph_graph(n, edges[:, 0], edges[:, 1]), lengths


def test_betweenness_in_worker_processes_equals_one_pass(two_workers):
    twin, lengths = _random_arcs(120, seed=5)
    whole = betweenness_arrays(twin, lengths)
    seen = []
    with start_betweenness(twin, lengths, parallel_above=10) as job:
        assert job.in_background
        workers = list(job._pool._processes.values())
        counted = job.result(progress=seen.append)
    np.testing.assert_allclose(counted, whole, rtol=1e-12, atol=1e-15)
    assert len(seen) == centrality.PARALLEL_SLICES and seen == sorted(seen) and seen[-1] == 1.0
    assert len(workers) == 2 and not any(w.is_alive() for w in workers)

    # A worker that dies (killed, out of memory) loses no numbers: the rest is counted here.
    with start_betweenness(twin, lengths, parallel_above=10) as job:
        for process in job._pool._processes.values():
            process.kill()
        np.testing.assert_allclose(job.result(), whole, rtol=1e-12, atol=1e-15)


def test_betweenness_is_counted_here_when_no_process_can_start(two_workers, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no processes allowed")

    monkeypatch.setattr(centrality, "ProcessPoolExecutor", refuse)
    twin, lengths = _random_arcs(60, seed=6)
    with start_betweenness(twin, lengths, parallel_above=10) as job:
        assert not job.in_background
        counted = job.result()
    np.testing.assert_allclose(counted, betweenness_arrays(twin, lengths), rtol=1e-12)


def test_workers_or_not_the_numbers_are_the_same_to_the_last_digit(monkeypatch):
    twin, lengths = _random_arcs(90, seed=7)
    counted = {}
    for processes in (2, 1):
        monkeypatch.setattr(centrality, "_processes", lambda p=processes: p)
        with start_betweenness(twin, lengths, parallel_above=10) as job:
            assert job.in_background == (processes == 2)
            counted[processes] = job.result()
    np.testing.assert_array_equal(counted[1], counted[2])


def test_busy_cores_are_left_to_the_other_programs(monkeypatch):
    cores = len(os.sched_getaffinity(0))
    monkeypatch.setattr(os, "getloadavg", lambda: (cores + 0.5, 1.0, 1.0))
    assert centrality._processes() == 1
    monkeypatch.setattr(os, "getloadavg", lambda: (0.2, 1.0, 1.0))
    assert centrality._processes() == min(2, cores)
