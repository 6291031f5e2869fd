"""Killing the app in the middle of a save never loses the previous file."""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import io
import os
import random
import re
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stakeholder_mapper.core.model import MapInfo, Stakeholder, StakeholderMap
from stakeholder_mapper.io.errors import MapFileError, PasswordRequired, WrongPassword
from stakeholder_mapper.io.lock import LockInfo, lock_path
from stakeholder_mapper.io.project import (
    backup_path,
    change_password,
    load_map,
    remove_leftovers,
    save_map,
)

ROOT = Path(__file__).resolve().parents[2]

# Saves a map of 4,000 stakeholders (about 3 MB) again and again, each time a new version.
_SAVER = textwrap.dedent(
    """
    import sys
    from stakeholder_mapper.core.model import MapInfo, Stakeholder, StakeholderMap
    from stakeholder_mapper.io.project import save_map

    path = sys.argv[1]
    smap = StakeholderMap()
    for i in range(4000):
        smap.stakeholders[f"s{i}"] = Stakeholder(
            f"s{i}", f"Actor {i}", "media", notes="n" * 500, person=f"Person {i}"
        )
    version = 0
    while True:
        version += 1
        smap.info = MapInfo(title=f"version {version}")
        save_map(smap, path)
        if version == 2:  # from now on there is a map file and its backup
            print("saved", flush=True)
    """
)


def test_killing_the_process_mid_save_leaves_a_loadable_map(tmp_path: Path) -> None:
    """A real SIGKILL, end to end. Where it lands depends on timing, so it may miss a fault;
    the test that stops a save after each of its steps below catches one every time."""
    path = tmp_path / "city.smap"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(7)
    for _ in range(5):
        with subprocess.Popen(
            [sys.executable, "-c", _SAVER, str(path)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        ) as child:
            assert child.stdout is not None and child.stdout.readline() == "saved\n"
            time.sleep(rng.uniform(0.0, 0.6))
            child.kill()  # SIGKILL: no clean-up, no flush
            child.wait()
        for file in (path, backup_path(path)):
            smap = load_map(file)
            assert len(smap.stakeholders) == 4000
            assert smap.info.title.startswith("version ")


def _leftovers(folder: Path) -> list[Path]:
    """Files a killed save of city.smap left: temporary copies, plain, with a name in them."""
    old = folder / ".city.smap.k3j4h5.tmp"
    recent = folder / ".city.smap.a1b2c3.tmp"  # a kill a moment ago: as plain as an old one
    bak_tmp = folder / ".city.smap.bak.tmp"
    for leftover in (old, recent, bak_tmp):
        leftover.write_bytes(b'{"personal_data": [{"person": "Amina Yusuf"}]}')
    stale = time.time() - 3600
    os.utime(old, (stale, stale))
    return [old, recent, bak_tmp]


def test_a_save_removes_temporary_files_left_by_a_crash_whatever_their_age(
    tmp_path: Path,
) -> None:
    path = tmp_path / "city.smap"
    _leftovers(tmp_path)
    other = tmp_path / ".other.smap.x.tmp"
    other.write_bytes(b"...")
    save_map(StakeholderMap(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.smap.x.tmp", "city.smap"]


def test_opening_a_map_removes_the_leftovers_unless_another_instance_holds_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "city.smap"
    save_map(StakeholderMap(), path)
    leftovers = _leftovers(tmp_path)
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as child:
        try:
            holder = dataclasses.replace(LockInfo.here(), pid=child.pid)
            lock_path(path).write_bytes(holder.to_json())
            remove_leftovers(path)  # perhaps that instance's save in progress
            assert all(leftover.exists() for leftover in leftovers)
        finally:
            child.kill()
    child.wait()
    remove_leftovers(path)  # its process is gone: the lock is stale, the files orphans
    assert sorted(p.name for p in tmp_path.iterdir()) == ["city.smap", "city.smap.lock"]


# -- a save stopped after each of its steps on disk --------------------------------------------
class Killed(BaseException):
    """The process stops here, as if killed: no error handling of the save's own runs after it."""


class StepsOnDisk:
    """Goes through a save's steps on disk and stops it (raises :class:`Killed`) after one.

    The steps: a file opened for writing, half of a write done, a write done, a flush, an
    fsync, half of a file copy done, a copy done, a rename, a removal. ``stop_after`` counts
    from 1; ``None`` lets the save finish and only records the steps' names in :attr:`done`.
    Only the test's own thread is stopped: work another test left running goes on.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, stop_after: int | None) -> None:
        self.done: list[str] = []
        self.stop_after = stop_after
        self.thread = threading.get_ident()
        real_open, real_fsync = io.open, os.fsync
        real_replace, real_copy2, real_unlink = os.replace, shutil.copy2, os.unlink

        def opened(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            handle = real_open(file, mode, *args, **kwargs)
            if not any(flag in mode for flag in "wax+"):
                return handle
            name = Path(file).name
            name = "temporary file" if re.fullmatch(r"\..+\.[0-9a-f]{8}\.tmp", name) else name
            try:
                self.step(f"opened {name}")
            except Killed:
                handle.close()  # as the system would when the process ends
                raise
            return _WatchedFile(handle, name, self.step)

        def fsync(fd: int) -> None:
            real_fsync(fd)
            self.step("fsync")

        def replace(src: Any, dst: Any) -> None:
            real_replace(src, dst)
            self.step(f"renamed to {Path(dst).name}")

        def unlink(file: Any, *args: Any, **kwargs: Any) -> None:
            real_unlink(file, *args, **kwargs)
            self.step(f"removed {Path(file).name}")

        def copy2(src: Any, dst: Any) -> Any:
            data = Path(src).read_bytes()
            with real_open(dst, "wb") as out:
                out.write(data[: len(data) // 2])
            self.step(f"copied half of {Path(src).name}")
            real_copy2(src, dst)
            self.step(f"copied {Path(src).name}")
            return dst

        monkeypatch.setattr(io, "open", opened)
        monkeypatch.setattr(builtins, "open", opened)
        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(shutil, "copy2", copy2)
        monkeypatch.setattr(os, "unlink", unlink)

    def step(self, name: str) -> None:
        if threading.get_ident() != self.thread:
            return
        self.done.append(name)
        if len(self.done) == self.stop_after:
            raise Killed(name)


class _WatchedFile:
    """A file being written whose writes and flushes are steps; half a write reaches the disk."""

    def __init__(self, handle: Any, name: str, step: Callable[[str], None]) -> None:
        self._handle, self._name, self._step = handle, name, step

    def write(self, data: bytes) -> int:
        half = len(data) // 2
        self._handle.write(data[:half])
        self._handle.flush()
        self._step(f"wrote half of {self._name}")
        self._handle.write(data[half:])
        self._step(f"wrote {self._name}")
        return len(data)

    def flush(self) -> None:
        self._handle.flush()
        self._step(f"flushed {self._name}")

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._handle, attr)

    def __enter__(self) -> _WatchedFile:
        self._handle.__enter__()
        return self

    def __exit__(self, *exc: object) -> Any:
        return self._handle.__exit__(*exc)


PASSWORD = "correct horse"
NEW_PASSWORD = "battery staple"
#: Text every version holds in the clear, and no protected file shows.
KNOWN_NAME = b"Actor 17"


def _version(n: int) -> StakeholderMap:
    smap = StakeholderMap(MapInfo(title=f"v{n}"))
    for i in range(40):
        smap.stakeholders[f"s{i}"] = Stakeholder(
            f"s{i}", f"Actor {i}", "media", notes=f"version {n} " * 40
        )
    return smap


VERSIONS = {f"v{n}": _version(n) for n in (1, 2, 3)}


def _state(file: Path) -> str:
    """Which complete version ``file`` holds ("v2", "v2 protected", "v2 protected anew" under
    the new password), "absent", or what is wrong."""
    if not file.exists():
        return "absent"
    smap, protected = None, ""
    try:
        smap = load_map(file)
    except PasswordRequired:
        for password, tag in ((PASSWORD, " protected"), (NEW_PASSWORD, " protected anew")):
            with contextlib.suppress(WrongPassword):
                smap, protected = load_map(file, password), tag
    except MapFileError as exc:
        return f"unreadable: {exc}"
    if smap is None:
        return "under an unknown password"
    for name, version in VERSIONS.items():
        if smap == version:
            return name + protected
    return f"none of the versions saved: {smap.info.title}"


def _save(path: Path) -> None:
    save_map(VERSIONS["v3"], path)


def _protect(path: Path) -> None:
    save_map(VERSIONS["v3"], path, PASSWORD)


def _save_erasing_backup(path: Path) -> None:
    save_map(VERSIONS["v3"], path, backup=False)


def _set_password(path: Path) -> None:
    change_password(path, None, PASSWORD)


def _change_password(path: Path) -> None:
    change_password(path, PASSWORD, NEW_PASSWORD)


def _remove_password(path: Path) -> None:
    change_password(path, PASSWORD, None)


def _set_password_saving(path: Path) -> None:
    """The app's way: the map open in the window is saved under the new password."""
    change_password(path, None, PASSWORD, VERSIONS["v3"])


#: Each way a map is written over v2 (its backup holding v1; both protected by PASSWORD
#: where the name says so), with the states the map and its backup may be left in, in the
#: order the steps reach them: old first, finished last.
WRITES = {
    "save": (_save, None, [("v2", "v1"), ("v2", "v2"), ("v3", "v2")]),
    "save with a password": (
        _protect,
        None,
        [("v2", "v1"), ("v2", "v2 protected"), ("v3 protected", "v2 protected")],
    ),
    "save without backup": (
        _save_erasing_backup,
        None,
        [("v2", "v1"), ("v3", "v1"), ("v3", "absent")],
    ),
    "set a password": (
        _set_password,
        None,
        [("v2", "v1"), ("v2", "v1 protected"), ("v2 protected", "v1 protected")],
    ),
    "set a password while saving": (
        _set_password_saving,
        None,
        [("v2", "v1"), ("v2", "v2 protected"), ("v3 protected", "v2 protected")],
    ),
    "change the password of a protected map": (
        _change_password,
        PASSWORD,
        [
            ("v2 protected", "v1 protected"),
            ("v2 protected", "v1 protected anew"),
            ("v2 protected anew", "v1 protected anew"),
        ],
    ),
    "remove the password of a protected map": (
        _remove_password,
        PASSWORD,
        [("v2 protected", "v1 protected"), ("v2", "v1 protected"), ("v2", "v1")],
    ),
}


def _two_saves(folder: Path, password: str | None) -> Path:
    folder.mkdir()
    path = folder / "city.smap"
    save_map(VERSIONS["v1"], path, password)
    save_map(VERSIONS["v2"], path, password)
    return path


def _plain_copies(folder: Path) -> list[str]:
    """The files in ``folder`` that show a stakeholder's name in the clear."""
    return sorted(f.name for f in folder.iterdir() if KNOWN_NAME in f.read_bytes())


@pytest.mark.parametrize("write", WRITES, ids=str)
@pytest.mark.usefixtures("fast_kdf")
def test_a_save_stopped_after_any_step_leaves_whole_files(write, tmp_path, monkeypatch) -> None:
    """Stopped after any step of the write, the map is the old or the new version, whole,
    and the backup is a whole version too: never a mix, never a cut file, never a new map
    whose backup is not the version it replaced. And while the map is protected, no file
    in its folder (backup, temporary file) shows its names in the clear."""
    act, start_password, allowed = WRITES[write]
    path = _two_saves(tmp_path / "whole", start_password)
    with monkeypatch.context() as patch:
        steps = StepsOnDisk(patch, stop_after=None)
        act(path)
    assert (_state(path), _state(backup_path(path))) == allowed[-1]
    assert len(steps.done) >= 6, steps.done
    seen = []
    for n, step in enumerate(steps.done, start=1):
        path = _two_saves(tmp_path / f"stopped-{n}", start_password)
        with monkeypatch.context() as patch, pytest.raises(Killed):
            StepsOnDisk(patch, stop_after=n)
            act(path)
        state = (_state(path), _state(backup_path(path)))
        assert state in allowed, f"stopped after {step!r} (step {n}): {state}"
        if "protected" in state[0]:
            assert _plain_copies(path.parent) == [], f"stopped after {step!r} (step {n})"
        seen.append(state)
    assert seen == sorted(seen, key=allowed.index), "a later step went back to an older state"
    assert seen[0] == allowed[0] and seen[-1] == allowed[-1]
