"""New stakeholders land on free spots near where they belong."""

from __future__ import annotations

import math

from stakeholder_mapper.core.placement import (
    FreeSpots,
    drawn_positions,
    fallback_position,
    map_centre,
)


def test_first_spot_is_the_wanted_one_when_free():
    assert FreeSpots([(500.0, 500.0)], 100).take((0.0, 0.0)) == (0.0, 0.0)


def test_spots_keep_their_distance_from_each_other_and_the_placed():
    placed = [(0.0, 0.0), (100.0, 0.0), (50.0, 80.0)]
    spots = FreeSpots(placed, 100)
    taken = [spots.take((0.0, 0.0)) for _ in range(30)]
    for i, spot in enumerate(taken):
        for other in placed + taken[:i]:
            assert math.dist(spot, other) >= 100 - 1e-6
    # The first spot is on the nearest ring around the anchor.
    assert math.dist(taken[0], (0.0, 0.0)) <= 200 + 1e-6


def test_centre_of_nothing_is_the_origin():
    assert map_centre([]) == (0.0, 0.0)
    assert map_centre([(0.0, 0.0), (4.0, 2.0)]) == (2.0, 1.0)


def test_drawn_positions_keep_stored_ones_and_spread_the_rest() -> None:
    drawn = drawn_positions(["a", "b", "c", "d"], {"b": (5.0, 6.0)})
    assert drawn["b"] == (5.0, 6.0)
    assert drawn["a"] == fallback_position(0) and drawn["d"] == fallback_position(3)
    spots = [drawn[s] for s in ("a", "c", "d")]
    assert min(math.dist(p, q) for p in spots for q in spots if p != q) > 50
