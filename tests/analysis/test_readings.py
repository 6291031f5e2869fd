"""Plain-language readings of stakeholders and findings about the whole map."""

from __future__ import annotations

import itertools

import pytest

from stakeholder_mapper.analysis.metrics import compute_metrics
from stakeholder_mapper.analysis.readings import (
    SINGLE_POINT_SHARE,
    Finding,
    Reading,
    brokers,
    map_findings,
    single_points,
    stakeholder_readings,
    summary_findings,
)
from stakeholder_mapper.analysis.views import AnalysisInputError, GraphView
from stakeholder_mapper.core.commands import AddStakeholder
from stakeholder_mapper.core.model import Stakeholder


@pytest.fixture
def bow_tie(build_map):
    """Youth groups and authorities joined only through the branch; two isolated outlets."""
    return build_map(
        [
            ("y1", "youth"),
            ("y2", "youth"),
            ("y3", "youth"),
            ("branch", "redcross"),
            ("mayor", "municipal", {"power": 5, "trust": -2, "position": -1}),
            ("m2", "municipal"),
            ("m3", "municipal"),
            ("radio", "media"),
            ("tv", "media"),
            ("blog", "media"),
        ],
        [
            ("y1", "y2"),
            ("y2", "y3"),
            ("y3", "y1"),
            ("y1", "branch", {"strength": 5}),
            ("branch", "mayor", {"strength": 4}),
            ("mayor", "m2"),
            ("m2", "m3"),
            ("m3", "mayor"),
            ("radio", "tv"),
        ],
        kind="collaboration",
        directed=False,
    )


def _readings(smap, **options):
    return stakeholder_readings(smap, compute_metrics(smap, **options))


def test_every_stakeholder_gets_one_reading(bow_tie):
    readings = _readings(bow_tie)
    assert set(readings) == set(bow_tie.stakeholders)
    assert all(
        isinstance(r, Reading) and r.role and r.sentence.endswith(".") for r in readings.values()
    )


def test_only_link_between_two_categories(bow_tie):
    # Without the branch, 3 x 3 of the 16 connected pairs of others are lost (15 pairs
    # among the six youth groups and authorities, 1 between the two linked outlets).
    assert _readings(bow_tie)["branch"] == Reading(
        "Only link",
        "Only link between Youth group and Municipal authority actors: without it, 56% of "
        "the connections between others are lost.",
    )


def test_only_link_naming_the_few_it_holds_on(bow_tie):
    # Without y1, y2 and y3 lose their 2 x 4 = 8 pairs with the branch and authorities,
    # out of 16 connected pairs of others (15 on the main side, 1 between the outlets).
    assert _readings(bow_tie)["y1"] == Reading(
        "Only link",
        "Only link between Y2 and Y3 on one side and Municipal authority and "
        "Red Cross / Red Crescent actors on the other: without it, 50% of the connections "
        "between others are lost.",
    )


def test_isolated(bow_tie):
    readings = _readings(bow_tie)
    assert readings["blog"] == Reading(
        "Isolated", "Has no ties in this view of the map: no one reaches it."
    )
    # Only the all-ties view or a kind filter changes who is isolated.
    only_trust = _readings(bow_tie, view=GraphView(kinds=frozenset({"trust"})))
    assert {r.role for r in only_trust.values()} == {"Isolated"}


@pytest.fixture
def fan(build_map):
    """Three youth groups reach three authorities through one NGO; the authorities also
    reach the youth groups through m1, so the NGO is not their only link."""
    return build_map(
        [
            ("y1", "youth"),
            ("y2", "youth"),
            ("y3", "youth"),
            ("hub", "ngo"),
            ("m1", "municipal"),
            ("m2", "municipal"),
            ("m3", "municipal"),
        ],
        [
            ("y1", "hub"),
            ("y2", "hub"),
            ("y3", "hub"),
            ("hub", "m1"),
            ("hub", "m2"),
            ("hub", "m3"),
            ("m1", "y1"),
            ("m1", "y2"),
            ("m1", "y3"),
            ("m2", "m1"),
            ("m3", "m1"),
        ],
    )


def test_liaison(fan):
    reading = _readings(fan)["hub"]
    # The hub also carries 19 of the 6 x 5 = 30 ordered pairs of others: the 9 youth-to-
    # authority pairs, the 6 youth-to-youth pairs (y -> hub -> m1 -> y), m1 -> m2, m1 -> m3
    # (m1 -> y -> hub -> m) and m2 <-> m3 (through m1, a youth group and the hub).
    assert reading == Reading(
        "Liaison",
        "Links groups it does not belong to: it sits between 9 pairs of stakeholders from "
        "other groups; it also lies on 63% of the most trusted routes between other stakeholders.",
    )


@pytest.fixture
def gate(build_map):
    """Two outlets reach three municipal units only through the planning office."""
    return build_map(
        [
            ("radio", "media"),
            ("tv", "media"),
            ("planning", "municipal"),
            ("m1", "municipal"),
            ("m2", "municipal"),
            ("m3", "municipal"),
        ],
        [
            ("radio", "planning"),
            ("tv", "planning"),
            ("planning", "m1"),
            ("planning", "m2"),
            ("planning", "m3"),
            ("m1", "m2"),
            ("m2", "m3"),
            ("tv", "m3"),
            ("m3", "radio"),
        ],
    )


def test_gatekeeper(gate):
    # radio -> planning -> m1, m2, m3 and tv -> planning -> m1, m2 (tv reaches m3 itself).
    # Routes through planning: those 5, m3 -> m1 and m3 -> m2 (via radio), m2 -> m1 (via
    # m3 and radio): 8 of the 5 x 4 = 20 ordered pairs of others.
    assert _readings(gate)["planning"] == Reading(
        "Gatekeeper",
        "Lets outsiders reach Municipal authority actors: it sits between 5 pairs of an "
        "outsider and a member of its own group; it also lies on 40% of the most trusted "
        "routes between other stakeholders.",
    )


def test_representative_is_the_mirror_of_the_gatekeeper(build_map, gate):
    reversed_ties = [(r.target, r.source) for r in gate.relationships.values()]
    mirror = build_map([(s.id, s.category) for s in gate.stakeholders.values()], reversed_ties)
    assert _readings(mirror)["planning"] == Reading(
        "Representative",
        "Carries ties from Municipal authority actors out to others: it sits between 5 pairs "
        "of a member of its own group and an outsider; it also lies on 40% of the most "
        "trusted routes between other stakeholders.",
    )


def test_peripheral_and_embedded(build_map):
    smap = build_map(
        [("a", "ngo"), ("b", "ngo"), ("c", "ngo"), ("d", "ngo"), ("leaf", "ngo")],
        [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "c"), ("leaf", "a")],
        kind="collaboration",
        directed=False,
    )
    readings = _readings(smap)
    assert readings["leaf"] == Reading(
        "Peripheral", "Connected to the rest of the map only through A."
    )
    assert readings["a"].role == "Only link"
    assert readings["b"].role == "Embedded"
    assert readings["b"].sentence.endswith(
        "whose 2 contacts stay connected to each other without it."
    )


def test_map_findings(bow_tie):
    findings = map_findings(bow_tie, compute_metrics(bow_tie))
    # Branch: 3 x 3 pairs x 2 directions of 9 x 8 = 18 / 72; Y1 and Mayor: 2 x 4 x 2 = 16 / 72.
    # Ranked by weight: brokers 100; a single point of failure 40 + its loss in percent
    # (Branch 56: 96; Y1 and Mayor 50: 90); powerful and wary 60 + 5 x power + 5 x the
    # worst of trust and position (Mayor: 60 + 25 + 10 = 95); a coalition without a
    # decision-maker 55 + its size (57); isolated 30; a closed category 25.
    assert findings == [
        "Top brokers: Branch lies on 25% of the most trusted routes between other "
        "stakeholders, Y1 on 22% and Mayor on 22%.",
        "Single point of failure: if Branch stepped back, 56% of the connections between "
        "the other stakeholders would be lost.",
        "Mayor is powerful (power 5 of 5) but distrusts us strongly (trust -2) and opposes "
        "our objective (position -1).",
        "Single point of failure: if Y1 stepped back, 50% of the connections between the "
        "other stakeholders would be lost.",
        "Single point of failure: if Mayor stepped back, 50% of the connections between the "
        "other stakeholders would be lost.",
        "Coalition 3 (Radio and Tv) has no trusted tie to a decision-maker.",
        "1 stakeholder has no ties in this view: Blog.",
        "Media actors have no ties to any other category.",
    ]


def test_findings_without_ties(build_map):
    smap = build_map([("a", "ngo"), ("b", "youth")])
    assert map_findings(smap, compute_metrics(smap)) == [
        "2 stakeholders have no ties in this view: A and B.",
        "Civil society / NGO actors have no ties to any other category.",
        "Youth group actors have no ties to any other category.",
    ]


def test_broker_without_a_marked_brokerage_role(build_map):
    # A ring a-b-c-d-e-f-a with a chord b-e: b and e each lie on 1/3 of the routes between
    # others, the rest on 1/12. Mean 1/6, standard deviation sqrt(1/72) ≈ 0.118: b and e
    # are 1.41 deviations above the mean (a broker from 1), the others 0.71 below.
    smap = build_map(
        [(x, "ngo") for x in "abcdef"],
        [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "a"), ("b", "e")],
        kind="collaboration",
        directed=False,
    )
    metrics = compute_metrics(smap)
    readings = stakeholder_readings(smap, metrics)
    assert (
        readings["b"]
        == readings["e"]
        == Reading("Broker", "Lies on 33% of the most trusted routes between other stakeholders.")
    )
    assert {readings[x].role for x in "acdf"} == {"Embedded"}
    assert brokers(metrics, readings) == ["b", "e"]


def test_when_all_lie_on_as_many_routes_no_one_is_a_broker(build_map):
    # A one-way ring a -> b -> c -> d -> a: each lies on 3 of the 3 x 2 = 6 ordered pairs
    # of the others; no one stands out, so no one counts as a broker.
    smap = build_map(
        [("a", "ngo"), ("b", "ngo"), ("c", "ngo"), ("d", "ngo")],
        [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")],
    )
    metrics = compute_metrics(smap)
    readings = stakeholder_readings(smap, metrics)
    assert "Broker" not in {r.role for r in readings.values()}
    assert brokers(metrics, readings) == []


def test_brokers_and_single_points_of_the_bow_tie(bow_tie):
    metrics = compute_metrics(bow_tie)
    readings = stakeholder_readings(bow_tie, metrics)
    # Betweenness 0.25 (branch), 0.222 (y1, mayor), 0 for the seven others: mean 0.069,
    # standard deviation 0.106; z = 1.70, 1.44, 1.44. All three are also only links.
    assert brokers(metrics, readings) == ["branch", "y1", "mayor"]
    assert single_points(metrics) == ["branch", "y1", "mayor"]


def test_small_single_points_of_failure_are_not_reported(build_map):
    # A ring of 49 and a leaf on c5: without c5 the leaf loses its pairs with the 48 others
    # of the ring, of the 49 x 48 / 2 = 1,176 pairs among the 49 stakeholders besides c5:
    # 4.1 %, under 5 %.
    ring = [f"c{i}" for i in range(1, 50)]
    smap = build_map(
        [(x, "ngo") for x in ring] + [("leaf", "ngo")],
        [*itertools.pairwise(ring), ("c49", "c1"), ("leaf", "c5")],
        kind="collaboration",
        directed=False,
    )
    metrics = compute_metrics(smap)
    assert bool(metrics.at["c5", "articulation_point"])
    assert metrics.at["c5", "reachability_loss"] == pytest.approx(48 / 1176)
    assert 48 / 1176 < SINGLE_POINT_SHARE == 0.05
    assert single_points(metrics) == []
    assert not [f for f in map_findings(smap, metrics) if f.startswith("Single point")]


def test_the_summary_keeps_the_first_of_each_kind_and_at_most_eight():
    findings = (
        [Finding("powerful", 100 - i, f"p{i}") for i in range(6)]
        + [Finding("single point", 80 - i, f"s{i}") for i in range(4)]
        + [
            Finding("brokers", 50, "b"),
            Finding("isolated", 30, "i"),
            Finding("closed category", 20, "c"),
        ]
    )
    shown, rest = summary_findings(findings)
    # At most 3 "powerful", 2 "single point", 1 of each other kind.
    assert [f.sentence for f in shown] == ["p0", "p1", "p2", "s0", "s1", "b", "i", "c"]
    assert [f.sentence for f in rest] == ["p3", "p4", "p5", "s2", "s3"]
    shown, rest = summary_findings(findings, most=4)
    assert [f.sentence for f in shown] == ["p0", "p1", "p2", "s0"]
    assert len(rest) == len(findings) - 4


def test_stale_metrics_are_refused(bow_tie):
    metrics = compute_metrics(bow_tie)
    AddStakeholder(bow_tie, Stakeholder("council", "City council", "municipal")).redo()
    with pytest.raises(AnalysisInputError, match="out of date"):
        stakeholder_readings(bow_tie, metrics)
    with pytest.raises(AnalysisInputError, match="out of date"):
        map_findings(bow_tie, metrics)


@pytest.mark.parametrize(
    ("first", "second", "named"),
    [("media", "youth", "Media and Youth group"), ("youth", "media", "Youth group and Media")],
)
def test_only_link_names_equally_common_categories_in_the_order_met(
    build_map, first, second, named
):
    # x holds four stakeholders, two of each category, apart from five authorities.
    side = [("p1", first), ("p2", second), ("p3", second), ("p4", first)]
    rest = [(f"m{i}", "municipal") for i in range(1, 6)]
    chain = ["p1", "p2", "p3", "p4", "x", "m1", "m2", "m3", "m4", "m5"]
    smap = build_map(
        [*side, ("x", "ngo"), *rest],
        list(itertools.pairwise(chain)),
        kind="collaboration",
        directed=False,
    )
    reading = _readings(smap)["x"]
    assert reading.role == "Only link"
    assert reading.sentence.startswith(
        f"Only link between 4 stakeholders ({named}) on one side and Municipal authority "
        "actors on the other"
    )
