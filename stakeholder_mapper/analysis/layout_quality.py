"""How readable a drawing of the map is: crossings, crowded pairs, overlapping shapes and labels.

These are the figures by which the layout was chosen (benchmarks/layout.py) and by which
its tests judge it. Positions are plain ``(x, y)`` tuples in canvas units, as in
:attr:`~stakeholder_mapper.core.model.StakeholderMap.positions`.

Example::

    >>> square = {"a": (0.0, 0.0), "b": (1.0, 1.0), "c": (0.0, 1.0), "d": (1.0, 0.0)}
    >>> edge_crossings(square, [("a", "b"), ("c", "d")])
    1
    >>> edge_crossings(square, [("a", "c"), ("b", "d")])
    0
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping

import numpy as np

__all__ = [
    "close_pairs",
    "edge_crossings",
    "mean_spacing",
    "overlapping_boxes",
    "overlapping_discs",
]

Point = tuple[float, float]

#: Rows of segment pairs tested at once: bounds the memory of the crossing count.
_CHUNK = 256


def edge_crossings(
    positions: Mapping[Hashable, Point], edges: Iterable[tuple[Hashable, Hashable]]
) -> int:
    """How many pairs of straight edges cross (pairs that share an end never count).

    Each unordered pair of stakeholders is one segment however many ties join it, since
    the canvas draws them on top of each other. Two segments cross when each one's ends
    lie strictly on both sides of the other's line.
    """
    pairs = {tuple(sorted((a, b), key=str)) for a, b in edges if a != b}
    if len(pairs) < 2:
        return 0
    ids = {node: i for i, node in enumerate(positions)}
    ends = np.array([(ids[a], ids[b]) for a, b in sorted(pairs, key=str)], dtype=np.int64)
    xy = np.array(list(positions.values()), dtype=np.float64)
    p, q = xy[ends[:, 0]], xy[ends[:, 1]]
    total = 0
    for start in range(0, len(ends), _CHUNK):
        rows = slice(start, min(start + _CHUNK, len(ends)))
        # Compare each segment of the chunk with every later segment.
        later = np.arange(len(ends))[None, :] > np.arange(rows.start, rows.stop)[:, None]
        shared = (
            (ends[rows, 0, None] == ends[None, :, 0])
            | (ends[rows, 0, None] == ends[None, :, 1])
            | (ends[rows, 1, None] == ends[None, :, 0])
            | (ends[rows, 1, None] == ends[None, :, 1])
        )
        d1 = _side(p[rows, None], q[rows, None], p[None, :])
        d2 = _side(p[rows, None], q[rows, None], q[None, :])
        d3 = _side(p[None, :], q[None, :], p[rows, None])
        d4 = _side(p[None, :], q[None, :], q[rows, None])
        cross = (d1 * d2 < 0) & (d3 * d4 < 0) & later & ~shared
        total += int(cross.sum())
    return total


def _side(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Twice the signed area of the triangle a, b, c: which side of line ab point c is on."""
    return (b[..., 0] - a[..., 0]) * (c[..., 1] - a[..., 1]) - (b[..., 1] - a[..., 1]) * (
        c[..., 0] - a[..., 0]
    )


def mean_spacing(positions: Mapping[Hashable, Point]) -> float:
    """√(area / n): the side of the square each stakeholder would have if the drawing's
    bounding box were shared out evenly (0 for fewer than two stakeholders)."""
    if len(positions) < 2:
        return 0.0
    xy = np.array(list(positions.values()), dtype=np.float64)
    width, height = np.ptp(xy[:, 0]), np.ptp(xy[:, 1])
    return math.sqrt(width * height / len(xy))


def close_pairs(positions: Mapping[Hashable, Point], fraction: float = 0.3) -> int:
    """Pairs of stakeholders closer than ``fraction`` × :func:`mean_spacing`: nearly on
    top of each other for the drawing's size."""
    limit = fraction * mean_spacing(positions)
    xy = np.array(list(positions.values()), dtype=np.float64).reshape(-1, 2)
    return _pairs_within(xy, np.full(len(xy), limit / 2))


def overlapping_discs(positions: Mapping[Hashable, Point], radii: Mapping[Hashable, float]) -> int:
    """Pairs of stakeholder shapes (discs of the drawn radius) that overlap."""
    xy = np.array(list(positions.values()), dtype=np.float64).reshape(-1, 2)
    return _pairs_within(xy, np.array([radii[node] for node in positions], dtype=np.float64))


def _pairs_within(xy: np.ndarray, radius: np.ndarray) -> int:
    """Pairs ``i < j`` with ``|xy_i - xy_j| < radius_i + radius_j`` (grid-bucketed)."""
    if len(xy) < 2 or radius.max() <= 0:
        return 0
    cell = 2 * float(radius.max())
    keys = np.floor(xy / cell).astype(np.int64)
    buckets: dict[tuple[int, int], list[int]] = {}
    for i, (kx, ky) in enumerate(keys):
        buckets.setdefault((int(kx), int(ky)), []).append(i)
    count = 0
    for (kx, ky), members in buckets.items():
        near = [
            j for dx in (-1, 0, 1) for dy in (-1, 0, 1) for j in buckets.get((kx + dx, ky + dy), ())
        ]
        near_arr = np.array(near)
        for i in members:
            others = near_arr[near_arr > i]
            if len(others):
                gap = np.hypot(*(xy[others] - xy[i]).T)
                count += int((gap < radius[i] + radius[others]).sum())
    return count


def overlapping_boxes(boxes: Iterable[tuple[float, float, float, float]]) -> int:
    """Pairs of axis-aligned boxes ``(left, top, right, bottom)`` whose insides overlap."""
    box = np.array(list(boxes), dtype=np.float64).reshape(-1, 4)
    count = 0
    order = np.argsort(box[:, 0])
    box = box[order]
    for i in range(len(box) - 1):
        # Sorted by left edge: only boxes starting before this one's right edge can overlap.
        stop = np.searchsorted(box[:, 0], box[i, 2], side="left")
        others = box[i + 1 : stop]
        if len(others):
            count += int(((others[:, 1] < box[i, 3]) & (others[:, 3] > box[i, 1])).sum())
    return count
