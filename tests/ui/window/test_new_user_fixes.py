"""Defects a new user met, driven through the real widgets; the effect is checked on the map."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from stakeholder_mapper.core.commands import UpdateMapInfo
from stakeholder_mapper.io.project import save_map
from stakeholder_mapper.ui.panels.fields import STAKEHOLDER_FIELDS
from stakeholder_mapper.ui.window.main_window import MainWindow

from ..conftest import double_click, node_point


def _column(header: str) -> int:
    return next(i for i, f in enumerate(STAKEHOLDER_FIELDS) if f.header == header)


def _click_cell(window: MainWindow, row_id: str, header: str) -> None:
    panel = window.stakeholder_table
    window.docks["stakeholders"].raise_()
    source = panel.model.index(panel.model.row_of(row_id), _column(header))
    index = panel.proxy.mapFromSource(source)
    panel.table.scrollTo(index)
    QTest.mouseClick(
        panel.table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        panel.table.visualRect(index).center(),
    )
    assert panel.table.currentIndex() == index


def test_f2_in_the_table_edits_the_cell_not_the_name(qtbot, window: MainWindow) -> None:
    _click_cell(window, "mayor", "Power")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, "2")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    mayor = window.document.smap.stakeholders["mayor"]
    assert (mayor.label, mayor.power) == ("Mayor", 2)


def test_f2_on_the_canvas_still_renames_in_place(qtbot, window: MainWindow) -> None:
    window.document.selection.set(["youth"])
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "Youth council"
    editor.selectAll()
    QTest.keyClicks(editor, "Youth climate council")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.smap.stakeholders["youth"].label == "Youth climate council"


def test_delete_in_the_table_deletes_the_selected_rows_as_one_step(
    qtbot, window: MainWindow
) -> None:
    _click_cell(window, "youth", "Name")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)
    smap = window.document.smap
    assert set(smap.stakeholders) == {"mayor", "imam", "branch"}
    window.actions_by_name["undo"].trigger()
    assert set(smap.stakeholders) == {"mayor", "imam", "youth", "branch"}


def test_delete_in_another_list_deletes_nothing(qtbot, window: MainWindow) -> None:
    window.document.selection.set(["youth"])
    window.docks["route"].show()
    route_list = window.route_panel.list
    route_list.setFocus()
    QTest.keyClick(route_list, Qt.Key.Key_Delete)
    assert "youth" in window.document.smap.stakeholders


def test_stakeholder_added_under_a_focus_is_shown_and_said(qtbot, window: MainWindow) -> None:
    window.focus_on(1, "youth")
    assert window.scene.visible_stakeholders() == {"youth", "imam", "branch"}
    window.view.resetTransform()
    spot = QPoint(40, 40)
    double_click(window.view.viewport(), spot)
    added = next(s for s in window.document.smap.stakeholders.values() if s.label.startswith("New"))
    assert window.scene.nodes[added.id].isVisible()
    assert "shown although the focus would hide it" in window.statusBar().currentMessage()
    # Leaving the focus and focusing again applies the focus as it is.
    window.focus_on(1, "youth")
    assert added.id not in window.scene.visible_stakeholders()


def test_stakeholder_added_under_a_category_filter_is_shown(qtbot, window: MainWindow) -> None:
    hidden = window.view.new_category
    for action in window.category_filter_menu.actions():
        if action.data() == hidden:
            action.trigger()
    window.editing.add_stakeholder()
    added = window.document.selection.stakeholders[0]
    assert window.document.smap.stakeholders[added].category == hidden
    assert window.scene.nodes[added].isVisible()
    assert "filter would hide it" in window.statusBar().currentMessage()


def test_rename_box_stays_inside_the_canvas(qtbot, window: MainWindow) -> None:
    viewport = window.view.viewport()
    window.view.setSceneRect(-3000, -3000, 6000, 6000)
    # The youth council right at the left edge of the canvas.
    window.view.centerOn(window.scene.nodes["youth"].pos() + QPointF(viewport.width() / 2 - 4, 0))
    assert node_point(window, "youth").x() < 10
    editor = window.view.start_rename("youth")
    assert viewport.rect().contains(editor.geometry())


def test_route_uses_the_names_typed_without_enter(qtbot, window: MainWindow) -> None:
    window.document.push(UpdateMapInfo(window.document.smap, branch="branch"))
    window.actions_by_name["route"].trigger()
    panel = window.route_panel
    panel.target.setFocus()
    panel.target.lineEdit().selectAll()
    QTest.keyClicks(panel.target.lineEdit(), "mayo")
    routes = panel.find()
    assert routes and routes[0].stakeholders == ("branch", "imam", "mayor")
    assert panel.target.currentText() == "Mayor"
    assert window.scene.route == ["branch", "imam", "mayor"]
    panel.target.lineEdit().setText("imam of the CENTRAL mosque")
    assert panel.find()[0].stakeholders == ("branch", "imam")
    panel.target.lineEdit().setText("nobody")
    assert panel.find() == []
    assert panel.note.text() == "To: no stakeholder is called 'nobody'."


def test_ctrl_r_routes_from_our_branch_to_the_selection(qtbot, window: MainWindow) -> None:
    panel = window.route_panel
    assert panel.source.currentData() is None, "no branch named: none is guessed"
    window.document.push(UpdateMapInfo(window.document.smap, branch="branch"))
    assert panel.source.currentData() == "branch", "the panel follows the branch named"
    panel.source.setCurrentIndex(panel.source.findData("youth"))
    window.document.selection.set(["mayor"])
    window.view.setFocus()
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    panel = window.route_panel
    assert window.docks["route"].isVisible()
    assert (panel.source.currentData(), panel.target.currentData()) == ("branch", "mayor")


def test_clearing_a_score_in_the_inspector_makes_it_unknown(qtbot, window: MainWindow) -> None:
    smap = window.document.smap
    window.document.selection.set(["mayor"])
    window.inspector.editor("power").setValue(4)
    window.inspector.editor("trust").setValue(-1)
    assert (smap.stakeholders["mayor"].power, smap.stakeholders["mayor"].trust) == (4, -1)
    for name in ("power", "trust"):
        box = window.inspector.editor(name)
        box.setFocus()
        QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(box, Qt.Key.Key_Backspace)
        QTest.keyClick(box, Qt.Key.Key_Tab)
    assert (smap.stakeholders["mayor"].power, smap.stakeholders["mayor"].trust) == (None, None)
    window.actions_by_name["undo"].trigger()
    assert smap.stakeholders["mayor"].trust == -1
    box = window.inspector.editor("trust")
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(box, "unknown")
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert smap.stakeholders["mayor"].trust is None


def test_clearing_a_score_in_the_table_makes_it_unknown(qtbot, window: MainWindow) -> None:
    smap = window.document.smap
    window.document.selection.set(["mayor"])
    window.inspector.editor("interest").setValue(3)
    panel = window.stakeholder_table
    index = panel.proxy.mapFromSource(
        panel.model.index(panel.model.row_of("mayor"), _column("Interest"))
    )
    panel.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
    panel.table.edit(index)
    editor = panel.table.viewport().findChild(QLineEdit)
    editor.selectAll()
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert smap.stakeholders["mayor"].interest is None


def test_toolbar_undo_keeps_short_text_and_names_the_step(qtbot, window: MainWindow) -> None:
    window.view.connect("youth", "mayor")
    assert window.toolbar_undo.text() == "Undo"
    assert window.toolbar_undo.toolTip().startswith("Undo Connect Youth council to Mayor")
    assert window.actions_by_name["undo"].text().startswith("&Undo Connect Youth council")
    window.toolbar_undo.trigger()
    assert len(window.document.smap.relationships) == 4
    assert window.toolbar_redo.isEnabled() and not window.toolbar_undo.isEnabled()
    assert window.toolbar_redo.text() == "Redo"


def test_opening_the_open_map_asks_one_question(
    qtbot, window: MainWindow, monkeypatch, tmp_path
) -> None:
    path = tmp_path / "city.smap"
    save_map(window.document.smap, path)
    assert window.open_path(path)
    asked: list[str] = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "warning", answer)
    monkeypatch.setattr(QMessageBox, "question", answer)
    assert window.open_path(path)
    assert asked == [] and "already open" in window.statusBar().currentMessage()
    window.view.connect("youth", "mayor")
    assert window.open_path(tmp_path / "." / "city.smap")
    assert asked == [
        "city.smap is already open in this window, with unsaved changes. "
        "Discard them and go back to the saved version?"
    ]
    assert len(window.document.smap.relationships) == 4
    assert window.document.undo_stack.isClean()


def test_empty_name_in_the_inspector_names_the_stakeholder(qtbot, window: MainWindow) -> None:
    window.document.selection.set(["mayor"])
    name = window.inspector.editor("label")
    name.setFocus()
    name.clear()
    QTest.keyClick(name, Qt.Key.Key_Return)
    assert window.document.smap.stakeholders["mayor"].label == "Mayor"
    assert window.statusBar().currentMessage() == "Stakeholder 'Mayor' needs a name."


def test_save_into_a_missing_folder_says_so(qtbot, window: MainWindow, monkeypatch, tmp_path):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    missing = tmp_path / "nope"
    assert not window.files.write(missing / "x.smap")
    assert said == [f"The folder {missing} does not exist."]
    assert not missing.exists()


def test_ctrl_a_in_the_relationship_table_selects_every_relationship(
    qtbot, window: MainWindow
) -> None:
    window.docks["relationships"].raise_()
    table = window.relationship_table.table
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    selection = window.document.selection
    assert sorted(selection.relationships) == ["r1", "r2", "r3", "r4"]
    assert not selection.stakeholders
