"""Killing the app in the middle of a save never loses the previous file."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.io.project import backup_path, load_map, save_map

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


def test_a_save_removes_temporary_files_left_by_an_old_crash(tmp_path: Path) -> None:
    path = tmp_path / "city.smap"
    old = tmp_path / ".city.smap.k3j4h5.tmp"
    old.write_bytes(b'{"personal_data": [{"person": "Amina Yusuf"}]}')
    stale = time.time() - 3600
    os.utime(old, (stale, stale))
    recent = tmp_path / ".city.smap.a1b2c3.tmp"  # perhaps a save in progress elsewhere
    recent.write_bytes(b"...")
    other = tmp_path / ".other.smap.x.tmp"
    other.write_bytes(b"...")
    os.utime(other, (stale, stale))
    save_map(StakeholderMap(), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".city.smap.a1b2c3.tmp",
        ".other.smap.x.tmp",
        "city.smap",
    ]
