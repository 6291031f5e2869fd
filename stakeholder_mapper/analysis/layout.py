"""Where to draw each stakeholder: coalitions as groups, brokers between them, no overlaps.

The layout was chosen by measuring candidates on the sample and on generated city maps
of 60, 300 and 2,000 stakeholders (benchmarks/layout.py, docs/layout.md): edge
crossings, stakeholders nearly on top of each other, overlapping shapes and labels, and
time, against networkx's ``spring_layout``.

1. **Base layout** of the largest group of stakeholders joined by ties. Up to
   :data:`SMALL_MAP` stakeholders, igraph's Davidson–Harel simulated annealing (Davidson
   and Harel 1996), whose energy counts edge crossings: 12–25 % fewer crossings than the
   spring layout on such maps, in about a second. Beyond that it takes too long (30 s for
   300), so larger maps use igraph's Fruchterman–Reingold (1991) with ties inside a
   coalition (Leiden communities, :mod:`.coalitions`) pulling :data:`COALITION_PULL`
   times harder: coalitions gather as groups and the stakeholders tied into several of
   them (brokers) settle between them. Below :data:`LARGE_MAP` stakeholders the best of
   :data:`TRIES` seeded starts, by crossings counted on a sample of the ties, is kept.
   The crowded core of a large force layout is then evened out (each stakeholder keeps
   its direction and its rank in distance from the middle).
2. **Scale** so that the median tie is :data:`TIE_LENGTH` stakeholder boxes (shape and
   label) long.
3. Stakeholders in smaller groups or without ties go beside their ties, or in free space
   below the drawing.
4. **Overlap removal** at drawn sizes: each stakeholder is a box holding its shape
   (radius from its power, :func:`~stakeholder_mapper.core.node_size.rating_radius`) and
   its label below. The drawing is spread evenly until few boxes overlap; overlapping
   boxes are pushed apart along the axis where they overlap least (as in the force-scan
   family of overlap-removal methods); last, shapes are pushed apart until none overlap
   and no two stakeholders are nearly on top of each other.

Pinned stakeholders never move; the rest of the drawing is turned and shifted to fit
them. With ``keep_placed``, stakeholders that already have a position keep it and the
others go beside their ties, or in free space below the drawing. Everything is seeded:
the same map and seed give the same positions.

Example::

    >>> request = LayoutRequest(ids=("a", "b", "c"), ties=(("a", "b", 3), ("b", "c", 3)))
    >>> positions = lay_out(request)
    >>> sorted(positions)
    ['a', 'b', 'c']
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import igraph as ig
import numpy as np

from ..core.model import StakeholderMap
from ..core.node_size import rating_radius
from ..core.placement import SPACING, FreeSpots, drawn_positions, map_centre
from .coalitions import communities_arrays
from .layout_quality import edge_crossings
from .progress import Cancelled
from .seeded import seeded_igraph

__all__ = [
    "COALITION_PULL",
    "DEFAULT_SEED",
    "SMALL_MAP",
    "Cancelled",
    "LayoutRequest",
    "label_box",
    "lay_out",
    "layout_request",
    "place_unplaced",
]

Point = tuple[float, float]

#: Seed of the layout: the same map is always laid out the same way.
DEFAULT_SEED = 7
#: Largest map laid out by Davidson–Harel (its time grows with the square of the size).
SMALL_MAP = 100
#: How many times harder a tie inside a coalition pulls than a tie between coalitions.
COALITION_PULL = 10.0
#: Seeded starts of the larger maps' layout, the one with fewest crossings kept; one
#: start only from LARGE_MAP stakeholders, to stay within seconds.
TRIES, LARGE_MAP = 3, 1000
#: Ties sampled to compare the starts' crossings (counting all of 8,000 takes seconds).
CROSSING_SAMPLE = 1200
#: Largest map given positions on import (a larger one is laid out on request: it takes
#: seconds, which an import of thousands of rows should not spend unasked).
PLACE_ON_IMPORT = 2000
#: Label text: width of a character, widest line, line height, lines at most (canvas px).
CHAR_WIDTH, LABEL_WIDTH, LINE_HEIGHT, LABEL_LINES = 6.6, 150.0, 15.0, 2
#: Median tie length, in mean stakeholder boxes (shape and label).
TIE_LENGTH = 0.9
#: Free space kept around each stakeholder's box, in canvas units.
GAP = 8.0
#: Smallest distance between two stakeholders' centres, as a fraction of the drawing's
#: mean spacing √(area / n).
MIN_SPACING = 0.35
#: Even spreading before overlap removal: by this factor a step, at most this many steps,
#: until at most this share of the stakeholders' boxes overlap.
SPREAD, SPREAD_STEPS, SPREAD_UNTIL = 1.15, 20, 1.0
#: Rounds of pushing overlapping labels apart, at most; passes and rounds a pass of
#: pushing overlapping shapes apart, at most.
LABEL_ROUNDS, PUSH_PASSES, SHAPE_ROUNDS = 100, 4, 500

#: What the layout calls between stages: the fraction done (0–1). It may raise
#: :class:`Cancelled` to stop the layout.
Progress = Callable[[float], None]


@dataclass(frozen=True)
class LayoutRequest:
    """What the layout needs, as plain data (copied from the map on the GUI thread).

    ``radii`` and ``labels`` give each stakeholder's drawn size (missing: a rating of 3
    and no label); ``positions`` its current position; ``pinned`` those that must not move.
    """

    ids: tuple[str, ...]
    ties: tuple[tuple[str, str, int], ...]  # source, target, strength
    positions: dict[str, Point] = field(default_factory=dict)
    pinned: frozenset[str] = frozenset()
    radii: dict[str, float] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    keep_placed: bool = False
    seed: int = DEFAULT_SEED


def layout_request(
    smap: StakeholderMap, keep_placed: bool = False, seed: int = DEFAULT_SEED
) -> LayoutRequest:
    """The request that lays out ``smap``'s unpinned stakeholders (with ``keep_placed``:
    only those without a stored position), shapes sized by power as the canvas draws them."""
    stakeholders = smap.stakeholders
    return LayoutRequest(
        ids=tuple(stakeholders),
        ties=tuple(
            (r.source, r.target, r.strength)
            for r in smap.relationships.values()
            if r.source in stakeholders and r.target in stakeholders
        ),
        positions=dict(smap.positions)
        if keep_placed
        else drawn_positions(stakeholders, smap.positions),
        pinned=frozenset(p for p in smap.pinned if p in stakeholders),
        radii={sid: rating_radius(s.power) for sid, s in stakeholders.items()},
        labels={sid: s.label for sid, s in stakeholders.items()},
        keep_placed=keep_placed,
        seed=seed,
    )


def place_unplaced(smap: StakeholderMap) -> None:
    """Lay out ``smap`` when none of its stakeholders has a position, so that a map read
    from a table or a graph file without positions opens laid out. A file with some
    positions is kept as it is (what is read back equals what was written); so is a map
    of more than :data:`PLACE_ON_IMPORT` stakeholders."""
    if not smap.positions and 0 < len(smap.stakeholders) <= PLACE_ON_IMPORT:
        smap.positions.update(lay_out(layout_request(smap)))


def label_box(label: str) -> tuple[float, float]:
    """Width and height of ``label`` as the canvas draws it below a stakeholder (an
    estimate from its length: the canvas wraps names at 150 px, on two lines at most)."""
    if not label:
        return 0.0, 0.0
    text = CHAR_WIDTH * len(label)
    lines = min(LABEL_LINES, math.ceil(text / LABEL_WIDTH))
    return min(text, LABEL_WIDTH) + 6, lines * LINE_HEIGHT + 2


def lay_out(request: LayoutRequest, progress: Progress | None = None) -> dict[str, Point]:
    """New positions of the stakeholders that move (all but the pinned, and with
    ``keep_placed`` all but those with a position); see the module's description."""
    report = progress or (lambda fraction: None)
    ids = list(request.ids)
    if not ids:
        return {}
    index = {sid: i for i, sid in enumerate(ids)}
    edges, weights = _pairs(request, index)
    radius = np.array([request.radii.get(sid, rating_radius(3)) for sid in ids])
    boxes = np.array([label_box(request.labels.get(sid, "")) for sid in ids]).reshape(-1, 2)
    fixed = np.array(
        [
            (sid in request.pinned and sid in request.positions)
            or (request.keep_placed and sid in request.positions)
            for sid in ids
        ]
    )
    report(0.05)
    placed = [sid for sid in ids if sid in request.positions]
    if request.keep_placed and placed:
        xy = _beside_ties(request, ids, edges, {})
    else:
        xy = _tied_layout(len(ids), edges, weights, request.seed, report)
        xy *= _scale(xy, edges, radius, boxes)
        if not fixed.any():
            xy = _spread(xy, radius, boxes)
        xy = _fit_to_pinned(xy, ids, fixed, request.positions)
        xy = _beside_ties(request, ids, edges, _tied(ids, xy, fixed, request.positions))
    report(0.8)
    xy = _separate(xy, radius, boxes, fixed)
    report(1.0)
    return {
        sid: (float(x), float(y))
        for sid, (x, y), held in zip(ids, xy, fixed, strict=True)
        if not held
    }


def _pairs(request: LayoutRequest, index: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Unordered pairs joined by ties (as index pairs) and the sum of their strengths."""
    total: dict[tuple[int, int], float] = {}
    for source, target, strength in request.ties:
        a, b = index.get(source), index.get(target)
        if a is None or b is None or a == b:
            continue
        key = (min(a, b), max(a, b))
        total[key] = total.get(key, 0.0) + strength
    edges = np.array(sorted(total), dtype=np.int64).reshape(-1, 2)
    return edges, np.array([total[tuple(e)] for e in edges.tolist()], dtype=np.float64)


def _tied_layout(
    n: int, edges: np.ndarray, weights: np.ndarray, seed: int, report: Progress
) -> np.ndarray:
    """Positions from :func:`_base_layout` for the largest group of stakeholders joined
    by ties (NaN for the others: a layout flings unconnected groups far away, so they
    are placed afterwards, beside their ties or below the drawing)."""
    xy = np.full((n, 2), np.nan)
    if not len(edges):
        return xy
    membership = np.array(ig.Graph(n=n, edges=edges.tolist()).connected_components().membership)
    largest = np.flatnonzero(membership == np.bincount(membership).argmax())
    keep = np.isin(edges[:, 0], largest)
    renumber = np.full(n, -1)
    renumber[largest] = np.arange(len(largest))
    xy[largest] = _base_layout(len(largest), renumber[edges[keep]], weights[keep], seed, report)
    return xy


def _tied(
    ids: list[str],
    xy: np.ndarray,
    fixed: np.ndarray,
    positions: dict[str, Point],
) -> dict[str, Point]:
    """Where the laid-out and the fixed stakeholders are."""
    out = {ids[i]: (float(x), float(y)) for i, (x, y) in enumerate(xy) if not np.isnan(x)}
    out.update({ids[i]: positions[ids[i]] for i in np.flatnonzero(fixed)})
    return out


def _base_layout(
    n: int, edges: np.ndarray, weights: np.ndarray, seed: int, report: Progress
) -> np.ndarray:
    """Positions of all ``n`` stakeholders (arbitrary scale): Davidson–Harel for small
    maps, coalition-weighted Fruchterman–Reingold (best of :data:`TRIES`) for larger."""
    if n == 1:
        return np.zeros((1, 2))
    graph = ig.Graph(n=n, edges=edges.tolist(), directed=False)
    if n <= SMALL_MAP:
        with seeded_igraph(seed):
            return np.array(graph.layout_davidson_harel().coords, dtype=np.float64)
    community = communities_arrays(n, edges[:, 0], edges[:, 1], weights)
    same = community[edges[:, 0]] == community[edges[:, 1]]
    pull = np.where(same, COALITION_PULL, 1.0).tolist()
    sample = np.random.default_rng(seed).permutation(len(edges))[:CROSSING_SAMPLE]
    best, fewest = None, math.inf
    tries = TRIES if n < LARGE_MAP else 1
    for attempt in range(tries):
        with seeded_igraph(seed + attempt):
            xy = np.array(graph.layout_fruchterman_reingold(weights=pull).coords)
        report(0.1 + 0.6 * (attempt + 1) / tries)
        crossings = edge_crossings(dict(enumerate(map(tuple, xy))), edges[sample].tolist())
        if crossings < fewest:
            best, fewest = xy, crossings
    return _even_out(best)


def _even_out(xy: np.ndarray) -> np.ndarray:
    """The drawing with its stakeholders as evenly spread from the middle outwards as in
    a disc: each keeps its direction and its rank in distance from the middle, and the
    distance becomes √(rank / n). A large map's force layout packs its core tightly and
    leaves its rim sparse; this gives the core room without reordering anyone."""
    centre = np.median(xy, axis=0)
    offset = xy - centre
    distance = np.hypot(offset[:, 0], offset[:, 1])
    rank = np.empty(len(xy))
    rank[np.argsort(distance, kind="stable")] = np.arange(len(xy))
    wanted = np.sqrt((rank + 0.5) / len(xy)) * float(distance.max())
    factor = np.divide(wanted, distance, out=np.ones(len(xy)), where=distance > 0)
    return centre + offset * factor[:, None]


def _scale(xy: np.ndarray, edges: np.ndarray, radius: np.ndarray, boxes: np.ndarray) -> float:
    """Factor making the median tie :data:`TIE_LENGTH` × the mean box (shape and label)
    across: room for labels, and a measure that stakeholders flung far away do not skew."""
    width = np.maximum(2 * radius, boxes[:, 0]) + GAP
    height = 2 * radius + boxes[:, 1] + GAP
    wanted = TIE_LENGTH * math.sqrt(float(np.mean(width * height)))
    lengths = np.hypot(*(xy[edges[:, 0]] - xy[edges[:, 1]]).T)
    lengths = lengths[np.isfinite(lengths)]  # ties of the groups placed afterwards
    if not len(lengths):
        return wanted
    have = float(np.median(lengths))
    return wanted / have if have > 1e-9 else 1.0


def _fit_to_pinned(
    xy: np.ndarray, ids: list[str], fixed: np.ndarray, positions: dict[str, Point]
) -> np.ndarray:
    """Turn and shift the drawing so that the pinned stakeholders' layout positions fall
    as near as can be to where they are pinned (orthogonal Procrustes, no scaling), then
    put them exactly there."""
    if not fixed.any():
        return xy - np.nanmean(xy, axis=0) if not np.isnan(xy).all() else np.zeros_like(xy)
    held = np.flatnonzero(fixed)
    target = np.array([positions[ids[i]] for i in held], dtype=np.float64)
    source = np.where(np.isnan(xy[held]), target, xy[held])
    rotation = np.eye(2)
    if len(held) >= 2 and not np.isnan(xy[held]).any():
        u, _s, vt = np.linalg.svd((source - source.mean(0)).T @ (target - target.mean(0)))
        rotation = u @ vt
    out = (xy - source.mean(0)) @ rotation + target.mean(0)
    out[held] = target
    return out


def _beside_ties(
    request: LayoutRequest, ids: list[str], edges: np.ndarray, laid: dict[str, Point]
) -> np.ndarray:
    """Stakeholders already placed (kept, or laid out: ``laid``) where they are; each other
    one in the free spot nearest to the middle of its placed partners (those with most
    placed partners first), or, with none, in a free spot below the drawing."""
    where = dict(laid) or {sid: request.positions[sid] for sid in ids if sid in request.positions}
    partners: dict[str, list[str]] = {sid: [] for sid in ids}
    for a, b in edges.tolist():
        partners[ids[a]].append(ids[b])
        partners[ids[b]].append(ids[a])
    spots = FreeSpots(where.values(), SPACING)
    centre = map_centre(where.values())
    below = (centre[0], max((y for _x, y in where.values()), default=0.0) + SPACING)
    waiting = [sid for sid in ids if sid not in where]
    while waiting:
        sid = max(waiting, key=lambda s: sum(p in where for p in partners[s]))
        waiting.remove(sid)
        near = [where[p] for p in partners[sid] if p in where]
        where[sid] = spots.take(map_centre(near) if near else below)
    return np.array([where[sid] for sid in ids], dtype=np.float64)


def _extents(radius: np.ndarray, boxes: np.ndarray) -> tuple[np.ndarray, ...]:
    """How far each stakeholder's box (shape above, label below, a gap around) reaches:
    half its width, above and below its centre."""
    half_width = np.maximum(radius, boxes[:, 0] / 2) + GAP / 2
    return half_width, radius + GAP / 2, radius + boxes[:, 1] + GAP / 2


def _spread(xy: np.ndarray, radius: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """The drawing spread evenly from its middle (the same picture, larger) until no more
    boxes overlap than there are stakeholders; rows without a position stay as they are."""
    half_width, above, below = _extents(radius, boxes)
    laid = ~np.isnan(xy).any(axis=1)
    if laid.sum() < 2:
        return xy
    xy = xy.copy()
    centre = xy[laid].mean(axis=0)
    for _step in range(SPREAD_STEPS):
        x, y = xy[laid, 0], xy[laid, 1]
        box = (x - half_width[laid], x + half_width[laid], y - above[laid], y + below[laid])
        if len(_overlapping(*box)[0]) <= SPREAD_UNTIL * laid.sum():
            break
        xy[laid] = centre + (xy[laid] - centre) * SPREAD
    return xy


def _separate(
    xy: np.ndarray, radius: np.ndarray, boxes: np.ndarray, fixed: np.ndarray
) -> np.ndarray:
    """Push apart overlapping stakeholders; fixed ones do not move.

    Overlapping boxes are pushed apart for at most :data:`LABEL_ROUNDS` rounds (in a
    crowded core of a large map some labels may still overlap: the canvas hides those);
    then shapes are pushed apart until none overlap and no two stakeholders are nearer
    than :data:`MIN_SPACING` × the mean spacing."""
    movable = (~fixed).astype(np.float64)
    xy = _push_apart(xy, movable, _extents(radius, boxes), LABEL_ROUNDS)
    shape = radius + GAP / 2
    # The least room follows the drawing's spacing, which the pushes widen: it is set for
    # a pass, and passes repeat while the wider drawing asks for more room.
    for _pass in range(PUSH_PASSES):
        least = np.maximum(shape, MIN_SPACING * _mean_spacing(xy) / 2)
        before = xy
        xy = _push_apart(xy, movable, (least, least, least), SHAPE_ROUNDS)
        if xy is before:
            break
    return xy


def _push_apart(
    xy: np.ndarray,
    movable: np.ndarray,
    extent: tuple[np.ndarray, np.ndarray, np.ndarray],
    rounds: int,
) -> np.ndarray:
    """Rounds of pushing apart the pairs whose boxes overlap, each box reaching
    ``extent`` = (half width, above, below) from its stakeholder; ``xy`` itself when
    nothing overlaps."""
    half_width, above, below = extent
    for _round in range(rounds):
        box = (xy[:, 0] - half_width, xy[:, 0] + half_width, xy[:, 1] - above, xy[:, 1] + below)
        i, j = _overlapping(*box)
        share_i, share_j = _shares(movable[i], movable[j])
        keep = share_i + share_j > 0
        i, j, share_i, share_j = i[keep], j[keep], share_i[keep], share_j[keep]
        if not len(i):
            break
        xy = xy + _pushes(xy, i, j, share_i, share_j, box)
    return xy


def _pushes(
    xy: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    share_i: np.ndarray,
    share_j: np.ndarray,
    box: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
) -> np.ndarray:
    """How far each stakeholder moves to undo the overlaps of the pairs ``(i, j)``: each
    pair apart along the axis where its boxes overlap least, shared as ``share_*`` say."""
    left, right, top, bottom = box
    dx = np.minimum(right[i], right[j]) - np.maximum(left[i], left[j])
    dy = np.minimum(bottom[i], bottom[j]) - np.maximum(top[i], top[j])
    along_x = dx <= dy
    # Which way i goes: away from j (ties broken by index so the result is reproducible).
    sx = np.where(xy[i, 0] != xy[j, 0], np.sign(xy[i, 0] - xy[j, 0]), -1.0)
    sy = np.where(xy[i, 1] != xy[j, 1], np.sign(xy[i, 1] - xy[j, 1]), -1.0)
    push = np.zeros((len(i), 2))
    push[along_x, 0] = sx[along_x] * (dx[along_x] + 0.01)
    push[~along_x, 1] = sy[~along_x] * (dy[~along_x] + 0.01)
    move = np.zeros_like(xy)
    np.add.at(move, i, push * share_i[:, None])
    np.add.at(move, j, -push * share_j[:, None])
    return move


def _shares(movable_i: np.ndarray, movable_j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """How much of a push each of two stakeholders takes: half each, or all of it for
    the one that may move, none when neither may."""
    both = movable_i + movable_j
    safe = np.maximum(both, 1.0)
    return movable_i / safe, movable_j / safe


def _mean_spacing(xy: np.ndarray) -> float:
    spread = np.ptp(xy, axis=0)
    return math.sqrt(float(spread[0] * spread[1]) / len(xy)) if len(xy) > 1 else 0.0


def _overlapping(
    left: np.ndarray, right: np.ndarray, top: np.ndarray, bottom: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs ``(i, j)`` of boxes whose insides overlap (sweep along x)."""
    order = np.argsort(left, kind="stable")
    sorted_left = left[order]
    stop = np.searchsorted(sorted_left, right[order], side="left")
    start = np.arange(1, len(order) + 1)
    counts = np.maximum(stop - start, 0)
    first = np.repeat(np.arange(len(order)), counts)
    offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    second = np.repeat(start, counts) + offsets
    i, j = order[first], order[second]
    hit = (top[j] < bottom[i]) & (bottom[j] > top[i]) & (left[j] < right[i])
    return i[hit], j[hit]
