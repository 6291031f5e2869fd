"""Scrolling the inspector with the mouse wheel never changes a stakeholder's scores."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox

from stakeholder_mapper.ui.window.main_window import MainWindow


def _wheel(widget, notches: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_score_leaves_it_alone(qtbot, window: MainWindow) -> None:
    window.document.selection.set(["mayor"])
    power = window.inspector.findChild(QSpinBox, "power")
    level = window.inspector.findChild(QComboBox, "level")
    before = window.document.smap.stakeholders["mayor"]
    steps = window.document.undo_stack.count()
    for notches in (1, 1, -1):
        _wheel(power, notches)
        _wheel(level, notches)
    assert window.document.smap.stakeholders["mayor"] == before
    assert window.document.undo_stack.count() == steps
    # Once the user clicks or tabs into the box, the wheel changes it as usual.
    power.setFocus()
    qtbot.waitUntil(power.hasFocus)
    _wheel(power, 1)
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.smap.stakeholders["mayor"].power == power.value()
