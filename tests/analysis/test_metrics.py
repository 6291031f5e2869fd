"""The metrics table: columns, degrees, coalitions, single points of failure, progress."""

from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stakeholder_mapper.analysis import Cancelled, centrality
from stakeholder_mapper.analysis import metrics as metrics_module
from stakeholder_mapper.analysis.centrality import start_betweenness
from stakeholder_mapper.analysis.coalitions import communities
from stakeholder_mapper.analysis.metrics import (
    ALL_COLUMNS,
    METRIC_COLUMNS,
    Z_COLUMNS,
    compute_metrics,
)
from stakeholder_mapper.analysis.resilience import cuts, reachability_loss
from stakeholder_mapper.analysis.views import AnalysisInputError, GraphView


def test_metric_columns_are_those_of_the_export_contract():
    assert METRIC_COLUMNS == (
        "betweenness",
        "gf_coordinator",
        "gf_itinerant",
        "gf_gatekeeper",
        "gf_representative",
        "gf_liaison",
        "gf_total",
        "constraint",
        "effective_size",
        "in_degree",
        "out_degree",
        "pagerank",
        "community",
    )
    assert tuple(f"{c}_z" for c in METRIC_COLUMNS[1:7]) == Z_COLUMNS


@pytest.fixture
def bow_tie(build_map):
    """Two triangles of youth groups and authorities joined only through the branch."""
    return build_map(
        [
            ("y1", "youth"),
            ("y2", "youth"),
            ("y3", "youth"),
            ("branch", "redcross"),
            ("m1", "municipal"),
            ("m2", "municipal"),
            ("m3", "municipal"),
            ("press", "media"),
        ],
        [
            ("y1", "y2"),
            ("y2", "y3"),
            ("y3", "y1"),
            ("y1", "branch", {"strength": 5}),
            ("branch", "m1", {"strength": 4}),
            ("m1", "m2"),
            ("m2", "m3"),
            ("m3", "m1"),
            ("m2", "y2", {"kind": "conflict", "valence": "negative", "directed": False}),
        ],
        kind="collaboration",
        directed=False,
    )


def test_table_has_one_row_per_stakeholder_and_every_column(bow_tie):
    metrics = compute_metrics(bow_tie)
    assert list(metrics.columns) == list(ALL_COLUMNS)
    assert list(metrics.columns[:3]) == ["id", "name", "category"]
    assert list(metrics.index) == list(bow_tie.stakeholders)
    assert metrics.loc["branch", "name"] == "Branch"
    assert metrics.loc["m1", "category"] == "municipal"


def test_degrees_count_distinct_neighbours_and_strengths(bow_tie):
    metrics = compute_metrics(bow_tie)
    # branch: tied both ways to y1 (strength 5) and m1 (strength 4).
    assert metrics.loc["branch", ["in_degree", "out_degree"]].tolist() == [2, 2]
    assert metrics.loc["branch", ["in_strength", "out_strength"]].tolist() == [9, 9]
    assert metrics.loc["press", ["in_degree", "out_degree", "in_strength"]].tolist() == [0, 0, 0]
    with_conflict = compute_metrics(bow_tie, GraphView(positive_only=False))
    assert with_conflict.loc["m2", "in_degree"] == 3


def test_betweenness_of_the_bridge(bow_tie):
    metrics = compute_metrics(bow_tie)
    # The only routes between the 3 youth groups and the 3 authorities run
    # y1 - branch - m1: 3 x 3 pairs x 2 directions = 18 of the 7 x 6 ordered pairs.
    n = 8
    assert metrics.loc["branch", "betweenness"] == pytest.approx(18 / ((n - 1) * (n - 2)))
    assert metrics.loc["press", "betweenness"] == 0
    assert math.isnan(metrics.loc["press", "constraint"])
    assert metrics["pagerank"].sum() == pytest.approx(1)


def test_single_points_of_failure(bow_tie):
    metrics = compute_metrics(bow_tie)
    assert set(metrics.index[metrics["articulation_point"]]) == {"y1", "branch", "m1"}
    # Without branch: the 6 others lose 3 x 3 = 9 of their C(6,2) = 15 connected pairs.
    assert metrics.loc["branch", "reachability_loss"] == pytest.approx(9 / 15)
    # Without y1: y2, y3 lose their 2 x 4 = 8 pairs with branch and the municipal side.
    assert metrics.loc["y1", "reachability_loss"] == pytest.approx(8 / 15)
    assert metrics.loc["y2", "reachability_loss"] == 0
    assert metrics.loc["press", "reachability_loss"] == 0


def test_communities_and_bridges(bow_tie):
    metrics = compute_metrics(bow_tie)
    youth = set(metrics.loc[["y1", "y2", "y3"], "community"])
    municipal = set(metrics.loc[["m1", "m2", "m3"], "community"])
    assert len(youth) == 1 and len(municipal) == 1 and youth != municipal
    assert metrics.loc["press", "community"] not in youth | municipal
    assert metrics["community"].min() == 1
    # The branch sides with y1 (strength 5 against 4) and bridges to the authorities.
    assert metrics.loc["branch", "community"] in youth
    bridges = metrics.index[metrics["communities_bridged"] > 0]
    assert set(bridges) == {"branch", "m1"}


def test_communities_are_reproducible_and_numbered_by_size():
    graph = nx.karate_club_graph()
    first = communities(graph, weight=None)
    assert all(communities(graph, weight=None) == first for _ in range(3))
    sizes = np.bincount(list(first.values()))[1:]
    assert list(sizes) == sorted(sizes, reverse=True)
    assert len(sizes) >= 3


def test_reachability_loss_matches_brute_force():
    graph = nx.Graph()
    graph.add_edges_from([(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5), (5, 3), (5, 6)])
    graph.add_edges_from([(7, 8), (8, 9)])  # a second component
    graph.add_node(10)
    loss = reachability_loss(graph)

    def connected_pairs(g):
        return sum(len(c) * (len(c) - 1) // 2 for c in nx.connected_components(g))

    for node in graph:
        rest = graph.subgraph(n for n in graph if n != node)
        before = connected_pairs(graph) - (len(nx.node_connected_component(graph, node)) - 1)
        assert loss[node] == pytest.approx((before - connected_pairs(rest)) / before)
    assert {n for n, share in loss.items() if share > 0} == set(nx.articulation_points(graph))


def test_parts_left_when_an_articulation_point_goes():
    # 0 - 1 - 2 - 3 with 4 hanging off 2: removing 2 leaves {0, 1}, {3} and {4}.
    arcs = [(0, 1), (1, 2), (2, 3), (2, 4)]
    result = cuts(5, np.array([a for a, _ in arcs]), np.array([b for _, b in arcs]))
    parts = sorted(sorted(part) for part in result.parts(2))
    assert parts == [[0, 1], [3], [4]]
    assert result.parts(0) == []
    for node in range(5):
        expected = set(itertools.chain.from_iterable(result.parts(node)))
        assert expected in (set(), set(range(5)) - {node})


def test_progress_reports_and_cancel_stops(bow_tie):
    seen = []
    compute_metrics(bow_tie, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 5
    calls = []

    def cancel_on_third_check():
        calls.append(1)
        return len(calls) == 3

    with pytest.raises(Cancelled):
        compute_metrics(bow_tie, cancelled=cancel_on_third_check)


def test_bad_requests_are_named(bow_tie):
    with pytest.raises(AnalysisInputError, match="'district'"):
        compute_metrics(bow_tie, group_by="district")
    with pytest.raises(AnalysisInputError, match="'alliance'"):
        compute_metrics(bow_tie, GraphView(kinds=frozenset({"alliance"})))


def test_empty_map(build_map):
    metrics = compute_metrics(build_map([]))
    assert metrics.empty and list(metrics.columns) == list(ALL_COLUMNS)


def test_large_maps_report_progress_and_cancel_during_betweenness(bow_tie, monkeypatch):
    monkeypatch.setattr(centrality, "SLICED_ABOVE", 4)
    whole = compute_metrics(bow_tie)
    seen = []
    compute_metrics(bow_tie, progress=seen.append)
    betweenness_steps = [f for f in seen if 0.05 < f < 0.65]
    assert len(betweenness_steps) >= 5 and seen == sorted(seen)
    checks = []

    def cancel_inside_betweenness():
        checks.append(1)
        return len(checks) == 4  # the stage check, then a check after each slice

    with pytest.raises(Cancelled):
        compute_metrics(bow_tie, progress=seen.append, cancelled=cancel_inside_betweenness)
    monkeypatch.undo()
    np.testing.assert_allclose(compute_metrics(bow_tie)["betweenness"], whole["betweenness"])


@st.composite
def small_maps(draw):
    n = draw(st.integers(min_value=1, max_value=9))
    categories = draw(st.lists(st.sampled_from(["youth", "ngo", "media"]), min_size=n, max_size=n))
    pairs = [(u, v) for u in range(n) for v in range(n) if u != v]
    ties = draw(
        st.lists(
            st.tuples(st.sampled_from(pairs), st.integers(1, 5), st.booleans()),
            max_size=3 * n,
        )
        if pairs
        else st.just([])
    )
    return categories, ties


@settings(max_examples=25)
@given(small_maps(), st.randoms(use_true_random=False))
def test_metrics_do_not_depend_on_ids_or_order(build_map, case, rnd):
    categories, ties = case
    n = len(categories)
    names = [f"actor{i}" for i in range(n)]
    rnd.shuffle(names)
    order = list(range(n))
    rnd.shuffle(order)

    def as_map(label, stakeholder_order, tie_order):
        stakeholders = [(label(i), categories[i], {"label": f"S{i}"}) for i in stakeholder_order]
        entries = [
            (label(u), label(v), {"strength": s, "directed": d})
            for (u, v), s, d in (ties[t] for t in tie_order)
        ]
        return build_map(stakeholders, entries, kind="collaboration")

    first = compute_metrics(as_map(lambda i: f"s{i}", range(n), range(len(ties))))
    tie_order = list(range(len(ties)))
    rnd.shuffle(tie_order)
    second = compute_metrics(as_map(lambda i: names[i], order, tie_order))
    second.index = [f"s{names.index(sid)}" for sid in second.index]
    second = second.loc[first.index]
    assert second["name"].tolist() == first["name"].tolist()
    # Coalitions may come out differently: the seeded search follows the map order.
    unlabelled = ("id", "name", "category", "group", "community", "communities_bridged")
    for column in (c for c in first.columns if c not in unlabelled):
        np.testing.assert_allclose(
            first[column].astype(float), second[column].astype(float), rtol=1e-9, atol=1e-12
        )


def test_large_maps_count_betweenness_in_workers_with_the_same_table(bow_tie, monkeypatch):
    whole = compute_metrics(bow_tie)
    monkeypatch.setattr(centrality, "PARALLEL_ABOVE", 4)
    monkeypatch.setattr(centrality, "_processes", lambda: 2)
    seen = []
    in_workers = compute_metrics(bow_tie, progress=seen.append)
    pd.testing.assert_frame_equal(in_workers, whole, rtol=1e-12)
    assert seen == sorted(seen) and seen[-1] == 1.0
    # The betweenness share is reported last, a slice of route starts (here one
    # stakeholder) at a time, as the workers finish.
    assert len([f for f in seen if 0.4 < f < 1.0]) >= len(bow_tie.stakeholders) - 1

    checks = []

    def cancel_while_workers_count():
        checks.append(1)
        return len(checks) == 3  # two stages in: the workers have started

    jobs = []

    def start_and_keep(*args, **kwargs):
        jobs.append(start_betweenness(*args, **kwargs))
        jobs.append(list(jobs[0]._pool._processes.values()))
        return jobs[0]

    monkeypatch.setattr(metrics_module, "start_betweenness", start_and_keep)
    with pytest.raises(Cancelled):
        compute_metrics(bow_tie, cancelled=cancel_while_workers_count)
    job, workers = jobs
    assert not job.in_background, "the workers were told to stop"
    assert len(workers) == 2 and not any(w.is_alive() for w in workers)


def test_the_same_map_gives_the_same_table_to_the_last_digit(build_map):
    graph = nx.gnp_random_graph(150, 0.04, seed=11, directed=True)
    smap = build_map(
        [(f"n{i}", ("ngo", "media", "youth")[i % 3]) for i in graph.nodes],
        [(f"n{u}", f"n{v}", {"strength": 1 + (u + v) % 5}) for u, v in graph.edges],
    )
    first = compute_metrics(smap)
    for _ in range(3):
        pd.testing.assert_frame_equal(compute_metrics(smap), first, check_exact=True)
