"""Panels built just after the window first shows, with a light placeholder until then.

The grids and the metrics chart are drawn with pyqtgraph, which loads numpy: together
they take longer to import than the rest of the window takes to show. A
:class:`LazyWidget` holds such a panel's place (its dock exists, is tabbed, sized and
restored as usual) and builds the panel when first asked for it, when it is shown
after the window was painted, or once the window is painted and pyqtgraph has been
imported in a worker thread (:func:`build_after_first_paint`), whichever comes first.
A panel reads the map, the selection and the results as they are when it is built,
so it misses nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .background import BackgroundTask
from .first_paint import after_first_paint

__all__ = ["LazyWidget", "build_after_first_paint"]

W = TypeVar("W", bound=QWidget)


class LazyWidget(QWidget, Generic[W]):
    """Shows ``note`` on a white ground until :meth:`widget` builds the real widget with
    ``build`` (once) and puts it in the placeholder's place."""

    #: Emitted with the real widget once it is built and in place.
    built = Signal(QWidget)

    def __init__(self, build: Callable[[], W], note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._widget: W | None = None
        #: Whether being shown builds the widget at once; off until the window is painted,
        #: since building while the window first shows would delay its first paint.
        self.build_on_show = False
        self._placeholder = QLabel(note)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setStyleSheet("background: white; color: #777777;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._placeholder)

    def is_built(self) -> bool:
        """Whether the real widget has been built."""
        return self._widget is not None

    def widget(self) -> W:
        """The real widget, built now if it was not yet."""
        if self._widget is None:
            widget = self._widget = self._build()
            layout = self.layout()
            layout.removeWidget(self._placeholder)
            self._placeholder.deleteLater()
            layout.addWidget(widget)
            if self.isVisible():
                # Shown now rather than by the layout's next event: no frame without it.
                # (Hidden, it shows with its dock: hiding it would keep it hidden.)
                widget.show()
            self.built.emit(widget)
        return self._widget

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.build_on_show:
            self.widget()


class _BuildQueue(QObject):
    """Imports the libraries the widgets need in a worker thread, then builds the widgets
    one per turn of the event loop, those on screen first."""

    def __init__(self, parent: QObject, slots: Sequence[LazyWidget], preload: Sequence[str]):
        super().__init__(parent)
        self._slots = list(slots)
        self._preload = list(preload)
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._build_next)

    def start(self) -> None:
        for slot in self._slots:
            slot.build_on_show = True
        task = BackgroundTask(self)
        # Failed or not, the widgets are built: a missing library then says so as usual.
        task.finished.connect(self._on_imported)
        task.failed.connect(self._on_imported)
        task.start(lambda _report: [importlib.import_module(name) for name in self._preload])

    def _on_imported(self) -> None:
        # A stable sort: visible ones first, otherwise in the order given.
        self._slots.sort(key=lambda slot: not slot.isVisible())
        self._timer.start()

    def _build_next(self) -> None:
        while self._slots and self._slots[0].is_built():
            self._slots.pop(0)
        if not self._slots:
            self._timer.stop()
            self.deleteLater()
            return
        self._slots.pop(0).widget()


def build_after_first_paint(
    painted: QWidget, slots: Sequence[LazyWidget], preload: Sequence[str] = ()
) -> None:
    """Build ``slots`` once ``painted`` has first been painted, so that the window keeps
    answering meanwhile: first the modules named in ``preload`` (the libraries their
    builders import) are imported in a worker thread, then the slots are built one per
    turn of the event loop, those on screen first. From the first paint on, a slot that
    is shown (its dock raised) builds at once."""
    queue = _BuildQueue(painted, slots, preload)
    after_first_paint(painted, queue.start)
