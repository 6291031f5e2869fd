"""The layout: room for everyone, fewer crossings than a spring layout, pins and seeds kept."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from stakeholder_mapper.analysis.layout import (
    LayoutRequest,
    label_box,
    lay_out,
    layout_request,
)
from stakeholder_mapper.analysis.layout_quality import (
    close_pairs,
    edge_crossings,
    overlapping_boxes,
    overlapping_discs,
)
from stakeholder_mapper.analysis.progress import Cancelled
from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.core.node_size import rating_radius


def _spring(smap: StakeholderMap) -> dict:
    """networkx's spring layout of the map's graph, a pair's weight the sum of its ties'
    strengths (the layout the app had before)."""
    graph = nx.Graph()
    graph.add_nodes_from(smap.stakeholders)
    for r in smap.relationships.values():
        weight = graph.get_edge_data(r.source, r.target, {"weight": 0})["weight"]
        graph.add_edge(r.source, r.target, weight=weight + r.strength)
    return nx.spring_layout(graph, seed=7)


def _ties(smap: StakeholderMap) -> list[tuple[str, str]]:
    return [(r.source, r.target) for r in smap.relationships.values()]


@pytest.mark.parametrize("n", [60, 300])
def test_generated_maps_have_room_and_fewer_crossings_than_spring(generated_map, n) -> None:
    smap = generated_map(n)
    positions = lay_out(layout_request(smap))
    assert sorted(positions) == sorted(smap.stakeholders)
    assert close_pairs(positions, 0.3) == 0
    radii = {sid: rating_radius(s.power) for sid, s in smap.stakeholders.items()}
    assert overlapping_discs(positions, radii) == 0
    ours = edge_crossings(positions, _ties(smap))
    spring = edge_crossings(_spring(smap), _ties(smap))
    assert ours <= 0.9 * spring, (ours, spring)


def test_labels_get_room_below_their_stakeholders(generated_map) -> None:
    smap = generated_map(60)
    positions = lay_out(layout_request(smap))
    boxes = []
    for sid, (x, y) in positions.items():
        radius = rating_radius(smap.stakeholders[sid].power)
        width, height = label_box(smap.stakeholders[sid].label)
        boxes.append(
            (
                x - max(radius, width / 2),
                y - radius,
                x + max(radius, width / 2),
                y + radius + height,
            )
        )
    assert overlapping_boxes(boxes) == 0


def test_same_seed_same_positions_and_another_seed_another_drawing(generated_map) -> None:
    smap = generated_map(60)
    first = lay_out(layout_request(smap, seed=3))
    assert lay_out(layout_request(smap, seed=3)) == first
    assert lay_out(layout_request(smap, seed=4)) != first


def test_pinned_stakeholders_stay_and_the_rest_keeps_clear_of_them(generated_map) -> None:
    smap = generated_map(60)
    smap.positions.update({"s0": (0.0, 0.0), "s1": (900.0, 0.0), "s2": (0.0, 900.0)})
    smap.pinned.update({"s0", "s1", "s2"})
    positions = lay_out(layout_request(smap))
    assert not {"s0", "s1", "s2"} & set(positions)
    everyone = {**positions, **{p: smap.positions[p] for p in ("s0", "s1", "s2")}}
    radii = {sid: rating_radius(s.power) for sid, s in smap.stakeholders.items()}
    assert overlapping_discs(everyone, radii) == 0


def test_one_pinned_stakeholder_shifts_the_drawing_to_it(small_map) -> None:
    small_map.positions["mayor"] = (5000.0, -3000.0)
    small_map.pinned.add("mayor")
    positions = lay_out(layout_request(small_map))
    # The others are laid out around the pinned mayor, not around the origin.
    for x, y in positions.values():
        assert math.dist((x, y), (5000.0, -3000.0)) < 1000


def test_keeping_placed_stakeholders_puts_new_ones_beside_their_ties(generated_map) -> None:
    smap = generated_map(60)
    placed = lay_out(layout_request(smap))
    smap.positions.update(placed)
    # Two newcomers: one tied to s5 and s6, one with no tie at all.
    new = generated_map(62)
    for sid in ("s60", "s61"):
        smap.stakeholders[sid] = new.stakeholders[sid]
    smap.relationships["n1"] = Relationship("n1", "s60", "s5")
    smap.relationships["n2"] = Relationship("n2", "s6", "s60")
    moved = lay_out(layout_request(smap, keep_placed=True))
    assert sorted(moved) == ["s60", "s61"]
    middle = ((placed["s5"][0] + placed["s6"][0]) / 2, (placed["s5"][1] + placed["s6"][1]) / 2)
    nearest_other = sorted(math.dist(middle, xy) for xy in placed.values())[0]
    # Beside its ties: about as near their middle as the nearest stakeholder already is.
    assert math.dist(moved["s60"], middle) <= nearest_other + 300
    everyone = {**placed, **moved}
    radii = {sid: rating_radius(s.power) for sid, s in smap.stakeholders.items()}
    assert overlapping_discs(everyone, radii) == 0
    assert close_pairs(everyone, 0.3) == 0


def test_coalitions_are_drawn_as_groups() -> None:
    # Three tight groups of 40 joined by one tie each: members of a group are nearer
    # to each other than to the other groups' members.
    inside = [
        (f"g{g}m{a}", f"g{g}m{b}", 5)
        for g in range(3)
        for a in range(40)
        for b in range(a + 1, min(a + 5, 40))
    ]
    request = LayoutRequest(
        ids=tuple(f"g{g}m{m}" for g in range(3) for m in range(40)),
        ties=(*inside, ("g0m0", "g1m0", 1), ("g1m0", "g2m0", 1)),
    )
    positions = lay_out(request)

    def mean_distance(first: str, second: str) -> float:
        pairs = [
            math.dist(positions[f"{first}m{a}"], positions[f"{second}m{b}"])
            for a in range(40)
            for b in range(40)
            if (first, a) != (second, b)
        ]
        return sum(pairs) / len(pairs)

    for g in ("g0", "g1", "g2"):
        inside = mean_distance(g, g)
        outside = min(mean_distance(g, o) for o in ("g0", "g1", "g2") if o != g)
        assert inside < 0.6 * outside


def test_stakeholders_without_ties_are_placed_in_free_space(small_map) -> None:
    small_map.stakeholders["alone"] = Stakeholder("alone", "Alone", "ngo")
    positions = lay_out(layout_request(small_map))
    radii = {sid: rating_radius(s.power) for sid, s in small_map.stakeholders.items()}
    assert set(positions) == set(small_map.stakeholders)
    assert overlapping_discs(positions, radii) == 0
    assert all(math.isfinite(c) for xy in positions.values() for c in xy)


def test_progress_is_reported_and_a_cancel_stops_the_layout(generated_map) -> None:
    smap = generated_map(150)
    seen: list[float] = []
    lay_out(layout_request(smap), seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 4

    def cancel(fraction: float) -> None:
        if fraction > 0.1:
            raise Cancelled

    with pytest.raises(Cancelled):
        lay_out(layout_request(smap), cancel)


def test_an_empty_map_and_a_single_stakeholder(small_map) -> None:
    assert lay_out(LayoutRequest(ids=(), ties=())) == {}
    alone = lay_out(LayoutRequest(ids=("a",), ties=()))
    assert list(alone) == ["a"] and all(math.isfinite(c) for c in alone["a"])


@pytest.mark.parametrize("size", [30, 60])
def test_a_broker_between_two_coalitions_is_drawn_between_them(size) -> None:
    # Two tight groups (small maps take one path of the layout, large ones the other) and
    # a broker tied to three members of each.
    inside = [
        (f"{g}{a}", f"{g}{b}", 5)
        for g in "ab"
        for a in range(size)
        for b in range(a + 1, min(a + 4, size))
    ]
    broker = [("broker", f"{g}{k}", 3) for g in "ab" for k in (0, size // 2, size - 1)]
    request = LayoutRequest(
        ids=("broker", *(f"{g}{k}" for g in "ab" for k in range(size))),
        ties=(*inside, *broker),
    )
    positions = lay_out(request)

    def centre(group: str) -> tuple[float, float]:
        points = [positions[f"{group}{k}"] for k in range(size)]
        return (sum(x for x, _ in points) / size, sum(y for _, y in points) / size)

    a, b = centre("a"), centre("b")
    middle = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    # Nearer the middle than to either group: a member of one group would be about
    # half the distance between the groups away from it.
    assert math.dist(positions["broker"], middle) < 0.3 * math.dist(a, b)


def test_a_separate_pair_does_not_spoil_the_layout_of_the_rest(generated_map) -> None:
    smap = generated_map(60)
    smap.stakeholders["x"] = Stakeholder("x", "Apart", "ngo")
    smap.stakeholders["y"] = Stakeholder("y", "Apart too", "ngo")
    smap.relationships["xy"] = Relationship("xy", "x", "y")
    positions = lay_out(layout_request(smap))
    assert all(math.isfinite(c) for xy in positions.values() for c in xy)
    radii = {sid: rating_radius(s.power) for sid, s in smap.stakeholders.items()}
    assert overlapping_discs(positions, radii) == 0
    assert close_pairs(positions, 0.3) == 0
    # The pair sits side by side (y as near x as anyone), and the main group is laid out,
    # not queued on a grid.
    nearest = min(math.dist(positions["x"], xy) for sid, xy in positions.items() if sid != "x")
    assert math.dist(positions["x"], positions["y"]) <= nearest + 1e-6
    ties = _ties(smap)
    assert edge_crossings(positions, ties) <= 0.9 * edge_crossings(_spring(smap), ties)
