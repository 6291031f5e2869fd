"""Workshop marks drawn over the canvas: dot-vote badges and the snapshot comparison.

The overlay is a transparent widget laid over the canvas viewport (it lets every mouse
event through); it reads node positions from the scene and repaints whenever the
viewport does, so it follows zoom, pan and drags without touching the canvas items.
Added stakeholders and ties are ringed or traced in green with a "+"; removed ones are
drawn as dashed grey ghosts where they were, with a "−" (shape and sign, not colour
alone).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QTransform
from PySide6.QtWidgets import QGraphicsView, QWidget

from ...analysis.compare import MapComparison
from ...core.model import StakeholderMap
from . import MapScene
from .items import ABOVE

__all__ = ["WorkshopOverlay"]

ADDED = QColor("#009E73")
GHOST = QColor(110, 110, 110, 170)
BADGE = QColor("#332288")
#: Room for a removed stakeholder's name under its ghost: characters wide, lines high.
GHOST_LABEL_CHARS, GHOST_LABEL_LINES = 24, 3
#: A ghost is never smaller than this radius on screen, in pixels.
GHOST_MIN_RADIUS = 16.0


class WorkshopOverlay(QWidget):
    """Vote badges and comparison marks over a :class:`QGraphicsView` showing a map scene."""

    def __init__(self, view: QGraphicsView, scene: MapScene) -> None:
        super().__init__(view)
        self.view = view
        self.scene = scene
        self.show_votes = True
        self.label_pt = 11
        self.comparison: MapComparison | None = None
        self.before: StakeholderMap | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        # Redrawn when the picture beneath moved or changed, not on every paint of the
        # map: the map repaints under this transparent widget whenever it is redrawn,
        # and redrawing it on each of those paints kept both repainting for ever.
        self._stale = True
        self._drawn_at: QTransform | None = None
        scene.changed.connect(self._on_scene_changed)
        view.horizontalScrollBar().valueChanged.connect(self._on_scene_changed)
        view.verticalScrollBar().valueChanged.connect(self._on_scene_changed)
        view.viewport().installEventFilter(self)
        self._fit()
        self.show()

    def set_comparison(
        self, comparison: MapComparison | None, before: StakeholderMap | None
    ) -> None:
        """Mark what ``comparison`` added (green) and removed (ghosts at ``before``'s places)."""
        self.comparison, self.before = comparison, before
        self.update()

    def set_votes_visible(self, visible: bool) -> None:
        """Show or hide the dot-vote badges (hidden while scores are hidden)."""
        self.show_votes = visible
        self.update()

    def ghost_rect(self) -> QRectF:
        """Where the removed stakeholders' ghosts and names are drawn, on the canvas (for Fit)."""
        rect = QRectF()
        if self.comparison is None or self.before is None:
            return rect
        zoom = self.view.transform().m11()
        for diff in self.comparison.removed_stakeholders:
            if diff.id not in self.before.positions:
                continue
            spot = self.scene.to_scene(self.before.positions[diff.id])
            x, y = spot.x(), spot.y()
            radius = self._ghost_radius(diff.id)
            label = self._ghost_label_rect(QPointF(0, 0), radius)
            drawn = label | QRectF(-radius, -radius, 2 * radius, 2 * radius)
            rect |= QRectF(
                x + drawn.left() / zoom,
                y + drawn.top() / zoom,
                drawn.width() / zoom,
                drawn.height() / zoom,
            )
        return rect

    def _ghost_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSize(self.label_pt)
        font.setItalic(True)
        return font

    def _ghost_radius(self, sid: str) -> float:
        return max(GHOST_MIN_RADIUS, self._radius(sid))

    def _ghost_label_rect(self, centre: QPointF, radius: float) -> QRectF:
        metrics = QFontMetricsF(self._ghost_font())
        width = GHOST_LABEL_CHARS * metrics.averageCharWidth()
        height = GHOST_LABEL_LINES * metrics.lineSpacing()
        return QRectF(centre.x() - width / 2, centre.y() + radius + 2, width, height)

    def _fit(self) -> None:
        self.setGeometry(self.view.viewport().geometry())
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        elif event.type() == QEvent.Type.Paint and self._picture_moved():
            self.update()
        return False

    def _on_scene_changed(self) -> None:
        self._stale = True

    def _picture_moved(self) -> bool:
        """Whether the map changed, scrolled or zoomed since this was last redrawn."""
        transform = self.view.transform()
        moved = self._stale or transform != self._drawn_at
        self._stale, self._drawn_at = False, transform
        return moved

    # -- painting ---------------------------------------------------------------------
    def _point(self, sid: str) -> QPointF | None:
        node = self.scene.nodes.get(sid)
        if node is not None and node.isVisible():
            return QPointF(self.view.mapFromScene(node.pos()))
        if self.before is not None and sid in self.before.positions:
            return QPointF(self.view.mapFromScene(self.scene.to_scene(self.before.positions[sid])))
        return None

    def _radius(self, sid: str) -> float:
        node = self.scene.nodes.get(sid)
        zoom = self.view.transform().m11()
        return (node.radius if node is not None else 14.0) * zoom

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.comparison is not None:
            self._paint_comparison(painter, self.comparison)
        if self.show_votes:
            self._paint_votes(painter)
        painter.end()

    def _sign(self, painter: QPainter, centre: QPointF, text: str, colour: QColor) -> None:
        font = QFont(self.font())
        font.setPointSize(self.label_pt + 3)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(
            QRectF(centre.x() - 20, centre.y() - 20, 40, 40), Qt.AlignmentFlag.AlignCenter, text
        )

    def _paint_comparison(self, painter: QPainter, comparison: MapComparison) -> None:
        for diff in comparison.removed_relationships:
            r = self.before.relationships.get(diff.id) if self.before else None
            if r is None:
                continue
            a, b = self._point(r.source), self._point(r.target)
            if a is not None and b is not None:
                painter.setPen(QPen(GHOST, 3, Qt.PenStyle.DashLine))
                painter.drawLine(a, b)
        for diff in comparison.added_relationships:
            r = self.scene.smap.relationships.get(diff.id)
            if r is None:
                continue
            a, b = self._point(r.source), self._point(r.target)
            if a is not None and b is not None:
                painter.setPen(QPen(ADDED, 5))
                painter.drawLine(a, b)
                self._sign(painter, (a + b) / 2, "+", ADDED)
        for diff in comparison.removed_stakeholders:
            centre = self._point(diff.id)
            if centre is None:
                continue
            radius = self._ghost_radius(diff.id)
            painter.setPen(QPen(GHOST, 3, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(200, 200, 200, 90))
            painter.drawEllipse(centre, radius, radius)
            self._sign(painter, centre, "−", QColor("#444444"))
            painter.setFont(self._ghost_font())
            painter.setPen(QColor("#555555"))
            painter.drawText(
                self._ghost_label_rect(centre, radius),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                diff.name,
            )
        for diff in comparison.added_stakeholders:
            centre = self._point(diff.id)
            if centre is None:
                continue
            radius = self._radius(diff.id) + 7
            painter.setPen(QPen(ADDED, 5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius, radius)
            self._sign(painter, centre + QPointF(-radius, -radius), "+", ADDED)

    def _paint_votes(self, painter: QPainter) -> None:
        font = QFont(self.font())
        font.setPointSize(self.label_pt)
        font.setBold(True)
        painter.setFont(font)
        size = font.pointSizeF() * 2.2
        for sid, stakeholder in self.scene.smap.stakeholders.items():
            if not stakeholder.votes:
                continue
            node = self.scene.nodes.get(sid)
            if node is None or not node.isVisible():
                continue
            centre = QPointF(self.view.mapFromScene(node.pos()))
            offset = self._radius(sid) * 0.7 + size * 0.35
            # Top right of the node, or bottom right when its name is written above it.
            rise = -offset if node.label_place != ABOVE else offset
            badge = QRectF(centre.x() + offset - size / 2, centre.y() + rise - size / 2, size, size)
            badge.setWidth(max(size, size * 0.6 * len(str(stakeholder.votes))))
            painter.setPen(QPen(QColor("#ffffff"), 2))
            painter.setBrush(BADGE)
            painter.drawRoundedRect(badge, size / 2, size / 2)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(stakeholder.votes))
