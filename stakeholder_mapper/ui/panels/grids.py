"""Two-scale grids: the power–interest grid and the influence–position matrix (pyqtgraph).

Each stakeholder rated on both scales is a point with its category's colour and shape;
several on the same cell are spread around it on a small spiral (display only: the map's
values stay whole numbers). Dragging a point and letting go sets both values (rounded to
the scale) through one ``UpdateStakeholder`` command. Stakeholders with an unknown value
are not plotted but listed as "not rated". "High" means 3 or more, as in the engagement
plan, so the quadrant lines sit half-way between 2 and 3.

Quadrant titles sit in bands above and below the points, sized in pixels whenever the
plot is resized, and are shortened to their half of the plot; point names are shortened
to the free room beside the point, so that nothing is clipped or drawn over a point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QLabel, QListWidget, QSplitter, QVBoxLayout, QWidget

from ...analysis.compare import HIGH
from ...core.commands import UpdateStakeholder
from ...core.i18n import N_, _
from ...core.model import SCALES, ChangeKind, ModelChange
from ...core.styles import category_badges
from ..canvas.items import CanvasTheme
from ..canvas.looks import badge_symbol
from ..document import MapDocument

__all__ = ["INFLUENCE_POSITION", "POWER_INTEREST", "GridSpec", "ScaleGrid"]

#: Largest distance (scale units) of a spread point from its cell's centre.
SPREAD = 0.4
#: Smallest room (pixels) worth writing a point's name into.
_MIN_LABEL_PX = 48
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@dataclass(frozen=True)
class GridSpec:
    """Which fields go on which axis, where the quadrant lines are, and the quadrant names.

    ``quadrants`` are (top-left, top-right, bottom-left, bottom-right).
    """

    x_field: str
    y_field: str
    x_title: str
    y_title: str
    x_split: float
    y_split: float
    quadrants: tuple[str, str, str, str]


#: Where the grid's quadrant lines fall: a rating of :data:`HIGH` or more counts as high,
#: the same rule the comparison and the plan use to name a stakeholder's quadrant.
SPLIT = HIGH - 0.5

POWER_INTEREST = GridSpec(
    "interest",
    "power",
    N_("Interest"),
    N_("Power"),
    SPLIT,
    SPLIT,
    (N_("Keep satisfied"), N_("Manage closely"), N_("Monitor"), N_("Keep informed")),
)

INFLUENCE_POSITION = GridSpec(
    "position",
    "power",
    N_("Position toward our objective (−2 opposed … +2 supportive)"),
    N_("Power / influence"),
    0.5,
    SPLIT,
    (
        N_("Powerful, not yet on side: engage"),
        N_("Powerful supporters: involve"),
        N_("Watch"),
        N_("Supporters: mobilise"),
    ),
)


class _Points(pg.ScatterPlotItem):
    """Scatter points that can be dragged; the grid commits the drop."""

    def __init__(self, grid: ScaleGrid) -> None:
        super().__init__(pxMode=True, hoverable=True, tip=self._tip)
        self.grid = grid
        self._dragged: str | None = None

    def _tip(self, x: float, y: float, data: object) -> str:
        stakeholder = self.grid.document.smap.stakeholders.get(str(data))
        if stakeholder is None:
            return ""
        spec = self.grid.spec
        return (
            f"{stakeholder.label}\n{spec.y_title.split(' (')[0]}: "
            f"{getattr(stakeholder, spec.y_field)}, {spec.x_title.split(' (')[0]}: "
            f"{getattr(stakeholder, spec.x_field)}"
        )

    def mouseDragEvent(self, ev: object) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            found = self.pointsAt(ev.buttonDownPos())
            if len(found) == 0:
                ev.ignore()
                return
            self._dragged = found[0].data()
            self.grid.document.selection.set([self._dragged], origin=self.grid)
        if self._dragged is None:
            ev.ignore()
            return
        ev.accept()
        self.grid.drag_to(self._dragged, ev.pos())
        if ev.isFinish():
            dragged, self._dragged = self._dragged, None
            self.grid.drop(dragged, ev.pos())

    def mouseClickEvent(self, ev: object) -> None:
        found = self.pointsAt(ev.pos())
        if len(found) and ev.button() == Qt.MouseButton.LeftButton:
            self.grid.document.selection.set([found[0].data()], origin=self.grid)
            ev.accept()
        else:
            ev.ignore()


class ScaleGrid(QWidget):
    """A grid of two 1–5 (or −2…+2) scales with draggable stakeholders."""

    def __init__(self, document: MapDocument, spec: GridSpec, parent: QWidget | None = None):
        spec = replace(
            spec,
            x_title=_(spec.x_title),
            y_title=_(spec.y_title),
            quadrants=tuple(_(text) for text in spec.quadrants),  # type: ignore[arg-type]
        )
        super().__init__(parent)
        self.document = document
        self.spec = spec
        self.x_range = SCALES[spec.x_field]
        self.y_range = SCALES[spec.y_field]
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setLabel("bottom", spec.x_title)
        self.plot.setLabel("left", spec.y_title)
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        self.plot.setXRange(x0 - 0.7, x1 + 0.9, padding=0)
        self.plot.setYRange(y0 - 0.8, y1 + 0.8, padding=0)
        for axis, (low, high) in (("bottom", self.x_range), ("left", self.y_range)):
            self.plot.getAxis(axis).setTicks(
                [[(v, f"{v:+d}" if low < 0 and v else str(v)) for v in range(low, high + 1)]]
            )
        self.splits = [
            pg.InfiniteLine(spec.x_split, angle=90),
            pg.InfiniteLine(spec.y_split, angle=0),
        ]
        for line in self.splits:
            self.plot.addItem(line)
        #: Quadrant titles: top-left, top-right, bottom-left, bottom-right.
        self.titles = [
            pg.TextItem(text, color="#555555", anchor=anchor)
            for text, anchor in zip(spec.quadrants, ((0, 0), (1, 0), (0, 1), (1, 1)), strict=True)
        ]
        for title in self.titles:
            self.plot.addItem(title)
        self.points = _Points(self)
        self.plot.addItem(self.points)
        #: Where the dragged point would land, drawn as a ring while dragging.
        self.ghost = pg.ScatterPlotItem(
            size=18, brush=pg.mkBrush(None), pen=pg.mkPen("#000000", width=2)
        )
        self.plot.addItem(self.ghost)
        self.restyle()
        self._labels: list[pg.TextItem] = []
        self._spots: dict[str, tuple[float, float]] = {}
        self._cells: dict[tuple[int, int], list[str]] = {}
        self.plot.setAccessibleName(
            _("Grid: {y} against {x}").format(y=spec.y_title, x=spec.x_title)
        )
        self.unrated = QListWidget()
        self.unrated.setAccessibleName(_("Not rated"))
        self.unrated.itemClicked.connect(
            lambda item: self.document.selection.set([item.data(Qt.ItemDataRole.UserRole)])
        )
        self.unrated_title = QLabel()
        side = self._side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.unrated_title)
        side_layout.addWidget(self.unrated)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.plot)
        split.addWidget(side)
        split.setSizes([700, 140])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(split)
        document.changed.connect(self._on_model_change)
        document.selection.changed.connect(lambda _o: self.refresh())
        self.plot.getViewBox().sigResized.connect(self._fit)
        self.refresh()

    def _on_model_change(self, change: ModelChange) -> None:
        if change.kind in (
            ChangeKind.STAKEHOLDER_ADDED,
            ChangeKind.STAKEHOLDER_REMOVED,
            ChangeKind.STAKEHOLDER_CHANGED,
            ChangeKind.CATEGORY_CHANGED,
            ChangeKind.RESET,
        ):
            self.refresh()

    def spot(self, stakeholder_id: str) -> tuple[float, float] | None:
        """Where a stakeholder's point is drawn (in scale units), if it is plotted."""
        return self._spots.get(stakeholder_id)

    def refresh(self) -> None:
        """Redraw every point from the map."""
        smap = self.document.smap
        spec = self.spec
        cells: dict[tuple[int, int], list[str]] = {}
        unrated = []
        for s in smap.stakeholders.values():
            x, y = getattr(s, spec.x_field), getattr(s, spec.y_field)
            if x is None or y is None:
                unrated.append(s)
            else:
                cells.setdefault((x, y), []).append(s.id)
        self._cells = cells
        self._spots = {}
        for (x, y), ids in cells.items():
            for i, (dx, dy) in enumerate(spread(len(ids))):
                self._spots[ids[i]] = (x + dx, y + dy)
        selected = set(self.document.selection.stakeholders)
        badges = category_badges(smap.categories.values())
        spots = []
        for sid, (x, y) in self._spots.items():
            s = smap.stakeholders[sid]
            category = smap.categories.get(s.category)
            spots.append(
                {
                    "pos": (x, y),
                    "data": sid,
                    "size": 20 if sid in selected else 16,
                    # The category's letters cut out of its shape: told apart in greyscale.
                    "symbol": badge_symbol(
                        category.shape if category else "circle", badges.get(s.category, "")
                    ),
                    "brush": pg.mkBrush(category.colour if category else "#999999"),
                    "pen": pg.mkPen("#000000", width=2.5 if sid in selected else 1),
                }
            )
        self.points.setData(spots)
        self._place_labels()
        self.unrated.clear()
        for s in unrated:
            self.unrated.addItem(s.label)
            self.unrated.item(self.unrated.count() - 1).setData(Qt.ItemDataRole.UserRole, s.id)
        self.unrated_title.setText(_("Not rated ({n})").format(n=len(unrated)))
        self.plot.setAccessibleDescription(self.summary())
        self._side.setVisible(bool(unrated))

    def summary(self) -> str:
        """Who sits in each quadrant, in words: the grid's summary for a screen reader."""
        smap = self.document.smap
        spec = self.spec
        quadrants: list[list[str]] = [[], [], [], []]
        for sid, (x, y) in self._spots.items():
            right, top = x >= spec.x_split, y >= spec.y_split
            quadrants[(0 if top else 2) + (1 if right else 0)].append(smap.stakeholders[sid].label)
        return " ".join(
            _("{quadrant}: {names}.").format(
                quadrant=title, names=", ".join(sorted(names)) or _("nobody")
            )
            for title, names in zip(spec.quadrants, quadrants, strict=True)
        )

    def changeEvent(self, event: QEvent) -> None:
        """High contrast (View menu) arrives as a palette change."""
        if event.type() == QEvent.Type.PaletteChange:
            self.restyle()
        super().changeEvent(event)

    def restyle(self) -> None:
        """Axes, quadrant lines and titles in the canvas theme's colours (black in high
        contrast, greys otherwise)."""
        strong = CanvasTheme.high_contrast
        axes = "#000000" if strong else pg.getConfigOption("foreground")
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setPen(pg.mkPen(axes))
            self.plot.getAxis(name).setTextPen(pg.mkPen(axes))
        dash = Qt.PenStyle.DashLine
        for line in self.splits:
            line.setPen(pg.mkPen(axes if strong else "#888888", width=1.5, style=dash))
        for title in self.titles:
            title.setColor("#000000" if strong else "#555555")

    def _fit(self) -> None:
        """Make room for the quadrant titles above and below the points, at this size."""
        box = self.plot.getViewBox()
        height = box.height()
        if height <= 0:
            return
        band = QFontMetricsF(self.titles[0].textItem.font()).height() + 6
        (y0, y1) = self.y_range
        margin = SPREAD + 0.35
        for _n in range(3):
            per_unit = height / (y1 - y0 + 2 * margin)
            margin = SPREAD + 0.15 + band / per_unit
        self.plot.setYRange(y0 - margin, y1 + margin, padding=0)
        for name, title, length in (
            ("bottom", self.spec.x_title, box.width()),
            ("left", self.spec.y_title, height),
        ):
            axis = self.plot.getAxis(name)
            metrics = QFontMetricsF(axis.label.font())
            axis.setLabel(metrics.elidedText(title, Qt.TextElideMode.ElideRight, length - 12))
        self._place_labels()

    def _place_labels(self) -> None:
        """Place quadrant titles in their corners and name the points that have room."""
        box = self.plot.getViewBox()
        (left, right), (bottom, top) = box.viewRange()
        px = box.viewPixelSize()[0] if box.width() > 0 else 0.0
        if px <= 0:
            return
        split = self.spec.x_split
        inset_x, inset_y = 4 * px, 3 * box.viewPixelSize()[1]
        corners = ((left, top), (right, top), (left, bottom), (right, bottom))
        for i, (title, (x, y), text) in enumerate(
            zip(self.titles, corners, self.spec.quadrants, strict=True)
        ):
            room = ((split - left) if i % 2 == 0 else (right - split)) / px - 16
            title.setText(_elide(text, title, room))
            title.setPos(x + inset_x if i % 2 == 0 else x - inset_x, y - inset_y if i < 2 else y)
        for label in self._labels:
            self.plot.removeItem(label)
        self._labels = []
        smap = self.document.smap
        selected = set(self.document.selection.stakeholders)
        py = box.viewPixelSize()[1]
        line = QFontMetricsF(self.titles[0].textItem.font()).height()
        # Obstacles as (left, right, bottom, top) in scale units: every point, then each
        # name written. Selected points are named first, then points alone in their cell.
        taken = [(x - 9 * px, x + 9 * px, y - 9 * py, y + 9 * py) for x, y in self._spots.values()]
        named = [sid for sid in self._spots if sid in selected] + [
            sid
            for sid, (x, y) in sorted(self._spots.items(), key=lambda item: -item[1][1])
            if sid not in selected and len(self._cells[(round(x), round(y))]) == 1
        ]
        for sid in named:
            x, y = self._spots[sid]
            low, high = y - line / 2 * py, y + line / 2 * py
            rooms = []
            for side in (1, -1):
                start = x + side * 11 * px
                end = right - 2 * px if side > 0 else left + 2 * px
                for b_left, b_right, b_low, b_high in taken:
                    if b_high <= low or b_low >= high or abs(b_left + b_right - 2 * x) < px:
                        continue  # another row, or the point itself
                    if side > 0 and b_right > start:
                        end = min(end, max(b_left, start))
                    elif side < 0 and b_left < start:
                        end = max(end, min(b_right, start))
                rooms.append((abs(end - start) / px, side, start))
            room, side, start = max(rooms)
            label = pg.TextItem(color="#222222", fill=pg.mkBrush(255, 255, 255, 200))
            if room >= _MIN_LABEL_PX:
                label.setText(_elide(smap.stakeholders[sid].label, label, room))
                label.setAnchor((0, 0.5) if side > 0 else (1, 0.5))
                label.setPos(start, y)
                edge = start + side * label.boundingRect().width() * px
                taken.append((min(start, edge), max(start, edge), low, high))
            elif sid in selected:
                # No room beside it: name it above the point, over its neighbours.
                room = 2 * min(x - left, right - x) / px - 8
                label.setText(_elide(smap.stakeholders[sid].label, label, room))
                label.setAnchor((0.5, 1))
                label.setPos(x, y + 10 * py)
                label.setZValue(20)
            else:
                continue
            self.plot.addItem(label)
            self._labels.append(label)

    def drag_to(self, stakeholder_id: str, pos: QPointF) -> None:
        """Show the point where the mouse is while dragging (the map is unchanged)."""
        self.ghost.setData([{"pos": (pos.x(), pos.y()), "data": stakeholder_id}])

    def drop(self, stakeholder_id: str, pos: QPointF) -> None:
        """Set both values from where the point was let go (one undoable command)."""
        self.ghost.clear()
        smap = self.document.smap
        if stakeholder_id not in smap.stakeholders:
            return
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        x = min(x1, max(x0, round(pos.x())))
        y = min(y1, max(y0, round(pos.y())))
        s = smap.stakeholders[stakeholder_id]
        changes = {
            field: value
            for field, value in ((self.spec.x_field, x), (self.spec.y_field, y))
            if getattr(s, field) != value
        }
        if not changes:
            self.refresh()
            return
        self.document.try_edit(lambda: UpdateStakeholder(smap, stakeholder_id, **changes))


def spread(count: int) -> list[tuple[float, float]]:
    """Offsets (scale units) that spread ``count`` points sharing one cell: a lone point stays
    on the cell's centre; more are set on a sunflower spiral within :data:`SPREAD`, the
    same for the same count, so that the picture does not jump between redraws."""
    if count == 1:
        return [(0.0, 0.0)]
    step = SPREAD / math.sqrt(count - 0.5)
    offsets = []
    for i in range(count):
        radius = step * math.sqrt(i + 0.5)
        angle = i * _GOLDEN_ANGLE + math.pi / 2
        offsets.append((radius * math.cos(angle), radius * math.sin(angle)))
    return offsets


def _elide(text: str, item: pg.TextItem, width: float) -> str:
    """The text shortened with an ellipsis to ``width`` pixels in the item's font."""
    metrics = QFontMetricsF(item.textItem.font())
    margins = 2 * item.textItem.document().documentMargin()
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width - margins, 0.0))
