"""Autosave files: where they go, versions kept, recovery after a crash, removal after saving."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from stakeholder_mapper.core.model import MapInfo, StakeholderMap
from stakeholder_mapper.io.lock import LockInfo, acquire_lock, lock_path
from stakeholder_mapper.io.project import (
    PasswordRequired,
    is_encrypted_file,
    load_map,
    save_map,
)
from stakeholder_mapper.io.recovery import (
    KEEP_VERSIONS,
    find_recoveries,
    recovery_path,
    remove_recoveries,
    write_recovery,
)

ROOT = Path(__file__).resolve().parents[2]


def _titled(smap: StakeholderMap, title: str) -> StakeholderMap:
    smap.info = MapInfo(title=title)
    return smap


def _age(path: Path, seconds_ago: float) -> None:
    stat = path.stat()
    os.utime(path, (stat.st_atime, stat.st_mtime - seconds_ago))


def test_autosave_of_a_saved_map_goes_beside_it_and_leaves_the_map_alone(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    map_path = tmp_path / "city.smap"
    save_map(small_map, map_path)
    saved = map_path.read_bytes()
    written = write_recovery(_titled(small_map, "Edited"), map_path)
    assert written == recovery_path(map_path) == tmp_path / ".city.smap.recovery"
    assert map_path.read_bytes() == saved
    assert load_map(written).info.title == "Edited"


def test_recovery_keeps_the_last_versions_newest_first(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    map_path = tmp_path / "city.smap"
    for n in range(KEEP_VERSIONS + 2):
        write_recovery(_titled(small_map, f"version {n}"), map_path)
        for path in tmp_path.iterdir():  # make each older file clearly older
            _age(path, 60)
    found = find_recoveries(map_path)
    assert [r.load().info.title for r in found] == ["version 4", "version 3", "version 2"]
    assert all(r.map_path == map_path and r.name == "city.smap" for r in found)
    assert found[0].saved > found[1].saved > found[2].saved


def test_recovery_of_an_encrypted_map_is_encrypted(
    small_map: StakeholderMap, tmp_path: Path, fast_kdf: None
) -> None:
    map_path = tmp_path / "city.smap"
    written = write_recovery(small_map, map_path, "s3cret")
    assert is_encrypted_file(written) and b"Mayor" not in written.read_bytes()
    (recovery,) = find_recoveries(map_path)
    assert recovery.encrypted
    with pytest.raises(PasswordRequired):
        recovery.load()
    assert recovery.load("s3cret") == small_map


def test_clean_save_removes_every_version(small_map: StakeholderMap, tmp_path: Path) -> None:
    map_path = tmp_path / "city.smap"
    for _ in range(KEEP_VERSIONS):
        write_recovery(small_map, map_path)
    remove_recoveries(map_path)
    assert find_recoveries(map_path) == []
    assert list(tmp_path.iterdir()) == []


def test_an_unsaved_map_autosaves_to_the_data_folder(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    folder = tmp_path / "data" / "recovery"
    written = write_recovery(small_map, None, folder=folder)
    assert written.parent == folder and written.name.endswith(f"-{os.getpid()}.smap.recovery")
    (recovery,) = find_recoveries(folder=folder)
    assert recovery.map_path is None and recovery.name == "unsaved map"
    recovery.discard()
    assert find_recoveries(folder=folder) == []
    with pytest.raises(ValueError, match="needs a folder"):
        recovery_path(None)


def test_autosaves_of_a_map_open_elsewhere_are_not_offered(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    map_path = tmp_path / "city.smap"
    write_recovery(small_map, map_path)
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as child:
        try:
            info = dataclasses.replace(LockInfo.here(), pid=child.pid)
            lock_path(map_path).write_bytes(info.to_json())
            assert find_recoveries(map_path) == []
        finally:
            child.kill()
    assert len(find_recoveries(map_path)) == 1  # its process is gone: a crash


_CHILD = textwrap.dedent(
    """
    import sys, time
    from stakeholder_mapper.core.model import MapInfo, Stakeholder, StakeholderMap
    from stakeholder_mapper.io.lock import acquire_lock
    from stakeholder_mapper.io.project import save_map
    from stakeholder_mapper.io.recovery import write_recovery

    map_path, folder = sys.argv[1], sys.argv[2]
    smap = StakeholderMap(MapInfo(title="Saved"))
    smap.stakeholders["mayor"] = Stakeholder("mayor", "Mayor", "municipal")
    save_map(smap, map_path)
    acquire_lock(map_path)
    smap.info = MapInfo(title="Edited after saving")
    smap.stakeholders["imam"] = Stakeholder("imam", "Imam", "faith")
    write_recovery(smap, map_path)
    write_recovery(StakeholderMap(MapInfo(title="Never saved")), None, folder=folder)
    print("autosaved", flush=True)
    time.sleep(60)
    """
)


def test_recovery_is_offered_after_a_crash_and_restores_the_last_autosave(
    tmp_path: Path,
) -> None:
    map_path, folder = tmp_path / "city.smap", tmp_path / "data"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(map_path), str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None and child.stdout.readline() == "autosaved\n"
        child.kill()  # SIGKILL: no clean-up runs
        child.wait()
    assert lock_path(map_path).exists()  # the crashed app never released it
    found = find_recoveries(map_path, folder)
    assert sorted(r.name for r in found) == ["city.smap", "unsaved map"]
    recovered = next(r for r in found if r.map_path == map_path).load()
    assert recovered.info.title == "Edited after saving"
    assert set(recovered.stakeholders) == {"mayor", "imam"}
    assert load_map(map_path).info.title == "Saved"
    acquire_lock(map_path).release()  # the stale lock is taken over
