"""One editor per map: lock files, stale locks and read-only offers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stakeholder_mapper.io.lock import (
    LockInfo,
    MapLocked,
    acquire_lock,
    lock_path,
    process_alive,
    read_lock,
)
from stakeholder_mapper.io.project import MapFileError


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _write_lock(map_path: Path, info: LockInfo) -> None:
    lock_path(map_path).write_bytes(info.to_json())


def test_lock_records_host_process_user_and_time_and_is_released(tmp_path: Path) -> None:
    map_path = tmp_path / "city.smap"
    lock = acquire_lock(map_path)
    assert lock.path == tmp_path / "city.smap.lock"
    raw = json.loads(lock.path.read_text())
    assert set(raw) == {"host", "pid", "user", "time"}
    assert raw["pid"] == os.getpid()
    assert read_lock(map_path) == lock.info and lock.info.is_ours
    with pytest.raises(MapLocked, match="already open in this instance"):
        acquire_lock(map_path)
    lock.release()
    lock.release()
    assert not lock.path.exists()


def test_a_live_editor_elsewhere_keeps_the_lock(tmp_path: Path) -> None:
    map_path = tmp_path / "city.smap"
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as child:
        try:
            holder = dataclasses.replace(LockInfo.here(), pid=child.pid, user="amina")
            _write_lock(map_path, holder)
            with pytest.raises(
                MapLocked, match=r"^city\.smap is already open for editing by amina on "
            ) as info:
                acquire_lock(map_path)
            assert info.value.holder == holder
            assert read_lock(map_path) == holder  # untouched
            forced = acquire_lock(map_path, force=True)  # the user chose "open anyway"
            assert read_lock(map_path) == forced.info
        finally:
            child.kill()


def test_lock_from_another_computer_cannot_be_judged_stale(tmp_path: Path) -> None:
    map_path = tmp_path / "city.smap"
    holder = LockInfo("other-laptop", 1, "juma", dt.datetime(2026, 11, 25, 9, 30).astimezone())
    _write_lock(map_path, holder)
    assert not holder.is_stale
    with pytest.raises(MapLocked, match="juma on other-laptop since 25 Nov 2026 09:30"):
        acquire_lock(map_path)


def test_stale_and_unreadable_locks_are_taken_over(tmp_path: Path) -> None:
    map_path = tmp_path / "city.smap"
    pid = _dead_pid()
    assert not process_alive(pid)
    _write_lock(map_path, dataclasses.replace(LockInfo.here(), pid=pid))
    lock = acquire_lock(map_path)
    assert read_lock(map_path) == lock.info
    lock.release()

    lock_path(map_path).write_bytes(b"{garbage")
    old = dt.datetime.now().timestamp() - 60
    os.utime(lock_path(map_path), (old, old))
    assert read_lock(map_path) is None
    acquire_lock(map_path).release()


def test_a_lock_being_written_is_not_broken(tmp_path: Path) -> None:
    map_path = tmp_path / "city.smap"
    lock_path(map_path).write_bytes(b"")
    with pytest.raises(MapFileError, match="is being opened by another instance; try again"):
        acquire_lock(map_path)


def test_release_leaves_someone_elses_lock(tmp_path: Path) -> None:
    map_path = tmp_path / "city.smap"
    lock = acquire_lock(map_path)
    other = LockInfo("other-laptop", 7, "juma", dt.datetime.now().astimezone())
    _write_lock(map_path, other)
    lock.release()
    assert read_lock(map_path) == other


def test_a_folder_where_no_lock_can_be_written_means_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refuse(path, flags, mode=0o777):
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(
        MapFileError, match=r"^city\.smap cannot be locked for editing: Permission denied\.$"
    ):
        acquire_lock(tmp_path / "city.smap")
