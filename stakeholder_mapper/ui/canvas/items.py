"""Graphics items of the network canvas: one node item per stakeholder, one edge item per tie.

Both items paint themselves (no child items): a node draws its category shape and its
label, an edge draws its line or curve and its arrowhead. This keeps a 2,000 / 8,000 map
to 10,000 items (a scene built from ``addEllipse`` plus child text items crashed PySide6
6.12 at that size and repainted too slowly) and lets each item choose its level of detail:
labels and arrowheads are skipped when they would be too small to read, and node pictures
are cached in device coordinates.

Labels keep a readable size on screen when zoomed out (``NodeItem.label_scale``) and are
decluttered by the scene: each node's label goes below or above it (in presentation mode
beside it too), or is hidden when every place collides with the label of a more important
stakeholder. A hidden label still shows
while its node is hovered or selected, drawn over its neighbours.
"""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...core.styles import TieLook
from ..setup.bidi import text_direction
from ..setup.fonts import drawing_font
from .looks import paint_badge, paint_tie_marks, shape_path, tie_pen

__all__ = [
    "ABOVE",
    "BELOW",
    "HIDDEN",
    "HIGHLIGHT",
    "LABEL_FONT_PX",
    "LABEL_MIN_LOD",
    "LABEL_WIDTH",
    "LEFT",
    "RIGHT",
    "CanvasTheme",
    "EdgeItem",
    "NodeItem",
    "OverviewLayer",
]

#: Below this zoom level (screen pixels per scene unit) labels are not drawn; above it they
#: keep a readable size and the declutter pass leaves out those that would overlap.
LABEL_MIN_LOD = 0.15
#: Below this zoom level arrowheads are not drawn and lines are drawn thin and plain.
DETAIL_MIN_LOD = 0.3
#: Colour of the most trusted route and of other emphasis.
HIGHLIGHT = QColor("#FFB000")
LABEL_WIDTH = 150.0
LABEL_FONT_PX = 12
#: Smallest label text height on screen, in pixels, outside presentation mode.
LABEL_SCREEN_PX = 11.0
#: Where a node's label is drawn (chosen by the scene's declutter pass).
BELOW, ABOVE, RIGHT, LEFT, HIDDEN = "below", "above", "right", "left", "hidden"
#: Gap between a node's shape and its label, in scene units at label scale 1.
_LABEL_GAP = 3.0

_SELECTED = QColor("#000000")
#: Below this size on screen, in pixels, a node's letter badge is not drawn.
BADGE_MIN_PX = 6.0


class CanvasTheme:
    """The canvas colours every item reads: normal, or high contrast for projectors and
    low vision (black outlines and text, opaque label backs, thicker lines)."""

    text = QColor("#1a1a1a")
    outline = QColor("#333333")
    outline_width = 1.2
    label_back = QColor(255, 255, 255, 210)
    label_border = QColor(0, 0, 0, 0)
    background = QColor("#fbfbf8")
    extra_line_width = 0.0
    high_contrast = False

    @classmethod
    def use(cls, high_contrast: bool) -> None:
        """Switch every canvas to the high-contrast colours or back (items repaint after
        their scene restyles them)."""
        cls.high_contrast = high_contrast
        cls.text = QColor("#000000" if high_contrast else "#1a1a1a")
        cls.outline = QColor("#000000" if high_contrast else "#333333")
        cls.outline_width = 2.2 if high_contrast else 1.2
        cls.label_back = QColor(255, 255, 255, 255 if high_contrast else 210)
        cls.label_border = QColor(0, 0, 0, 255 if high_contrast else 0)
        cls.background = QColor("#ffffff" if high_contrast else "#fbfbf8")
        cls.extra_line_width = 0.8 if high_contrast else 0.0


@cache
def _label_font(pixel_size: int = LABEL_FONT_PX) -> QFont:
    return drawing_font(pixel_size, bold=pixel_size > LABEL_FONT_PX)


class NodeItem(QGraphicsItem):
    """A stakeholder: its category's colour and shape, sized by power or a metric, label below."""

    Type = QGraphicsItem.UserType + 1
    #: Label size in scene units, smallest zoom showing labels, and whether names are shown;
    #: shared by all nodes (presentation mode enlarges labels, always shows or hides them).
    label_px = LABEL_FONT_PX
    label_min_lod = LABEL_MIN_LOD
    show_labels = True
    label_ems = LABEL_WIDTH / LABEL_FONT_PX
    label_lines = 2
    #: Places the declutter pass tries for a label, in order of preference.
    label_places: tuple[str, ...] = (BELOW, ABOVE)
    #: Factor (>= 1) enlarging every label so that it stays readable when zoomed out.
    label_scale = 1.0
    #: The chosen text size (View → Text size) as a factor of the normal label size.
    text_factor = 1.0

    @classmethod
    def normal_label_px(cls) -> int:
        """Label size outside presentation: the normal size times the chosen text size."""
        return round(LABEL_FONT_PX * cls.text_factor)

    @classmethod
    def use_normal_style(cls) -> None:
        """Labels as the map draws them outside presentation (the style is shared by every
        node of every window, so a new map starts from it whatever a closed one left)."""
        cls.label_px, cls.label_min_lod = cls.normal_label_px(), LABEL_MIN_LOD
        cls.label_ems, cls.label_lines = LABEL_WIDTH / LABEL_FONT_PX, 2
        cls.label_places = (BELOW, ABOVE)
        cls.show_labels = True

    def __init__(self, stakeholder_id: str) -> None:
        super().__init__()
        self.sid = stakeholder_id
        self.edges: list[EdgeItem] = []
        #: Where the model places this node; a drag is committed when the item left it.
        self.model_pos = QPointF()
        self.radius = 14.0
        self.label = ""
        self.shown_label = ""
        self.pinned = False
        self.dimmed = False
        self.emphasised = False
        self.hovered = False
        #: Whether the stakeholder is always named (our branch, a top broker, most powerful):
        #: its label is drawn over its neighbours' shapes.
        self.key = False
        #: BELOW, ABOVE or HIDDEN (a hidden label shows on hover and selection).
        self.label_place = BELOW
        #: The overview layer to tell when the node moves (None when not in overview).
        self.layer: OverviewLayer | None = None
        self._scene_outline: QPainterPath | None = None
        self._path = QPainterPath()
        self._shape = "circle"
        self.badge = ""
        self._brush = QBrush(QColor("#999999"))
        self._label_text = QRectF()
        self._label_rect = QRectF()
        self._bounds = QRectF()
        self.setAcceptHoverEvents(True)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(2)

    def type(self) -> int:
        return self.Type

    def configure(
        self, label: str, colour: str, shape: str, radius: float, pinned: bool, badge: str = ""
    ) -> None:
        """Set what the node shows (``badge``: its category's letters, drawn inside the
        shape); geometry and connected edges follow."""
        self.prepareGeometryChange()
        self.label, self.radius, self.pinned = label, radius, pinned
        self._shape, self.badge = shape, badge
        self._path = shape_path(shape, radius)
        self._scene_outline = None
        self._brush = QBrush(QColor(colour))
        metrics = QFontMetricsF(_label_font(self.label_px))
        label_width = self.label_ems * self.label_px
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        room = QRectF(0, 0, label_width, 1000)
        text = metrics.boundingRect(room, flags, label)
        # Qt's wrapped-text bounds are about one pixel taller than the lines they hold.
        most = self.label_lines * metrics.lineSpacing() + 1
        #: The name as drawn: cut to the lines there are, ending in "…" (the tooltip has it all).
        self.shown_label = label
        if text.height() > most + 0.5:
            self.shown_label = _cut_to_fit(label, metrics, room, flags, most)
            text = metrics.boundingRect(room, flags, self.shown_label)
        height = min(text.height(), most)
        width = min(text.width(), label_width) + 6
        self._label_text = QRectF(-width / 2, 0, width, height + 2)
        self.update_label_geometry()
        self.update()
        for edge in self.edges:
            edge.update_geometry()

    def label_rect(self, place: str = BELOW) -> QRectF:
        """Where the label is drawn when put ``place`` (below, above, right or left of the
        node), around the node centre."""
        scale = self.label_scale
        width, height = self._label_text.width() * scale, self._label_text.height() * scale
        shape = self._path.boundingRect()
        if place == RIGHT:
            return QRectF(shape.right() + _LABEL_GAP, -height / 2, width, height)
        if place == LEFT:
            return QRectF(shape.left() - _LABEL_GAP - width, -height / 2, width, height)
        top = shape.top() - _LABEL_GAP - height if place == ABOVE else shape.bottom() + _LABEL_GAP
        return QRectF(-width / 2, top, width, height)

    def footprint(self) -> QRectF:
        """The node with its label below at normal size, on the canvas (what Fit shows).

        Independent of the zoom, unlike the bounds of a label enlarged for a zoomed-out view.
        """
        shape = self._path.boundingRect()
        label = self._label_text.translated(0, shape.bottom() + 3)
        return (shape | label).translated(self.pos())

    def set_label_place(self, place: str) -> None:
        """Put the label below, above or beside the node, or hide it (decided by the scene)."""
        if place != self.label_place:
            self.label_place = place
            self.update_label_geometry()
            # Hiding keeps the bounds: the cached picture must be redrawn without the label.
            self.update()

    def label_visible(self) -> bool:
        """Whether the label is drawn at the current place (hover and selection show it)."""
        return bool(self.label) and (
            self.label_place != HIDDEN or self.hovered or self.isSelected()
        )

    def update_label_geometry(self) -> None:
        """Recompute the label's rectangle and the bounds after a change of place or scale."""
        self.prepareGeometryChange()
        place = BELOW if self.label_place == HIDDEN else self.label_place
        self._label_rect = self.label_rect(place)
        self._bounds = self._path.boundingRect().adjusted(-6, -6, 6, 6) | self._label_rect

    def colour(self) -> QColor:
        """The fill colour (the stakeholder's own, or its category's)."""
        return self._brush.color()

    def outline(self) -> QPainterPath:
        """The category shape at this node's size, centred on 0."""
        return self._path

    def scene_outline(self) -> QPainterPath:
        """The category shape where the node is on the canvas (cached until it moves)."""
        if self._scene_outline is None:
            self._scene_outline = self._path.translated(self.pos())
        return self._scene_outline

    def set_key(self, key: bool) -> None:
        """Mark the stakeholder as always named (see :attr:`key`)."""
        if key != self.key:
            self.key = key
            self._raise_label()

    def set_state(self, dimmed: bool, emphasised: bool) -> None:
        """Fade the node (outside a route or focus) or ring it (on the trusted route)."""
        if (dimmed, emphasised) != (self.dimmed, self.emphasised):
            self.dimmed, self.emphasised = dimmed, emphasised
            self._raise_label()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath(self._path)
        if self.label_place != HIDDEN:
            path.addRect(self._label_rect)
        return path

    def hoverEnterEvent(self, event: object) -> None:
        self.hovered = True
        self._raise_label()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: object) -> None:
        self.hovered = False
        self._raise_label()
        super().hoverLeaveEvent(event)

    def _raise_label(self) -> None:
        """Draw a hovered or selected node (and its label) over its neighbours; one on the
        highlighted route or always named over the others."""
        raised = self.key or self.emphasised
        self.setZValue(3 if self.hovered or self.isSelected() else 2.5 if raised else 2)
        self.update()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if self.emphasised:
            painter.setPen(QPen(HIGHLIGHT, 7))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._path)
        if self.isSelected():
            painter.setPen(QPen(_SELECTED, 3.0 + CanvasTheme.outline_width - 1.2))
        else:
            painter.setPen(QPen(CanvasTheme.outline, CanvasTheme.outline_width))
        brush = self._brush
        if self.dimmed:
            faded = QColor(brush.color())
            faded.setAlpha(60)
            brush = QBrush(faded)
            painter.setPen(QPen(QColor(0, 0, 0, 60), 1.0))
        painter.setBrush(brush)
        painter.drawPath(self._path)
        if self.radius * lod >= BADGE_MIN_PX:
            paint_badge(painter, self.badge, brush.color(), self._shape, self.radius)
        if self.pinned and lod >= DETAIL_MIN_LOD:
            painter.setPen(QPen(CanvasTheme.outline, 1))
            painter.setBrush(QBrush(QColor("#ffffff")))
            corner = self._path.boundingRect().topRight()
            painter.drawEllipse(corner, 3.5, 3.5)
        if lod < self.label_min_lod or not self.show_labels or not self.label_visible():
            return
        back = QColor(CanvasTheme.label_back)
        text = QColor(CanvasTheme.text)
        border = QColor(CanvasTheme.label_border)
        if self.dimmed:
            back.setAlpha(60)
            text.setAlpha(90)
            border.setAlpha(min(border.alpha(), 60))
        painter.setPen(QPen(border, 1) if border.alpha() else Qt.PenStyle.NoPen)
        painter.setBrush(back)
        painter.drawRoundedRect(self._label_rect, 3, 3)
        painter.translate(self._label_rect.center().x(), self._label_rect.top())
        painter.scale(self.label_scale, self.label_scale)
        painter.setPen(text)
        painter.setFont(_label_font(self.label_px))
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        # The name's own direction, whatever the window's: a Latin name cut short ends in
        # "…" on its right, an Arabic one on its left, in an English or an Arabic window.
        painter.setLayoutDirection(text_direction(self.shown_label))
        painter.drawText(self._label_text.adjusted(3, 1, -3, 0), flags, self.shown_label)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._raise_label()
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self._scene_outline = None
            for edge in self.edges:
                edge.update_geometry()
            if self.layer is not None:
                self.layer.node_moved(self)
        return super().itemChange(change, value)


class EdgeItem(QGraphicsItem):
    """A relationship: width by strength; colour, dash pattern and marker by kind (the
    shared look of ``core.styles``), with crosses when negative.

    Directed ties end in an arrowhead; ties between the same two stakeholders are drawn as
    curves bent apart by ``offset`` (scene units, to the left of source → target).
    """

    Type = QGraphicsItem.UserType + 2

    def __init__(self, relationship_id: str, source: NodeItem, target: NodeItem) -> None:
        super().__init__()
        self.rid = relationship_id
        self.source, self.target = source, target
        self.offset = 0.0
        self.directed = True
        self.dimmed = False
        self.emphasised = False
        self._pen = QPen(QColor("#555555"), 2.0)
        self.look = TieLook("#555555", (), "", False)
        self._path = QPainterPath()
        self._arrow = QPolygonF()
        self._bounds = QRectF()
        self._line = QLineF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0)
        source.edges.append(self)
        target.edges.append(self)

    def type(self) -> int:
        return self.Type

    def detach(self) -> None:
        """Forget the end nodes (before the item is removed from the scene)."""
        for node in (self.source, self.target):
            if self in node.edges:
                node.edges.remove(self)

    def configure(self, look: TieLook, strength: int, directed: bool) -> None:
        """Set the look (of the tie's kind and valence), width and arrowhead."""
        self.look = look
        width = 0.6 + 0.8 * strength + CanvasTheme.extra_line_width
        self._pen = tie_pen(look, QColor(look.colour), width)
        self.directed = directed
        self.update_geometry()

    def colour(self) -> QColor:
        """The line colour (the kind's, or the negative colour for distrust and the like)."""
        return self._pen.color()

    def line(self) -> QLineF:
        """The straight line between the end nodes' centres (the overview draws these)."""
        return self._line

    def set_offset(self, offset: float) -> None:
        """Bend the edge sideways (for parallel ties)."""
        if offset != self.offset:
            self.offset = offset
            self.update_geometry()

    def set_state(self, dimmed: bool, emphasised: bool) -> None:
        """Fade the edge or draw it as part of the highlighted route."""
        if (dimmed, emphasised) != (self.dimmed, self.emphasised):
            self.dimmed, self.emphasised = dimmed, emphasised
            self.update()

    def update_geometry(self) -> None:
        """Recompute the curve and arrowhead from the end nodes' positions and sizes."""
        self.prepareGeometryChange()
        p1, p2 = self.source.pos(), self.target.pos()
        self._line = QLineF(p1, p2)
        dx, dy = p2.x() - p1.x(), p2.y() - p1.y()
        length = math.hypot(dx, dy)
        path = QPainterPath()
        self._arrow = QPolygonF()
        if length < 1e-6:
            self._path, self._bounds = path, QRectF()
            return
        nx, ny = -dy / length, dx / length
        control = QPointF(
            (p1.x() + p2.x()) / 2 + nx * self.offset * 2,
            (p1.y() + p2.y()) / 2 + ny * self.offset * 2,
        )
        start = _towards(p1, control, self.source.radius + 1)
        tip = _towards(p2, control, self.target.radius + 2)
        arrow_size = 5.0 + 1.5 * self._pen.widthF()
        end = _towards(tip, control, arrow_size * 0.8) if self.directed else tip
        path.moveTo(start)
        if self.offset:
            path.quadTo(control, end)
        else:
            path.lineTo(end)
        if self.directed:
            ux, uy = _unit(control if self.offset else p1, tip)
            base = QPointF(tip.x() - ux * arrow_size, tip.y() - uy * arrow_size)
            half = arrow_size * 0.55
            self._arrow = QPolygonF(
                [
                    tip,
                    QPointF(base.x() - uy * half, base.y() + ux * half),
                    QPointF(base.x() + uy * half, base.y() - ux * half),
                ]
            )
        self._path = path
        margin = self._pen.widthF() + 6
        self._bounds = (path.boundingRect() | self._arrow.boundingRect()).adjusted(
            -margin, -margin, margin, margin
        )

    def path(self) -> QPainterPath:
        """The drawn line or curve, in scene coordinates."""
        return self._path

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(max(self._pen.widthF(), 8.0))
        path = stroker.createStroke(self._path)
        path.addPolygon(self._arrow)
        return path

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        colour = QColor(self._pen.color())
        if self.dimmed:
            colour.setAlpha(40)
        if self.emphasised:
            painter.setPen(QPen(HIGHLIGHT, self._pen.widthF() + 8))
            painter.drawPath(self._path)
        if self.isSelected():
            halo = QPen(QColor(0, 0, 0, 90), self._pen.widthF() + 5)
            painter.setPen(halo)
            painter.drawPath(self._path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if lod < DETAIL_MIN_LOD:
            pen = QPen(colour, 0)
            painter.setPen(pen)
            painter.drawPath(self._path)
            return
        pen = QPen(self._pen)
        pen.setColor(colour)
        painter.setPen(pen)
        painter.drawPath(self._path)
        paint_tie_marks(painter, self._path, self.look, colour, self._pen.widthF())
        if self.directed:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(self._arrow)


def _cosmetic(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCosmetic(True)
    return pen


def _unit(a: QPointF, b: QPointF) -> tuple[float, float]:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = math.hypot(dx, dy) or 1.0
    return dx / length, dy / length


def _towards(point: QPointF, other: QPointF, distance: float) -> QPointF:
    ux, uy = _unit(point, other)
    return QPointF(point.x() + ux * distance, point.y() + uy * distance)


class OverviewLayer(QGraphicsItem):
    """Draws every node and edge in a few batched calls when a large map is zoomed out.

    Above a few hundred stakeholders, painting thousands of items one by one is too slow
    once the whole map is in view, and at that zoom labels, arrowheads and dashes are too
    small to see anyway. In overview the scene hides the edge items and empties the node
    items (they still take clicks, drags and the selection), and this one item draws
    edges as thin lines grouped by colour and nodes as one shape path per colour and
    shape. When a node is dragged only the batches it belongs to are rebuilt.
    """

    def __init__(self) -> None:
        super().__init__()
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        #: Ids of the edges that would be drawn outside overview (filters, focus).
        self.shown_edges: set[str] = set()
        self._built = False
        #: Edge id -> (batch key, index in the batch), to move one line in place.
        self._edge_place: dict[str, tuple[int, int]] = {}
        #: Ids on the highlighted route, drawn over the batches.
        self.emphasised_nodes: set[str] = set()
        self.emphasised_edges: set[str] = set()
        self._edge_groups: dict[int, tuple[QColor, list[str], list[QLineF] | None]] = {}
        self._node_key: dict[str, tuple[int, int]] = {}
        self._node_groups: dict[tuple[int, int], tuple[QColor, list[str], QPainterPath | None]]
        self._node_groups = {}
        self._bounds = QRectF()
        self.setZValue(1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setVisible(False)

    def set_bounds(self, rect: QRectF) -> None:
        """The area the layer may draw in (all nodes, with room for their shapes)."""
        self.prepareGeometryChange()
        self._bounds = rect.adjusted(-60, -60, 60, 60)

    def invalidate(self) -> None:
        """Forget every batch (after filters, styles or many positions changed)."""
        self._built = False
        if self.isVisible():
            self.update(self._bounds)

    def node_moved(self, node: NodeItem) -> None:
        """Rebuild only the batches holding ``node`` and its edges."""
        if not self._built:
            return
        key = self._node_key.get(node.sid)
        if key is not None:
            colour, members, _rest = self._node_groups[key]
            self._node_groups[key] = (colour, members, None)
        for edge in node.edges:
            place = self._edge_place.get(edge.rid)
            if place is not None:
                lines = self._edge_groups[place[0]][2]
                if lines is not None:
                    lines[place[1]] = edge.line()
        self._bounds |= node.sceneBoundingRect()
        self.update(self._bounds)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _build(self) -> None:
        self._edge_place, self._edge_groups = {}, {}
        for rid in self.shown_edges:
            edge = self.edges.get(rid)
            if edge is None:
                continue
            colour = QColor(edge.colour())
            if edge.dimmed:
                colour.setAlpha(40)
            key = colour.rgba()
            members = self._edge_groups.setdefault(key, (colour, [], None))[1]
            self._edge_place[rid] = (key, len(members))
            members.append(rid)
        self._node_key, self._node_groups = {}, {}
        for sid, node in self.nodes.items():
            if not node.isVisible():
                continue
            colour = QColor(node.colour())
            if node.dimmed:
                colour.setAlpha(60)
            key = (colour.rgba(), id(node.outline()))
            self._node_key[sid] = key
            self._node_groups.setdefault(key, (colour, [], None))[1].append(sid)
        self._built = True

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        if not self._built:
            self._build()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for key, (colour, members, lines) in self._edge_groups.items():
            if lines is None:
                lines = [self.edges[rid].line() for rid in members]
                self._edge_groups[key] = (colour, members, lines)
            painter.setPen(QPen(colour, 0))
            painter.drawLines(lines)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(CanvasTheme.outline, 0))
        for key, (colour, members, path) in self._node_groups.items():
            if path is None:
                path = QPainterPath()
                for sid in members:
                    path.addPath(self.nodes[sid].scene_outline())
                self._node_groups[key] = (colour, members, path)
            painter.setBrush(colour)
            painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_cosmetic(HIGHLIGHT, 3))
        for rid in self.emphasised_edges & self.shown_edges:
            painter.drawLine(self.edges[rid].line())
        for sid in self.emphasised_nodes:
            node = self.nodes.get(sid)
            if node is not None and node.isVisible():
                painter.drawPath(node.scene_outline())
        painter.setPen(_cosmetic(_SELECTED, 3))
        for item in self.scene().selectedItems() if self.scene() else ():
            if isinstance(item, NodeItem) and item.isVisible():
                painter.drawPath(item.scene_outline())
            elif isinstance(item, EdgeItem) and item.rid in self.shown_edges:
                painter.drawLine(item.line())


def _cut_to_fit(label: str, metrics: QFontMetricsF, room: QRectF, flags: int, most: float) -> str:
    """The longest start of ``label`` that, ending in "…", wraps into ``most`` height."""
    low, high = 0, len(label)
    while low < high:
        middle = (low + high + 1) // 2
        candidate = label[:middle].rstrip() + "…"
        if metrics.boundingRect(room, flags, candidate).height() <= most + 0.5:
            low = middle
        else:
            high = middle - 1
    return label[:low].rstrip() + "…"
