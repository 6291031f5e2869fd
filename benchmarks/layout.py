"""The map's layout against networkx's spring layout: room, crossings, speed.

For the sample map and generated city maps of 60, 300 and 2,000 stakeholders (the maps of
benchmarks/metrics.py: six groups, four ties per stakeholder, a few hubs), the script lays
out every stakeholder with :func:`~stakeholder_mapper.analysis.layout.lay_out` and with
networkx's ``spring_layout(seed=7)`` on the same graph (a pair's weight the sum of its
ties' strengths, as the app laid maps out before), and prints for each:

- **shapes**: pairs of stakeholder shapes that overlap, each drawn at its size on the
  canvas (radius from power);
- **labels**: pairs of names that overlap, each drawn below its stakeholder (width and
  lines estimated from its length as :func:`~stakeholder_mapper.analysis.layout.label_box`
  does);
- **crossings**: pairs of ties that cross;
- **close**: pairs of stakeholders closer than 0.3 × √(area / n), the drawing's mean
  spacing;
- **time** to compute the positions.

The spring layout's unit square is scaled to the same mean spacing as ours, so both are
judged on drawings of the same area. The sample's stored positions (as the file holds
them) are shown too. Targets (issue 17): no overlapping shapes; at least 10 % fewer
crossings than the spring layout on every map (ratio ≤ 0.90); 2,000 stakeholders in
under 5 s. The spring layout of 2,000 needs SciPy (a test dependency).

Run: ``python benchmarks/layout.py [SIZE ...]`` (default 60 300 2000).
"""

from __future__ import annotations

import os
import sys
import time

import networkx as nx
from metrics import stakeholder_map

from stakeholder_mapper.analysis.layout import label_box, lay_out, layout_request
from stakeholder_mapper.analysis.layout_quality import (
    close_pairs,
    edge_crossings,
    mean_spacing,
    overlapping_boxes,
    overlapping_discs,
)
from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.core.node_size import rating_radius
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP

Point = tuple[float, float]


def spring(smap: StakeholderMap) -> dict[str, Point]:
    """networkx's spring layout of the map's graph, strengths summed per pair."""
    graph = nx.Graph()
    graph.add_nodes_from(smap.stakeholders)
    for r in smap.relationships.values():
        if r.source != r.target:
            weight = graph.get_edge_data(r.source, r.target, {"weight": 0})["weight"]
            graph.add_edge(r.source, r.target, weight=weight + r.strength)
    return {sid: (float(x), float(y)) for sid, (x, y) in nx.spring_layout(graph, seed=7).items()}


def figures(smap: StakeholderMap, positions: dict[str, Point]) -> dict[str, int]:
    """Overlapping shapes and labels, crossings and close pairs of one drawing."""
    radii = {sid: rating_radius(s.power) for sid, s in smap.stakeholders.items()}
    labels = []
    for sid, (x, y) in positions.items():
        width, height = label_box(smap.stakeholders[sid].label)
        labels.append((x - width / 2, y + radii[sid], x + width / 2, y + radii[sid] + height))
    ties = [(r.source, r.target) for r in smap.relationships.values()]
    return {
        "shapes": overlapping_discs(positions, radii),
        "labels": overlapping_boxes(labels),
        "crossings": edge_crossings(positions, ties),
        "close": close_pairs(positions, 0.3),
    }


def scaled(positions: dict[str, Point], spacing: float) -> dict[str, Point]:
    """``positions`` scaled about the origin to the mean spacing ``spacing``."""
    factor = spacing / mean_spacing(positions)
    return {sid: (x * factor, y * factor) for sid, (x, y) in positions.items()}


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def rows(name: str, smap: StakeholderMap) -> list[str]:
    """The table's lines for one map: ours, the spring layout, and their ratio."""
    ours, our_time = timed(lambda: lay_out(layout_request(smap)))
    theirs, their_time = timed(spring, smap)
    theirs = scaled(theirs, mean_spacing(ours))
    a, b = figures(smap, ours), figures(smap, theirs)
    n = f"{len(smap.stakeholders):,}/{len(smap.relationships):,}"
    lines = [
        _line(name, n, "ours", a, our_time),
        _line("", "", "spring", b, their_time),
    ]
    if smap.positions:
        lines.append(_line("", "", "as stored", figures(smap, dict(smap.positions)), None))
    ratio = a["crossings"] / b["crossings"] if b["crossings"] else float("nan")
    lines.append(
        f"{'':<10} {'':>11} {'ours/spring':<11} {'':>7} {'':>7} {ratio:>10.2f} {'':>7} "
        f"{our_time / their_time:>8.2f}"
    )
    return lines


def _line(name: str, n: str, layout: str, f: dict[str, int], seconds: float | None) -> str:
    shown = f"{seconds:>7.2f}s" if seconds is not None else f"{'':>8}"
    return (
        f"{name:<10} {n:>11} {layout:<11} {f['shapes']:>7,} {f['labels']:>7,} "
        f"{f['crossings']:>10,} {f['close']:>7,} {shown}"
    )


def main(sizes: list[int]) -> None:
    """Print the comparison table for the sample and generated maps of ``sizes``."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load} (1, 5, 15 min) before the run")
    print(
        f"{'map':<10} {'n/ties':>11} {'layout':<11} {'shapes':>7} {'labels':>7} "
        f"{'crossings':>10} {'close':>7} {'time':>8}"
    )
    maps = [("sample", load_map(SAMPLE_MAP))] + [(f"city {n:,}", stakeholder_map(n)) for n in sizes]
    for name, smap in maps:
        for line in rows(name, smap):
            print(line, flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [60, 300, 2000])
