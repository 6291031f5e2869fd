"""Answering modal dialogs in tests: each opens its own event loop, so act from a timer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["Modals"]


class Modals:
    """Answers the modal dialogs that will open, in order: ``(type, action)`` pairs."""

    def __init__(self, steps: list[tuple[type, Callable[[QWidget], None]]]) -> None:
        self.steps = list(steps)
        self.seen: list[QWidget] = []
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        if not self.steps:
            return
        kind, action = self.steps[0]
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind) or widget in self.seen:
            QTimer.singleShot(10, self._poll)
            return
        self.steps.pop(0)
        self.seen.append(widget)
        # Poll on before acting: the action may open the next dialog and wait in it.
        QTimer.singleShot(0, self._poll)
        action(widget)
