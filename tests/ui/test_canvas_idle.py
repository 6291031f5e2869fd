"""An idle window leaves its canvas alone: on a large map a repaint takes half a second."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from stakeholder_mapper.core.commands import UpdateStakeholder
from stakeholder_mapper.ui.main_window import MainWindow


class _PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_an_idle_canvas_is_not_repainted_but_follows_zoom(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.metrics.running and not window.metrics.stale, timeout=20000)
    qtbot.wait(200)
    counter = _PaintCounter()
    window.view.viewport().installEventFilter(counter)
    qtbot.wait(500)
    assert counter.count <= 1, "the workshop overlay and the canvas repainted each other"
    marks = _PaintCounter()
    window.workshop.overlay.installEventFilter(marks)
    window.view.scale(1.5, 1.5)
    qtbot.waitUntil(lambda: marks.count > 0, timeout=5000)
    marks.count = 0
    window.document.push(UpdateStakeholder(window.document.smap, "imam", votes=2))
    qtbot.waitUntil(lambda: marks.count > 0, timeout=5000)
