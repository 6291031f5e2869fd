"""Readable tabs for docks stacked on one another: whole titles, scroll arrows when they do
not all fit, never "Ins…" and "Power–interes…" on a 1280-pixel-wide screen.

Qt's main window creates the tab bars of tabified docks itself, eliding their titles;
each bar is set up here when Qt first polishes it, whenever the docks are rearranged.
"""

from __future__ import annotations

from PySide6.QtCore import QChildEvent, QEvent, QObject, Qt
from PySide6.QtWidgets import QMainWindow, QTabBar

__all__ = ["ReadableDockTabs"]


class ReadableDockTabs(QObject):
    """Keeps the titles of ``window``'s dock tabs whole (see the module's docstring)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            _whole_titles(bar)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished and isinstance(event, QChildEvent):
            child = event.child()
            if isinstance(child, QTabBar):
                _whole_titles(child)
        return False


def _whole_titles(bar: QTabBar) -> None:
    bar.setElideMode(Qt.TextElideMode.ElideNone)
    bar.setUsesScrollButtons(True)
