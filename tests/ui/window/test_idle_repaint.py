"""An idle window does not redraw the map: no CPU spent, nothing stolen from background work."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from stakeholder_mapper.core.commands import UpdateStakeholder
from stakeholder_mapper.ui.window.main_window import MainWindow


class _Paints(QObject):
    """Counts the paint events of the widgets it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _settled(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.metrics.result is not None and not window.metrics.running)
    qtbot.wait(300)


def test_an_idle_window_does_not_repaint_the_map(qtbot, window: MainWindow) -> None:
    _settled(qtbot, window)
    paints = _Paints()
    window.view.viewport().installEventFilter(paints)
    window.workshop.overlay.installEventFilter(paints)
    qtbot.wait(600)
    # The vote badges' layer used to redraw on every paint of the map beneath it, which
    # repainted the map again: about 120 paints a second while nothing happened.
    assert paints.count == 0


def test_votes_are_redrawn_when_the_map_scrolls_or_changes(qtbot, window: MainWindow) -> None:
    _settled(qtbot, window)
    paints = _Paints()
    window.workshop.overlay.installEventFilter(paints)
    window.view.horizontalScrollBar().setValue(window.view.horizontalScrollBar().value() + 40)
    qtbot.waitUntil(lambda: paints.count > 0)
    scrolled = paints.count
    window.view.scale(1.5, 1.5)
    qtbot.waitUntil(lambda: paints.count > scrolled)
    scrolled = paints.count
    window.document.push(UpdateStakeholder(window.document.smap, "imam", votes=3))
    qtbot.waitUntil(lambda: paints.count > scrolled)
    qtbot.wait(300)
    settled = paints.count
    qtbot.wait(400)
    assert paints.count == settled
