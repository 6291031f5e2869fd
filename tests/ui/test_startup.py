"""The app starts on a map: the window is titled with the map and draws its stakeholders;
``main.py`` with no argument opens the bundled sample, and a spreadsheet or graph file
given as a map is refused with one sentence saying to import it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from stakeholder_mapper.cli import main
from stakeholder_mapper.io.lock import lock_path
from stakeholder_mapper.io.project import MapFileError, load_map, save_map
from stakeholder_mapper.ui.files.autosave import open_map_for_editing
from stakeholder_mapper.ui.window.main_window import MainWindow

from .conftest import drop_file
from .modals import Modals

ROOT = Path(__file__).resolve().parents[2]

#: Run main.py with no argument; once its window shows, print what it shows and quit.
_PROBE = """
import runpy, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from stakeholder_mapper.ui.window.main_window import MainWindow

app = QApplication(sys.argv)

def probe():
    shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not shown:
        QTimer.singleShot(20, probe)
        return
    window = shown[0]
    print(window.document.smap.info.title, len(window.scene.nodes), window.document.path)
    window.close()

QTimer.singleShot(0, probe)
sys.argv = ["main.py"]
runpy.run_path("main.py", run_name="__main__")
"""


def test_window_shows_the_map(qtbot, small_map, tmp_path):
    path = tmp_path / "marenza.smap"
    save_map(small_map, path)
    window = MainWindow(small_map, path)
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("Untitled map — marenza.smap")
    labels = {node.label for node in window.scene.nodes.values()}
    assert labels == {s.label for s in small_map.stakeholders.values()}
    assert set(window.scene.edges) == set(small_map.relationships)


def test_main_py_without_a_map_shows_the_sample(tmp_path) -> None:
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    # The probe quits the app once the window shows; waiting for the exit is the condition.
    done = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Marenza urban resilience stakeholder map 55 None"
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("city.csv", "a spreadsheet"),
        ("city.xlsx", "a spreadsheet"),
        ("city.ods", "a spreadsheet"),
        ("city.graphml", "a graph file"),
        ("city.gexf", "a graph file"),
    ],
)
def test_a_table_or_graph_file_is_not_opened_as_a_map(tmp_path, name, what) -> None:
    path = tmp_path / name
    path.write_text("name,category\nMayor,municipal\n", encoding="utf-8")
    with pytest.raises(MapFileError) as raised:
        load_map(path)
    assert str(raised.value) == (
        f"{name} is {what}, not a map: bring it in with File → Import "
        f"(command line: stakeholder-mapper import {name})."
    )


def test_cli_says_to_import_a_spreadsheet(tmp_path, capsys) -> None:
    path = tmp_path / "city.csv"
    path.write_text("name,category\nMayor,municipal\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "error: city.csv is a spreadsheet, not a map: bring it in with File → Import "
        "(command line: stakeholder-mapper import city.csv)."
    ]


def test_opening_a_spreadsheet_says_to_import_it_and_locks_nothing(qtbot, tmp_path) -> None:
    path = tmp_path / "city.xlsx"
    path.write_bytes(b"PK\x03\x04")
    shown: list[str] = []
    modals = Modals([(QMessageBox, lambda box: (shown.append(box.text()), box.accept()))])
    assert open_map_for_editing(None, path) is None
    assert not modals.steps
    assert shown == [
        "city.xlsx is a spreadsheet, not a map: bring it in with File → Import "
        "(command line: stakeholder-mapper import city.xlsx)."
    ]
    assert not lock_path(path).exists()


def test_dropping_a_spreadsheet_says_to_import_it(qtbot, window, tmp_path) -> None:
    path = tmp_path / "partners.csv"
    path.write_text("name,category\nMayor,municipal\n", encoding="utf-8")
    before = dict(window.document.smap.stakeholders)
    shown: list[str] = []
    Modals([(QMessageBox, lambda box: (shown.append(box.text()), box.accept()))])
    drop_file(window, path)
    assert shown and shown[0].startswith("partners.csv is a spreadsheet, not a map")
    assert window.document.smap.stakeholders == before
    assert window.document.path is None
