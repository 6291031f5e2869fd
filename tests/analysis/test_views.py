"""Graph views: which ties count, integer distances, merged parallel ties."""

from __future__ import annotations

import numpy as np
import pytest

from stakeholder_mapper.analysis.views import (
    AnalysisInputError,
    GraphView,
    build_arcs,
    build_graph,
    distance,
    group_values,
)


def test_distance_is_sixty_over_strength_and_integer():
    assert [distance(s) for s in (5, 4, 3, 2, 1)] == [12, 15, 20, 30, 60]
    assert all(isinstance(distance(s), int) for s in range(1, 6))
    # Routes of equal closeness tie exactly: 20 + 60 == 30 + 30 + 20.
    assert distance(3) + distance(1) == distance(2) + distance(2) + distance(3)


@pytest.fixture
def city(build_map):
    return build_map(
        [
            ("mayor", "municipal", {"power": 5}),
            ("imam", "faith"),
            ("youth", "youth"),
            ("branch", "redcross"),
            ("press", "media"),  # no ties at all
        ],
        [
            ("branch", "imam", {"strength": 4, "kind": "trust"}),
            ("imam", "mayor", {"strength": 5}),
            ("youth", "imam", {"strength": 2, "kind": "collaboration", "directed": False}),
            ("branch", "mayor", {"kind": "conflict", "valence": "negative", "directed": False}),
            ("branch", "youth", {"strength": 1, "kind": "information"}),
        ],
    )


def test_every_stakeholder_is_a_node_with_its_fields(city):
    graph = build_graph(city)
    assert list(graph.nodes) == ["mayor", "imam", "youth", "branch", "press"]
    assert graph.nodes["mayor"]["power"] == 5
    assert graph.nodes["press"]["category"] == "media"
    assert graph.degree("press") == 0


def test_undirected_ties_become_two_arcs_and_negative_ties_are_left_out(city):
    graph = build_graph(city)
    assert graph.has_edge("youth", "imam") and graph.has_edge("imam", "youth")
    assert not graph.has_edge("mayor", "imam")
    assert not graph.has_edge("branch", "mayor")
    edge = graph["imam"]["mayor"]
    assert edge == {
        "strength": 5,
        "distance": 12,
        "kind": "influence",
        "valence": "positive",
        "relationship": "r2",
        "relationships": ("r2",),
        "kinds": ("influence",),
    }


def test_all_ties_view_keeps_negative_ties(city):
    graph = build_graph(city, GraphView(positive_only=False))
    assert graph["mayor"]["branch"]["valence"] == "negative"
    assert graph.number_of_edges() == 7


def test_kinds_and_minimum_strength_filter_ties(city):
    graph = build_graph(city, GraphView(kinds=frozenset({"trust", "influence"})))
    assert sorted(graph.edges) == [("branch", "imam"), ("imam", "mayor")]
    graph = build_graph(city, GraphView(min_strength=3))
    assert sorted(graph.edges) == [("branch", "imam"), ("imam", "mayor")]


def test_parallel_ties_merge_into_the_strongest(build_map):
    smap = build_map(
        [("a", "ngo"), ("b", "ngo")],
        [
            ("a", "b", {"strength": 2, "kind": "funding"}),
            ("a", "b", {"strength": 4, "kind": "conflict", "valence": "negative"}),
            ("a", "b", {"strength": 4, "kind": "trust"}),
        ],
    )
    arc = build_graph(smap, GraphView(positive_only=False))["a"]["b"]
    assert (arc["strength"], arc["kind"], arc["valence"]) == (4, "trust", "positive")
    assert arc["relationships"] == ("r3", "r2", "r1")
    assert arc["kinds"] == ("trust", "conflict", "funding")
    assert build_graph(smap)["a"]["b"]["relationships"] == ("r3", "r1")


def test_arcs_match_the_graph(city):
    for view in (GraphView(), GraphView(positive_only=False), GraphView(min_strength=2)):
        graph = build_graph(city, view)
        arcs = build_arcs(city, view)
        assert arcs.ids == tuple(graph.nodes)
        found = {
            (arcs.ids[u], arcs.ids[v]): (int(s), int(d), bool(neg))
            for u, v, s, d, neg in zip(
                arcs.source, arcs.target, arcs.strength, arcs.distance, arcs.negative, strict=True
            )
        }
        expected = {
            (u, v): (e["strength"], e["distance"], e["valence"] == "negative")
            for u, v, e in graph.edges(data=True)
        }
        assert found == expected
        assert arcs.distance.dtype.kind == "i"


def test_unknown_kind_is_named(city):
    with pytest.raises(AnalysisInputError, match="'friendship'"):
        build_graph(city, GraphView(kinds=frozenset({"trust", "friendship"})))


def test_bad_minimum_strength_is_refused(city):
    with pytest.raises(AnalysisInputError, match="Minimum strength"):
        build_arcs(city, GraphView(min_strength=7))


def test_group_values_by_field_or_custom_attribute(build_map):
    smap = build_map(
        [
            ("a", "ngo", {"level": "city", "attributes": {"district": "north"}}),
            ("b", "ngo", {"attributes": {"district": ""}}),
        ]
    )
    assert group_values(smap, "category") == ["ngo", "ngo"]
    assert group_values(smap, "level") == ["city", None]
    assert group_values(smap, "district") == ["north", None]
    with pytest.raises(AnalysisInputError, match="'religion'"):
        group_values(smap, "religion")
    with pytest.raises(AnalysisInputError, match="'contact'"):
        group_values(smap, "contact")


def test_empty_map_gives_empty_arcs(build_map):
    arcs = build_arcs(build_map([]))
    assert arcs.n == 0 and len(arcs.source) == 0
    assert np.array_equal(arcs.distance, np.zeros(0, dtype=np.int64))
