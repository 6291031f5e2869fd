"""Import speed: a 50,000-row stakeholders CSV with 50,000 relationships, and other formats.

Target (issue 8): a 50,000-row file imports in under 10 s. Exports and the other formats
are timed at the same size for reference. Run from the repository:

    python benchmarks/import.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.io.graph_formats import (
    export_gexf,
    export_graphml,
    import_gexf,
    import_graphml,
)
from stakeholder_mapper.io.merge import merge_command, prepare_import_map
from stakeholder_mapper.io.table_export import export_xlsx
from stakeholder_mapper.io.table_import import import_tables, import_workbook

ROWS = 50_000
CATEGORIES = ("municipal", "Youth group", "ngo", "Media", "private", "faith leader")


def write_tables(folder: Path, rows: int) -> tuple[Path, Path]:
    """A stakeholders table and a relationships table with ``rows`` rows each."""
    rng = random.Random(8)
    people = ["id;name;category;power;interest;position;trust;tags;notes;district"]
    for i in range(rows):
        people.append(
            f"s{i};Stakeholder {i} é;{rng.choice(CATEGORIES)};{rng.randint(1, 5)};"
            f"{rng.randint(1, 5)};{rng.randint(-2, 2)};{rng.choice(['', '1', '-1'])};"
            f"heat, flood;Met on {i % 28 + 1} May;D{i % 40}"
        )
    ties = ["source;target;kind;strength;valence"]
    for _ in range(rows):
        a, b = rng.sample(range(rows), 2)
        ties.append(
            f"s{a};s{b};{rng.choice(['influence', 'trust', 'funding'])};{rng.randint(1, 5)};"
        )
    s_path, r_path = folder / "stakeholders.csv", folder / "relationships.csv"
    s_path.write_text("\n".join(people) + "\n", encoding="cp1252")
    r_path.write_text("\n".join(ties) + "\n", encoding="cp1252")
    return s_path, r_path


def timed(label: str, work):
    start = time.perf_counter()
    result = work()
    print(f"{label:<58} {time.perf_counter() - start:6.2f} s")
    return result


def main() -> None:
    """Print the time of each import and export."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        s_path, r_path = write_tables(folder, ROWS)
        smap, report = timed(
            f"CSV import, {ROWS:,} stakeholders + {ROWS:,} relationships (cp1252, ';')",
            lambda: import_tables(s_path, r_path),
        )
        assert report.stakeholders == ROWS and report.relationships == ROWS
        target = StakeholderMap()
        incoming, _ = import_tables(s_path, r_path, smap=prepare_import_map(target))
        timed(
            "Merge into an open map as one undoable command",
            lambda: merge_command(target, incoming),
        )
        timed(
            f"Excel export, {ROWS:,} + {ROWS:,} rows, with metrics",
            lambda: export_xlsx(smap, folder / "m.xlsx"),
        )
        timed(f"Excel import, {ROWS:,} + {ROWS:,} rows", lambda: import_workbook(folder / "m.xlsx"))
        timed("GraphML export", lambda: export_graphml(smap, folder / "m.graphml"))
        timed("GraphML import", lambda: import_graphml(folder / "m.graphml"))
        timed("GEXF export", lambda: export_gexf(smap, folder / "m.gexf"))
        timed("GEXF import", lambda: import_gexf(folder / "m.gexf"))


if __name__ == "__main__":
    main()
