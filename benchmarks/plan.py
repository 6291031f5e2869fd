"""Word plan speed: a 300-stakeholder map, every section, figures at 300 dpi.

Builds a seeded random map (300 stakeholders, 1,200 relationships, every category and
kind, positions on the plane, engagement details for a third of them, a snapshot), then
prints the time to write the full plan with engagement sheets for priority stakeholders
(the default) and for every stakeholder, and the partner and public versions: wall time,
its ratio to the target and the processor time (which other work on the machine changes
less). A map this large gets an overview drawing and one drawing per coalition (both at
most 200 dpi) besides the power–interest grid, drawn in two worker processes: the processor
time is this process's alone, so the full plan is written once more with every figure
drawn here, whose processor time is the whole work. The machine's load average is printed
with the figures: other work on the cores stretches the wall time.
Target (DESIGN.md §10): under 5 s.

Run: ``python benchmarks/plan.py [STAKEHOLDERS RELATIONSHIPS]``
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from stakeholder_mapper.core.model import (
    Engagement,
    MapInfo,
    Relationship,
    Snapshot,
    Stakeholder,
    StakeholderMap,
)
from stakeholder_mapper.io.plan import PlanOptions, drawing_jobs, write_plan
from stakeholder_mapper.io.project import snapshot_content

TARGET_SECONDS = 5.0


def random_map(n: int, m: int, seed: int = 1) -> StakeholderMap:
    """A map with ``n`` stakeholders and ``m`` relationships, rated and partly planned."""
    rng = random.Random(seed)
    smap = StakeholderMap(MapInfo(title="Benchmark city", city="Benchmark", branch="Stakeholder 0"))
    categories, kinds = list(smap.categories), list(smap.kinds)
    side = 150 * n**0.5
    for i in range(n):
        sid = f"s{i}"
        engagement = Engagement()
        if i % 3 == 0:
            engagement = Engagement(
                objective=f"Objective for stakeholder {i}",
                ask="Co-sign the memorandum of understanding",
                next_action="Meet the focal point",
                due_date=dt.date(2027, 1, 1 + i % 28),
                mou_status=rng.choice(["none", "exploring", "drafting", "signed"]),
                risks="Competing priorities",
            )
        smap.stakeholders[sid] = Stakeholder(
            sid,
            f"Stakeholder {i} of the city",
            "redcross" if i == 0 else rng.choice(categories),
            power=rng.randint(1, 5),
            interest=rng.randint(1, 5),
            position=rng.randint(-2, 2),
            trust=rng.randint(-2, 2),
            principles=(rng.randint(1, 12),),
            person=f"Person {i}" if i % 5 == 0 else "",
            engagement=engagement,
        )
        smap.positions[sid] = (rng.uniform(0, side), rng.uniform(0, side))
    ids = list(smap.stakeholders)
    for j in range(m):
        a, b = rng.sample(ids, 2)
        kind = smap.kinds[rng.choice(kinds)]
        smap.relationships[f"r{j}"] = Relationship(
            f"r{j}", a, b, kind.id, rng.randint(1, 5), kind.valence, kind.directed
        )
    smap.snapshots = [Snapshot("snap", "Baseline", dt.datetime(2026, 6, 1), snapshot_content(smap))]
    for sid in ids[::7]:
        smap.stakeholders[sid] = dataclasses.replace(smap.stakeholders[sid], power=5)
    return smap


def timed(smap: StakeholderMap, path: Path, options: PlanOptions) -> tuple[float, float, int]:
    """Wall and processor seconds to write the plan, and the file's size in bytes."""
    start, cpu = time.perf_counter(), time.process_time()
    write_plan(smap, path, options)
    return time.perf_counter() - start, time.process_time() - cpu, path.stat().st_size


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 4 * n
    smap = random_map(n, m)
    print(
        f"Plan for {n} stakeholders and {m} relationships, figures at 300 dpi "
        "(a large map's network drawings at 200)"
    )
    print("Load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    worst = 0.0
    with tempfile.TemporaryDirectory() as folder:
        runs = [
            ("full, sheets for priorities", PlanOptions()),
            ("full, sheets for everyone", PlanOptions(sheets_for="all")),
            ("partner", PlanOptions(level="partner")),
            ("public", PlanOptions(level="public")),
        ]
        for n_run, (name, options) in enumerate(runs):
            seconds, cpu, size = timed(smap, Path(folder) / f"plan{n_run}.docx", options)
            worst = max(worst, seconds)
            print(
                f"  {name:<30} {seconds:6.2f} s ({seconds / TARGET_SECONDS:4.2f} of the "
                f"target)  {cpu:5.2f} s processor  {size / 1e6:5.1f} MB"
            )
        drawing_jobs.WORKERS = 0  # every figure drawn in this process
        seconds, cpu, size = timed(smap, Path(folder) / "here.docx", PlanOptions())
        print(
            f"  {'full, figures drawn here':<30} {seconds:6.2f} s (not the target's: "
            f"the whole work)  {cpu:5.2f} s processor  {size / 1e6:5.1f} MB"
        )
    print("Load average (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    verdict = "within" if worst < TARGET_SECONDS else "OVER"
    print(
        f"Slowest: {worst:.2f} s, {worst / TARGET_SECONDS:.2f} of the {TARGET_SECONDS:.0f} s "
        f"target ({verdict} it)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
