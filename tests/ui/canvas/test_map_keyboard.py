"""The map without a mouse: arrow keys, Tab, Enter, T and Shift+arrows on the canvas, and
what the map tells a screen reader."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from stakeholder_mapper.ui.canvas.keyboard import (
    MOVE_STEP,
    nearest_in_direction,
    reading_order,
)
from stakeholder_mapper.ui.window.main_window import MainWindow

RIGHT, LEFT, UP, DOWN = (1.0, 0.0), (-1.0, 0.0), (0.0, -1.0), (0.0, 1.0)


def test_the_nearest_stakeholder_in_a_direction_is_the_one_in_line() -> None:
    points = {"a": (0.0, 0.0), "near_aside": (60.0, 55.0), "in_line": (100.0, 5.0)}
    # The one 60 away but 55 aside loses to the one 100 away almost in line.
    assert nearest_in_direction((0.0, 0.0), RIGHT, points) == "in_line"
    assert nearest_in_direction((0.0, 0.0), LEFT, points) is None
    assert nearest_in_direction((0.0, 0.0), DOWN, points) == "near_aside"
    # Nothing within 45 degrees above: the nearest one ahead at all is taken.
    assert nearest_in_direction((100.0, 5.0), UP, {"low": (0.0, 0.0)}) == "low"


def test_reading_order_takes_rows_from_the_top_and_follows_the_language() -> None:
    points = {"c": (-200.0, 150.0), "d": (200.0, 170.0), "a": (50.0, -100.0), "b": (0.0, 0.0)}
    assert reading_order(points) == ["a", "b", "c", "d"]
    assert reading_order(points, right_to_left=True) == ["a", "b", "d", "c"]


def _press(qtbot, window: MainWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.view, key, modifiers)


def test_arrow_keys_select_stakeholders_and_the_map_names_them(qtbot, window: MainWindow) -> None:
    view = window.view
    view.setFocus()
    selection = window.document.selection
    _press(qtbot, window, Qt.Key.Key_Right)
    # The first press selects the one in the middle of the window: the imam, at (0, 0).
    assert selection.stakeholders == ("imam",)
    assert "Imam of the central mosque" in view.accessibleName()
    _press(qtbot, window, Qt.Key.Key_Up)
    assert selection.stakeholders == ("mayor",)
    assert view.accessibleName() == "Map: Mayor"
    interface = QAccessible.queryAccessibleInterface(view)
    assert interface.text(QAccessible.Text.Name) == "Map: Mayor"
    assert "Municipal" in interface.text(QAccessible.Text.Description)
    assert "1 tie." in view.accessibleDescription()
    _press(qtbot, window, Qt.Key.Key_Up)  # nothing above the mayor: it stays
    assert selection.stakeholders == ("mayor",)
    _press(qtbot, window, Qt.Key.Key_Down)
    _press(qtbot, window, Qt.Key.Key_Right)
    assert selection.stakeholders == ("branch",)
    # Left goes along the row to the youth council rather than up to the nearer imam.
    _press(qtbot, window, Qt.Key.Key_Left)
    assert selection.stakeholders == ("youth",)
    assert window.stakeholder_table.selected_ids() == ["youth"]


def test_tab_walks_the_stakeholders_in_reading_order_then_leaves(qtbot, window) -> None:
    view = window.view
    view.setFocus()
    walked = []
    for _n in range(4):
        _press(qtbot, window, Qt.Key.Key_Tab)
        walked.extend(window.document.selection.stakeholders)
        assert view.hasFocus()
    assert walked == ["mayor", "imam", "youth", "branch"]
    _press(qtbot, window, Qt.Key.Key_Backtab)
    assert window.document.selection.stakeholders == ("youth",)
    # Ctrl+Tab leaves the map at once; after the last stakeholder, Tab leaves too.
    _press(qtbot, window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert not view.hasFocus()
    view.setFocus()
    _press(qtbot, window, Qt.Key.Key_Tab)
    assert window.document.selection.stakeholders == ("branch",)
    _press(qtbot, window, Qt.Key.Key_Tab)
    assert not view.hasFocus()


def test_shift_arrows_move_the_stakeholder_one_undo_step_per_press(qtbot, window) -> None:
    window.view.setFocus()
    _press(qtbot, window, Qt.Key.Key_Right)  # the imam, at (0, 0)
    stack = window.document.undo_stack
    before = stack.count()
    shift = Qt.KeyboardModifier.ShiftModifier
    _press(qtbot, window, Qt.Key.Key_Right, shift)
    _press(qtbot, window, Qt.Key.Key_Right, shift)
    _press(qtbot, window, Qt.Key.Key_Down, shift)
    assert window.document.smap.positions["imam"] == (2 * MOVE_STEP, MOVE_STEP)
    assert stack.count() == before + 3
    stack.undo()
    assert window.document.smap.positions["imam"] == (2 * MOVE_STEP, 0.0)
    assert window.scene.nodes["imam"].pos().x() == 2 * MOVE_STEP


def test_t_walks_the_ties_of_the_current_stakeholder(qtbot, window) -> None:
    window.view.setFocus()
    _press(qtbot, window, Qt.Key.Key_Right)  # the imam: ties r1, r2, r3
    seen = []
    for _n in range(4):
        _press(qtbot, window, Qt.Key.Key_T)
        seen.extend(window.document.selection.relationships)
    assert sorted(seen[:3]) == ["r1", "r2", "r3"]
    assert seen[3] == seen[0]  # round again
    assert window.view.accessibleName().startswith("Map: ")
    assert window.view.accessibleDescription().endswith("tie 1 of 3.")
    # The arrows go on from the stakeholder whose ties were walked.
    _press(qtbot, window, Qt.Key.Key_Up)
    assert window.document.selection.stakeholders == ("mayor",)


def test_enter_on_the_map_puts_the_cursor_in_the_inspector(qtbot, window) -> None:
    window.view.setFocus()
    _press(qtbot, window, Qt.Key.Key_Up)  # first press: the imam
    _press(qtbot, window, Qt.Key.Key_Return)
    focused = QApplication.focusWidget()
    assert window.inspector.isAncestorOf(focused)
    assert window.inspector.editor("label").text() == "Imam of the central mosque"
