"""Influence towers (Net-Map): one tower per stakeholder, as tall as the room says it is.

The facilitator selects a tower (click, or Left/Right) and raises or lowers it with
+ and − (one undo step per key press) or by dragging its top (one undo step on
release). Supporters are blue and solid, opponents vermilion and hatched (never colour
alone), the others grey; the header keeps live totals of supporters against opponents.
The same chart counts dot votes when built with ``field="votes"``: with the number of
participants and dots each, the header shows how many dots are left to place.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from ..analysis.compare import support_balance
from ..core.model import MAX_TOWER, MAX_VOTES, ChangeKind, ModelChange, Stakeholder
from ..core.scores import PowerFromTowers, SetInfluence, SetVotes
from .document import MapDocument

__all__ = ["InfluenceTowers", "TowerChart", "side_of", "wrap_label"]

SUPPORTER = QColor("#0072B2")
OPPONENT = QColor("#D55E00")
NEUTRAL = QColor("#8C8C8C")
TEXT = QColor("#111111")
#: Label size in points: at least 18 pt so the back of a room can read it off a projector.
LABEL_PT = 18
#: Lines of a name under its tower; what does not fit ends in "…".
LABEL_LINES = 3
#: Towers up to this height are drawn as stacked blocks (the Net-Map checkers).
MAX_BLOCKS = 30

_CHANGES = (
    ChangeKind.STAKEHOLDER_ADDED,
    ChangeKind.STAKEHOLDER_REMOVED,
    ChangeKind.STAKEHOLDER_CHANGED,
    ChangeKind.RESET,
)


def side_of(stakeholder: Stakeholder) -> int:
    """1 for a supporter (position > 0), -1 for an opponent (< 0), 0 otherwise."""
    if stakeholder.position is None or stakeholder.position == 0:
        return 0
    return 1 if stakeholder.position > 0 else -1


def wrap_label(text: str, metrics: QFontMetricsF, width: float, lines: int) -> list[str]:
    """Break ``text`` into at most ``lines`` lines of ``width``; cut words and the end with "…"."""
    result: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if metrics.horizontalAdvance(trial) <= width or not current:
            current = trial
        else:
            result.append(current)
            current = word
    if current:
        result.append(current)
    elide = Qt.TextElideMode.ElideRight
    if len(result) > lines:
        result = [*result[: lines - 1], " ".join(result[lines - 1 :])]
    return [metrics.elidedText(line, elide, width) for line in result]


class TowerChart(QWidget):
    """The towers themselves: painted, selectable and editable by keyboard or drag."""

    #: Emitted with the stakeholder id when the current tower changes.
    current_changed = Signal(str)

    def __init__(
        self, document: MapDocument, field: str = "influence", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.field = field
        self.show_names = True
        self.show_scores = True
        self.order: list[str] = []
        self.current: str | None = None
        self._drag: tuple[str, int | None] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(400, 300)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("#ffffff"))
        self.setPalette(palette)
        document.changed.connect(self._on_model_change)
        document.selection.changed.connect(self._on_selection_changed)
        self.refresh()

    # -- data -------------------------------------------------------------------------
    def value(self, sid: str) -> int | None:
        """The tower height (or vote count) of a stakeholder."""
        return getattr(self.document.smap.stakeholders[sid], self.field)

    def refresh(self) -> None:
        """Re-read the map: supporters first, then the undecided, then opponents."""
        stakeholders = self.document.smap.stakeholders
        self.order = sorted(stakeholders, key=lambda sid: -side_of(stakeholders[sid]))
        if self.current not in stakeholders:
            self.current = self.order[0] if self.order else None
        self.update()

    def set_value(self, sid: str, value: int | None) -> bool:
        """Set one tower (one undo step); returns whether the map accepted it."""
        if value == self.value(sid):
            return False
        command = SetInfluence if self.field == "influence" else SetVotes
        return self.document.try_edit(lambda: command(self.document.smap, sid, value))

    def step(self, delta: int) -> None:
        """Raise (delta > 0) or lower the current tower by ``delta``, never below 0."""
        if self.current is None:
            return
        old = self.value(self.current)
        ceiling = MAX_TOWER if self.field == "influence" else MAX_VOTES
        self.set_value(self.current, min(ceiling, max(0, (old or 0) + delta)))

    def select(self, sid: str | None) -> None:
        """Make ``sid`` the current tower (and the shared selection)."""
        if sid is None or sid == self.current:
            return
        self.current = sid
        self.document.selection.set([sid], origin=self)
        self.current_changed.emit(sid)
        self.update()

    # -- geometry ---------------------------------------------------------------------
    def _font(self, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSize(LABEL_PT)
        font.setBold(bold)
        return font

    def _scale_top(self) -> int:
        values = [self.value(sid) or 0 for sid in self.order]
        if self._drag and self._drag[1] is not None:
            values.append(self._drag[1])
        return max(10, math.ceil(max(values, default=0) * 1.15))

    def _layout(self) -> tuple[QRectF, float, bool]:
        """The area of the towers, the width of one column, and whether labels are rotated."""
        metrics = QFontMetricsF(self._font())
        n = max(1, len(self.order))
        column = (self.width() - 20) / n
        rotated = column < 8 * metrics.averageCharWidth()
        label_height = LABEL_LINES * metrics.lineSpacing() + 8
        if rotated:
            longest = max(
                (
                    metrics.horizontalAdvance(s.label)
                    for s in self.document.smap.stakeholders.values()
                ),
                default=0,
            )
            label_height = min(longest, self.height() * 0.4) + 12
        if not self.show_names:
            label_height = metrics.lineSpacing()
        top = metrics.lineSpacing() + 12
        area = QRectF(10, top, self.width() - 20, self.height() - top - label_height)
        return area, column, rotated

    def _column_at(self, x: float) -> str | None:
        area, column, _ = self._layout()
        index = int((x - area.left()) // column) if column > 0 else -1
        return self.order[index] if 0 <= index < len(self.order) else None

    def _value_at(self, y: float) -> int:
        area, _, _ = self._layout()
        fraction = (area.bottom() - y) / max(1.0, area.height())
        return max(0, round(fraction * self._scale_top()))

    def sizeHint(self) -> QSize:
        return QSize(900, 520)

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area, column, rotated = self._layout()
        top = self._scale_top()
        unit = area.height() / top
        painter.setPen(QPen(QColor("#444444"), 2))
        painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))
        for index, sid in enumerate(self.order):
            stakeholder = self.document.smap.stakeholders[sid]
            value = self.value(sid)
            if self._drag and self._drag[0] == sid:
                value = self._drag[1]
            left = area.left() + index * column
            self._paint_tower(
                painter, stakeholder, value, QRectF(left, area.top(), column, area.height()), unit
            )
            if self.show_names:
                self._paint_label(painter, stakeholder.label, left, column, area.bottom(), rotated)
        if not self.order:
            painter.setFont(self._font())
            painter.setPen(TEXT)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No stakeholders yet")
        painter.end()

    def _paint_tower(
        self, painter: QPainter, s: Stakeholder, value: int | None, cell: QRectF, unit: float
    ) -> None:
        side = side_of(s)
        colour = SUPPORTER if side > 0 else OPPONENT if side < 0 else NEUTRAL
        width = min(cell.width() * 0.6, 90.0)
        x = cell.center().x() - width / 2
        bottom = cell.bottom()
        if s.id == self.current:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#FFF1C2"))
            painter.drawRect(cell.adjusted(2, -cell.top() + 4, -2, 0))
        painter.setFont(self._font(bold=True))
        if value is None:
            painter.setPen(QPen(NEUTRAL, 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(x, bottom - 3 * unit, width, 3 * unit))
            if self.show_scores:
                painter.setPen(TEXT)
                painter.drawText(
                    QRectF(cell.left(), bottom - 3 * unit - 40, cell.width(), 36),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    "?",
                )
            return
        height = value * unit
        painter.setPen(QPen(colour.darker(140), 1.5))
        if value <= MAX_BLOCKS:
            gap = min(3.0, unit * 0.2)
            for i in range(value):
                block = QRectF(x, bottom - (i + 1) * unit + gap / 2, width, unit - gap)
                painter.setBrush(colour)
                painter.drawRect(block)
                if side < 0:
                    painter.setBrush(QBrush(QColor("#ffffff"), Qt.BrushStyle.BDiagPattern))
                    painter.drawRect(block)
        else:
            bar = QRectF(x, bottom - height, width, height)
            painter.setBrush(colour)
            painter.drawRect(bar)
            if side < 0:
                painter.setBrush(QBrush(QColor("#ffffff"), Qt.BrushStyle.BDiagPattern))
                painter.drawRect(bar)
        if self.show_scores:
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(cell.left(), bottom - height - 40, cell.width(), 36),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                str(value),
            )

    def _paint_label(
        self, painter: QPainter, label: str, left: float, column: float, y: float, rotated: bool
    ) -> None:
        painter.setFont(self._font())
        painter.setPen(TEXT)
        metrics = QFontMetricsF(painter.font())
        if rotated:
            room = self.height() - y - 12
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
            painter.save()
            painter.translate(left + column / 2, y + 8)
            painter.rotate(-90)
            painter.drawText(
                QRectF(-room, -column / 2, room, column),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            painter.restore()
            return
        for i, line in enumerate(wrap_label(label, metrics, column - 6, LABEL_LINES)):
            top = y + 6 + i * metrics.lineSpacing()
            painter.drawText(
                QRectF(left, top, column, metrics.lineSpacing()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                line,
            )

    # -- interaction ------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Up):
            self.step(1)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore, Qt.Key.Key_Down):
            self.step(-1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.order:
            index = self.order.index(self.current) if self.current in self.order else 0
            index += 1 if key == Qt.Key.Key_Right else -1
            self.select(self.order[max(0, min(len(self.order) - 1, index))])
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        sid = self._column_at(event.position().x())
        if sid is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self.select(sid)
        self._drag = (sid, self.value(sid))
        self.setFocus()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self._drag = (self._drag[0], self._value_at(event.position().y()))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        sid, start = self._drag[0], self.value(self._drag[0])
        self._drag = None
        value = self._value_at(event.position().y())
        if value != start and abs(value - (start or 0)) >= 1:
            self.set_value(sid, value)
        self.update()

    # -- model ------------------------------------------------------------------------
    def _on_model_change(self, change: ModelChange) -> None:
        if change.kind in _CHANGES:
            self.refresh()

    def _on_selection_changed(self, origin: object) -> None:
        if origin is self:
            return
        chosen = self.document.selection.stakeholders
        if chosen and chosen[0] in self.document.smap.stakeholders:
            self.current = chosen[0]
            self.update()


class InfluenceTowers(QWidget):
    """The towers with live totals of supporters vs opponents and "set power from towers"."""

    def __init__(
        self, document: MapDocument, field: str = "influence", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.chart = TowerChart(document, field, self)
        self.totals = QLabel(self)
        font = QFont(self.totals.font())
        font.setPointSize(LABEL_PT + 2)
        font.setBold(True)
        self.totals.setFont(font)
        self.hint = QLabel(
            "Blue: supporters · hatched orange: opponents · grey: neutral or unknown position"
            " · dashed: not rated yet.   Click a tower, then + / − (or drag its top).",
            self,
        )
        self.hint.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.totals, 1)
        if field == "influence":
            self.to_power = QPushButton("Set power from towers", self)
            self.to_power.setToolTip("Power 1-5 in proportion to tower height; the tallest gets 5")
            self.to_power.clicked.connect(self._on_to_power_clicked)
            header.addWidget(self.to_power)
        else:
            self.participants = QSpinBox(self)
            self.participants.setRange(0, 500)
            self.participants.setSpecialValueText("—")
            self.participants.setToolTip("How many people vote (0: not counted)")
            self.dots_each = QSpinBox(self)
            self.dots_each.setRange(1, 50)
            self.dots_each.setValue(3)
            self.dots_each.setToolTip("How many dots each participant places")
            header.addWidget(QLabel("Participants", self))
            header.addWidget(self.participants)
            header.addWidget(QLabel("dots each", self))
            header.addWidget(self.dots_each)
            self.participants.valueChanged.connect(self._update_totals)
            self.dots_each.valueChanged.connect(self._update_totals)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.hint)
        document.changed.connect(self._on_model_change)
        self._update_totals()

    def _update_totals(self) -> None:
        if self.chart.field == "votes":
            total = sum(s.votes or 0 for s in self.document.smap.stakeholders.values())
            text = f"Dot votes cast: {total}"
            budget = self.participants.value() * self.dots_each.value()
            if budget:
                left = budget - total
                text += f" of {budget}" + (
                    f" ({left} left)" if left >= 0 else f" ({-left} too many)"
                )
            self.totals.setText(text)
            return
        balance = support_balance(self.document.smap)
        text = (
            f"<span style='color:{SUPPORTER.name()}'>Supporters {balance.supporters}</span>"
            f"  ·  <span style='color:{OPPONENT.name()}'>Opponents {balance.opponents}</span>"
        )
        if balance.without_tower:
            text += (
                f"  <span style='font-weight:normal'>({balance.without_tower} not yet rated)</span>"
            )
        self.totals.setText(text)

    def _on_model_change(self, change: ModelChange) -> None:
        if change.kind in _CHANGES:
            self._update_totals()

    def _on_to_power_clicked(self) -> None:
        self.document.try_edit(lambda: PowerFromTowers(self.document.smap))
