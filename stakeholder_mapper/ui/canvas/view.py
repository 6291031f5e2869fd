"""The canvas view: zoom, pan and fit, and the editing gestures that become commands.

Gestures: double-click empty space adds a stakeholder (then its name is edited in
place); drag from a node with the connect tool, or with Shift held, connects it to
another node with the kind chosen in the palette; dragging nodes moves them (one undo
step on release, whatever the number of nodes); dragging on empty space selects with a
rubber band; the middle button pans; the wheel zooms under the mouse. The keys the map
answers without a mouse live in :mod:`.keyboard`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsView,
    QLineEdit,
    QMenu,
    QToolTip,
    QWidget,
)

from ...core.commands import AddRelationship, AddStakeholder, MoveStakeholders, UpdateStakeholder
from ...core.i18n import _
from ...core.model import Relationship, Stakeholder
from ...core.ties import same_tie
from ..document import MapDocument
from .items import (
    ABOVE,
    BELOW,
    HIDDEN,
    LABEL_FONT_PX,
    LABEL_MIN_LOD,
    LABEL_SCREEN_PX,
    LEFT,
    RIGHT,
    CanvasTheme,
    EdgeItem,
    NodeItem,
)
from .keyboard import MapKeyboard
from .legend import Legend
from .scene import MapScene

__all__ = ["MapView"]

MIN_SCALE, MAX_SCALE = 0.02, 8.0
#: Maps with more stakeholders than this are drawn in batches when zoomed out below
#: ``OVERVIEW_BELOW`` (screen pixels per scene unit): item by item would be too slow.
OVERVIEW_MIN_STAKEHOLDERS = 400
OVERVIEW_BELOW = 0.3
ZOOM_STEP = 1.25
#: Presentation labels are ``label_pt`` points on a screen this many pixels high, and grow
#: or shrink with the screen's height within these bounds: a projector's picture has the
#: size of its wall whatever its resolution, so names take the same share of it.
PRESENT_REFERENCE_HEIGHT = 1080
PRESENT_SCALE_BOUNDS = (0.75, 1.5)
#: Width of a presentation label, in ems, on at most this many lines.
PRESENT_LABEL_EMS, PRESENT_LABEL_LINES = 16.0, 1
#: Presentation stretches the drawing along one axis by at most this much to fill the screen.
MAX_STRETCH = 2.5


class _RenameEditor(QLineEdit):
    """A line editor over a node's label: Enter commits, Escape cancels; either gives the
    keyboard focus back to the map (its viewport hands it to the view)."""

    def __init__(
        self, parent: QWidget, commit: Callable[[str], None], cancel: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self._commit = commit
        self._cancel = cancel
        self._done = False
        self.returnPressed.connect(self._on_return_pressed)

    def _on_return_pressed(self) -> None:
        self.parentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
        self._finish()

    def _finish(self) -> None:
        if not self._done:
            self._done = True
            self._commit(self.text())
            self.deleteLater()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._done = True
            self._cancel()
            self.deleteLater()
            self.parentWidget().setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # the map must not take this Enter as "open the inspector"

    def focusOutEvent(self, event: QEvent) -> None:
        super().focusOutEvent(event)
        self._finish()


class MapView(QGraphicsView):
    """Shows a :class:`MapScene` and turns mouse gestures into undoable edits."""

    #: Emitted with a short message for the status bar.
    message = Signal(str)
    #: Emitted when the user asks for a context-menu action the window handles:
    #: (action name, stakeholder id). Names: ``focus1``, ``focus2``, ``route_from``, ``route_to``.
    request = Signal(str, str)
    #: Emitted when Escape is pressed on the canvas (the window shows everything again).
    escape_pressed = Signal()

    def __init__(self, scene: MapScene, document: MapDocument, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.map_scene = scene
        self.document = document
        #: Relationship kind used when connecting.
        self.connect_kind = "influence"
        #: When True a plain drag from a node connects instead of moving.
        self.connect_tool = False
        #: Category given to stakeholders added on the canvas.
        self.new_category = "community"
        #: Plain-language reading per stakeholder id, shown in tooltips when metrics exist.
        self.readings: dict[str, str] = {}
        self._connect_from: NodeItem | None = None
        self._connect_line: QGraphicsLineItem | None = None
        self._pan_from: QPoint | None = None
        self._rename: _RenameEditor | None = None
        #: Whether labels keep a readable size on screen when zoomed out (off in presentation).
        self.screen_sized_labels = True
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(CanvasTheme.background)
        self.setAcceptDrops(False)
        self.setSceneRect(QRectF(-100000, -100000, 200000, 200000))
        self.legend = Legend(document, scene, self)
        #: The canvas theme and text size the items were last drawn for.
        self._drawn_for = (CanvasTheme.high_contrast, NodeItem.text_factor)
        scene.legend_changed.connect(self._place_legend)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        #: Arrow keys, Tab, Enter and T on the map (see :mod:`.keyboard`).
        self.keyboard = MapKeyboard(self)

    # -- zoom, pan, fit ----------------------------------------------------------------
    def zoom_level(self) -> float:
        """Screen pixels per scene unit."""
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor > 1) or out, within sensible limits."""
        target = min(MAX_SCALE, max(MIN_SCALE, self.zoom_level() * factor))
        factor = target / self.zoom_level()
        self.scale(factor, factor)
        self.sync_detail()

    def sync_detail(self) -> None:
        """Match the drawing to the zoom: a large map zoomed out too far to read labels is
        drawn in batches, else item by item; labels are enlarged to stay readable on screen
        (except in presentation mode, which sizes them itself) and decluttered again. A map
        small enough to be drawn item by item shows its names at any zoom: one whose
        positions lie far apart (an imported file's, say) is fitted far out."""
        zoom = self.zoom_level()
        large = len(self.map_scene.nodes) > OVERVIEW_MIN_STAKEHOLDERS
        # Presentation mode always draws every name, so never batches.
        self.map_scene.set_overview(large and zoom < OVERVIEW_BELOW and self.screen_sized_labels)
        if self.screen_sized_labels:
            NodeItem.label_min_lod = LABEL_MIN_LOD if large else 0.0
        self.map_scene.set_labels_drawn(zoom >= NodeItem.label_min_lod and NodeItem.show_labels)
        scale = 1.0
        if self.screen_sized_labels:
            # In eighths, so that small zoom changes do not lay out every label again.
            smallest = LABEL_SCREEN_PX * NodeItem.text_factor
            scale = max(1.0, math.ceil(8 * smallest / (NodeItem.label_px * zoom)) / 8)
        self.map_scene.set_label_scale(scale)

    def setTransform(self, matrix: QTransform, combine: bool = False) -> None:
        """Set the zoom and keep the labels' size on screen in step with it."""
        super().setTransform(matrix, combine)
        self.sync_detail()

    def set_presentation_style(self, active: bool, show_names: bool, label_pt: int) -> None:
        """Projector style: white background, the map stretched to fill the screen, and
        labels sized for the room (see :func:`presentation_label_px`) at the fitted zoom,
        always drawn, placed beside their node when below and above are taken;
        ``show_names=False`` hides them until revealed."""
        self.setBackgroundBrush(QColor("#ffffff") if active else CanvasTheme.background)
        bars = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            if active
            else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        self.setHorizontalScrollBarPolicy(bars)
        self.setVerticalScrollBarPolicy(bars)
        if self.legend.parent() is self:  # a docked legend goes with the docks
            self.legend.setVisible(not active)
        self.screen_sized_labels = not active
        self.map_scene.set_label_scale(1.0)
        if active:
            NodeItem.label_min_lod = 0.0
            NodeItem.label_ems, NodeItem.label_lines = PRESENT_LABEL_EMS, PRESENT_LABEL_LINES
            NodeItem.label_places = (BELOW, ABOVE, RIGHT, LEFT)
            self._fill_screen()
            screen_px = presentation_label_px(label_pt, self.window().height(), self.logicalDpiY())
            # Labels grow as the zoom shrinks to fit them, the fit takes in each label
            # where the declutter pass put it (above a node at the top edge, too), and the
            # stretch takes up the room the labels leave: a few rounds settle them, the
            # last ones a fit so that nothing is cut off.
            self.fit_all()
            for round_ in range(5):
                NodeItem.label_px = max(LABEL_FONT_PX, round(screen_px / self.zoom_level()))
                self.map_scene.restyle_nodes()
                drawn = self.map_scene.drawn_rect()
                self.fitInView(drawn.adjusted(-20, -20, 20, 20), Qt.AspectRatioMode.KeepAspectRatio)
                if round_ < 3:
                    self._stretch_into_room(drawn)
        else:
            NodeItem.use_normal_style()
            self.map_scene.set_stretch(1.0, 1.0)
        NodeItem.show_labels = show_names
        self.map_scene.restyle_nodes()
        self.sync_detail()
        self.viewport().update()

    def _fill_screen(self) -> None:
        """Stretch the drawing along its short side so that its shape is the viewport's."""
        scene = self.map_scene
        spots = [scene.to_model(n.pos()) for n in scene.nodes.values() if n.isVisible()]
        view = self.viewport().size()
        if len(spots) < 2 or view.isEmpty():
            scene.set_stretch(1.0, 1.0)
            return
        xs, ys = [x for x, _y in spots], [y for _x, y in spots]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        wanted = view.width() / view.height()
        if height <= 0 or width <= 0:
            scene.set_stretch(1.0, 1.0)
        elif width / height < wanted:
            scene.set_stretch(min(MAX_STRETCH, wanted * height / width), 1.0)
        else:
            scene.set_stretch(1.0, min(MAX_STRETCH, width / (height * wanted)))

    def _stretch_into_room(self, drawn: QRectF) -> None:
        """Stretch the drawing further along the side where the fitted map, names included,
        leaves room on the screen (names do not stretch, so the positions alone fall short)."""
        view, zoom = self.viewport().size(), self.zoom_level()
        if drawn.isEmpty() or view.isEmpty():
            return
        wide = drawn.width() * zoom / view.width()
        tall = drawn.height() * zoom / view.height()
        sx, sy = self.map_scene.stretch
        if tall < 0.95 * wide:
            sy = min(MAX_STRETCH, sy * wide / tall)
        elif wide < 0.95 * tall:
            sx = min(MAX_STRETCH, sx * tall / wide)
        self.map_scene.set_stretch(sx, sy)

    def fit_all(self) -> None:
        """Zoom and scroll so that everything visible fits in the window."""
        rect = self.map_scene.visible_rect()
        if rect.isNull():
            return
        self._fit_rect(rect.adjusted(-40, -40, 40, 40))
        # Labels enlarged for this zoom, or moved above their node, may reach past the
        # edge: fit around them as drawn, a few times, as they grow when the zoom shrinks.
        scene = self.map_scene
        for _n in range(3):
            if not scene.labels_drawn or scene.overview:
                return
            drawn = scene.drawn_rect()
            if self.mapToScene(self.viewport().rect()).boundingRect().contains(drawn):
                return
            self._fit_rect(drawn.adjusted(-12, -12, 12, 12) | rect)

    def _fit_rect(self, rect: QRectF) -> None:
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.legend.isVisible() and self.legend.parent() is self:
            # Keep the legend (bottom left) clear of the map: reserve a strip on its left
            # or below it, whichever leaves the map larger.
            best = None
            for _n in range(2):
                scale = self.zoom_level()
                width = (self.legend.width() + 8) / scale
                height = (self.legend.height() + 8) / scale
                for candidate in (rect.adjusted(-width, 0, 0, 0), rect.adjusted(0, 0, 0, height)):
                    self.fitInView(candidate, Qt.AspectRatioMode.KeepAspectRatio)
                    if best is None or self.zoom_level() > best[0]:
                        best = (self.zoom_level(), candidate)
                self.fitInView(best[1], Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom_level() > 1.5:
            self.zoom_by(1.5 / self.zoom_level())
        self.sync_detail()

    def centre_on(self, stakeholder_id: str) -> None:
        """Select a stakeholder and bring it to the middle at a readable zoom."""
        node = self.map_scene.nodes.get(stakeholder_id)
        if node is None:
            return
        self.document.selection.set([stakeholder_id])
        if self.zoom_level() < 0.8:
            self.zoom_by(0.8 / self.zoom_level())
        self.centerOn(node)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(ZOOM_STEP**steps)
        event.accept()

    # -- gestures ------------------------------------------------------------------------
    def node_at(self, pos: QPoint) -> NodeItem | None:
        """The stakeholder node under a viewport position, if any."""
        for item in self.items(pos):
            if isinstance(item, NodeItem):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        node = self.node_at(event.position().toPoint())
        connecting = self.connect_tool or event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if event.button() == Qt.MouseButton.LeftButton and node is not None and connecting:
            self._connect_from = node
            line = QGraphicsLineItem()
            pen = QPen(QColor("#333333"), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            line.setPen(pen)
            line.setZValue(10)
            start = node.pos()
            line.setLine(start.x(), start.y(), start.x(), start.y())
            self.scene().addItem(line)
            self._connect_line = line
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self._connect_line is not None and self._connect_from is not None:
            start = self._connect_from.pos()
            end = self.mapToScene(event.position().toPoint())
            self._connect_line.setLine(start.x(), start.y(), end.x(), end.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        if self._connect_line is not None:
            self.scene().removeItem(self._connect_line)
            self._connect_line = None
            source, self._connect_from = self._connect_from, None
            target = self.node_at(event.position().toPoint())
            if source is not None and target is not None and target is not source:
                self.connect(source.sid, target.sid)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._commit_moves()

    def _commit_moves(self) -> None:
        moved = {
            node.sid: self.map_scene.to_model(node.pos())
            for node in self.map_scene.nodes.values()
            if node.isSelected() and node.pos() != node.model_pos
        }
        if moved:
            self.document.try_edit(lambda: MoveStakeholders(self.document.smap, moved))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mouseDoubleClickEvent(event)
            return
        node = self.node_at(event.position().toPoint())
        if node is not None:
            self.start_rename(node.sid)
        elif self.itemAt(event.position().toPoint()) is None:
            self.add_stakeholder(self.mapToScene(event.position().toPoint()))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._connect_line is None:
            self.escape_pressed.emit()
            event.accept()
            return
        if self._connect_line is None and self.keyboard.handle(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab walks the stakeholders while the map itself has the focus; at either end of
        the walk (or with Ctrl+Tab, see :meth:`leave`) the focus moves on as usual."""
        if self.hasFocus() and self.keyboard.walk(next):
            return True
        return super().focusNextPrevChild(next)

    def leave(self, forward: bool = True) -> bool:
        """Move the keyboard focus to the next (or previous) control after the map."""
        return super().focusNextPrevChild(forward)

    def _focus_ring(self, stakeholder_id: str | None) -> QRectF | None:
        """Where the focus ring around a stakeholder goes, in scene units (None if hidden)."""
        node = self.map_scene.nodes.get(stakeholder_id or "")
        if node is None or not node.isVisible():
            return None
        pad = 9 / max(self.zoom_level(), 1e-6)
        return node.outline().boundingRect().translated(node.pos()).adjusted(-pad, -pad, pad, pad)

    def refresh_focus_ring(self, *stakeholder_ids: str | None) -> None:
        """Repaint where the focus ring was or now is around these stakeholders (only that
        part of the map: a large map is not repainted at each key)."""
        for sid in stakeholder_ids:
            box = self._focus_ring(sid)
            if box is not None:
                area = self.mapFromScene(box).boundingRect().adjusted(-4, -4, 4, 4)
                self.viewport().update(area)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.refresh_focus_ring(self.keyboard.current)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.refresh_focus_ring(self.keyboard.current)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """A focus ring around the current stakeholder while the map has the keyboard focus,
        so that a keyboard user sees where the keys start from."""
        super().drawForeground(painter, rect)
        box = self._focus_ring(self.keyboard.current)
        if box is None or not self.hasFocus() or not box.intersects(rect):
            return
        node = self.map_scene.nodes[self.keyboard.current]
        if node.label_place != HIDDEN:
            # The ring goes round the node, never across its name.
            name = node.label_rect(node.label_place).translated(node.pos())
            outside = QPainterPath()
            outside.setFillRule(Qt.FillRule.OddEvenFill)
            outside.addRect(box.adjusted(-20, -20, 20, 20).united(name))
            outside.addRect(name)
            painter.setClipPath(outside, Qt.ClipOperation.IntersectClip)
        for colour, width, style in (
            (QColor("#ffffff"), 6.0, Qt.PenStyle.SolidLine),
            (QColor("#1a1a1a"), 3.0, Qt.PenStyle.DashLine),
        ):
            pen = QPen(colour, width, style)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(box)

    # -- edits ----------------------------------------------------------------------------
    def add_stakeholder(self, at: QPointF, rename: bool = True) -> str | None:
        """Add a stakeholder of the current category at ``at`` and edit its name in place."""
        smap = self.document.smap
        sid = smap.new_id("s")
        name = _("New stakeholder {number}")
        start = name.split("{number}")[0]
        count = sum(1 for s in smap.stakeholders.values() if s.label.startswith(start))
        label = name.format(number=count + 1)
        category = self.new_category if self.new_category in smap.categories else None
        category = category or next(iter(smap.categories))
        stakeholder = Stakeholder(sid, label, category)
        xy = self.map_scene.to_model(at)
        if not self.document.try_edit(lambda: AddStakeholder(smap, stakeholder, xy)):
            return None
        self.document.selection.set([sid])
        if rename:
            self.start_rename(sid)
        return sid

    def connect(self, source: str, target: str) -> str | None:
        """Add a relationship of the palette's kind from ``source`` to ``target``; when that
        tie is already on the map, select it and say so instead of doubling it."""
        smap = self.document.smap
        kind = smap.kinds.get(self.connect_kind) or next(iter(smap.kinds.values()))
        existing = same_tie(smap.relationships.values(), source, target, kind.id, kind.directed)
        if existing is not None:
            self.document.selection.set([], [existing.id])
            message = (
                _("The {kind} tie from {source} to {target} already exists; it is selected.")
                if kind.directed
                else _(
                    "The {kind} tie between {source} and {target} already exists; it is selected."
                )
            )
            self.message.emit(
                message.format(
                    kind=kind.name,
                    source=smap.stakeholders[source].label,
                    target=smap.stakeholders[target].label,
                )
            )
            return None
        rid = smap.new_id("r")
        relationship = Relationship(
            rid, source, target, kind=kind.id, directed=kind.directed, valence=kind.valence
        )
        if self.document.try_edit(lambda: AddRelationship(smap, relationship)):
            self.document.selection.set([], [rid])
            return rid
        return None

    def start_rename(self, stakeholder_id: str) -> QLineEdit | None:
        """Open a line editor over the stakeholder's label; Enter renames it (one undo step)."""
        node = self.map_scene.nodes.get(stakeholder_id)
        if node is None:
            return None
        if self._rename is not None:
            self._rename.deleteLater()
        if not self.viewport().rect().contains(self.mapFromScene(node.pos())):
            self.centerOn(node)

        def commit(text: str) -> None:
            self._rename = None
            smap = self.document.smap
            if stakeholder_id not in smap.stakeholders:
                return
            if text.strip() == smap.stakeholders[stakeholder_id].label:
                return
            self.document.try_edit(
                lambda: UpdateStakeholder(smap, stakeholder_id, label=text.strip())
            )

        def cancel() -> None:
            self._rename = None

        editor = _RenameEditor(self.viewport(), commit, cancel)
        editor.setText(self.document.smap.stakeholders[stakeholder_id].label)
        editor.selectAll()
        width = 220
        anchor = self.mapFromScene(node.pos() + QPointF(0, node.radius + 4))
        height = editor.sizeHint().height()
        # Under the node, but kept whole inside the canvas near its edges.
        area = self.viewport().rect()
        width = min(width, area.width())
        x = min(max(anchor.x() - width // 2, 0), area.width() - width)
        y = min(max(anchor.y(), 0), area.height() - height)
        editor.setGeometry(x, y, width, height)
        editor.show()
        editor.setFocus()
        self._rename = editor
        return editor

    # -- tooltips and context menus ------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            item = self.itemAt(event.pos())
            text = self.tooltip_for(item) if item is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_for(self, item: object) -> str:
        """Rich text describing a node or an edge (what the hover tooltip shows)."""
        smap = self.document.smap
        if isinstance(item, NodeItem) and item.sid in smap.stakeholders:
            s = smap.stakeholders[item.sid]
            category = smap.categories.get(s.category)
            rows = [f"<b>{_esc(s.label)}</b>", _esc(category.name if category else s.category)]
            if s.organisation:
                rows.append(_esc(s.organisation))
            scales = ", ".join(
                f"{name} {_fmt(getattr(s, field))}"
                for field, name in (
                    ("power", _("power")),
                    ("interest", _("interest")),
                    ("position", _("position")),
                    ("trust", _("trust")),
                )
            )
            rows.append(scales)
            if s.tags:
                rows.append(_("tags: {tags}").format(tags=_esc(", ".join(s.tags))))
            reading = self.readings.get(item.sid)
            if reading:
                rows.append(f"<i>{_esc(reading)}</i>")
            return "<br>".join(rows)
        if isinstance(item, EdgeItem) and item.rid in smap.relationships:
            r = smap.relationships[item.rid]
            kind = smap.kinds.get(r.kind)
            arrow = "→" if r.directed else "—"
            source, target = smap.stakeholders[r.source].label, smap.stakeholders[r.target].label
            return "<br>".join(
                [
                    f"<b>{_esc(source)} {arrow} {_esc(target)}</b>",
                    _("{kind}, strength {strength}, {valence}, {confidence}").format(
                        kind=_esc(kind.name if kind else r.kind),
                        strength=r.strength,
                        valence=r.valence,
                        confidence=r.confidence,
                    ),
                    *([_esc(r.notes)] if r.notes else []),
                ]
            )
        return ""

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.itemAt(event.pos())
        menu = self.context_menu(item, self.mapToScene(event.pos()))
        menu.exec(event.globalPos())

    def context_menu(self, item: object, scene_pos: QPointF) -> QMenu:
        """The context menu for a node, an edge or empty canvas."""
        menu = QMenu(self)
        window = self.window()
        actions: dict[str, object] = getattr(window, "canvas_actions", {})
        if isinstance(item, NodeItem):
            if not item.isSelected():
                self.document.selection.set([item.sid])
            sid = item.sid
            menu.addAction(_("Rename"), lambda: self.start_rename(sid))
            pinned = sid in self.document.smap.pinned
            menu.addAction(
                _("Unpin position") if pinned else _("Pin position"),
                lambda: self.document.try_edit(
                    lambda: MoveStakeholders(self.document.smap, {}, {sid: not pinned})
                ),
            )
            menu.addSeparator()
            menu.addAction(
                _("Focus on ego network (1 step)"), lambda: self.request.emit("focus1", sid)
            )
            menu.addAction(
                _("Focus on ego network (2 steps)"), lambda: self.request.emit("focus2", sid)
            )
            menu.addAction(
                _("Trusted route from here…"), lambda: self.request.emit("route_from", sid)
            )
            menu.addAction(_("Trusted route to here…"), lambda: self.request.emit("route_to", sid))
            menu.addSeparator()
        elif isinstance(item, EdgeItem):
            if not item.isSelected():
                self.document.selection.set([], [item.rid])
        else:
            menu.addAction(
                _("Add stakeholder here"), lambda: self.add_stakeholder(scene_pos, rename=True)
            )
        for name in ("delete", "fit", "layout", "clear_focus"):
            action = actions.get(name)
            if action is not None and action.isEnabled():
                menu.addAction(action)
        return menu

    # -- legend ------------------------------------------------------------------------------
    def resizeEvent(self, event: QEvent) -> None:
        super().resizeEvent(event)
        self._place_legend()

    def changeEvent(self, event: QEvent) -> None:
        """A new text size or theme (View menu) arrives as a font or palette change."""
        changes = (QEvent.Type.FontChange, QEvent.Type.PaletteChange)
        drawn_for = (CanvasTheme.high_contrast, NodeItem.text_factor)
        if event.type() in changes and drawn_for != self._drawn_for:
            self.restyle()
        super().changeEvent(event)

    def restyle(self) -> None:
        """Draw the map again after the canvas theme or the text size changed."""
        self._drawn_for = (CanvasTheme.high_contrast, NodeItem.text_factor)
        self.setBackgroundBrush(CanvasTheme.background)
        if self.screen_sized_labels:
            NodeItem.label_px = NodeItem.normal_label_px()
        self.map_scene.restyle()
        self._place_legend()
        self.viewport().update()

    def _place_legend(self) -> None:
        self.sync_detail()
        self.legend.refresh()
        if self.legend.parent() is not self:
            return  # the window shows the legend in a dock
        size = self.legend.sizeHint()
        # In the corner where lines start: bottom left, or bottom right when right to left.
        x = self.width() - size.width() - 8 if self.isRightToLeft() else 8
        self.legend.setGeometry(x, self.viewport().height() - size.height() - 8, *size.toTuple())


def presentation_label_px(label_pt: int, screen_height: int, dpi: float) -> float:
    """Height of a presentation label on screen, in pixels: ``label_pt`` points on a screen
    :data:`PRESENT_REFERENCE_HEIGHT` pixels high, scaled with the screen's height within
    :data:`PRESENT_SCALE_BOUNDS` (20 pt gives 20 px at 1280 x 720, 27 px at 1920 x 1080).
    """
    low, high = PRESENT_SCALE_BOUNDS
    share = min(high, max(low, screen_height / PRESENT_REFERENCE_HEIGHT))
    return label_pt * dpi / 72 * share


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fmt(value: int | None) -> str:
    if value is None:
        return _("unknown")
    return str(value)
