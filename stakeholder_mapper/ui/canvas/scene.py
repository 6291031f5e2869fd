"""The network canvas scene: items kept in step with the map through its change notifications.

Why QGraphicsScene and not pyqtgraph: the canvas is an editor (select, drag, connect,
rename in place, context menus, rubber band) of a few thousand items with their own
shapes, and QGraphicsScene provides hit testing, a spatial index, selection, item
caching and level-of-detail painting for exactly that. pyqtgraph serves the charts,
where data are plotted on axes.

The scene never changes the map. It shows the map (positions, categories, kinds), the
chosen size metric, filters, focus on an ego network and the highlighted route, and it
mirrors the shared selection. Stakeholders always named (our branch, the top brokers,
the most powerful) are labelled before any other. Presentation mode may stretch the
drawing along one axis so that the map fills a wide screen (:meth:`MapScene.set_stretch`):
positions on the canvas are then the map's positions times the stretch, and
:meth:`MapScene.to_model` turns them back.
"""

from __future__ import annotations

import itertools
import math
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from ...core.model import ChangeKind, ModelChange, Relationship, Stakeholder, StakeholderMap
from ...core.node_size import rating_radius
from ...core.placement import fallback_position
from ...core.styles import category_badges, tie_look
from ..document import MapDocument
from .items import HIDDEN, LEFT, RIGHT, EdgeItem, NodeItem, OverviewLayer

__all__ = ["CanvasFilter", "MapScene"]

#: Distance between parallel ties of the same pair, in scene units.
PARALLEL_GAP = 26.0
MIN_RADIUS, MAX_RADIUS = 10.0, 34.0
#: Smallest side of the grid cells used to find colliding labels quickly, in scene units;
#: cells grow with the labels (enlarged when zoomed out) so that each touches a few only.
_LABEL_CELL = 160.0
#: Depth of the scene's spatial index. Qt's default grows with the number of items (about
#: log2 of it, 16 levels for a map of 10,000 stakeholders), and a tie that crosses the map
#: is filed in every cell it passes: indexing such a map took five seconds before its
#: first paint. Six levels index it in a fraction of that and repaint faster at any zoom.
BSP_DEPTH = 6
#: A scene built in steps draws its relationships in steps when it has more than this many
#: (see :class:`MapScene`), each step lasting about :data:`STEP_MS` milliseconds.
EDGE_STEP = 2000
STEP_MS = 150
#: Relationships drawn between two looks at the clock.
_STEP_CHUNK = 100


@dataclass
class CanvasFilter:
    """What the canvas shows: ``None`` means no restriction."""

    categories: set[str] | None = None
    kinds: set[str] | None = None
    tag: str | None = None
    min_strength: int = 1

    def shows_stakeholder(self, stakeholder: Stakeholder) -> bool:
        """Whether the stakeholder passes the category and tag filters."""
        if self.categories is not None and stakeholder.category not in self.categories:
            return False
        return self.tag is None or self.tag in stakeholder.tags

    def shows_relationship(self, relationship: Relationship) -> bool:
        """Whether the tie passes the kind and strength filters."""
        if self.kinds is not None and relationship.kind not in self.kinds:
            return False
        return relationship.strength >= self.min_strength


@dataclass
class _Highlight:
    stakeholders: set[str] = field(default_factory=set)
    relationships: set[str] = field(default_factory=set)


class MapScene(QGraphicsScene):
    """Node and edge items for every stakeholder and relationship of the document's map."""

    #: Emitted when what is visible changed (filters, focus); the view may refit.
    visibility_changed = Signal()
    #: Emitted when categories or kinds in use changed (for the legend).
    legend_changed = Signal()
    #: Emitted with the ids of stakeholders just added that the filter or focus would hide:
    #: they are shown anyway, so that what the user adds never vanishes.
    revealed = Signal(list)
    #: Emitted while a scene built in steps draws its relationships: (drawn, total);
    #: drawn equals total when the scene is complete.
    building = Signal(int, int)
    #: Emitted when a scene built in steps has drawn its last relationship.
    built = Signal()

    def __init__(self, document: MapDocument, stepped: bool = False) -> None:
        """Items for every stakeholder and relationship of ``document``'s map.

        With ``stepped`` the relationships of a map with more than :data:`EDGE_STEP` of them
        are drawn :data:`STEP_MS` milliseconds at a time from the event loop, after the
        stakeholders, so that a window shows a large map at once and answers while its
        ties fill in
        (:attr:`building` reports how far). Anything that needs every tie finishes the
        build first (:meth:`finish_building`).
        """
        super().__init__()
        self.document = document
        self.stepped = stepped
        #: Relationship ids still to draw when building in steps, in map order.
        self._pending: list[str] = []
        self._pending_total = 0
        self._step_timer = QTimer(self, singleShot=True, interval=0)
        self._step_timer.timeout.connect(self._draw_step)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[str, EdgeItem] = {}
        self.filter = CanvasFilter()
        #: Ego-network focus: (stakeholder id, steps) or None.
        self.focus: tuple[str, int] | None = None
        #: Stakeholders added while the filter or focus hides them, shown until either changes.
        self.shown_anyway: set[str] = set()
        self._route = _Highlight()
        #: Stakeholders whose names always show (see :meth:`set_key_stakeholders`).
        self.key_stakeholders: set[str] = set()
        #: Horizontal and vertical stretch of the drawing (see :meth:`set_stretch`).
        self.stretch = (1.0, 1.0)
        self.size_by = "power"
        self._size_values: dict[str, float] = {}
        self._pairs: dict[frozenset[str], list[str]] = defaultdict(list)
        self._syncing_selection = False
        #: Whether the batched overview drawing is on (large map, zoomed out).
        self.overview = False
        #: Whether labels are drawn at the view's zoom (the view says); when not, the
        #: declutter pass waits until they are.
        self.labels_drawn = True
        self._labels_dirty = True
        self._label_scale = NodeItem.label_scale
        self.overview_layer = OverviewLayer()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBspTreeDepth(BSP_DEPTH)
        document.changed.connect(self._on_model_change)
        document.selection.changed.connect(self._on_shared_selection_changed)
        self.selectionChanged.connect(self._on_scene_selection_changed)
        self.rebuild()

    @property
    def smap(self) -> StakeholderMap:
        """The map shown."""
        return self.document.smap

    # -- building ----------------------------------------------------------------------
    def rebuild(self) -> None:
        """Recreate every item from the map (on load, reset or a change of categories)."""
        self._step_timer.stop()
        self._syncing_selection = True
        try:
            # Forget the items before deleting them: clearing the scene may report a
            # change of selection, and the labels must not be placed on deleted nodes.
            self.nodes.clear()
            self.edges.clear()
            self._pairs.clear()
            self.clear()
            self.overview_layer = OverviewLayer()
            self.overview_layer.nodes, self.overview_layer.edges = self.nodes, self.edges
            self.addItem(self.overview_layer)
            for index, sid in enumerate(self.smap.stakeholders):
                self._add_node(sid, index)
            self._pending = list(self.smap.relationships)
            self._pending_total = len(self._pending)
            if not (self.stepped and self._pending_total > EDGE_STEP):
                self._draw_edges(self._pending)
                self._pending = []
                for rids in self._pairs.values():
                    self._spread(rids)
        finally:
            self._syncing_selection = False
        self._apply_visibility()
        self._on_shared_selection_changed(None)
        self.legend_changed.emit()
        if self._pending:
            self.building.emit(0, self._pending_total)
            self._step_timer.start()

    def _draw_edges(self, rids: list[str], shown: set[str] | None = None) -> None:
        """Add items for ``rids``; with ``shown`` (the stakeholders the filter and focus let
        through) each is shown or hidden as :meth:`_apply_visibility` would, before it is
        added, so that hidden ties (all of them in overview) cost no repaint."""
        # The map is notified after a change: a pending tie may have been removed already.
        relationships = self.smap.relationships
        for rid in rids:
            r = relationships.get(rid)
            if r is None:
                continue
            visible = None
            if shown is not None:
                visible = (
                    r.source in shown and r.target in shown and self.filter.shows_relationship(r)
                )
                if visible:
                    self.overview_layer.shown_edges.add(rid)
                visible = visible and not self.overview
            self._add_edge(rid, update_pair=False, visible=visible)

    def _draw_step(self) -> None:
        """Draw pending relationships for :data:`STEP_MS`, shown as the filter says."""
        deadline = time.monotonic() + STEP_MS / 1000
        shown = self._passing()
        drawn = 0
        while drawn < len(self._pending) and time.monotonic() < deadline:
            self._draw_edges(self._pending[drawn : drawn + _STEP_CHUNK], shown)
            drawn += _STEP_CHUNK
        self._pending = self._pending[drawn:]
        if self._pending:
            self._step_timer.start()
        else:
            self._complete_build()
        self.building.emit(self._pending_total - len(self._pending), self._pending_total)

    def _complete_build(self) -> None:
        for rids in self._pairs.values():
            if len(rids) > 1:  # a single tie stays straight
                self._spread(rids)
        self._refresh_overview()
        self._on_shared_selection_changed(None)
        self.built.emit()

    @property
    def drawing_ties(self) -> bool:
        """Whether relationships are still being drawn in steps."""
        return bool(self._pending)

    def finish_building(self) -> None:
        """Draw every relationship still pending now (before an edit, a filter, an export)."""
        if not self._pending:
            return
        self._step_timer.stop()
        self._draw_edges(self._pending)
        self._pending = []
        self._complete_build()
        self._apply_visibility()
        self.building.emit(self._pending_total, self._pending_total)

    def _position_of(self, sid: str, index: int | None = None) -> QPointF:
        xy = self.smap.positions.get(sid)
        if xy is None:
            if index is None:
                index = list(self.smap.stakeholders).index(sid)
            xy = fallback_position(index)
        return self.to_scene(xy)

    def to_scene(self, xy: tuple[float, float]) -> QPointF:
        """Where a map position is drawn on the canvas (the stretch applied)."""
        return QPointF(xy[0] * self.stretch[0], xy[1] * self.stretch[1])

    def to_model(self, point: QPointF) -> tuple[float, float]:
        """The map position of a point on the canvas (the stretch undone)."""
        return (point.x() / self.stretch[0], point.y() / self.stretch[1])

    def set_stretch(self, sx: float, sy: float) -> None:
        """Draw the map ``sx`` times wider and ``sy`` times taller than its positions say,
        shapes and labels unchanged, so that presentation mode fills a screen of another
        shape than the map; (1, 1) draws the positions as they are."""
        if (sx, sy) == self.stretch:
            return
        self.finish_building()
        self.stretch = (sx, sy)
        for sid, node in self.nodes.items():
            node.model_pos = self._position_of(sid)
            node.setPos(node.model_pos)
        self._refresh_overview()
        self.place_labels()

    def _add_node(self, sid: str, index: int | None = None) -> NodeItem:
        node = NodeItem(sid)
        node.set_key(sid in self.key_stakeholders)
        self.nodes[sid] = node
        self._configure_node(node)
        node.model_pos = self._position_of(sid, index)
        node.setPos(node.model_pos)
        self._set_node_overview(node)
        self.addItem(node)
        return node

    def _set_node_overview(self, node: NodeItem) -> None:
        node.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, self.overview)
        node.layer = self.overview_layer if self.overview else None

    # -- labels ------------------------------------------------------------------------
    def set_label_scale(self, scale: float) -> None:
        """Enlarge every label by ``scale`` (the view keeps labels readable when zoomed out).

        In overview no label is drawn, so the labels are laid out again only on leaving it.
        """
        self._label_scale = scale
        if scale == NodeItem.label_scale or self.overview:
            return
        NodeItem.label_scale = scale
        for node in self.nodes.values():
            node.update_label_geometry()
        self.place_labels()

    def set_labels_drawn(self, drawn: bool) -> None:
        """Tell whether labels are drawn at the view's zoom; placing them waits until they are."""
        self.labels_drawn = drawn
        if drawn and self._labels_dirty:
            self.place_labels()

    def place_labels(self) -> None:
        """Declutter the labels: most important stakeholders first, each label goes below its
        node, else above it, else is hidden, so that no two drawn labels overlap and no label
        covers another stakeholder's node (a name drawn under a shape would be cut), except
        the label of a selected node, which is drawn on top of the others.

        Importance: selected, then on the highlighted route (the route is what the user
        asked to see), then always named (:attr:`key_stakeholders`), then larger node (power
        or the chosen metric), then higher power, then name. An always-named or on-route
        label may lie over other nodes (it is drawn above them)
        when no place is free of them. Hidden labels come back on zoom-in (labels shrink in
        scene units), on hover and on selection.
        """
        if not self.labels_drawn or self.overview:
            self._labels_dirty = True
            return
        self._labels_dirty = False
        route = self._route.stakeholders
        key = self.key_stakeholders
        stakeholders = self.smap.stakeholders

        def importance(node: NodeItem) -> tuple[bool, bool, bool, float, int, str]:
            s = stakeholders.get(node.sid)
            power = s.power if s is not None and s.power is not None else 0
            return (
                not node.isSelected(),
                node.sid not in route,
                node.sid not in key,
                -node.radius,
                -power,
                node.label,
            )

        ranked = sorted((n for n in self.nodes.values() if n.isVisible()), key=importance)
        widest = max((n.label_rect().width() for n in ranked), default=0.0)
        cell = max(_LABEL_CELL, widest)
        # Node shapes with their rank: a label never covers another stakeholder's node.
        shapes: dict[tuple[int, int], list[tuple[float, float, float, float, int]]]
        shapes = defaultdict(list)
        for rank, node in enumerate(ranked):
            # The shape's box, less its rim: grazing a node's edge hides nothing.
            r = node.outline().boundingRect().translated(node.pos())
            rim = 0.15 * r.width() / 2
            shape_box = (r.left() + rim, r.top() + rim, r.right() - rim, r.bottom() - rim, rank)
            for c in _cells(shape_box, cell):
                shapes[c].append(shape_box)
        labels: dict[tuple[int, int], list[tuple[float, float, float, float]]] = defaultdict(list)
        for rank, node in enumerate(ranked):
            if not node.label:
                node.set_label_place(HIDDEN)
                continue
            x, y = node.pos().x(), node.pos().y()
            free = []
            places = NodeItem.label_places
            if node.key or node.sid in route:
                # A name that must show may also go beside its node before lying over another
                # (a selected one is drawn on top of everything, so it stays below its node).
                places = places + tuple(p for p in (RIGHT, LEFT) if p not in places)
            for order, place in enumerate(places):
                r = node.label_rect(place)
                box = (x + r.left(), y + r.top(), x + r.right(), y + r.bottom())
                cells = _cells(box, cell)
                if any(_overlaps(box, other) for c in cells for other in labels.get(c, ())):
                    continue
                covers = any(
                    other[4] != rank and _overlaps(box, other)
                    for c in cells
                    for other in shapes.get(c, ())
                )
                # A selected, always-named or on-route node is drawn on top, so its label
                # may lie over other nodes.
                if covers and not (node.isSelected() or node.key or node.sid in route):
                    continue
                free.append((covers, order, place, box, cells))
            if not free:
                node.set_label_place(HIDDEN)
                continue
            _covers, _order, place, box, cells = min(free, key=lambda f: f[:2])
            for c in cells:
                labels[c].append(box)
            node.set_label_place(place)

    def set_overview(self, on: bool) -> None:
        """Switch the batched overview drawing on (large map zoomed out) or off."""
        if on == self.overview:
            return
        self.overview = on
        for node in self.nodes.values():
            self._set_node_overview(node)
        self.overview_layer.setVisible(on)
        self._apply_visibility()
        if not on:
            self.set_label_scale(self._label_scale)

    def _configure_node(self, node: NodeItem) -> None:
        stakeholder = self.smap.stakeholders[node.sid]
        category = self.smap.categories.get(stakeholder.category)
        # A colour the stakeholder brought from Gephi or yEd is drawn over its category's;
        # the shape still tells the category.
        colour = stakeholder.colour or (category.colour if category else "#999999")
        shape = category.shape if category else "circle"
        node.configure(
            stakeholder.label,
            colour,
            shape,
            self._radius(stakeholder),
            node.sid in self.smap.pinned,
            category_badges(self.smap.categories.values()).get(stakeholder.category, ""),
        )

    def restyle_nodes(self) -> None:
        """Lay out every node again after the shared label style changed."""
        for node in self.nodes.values():
            self._configure_node(node)
        self.place_labels()

    def restyle(self) -> None:
        """Draw every node and tie again after the canvas theme changed."""
        for edge in self.edges.values():
            self._configure_edge(edge)
        self.restyle_nodes()
        self.overview_layer.invalidate()
        self.update()

    def _radius(self, stakeholder: Stakeholder) -> float:
        if self.size_by in ("power", "interest"):
            return rating_radius(getattr(stakeholder, self.size_by))
        if self.size_by == "influence":
            value = stakeholder.influence
            return 12.0 if value is None else min(MAX_RADIUS, 10.0 + 3.0 * math.sqrt(value))
        value = self._size_values.get(stakeholder.id)
        # The area, not the radius, grows with the value: a broker on a quarter of the
        # routes looks half as wide as the top one, not a quarter, and stays visible.
        if value is None:
            return MIN_RADIUS
        return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(value)

    def _add_edge(
        self, rid: str, update_pair: bool = True, visible: bool | None = None
    ) -> EdgeItem:
        relationship = self.smap.relationships[rid]
        edge = EdgeItem(rid, self.nodes[relationship.source], self.nodes[relationship.target])
        self.edges[rid] = edge
        self._configure_edge(edge)
        if visible is not None:
            edge.setVisible(visible)
        self.addItem(edge)
        pair = frozenset((relationship.source, relationship.target))
        self._pairs[pair].append(rid)
        if update_pair:
            self._spread(self._pairs[pair])
        return edge

    def _configure_edge(self, edge: EdgeItem) -> None:
        relationship = self.smap.relationships[edge.rid]
        edge.configure(
            tie_look(self.smap.kinds, relationship.kind, relationship.valence == "negative"),
            relationship.strength,
            relationship.directed,
        )

    def _spread(self, rids: list[str]) -> None:
        """Bend parallel ties of one pair apart, symmetrically around the straight line."""
        if not rids:
            return
        first = self.smap.relationships[rids[0]]
        count = len(rids)
        for i, rid in enumerate(rids):
            relationship = self.smap.relationships[rid]
            sign = 1.0 if relationship.source == first.source else -1.0
            self.edges[rid].set_offset(sign * (i - (count - 1) / 2) * PARALLEL_GAP)

    def _remove_edge(self, rid: str) -> None:
        edge = self.edges.pop(rid)
        edge.detach()
        self.removeItem(edge)
        for pair, rids in list(self._pairs.items()):
            if rid in rids:
                rids.remove(rid)
                if rids:
                    self._spread(rids)
                else:
                    del self._pairs[pair]
                break

    # -- model changes -----------------------------------------------------------------
    def _on_model_change(self, change: ModelChange) -> None:
        kind = change.kind
        if kind is not ChangeKind.RESET:
            self.finish_building()
        self._syncing_selection = True
        try:
            if kind is ChangeKind.RESET:
                self.focus = None
                self.shown_anyway.clear()
                self._route = _Highlight()
                self._size_values = {}
                self.key_stakeholders = set()
                self.rebuild()
                return
            if kind is ChangeKind.STAKEHOLDER_ADDED:
                for sid in change.ids:
                    self._add_node(sid)
                passing = self._passing()
                hidden = [sid for sid in change.ids if sid not in passing]
                self.shown_anyway.update(hidden)
                if hidden:
                    self.revealed.emit(hidden)
            elif kind is ChangeKind.STAKEHOLDER_REMOVED:
                self.shown_anyway.difference_update(change.ids)
                for sid in change.ids:
                    node = self.nodes.pop(sid)
                    for edge in list(node.edges):
                        self._remove_edge(edge.rid)
                    self.removeItem(node)
                if self.focus and self.focus[0] not in self.smap.stakeholders:
                    self.focus = None
            elif kind is ChangeKind.STAKEHOLDER_CHANGED:
                for sid in change.ids:
                    self._configure_node(self.nodes[sid])
            elif kind is ChangeKind.RELATIONSHIP_ADDED:
                for rid in change.ids:
                    self._add_edge(rid)
            elif kind is ChangeKind.RELATIONSHIP_REMOVED:
                # A tie removed before its turn to be drawn has no item.
                for rid in (r for r in change.ids if r in self.edges):
                    self._remove_edge(rid)
            elif kind is ChangeKind.RELATIONSHIP_CHANGED:
                for rid in change.ids:
                    edge = self.edges[rid]
                    relationship = self.smap.relationships[rid]
                    if (edge.source.sid, edge.target.sid) != (
                        relationship.source,
                        relationship.target,
                    ):
                        self._remove_edge(rid)
                        self._add_edge(rid)
                    else:
                        self._configure_edge(edge)
            elif kind is ChangeKind.POSITIONS_CHANGED:
                for sid in change.ids:
                    node = self.nodes.get(sid)
                    if node is None:
                        continue
                    node.model_pos = self._position_of(sid)
                    node.setPos(node.model_pos)
                    self._configure_node(node)
                self._refresh_overview()
                self.place_labels()
                return
            elif kind in (
                ChangeKind.CATEGORY_ADDED,
                ChangeKind.CATEGORY_CHANGED,
                ChangeKind.CATEGORY_REMOVED,
            ):
                # Badges are unique among a map's categories: one change may move others'.
                for node in self.nodes.values():
                    self._configure_node(node)
            elif kind in (ChangeKind.KIND_ADDED, ChangeKind.KIND_CHANGED, ChangeKind.KIND_REMOVED):
                for edge in self.edges.values():
                    self._configure_edge(edge)
            else:
                return
        finally:
            self._syncing_selection = False
        self._apply_visibility()
        self.legend_changed.emit()

    # -- what is shown ----------------------------------------------------------------
    def set_filter(self, canvas_filter: CanvasFilter) -> None:
        """Show only what passes ``canvas_filter``."""
        if canvas_filter == self.filter and not self.shown_anyway:
            return  # nothing would change (the window sets the filter again on each load)
        self.finish_building()
        self.filter = canvas_filter
        self.shown_anyway.clear()
        self._apply_visibility()
        self.visibility_changed.emit()

    def set_focus(self, stakeholder_id: str | None, steps: int = 1) -> None:
        """Show only the stakeholder's ego network up to ``steps`` ties away (None: everyone)."""
        self.finish_building()
        self.focus = None if stakeholder_id is None else (stakeholder_id, steps)
        self.shown_anyway.clear()
        self._apply_visibility()
        self.visibility_changed.emit()

    def set_route(self, stakeholders: Iterable[str]) -> None:
        """Highlight a route (a sequence of stakeholder ids); an empty one clears it."""
        self.finish_building()
        path = list(stakeholders)
        route = _Highlight(set(path))
        for a, b in itertools.pairwise(path):
            candidates = [
                self.smap.relationships[rid]
                for rid in self._pairs.get(frozenset((a, b)), [])
                if self.smap.relationships[rid].valence == "positive"
            ]
            forward = [r for r in candidates if (r.source, r.target) == (a, b) or not r.directed]
            best = max(forward or candidates, key=lambda r: r.strength, default=None)
            if best is not None:
                route.relationships.add(best.id)
        self._route = route
        self._apply_states()
        self._refresh_overview()
        self.place_labels()

    def set_key_stakeholders(self, ids: Iterable[str]) -> None:
        """Always name these stakeholders (our branch, the top brokers, the most powerful):
        their labels are placed before any other's."""
        wanted = set(ids)
        if wanted == self.key_stakeholders:
            return
        self.key_stakeholders = wanted
        for sid, node in self.nodes.items():
            node.set_key(sid in self.key_stakeholders)
        self.place_labels()

    @property
    def route(self) -> list[str]:
        """Stakeholder ids on the highlighted route (unordered)."""
        return sorted(self._route.stakeholders)

    def set_size_by(self, name: str, values: dict[str, float] | None = None) -> None:
        """Size nodes by ``power``, ``interest``, ``influence`` or the given metric values.

        Metric values are scaled to the node size range between their minimum and maximum,
        the area growing with the value.
        """
        scaled: dict[str, float] = {}
        if values:
            finite = {k: v for k, v in values.items() if v is not None and math.isfinite(v)}
            if finite:
                low, high = min(finite.values()), max(finite.values())
                span = (high - low) or 1.0
                scaled = {k: (v - low) / span for k, v in finite.items()}
        if (name, scaled) == (self.size_by, self._size_values):
            # New metrics after an edit that moved no one's brokerage, or power again (its
            # sizes follow each edit already): nothing to redraw.
            return
        self.size_by = name
        self._size_values = scaled
        for node in self.nodes.values():
            self._configure_node(node)
        self._refresh_overview()
        self.place_labels()

    def ego_network(self, stakeholder_id: str, steps: int) -> set[str]:
        """Stakeholders within ``steps`` ties (either direction) of the given one."""
        neighbours: dict[str, set[str]] = defaultdict(set)
        for r in self.smap.relationships.values():
            if self.filter.shows_relationship(r):
                neighbours[r.source].add(r.target)
                neighbours[r.target].add(r.source)
        seen, frontier = {stakeholder_id}, {stakeholder_id}
        for _n in range(steps):
            frontier = {n for s in frontier for n in neighbours[s]} - seen
            seen |= frontier
        return seen

    def visible_stakeholders(self) -> set[str]:
        """Ids of the stakeholders currently drawn."""
        return {sid for sid, node in self.nodes.items() if node.isVisible()}

    def _passing(self) -> set[str]:
        """Ids of the stakeholders the filter and the focus let through."""
        shown = {
            sid for sid, s in self.smap.stakeholders.items() if self.filter.shows_stakeholder(s)
        }
        if self.focus is not None:
            shown &= self.ego_network(*self.focus) | {self.focus[0]}
        return shown

    def _apply_visibility(self) -> None:
        shown = self._passing() | (self.shown_anyway & self.smap.stakeholders.keys())
        for sid, node in self.nodes.items():
            node.setVisible(sid in shown)
        shown_edges = set()
        for rid, edge in self.edges.items():
            r = self.smap.relationships[rid]
            if r.source in shown and r.target in shown and self.filter.shows_relationship(r):
                shown_edges.add(rid)
            edge.setVisible(rid in shown_edges and not self.overview)
        self.overview_layer.shown_edges = shown_edges
        self._apply_states()
        self._refresh_overview()
        self.place_labels()

    def _refresh_overview(self) -> None:
        if not self.overview:
            return
        rect = QRectF()
        for node in self.nodes.values():
            if node.isVisible():
                rect |= node.sceneBoundingRect()
        self.overview_layer.set_bounds(rect)
        self.overview_layer.invalidate()

    def _apply_states(self) -> None:
        route = self._route
        self.overview_layer.emphasised_nodes = set(route.stakeholders)
        self.overview_layer.emphasised_edges = set(route.relationships)
        active = bool(route.stakeholders)
        for sid, node in self.nodes.items():
            on_route = sid in route.stakeholders
            node.set_state(dimmed=active and not on_route, emphasised=on_route)
        for rid, edge in self.edges.items():
            on_route = rid in route.relationships
            edge.set_state(dimmed=active and not on_route, emphasised=on_route)

    def drawn_rect(self) -> QRectF:
        """The bounding rectangle of the visible nodes with their labels as now placed
        (the labels drawn only: a hidden one takes no room)."""
        rect = QRectF()
        for node in self.nodes.values():
            if not node.isVisible():
                continue
            drawn = node.outline().boundingRect()
            if NodeItem.show_labels and node.label_visible():
                drawn |= node.label_rect(node.label_place)
            rect |= drawn.translated(node.pos())
        return rect

    def visible_rect(self) -> QRectF:
        """The bounding rectangle of what is drawn (for Fit)."""
        rect = QRectF()
        for node in self.nodes.values():
            if node.isVisible():
                rect |= node.footprint()
        return rect

    # -- selection -------------------------------------------------------------------
    def _on_scene_selection_changed(self) -> None:
        self.place_labels()
        if self._syncing_selection:
            return
        stakeholders, relationships = [], []
        for item in self.selectedItems():
            if isinstance(item, NodeItem):
                stakeholders.append(item.sid)
            elif isinstance(item, EdgeItem):
                relationships.append(item.rid)
        self.document.selection.set(stakeholders, relationships, origin=self)

    def _on_shared_selection_changed(self, origin: object) -> None:
        if origin is self:
            return
        selection = self.document.selection
        wanted: set[QGraphicsItem] = {
            self.nodes[sid] for sid in selection.stakeholders if sid in self.nodes
        }
        wanted |= {self.edges[rid] for rid in selection.relationships if rid in self.edges}
        self._syncing_selection = True
        try:
            for item in self.selectedItems():
                if item not in wanted:
                    item.setSelected(False)
            for item in wanted:
                item.setSelected(True)
        finally:
            self._syncing_selection = False


def _cells(box: tuple[float, ...], cell: float) -> list[tuple[int, int]]:
    """The label grid cells a box (left, top, right, bottom) touches."""
    left, top = int(box[0] // cell), int(box[1] // cell)
    right, bottom = int(box[2] // cell), int(box[3] // cell)
    return [(i, j) for i in range(left, right + 1) for j in range(top, bottom + 1)]


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
