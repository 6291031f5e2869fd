"""The map without a mouse: the keys the canvas answers and what it tells a screen reader.

With the map focused: the arrow keys select the nearest stakeholder in that direction (the
first press selects the one nearest the middle of the window); Tab and Shift+Tab walk the
stakeholders in reading order (rows from the top, left to right, right to left in a
right-to-left language) and leave the map at either end, Ctrl+Tab leaves at once; Enter
opens the inspector; T and Shift+T walk the current stakeholder's ties one by one;
Shift+arrows move the selected stakeholders (one undo step per press).

After each step the view's accessible name names the current stakeholder and its
accessible description reads it in plain language, and assistive technology is told
(a ``QAccessible`` name and description change event).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeyEvent

from ...core.commands import MoveStakeholders
from ...core.i18n import _, ngettext
from ...core.model import StakeholderMap

if TYPE_CHECKING:
    from .view import MapView

__all__ = [
    "MOVE_STEP",
    "MapKeyboard",
    "keyboard_rows",
    "nearest_in_direction",
    "reading_order",
    "stakeholder_reading",
]

#: How far Shift+arrow moves a stakeholder, in scene units.
MOVE_STEP = 20.0
#: Stakeholders whose centres differ by less than this in height read as one row.
ROW_TOLERANCE = 40.0

_Point = tuple[float, float]
_DIRECTIONS = {
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0),
    Qt.Key.Key_Down: (0.0, 1.0),
}


def nearest_in_direction(
    origin: _Point, direction: _Point, points: Mapping[str, _Point]
) -> str | None:
    """The id of the point nearest ``origin`` in ``direction`` (a unit step along x or y).

    A point counts when it lies ahead and more ahead than aside (within 45 degrees);
    when none does, any point ahead counts. Among them the one nearest along the
    direction wins, a sideways offset counting double, so that the next stakeholder in
    line beats a nearer one far off to the side.
    """
    dx, dy = direction
    ahead: list[tuple[float, float, str]] = []
    for key, (x, y) in points.items():
        along = (x - origin[0]) * dx + (y - origin[1]) * dy
        aside = abs((x - origin[0]) * dy - (y - origin[1]) * dx)
        if along > 1e-6:
            ahead.append((along, aside, key))
    if not ahead:
        return None
    in_cone = [p for p in ahead if p[1] <= p[0]] or ahead
    return min(in_cone, key=lambda p: (p[0] + 2 * p[1], p[2]))[2]


def reading_order(points: Mapping[str, _Point], right_to_left: bool = False) -> list[str]:
    """Ids in reading order: rows from top to bottom (centres less than
    :data:`ROW_TOLERANCE` apart in height share a row), each row left to right, or right
    to left for a right-to-left language."""
    by_height = sorted(points.items(), key=lambda item: (item[1][1], item[1][0], item[0]))
    rows: list[list[tuple[str, _Point]]] = []
    for item in by_height:
        if rows and item[1][1] - rows[-1][0][1][1] < ROW_TOLERANCE:
            rows[-1].append(item)
        else:
            rows.append([item])
    sign = -1.0 if right_to_left else 1.0
    return [key for row in rows for key, _xy in sorted(row, key=lambda i: (sign * i[1][0], i[0]))]


def stakeholder_reading(
    smap: StakeholderMap, sid: str, reading: str = "", ties: int | None = None
) -> str:
    """One plain-language description of a stakeholder for a screen reader: its category,
    its scales, its number of ties (counted on the map unless given) and, when metrics
    exist, their reading."""
    s = smap.stakeholders[sid]
    category = smap.categories.get(s.category)
    if ties is None:
        ties = sum(1 for r in smap.relationships.values() if sid in (r.source, r.target))

    def scale(value: int | None) -> str:
        return _("unknown") if value is None else str(value)

    parts = [
        _("{name}, {category}.").format(
            name=s.label, category=category.name if category else s.category
        ),
        _("Power {power}, interest {interest}, position {position}, trust {trust}.").format(
            power=scale(s.power),
            interest=scale(s.interest),
            position=scale(s.position),
            trust=scale(s.trust),
        ),
        ngettext("{n} tie.", "{n} ties.", ties).format(n=ties),
    ]
    if reading:
        parts.append(reading)
    return " ".join(parts)


class MapKeyboard(QObject):
    """Turns the map view's key presses into selection steps, moves and announcements."""

    #: Emitted when Enter asks to see the current stakeholder or tie in the inspector.
    inspect_requested = Signal()

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        #: The stakeholder the keys walk from (the last one reached), and the index of
        #: its tie that T last selected.
        self.current: str | None = None
        self._tie = -1
        view.setAccessibleName(_("Map"))
        view.setAccessibleDescription(
            _("Arrow keys choose a stakeholder, Tab walks them in reading order, T walks its ties.")
        )
        view.document.selection.changed.connect(self._on_selection_changed)

    # -- what can be reached ----------------------------------------------------------------
    def _points(self) -> dict[str, _Point]:
        scene = self.view.map_scene
        return {
            sid: (node.pos().x(), node.pos().y())
            for sid, node in scene.nodes.items()
            if node.isVisible()
        }

    def _anchor(self) -> str | None:
        """The stakeholder steps start from: the current one, else the first selected."""
        points = self._points()
        if self.current in points:
            return self.current
        selected = [s for s in self.view.document.selection.stakeholders if s in points]
        return selected[0] if selected else None

    def _middle(self, points: Mapping[str, _Point]) -> str | None:
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        return min(
            points,
            key=lambda k: (math.hypot(points[k][0] - centre.x(), points[k][1] - centre.y()), k),
            default=None,
        )

    # -- keys --------------------------------------------------------------------------------
    def handle(self, event: QKeyEvent) -> bool:
        """Act on a key pressed in the map; whether it was the keyboard's to handle."""
        key, mods = Qt.Key(event.key()), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        plain = not mods & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if key == Qt.Key.Key_Tab and mods & Qt.KeyboardModifier.ControlModifier:
            self.view.leave(forward=not shift)
            return True
        if key == Qt.Key.Key_Backtab and mods & Qt.KeyboardModifier.ControlModifier:
            self.view.leave(forward=False)
            return True
        if not plain:
            return False
        if key in _DIRECTIONS:
            if shift:
                self.move_selection(*_DIRECTIONS[key])
            else:
                self.step(_DIRECTIONS[key])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not shift:
            if self._anchor() is None and not self.view.document.selection.relationships:
                return False
            self.inspect_requested.emit()
            return True
        if key == Qt.Key.Key_T:
            self.walk_ties(forward=not shift)
            return True
        return False

    def step(self, direction: _Point) -> str | None:
        """Select the nearest visible stakeholder in ``direction`` from the current one (the
        one nearest the middle of the window when none is current); returns its id."""
        points = self._points()
        anchor = self._anchor()
        target = (
            self._middle(points)
            if anchor is None
            else nearest_in_direction(points[anchor], direction, points)
        )
        if target is None:
            if anchor is not None:
                self.go_to(anchor)  # at the edge: say again where the user is
            return anchor
        self.go_to(target)
        return target

    def walk(self, forward: bool) -> bool:
        """Select the next (or previous) stakeholder in reading order; False at either end
        (or on an empty map), so that Tab then leaves the map."""
        points = self._points()
        order = reading_order(points, self.view.isRightToLeft())
        if not order:
            return False
        anchor = self._anchor()
        if anchor is None:
            self.go_to(order[0] if forward else order[-1])
            return True
        index = order.index(anchor) + (1 if forward else -1)
        if not 0 <= index < len(order):
            return False
        self.go_to(order[index])
        return True

    def walk_ties(self, forward: bool = True) -> str | None:
        """Select the current stakeholder's next (or previous) visible tie; returns its id."""
        anchor = self._anchor()
        if anchor is None:
            return None
        scene = self.view.map_scene
        ties = [
            edge.rid
            for edge in scene.nodes[anchor].edges
            if edge.isVisible() and edge.rid in self.view.document.smap.relationships
        ]
        if not ties:
            self._announce(anchor, _("No ties shown."))
            return None
        self._tie = (self._tie + (1 if forward else -1)) % len(ties)
        rid = ties[self._tie]
        self.current = anchor
        self.view.document.selection.set([], [rid], origin=self)
        self.view.ensureVisible(scene.edges[rid], 40, 40)
        self._announce_tie(rid, self._tie + 1, len(ties))
        return rid

    def move_selection(self, dx: float, dy: float) -> bool:
        """Move the selected stakeholders by :data:`MOVE_STEP` along (dx, dy): one undo step."""
        scene = self.view.map_scene
        selected = [s for s in self.view.document.selection.stakeholders if s in scene.nodes]
        if not selected:
            return False
        moved = {
            sid: (
                scene.nodes[sid].pos().x() + dx * MOVE_STEP,
                scene.nodes[sid].pos().y() + dy * MOVE_STEP,
            )
            for sid in selected
        }
        smap = self.view.document.smap
        self.view.refresh_focus_ring(self.current)  # where the ring was, and is after
        done = self.view.document.try_edit(lambda: MoveStakeholders(smap, moved))
        self.view.refresh_focus_ring(self.current)
        if done:
            self.view.ensureVisible(scene.nodes[selected[0]], 40, 40)
        return done

    def go_to(self, sid: str) -> None:
        """Make ``sid`` the current, selected stakeholder, keep it in sight and announce it."""
        before, self.current = self.current, sid
        self._tie = -1
        self.view.document.selection.set([sid], origin=self)
        self.view.ensureVisible(self.view.map_scene.nodes[sid], 40, 40)
        self.view.refresh_focus_ring(before, sid)
        self._announce(sid)

    # -- what assistive technology hears ----------------------------------------------------
    def _announce(self, sid: str, extra: str = "") -> None:
        smap = self.view.document.smap
        name = _("Map: {name}").format(name=smap.stakeholders[sid].label)
        ties = len(self.view.map_scene.nodes[sid].edges)
        description = stakeholder_reading(smap, sid, self.view.readings.get(sid, ""), ties)
        self._tell(name, " ".join(p for p in (description, extra) if p))

    def _announce_tie(self, rid: str, number: int, count: int) -> None:
        smap = self.view.document.smap
        r = smap.relationships[rid]
        kind = smap.kinds.get(r.kind)
        source, target = smap.stakeholders[r.source].label, smap.stakeholders[r.target].label
        template = (
            _("{kind} tie from {source} to {target}")
            if r.directed
            else _("{kind} tie between {source} and {target}")
        )
        name = template.format(kind=kind.name if kind else r.kind, source=source, target=target)
        self._tell(
            _("Map: {name}").format(name=name),
            _("{name}, strength {strength}; tie {number} of {count}.").format(
                name=name, strength=r.strength, number=number, count=count
            ),
        )

    def _tell(self, name: str, description: str) -> None:
        view = self.view
        view.setAccessibleName(name)
        view.setAccessibleDescription(description)
        for change in (QAccessible.Event.NameChanged, QAccessible.Event.DescriptionChanged):
            QAccessible.updateAccessibility(QAccessibleEvent(view, change))

    def _on_selection_changed(self, origin: object) -> None:
        """A selection made elsewhere (mouse, table, search) becomes the keys' start."""
        if origin is self:
            return
        selected = self.view.document.selection.stakeholders
        before = self.current
        if selected and selected[0] in self.view.map_scene.nodes:
            self.current = selected[0]
            self._tie = -1
            self._announce(selected[0])
        elif not self.view.document.selection.relationships:
            self.current = None
        self.view.refresh_focus_ring(before, self.current)


def keyboard_rows() -> list[tuple[str, str]]:
    """(what, keys) rows for the list of keyboard shortcuts: the keys the map answers."""
    return [
        (_("Select the nearest stakeholder in a direction"), _("arrow keys on the map")),
        (_("Walk the stakeholders in reading order"), _("Tab, Shift+Tab on the map")),
        (_("Leave the map"), _("Ctrl+Tab, Ctrl+Shift+Tab")),
        (_("Show the current stakeholder in the inspector"), _("Enter on the map")),
        (_("Walk the current stakeholder's ties"), _("T, Shift+T on the map")),
        (_("Move the selected stakeholders"), _("Shift+arrow keys on the map")),
    ]
