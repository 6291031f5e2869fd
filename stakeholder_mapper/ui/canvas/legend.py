"""The canvas legend: the categories and relationship kinds in use, drawn as on the canvas.

Each category shows its shape, colour and letter badge (category is never told by colour
alone); each kind of tie in use, negative ones apart, shows its colour, dash pattern and
marker, with an arrow when directed. Rows are drawn with the canvas items' own looks
(``core.styles`` through ``looks``), so the legend cannot drift from the map. Node size and
line width are explained on the last lines. Right to left (Arabic) the legend is mirrored:
the stakeholders' column on the right, swatches right of their names, text aligned right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QWidget

from ...analysis.columns import column_header
from ...core.i18n import N_, _
from ...core.styles import TieLook, category_badges, tie_look, tie_name, ties_in_use
from ..document import MapDocument
from .items import CanvasTheme
from .looks import paint_badge, paint_tie_marks, shape_path, tie_pen

if TYPE_CHECKING:
    from .scene import MapScene

__all__ = ["Legend"]

_ROW = 16
#: The legend's text size as a share of the window's (which follows the system's size and
#: View → Text size): a legend is read up close and must leave the map its room.
_TEXT_SHARE = 0.85
_PAD = 6
_SWATCH = 28

_SIZE_NAMES = {
    "power": N_("size: power"),
    "interest": N_("size: interest"),
    "influence": N_("size: influence tower"),
    "size": N_("size: from the imported file"),
    "betweenness": N_("size: brokerage"),
}


class Legend(QWidget):
    """A small panel in the canvas corner; it lists only what the map uses."""

    def __init__(self, document: MapDocument, scene: MapScene, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self._columns: list[list[tuple[str, object, str]]] = [[], []]
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the rows from the map."""
        smap = self.document.smap
        categories = {s.category for s in smap.stakeholders.values()}
        ties = ties_in_use(smap.kinds, smap.relationships.values())
        left: list[tuple[str, object, str]] = [("title", None, _("Stakeholders"))]
        left += [("category", c, c.name) for c in smap.categories.values() if c.id in categories]
        right: list[tuple[str, object, str]] = [("title", None, _("Relationships"))]
        right += [
            ("tie", (smap.kinds[k], negative), tie_name(smap.kinds[k], negative))
            for k, negative in ties
        ]
        size = _SIZE_NAMES.get(self.scene.size_by)
        right.append(
            (
                "note",
                None,
                _(size)
                if size
                else _("size: {attribute}").format(attribute=column_header(self.scene.size_by)),
            )
        )
        right.append(("note", None, _("width: strength")))
        if any(negative for _kind, negative in ties):
            right.append(("note", None, _("crosses: negative tie")))
        self._columns = [left, right]
        self.updateGeometry()
        self.update()

    def look_of(self, kind_id: str, negative: bool) -> TieLook:
        """The look a tie row of this kind and valence is drawn with (the canvas's own)."""
        return tie_look(self.document.smap.kinds, kind_id, negative)

    def _column_width(self, rows: list[tuple[str, object, str]]) -> int:
        metrics = QFontMetrics(self.text_font())
        width = max((metrics.horizontalAdvance(text) for _, _, text in rows), default=0)
        return width + self._swatch() + 3 * _PAD

    def _row(self) -> int:
        """Height of one line: at least the font's, so a larger font never overlaps lines."""
        return max(_ROW, QFontMetrics(self.text_font()).height() + 3)

    def text_font(self) -> QFont:
        """The legend's font: the window's, a little smaller."""
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * _TEXT_SHARE)
        else:
            font.setPixelSize(round(font.pixelSize() * _TEXT_SHARE))
        return font

    def _swatch(self) -> int:
        """Width of a row's drawing: long enough for a tie's marker between dashes."""
        return max(_SWATCH, round(1.6 * self._row()))

    def sizeHint(self) -> QSize:
        width = sum(self._column_width(rows) for rows in self._columns)
        height = max(len(rows) for rows in self._columns) * self._row() + 2 * _PAD
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:
        """The whole legend: in a dock smaller than this it scrolls instead of being cut."""
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#000000" if CanvasTheme.high_contrast else "#bbbbbb")))
        painter.setBrush(QColor(255, 255, 255, 255 if CanvasTheme.high_contrast else 230))
        painter.drawRoundedRect(self.rect().adjusted(0, 0, -1, -1), 5, 5)
        left = 0
        for rows in self._columns:
            self._paint_column(painter, rows, left, self._column_width(rows))
            left += self._column_width(rows)
        painter.end()

    def _x(self, x: float) -> float:
        """``x`` measured from the legend's start: its left edge, or its right edge when
        the legend is laid out right to left."""
        return self.width() - x if self.isRightToLeft() else x

    def _paint_column(
        self, painter: QPainter, rows: list[tuple[str, object, str]], left: int, width: int
    ) -> None:
        y, row, swatch = _PAD, self._row(), self._swatch()
        m = self._x
        # Absolute: a right-to-left painter would otherwise turn "right" into left.
        align = (
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
            if self.isRightToLeft()
            else Qt.AlignmentFlag.AlignLeft
        )
        painter.setLayoutDirection(self.layoutDirection())
        smap = self.document.smap
        badges = category_badges(smap.categories.values())
        for kind, record, text in rows:
            mid = QPointF(m(left + _PAD + swatch / 2), y + row / 2)
            font = self.text_font()
            font.setBold(kind == "title")
            painter.setFont(font)
            if kind == "category":
                radius = 0.45 * row
                fill = QColor(record.colour)
                painter.save()
                painter.translate(mid)
                painter.setPen(QPen(CanvasTheme.outline, min(CanvasTheme.outline_width, 1.6)))
                painter.setBrush(QBrush(fill))
                painter.drawPath(shape_path(record.shape, radius))
                paint_badge(painter, badges.get(record.id, ""), fill, record.shape, radius)
                painter.restore()
            elif kind == "tie":
                record_kind, negative = record
                look = self.look_of(record_kind.id, negative)
                start, tip = m(left + _PAD), m(left + _PAD + swatch)
                self._paint_tie(painter, look, record_kind.directed, start, tip, mid.y())
            painter.setFont(font)
            painter.setPen(
                CanvasTheme.text
                if kind != "note" or CanvasTheme.high_contrast
                else QColor("#555555")
            )
            x = left + (_PAD if kind in ("title", "note") else 2 * _PAD + swatch)
            span = left + width - int(x)
            begin = m(x) - span if self.isRightToLeft() else x
            painter.drawText(
                int(begin), int(y), span, row, Qt.AlignmentFlag.AlignVCenter | align, text
            )
            y += row

    @staticmethod
    def _paint_tie(
        painter: QPainter, look: TieLook, directed: bool, start_x: float, tip_x: float, y: float
    ) -> None:
        """A short tie drawn as the canvas draws it, at strength 3, arrow when directed,
        from ``start_x`` to ``tip_x`` (right to left in a mirrored legend)."""
        colour = QColor(look.colour)
        width = 0.6 + 0.8 * 3 + CanvasTheme.extra_line_width
        head = 5.0 + 1.5 * width
        way = 1.0 if tip_x >= start_x else -1.0
        tip = QPointF(tip_x, y)
        path = QPainterPath(QPointF(start_x, y))
        path.lineTo(QPointF(tip_x - way * (head * 0.8 if directed else 0), y))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(tie_pen(look, colour, width))
        painter.drawPath(path)
        paint_tie_marks(painter, path, look, colour, width)
        if directed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            half = head * 0.55
            base = tip_x - way * head
            painter.drawPolygon([tip, QPointF(base, y - half), QPointF(base, y + half)])
