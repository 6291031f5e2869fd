"""Workshop tools in the main window: quick entry, towers and votes, snapshots, log, F5.

:class:`WorkshopTools` adds its docks, a quick-entry toolbar, a Workshop menu, the
canvas overlay and presentation mode to a main window that has ``document``, ``scene``
and ``view``; the main window only creates it. In presentation mode the floating
toolbar offers the quick-entry bar and the influence towers over the full-screen canvas.
There Esc closes the panel that has the keyboard and hands it back to the canvas; only
an Esc on the canvas leaves presentation mode.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QWidget,
)

from ...core.i18n import _
from ..canvas import MapScene, MapView
from ..canvas.overlay import WorkshopOverlay
from ..document import MapDocument
from ..panels.engagement_log_editor import EngagementLogEditor
from .presentation import PresentationMode, PresentationStyle
from .quick_entry_bar import QuickEntryBar
from .room_panel import RoomPanel
from .room_projection import RoomProjection
from .snapshots_panel import ComparisonView, SnapshotPanel
from .towers import LABEL_PT, InfluenceTowers

__all__ = ["WorkshopTools"]

#: Size of the quick-entry bar in presentation mode, in points.
PRESENT_ENTRY_PT = 18
#: Width the quick-entry bar takes in presentation when the screen allows, in pixels.
PRESENT_ENTRY_MIN_WIDTH = 960
#: Height the towers dock gets when it opens smaller, in pixels.
TOWERS_DOCK_HEIGHT = 380


class _Window(Protocol):
    document: MapDocument
    scene: MapScene
    view: MapView


def _dock(window: QMainWindow, name: str, title: str, widget: QWidget) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    return dock


class WorkshopTools(QObject):
    """Everything a workshop facilitator uses, added to ``window``."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        host: _Window = window  # type: ignore[assignment]
        self.window = window
        document, view = host.document, host.view
        self.document = document
        self.view = view

        self.quick_entry = QuickEntryBar(document)
        self.quick_entry.added.connect(lambda ids: ids and document.selection.set(ids))
        self.quick_entry.dismissed.connect(view.setFocus)
        toolbar = QToolBar(_("Quick entry"), window)
        toolbar.setObjectName("quick_entry_toolbar")
        toolbar.addWidget(self.quick_entry)
        window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, toolbar)

        self.towers = InfluenceTowers(document, "influence")
        self.votes = InfluenceTowers(document, "votes")
        tabs = QTabWidget()
        tabs.addTab(self.towers, _("Influence towers"))
        tabs.addTab(self.votes, _("Dot votes"))
        self.towers_dock = _dock(window, "towers_dock", _("Influence towers and dot votes"), tabs)
        self.snapshots = SnapshotPanel(document)
        self.snapshots_dock = _dock(window, "snapshots_dock", _("Snapshots"), self.snapshots)
        self.log = EngagementLogEditor(document)
        self.log_dock = _dock(window, "log_dock", _("Engagement log"), self.log)
        self.room = RoomPanel(document)
        # Scrolled: the QR code, tables and lists fit a projector's short screen too.
        room_scroll = QScrollArea()
        room_scroll.setWidgetResizable(True)
        room_scroll.setWidget(self.room)
        self.room_dock = _dock(window, "room_dock", _("Workshop room"), room_scroll)
        window.installEventFilter(self.room)
        self.room.answers_changed.connect(self._on_room_answers)
        self._clouds: list = []
        # Hidden before they are tabified: docks hidden after leave a stray tab bar on the window.
        for dock in (self.towers_dock, self.snapshots_dock, self.log_dock, self.room_dock):
            dock.hide()
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.towers_dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.snapshots_dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.log_dock)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.room_dock)
        window.tabifyDockWidget(self.snapshots_dock, self.log_dock)
        window.tabifyDockWidget(self.log_dock, self.room_dock)

        self.towers_dock.visibilityChanged.connect(self._on_towers_dock_visibility)

        self.scene = host.scene
        self.overlay = WorkshopOverlay(view, host.scene)
        self.snapshots.comparison_changed.connect(self._on_comparison_changed)

        self.presentation = PresentationMode(window, document.smap)
        self.presentation.style_changed.connect(self._on_presentation_style)
        self.present_entry = QuickEntryBar(document, view)
        self.present_entry.setAutoFillBackground(True)
        self.present_entry.set_point_size(PRESENT_ENTRY_PT)
        self.present_entry.set_stacked(True)
        self.present_entry.hide()
        self.present_entry.installEventFilter(self)
        self.present_entry.dismissed.connect(lambda: self.entry_action.setChecked(False))
        self.present_towers = InfluenceTowers(document, "influence", view, LABEL_PT)
        self.present_towers.setAutoFillBackground(True)
        big = QFont(self.present_towers.font())
        big.setPointSize(LABEL_PT)
        self.present_towers.setFont(big)
        self.present_towers.layout().setContentsMargins(16, 16, 16, 16)
        self.present_towers.hide()
        self.entry_action = QAction(_("Quick entry"), window)
        self.entry_action.setCheckable(True)
        self.entry_action.toggled.connect(self._on_present_entry_toggled)
        self.towers_action = QAction(_("Towers"), window)
        self.towers_action.setCheckable(True)
        self.towers_action.toggled.connect(self._on_present_towers_toggled)
        self.present_changes = ComparisonView(view)
        self.present_changes.setAutoFillBackground(True)
        palette = self.present_changes.palette()
        palette.setColor(self.present_changes.backgroundRole(), QColor("#ffffff"))
        self.present_changes.setPalette(palette)
        self.present_changes.hide()
        self.changes_action = QAction(_("Changes"), window)
        self.changes_action.setCheckable(True)
        self.changes_action.setEnabled(False)
        self.changes_action.setToolTip(_("Show what changed since the compared snapshot"))
        self.changes_action.toggled.connect(self._on_present_changes_toggled)
        self.present_room = RoomProjection(self.room, LABEL_PT, view)
        self.present_room.hide()
        self.room_action = QAction(_("Room"), window)
        self.room_action.setCheckable(True)
        self.room_action.setEnabled(False)
        self.room_action.setToolTip(
            _("Show the invitation to the room, or the group's answers once revealed")
        )
        self.room_action.toggled.connect(self._on_present_room_toggled)
        self.room.room_changed.connect(self._on_room_changed)
        for panel in (self.present_towers, self.present_changes, self.present_room):
            panel.installEventFilter(self)
        self.presentation.add_tool(self.entry_action)
        self.presentation.add_tool(self.towers_action)
        self.presentation.add_tool(self.changes_action)
        self.presentation.add_tool(self.room_action)
        view.installEventFilter(self)

        self._build_menu()

    def _build_menu(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(_("&Workshop"))
        menu.addAction(self.presentation.toggle_action)
        focus = QAction(_("&Quick entry"), window)
        focus.setShortcut(QKeySequence("Ctrl+L"))
        focus.setToolTip(_("Type 'Name; category' or 'A > B' to add stakeholders and ties"))
        focus.triggered.connect(self._on_focus_quick_entry)
        window.addAction(focus)
        menu.addAction(focus)
        take = QAction(_("Take &snapshot…"), window)
        take.setShortcut(QKeySequence("Ctrl+Alt+S"))
        take.triggered.connect(self._on_take_snapshot)
        window.addAction(take)
        menu.addAction(take)
        invite = QAction(_("&Invite participants…"), window)
        invite.setToolTip(_("Let the room rate and connect stakeholders from their phones"))
        invite.triggered.connect(self._on_invite)
        menu.addAction(invite)
        menu.addSeparator()
        for dock in (self.towers_dock, self.snapshots_dock, self.log_dock):
            menu.addAction(dock.toggleViewAction())
        self.menu = menu

    # -- reactions ----------------------------------------------------------------------
    def _on_focus_quick_entry(self) -> None:
        if self.presentation.active:
            self.entry_action.setChecked(True)
            self.present_entry.line.setFocus()
            return
        self.quick_entry.line.setFocus()

    def _on_invite(self) -> None:
        self.room_dock.show()
        self.room_dock.raise_()

    def _on_room_answers(self, ratings: dict) -> None:
        """Show the room's individual ratings as a cloud on both grids."""
        if not self._clouds:
            # pyqtgraph loads after the window shows: the clouds are made on first answers.
            from .rating_cloud import RatingCloud

            for name in ("power_interest", "influence_position"):
                grid = getattr(self.window, name, None)
                if grid is not None:
                    self._clouds.append(RatingCloud(grid))
        for cloud in self._clouds:
            cloud.set_ratings(ratings)

    def _on_take_snapshot(self) -> None:
        self.snapshots_dock.show()
        self.snapshots_dock.raise_()
        self.snapshots._on_take_clicked()

    def _on_comparison_changed(self, comparison: object, before: object) -> None:
        if comparison is not None:
            self.scene.set_route([])  # an old route would hide what changed
        self.overlay.set_comparison(comparison, before)  # type: ignore[arg-type]
        self.present_changes.set_comparison(comparison, self.snapshots.title)  # type: ignore[arg-type]
        self.changes_action.setEnabled(comparison is not None)
        if comparison is None:
            self.changes_action.setChecked(False)
        if self.presentation.active:
            self._update_margins()

    def _on_towers_dock_visibility(self, visible: bool) -> None:
        """Give the towers room for several rows when the dock opens squeezed."""
        dock = self.towers_dock
        if visible and not dock.isFloating() and dock.height() < TOWERS_DOCK_HEIGHT:
            height = min(TOWERS_DOCK_HEIGHT, self.window.height() * 2 // 5)
            self.window.resizeDocks([dock], [height], Qt.Orientation.Vertical)

    def _on_presentation_style(self, style: PresentationStyle) -> None:
        if style.active:
            self.scene.set_route([])  # a route looked at before the workshop would fade the map
        self.overlay.label_pt = style.label_pt if style.active else 11
        self.overlay.set_votes_visible(style.show_scores)
        self.present_towers.set_shown(style.show_names, style.show_scores)
        self.present_room.set_names_shown(style.show_names or not style.active)
        if not style.active:
            actions = (self.entry_action, self.towers_action, self.changes_action, self.room_action)
            for action in actions:
                action.blockSignals(True)
                action.setChecked(False)
                action.blockSignals(False)
            panels = (
                self.present_entry,
                self.present_towers,
                self.present_changes,
                self.present_room,
            )
            for panel in panels:
                panel.hide()
        self._update_margins()

    def _on_present_entry_toggled(self, shown: bool) -> None:
        self.present_entry.setVisible(shown)
        self._update_margins()
        if shown:
            self.present_entry.line.setFocus()
        else:
            self.view.setFocus()

    def _on_present_towers_toggled(self, shown: bool) -> None:
        self.present_towers.setVisible(shown)
        if shown:
            palette = self.present_towers.palette()
            palette.setColor(self.present_towers.backgroundRole(), QColor("#ffffff"))
            self.present_towers.setPalette(palette)
            self._place_floating()
            self.present_towers.chart.setFocus()

    def _on_room_changed(self) -> None:
        running = self.room.server is not None
        self.room_action.setEnabled(running)
        if not running:
            self.room_action.setChecked(False)

    def _on_present_room_toggled(self, shown: bool) -> None:
        self.present_room.setVisible(shown)
        if shown:
            self._place_floating()
            self.present_room.setFocus()
        else:
            self.view.setFocus()

    def _changes_width(self) -> int:
        return self.view.width() * 2 // 5

    def _on_present_changes_toggled(self, shown: bool) -> None:
        self.present_changes.setVisible(shown)
        if shown:
            self.present_changes.set_point_size(self.presentation.style.label_pt - 2, compact=True)
        self._update_margins()

    def _top_margin(self) -> int:
        return self.presentation.bar.height() if self.presentation.active else 0

    def _update_margins(self) -> None:
        """Keep the map below the top bar and clear of the changes panel and quick entry."""
        right = self._changes_width() + 16 if self.changes_action.isChecked() else 0
        entry = self.present_entry.height_for(self._entry_width())
        bottom = entry + 32 if self.entry_action.isChecked() else 0
        self.view.setViewportMargins(0, self._top_margin(), right, bottom)
        self._place_floating()
        style = self.presentation.style
        self.view.set_presentation_style(style.active, style.show_names, style.label_pt)
        if style.active:
            self._fit_ghosts()

    def _fit_ghosts(self) -> None:
        """Widen the fitted map to take in the ghosts of stakeholders removed since the
        compared snapshot; their names keep their size on screen, so a few rounds settle."""
        view = self.view
        for _step in range(8):
            ghosts = self.overlay.ghost_rect()
            shown = view.mapToScene(view.viewport().rect()).boundingRect()
            if ghosts.isNull() or shown.contains(ghosts):
                return
            margin = 20 / view.zoom_level()
            whole = (shown | ghosts).adjusted(-margin, -margin, margin, margin)
            view.fitInView(whole, Qt.AspectRatioMode.KeepAspectRatio)

    def _entry_width(self) -> int:
        """The quick-entry bar's width in presentation: two thirds of the screen, or
        nearly all of a narrow one, so a long line and its message fit."""
        width = self.view.width()
        return max(width * 2 // 3, min(width - 48, PRESENT_ENTRY_MIN_WIDTH))

    def _place_floating(self) -> None:
        rect = self.view.rect().adjusted(0, self._top_margin(), 0, 0)
        width = self._entry_width()
        height = self.present_entry.height_for(width)
        self.present_entry.setGeometry(
            rect.left() + (rect.width() - width) // 2,
            rect.bottom() - height - 24,
            width,
            height,
        )
        self.present_entry.raise_()
        self.present_towers.setGeometry(rect)
        self.present_towers.raise_()
        self.present_room.setGeometry(rect)
        self.present_room.raise_()
        width = self._changes_width()
        self.present_changes.setGeometry(
            rect.right() - width, rect.top() + 16, width - 16, rect.height() - 32
        )
        self.present_changes.raise_()
        self.presentation.bar.raise_()

    def _close_panel_on_escape(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the towers or the changes panel (or a widget in it) closes that panel."""
        panels = {
            self.present_towers: self.towers_action,
            self.present_room: self.room_action,
            self.present_changes: self.changes_action,
        }
        action = panels.get(watched)  # type: ignore[call-overload]
        if (
            action is None
            or not isinstance(event, QKeyEvent)
            or event.key() != Qt.Key.Key_Escape
            or event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        ):
            return False
        event.accept()
        if event.type() == QEvent.Type.KeyPress:
            action.setChecked(False)
            self.view.setFocus()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._close_panel_on_escape(watched, event):
            return True
        if (
            watched is self.present_entry
            and event.type() == QEvent.Type.LayoutRequest
            and self.present_entry.isVisible()
        ):
            # A message or an offer under the line makes the bar taller.
            self._update_margins()
        if watched is self.view and event.type() == QEvent.Type.Resize:
            if self.presentation.active:
                self._update_margins()
            else:
                self._place_floating()
        return False
