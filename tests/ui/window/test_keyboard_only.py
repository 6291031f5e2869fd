"""The whole app from the keyboard: tables let Tab go, panels have keys, Ctrl+R puts the
cursor in the route panel, table cells complete categories, the shortcut list is complete,
and a map is made, connected, routed and turned into a plan with no mouse at all."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QTableWidget, QWidget

from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.ui.dialogs.plan_dialog import PlanDialog
from stakeholder_mapper.ui.window.main_window import MainWindow
from stakeholder_mapper.ui.window.panel_keys import PANEL_KEYS

from ..conftest import open_window
from ..modals import Modals

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    """The widget with the keyboard focus."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, as a user does."""
    QTest.keyClick(focused(), key, modifiers)


def type_text(text: str) -> None:
    """Type ``text`` where the keyboard focus is."""
    QTest.keyClicks(focused(), text)


def test_tab_leaves_the_stakeholder_table(qtbot, window: MainWindow) -> None:
    table = window.stakeholder_table.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    press(Qt.Key.Key_Tab)
    assert not table.hasFocus()
    table.setFocus()
    press(Qt.Key.Key_Backtab)
    assert focused() is window.stakeholder_table.filter_box


def test_a_category_cell_offers_the_choices_and_takes_a_unique_start(qtbot, window) -> None:
    table = window.stakeholder_table.table
    column = [f.name for f in window.stakeholder_table.model.fields].index("category")
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, column))
    press(Qt.Key.Key_F2)
    editor = focused()
    assert isinstance(editor, QComboBox)
    choices = [editor.itemText(i) for i in range(editor.count())]
    assert "Emergency & public services" in choices and len(choices) == 13
    type_text("Emerg")
    press(Qt.Key.Key_Return)
    sid = window.stakeholder_table.model.record_id(0)
    assert window.document.smap.stakeholders[sid].category == "emergency"


def test_a_start_shared_by_two_categories_is_refused_with_their_names(qtbot, window) -> None:
    model = window.stakeholder_table.model
    column = [f.name for f in model.fields].index("category")
    assert not model.set_column(column, ["mayor"], "c")
    assert "could be" in window.stakeholder_table.message.text()
    assert window.document.smap.stakeholders["mayor"].category == "municipal"


def test_ctrl_r_puts_the_cursor_in_the_route_panel(qtbot, window: MainWindow) -> None:
    window.view.setFocus()
    press(Qt.Key.Key_R, CTRL)
    assert focused() is window.route_panel.source  # no end chosen yet: From
    type_text("Red Crescent")
    press(Qt.Key.Key_Tab)
    type_text("Youth")
    press(Qt.Key.Key_Return)  # Enter in the box finds the routes
    assert window.route_panel.routes[0].stakeholders == ("branch", "youth")
    # With a stakeholder selected, Ctrl+R makes it the end: the cursor goes to Find routes.
    window.view.setFocus()
    press(Qt.Key.Key_Up)  # the imam, in the middle of the window
    press(Qt.Key.Key_R, CTRL)
    assert focused() is window.route_panel.find_button
    press(Qt.Key.Key_Space)
    assert window.route_panel.routes[0].stakeholders == ("branch", "imam")


def test_every_panel_has_a_key_and_f6_goes_round_them(qtbot, window: MainWindow) -> None:
    for name, keys in PANEL_KEYS:
        press(Qt.Key(ord(keys[-1])), ALT)
        dock = window.panel_keys.docks[name]
        assert dock.isVisible() and dock.isAncestorOf(focused()), name
    press(Qt.Key.Key_1, ALT)
    assert focused() is window.view
    # F6 goes round the map and the panels shown; Shift+F6 comes back.
    stops = []
    for _n in range(len(window.panel_keys.docks) + 1):
        press(Qt.Key.Key_F6)
        stops.append(focused())
    assert window.view in stops and len(set(stops)) >= 4
    lap = stops.index(window.view) + 1
    assert stops[lap:] == stops[: len(stops) - lap]  # round again in the same order
    press(Qt.Key.Key_F6, SHIFT)
    assert focused() is stops[-2]


def test_the_shortcut_list_names_every_key_of_the_window(qtbot, window: MainWindow) -> None:
    window.actions_by_name["shortcuts"].trigger()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if w.windowTitle() == "Keyboard shortcuts" and w.isVisible()
    )
    table = dialog.findChild(QTableWidget)
    listed = {table.item(row, 1).text() for row in range(table.rowCount())}
    listed_keys = {key.strip() for keys in listed for key in keys.split(",")}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            assert sequence.toString() in listed_keys, action.text()
    assert any("arrow keys" in keys for keys in listed)


def test_a_map_made_routed_and_planned_with_the_keyboard_alone(qtbot, settings, tmp_path) -> None:
    window = open_window(qtbot, StakeholderMap(), settings)
    with qtbot.waitActive(window):
        window.activateWindow()
    window.view.setFocus()
    for name in ("Alpha", "Beta"):
        press(Qt.Key.Key_N, CTRL | SHIFT)  # Add stakeholder: its name is edited in place
        type_text(name)
        press(Qt.Key.Key_Return)
    smap = window.document.smap
    assert sorted(s.label for s in smap.stakeholders.values()) == ["Alpha", "Beta"]
    press(Qt.Key.Key_L, CTRL)  # quick entry
    type_text("Alpha > Beta")
    press(Qt.Key.Key_Return)
    assert len(smap.relationships) == 1
    press(Qt.Key.Key_1, ALT)  # back to the map; the arrow keys pick a stakeholder
    press(Qt.Key.Key_Right)
    press(Qt.Key.Key_R, CTRL)
    panel = window.route_panel
    assert focused() is panel.source  # the start is still to choose
    press(Qt.Key.Key_A, CTRL)
    type_text("Alpha")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_A, CTRL)
    type_text("Beta")
    press(Qt.Key.Key_Return)
    ids = {s.label: s.id for s in smap.stakeholders.values()}
    assert [r.stakeholders for r in panel.routes] == [(ids["Alpha"], ids["Beta"])]

    target = tmp_path / "plan.docx"

    def come_forward(dialog: QWidget) -> None:
        # The desktop activates a modal dialog as it opens; the offscreen platform does not.
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)

    def fill_in(dialog: PlanDialog) -> None:
        come_forward(dialog)
        for _n in range(40):  # Tab round the dialog to the file name
            if focused() is dialog.output:
                break
            press(Qt.Key.Key_Tab)
        press(Qt.Key.Key_A, CTRL)
        type_text(str(target))
        press(Qt.Key.Key_Return)  # the default button: Export

    modals = Modals(
        [(PlanDialog, fill_in), (QMessageBox, lambda box: (come_forward(box), press(Qt.Key.Key_N)))]
    )
    press(Qt.Key.Key_E, CTRL | SHIFT)
    assert not modals.steps
    assert Path(target).exists()
    plan = Document(str(target))
    cells = [cell.text for table in plan.tables for row in table.rows for cell in row.cells]
    text = "\n".join([*(p.text for p in plan.paragraphs), *cells])
    assert "Alpha" in text and "Beta" in text
