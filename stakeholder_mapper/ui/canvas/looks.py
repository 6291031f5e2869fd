"""Qt drawing of the shared looks (``core.styles``): category shapes and badges, tie pens
and markers.

The canvas items and the legend both draw through these functions, so a tie or a category
in the legend is drawn exactly as on the map.
"""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from ...core.styles import TieLook, badge_text_colour
from ..setup.fonts import drawing_font

__all__ = [
    "MARKER_SPACING",
    "badge_symbol",
    "paint_badge",
    "paint_tie_marks",
    "shape_path",
    "tie_pen",
]

#: Distance between two markers along a tie, in scene units (at least one per tie).
MARKER_SPACING = 70.0
#: Where the badge sits in each shape, as a fraction of the radius below the centre
#: (a triangle's room is low in it).
_BADGE_DROP = {"triangle": 0.18}


def _polygon(points: list[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def _regular(n: int, radius: float, start: float) -> list[tuple[float, float]]:
    return [
        (
            radius * math.cos(start + 2 * math.pi * i / n),
            radius * math.sin(start + 2 * math.pi * i / n),
        )
        for i in range(n)
    ]


@cache
def _unit_shape(shape: str) -> QPainterPath:
    if shape == "square":
        path = QPainterPath()
        path.addRect(QRectF(-0.89, -0.89, 1.78, 1.78))
        return path
    if shape == "diamond":
        return _polygon([(0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)])
    if shape == "triangle":
        return _polygon([(0, -1.3), (1.15, 0.75), (-1.15, 0.75)])
    if shape == "hexagon":
        return _polygon(_regular(6, 1.08, 0.0))
    if shape == "pentagon":
        return _polygon(_regular(5, 1.1, -math.pi / 2))
    if shape == "star":
        outer = _regular(5, 1.35, -math.pi / 2)
        inner = _regular(5, 0.62, -math.pi / 2 + math.pi / 5)
        return _polygon([p for pair in zip(outer, inner, strict=True) for p in pair])
    path = QPainterPath()
    path.addEllipse(QRectF(-1, -1, 2, 2))
    return path


@cache
def shape_path(shape: str, radius: float) -> QPainterPath:
    """The outline of a category shape (circle, square, ...) of the given radius, centred on 0."""
    return QTransform.fromScale(radius, radius).map(_unit_shape(shape))


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


@cache
def badge_symbol(shape: str, badge: str) -> QPainterPath:
    """A chart symbol: the category's shape about one unit across, its letters cut out
    of it (they show the background), for plots that draw symbols in one colour."""
    outline = shape_path(shape, 0.5)
    if not badge:
        return outline
    letters = QPainterPath()
    letters.addText(0, 0, _badge_font(100), badge)
    box = letters.boundingRect()
    room = 0.5 if len(badge) == 1 else 0.62
    scale = room / max(box.width(), box.height())
    drop = _BADGE_DROP.get(shape, 0.0) * 0.5
    letters = (
        QTransform.fromTranslate(0, drop).scale(scale, scale).map(letters.translated(-box.center()))
    )
    return outline.subtracted(letters)
