"""Most trusted routes and our own branch."""

from __future__ import annotations

import dataclasses

import pytest

from stakeholder_mapper.analysis.routes import Route, our_branch, routes_from, trusted_routes
from stakeholder_mapper.analysis.views import AnalysisInputError, GraphView


@pytest.fixture
def city(build_map):
    # branch -4-> imam -5-> mayor;  branch -2-> youth -5-> mayor;
    # branch -3- chamber -3- mayor (undirected);  branch -5-> mayor is a conflict.
    return build_map(
        [
            ("branch", "redcross", {"power": 3}),
            ("volunteers", "redcross", {"power": 2}),
            ("imam", "faith"),
            ("youth", "youth"),
            ("chamber", "private"),
            ("mayor", "municipal"),
            ("press", "media"),
        ],
        [
            ("branch", "imam", {"strength": 4}),
            ("imam", "mayor", {"strength": 5}),
            ("branch", "youth", {"strength": 2}),
            ("youth", "mayor", {"strength": 5}),
            ("branch", "chamber", {"strength": 3, "kind": "collaboration", "directed": False}),
            ("chamber", "mayor", {"strength": 3, "kind": "collaboration", "directed": False}),
            ("branch", "mayor", {"strength": 5, "kind": "conflict", "valence": "negative"}),
        ],
    )


def test_top_routes_by_total_distance(city):
    routes = trusted_routes(city, "branch", "mayor", k=3)
    assert routes == [
        Route(("branch", "imam", "mayor"), 15 + 12),
        Route(("branch", "chamber", "mayor"), 20 + 20),
        Route(("branch", "youth", "mayor"), 30 + 12),
    ]


def test_negative_ties_never_carry_a_route_even_in_an_all_ties_view(city):
    routes = trusted_routes(city, "branch", "mayor", k=5, view=GraphView(positive_only=False))
    assert all(len(r.stakeholders) > 2 for r in routes)
    assert len(routes) == 3


def test_direction_matters_and_undirected_ties_work_both_ways(city):
    back = trusted_routes(city, "mayor", "branch", k=5)
    assert back == [Route(("mayor", "chamber", "branch"), 40)]


def test_no_route_and_the_view_limits_routes(city):
    assert trusted_routes(city, "branch", "press") == []
    assert trusted_routes(city, "branch", "branch") == []
    strong = trusted_routes(city, "branch", "mayor", view=GraphView(min_strength=4))
    assert strong == [Route(("branch", "imam", "mayor"), 27)]


def test_a_stakeholder_that_may_not_relay_can_still_be_reached(city):
    routes = routes_from(city, "branch", ["mayor", "imam"], k=1, no_relay=["imam", "branch"])
    # The imam no longer carries the route to the mayor, but is still reached directly;
    # our own branch, the start, is never blocked.
    assert routes == {
        "mayor": [Route(("branch", "chamber", "mayor"), 40)],
        "imam": [Route(("branch", "imam"), 15)],
    }


def test_unknown_stakeholder_is_named(city):
    with pytest.raises(AnalysisInputError, match="'governor'"):
        trusted_routes(city, "branch", "governor")


def test_routes_from_one_stakeholder_to_many(city):
    found = routes_from(city, "branch", ["mayor", "press", "imam"], k=2)
    assert found == {
        "mayor": trusted_routes(city, "branch", "mayor", k=2),
        "press": [],
        "imam": [Route(("branch", "imam"), 15)],
    }
    with pytest.raises(AnalysisInputError, match="'governor'"):
        routes_from(city, "branch", ["mayor", "governor"])


def test_our_branch_is_the_one_the_map_names_never_a_guess(build_map):
    city = build_map([("hq", "redcross"), ("branch", "redcross")])
    city.stakeholders["hq"] = dataclasses.replace(city.stakeholders["hq"], power=5)
    assert our_branch(city) is None, "the most powerful Red Cross unit is not taken for us"
    city.info = dataclasses.replace(city.info, branch="branch")
    assert our_branch(city) == "branch"
    # Files of older versions named the branch by its label.
    city.info = dataclasses.replace(city.info, branch=city.stakeholders["branch"].label)
    assert our_branch(city) == "branch"
    city.info = dataclasses.replace(city.info, branch="Somewhere else")
    assert our_branch(city) is None
