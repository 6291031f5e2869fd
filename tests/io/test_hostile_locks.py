"""Lock files and autosave names hold anything: they are read defensively, never crash.

A lock with ``"pid": 1e400`` or ``4294967297`` raised OverflowError when a map was
opened and when autosaves were looked for, and the app exited with a traceback.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from stakeholder_mapper.io.lock import acquire_lock, lock_path, process_alive, read_lock
from stakeholder_mapper.io.recovery import find_recoveries, recovery_path

HOSTILE_PIDS = ["1e400", "4294967297", "-1", "0", "true", '"12"', "1" * 5000, "null"]


def _hostile_lock(map_path: Path, pid: str, time: str = "2026-01-01T00:00:00+00:00") -> None:
    path = lock_path(map_path)
    path.write_text(
        f'{{"host": "{socket.gethostname()}", "pid": {pid}, "user": "x", "time": "{time}"}}'
    )
    os.utime(path, (1_600_000_000, 1_600_000_000))  # old: not one being written right now


@pytest.mark.parametrize("pid", HOSTILE_PIDS)
def test_a_lock_with_an_impossible_process_id_is_unreadable_and_replaced(
    tmp_path: Path, pid: str
) -> None:
    map_path = tmp_path / "city.smap"
    map_path.write_bytes(b"{}")
    _hostile_lock(map_path, pid)
    assert read_lock(map_path) is None
    with acquire_lock(map_path) as lock:
        assert read_lock(map_path) == lock.info and lock.info.pid == os.getpid()


def test_a_lock_with_a_time_at_the_edge_of_the_calendar_is_unreadable(tmp_path: Path) -> None:
    map_path = tmp_path / "city.smap"
    _hostile_lock(map_path, "1", time="9999-12-31T23:59:59-14:00")
    assert read_lock(map_path) is None


@pytest.mark.parametrize("pid", [2**31, 2**32, 2**40, 10**400, 0, -5])
def test_no_process_has_an_id_no_computer_hands_out(pid: int) -> None:
    assert process_alive(pid) is False


@pytest.mark.parametrize("pid", HOSTILE_PIDS)
def test_autosaves_beside_a_map_with_a_hostile_lock_are_found(tmp_path: Path, pid: str) -> None:
    map_path = tmp_path / "city.smap"
    recovery_path(map_path).write_bytes(b"{}")
    _hostile_lock(map_path, pid)
    assert [r.path for r in find_recoveries(map_path)] == [recovery_path(map_path)]


def test_autosaves_of_unsaved_maps_with_impossible_process_ids_are_offered(
    tmp_path: Path,
) -> None:
    host = recovery_path(None, tmp_path).name.split("-")[1]
    names = [
        f"unsaved-{host}-4294967297.smap.recovery",
        f"unsaved-{host}-{'9' * 200}.smap.recovery",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"{}")
    assert sorted(r.path.name for r in find_recoveries(folder=tmp_path)) == sorted(names)
