"""The canvas legend: the categories and relationship kinds in use, drawn as on the canvas.

Each category shows its shape and colour (category is never told by colour alone); each
kind shows its line style, with an arrow when directed; negative ties and node size are
explained on the last lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from ...core.i18n import N_, _
from ..document import MapDocument
from ..metrics_panel import column_header
from .items import NEGATIVE_COLOUR, shape_path

if TYPE_CHECKING:
    from .scene import MapScene

__all__ = ["Legend"]

_ROW = 14
_PAD = 6
_SWATCH = 24

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
        kinds = {r.kind for r in smap.relationships.values()}
        left: list[tuple[str, object, str]] = [("title", None, _("Stakeholders"))]
        left += [("category", c, c.name) for c in smap.categories.values() if c.id in categories]
        right: list[tuple[str, object, str]] = [("title", None, _("Relationships"))]
        right += [("kind", k, k.name) for k in smap.kinds.values() if k.id in kinds]
        if any(r.valence == "negative" for r in smap.relationships.values()):
            right.append(("negative", None, _("negative tie")))
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
        self._columns = [left, right]
        self.updateGeometry()
        self.update()

    def _column_width(self, rows: list[tuple[str, object, str]]) -> int:
        metrics = QFontMetrics(self.font())
        width = max((metrics.horizontalAdvance(text) for _, _, text in rows), default=0)
        return width + _SWATCH + 3 * _PAD

    def _row(self) -> int:
        """Height of one line: at least the font's, so a larger font never overlaps lines."""
        return max(_ROW, QFontMetrics(self.font()).height())

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
        painter.setPen(QPen(QColor("#bbbbbb")))
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(self.rect().adjusted(0, 0, -1, -1), 5, 5)
        left = 0
        for rows in self._columns:
            self._paint_column(painter, rows, left, self._column_width(rows))
            left += self._column_width(rows)
        painter.end()

    def _paint_column(
        self, painter: QPainter, rows: list[tuple[str, object, str]], left: int, width: int
    ) -> None:
        y, row = _PAD, self._row()
        for kind, record, text in rows:
            mid = QPointF(left + _PAD + _SWATCH / 2, y + row / 2)
            font = painter.font()
            font.setBold(kind == "title")
            painter.setFont(font)
            if kind == "category":
                painter.setPen(QPen(QColor("#333333"), 1))
                painter.setBrush(QBrush(QColor(record.colour)))
                painter.drawPath(shape_path(record.shape, 6.0).translated(mid))
            elif kind in ("kind", "negative"):
                colour = NEGATIVE_COLOUR if kind == "negative" else record.colour
                style = "dash" if kind == "negative" else record.style
                pen = QPen(QColor(colour), 2.2)
                pen.setStyle(
                    {
                        "dash": Qt.PenStyle.DashLine,
                        "dot": Qt.PenStyle.DotLine,
                        "dashdot": Qt.PenStyle.DashDotLine,
                    }.get(style, Qt.PenStyle.SolidLine)
                )
                painter.setPen(pen)
                start = QPointF(left + _PAD, mid.y())
                painter.drawLine(start, QPointF(left + _PAD + _SWATCH - 6, mid.y()))
                if kind == "kind" and record.directed:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(colour))
                    tip = QPointF(left + _PAD + _SWATCH, mid.y())
                    painter.drawPolygon(
                        [tip, QPointF(tip.x() - 7, mid.y() - 4), QPointF(tip.x() - 7, mid.y() + 4)]
                    )
            painter.setPen(QColor("#222222") if kind != "note" else QColor("#555555"))
            x = left + (_PAD if kind in ("title", "note") else 2 * _PAD + _SWATCH)
            painter.drawText(
                int(x), int(y), left + width - int(x), row, Qt.AlignmentFlag.AlignVCenter, text
            )
            y += row
