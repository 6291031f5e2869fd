"""Speed of the full metric suite on stakeholder-like maps of 500, 2,000 and 10,000 actors.

Each map has 6 groups (categories) and a mean of 4 relationships sent per stakeholder:
most ties stay within a group, popular stakeholders attract more ties (a few hubs, as
around a mayor or a branch), strengths 1-5, a fifth of the ties undirected
collaborations and one in twenty a negative conflict. For each size the script prints
the time of :func:`compute_metrics` (every metric: betweenness, brokerage roles,
structural holes, degrees, PageRank, coalitions, single points of failure), the time
of igraph's bare weighted betweenness in one process on the same arcs in the same run,
and their ratio. Above 5,000 stakeholders the suite counts betweenness in two worker
processes while it computes the other metrics, so the ratio drops below 1 on a machine
with two free cores; when the one-minute load average leaves no core free (above the
number of cores minus one) it counts in one process instead. The load average is
printed first. Targets (DESIGN.md §10): under 1 s for 2,000 stakeholders and 8,000
ties; 10,000 / 40,000 under 10 s.

Run: ``python benchmarks/metrics.py [SIZE ...]`` (default 500 2000 10000).
"""

from __future__ import annotations

import os
import random
import sys
import time

import numpy as np

from stakeholder_mapper.analysis.centrality import igraph_graph
from stakeholder_mapper.analysis.metrics import compute_metrics
from stakeholder_mapper.analysis.readings import map_findings, stakeholder_readings
from stakeholder_mapper.analysis.views import build_arcs
from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap

GROUPS = ("municipal", "community", "ngo", "private", "youth", "media")
MEAN_OUT_DEGREE = 4
WITHIN_GROUP = 0.6  # share of ties that stay inside the sender's group


def stakeholder_map(n: int, seed: int = 7) -> StakeholderMap:
    """A random stakeholder-like map of ``n`` stakeholders and ``4 n`` relationships."""
    rng = random.Random(seed)
    smap = StakeholderMap()
    members: dict[str, list[str]] = {group: [] for group in GROUPS}
    for i in range(n):
        group = GROUPS[i % len(GROUPS)]
        sid = f"s{i}"
        smap.put_stakeholder(Stakeholder(sid, f"Stakeholder {i}", group, power=rng.randint(1, 5)))
        members[group].append(sid)
    # Popularity: a heavy-tailed weight per stakeholder makes a few hubs.
    weight = {sid: rng.paretovariate(2.0) for sid in smap.stakeholders}
    cumulative = {group: np.cumsum([weight[sid] for sid in ids]) for group, ids in members.items()}
    everyone = list(smap.stakeholders)
    everyone_cumulative = np.cumsum([weight[sid] for sid in everyone])

    def pick(ids: list[str], cum: np.ndarray) -> str:
        return ids[int(np.searchsorted(cum, rng.random() * cum[-1]))]

    seen: set[tuple[str, str]] = set()
    count = 0
    while count < MEAN_OUT_DEGREE * n:
        source = everyone[rng.randrange(n)]
        group = smap.stakeholders[source].category
        if rng.random() < WITHIN_GROUP:
            target = pick(members[group], cumulative[group])
        else:
            target = pick(everyone, everyone_cumulative)
        if source == target or (source, target) in seen:
            continue
        seen.add((source, target))
        count += 1
        roll = rng.random()
        if roll < 0.05:
            kind, valence, directed = "conflict", "negative", False
        elif roll < 0.25:
            kind, valence, directed = "collaboration", "positive", False
        else:
            kind, valence, directed = (
                rng.choice(("influence", "trust", "information")),
                "positive",
                True,
            )
        smap.put_relationship(
            Relationship(f"r{count}", source, target, kind, rng.randint(1, 5), valence, directed)
        )
    return smap


def _best(function, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(n: int) -> str:
    """One line of the table: the timings for a map of ``n`` stakeholders."""
    smap = stakeholder_map(n)
    repeats = 3 if n <= 2000 else 1
    arcs = build_arcs(smap)
    graph = igraph_graph(arcs.n, arcs.source, arcs.target)
    lengths = arcs.distance.astype(float).tolist()
    bare = _best(lambda: graph.betweenness(directed=True, weights=lengths), repeats)
    full = _best(lambda: compute_metrics(smap), repeats)
    metrics = compute_metrics(smap)
    readings = _best(lambda: (stakeholder_readings(smap, metrics), map_findings(smap, metrics)), 1)
    return (
        f"{n:>12,} {len(smap.relationships):>7,} {len(arcs.source):>7,} "
        f"{full:>10.3f}s {bare:>11.3f}s {full / bare:>6.2f} {readings:>8.3f}s"
    )


def main(sizes: list[int]) -> None:
    """Print the timing table for maps of the given sizes."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load} (1, 5, 15 min) before the run")
    print(
        f"{'stakeholders':>12} {'ties':>7} {'arcs':>7} {'full suite':>11} "
        f"{'betweenness':>12} {'ratio':>6} {'readings':>9}"
    )
    for n in sizes:
        print(measure(n), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 2000, 10000])
