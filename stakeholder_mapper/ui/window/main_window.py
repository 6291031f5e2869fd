"""The main window's shell: the network canvas in the centre, docks around it, the menus,
toolbars and status bar, and the title.

The work is done by parts with one job each:

- :mod:`.actions`: every action, menu and toolbar, declared as tables;
- :mod:`..files.file_workflow`: New, Open, Save, Revert, recent maps, import and export,
  unsaved-changes prompts, and the open file's lock, password and autosave;
- :mod:`.view_controller`: focus, filters, node sizes, search, layout and the route dock;
- :mod:`.editing`: the Edit menu's commands;
- :mod:`.window_layout`: the window's size, place and dock arrangement.

Every edit goes through :class:`~stakeholder_mapper.ui.document.MapDocument` as a
core command on the undo stack; the canvas and docks refresh from the map's notifications.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit, QMainWindow, QMenu, QToolBar, QWidget

from ...core.i18n import _
from ...core.model import ChangeKind, ModelChange, StakeholderMap
from ...core.wording import counted
from ...io.lock import MapLock
from ..canvas import MapScene, MapView
from ..canvas.items import NodeItem
from ..document import MapDocument
from ..files.autosave import OpenedMap, ProtectedFile
from ..files.file_workflow import FileWorkflow, dropped_map
from ..panels.inspector import Inspector
from ..panels.metrics_panel import MetricsPanel
from ..panels.route_panel import RoutePanel
from ..panels.tables import TablePanel
from ..setup.language_menu import add_language_menu
from ..setup.settings import Settings
from ..workers.first_paint import after_first_paint
from ..workers.lazy_widget import LazyWidget, build_after_first_paint
from ..workers.metrics_runner import MetricsRunner
from ..workshop.tools import WorkshopTools
from .actions import (
    APPEARANCE,
    DOCKS,
    FILTER,
    LANGUAGE,
    RECENT,
    SIZE,
    build_actions,
    build_filter_menu,
    build_menus,
    build_size_menu,
    build_toolbars,
)
from .appearance import Appearance
from .dock_tabs import ReadableDockTabs
from .editing import EditController
from .map_layout import MapLayout
from .panel_keys import PanelKeys
from .read_only_banner import ReadOnlyBanner, with_banner
from .status_progress import BackgroundProgress
from .view_controller import ViewController
from .window_layout import WindowLayout, scrolling

if TYPE_CHECKING:
    from ..panels.grids import ScaleGrid

__all__ = ["MainWindow"]

STATUS_TIMEOUT_MS = 6000


class MainWindow(QMainWindow):
    """Shows one map and offers every action on it; the title names the map and its file."""

    # Menus, toolbars and their groups, built by :mod:`.actions` and filled per map.
    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    analysis_menu: QMenu
    settings_menu: QMenu
    help_menu: QMenu
    language_menu: QMenu
    category_filter_menu: QMenu
    kind_filter_menu: QMenu
    strength_group: QActionGroup
    size_menu: QMenu
    size_group: QActionGroup
    kind_palette: QToolBar
    kind_group: QActionGroup
    search_box: QLineEdit
    toolbar_undo: QAction
    toolbar_redo: QAction

    def __init__(
        self,
        smap: StakeholderMap,
        path: Path | None = None,
        settings: Settings | None = None,
        password: str | None = None,
        lock: MapLock | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.document = MapDocument(smap, path, self)
        self.files = FileWorkflow(
            self, self.document, self.settings, path, password, lock, read_only
        )
        self.files.message.connect(self.show_message)
        self.files.guard_replaced.connect(self.update_title)
        NodeItem.use_normal_style()  # whatever a window closed in presentation left
        self.scene = MapScene(self.document, stepped=True)
        self.view = MapView(self.scene, self.document, self)
        self.read_only_banner = ReadOnlyBanner()
        self.setCentralWidget(with_banner(self.read_only_banner, self.view))
        self.read_only_banner.save_as_requested.connect(self.files.save_as)
        self.setAcceptDrops(True)
        #: Actions by short name, for menus, toolbars, tests and the shortcut list.
        self.actions_by_name: dict[str, QAction] = {}
        self.canvas_actions = self.actions_by_name
        self.docks: dict[str, QDockWidget] = {}
        self.map_layout = MapLayout(self, self.document, self.show_message, self.view.fit_all)
        self._shown_once = False
        self.dock_tabs = ReadableDockTabs(self)
        self._build_docks()
        self.actions_by_name.update(build_actions(self))
        self.map_layout.action = self.actions_by_name["layout"]
        build_menus(
            self,
            self.actions_by_name,
            {
                RECENT: lambda menu: self.files.add_recent_menu(menu),
                FILTER: lambda menu: build_filter_menu(
                    self, menu, lambda: self.view_control.apply_filters()
                ),
                SIZE: lambda menu: build_size_menu(self, menu),
                APPEARANCE: lambda menu: Appearance.for_app(self.settings).add_to_menu(menu, self),
                DOCKS: self._list_docks,
                LANGUAGE: self._add_language_menu,
            },
        )
        build_toolbars(self, lambda text: self.view_control.search(text))
        self.workshop = WorkshopTools(self)
        self.panel_keys = PanelKeys(self)
        self._status = QLabel()
        self.focus_label = QLabel()
        self.filter_label = QLabel()
        self.statusBar().addPermanentWidget(self.focus_label)
        self.statusBar().addPermanentWidget(self.filter_label)
        self.statusBar().addPermanentWidget(self._status)
        self.editing = EditController(self)
        self.view_control = ViewController(self)
        self.files.sizes_imported.connect(lambda: self.view_control.choose_size("size"))
        self.document.edit_refused.connect(self.show_message)
        self.document.changed.connect(self._on_model_change)
        self.document.selection.changed.connect(self._on_selection_changed)
        self.document.undo_stack.cleanChanged.connect(self.update_title)
        self.document.path_changed.connect(self.update_title)
        self.view.message.connect(self.show_message)
        # Docks hidden while building still count until the layout runs again.
        self.layout().activate()
        self.window_layout = WindowLayout(
            self,
            self.settings,
            anchor=self.docks["inspector"],
            legend=self.docks["legend"],
            tables=self.docks["stakeholders"],
            order=list(self.docks.values()),
        )
        self.window_layout.restore()
        self.update_title()
        self._on_selection_changed(None)
        self._refresh_after_reset()
        self.statusBar().addPermanentWidget(BackgroundProgress(self.scene, self.metrics, self))
        after_first_paint(self.view.viewport(), self._start_first_analysis)

    # -- building ----------------------------------------------------------------------------
    def _add_dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{name}_dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[name] = dock

    def _build_docks(self) -> None:
        self.inspector = Inspector(self.document, self)
        self.stakeholder_table = TablePanel(self.document, "stakeholders", self)
        self.relationship_table = TablePanel(self.document, "relationships", self)
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self._add_dock("inspector", _("Inspector"), self.inspector, left)
        # The legend sits under the inspector rather than over the map.
        self._add_dock("legend", _("Legend"), scrolling(self.view.legend), left)
        self._add_dock("stakeholders", _("Stakeholders"), self.stakeholder_table, bottom)
        self._add_dock("relationships", _("Relationships"), self.relationship_table, bottom)
        self.metrics = MetricsRunner(self.document, self)
        self.metrics_panel = MetricsPanel(self.document, self.metrics, self)
        self._add_dock("metrics", _("Metrics"), self.metrics_panel, bottom)
        self.tabifyDockWidget(self.docks["stakeholders"], self.docks["relationships"])
        self.tabifyDockWidget(self.docks["relationships"], self.docks["metrics"])
        self.docks["stakeholders"].raise_()
        right = Qt.DockWidgetArea.RightDockWidgetArea
        # The right-hand column runs down to the bottom so the tables below stay low.
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        #: The grids' places in their docks; see :attr:`power_interest`.
        self.grid_slots = {
            name: LazyWidget(partial(_scale_grid, self.document, name), _("Loading the grid…"))
            for name in ("power_interest", "influence_position")
        }
        self.route_panel = RoutePanel(self.document, self)
        self._add_dock(
            "power_interest", _("Power–interest grid"), self.grid_slots["power_interest"], right
        )
        self._add_dock(
            "influence_position",
            _("Influence–position matrix"),
            self.grid_slots["influence_position"],
            right,
        )
        self._add_dock("route", _("Most trusted route"), self.route_panel, right)
        self.tabifyDockWidget(self.docks["power_interest"], self.docks["influence_position"])
        self.tabifyDockWidget(self.docks["influence_position"], self.docks["route"])
        self.docks["power_interest"].raise_()
        self.docks["route"].hide()
        self.route_panel.highlight.connect(self.scene.set_route)
        # The grids and the chart need pyqtgraph (and numpy): they load after the window shows.
        slots = [*self.grid_slots.values(), self.metrics_panel.chart_slot]
        build_after_first_paint(self.view.viewport(), slots, preload=["pyqtgraph"])

    def _list_docks(self, menu: QMenu) -> None:
        for dock in self.docks.values():
            menu.addAction(dock.toggleViewAction())

    def _add_language_menu(self, menu: QMenu) -> None:
        self.language_menu = add_language_menu(self, menu)

    @property
    def power_interest(self) -> ScaleGrid:
        """The power–interest grid, built now if it was not yet."""
        return self.grid_slots["power_interest"].widget()

    @property
    def influence_position(self) -> ScaleGrid:
        """The influence–position matrix, built now if it was not yet."""
        return self.grid_slots["influence_position"].widget()

    # -- the window's own API, used by the app's start, scripts and tests -----------------------
    @property
    def guard(self) -> ProtectedFile:
        """The open file's lock, password, autosave and backups."""
        return self.files.guard

    @property
    def password(self) -> str | None:
        """The open map's password (kept in memory only), or ``None``."""
        return self.files.password

    def open_path(self, path: Path, ask_to_save: bool = True) -> bool:
        """Open the map at ``path`` in this window (see :meth:`FileWorkflow.open_path`)."""
        return self.files.open_path(path, ask_to_save)

    def save(self) -> bool:
        """Save to the current file (or ask for one); returns whether it was saved."""
        return self.files.save()

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        return self.files.save_as()

    def show_unsaved(self, smap: StakeholderMap, modified: bool = True) -> bool:
        """Show ``smap`` as a map with no file yet (see :meth:`FileWorkflow.show_unsaved`)."""
        return self.files.show_unsaved(smap, modified)

    def show_rescued(self, opened: OpenedMap) -> None:
        """Show a damaged map's rescued copy as an unsaved map."""
        self.files.show_rescued(opened)

    def check_recovery(self, unsaved: bool = True) -> bool:
        """Offer the autosaves a crash left; returns whether one was recovered."""
        return self.files.check_recovery(unsaved)

    def focus_on(self, steps: int, stakeholder_id: str | None = None) -> None:
        """Show only the ego network of the stakeholder (default: the selected one)."""
        self.view_control.focus_on(steps, stakeholder_id)

    def clear_focus(self) -> None:
        """Show everything again: no focus, no highlighted route, no filters."""
        self.view_control.clear_focus()

    def show_message(self, message: str) -> None:
        """Say ``message`` in the status bar for a few seconds."""
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    # -- events --------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_map(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_map(event)
        if path is not None:
            event.acceptProposedAction()
            self.files.open_path(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.metrics.cancel()
        self.metrics.wait()
        self.window_layout.save()
        self.files.guard.close()
        event.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            # Fit once the window and its docks have their real size, not the size at build.
            self._shown_once = True
            self.window_layout.first_show()
            self.layout().activate()
            self.view.fit_all()

    def _start_first_analysis(self) -> None:
        """Compute the metrics once the map is drawn: an analysis thread running while a
        large map's ties are drawn would slow every drawing step down many times."""
        if self.scene.drawing_ties:
            self.scene.built.connect(self.metrics.run_now, Qt.ConnectionType.SingleShotConnection)
        else:
            self.metrics.run_now()

    # -- reactions ------------------------------------------------------------------------------
    def _on_model_change(self, change: ModelChange) -> None:
        self._update_counts()
        if change.kind is ChangeKind.RESET:
            self._update_title_and_fit()
        elif change.kind is ChangeKind.INFO_CHANGED:
            self.update_title()

    def _refresh_after_reset(self) -> None:
        self.view_control.refresh_after_reset()
        self._update_counts()
        self._update_title_and_fit()

    def _update_title_and_fit(self) -> None:
        self.update_title()
        self.view.fit_all()

    def _on_selection_changed(self, origin: object) -> None:
        selection = self.document.selection
        self.actions_by_name["delete"].setEnabled(
            bool(selection.stakeholders or selection.relationships)
        )
        for name in ("rename", "pin", "focus1", "focus2", "erase_person"):
            self.actions_by_name[name].setEnabled(bool(selection.stakeholders))

    def _update_counts(self) -> None:
        smap = self.document.smap
        self._status.setText(
            _("{stakeholders} · {relationships}").format(
                stakeholders=counted(len(smap.stakeholders), "stakeholder", "stakeholders"),
                relationships=counted(len(smap.relationships), "relationship", "relationships"),
            )
        )

    def update_title(self) -> None:
        """Name the map and its file in the title (and whether it is read-only or changed)."""
        path = self.document.path
        name = path.name if path else _("unsaved map")
        if self.files.guard.read_only:
            name = _("{name} (read-only)").format(name=name)
            self.read_only_banner.show_for(path.name if path else _("This map"))
        else:
            self.read_only_banner.clear()
        self.setWindowTitle(
            _("{title} — {name}[*] — Stakeholder Mapper").format(
                title=self.document.smap.info.title, name=name
            )
        )
        self.setWindowModified(not self.document.undo_stack.isClean())
        self.actions_by_name["revert"].setEnabled(path is not None)


def _scale_grid(document: MapDocument, name: str) -> ScaleGrid:
    """The grid called ``name`` ("power_interest" or "influence_position") on ``document``;
    the first one built loads pyqtgraph and numpy."""
    from ..panels.grids import INFLUENCE_POSITION, POWER_INTEREST, ScaleGrid

    spec = {"power_interest": POWER_INTEREST, "influence_position": INFLUENCE_POSITION}[name]
    return ScaleGrid(document, spec)
