"""Many instances opening one map at once: exactly one gets to edit it, every time."""

from __future__ import annotations

import dataclasses
import multiprocessing
import subprocess
import sys
from pathlib import Path
from typing import Any

from stakeholder_mapper.io.lock import LockInfo, MapLocked, acquire_lock, lock_path, read_lock
from stakeholder_mapper.io.project import MapFileError

CONTENDERS = 8
ROUNDS = 100


def _contender(map_path: Path, start: Any, done: Any, results: Any) -> None:
    """One instance opening the map in each round; the winner keeps its lock (the map stays
    open), so a later contender of the same round must not get it either."""
    for round_ in range(ROUNDS):
        start.wait()
        try:
            lock = acquire_lock(map_path)
        except MapLocked:
            results.put((round_, "locked", None))
        except MapFileError:
            results.put((round_, "try again", None))
        else:
            results.put((round_, "won", lock.info))
        done.wait()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_stale_lock_is_taken_over_by_exactly_one_of_eight_instances(tmp_path: Path) -> None:
    """A crash left a lock on this computer; eight instances open the map at the same
    moment. In every one of 100 rounds one of them edits it and the others are told who
    has it (or to try again), never two editors."""
    map_path = tmp_path / "city.smap"
    context = multiprocessing.get_context("spawn")
    start, done = context.Barrier(CONTENDERS + 1), context.Barrier(CONTENDERS + 1)
    results = context.Queue()
    workers = [
        context.Process(target=_contender, args=(map_path, start, done, results))
        for _ in range(CONTENDERS)
    ]
    for worker in workers:
        worker.start()
    try:
        stale = dataclasses.replace(LockInfo.here(), pid=_dead_pid())
        winners_per_round = []
        for _ in range(ROUNDS):
            lock_path(map_path).unlink(missing_ok=True)
            lock_path(map_path).write_bytes(stale.to_json())
            start.wait(timeout=60)
            done.wait(timeout=60)
            outcomes = [results.get(timeout=10) for _ in range(CONTENDERS)]
            winners = [info for _, outcome, info in outcomes if outcome == "won"]
            winners_per_round.append(len(winners))
            if len(winners) == 1:
                assert read_lock(map_path) == winners[0]
        assert winners_per_round == [1] * ROUNDS, (
            f"rounds with other than one editor: "
            f"{[(n, w) for n, w in enumerate(winners_per_round) if w != 1]}"
        )
    finally:
        for worker in workers:
            worker.join(timeout=10)
            if worker.is_alive():
                worker.kill()
