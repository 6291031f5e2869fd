"""Cost of protecting maps: encryption, erasing a person, refusing hostile files.

Targets (DESIGN §10): open or save a 10,000-stakeholder map in under 1 s. Encryption adds
one scrypt key derivation (deliberately slow, about 0.4 s) to each save and open. Run from
the repository:

    python benchmarks/protection.py
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stakeholder_mapper.core.model import Relationship, Snapshot, Stakeholder, StakeholderMap
from stakeholder_mapper.core.privacy import ErasePerson
from stakeholder_mapper.io.project import MapFileError, load_map, map_to_document, save_map

BROKEN = Path(__file__).resolve().parents[1] / "tests" / "data" / "broken"


def big_map(stakeholders: int = 10_000, relationships: int = 40_000) -> StakeholderMap:
    """A map of the size DESIGN §10 names, with personal data on every tenth stakeholder."""
    smap = StakeholderMap()
    for i in range(stakeholders):
        smap.stakeholders[f"s{i}"] = Stakeholder(
            f"s{i}",
            f"Actor {i}",
            "media",
            power=i % 5 + 1,
            notes=f"Met Dr Halima{i // 10} in May" if i % 10 == 0 else "",
            person=f"Halima{i // 10} Okafor" if i % 10 == 0 else "",
        )
    for i in range(relationships):
        source, target = f"s{i % stakeholders}", f"s{(i * 7 + 1) % stakeholders}"
        if source != target:
            smap.relationships[f"r{i}"] = Relationship(f"r{i}", source, target)
    return smap


def timed(label: str, action) -> object:
    start = time.perf_counter()
    result = action()
    print(f"  {label:<44} {time.perf_counter() - start:6.2f} s")
    return result


def main() -> None:
    smap = big_map()
    folder = Path(tempfile.mkdtemp())
    plain, locked = folder / "plain.smap", folder / "locked.smap"
    print(f"Map of {len(smap.stakeholders):,} stakeholders, {len(smap.relationships):,} ties:")
    timed("save", lambda: save_map(smap, plain))
    timed("open", lambda: load_map(plain))
    timed("save with a password (scrypt n=2**17)", lambda: save_map(smap, locked, "pass phrase"))
    timed("open with the password", lambda: load_map(locked, "pass phrase"))

    content = map_to_document(smap)
    del content["format"], content["format_version"], content["snapshots"]
    smap.snapshots = [
        Snapshot(f"snap{n}", f"Workshop {n}", dt.datetime(2026, n, 1), content) for n in (1, 2, 3)
    ]
    command = timed("erase a person (map and 3 snapshots)", lambda: ErasePerson(smap, "s50"))
    timed("  apply", command.redo)
    timed("  undo", command.undo)

    print("Hostile files (time, peak memory):")
    for path in sorted(BROKEN.glob("*.smap")):
        tracemalloc.start()
        start = time.perf_counter()
        with contextlib.suppress(MapFileError):
            load_map(path)
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"  {path.name:<44} {seconds:6.3f} s {peak / 2**20:7.1f} MB")
    huge = folder / "huge_string.smap"
    with huge.open("wb") as fh:
        fh.write(b'{"format": "stakeholder-mapper", "format_version": 1, "map": {"title": "')
        fh.write(b"x" * 100_000_000)
        fh.write(b'"}}')
    tracemalloc.start()
    start = time.perf_counter()
    with contextlib.suppress(MapFileError):
        load_map(huge)
    seconds, peak = time.perf_counter() - start, tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"  {'100 MB string (file 95 MB)':<44} {seconds:6.3f} s {peak / 2**20:7.1f} MB")


if __name__ == "__main__":
    main()
