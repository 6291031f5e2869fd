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

from ..document import MapDocument
from .items import NEGATIVE_COLOUR, shape_path

if TYPE_CHECKING:
    from .scene import MapScene

__all__ = ["Legend"]

_ROW = 18
_PAD = 8
_SWATCH = 28

_SIZE_NAMES = {"power": "power", "interest": "interest", "influence": "influence tower"}


class Legend(QWidget):
    """A small panel in the canvas corner; it lists only what the map uses."""

    def __init__(self, document: MapDocument, scene: MapScene, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self._rows: list[tuple[str, object, str]] = []
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the rows from the map."""
        smap = self.document.smap
        categories = {s.category for s in smap.stakeholders.values()}
        kinds = {r.kind for r in smap.relationships.values()}
        rows: list[tuple[str, object, str]] = [("title", None, "Stakeholders")]
        rows += [("category", c, c.name) for c in smap.categories.values() if c.id in categories]
        rows.append(("title", None, "Relationships"))
        rows += [("kind", k, k.name) for k in smap.kinds.values() if k.id in kinds]
        if any(r.valence == "negative" for r in smap.relationships.values()):
            rows.append(("negative", None, "negative tie"))
        size = _SIZE_NAMES.get(self.scene.size_by, self.scene.size_by.replace("_", " "))
        rows.append(("note", None, f"size: {size} · width: strength"))
        self._rows = rows
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        width = max((metrics.horizontalAdvance(text) for _, _, text in self._rows), default=0)
        return QSize(width + _SWATCH + 3 * _PAD, len(self._rows) * _ROW + 2 * _PAD)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#bbbbbb")))
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(self.rect().adjusted(0, 0, -1, -1), 5, 5)
        y = _PAD
        for kind, record, text in self._rows:
            mid = QPointF(_PAD + _SWATCH / 2, y + _ROW / 2)
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
                left, right = QPointF(_PAD, mid.y()), QPointF(_PAD + _SWATCH - 6, mid.y())
                painter.drawLine(left, right)
                if kind == "kind" and record.directed:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(QColor(colour))
                    tip = QPointF(_PAD + _SWATCH, mid.y())
                    painter.drawPolygon(
                        [tip, QPointF(tip.x() - 7, mid.y() - 4), QPointF(tip.x() - 7, mid.y() + 4)]
                    )
            painter.setPen(QColor("#222222") if kind != "note" else QColor("#555555"))
            x = _PAD if kind in ("title", "note") else 2 * _PAD + _SWATCH
            painter.drawText(
                int(x), int(y), self.width() - int(x), _ROW, Qt.AlignmentFlag.AlignVCenter, text
            )
            y += _ROW
        painter.end()
