"""Tables, inspector and file workflow driven through their widgets; effects checked on the map."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from stakeholder_mapper.io.lock import lock_path
from stakeholder_mapper.io.project import load_map, save_map
from stakeholder_mapper.ui.panels.fields import STAKEHOLDER_FIELDS
from stakeholder_mapper.ui.window.main_window import MainWindow

from ..waits import BACKGROUND

ROOT = Path(__file__).resolve().parents[3]


def _column(header: str) -> int:
    return next(i for i, f in enumerate(STAKEHOLDER_FIELDS) if f.header == header)


def _edit_cell(window: MainWindow, row_id: str, header: str, text: str) -> None:
    panel = window.stakeholder_table
    source = panel.model.index(panel.model.row_of(row_id), _column(header))
    index = panel.proxy.mapFromSource(source)
    panel.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
    panel.table.edit(index)
    editor = panel.table.viewport().findChild(QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next turn of the event loop


def test_renaming_in_the_table_renames_the_node(qtbot, window: MainWindow) -> None:
    _edit_cell(window, "youth", "Name", "Youth climate council")
    assert window.document.smap.stakeholders["youth"].label == "Youth climate council"
    assert window.scene.nodes["youth"].label == "Youth climate council"
    window.actions_by_name["undo"].trigger()
    assert window.scene.nodes["youth"].label == "Youth council"


def test_power_typed_in_the_table_resizes_the_node(qtbot, window: MainWindow) -> None:
    before = window.scene.nodes["mayor"].radius
    _edit_cell(window, "mayor", "Power", "5")
    assert window.document.smap.stakeholders["mayor"].power == 5
    assert window.scene.nodes["mayor"].radius > before


def test_bad_value_in_the_table_is_refused_with_a_sentence(qtbot, window: MainWindow) -> None:
    _edit_cell(window, "mayor", "Power", "9")
    assert window.document.smap.stakeholders["mayor"].power is None
    message = window.stakeholder_table.message
    assert not message.isHidden()
    assert message.text() == (
        "Power should be a whole number from 1 to 5, or empty for unknown (found '9')."
    )


def test_editing_a_column_of_several_rows_is_one_undo_step(qtbot, window: MainWindow) -> None:
    window.document.selection.set(["mayor", "imam", "youth"])
    _edit_cell(window, "imam", "Interest", "4")
    smap = window.document.smap
    assert [smap.stakeholders[i].interest for i in ("mayor", "imam", "youth", "branch")] == [
        4,
        4,
        4,
        None,
    ]
    assert window.document.undo_stack.count() == 1
    window.actions_by_name["undo"].trigger()
    assert all(s.interest is None for s in smap.stakeholders.values())


def test_canvas_edit_shows_in_table_and_selection_is_shared(qtbot, window: MainWindow) -> None:
    window.view.connect("youth", "mayor")
    model = window.relationship_table.model
    assert model.rowCount() == 5
    window.document.selection.set(["branch"])
    assert window.stakeholder_table.selected_ids() == ["branch"]
    panel = window.stakeholder_table
    row = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of("imam"), 0)).row()
    panel.table.selectRow(row)
    assert window.document.selection.stakeholders == ("imam",)
    assert window.scene.nodes["imam"].isSelected()
    assert not window.scene.nodes["branch"].isSelected()


def test_inspector_edits_engagement_fields(qtbot, window: MainWindow) -> None:
    window.document.selection.set(["mayor"])
    ask = window.inspector.editor("engagement.ask")
    ask.setFocus()
    QTest.keyClicks(ask, "Sign the early warning MoU")
    window.inspector.editor("label").setFocus()
    assert window.document.smap.stakeholders["mayor"].engagement.ask == "Sign the early warning MoU"
    trust = window.inspector.editor("trust")
    trust.setValue(2)
    assert window.document.smap.stakeholders["mayor"].trust == 2
    window.actions_by_name["undo"].trigger()
    assert window.document.smap.stakeholders["mayor"].trust is None
    assert trust.text() == "unknown"


def test_title_marks_unsaved_changes_and_save_clears_it(qtbot, window, tmp_path) -> None:
    path = tmp_path / "city.smap"
    window.document.path = path
    window.document.path_changed.emit()
    assert "city.smap[*]" in window.windowTitle() and not window.isWindowModified()
    window.view.connect("youth", "mayor")
    assert window.isWindowModified()
    window.actions_by_name["save"].trigger()
    assert not window.isWindowModified()
    assert load_map(path) == window.document.smap


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(
    qtbot, window, monkeypatch
) -> None:
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", answer)
    window.view.connect("youth", "mayor")
    assert not window.close()
    assert window.isVisible()
    assert asked == ["This map has changes that are not saved. Save them?"]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()


def test_open_asks_about_unsaved_changes_then_replaces_the_map(
    qtbot, window, monkeypatch, small_map, tmp_path
) -> None:
    other = tmp_path / "other.smap"
    small_map.stakeholders.pop("youth")
    small_map.relationships.pop("r3")
    small_map.relationships.pop("r4")
    small_map.positions.pop("youth")
    save_map(small_map, other)
    window.view.connect("youth", "mayor")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.open_path(other)
    assert set(window.scene.nodes) == {"mayor", "imam", "branch"}
    assert window.document.undo_stack.count() == 0
    assert window.settings.recent_files() == [other.resolve()]
    assert "other.smap" in window.windowTitle()


def test_revert_reloads_the_saved_file(qtbot, window, monkeypatch, tmp_path) -> None:
    path = tmp_path / "city.smap"
    save_map(window.document.smap, path)
    window.document.path = path
    window.view.connect("youth", "mayor")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.actions_by_name["revert"].trigger()
    assert set(window.document.smap.relationships) == {"r1", "r2", "r3", "r4"}
    assert set(window.scene.edges) == {"r1", "r2", "r3", "r4"}


def test_main_py_opens_a_map_and_keeps_running(tmp_path, small_map) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    env = {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), str(path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The app locks the map once it has opened it; a crash ends the process instead.
        deadline = time.monotonic() + BACKGROUND / 1000
        while not lock_path(path).exists() and process.poll() is None:
            assert time.monotonic() < deadline, "main.py neither opened the map nor exited"
            time.sleep(0.05)
        assert process.poll() is None, process.stderr.read()
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=BACKGROUND / 1000)
    assert "Traceback" not in stderr
