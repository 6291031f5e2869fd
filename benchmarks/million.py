"""A million rows: CSV import, GEXF import and validate, in bounded memory or refused at once.

Target (issue 14, finding 10): a 1,000,000-row CSV import, a 1,000,000-node GEXF import
and ``validate`` of a map with 1,000,000 stakeholders each peak under 1 GB, or are
refused in one sentence within 2 s. Before the count limits of ``core/limits.py`` they
took 4.0 GB and 43 s, 4.0 GB and 53 s, and 1.8 GB and 47 s. A CSV import with a relationships
table (four ties per stakeholder, at most ``MAX_RELATIONSHIPS``) is added, and all the
cases are run at the limit itself (``MAX_STAKEHOLDERS`` rows, accepted), to show what the
largest map allowed costs.

The inputs are generated in a temporary folder. Each case runs the command line in a
subprocess of its own small meter process, which reports the case's peak resident memory
(``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``) and wall time. Run from the
repository (one to three minutes, most of it at the limit). Measured on 4 Dec 2026 on a
shared 2-core machine: each million-row case refused in 0.6 to 1.4 s within 190 to 250 MB;
at the limit, 50,000 stakeholders with 200,000 ties imported within 503 MB and the map it
wrote validated within 492 MB (16 to 33 s, the machine busy):

    python benchmarks/million.py            # both sizes
    python benchmarks/million.py --quick    # the million-row refusals only
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stakeholder_mapper.core.limits import MAX_RELATIONSHIPS, MAX_STAKEHOLDERS

MILLION = 1_000_000
#: Targets: peak memory and, for a refusal, wall time.
MEMORY_TARGET_MB = 1024
REFUSAL_TARGET_S = 2.0
CATEGORIES = ("municipal", "Youth group", "ngo", "Media", "private", "faith leader")

#: Runs one command and prints its peak memory (kB, as Linux counts ru_maxrss) and time.
_METER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
said = (done.stderr.strip() or done.stdout.strip()).splitlines()
print(json.dumps({"code": done.returncode, "kb": peak_kb, "s": seconds, "said": said[-1:]}))
"""


def write_csv(path: Path, rows: int) -> None:
    """A stakeholders table with ``rows`` rows of the columns a CRM export has."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write("id,name,category,power,interest,position,tags,notes\n")
        for i in range(rows):
            fh.write(
                f"s{i},Stakeholder {i},{CATEGORIES[i % 6]},{i % 5 + 1},{(i * 7) % 5 + 1},"
                f"{i % 5 - 2},heat|flood,Met on {i % 28 + 1} May\n"
            )


def write_ties(path: Path, stakeholders: int, rows: int) -> None:
    """A relationships table with ``rows`` ties among ``stakeholders`` stakeholders."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write("source,target,kind,strength\n")
        for i in range(rows):
            a, b = i % stakeholders, (i * 7919 + 1) % stakeholders
            fh.write(f"s{a},s{b if b != a else (a + 1) % stakeholders},influence,{i % 5 + 1}\n")


def write_gexf(path: Path, nodes: int) -> None:
    """A Gephi-style GEXF file with ``nodes`` nodes (a category attribute each) and a ring
    of edges through the first thousand."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
            '<graph defaultedgetype="directed" mode="static">\n'
            '<attributes class="node"><attribute id="0" title="category" type="string"/>'
            "</attributes>\n<nodes>\n"
        )
        for i in range(nodes):
            fh.write(
                f'<node id="s{i}" label="Stakeholder {i}"><attvalues>'
                f'<attvalue for="0" value="{CATEGORIES[i % 6]}"/></attvalues></node>\n'
            )
        fh.write("</nodes>\n<edges>\n")
        ring = min(nodes, 1000)
        for i in range(ring):
            fh.write(f'<edge id="e{i}" source="s{i}" target="s{(i + 1) % ring}"/>\n')
        fh.write("</edges>\n</graph>\n</gexf>\n")


def write_map(path: Path, stakeholders: int) -> None:
    """A project file with ``stakeholders`` stakeholders, written as a stream (the map is
    never built here), each with the fields an import gives."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(
            '{"format": "stakeholder-mapper", "format_version": 1,\n'
            ' "map": {"title": "A million"},\n "stakeholders": [\n'
        )
        for i in range(stakeholders):
            record = {
                "id": f"s{i}",
                "label": f"Stakeholder {i}",
                "category": "ngo",
                "power": i % 5 + 1,
                "interest": (i * 7) % 5 + 1,
                "position": i % 5 - 2,
                "tags": ["heat", "flood"],
                "notes": f"Met on {i % 28 + 1} May",
            }
            fh.write(("" if i == 0 else ",\n") + json.dumps(record))
        fh.write('\n ],\n "relationships": []}\n')


def measure(command: list[str]) -> dict:
    """Run ``command`` under the meter; returns its exit code, peak kB, seconds and last line."""
    meter = subprocess.run(
        [sys.executable, "-c", _METER, *command], capture_output=True, text=True, check=True
    )
    return json.loads(meter.stdout)


def main() -> None:
    quick = "--quick" in sys.argv
    sizes = [MILLION] if quick else [MILLION, MAX_STAKEHOLDERS]
    cli = [sys.executable, "-m", "stakeholder_mapper.cli"]
    print(f"Limit: {MAX_STAKEHOLDERS:,} stakeholders (core/limits.py MAX_STAKEHOLDERS)")
    print(
        f"{'case':<34} {'exit':>4} {'peak MB':>8} {'x 1 GB':>7} {'seconds':>8} {'x 2 s':>6}  says"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for rows in sizes:
            csv_path, gexf_path = folder / f"people-{rows}.csv", folder / f"graph-{rows}.gexf"
            map_path = folder / f"city-{rows}.smap"
            out_path = folder / f"out-{rows}.smap"
            write_csv(csv_path, rows)
            ties_path = folder / f"ties-{rows}.csv"
            write_ties(ties_path, rows, min(4 * rows, MAX_RELATIONSHIPS))
            write_gexf(gexf_path, rows)
            write_map(map_path, rows)
            cases = [
                (f"CSV import, {rows:,} rows", ["import", "--stakeholders", str(csv_path)]),
                (
                    f"  and {min(4 * rows, MAX_RELATIONSHIPS):,} ties",
                    ["import", "--stakeholders", str(csv_path), "--relationships", str(ties_path)],
                ),
                (f"GEXF import, {rows:,} nodes", ["import", str(gexf_path)]),
                (f"validate, {rows:,} stakeholders", ["validate", str(map_path)]),
            ]
            if rows <= MAX_STAKEHOLDERS:  # the import above wrote the largest map allowed
                cases.insert(2, ("  validate the map it wrote", ["validate", str(out_path)]))
            for label, args in cases:
                if args[0] == "import":
                    args = [*args, "-o", str(out_path)]
                result = measure(cli + args)
                mb = result["kb"] / 1024
                refused = result["code"] != 0
                time_ratio = f"{result['s'] / REFUSAL_TARGET_S:6.2f}" if refused else "     -"
                said = (result["said"] or [""])[0]
                print(
                    f"{label:<34} {result['code']:>4} {mb:8.0f} {mb / MEMORY_TARGET_MB:7.2f} "
                    f"{result['s']:8.2f} {time_ratio}  {said[:110]}"
                )
            for path in (csv_path, ties_path, gexf_path, map_path, out_path):
                path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
