"""Fixtures for the desktop app tests: a main window on a small map, laid out and shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.ui.setup.settings import Settings
from stakeholder_mapper.ui.window.main_window import MainWindow

#: Where the small map's stakeholders sit on the canvas.
POSITIONS = {
    "mayor": (0.0, -200.0),
    "imam": (0.0, 0.0),
    "youth": (-250.0, 150.0),
    "branch": (250.0, 150.0),
}


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path) -> None:
    """Each test starts with no stored settings (window layout, recent files)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    folder = str(tmp_path / "settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings kept in a file of the test's own folder."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, small_map: StakeholderMap, settings: Settings) -> MainWindow:
    """The main window on the small map at 100 % zoom, centred on the imam.

    Changes are marked saved before the test's end closes the window, so it does not ask.
    """
    small_map.positions.update(POSITIONS)
    return open_window(qtbot, small_map, settings)


def open_window(qtbot, smap: StakeholderMap, settings: Settings) -> MainWindow:
    """A 1200 x 800 main window on ``smap``, shown at 100 % zoom centred on (0, 0).

    Changes are marked saved before the test's end closes the window, so it does not ask.
    """
    win = MainWindow(smap, settings=settings)
    qtbot.addWidget(win, before_close_func=lambda w: w.document.undo_stack.setClean())
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.view.resetTransform()
    win.view.centerOn(0, 0)
    return win


def double_click(widget: QWidget, spot: QPoint) -> None:
    """Double-click the left button at ``spot`` and let go, as a hand does.

    Qt 6's ``QTest.mouseDClick`` leaves the button down in Qt's own record, so a later
    test's mouse moves would be drags (no hover) unless the button is released here.
    """
    button, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mouseDClick(widget, button, none, spot)
    QTest.mouseRelease(widget, button, none, spot)


def shift_drag(widget: QWidget, start: QPoint, end: QPoint) -> None:
    """Drag from ``start`` to ``end`` holding Shift, then let go of Shift, as a hand does.

    Qt keeps the modifiers of the last input event: without the key release, a later
    test's click in a table would count as Shift+click and extend the selection.
    """
    button, shift = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier
    QTest.mousePress(widget, button, shift, start)
    QTest.mouseMove(widget, (start + end) / 2)
    QTest.mouseMove(widget, end)
    QTest.mouseRelease(widget, button, shift, end)
    QTest.keyRelease(widget, Qt.Key.Key_Shift)


def node_point(win: MainWindow, stakeholder_id: str) -> QPoint:
    """Viewport coordinates of a stakeholder's node centre."""
    return win.view.mapFromScene(win.scene.nodes[stakeholder_id].pos())


def drop_file(win: MainWindow, path) -> None:
    """Drop ``path`` onto the window, as a file dragged from the desktop."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(event)
