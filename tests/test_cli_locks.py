"""The command line never writes a map that another running instance has open."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.model import MapInfo, StakeholderMap
from stakeholder_mapper.io.lock import LockInfo, lock_path, read_lock
from stakeholder_mapper.io.project import load_map, save_map

STAKEHOLDERS = "id,name,category\nmayor,Mayor of Marenza,municipal\n"


@pytest.fixture
def stakeholders(tmp_path: Path) -> Path:
    path = tmp_path / "s.csv"
    path.write_text(STAKEHOLDERS, encoding="utf-8")
    return path


def test_import_refuses_a_map_another_instance_is_editing(
    stakeholders: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "city.smap"
    save_map(StakeholderMap(MapInfo(title="Being edited")), output)
    before = output.read_bytes()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as child:
        try:
            holder = dataclasses.replace(LockInfo.here(), pid=child.pid, user="amina")
            lock_path(output).write_bytes(holder.to_json())
            code = main(["import", "--stakeholders", str(stakeholders), "-o", str(output)])
            err = capsys.readouterr().err
            assert code == 2
            assert err.count("\n") == 1 and err.startswith(
                "error: city.smap is already open for editing by amina on "
            )
            assert err.rstrip().endswith("; close it there first or write to another file.")
            assert output.read_bytes() == before
            assert read_lock(output) == holder
        finally:
            child.kill()


def test_import_takes_over_a_crashed_instances_lock_and_leaves_none(
    stakeholders: Path, tmp_path: Path
) -> None:
    output = tmp_path / "city.smap"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock_path(output).write_bytes(dataclasses.replace(LockInfo.here(), pid=dead.pid).to_json())
    assert main(["import", "--stakeholders", str(stakeholders), "-o", str(output)]) == 0
    assert "mayor" in load_map(output).stakeholders
    assert not lock_path(output).exists()
