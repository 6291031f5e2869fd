"""The figures that judge a drawing, on drawings counted by hand."""

from __future__ import annotations

import math

from stakeholder_mapper.analysis.layout_quality import (
    close_pairs,
    edge_crossings,
    mean_spacing,
    overlapping_boxes,
    overlapping_discs,
)


def test_crossings_of_a_square_and_its_diagonals() -> None:
    square = {"a": (0.0, 0.0), "b": (10.0, 0.0), "c": (10.0, 10.0), "d": (0.0, 10.0)}
    sides = [("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")]
    assert edge_crossings(square, sides) == 0
    # The two diagonals cross once; each diagonal touches every side at a corner only.
    assert edge_crossings(square, [*sides, ("a", "c"), ("b", "d")]) == 1


def test_crossings_count_each_pair_once_whatever_the_ties_between_them() -> None:
    square = {"a": (0.0, 0.0), "b": (10.0, 0.0), "c": (10.0, 10.0), "d": (0.0, 10.0)}
    # Two ties each way between a and c are one line on the canvas.
    assert edge_crossings(square, [("a", "c"), ("c", "a"), ("a", "c"), ("b", "d")]) == 1


def test_crossings_of_a_star_through_a_line() -> None:
    # A horizontal line at y = 0 from x = -10 to 10; five spokes from (0, 5) down to
    # (x, -5): each crosses the line once. Four more spokes upwards cross nothing.
    points = {"left": (-10.0, 0.0), "right": (10.0, 0.0), "hub": (0.0, 5.0)}
    ties = [("left", "right")]
    for k, x in enumerate((-8.0, -4.0, 0.5, 4.0, 8.0)):
        points[f"down{k}"] = (x, -5.0)
        ties.append(("hub", f"down{k}"))
    for k, x in enumerate((-8.0, -4.0, 4.0, 8.0)):
        points[f"up{k}"] = (x, 9.0)
        ties.append(("hub", f"up{k}"))
    assert edge_crossings(points, ties) == 5


def test_crossings_are_counted_in_chunks_like_all_at_once() -> None:
    # 600 segments (more than one chunk): a grid of 300 horizontal and 300 vertical lines
    # that each cross every line of the other direction.
    points, ties = {}, []
    for k in range(300):
        points[f"h{k}a"], points[f"h{k}b"] = (-1.0, k + 0.5), (301.0, k + 0.5)
        points[f"v{k}a"], points[f"v{k}b"] = (k + 0.5, -1.0), (k + 0.5, 301.0)
        ties += [(f"h{k}a", f"h{k}b"), (f"v{k}a", f"v{k}b")]
    assert edge_crossings(points, ties) == 300 * 300


def test_mean_spacing_and_close_pairs() -> None:
    # A 10 × 10 grid with 100 between neighbours: box 900 × 900, √(810 000 / 100) = 90.
    grid = {(i, j): (100.0 * i, 100.0 * j) for i in range(10) for j in range(10)}
    assert math.isclose(mean_spacing(grid), 90.0)
    assert close_pairs(grid) == 0
    grid["extra"] = (1.0, 1.0)  # on top of (0, 0): one pair nearer than 0.3 × spacing
    assert close_pairs(grid) == 1


def test_overlapping_discs_use_each_radius() -> None:
    centres = {"a": (0.0, 0.0), "b": (25.0, 0.0), "c": (100.0, 0.0)}
    assert overlapping_discs(centres, {"a": 10.0, "b": 10.0, "c": 10.0}) == 0
    assert overlapping_discs(centres, {"a": 20.0, "b": 10.0, "c": 10.0}) == 1
    assert overlapping_discs(centres, {"a": 20.0, "b": 10.0, "c": 70.0}) == 2


def test_overlapping_boxes() -> None:
    boxes = [(0, 0, 10, 10), (5, 5, 15, 15), (10, 0, 20, 6), (30, 30, 40, 40)]
    # The first two overlap; the third touches the first's edge only, and overlaps the second.
    assert overlapping_boxes(boxes) == 2
