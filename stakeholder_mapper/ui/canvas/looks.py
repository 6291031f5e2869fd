"""Qt drawing of the shared looks (``core.styles``): tie pens and markers, category badges.

The canvas items and the legend both draw through these functions, so a tie or a category
in the legend is drawn exactly as on the map.
"""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

from ...core.styles import TieLook, badge_text_colour
from ..fonts import drawing_font

__all__ = ["MARKER_SPACING", "paint_badge", "paint_tie_marks", "tie_pen"]

#: Distance between two markers along a tie, in scene units (at least one per tie).
MARKER_SPACING = 70.0
#: Where the badge sits in each shape, as a fraction of the radius below the centre
#: (a triangle's room is low in it).
_BADGE_DROP = {"triangle": 0.18}


def tie_pen(look: TieLook, colour: QColor, width: float) -> QPen:
    """The pen of a tie of this look, ``width`` wide (dash patterns scale with it)."""
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if look.dashes:
        pen.setDashPattern(list(look.dashes))
    return pen


def paint_tie_marks(
    painter: QPainter, path: QPainterPath, look: TieLook, colour: QColor, width: float
) -> None:
    """Draw the kind's marker and, for a negative tie, crosses along ``path``.

    One marker every ``MARKER_SPACING`` (at least one, in the middle); the crosses sit
    between the markers, so both can be seen on a short tie.
    """
    if not look.marker and not look.negative:
        return
    count = max(1, round(path.length() / MARKER_SPACING))
    size = 3.0 + 1.2 * width
    pen = QPen(colour, max(1.2, 0.6 * width))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    for i in range(count):
        if look.marker:
            _mark(painter, path, (i + 0.5) / count, look.marker, size, pen, colour)
        if look.negative:
            for t in ((i + 0.2) / count, (i + 0.8) / count) if count == 1 else ((i + 1) / count,):
                if t < 1:
                    _mark(painter, path, t, "cross", size, pen, colour)


def _mark(
    painter: QPainter,
    path: QPainterPath,
    t: float,
    marker: str,
    size: float,
    pen: QPen,
    colour: QColor,
) -> None:
    point = path.pointAtPercent(t)
    painter.save()
    painter.translate(point)
    painter.rotate(-path.angleAtPercent(t))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = size / 2
    if marker == "bar":
        painter.drawLine(QPointF(0, -half), QPointF(0, half))
    elif marker == "double_bar":
        gap = size / 4
        painter.drawLine(QPointF(-gap, -half), QPointF(-gap, half))
        painter.drawLine(QPointF(gap, -half), QPointF(gap, half))
    elif marker == "dot":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(0, 0), half * 0.8, half * 0.8)
    elif marker == "chevron":
        painter.drawPolyline(
            [QPointF(-half / 2, -half), QPointF(half / 2, 0), QPointF(-half / 2, half)]
        )
    elif marker == "cross":
        painter.drawLine(QPointF(-half, -half), QPointF(half, half))
        painter.drawLine(QPointF(-half, half), QPointF(half, -half))
    painter.restore()


@cache
def _badge_font(pixel_size: int) -> QFont:
    return drawing_font(pixel_size, bold=True)


def paint_badge(painter: QPainter, badge: str, fill: QColor, shape: str, radius: float) -> None:
    """Draw a category's letter badge in the middle of its shape, black or white on ``fill``.

    The letters take about the shape's inner room: one letter 1.1 × the radius high
    (capitals are about 0.7 of that), two letters smaller.
    """
    if not badge:
        return
    pixel_size = max(1, math.floor(radius * (1.1 if len(badge) == 1 else 0.78)))
    colour = QColor(badge_text_colour(fill.name()))
    colour.setAlpha(fill.alpha())
    painter.setPen(colour)
    painter.setFont(_badge_font(pixel_size))
    drop = _BADGE_DROP.get(shape, 0.0) * radius
    box = QRectF(-radius, -radius + drop, 2 * radius, 2 * radius)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), badge)
