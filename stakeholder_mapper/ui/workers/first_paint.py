"""Run work once a widget has been painted for the first time, not before.

The window shows the map first; work the user does not need to see at once (the first
metrics run, which also loads igraph, numpy and pandas; building the grids and the
metrics chart, which loads pyqtgraph) starts after the first paint, so that it does not
compete with building and drawing the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["after_first_paint"]


class _FirstPaint(QObject):
    """Watches ``widget`` for its first paint, then calls back once from the event loop."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        # A child timer: if the widget goes away first, nothing is called.
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(callback)
        self._timer.timeout.connect(self.deleteLater)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Fires once the paint is over and the event loop is free again.
            self._timer.start()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once, from the event loop, after ``widget`` is first painted."""
    _FirstPaint(widget, callback)
