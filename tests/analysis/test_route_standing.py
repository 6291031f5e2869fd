"""Routes weigh each go-between's standing with us and with the next stakeholder, and say
how far they can be relied on. Every expected cost is worked by hand below."""

from __future__ import annotations

import dataclasses

import pytest

from stakeholder_mapper.analysis.attitude import attitude, poor_go_between
from stakeholder_mapper.analysis.routes import Route, confidence, routes_from, trusted_routes

FOCAL = {"focal_point": "Communications officer"}


@pytest.fixture
def city(build_map):
    # To the tabloid: branch -5-> fire -5-> police -4-> tabloid is the shortest chain
    # (12 + 12 + 15 = 39), but the tabloid distrusts the police and the police are
    # neutral toward us; branch -3-> tv -3-> tabloid is 20 + 20 = 40.
    # To the developer: branch -5-> bank -5-> developer is 12 + 12 = 24 through a bank
    # whose trust is unknown and which no one of ours looks after; branch -4-> chamber
    # -4-> developer is 15 + 15 = 30 through a chamber that trusts and supports us.
    return build_map(
        [
            ("branch", "redcross", {"power": 3}),
            ("fire", "emergency", {"trust": 2, "position": 2, **FOCAL}),
            ("police", "emergency", {"trust": 0, "position": 0, **FOCAL}),
            ("tv", "media", {"trust": 1, "position": 1, **FOCAL}),
            ("tabloid", "media", {"trust": -2, "position": -1, **FOCAL}),
            ("bank", "financial", {"position": 0}),
            ("chamber", "private", {"trust": 2, "position": 1, **FOCAL}),
            ("developer", "private", {"trust": -1, "position": -2}),
        ],
        [
            ("branch", "fire", {"strength": 5}),
            ("fire", "police", {"strength": 5}),
            ("police", "tabloid", {"strength": 4, "kind": "information"}),
            ("branch", "tv", {"strength": 3}),
            ("tv", "tabloid", {"strength": 3}),
            ("branch", "bank", {"strength": 5}),
            ("bank", "developer", {"strength": 5}),
            ("branch", "chamber", {"strength": 4}),
            ("chamber", "developer", {"strength": 4}),
        ],
    )


def test_a_neutral_go_between_costs_more_than_a_slightly_longer_trusted_one(city):
    routes = trusted_routes(city, "branch", "tabloid", k=2)
    assert routes == [
        # tv: trust +1 adds 10, position +1 adds 0, focal point recorded: 40 + 10.
        Route(("branch", "tv", "tabloid"), 40, 50),
        # fire adds 0; police: trust 0 adds 20, position 0 adds 10: 39 + 30.
        Route(("branch", "fire", "police", "tabloid"), 39, 69),
    ]


def test_a_target_that_distrusts_the_go_between_never_hears_from_it(city):
    city.relationships["distrust"] = dataclasses.replace(
        city.relationships["r3"],
        id="distrust",
        source="tabloid",
        target="police",
        kind="trust",
        valence="negative",
    )
    assert trusted_routes(city, "branch", "tabloid", k=3) == [
        Route(("branch", "tv", "tabloid"), 40, 50)
    ]


def test_an_unknown_bank_without_a_focal_point_loses_to_a_trusted_chamber(city):
    routes = routes_from(city, "branch", ["developer"], k=2)["developer"]
    assert routes == [
        Route(("branch", "chamber", "developer"), 30, 30),
        # bank: trust unknown 30, position 0 adds 10, no focal point 20: 24 + 60.
        Route(("branch", "bank", "developer"), 24, 84),
    ]


def test_an_assumed_tie_costs_twenty(city):
    city.relationships["r9"] = dataclasses.replace(city.relationships["r9"], confidence="assumed")
    routes = trusted_routes(city, "branch", "developer", k=1)
    assert routes == [Route(("branch", "chamber", "developer"), 30, 50)]


def test_confidence_is_high_only_when_nothing_weakens_the_route(city):
    tv = trusted_routes(city, "branch", "tabloid", k=1)[0]
    judged = confidence(city, tv)
    assert judged.level == "high"
    assert judged.reasons == (
        "every go-between trusts us and supports our objective, our staff look after each "
        "relationship, and every tie is confirmed and of strength 3 or more",
    )


def test_confidence_names_what_weakens_the_route(city):
    bank, police = (
        Route(("branch", "bank", "developer"), 24, 84),
        Route(("branch", "fire", "police", "tabloid"), 39, 69),
    )
    low = confidence(city, bank)
    assert low.level == "low"
    assert low.reasons == (
        "Bank's trust in us is not known",
        "Bank is neutral on our objective",
        "none of our staff looks after the relationship with Bank",
    )
    medium = confidence(city, police)
    assert medium.level == "medium"
    assert medium.reasons == (
        "Police neither trusts nor distrusts us",
        "Police is neutral on our objective",
        "the route needs two introductions",
    )


def test_assumed_weak_and_long_routes_are_low(city, build_map):
    city.relationships["r9"] = dataclasses.replace(
        city.relationships["r9"], confidence="assumed", strength=2
    )
    chamber = Route(("branch", "chamber", "developer"), 45, 65)
    assert confidence(city, chamber) == type(confidence(city, chamber))(
        "low",
        # One clause per tie, not the same tie twice.
        (
            "the tie from Chamber to Developer is assumed, not confirmed, and weak "
            "(strength 2 of 5)",
        ),
    )
    chain = build_map(
        [("a", "redcross"), *((x, "ngo", {"trust": 2, "position": 2, **FOCAL}) for x in "bcd")],
        [("a", "b"), ("b", "c"), ("c", "d")],
        strength=5,
    )
    chain.stakeholders["e"] = dataclasses.replace(chain.stakeholders["d"], id="e", label="E")
    chain.relationships["r4"] = dataclasses.replace(
        chain.relationships["r3"], id="r4", source="d", target="e"
    )
    long = trusted_routes(chain, "a", "e", k=1)[0]
    assert long.stakeholders == ("a", "b", "c", "d", "e")
    assert confidence(chain, long).level == "low"
    assert confidence(chain, long).reasons == ("the route needs 3 introductions",)


def test_without_attitudes_only_ties_and_length_are_judged(city):
    bank = Route(("branch", "bank", "developer"), 24, 84)
    judged = confidence(city, bank, attitudes=False)
    assert judged.level == "high"
    assert judged.reasons == (
        "every tie is confirmed and of strength 3 or more, with one introduction",
    )


def test_direct_route_is_judged_on_our_own_tie(city):
    direct = Route(("branch", "fire"), 12, 12)
    assert confidence(city, direct).level == "high"
    city.relationships["r1"] = dataclasses.replace(city.relationships["r1"], strength=1)
    assert confidence(city, direct).reasons == (
        "the tie from Branch to Fire is weak (strength 1 of 5)",
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"position": -2, "trust": -2}, "hostile"),
        ({"position": 0, "trust": -2}, "hostile"),
        ({"position": -1, "trust": 1}, "wary"),
        ({"position": 1, "trust": 1, "notes": "Threatened our volunteers in May."}, "hostile"),
        ({"notes": "Угрожал волонтёрам на рынке."}, "hostile"),
        ({"notes": "Flood threat to the market."}, "unknown"),
        ({"position": 1, "trust": 0}, "supportive"),
        ({"position": 0, "trust": 2}, "neutral"),
        ({"trust": 1}, "neutral"),
        ({}, "unknown"),
    ],
)
def test_attitude_from_scores_and_notes(build_map, fields, expected):
    s = build_map([("x", "ngo", fields)]).stakeholders["x"]
    assert attitude(s) == expected
    assert poor_go_between(s) == (expected in ("hostile", "wary"))


def test_a_go_between_whose_notes_record_threats_never_relays(city):
    city.stakeholders["tv"] = dataclasses.replace(
        city.stakeholders["tv"], notes="Its editor threatened our volunteers."
    )
    assert trusted_routes(city, "branch", "tabloid", k=3) == [
        Route(("branch", "fire", "police", "tabloid"), 39, 69)
    ]
