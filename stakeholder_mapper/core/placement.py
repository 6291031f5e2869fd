"""Where stakeholders are drawn: unplaced ones in every view, new ones where they cover no one.

Every view (canvas, exported picture, the plan's figure, a background layout's start)
puts a stakeholder without a stored position at :func:`fallback_position` of its index
in the map, so the same map looks the same everywhere.

Candidates lie on hexagonal rings around the wanted spot, nearest ring first; the first
one at least ``spacing`` away from every placed stakeholder wins. Placed points are
bucketed in a grid of ``spacing``-sized cells, so a check looks at nine cells only.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

__all__ = [
    "SPACING",
    "FreeSpots",
    "drawn_positions",
    "fallback_position",
    "free_spot",
    "map_centre",
]

#: Smallest distance between two stakeholders placed by the app, in canvas units.
SPACING = 120.0

Point = tuple[float, float]


def fallback_position(index: int) -> Point:
    """Where the ``index``-th stakeholder is drawn when it has no stored position.

    Points of a sunflower spiral: evenly spread around the origin, none on top of another.
    """
    radius = 70.0 * math.sqrt(index + 0.5)
    angle = index * 2.399963229728653
    return radius * math.cos(angle), radius * math.sin(angle)


def drawn_positions(ids: Iterable[str], stored: Mapping[str, Point]) -> dict[str, Point]:
    """Where each stakeholder is drawn: its stored position, else its fallback by index."""
    return {sid: stored.get(sid) or fallback_position(i) for i, sid in enumerate(ids)}


def map_centre(points: Iterable[Point]) -> Point:
    """The mean of the points, or the origin when there are none."""
    xs, ys, n = 0.0, 0.0, 0
    for x, y in points:
        xs, ys, n = xs + x, ys + y, n + 1
    return (xs / n, ys / n) if n else (0.0, 0.0)


def _ring(centre: Point, k: int, spacing: float) -> list[Point]:
    """The 6k points of the k-th hexagonal ring around ``centre`` (the centre for k = 0)."""
    if k == 0:
        return [centre]
    cx, cy = centre
    corners = [
        (cx + k * spacing * math.cos(math.pi / 3 * i), cy + k * spacing * math.sin(math.pi / 3 * i))
        for i in range(6)
    ]
    points = []
    for i in range(6):
        (x0, y0), (x1, y1) = corners[i], corners[(i + 1) % 6]
        points.extend((x0 + (x1 - x0) * j / k, y0 + (y1 - y0) * j / k) for j in range(k))
    return points


class FreeSpots:
    """Hands out spots that keep ``spacing`` from each other and from ``occupied``."""

    def __init__(self, occupied: Iterable[Point], spacing: float = SPACING) -> None:
        self.spacing = spacing
        self._cells: dict[tuple[int, int], list[Point]] = {}
        for point in occupied:
            self._add(point)

    def _cell(self, point: Point) -> tuple[int, int]:
        return (math.floor(point[0] / self.spacing), math.floor(point[1] / self.spacing))

    def _add(self, point: Point) -> None:
        self._cells.setdefault(self._cell(point), []).append(point)

    def is_free(self, point: Point) -> bool:
        """Whether ``point`` is at least ``spacing`` from every taken spot."""
        cx, cy = self._cell(point)
        limit = self.spacing * self.spacing - 1e-6
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for x, y in self._cells.get((cx + dx, cy + dy), ()):
                    if (x - point[0]) ** 2 + (y - point[1]) ** 2 < limit:
                        return False
        return True

    def take(self, near: Point) -> Point:
        """The free spot nearest to ``near`` (on the hexagonal rings), now marked as taken."""
        k = 0
        while True:
            for point in _ring(near, k, self.spacing):
                if self.is_free(point):
                    self._add(point)
                    return point
            k += 1


def free_spot(placed: Iterable[Point], near: Point, spacing: float = SPACING) -> Point:
    """The free spot nearest to ``near``, ``spacing`` away from every placed stakeholder:
    where a stakeholder added by hand lands, so that several added in a row spread out
    around the middle of the view instead of piling up or stringing along a line."""
    return FreeSpots(placed, spacing).take(near)
