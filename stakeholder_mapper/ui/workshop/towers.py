"""Influence towers (Net-Map): one tower per stakeholder, as tall as the room says it is.

The towers lie on their side so that every name can be written out horizontally in
large type: one row per stakeholder, its name on the left and its tower of blocks
growing to the right. Rows flow into as many columns as fit, so a workshop map fits on
one projector screen; a larger map scrolls. Names too long for their column end in "…"
and are shown whole in the tooltip and in the header when selected.

The facilitator selects a tower (click, or Up/Down) and raises or lowers it with
+ and − (or Right and Left; one undo step per key press) or by dragging its end (one
undo step on release). Supporters are blue and solid, opponents vermilion and hatched
(never colour alone), the others grey; a tower not rated yet is a dashed outline
marked "not rated". The header keeps live totals of the supporters' towers against the
opponents' and says how many towers are not rated yet; the line below counts the
supporters and opponents whose towers are added up. The same chart counts dot votes when built with
``field="votes"``: with the number of participants and dots each, the header shows how
many dots are left to place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...analysis.compare import support_balance
from ...core.i18n import _
from ...core.model import MAX_TOWER, MAX_VOTES, ChangeKind, ModelChange, Stakeholder
from ...core.scores import PowerFromTowers, SetInfluence, SetVotes
from ...core.wording import counted
from ..document import MapDocument

__all__ = ["LABEL_PT", "InfluenceTowers", "TowerChart", "side_of"]

SUPPORTER = QColor("#0072B2")
OPPONENT = QColor("#D55E00")
NEUTRAL = QColor("#8C8C8C")
TEXT = QColor("#111111")
#: Label size on a projector, in points: at least 18 pt so the back of a room can read it.
LABEL_PT = 18
#: Towers up to this height are drawn as blocks (the Net-Map checkers), taller ones as a bar.
MAX_BLOCKS = 30
#: A column is never narrower than this many average characters of the label font.
COLUMN_MIN_CHARS = 44
#: Room for the name in a column: at most this share of the column.
NAME_SHARE = 0.5
MARGIN = 10

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


@dataclass(frozen=True)
class _Grid:
    """Where rows go: ``columns`` side by side of ``rows`` each, rows of ``row_height``."""

    columns: int
    rows: int
    column_width: float
    row_height: float
    name_width: float
    value_width: float

    def cell(self, index: int) -> QRectF:
        column, row = divmod(index, self.rows)
        return QRectF(
            MARGIN + column * self.column_width,
            MARGIN + row * self.row_height,
            self.column_width,
            self.row_height,
        )

    def bar_span(self, cell: QRectF) -> tuple[float, float]:
        """Left and right end of the towers' room in a cell."""
        left = cell.left() + self.name_width + 12
        return left, max(left + 20, cell.right() - self.value_width - 12)


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
        #: Size of names and heights in points; None: the widget's own font size.
        self.label_pt: int | None = None
        self.show_names = True
        self.show_scores = True
        self.order: list[str] = []
        self.current: str | None = None
        #: Height of the room the rows may fill before they flow into another column.
        self.room_height = 0
        self._drag: tuple[str, int | None] | None = None
        self._press_x = 0.0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumWidth(300)
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

    def label_of(self, sid: str) -> str:
        """The name written on a row, or its number while names are hidden."""
        if self.show_names:
            return self.document.smap.stakeholders[sid].label
        return f"#{self.order.index(sid) + 1}"

    # -- geometry ---------------------------------------------------------------------
    def label_font(self, bold: bool = False) -> QFont:
        """The font of names and heights: :attr:`label_pt` points."""
        font = QFont(self.font())
        if self.label_pt is not None:
            font.setPointSize(self.label_pt)
        font.setBold(bold)
        return font

    def _scale_top(self) -> int:
        values = [self.value(sid) or 0 for sid in self.order]
        if self._drag and self._drag[1] is not None:
            values.append(self._drag[1])
        return max(10, math.ceil(max(values, default=0) * 1.1))

    def grid(self, width: float | None = None, room: float | None = None) -> _Grid:
        """Rows in as many columns as the width allows and the room's height needs."""
        metrics = QFontMetricsF(self.label_font())
        bold = QFontMetricsF(self.label_font(bold=True))
        width = (self.width() if width is None else width) - 2 * MARGIN
        room = (self.room_height or self.height() if room is None else room) - 2 * MARGIN
        row_height = math.ceil(metrics.lineSpacing() * 1.25)
        n = max(1, len(self.order))
        fits = max(1, int(room // row_height))
        widest = max(1, int(width // (COLUMN_MIN_CHARS * metrics.averageCharWidth())))
        columns = max(1, min(widest, math.ceil(n / fits)))
        rows = math.ceil(n / columns)
        column_width = width / columns
        longest = max(
            (metrics.horizontalAdvance(self.label_of(sid)) for sid in self.order), default=0
        )
        name_width = min(longest + 4, column_width * NAME_SHARE)
        value_width = bold.horizontalAdvance(_("not rated") if self.show_scores else "00")
        return _Grid(columns, rows, column_width, row_height, name_width, value_width)

    def needed_height(self, width: float, room: float) -> int:
        """The height every row needs at ``width`` when ``room`` is the height on screen."""
        grid = self.grid(width, room)
        return math.ceil(grid.rows * grid.row_height + 2 * MARGIN)

    def row_rect(self, sid: str) -> QRectF:
        """Where a stakeholder's row is drawn, in widget pixels."""
        return self.grid().cell(self.order.index(sid))

    def _index_at(self, pos: QPointF) -> int | None:
        grid = self.grid()
        column = int((pos.x() - MARGIN) // grid.column_width)
        row = int((pos.y() - MARGIN) // grid.row_height)
        if not (0 <= column < grid.columns and 0 <= row < grid.rows) or pos.x() < MARGIN:
            return None
        index = column * grid.rows + row
        return index if index < len(self.order) else None

    def _value_at(self, index: int, x: float) -> int:
        grid = self.grid()
        left, right = grid.bar_span(grid.cell(index))
        fraction = (x - left) / max(1.0, right - left)
        return max(0, round(fraction * self._scale_top()))

    def sizeHint(self) -> QSize:
        return QSize(900, 520)

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        grid = self.grid()
        unit_of = self._scale_top()
        for index, sid in enumerate(self.order):
            stakeholder = self.document.smap.stakeholders[sid]
            value = self.value(sid)
            if self._drag and self._drag[0] == sid:
                value = self._drag[1]
            cell = grid.cell(index)
            if sid == self.current:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor("#FFF1C2"))
                painter.drawRect(cell.adjusted(0, 1, -6, -1))
            self._paint_name(painter, sid, cell, grid)
            left, right = grid.bar_span(cell)
            self._paint_tower(painter, stakeholder, value, cell, left, (right - left) / unit_of)
        if not self.order:
            painter.setFont(self.label_font())
            painter.setPen(TEXT)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No stakeholders yet"))
        painter.end()

    def _paint_name(self, painter: QPainter, sid: str, cell: QRectF, grid: _Grid) -> None:
        painter.setFont(self.label_font())
        painter.setPen(TEXT)
        metrics = QFontMetricsF(painter.font())
        text = metrics.elidedText(self.label_of(sid), Qt.TextElideMode.ElideRight, grid.name_width)
        painter.drawText(
            QRectF(cell.left() + 4, cell.top(), grid.name_width, cell.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )

    def _paint_tower(
        self,
        painter: QPainter,
        s: Stakeholder,
        value: int | None,
        cell: QRectF,
        left: float,
        unit: float,
    ) -> None:
        side = side_of(s)
        colour = SUPPORTER if side > 0 else OPPONENT if side < 0 else NEUTRAL
        thickness = cell.height() * 0.6
        top = cell.center().y() - thickness / 2
        painter.setFont(self.label_font(bold=True))
        if value is None:
            width = min(3 * unit, 60.0)
            painter.setPen(QPen(NEUTRAL, 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(left, top, width, thickness))
            painter.setPen(NEUTRAL.darker(130))
            painter.drawText(
                QRectF(left + width + 8, cell.top(), cell.right() - left - width, cell.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                _("not rated"),
            )
            return
        painter.setPen(QPen(colour.darker(140), 1.5))
        if 0 < value <= MAX_BLOCKS:
            gap = min(3.0, unit * 0.2)
            blocks = [
                QRectF(left + i * unit + gap / 2, top, unit - gap, thickness) for i in range(value)
            ]
        else:
            blocks = [QRectF(left, top, value * unit, thickness)] if value else []
        for block in blocks:
            painter.setBrush(colour)
            painter.drawRect(block)
            if side < 0:
                painter.setBrush(QBrush(QColor("#ffffff"), Qt.BrushStyle.BDiagPattern))
                painter.drawRect(block)
        if self.show_scores:
            painter.setPen(TEXT)
            end = left + value * unit
            painter.drawText(
                QRectF(end + 8, cell.top(), cell.right() - end, cell.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )

    # -- interaction ------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._index_at(QPointF(event.pos()))
            if index is None:
                QToolTip.hideText()
            else:
                sid = self.order[index]
                value = self.value(sid)
                shown = _("not rated yet") if value is None else str(value)
                if not self.show_scores:
                    shown = _("hidden")
                QToolTip.showText(
                    event.globalPos(),
                    _("{name}: {value}").format(name=self.label_of(sid), value=shown),
                    self,
                )
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Right):
            self.step(1)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore, Qt.Key.Key_Left):
            self.step(-1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.order:
            index = self.order.index(self.current) if self.current in self.order else 0
            index += 1 if key == Qt.Key.Key_Down else -1
            self.select(self.order[max(0, min(len(self.order) - 1, index))])
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self._index_at(event.position())
        if index is None or event.button() != Qt.MouseButton.LeftButton:
            return
        sid = self.order[index]
        self.select(sid)
        self.setFocus()
        left, _right = self.grid().bar_span(self.grid().cell(index))
        if event.position().x() >= left:
            self._drag = (sid, self.value(sid))
            self._press_x = event.position().x()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            index = self.order.index(self._drag[0])
            self._drag = (self._drag[0], self._value_at(index, event.position().x()))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return
        sid = self._drag[0]
        self._drag = None
        x = event.position().x()
        if abs(x - self._press_x) >= QApplication.startDragDistance():
            self.set_value(sid, self._value_at(self.order.index(sid), x))
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
            self.current_changed.emit(self.current)
            self.update()


class InfluenceTowers(QWidget):
    """The towers with live totals of supporters vs opponents and "set power from towers".

    ``label_pt`` sets the size of names and heights (e.g. :data:`LABEL_PT` on a
    projector); by default the widget's own font size.
    """

    def __init__(
        self,
        document: MapDocument,
        field: str = "influence",
        parent: QWidget | None = None,
        label_pt: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.chart = TowerChart(document, field)
        name = _("Influence towers") if field == "influence" else _("Dot votes")
        self.chart.setAccessibleName(name)
        self.chart.label_pt = label_pt
        self.scroll = QScrollArea(self)
        self.scroll.setAccessibleName(name)
        self.scroll.setWidget(self.chart)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.viewport().installEventFilter(self)
        self.totals = QLabel(self)
        font = self.chart.label_font(bold=True)
        font.setPointSize(font.pointSize() + 2)
        self.totals.setFont(font)
        self.totals.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.hint = QLabel(
            _(
                "Blue: supporters · hatched orange: opponents · grey: neutral or no position"
                " · dashed: not rated yet.   Click a tower, then + / − (or drag its end);"
                " Up / Down choose another."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.totals, 1)
        if field == "influence":
            self.to_power = QPushButton(_("Set power from towers"), self)
            self.to_power.setToolTip(
                _("Power 1-5 in proportion to tower height; the tallest gets 5")
            )
            self.to_power.clicked.connect(self._on_to_power_clicked)
            header.addWidget(self.to_power)
        else:
            self.participants = QSpinBox(self)
            self.participants.setRange(0, 500)
            self.participants.setSpecialValueText("—")
            self.participants.setToolTip(_("How many people vote (0: not counted)"))
            self.dots_each = QSpinBox(self)
            self.dots_each.setRange(1, 50)
            self.dots_each.setValue(3)
            self.dots_each.setToolTip(_("How many dots each participant places"))
            header.addWidget(QLabel(_("Participants"), self))
            header.addWidget(self.participants)
            header.addWidget(QLabel(_("dots each"), self))
            header.addWidget(self.dots_each)
            self.participants.valueChanged.connect(self._update_totals)
            self.dots_each.valueChanged.connect(self._update_totals)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.detail)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.hint)
        document.changed.connect(self._on_model_change)
        self.chart.current_changed.connect(self._on_current_changed)
        self._update_totals()

    def set_shown(self, names: bool, scores: bool) -> None:
        """Show or hide names (rows are then numbered) and heights, votes and totals."""
        self.chart.show_names, self.chart.show_scores = names, scores
        self._fit_chart()
        self.chart.update()
        self._update_totals()

    def _update_totals(self) -> None:
        stakeholders = self.document.smap.stakeholders.values()
        if not self.chart.show_scores:
            self.totals.setText(_("Totals are hidden with the scores"))
            self.detail.setText(self._selected_text())
            return
        if self.chart.field == "votes":
            total = sum(s.votes or 0 for s in stakeholders)
            budget = self.participants.value() * self.dots_each.value()
            left = budget - total
            if not budget:
                text = _("Dot votes cast: {total}").format(total=total)
            elif left >= 0:
                text = _("Dot votes cast: {total} of {budget} ({left} left)").format(
                    total=total, budget=budget, left=left
                )
            else:
                text = _("Dot votes cast: {total} of {budget} ({over} too many)").format(
                    total=total, budget=budget, over=-left
                )
            self.totals.setText(text)
            self.detail.setText(self._selected_text())
            return
        balance = support_balance(self.document.smap)
        unrated = sum(1 for s in stakeholders if s.influence is None)
        text = (
            f"<span style='color:{SUPPORTER.name()}'>"
            + _("Supporters' towers {n}").format(n=balance.supporters)
            + f"</span>  ·  <span style='color:{OPPONENT.name()}'>"
            + _("Opponents' towers {n}").format(n=balance.opponents)
            + "</span>  ·  "
            + _("Not yet rated {n}").format(n=unrated)
        )
        self.totals.setText(text)
        no_position = sum(1 for s in stakeholders if s.position is None)
        neutral = sum(1 for s in stakeholders if s.position == 0)
        parts = [
            _(
                "Towers of {supporters} (position above 0) and {opponents} (below 0) added up"
            ).format(
                supporters=counted(balance.supporter_count, "supporter", "supporters"),
                opponents=counted(balance.opponent_count, "opponent", "opponents"),
            )
        ]
        if balance.without_tower:
            parts.append(
                _("{n} of them not rated yet and not counted").format(n=balance.without_tower)
            )
        if neutral and no_position:
            parts.append(
                _("{neutral} neutral and {none} without a position count on neither side").format(
                    neutral=neutral, none=no_position
                )
            )
        elif neutral:
            parts.append(_("{n} neutral count on neither side").format(n=neutral))
        elif no_position:
            parts.append(_("{n} without a position count on neither side").format(n=no_position))
        detail = _("{parts}.").format(parts="; ".join(parts))
        selected = self._selected_text()
        self.detail.setText(f"{detail}\n{selected}" if selected else detail)

    def _selected_text(self) -> str:
        sid = self.chart.current
        if sid is None or sid not in self.document.smap.stakeholders:
            return ""
        value = self.chart.value(sid)
        shown = _("not rated yet") if value is None else str(value)
        if not self.chart.show_scores:
            shown = _("hidden")
        return _("Selected: {name} ({value}).").format(name=self.chart.label_of(sid), value=shown)

    def _fit_chart(self) -> None:
        """Rows fill the visible room, flowing into columns; what does not fit scrolls."""
        room = self.scroll.viewport().size()
        self.chart.room_height = room.height()
        needed = self.chart.needed_height(room.width(), room.height())
        self.chart.resize(room.width(), max(room.height(), needed))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_chart()
        return False

    def _on_current_changed(self, sid: str) -> None:
        rect = self.chart.row_rect(sid).toAlignedRect()
        self.scroll.ensureVisible(rect.center().x(), rect.center().y(), 0, rect.height())
        self._update_totals()

    def _on_model_change(self, change: ModelChange) -> None:
        if change.kind in _CHANGES:
            self._fit_chart()
            self._update_totals()

    def _on_to_power_clicked(self) -> None:
        self.document.try_edit(lambda: PowerFromTowers(self.document.smap))
