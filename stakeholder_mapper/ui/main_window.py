"""The main window: the network canvas in the centre, docks around it, menus and toolbars.

Every edit goes through :class:`~stakeholder_mapper.ui.document.MapDocument` as a core
command on the undo stack; the canvas and docks refresh from the map's notifications.
The window also owns the file workflow (New, Open, Save, Revert, recent files, unsaved
changes prompts) and remembers its layout in the settings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, QThreadPool, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCompleter,
    QDialog,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QWidget,
)

from ..analysis.columns import METRIC_COLUMNS
from ..analysis.routes import our_branch
from ..core.commands import Batch, MoveStakeholders, RemoveRelationships, RemoveStakeholders
from ..core.i18n import N_, _, ngettext
from ..core.model import ChangeKind, ModelChange, StakeholderMap
from ..core.placement import drawn_positions
from ..core.wording import counted
from ..io.errors import MapFileError
from ..io.file_stamp import MapChangedOnDisk
from ..io.foreign import imported_sizes
from ..io.lock import MapLock
from ..io.project import import_only_reason, load_map
from .autosave import OpenedMap, ProtectedFile, offer_recovery, open_map_for_editing
from .background import start_in_pool
from .broker_view import BrokerView
from .canvas import CanvasFilter, MapScene, MapView
from .canvas.layout import LayoutJob, LayoutOutcome, LayoutRequest
from .dialogs import show_about, show_shortcuts
from .disk_change import ask_about_changed_file
from .dock_tabs import ReadableDockTabs
from .document import MapDocument
from .first_paint import after_first_paint
from .folders import documents_folder, file_stem, output_folder
from .inspector import Inspector
from .language_menu import add_language_menu
from .lazy_widget import LazyWidget, build_after_first_paint
from .metrics_panel import MetricsPanel, column_header
from .metrics_runner import MetricsResult, MetricsRunner
from .open_problems import FILE_FILTER, ask_save_path, copy_name
from .privacy import ErasePersonDialog, ReviewDueDialog
from .read_only_banner import ReadOnlyBanner, with_banner
from .route_panel import RoutePanel
from .settings import LAST_FOLDER, Settings
from .status_progress import BackgroundProgress
from .tables import TablePanel
from .window_layout import WindowLayout, scrolling
from .workshop import WorkshopTools

if TYPE_CHECKING:
    from .grids import ScaleGrid

__all__ = ["MainWindow"]

STATUS_TIMEOUT_MS = 6000
_SIZE_CHOICES = (
    ("power", N_("Power")),
    ("interest", N_("Interest")),
    ("influence", N_("Influence tower")),
    ("size", N_("Size from the imported file")),
)


class MainWindow(QMainWindow):
    """Shows one map and offers every action on it; the title names the map and its file."""

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
        #: The open file's lock, password, autosave and backups (see ui/autosave.py).
        self.guard = self._new_guard(path, password, lock, read_only)
        self.scene = MapScene(self.document, stepped=True)
        self.view = MapView(self.scene, self.document, self)
        self.read_only_banner = ReadOnlyBanner()
        self.setCentralWidget(with_banner(self.read_only_banner, self.view))
        self.read_only_banner.save_as_requested.connect(self.save_as)
        #: Where Save as starts for a map with no file of its own (a rescued copy).
        self._save_as_start: Path | None = None
        self.setAcceptDrops(True)
        #: Actions by short name, for menus, toolbars, tests and the shortcut list.
        self.actions_by_name: dict[str, QAction] = {}
        self.canvas_actions = self.actions_by_name
        self.docks: dict[str, QDockWidget] = {}
        self._layout_generation = 0
        self._layout_outcome: LayoutOutcome | None = None
        self._layout_poll = QTimer(self)
        self._layout_poll.setInterval(50)
        self._layout_poll.timeout.connect(self._collect_layout)
        self._tag: str | None = None
        self._shown_once = False
        self.dock_tabs = ReadableDockTabs(self)
        self._build_docks()
        self._build_actions()
        self._build_menus()
        self._build_toolbars()
        self.workshop = WorkshopTools(self)
        self._status = QLabel()
        self.focus_label = QLabel()
        self._filter_label = QLabel()
        self.statusBar().addPermanentWidget(self.focus_label)
        self.statusBar().addPermanentWidget(self._filter_label)
        self.statusBar().addPermanentWidget(self._status)
        self.document.edit_refused.connect(self._show_message)
        self.document.changed.connect(self._on_model_change)
        self.document.selection.changed.connect(self._on_selection_changed)
        self.document.undo_stack.cleanChanged.connect(self._update_title)
        self.document.path_changed.connect(self._update_title)
        self.view.message.connect(self._show_message)
        self.view.request.connect(self._on_view_request)
        self.view.escape_pressed.connect(self.clear_focus)
        self.scene.revealed.connect(self._on_revealed)
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
        self._update_title()
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
        self.metrics.finished.connect(self._on_metrics)
        # The grids and the chart need pyqtgraph (and numpy): they load after the window shows.
        slots = [*self.grid_slots.values(), self.metrics_panel.chart_slot]
        build_after_first_paint(self.view.viewport(), slots, preload=["pyqtgraph"])

    @property
    def power_interest(self) -> ScaleGrid:
        """The power–interest grid, built now if it was not yet."""
        return self.grid_slots["power_interest"].widget()

    @property
    def influence_position(self) -> ScaleGrid:
        """The influence–position matrix, built now if it was not yet."""
        return self.grid_slots["influence_position"].widget()

    def _action(
        self,
        name: str,
        text: str,
        slot: object = None,
        shortcut: str | list[str] | QKeySequence.StandardKey | None = None,
        tip: str = "",
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        a = self._action
        a("new", _("&New map"), self.new_map, key.New, _("Start an empty map"))
        a("open", _("&Open…"), self._on_open, key.Open, _("Open a map file"))
        a("save", _("&Save"), self.save, key.Save, _("Save the map"))
        a(
            "save_as",
            _("Save &as…"),
            self.save_as,
            "Ctrl+Shift+S",
            _("Save the map under a new name"),
        )
        a(
            "revert",
            _("&Revert to saved"),
            self.revert,
            None,
            _("Discard changes since the last save"),
        )
        a(
            "password",
            _("Pass&word…"),
            self._on_password,
            None,
            _("Protect the map with a password, change it or remove it"),
        )
        a(
            "import",
            _("&Import…"),
            self._on_import,
            "Ctrl+I",
            _("Import stakeholders and relationships from CSV, Excel, Kumu, GraphML or GEXF"),
        )
        a(
            "export",
            _("&Export data or picture…"),
            self._on_export,
            "Ctrl+E",
            _("Export the map as CSV, Excel, GraphML or GEXF, or the canvas as PNG, SVG or PDF"),
        )
        a(
            "plan",
            _("Export engagement &plan…"),
            self._on_plan,
            "Ctrl+Shift+E",
            _("Write the humanitarian diplomacy engagement plan as a Word document"),
        )
        a(
            "map_details",
            _("Map &details and plan content…"),
            self._on_map_details,
            "Ctrl+Shift+D",
            _(
                "Title, city, our branch, author, purpose, classification, and the plan's own "
                "sections (problem and ask, red lines, risks, calendar, indicators)"
            ),
        )
        a("quit", _("&Quit"), self.close, key.Quit)
        stack = self.document.undo_stack
        undo = stack.createUndoAction(self, _("&Undo"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = stack.createRedoAction(self, _("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for name, action in (("undo", undo), ("redo", redo)):
            self.addAction(action)
            self.actions_by_name[name] = action
        a(
            "add",
            _("&Add stakeholder"),
            self._on_add_stakeholder,
            "Ctrl+Shift+N",
            _("Add a stakeholder in the middle of the canvas and type its name"),
        )
        a(
            "delete",
            _("&Delete"),
            self.delete_selection,
            ["Del", "Backspace"],
            _("Delete the selected stakeholders and relationships"),
        )
        a("rename", _("Re&name"), self._on_rename, "F2", _("Rename the selected stakeholder"))
        a("select_all", _("Select &all"), self._on_select_all, "Ctrl+A")
        a("find", _("&Find stakeholder…"), self._on_find, "Ctrl+F", _("Find a stakeholder by name"))
        a(
            "erase_person",
            _("&Erase personal data…"),
            lambda: self._on_erase_person(),
            None,
            _("Erase the selected stakeholder's personal name and contact details everywhere"),
        )
        a(
            "reviews",
            _("Re&views due…"),
            self._on_reviews,
            None,
            _("Stakeholders whose review date has come"),
        )
        a(
            "pin",
            _("&Pin / unpin position"),
            self._on_pin,
            "Ctrl+P",
            _("Pinned stakeholders keep their place when the map is laid out"),
        )
        a("fit", _("&Fit map in window"), self.view.fit_all, "Ctrl+0")
        a("zoom_in", _("Zoom &in"), lambda: self.view.zoom_by(1.25), ["Ctrl++", "Ctrl+="])
        a("zoom_out", _("Zoom &out"), lambda: self.view.zoom_by(0.8), "Ctrl+-")
        a(
            "layout",
            _("&Lay out the map"),
            self.run_layout,
            "Ctrl+Shift+L",
            _("Arrange stakeholders by their ties (pinned ones stay put); runs in the background"),
        )
        a("focus1", _("Focus on selection (&1 step)"), lambda: self.focus_on(1), "Ctrl+1")
        a("focus2", _("Focus on selection (&2 steps)"), lambda: self.focus_on(2), "Ctrl+2")
        a(
            "clear_focus",
            _("&Show everything"),
            self.clear_focus,
            None,
            _("Leave the focus, clear the highlighted route and the filters (Esc on the canvas)"),
        )
        a("tag_filter", _("Only stakeholders with &tag…"), self._on_tag_filter)
        connect = a(
            "connect_tool",
            _("&Connect tool"),
            self._on_connect_tool,
            "C",
            _(
                "Drag from one stakeholder to another to connect them "
                "(or hold Shift while dragging)"
            ),
            checkable=True,
        )
        connect.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(connect)
        a(
            "route",
            _("Most &trusted route…"),
            self._on_route_action,
            "Ctrl+R",
            _("Find the chain of strongest trust from one stakeholder to another"),
        )
        a(
            "recompute",
            _("&Recompute metrics now"),
            self.metrics.run_now,
            "F9",
            _("Metrics recompute by themselves after each edit; this starts at once"),
        )
        a("shortcuts", _("&Keyboard shortcuts"), self._on_shortcuts, key.HelpContents)
        a("about", _("&About Stakeholder Mapper"), lambda: show_about(self))

    def _build_menus(self) -> None:
        bar = self.menuBar()

        def fill(menu: QMenu, names: list[str | None]) -> None:
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.actions_by_name[name])

        self.file_menu = bar.addMenu(_("&File"))
        fill(self.file_menu, ["new", "open"])
        self.recent_menu = self.file_menu.addMenu(_("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        fill(self.file_menu, ["save", "save_as", "revert", "password", None])
        fill(self.file_menu, ["map_details", None, "import", "export", "plan", None, "quit"])
        self.edit_menu = bar.addMenu(_("&Edit"))
        fill(
            self.edit_menu,
            ["undo", "redo", None, "add", "rename", "delete", "pin", None, "select_all", "find"],
        )
        fill(self.edit_menu, [None, "erase_person", "reviews"])
        self.view_menu = bar.addMenu(_("&View"))
        fill(self.view_menu, ["fit", "zoom_in", "zoom_out", None, "focus1", "focus2"])
        fill(self.view_menu, ["clear_focus", None, "layout"])
        self._build_filter_menu()
        self.broker_view = BrokerView(
            self, self.settings, self.metrics, self.scene, self._choose_size
        )
        self.addAction(self.broker_view.action)
        self.actions_by_name["size_brokerage"] = self.broker_view.action
        self.view_menu.addAction(self.broker_view.action)
        self.size_menu = self.view_menu.addMenu(_("&Size stakeholders by"))
        self.size_group = QActionGroup(self)
        self.size_group.triggered.connect(self.broker_view.follow_menu)
        self._fill_size_menu([])
        self.view_menu.addSeparator()
        for dock in self.docks.values():
            self.view_menu.addAction(dock.toggleViewAction())
        self.analysis_menu = bar.addMenu(_("&Analysis"))
        fill(self.analysis_menu, ["route", "recompute"])
        self.settings_menu = bar.addMenu(_("Se&ttings"))
        self.language_menu = add_language_menu(self, self.settings_menu)
        self.help_menu = bar.addMenu(_("&Help"))
        fill(self.help_menu, ["shortcuts", "about"])

    def _fill_size_menu(self, metric_columns: list[str]) -> None:
        for action in self.size_group.actions():
            self.size_group.removeAction(action)
            self.size_menu.removeAction(action)
        choices = [(key, _(text)) for key, text in _SIZE_CHOICES]
        choices += [(c, column_header(c)) for c in metric_columns]
        for key, text in choices:
            action = QAction(text, self.size_group)
            action.setCheckable(True)
            action.setData(key)
            action.setChecked(key == self.scene.size_by)
            action.triggered.connect(lambda _c=False, k=key: self.size_by(k))
            self.size_menu.addAction(action)

    def _build_toolbars(self) -> None:
        edit = QToolBar(_("Edit"), self)
        edit.setObjectName("edit_toolbar")
        for action in self._short_undo_actions():
            edit.addAction(action)
        edit.addSeparator()
        for name in ("add", "connect_tool", "delete", None, "fit", "layout"):
            if name is None:
                edit.addSeparator()
            else:
                edit.addAction(self.actions_by_name[name])
        edit.addSeparator()
        self.search_box = QLineEdit(edit)
        self.search_box.setPlaceholderText(_("Find stakeholder (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(240)
        # The hint fits whole in every language (a clipped "Rechercher (Ctrl..." hides the key).
        hint = self.search_box.fontMetrics().horizontalAdvance(self.search_box.placeholderText())
        self.search_box.setMinimumWidth(min(240, hint + 40))
        self._completer = QCompleter([], self.search_box)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.activated.connect(self._on_search)
        self.search_box.setCompleter(self._completer)
        self.search_box.returnPressed.connect(lambda: self._on_search(self.search_box.text()))
        edit.addWidget(self.search_box)
        self.addToolBar(edit)

        palette = QToolBar(_("Relationship kind"), self)
        palette.setObjectName("kind_palette")
        palette.addWidget(QLabel(" " + _("New tie:") + " "))
        self.kind_group = QActionGroup(self)
        self.kind_group.setExclusive(True)
        self._kind_palette = palette
        self.addToolBar(palette)

    def _short_undo_actions(self) -> tuple[QAction, QAction]:
        """Toolbar Undo and Redo with short text, so the toolbar keeps its width; the tooltip
        names the step (the Edit menu shows it in full)."""
        stack = self.document.undo_stack
        undo = _StepAction(_("Undo"), "Ctrl+Z", self)
        undo.triggered.connect(stack.undo)
        undo.setEnabled(stack.canUndo())
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.undoTextChanged.connect(undo.show_step)
        redo = _StepAction(_("Redo"), "Ctrl+Shift+Z", self)
        redo.triggered.connect(stack.redo)
        redo.setEnabled(stack.canRedo())
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.redoTextChanged.connect(redo.show_step)
        self.toolbar_undo, self.toolbar_redo = undo, redo
        return undo, redo

    def _build_filter_menu(self) -> None:
        menu = self.view_menu.addMenu(_("F&ilter"))
        self.category_filter_menu = menu.addMenu(_("&Categories"))
        self.kind_filter_menu = menu.addMenu(_("Relationship &kinds"))
        strength = menu.addMenu(_("Minimum &strength"))
        self.strength_group = QActionGroup(self)
        for value in range(1, 6):
            text = _("{strength} or more").format(strength=value) if value > 1 else _("any")
            action = QAction(text, self.strength_group)
            action.setCheckable(True)
            action.setChecked(value == 1)
            action.setData(value)
            action.triggered.connect(self._apply_filters)
            strength.addAction(action)
        menu.addAction(self.actions_by_name["tag_filter"])

    def _fill_kind_palette(self) -> None:
        for action in self.kind_group.actions():
            self._kind_palette.removeAction(action)
            self.kind_group.removeAction(action)
        kinds = self.document.smap.kinds
        if self.view.connect_kind not in kinds and kinds:
            self.view.connect_kind = next(iter(kinds))
        for kind in kinds.values():
            action = QAction(kind.name, self.kind_group)
            action.setCheckable(True)
            action.setData(kind.id)
            action.setToolTip(_kind_tip(kind.name, kind.directed, kind.valence))
            action.setChecked(kind.id == self.view.connect_kind)
            action.toggled.connect(
                lambda checked, kid=kind.id: checked and setattr(self.view, "connect_kind", kid)
            )
            self._kind_palette.addAction(action)

    def _fill_filter_menus(self, keep_ticks: bool = True) -> None:
        """List the map's categories and kinds in the filter menus and apply the filter.

        With ``keep_ticks`` an entry keeps the tick it had (a new one starts ticked), so
        adding or renaming a category does not silently drop an active filter.
        """
        smap = self.document.smap
        for menu, records in (
            (self.category_filter_menu, smap.categories.values()),
            (self.kind_filter_menu, smap.kinds.values()),
        ):
            unticked = (
                {a.data() for a in menu.actions() if not a.isChecked()} if keep_ticks else set()
            )
            menu.clear()
            for record in records:
                action = menu.addAction(record.name)
                action.setCheckable(True)
                action.setChecked(record.id not in unticked)
                action.setData(record.id)
                action.toggled.connect(self._apply_filters)
        self._apply_filters()

    # -- file workflow -------------------------------------------------------------------------
    def _dialog_folder(self) -> str:
        folder = self.settings.get(LAST_FOLDER)
        if folder and Path(folder).is_dir():
            return folder
        return str(documents_folder())

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; False means the user cancelled."""
        if self.document.undo_stack.isClean():
            return True
        question = (
            _("{name} has changes that are not saved. Save them?").format(
                name=self.document.path.name
            )
            if self.document.path
            else _("This map has changes that are not saved. Save them?")
        )
        answer = QMessageBox.warning(
            self,
            _("Unsaved changes"),
            question,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- the file's protection: lock, password, autosave, recovery -------------------------------
    def _new_guard(
        self,
        path: Path | None,
        password: str | None = None,
        lock: MapLock | None = None,
        read_only: bool = False,
    ) -> ProtectedFile:
        guard = ProtectedFile(
            self.document.smap,
            self.document.undo_stack,
            path,
            password,
            lock,
            read_only=read_only,
            parent=self,
        )
        guard.autosave_failed.connect(self._show_message)
        return guard

    def _replace_guard(self, guard: ProtectedFile) -> None:
        self.guard.close()
        self.guard.deleteLater()
        self.guard = guard
        self._update_title()

    @property
    def password(self) -> str | None:
        """The open map's password (kept in memory only), or ``None``."""
        return self.guard.password

    def check_recovery(self, unsaved: bool = True) -> bool:
        """Offer the autosaves a crash left of the open map's file (and, with ``unsaved``,
        of never-saved maps); returns whether one was recovered.

        Called when the window is first shown and after a map is opened.
        """
        recovered = offer_recovery(self, self.document.path, unsaved=unsaved)
        if recovered is None or not self.maybe_save():
            return False
        self.guard.detach()
        self.document.replace(recovered.smap, recovered.path)
        recovered = dataclasses.replace(recovered, smap=self.document.smap)
        try:
            guard = ProtectedFile.recovered(recovered, self.document.undo_stack, self)
        except MapFileError as exc:  # another instance opened the map in the meantime
            QMessageBox.warning(
                self,
                _("Map already open"),
                _("{reason} The recovered version is open read-only.").format(reason=exc),
            )
            guard = ProtectedFile(
                self.document.smap,
                self.document.undo_stack,
                recovered.path,
                recovered.password,
                read_only=True,
                parent=self,
            )
            self.document.undo_stack.resetClean()
        guard.autosave_failed.connect(self._show_message)
        self.guard.deleteLater()
        self.guard = guard
        self._update_title()
        self._show_message(_("Recovered the autosaved version; save it to keep it."))
        return True

    def _on_password(self) -> None:
        try:
            if self.guard.change_password(self):
                self._show_message(
                    _("The map is now protected by a password.")
                    if self.guard.password
                    else _("The map is now not protected.")
                )
        except MapFileError as exc:
            QMessageBox.warning(self, _("Cannot save map"), str(exc))

    def _on_erase_person(self, stakeholder_id: str | None = None) -> None:
        sid = stakeholder_id or next(iter(self.document.selection.stakeholders), None)
        if sid is None:
            return
        dialog = ErasePersonDialog(self.document.smap, sid, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.command() is not None:
            self.document.push(dialog.command())
            self._show_message(_("Personal data erased; save the map to remove it from the file."))

    def _on_reviews(self) -> None:
        dialog = ReviewDueDialog(self.document.smap, dt.date.today(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            self._on_erase_person(dialog.chosen())

    def new_map(self) -> None:
        """Replace the map with an empty one (after asking about unsaved changes)."""
        self.show_unsaved(StakeholderMap(), modified=False)

    def show_unsaved(self, smap: StakeholderMap, modified: bool = True) -> bool:
        """Show ``smap`` as a map with no file yet (after asking about unsaved changes).

        A ``modified`` map (an import) counts as unsaved work: closing asks to save it.
        """
        if not self.maybe_save():
            return False
        self._replace_guard(self._new_guard(None))
        self.document.replace(smap, None)
        if modified:
            self.document.undo_stack.resetClean()
        return True

    def _on_open(self) -> None:
        if not self.maybe_save():
            return
        name, _chosen_filter = QFileDialog.getOpenFileName(
            self, _("Open map"), self._dialog_folder(), _(FILE_FILTER)
        )
        if name:
            self.open_path(Path(name), ask_to_save=False)

    def open_path(self, path: Path, ask_to_save: bool = True) -> bool:
        """Open the map at ``path``: offers its autosaves if it crashed, locks it (or offers
        read-only) and asks for its password when it is protected.

        The map already open in this window is not opened twice: with unsaved changes the
        one question is whether to go back to the saved version.
        """
        current = self.document.path
        if current is not None and _same_file(path, current):
            return self._reopen_current()
        if ask_to_save and not self.maybe_save():
            return False
        opened = open_map_for_editing(self, path)
        if opened is None:
            return False
        if opened.rescued is not None:
            self.show_rescued(opened)
            return True
        self._save_as_start = None
        self._replace_guard(self._new_guard(path, opened.password, opened.lock, opened.read_only))
        self.document.replace(opened.smap, path)
        self.settings.add_recent_file(path)
        if opened.read_only:
            self._show_message(
                _("{name} is open read-only; use Save as to keep changes.").format(name=path.name)
            )
        else:
            self.check_recovery(unsaved=False)
        return True

    def show_rescued(self, opened: OpenedMap) -> None:
        """Show the backup or autosave of a damaged map as an unsaved map: Save asks for
        a file, proposing a new name beside the damaged one."""
        assert opened.rescued is not None
        self._replace_guard(self._new_guard(None, opened.password))
        self.document.replace(opened.smap, None)
        self.document.undo_stack.resetClean()
        self._save_as_start = copy_name(opened.path, "rescued")
        self._show_message(
            _("Opened {what} as an unsaved map; save it to keep it.").format(
                what=opened.rescued.describe()
            )
        )

    def _reopen_current(self) -> bool:
        path = self.document.path
        assert path is not None
        if self.document.undo_stack.isClean():
            self._show_message(_("{name} is already open in this window.").format(name=path.name))
            return True
        answer = QMessageBox.question(
            self,
            _("Map already open"),
            _(
                "{name} is already open in this window, with unsaved changes. "
                "Discard them and go back to the saved version?"
            ).format(name=path.name),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return False
        return self._reload_saved()

    def _reload_saved(self) -> bool:
        path = self.document.path
        assert path is not None
        try:
            smap = load_map(path, self.password)
        except MapFileError as exc:
            QMessageBox.warning(self, _("Cannot revert"), str(exc))
            return False
        self.document.replace(smap, path)
        return True

    def save(self) -> bool:
        """Save to the current file (or ask for one); returns whether it was saved."""
        if self.document.path is None or self.guard.read_only:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        start = (
            self.document.path
            or self._save_as_start
            or Path(self._dialog_folder()) / f"{file_stem(self.document.smap.info.title)}.smap"
        )
        read_only = self.document.path if self.guard.read_only else None
        path = ask_save_path(self, start, read_only)
        return path is not None and self._write(path)

    def _write(self, path: Path, overwrite: bool = False) -> bool:
        if not path.parent.is_dir():
            QMessageBox.warning(
                self,
                _("Cannot save map"),
                _("The folder {folder} does not exist.").format(folder=path.parent),
            )
            return False
        try:
            self.guard.save(path, overwrite=overwrite)
        except MapChangedOnDisk as exc:
            choice = ask_about_changed_file(self, str(exc))
            if choice == "save-as":
                return self.save_as()
            return choice == "overwrite" and self._write(path, overwrite=True)
        except MapFileError as exc:
            QMessageBox.warning(self, _("Cannot save map"), str(exc))
            return False
        self.document.undo_stack.setClean()
        if path != self.document.path:
            self.document.path = path
            self.document.path_changed.emit()
        self.settings.add_recent_file(path)
        self._save_as_start = None
        self._show_message(_("Saved {name}.").format(name=path.name))
        return True

    def revert(self) -> None:
        """Reload the file from disk, discarding unsaved changes (after confirmation)."""
        path = self.document.path
        if path is None or self.document.undo_stack.isClean():
            return
        answer = QMessageBox.question(
            self,
            _("Revert to saved"),
            _("Discard every change since {name} was last saved?").format(name=path.name),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self._reload_saved()

    def _on_import(self) -> None:
        # The import, export and plan dialogs load pandas, spreadsheet readers, python-docx
        # and matplotlib: they are imported when first opened, not while the window starts.
        from .import_dialog import run_import_dialog

        outcome = run_import_dialog(self, self.document)
        if outcome is None:
            return
        if outcome.command is not None:
            self.document.push(outcome.command)
        elif outcome.new_map is not None and self.show_unsaved(outcome.new_map):
            # Gephi's sizes are drawn when the file gave them and no power was rated.
            smap = outcome.new_map
            if imported_sizes(smap) and all(s.power is None for s in smap.stakeholders.values()):
                self._choose_size("size")

    def _on_export(self) -> None:
        from .export_dialog import run_export_dialog

        run_export_dialog(
            self,
            self.document.smap,
            scene=self.scene,
            folder=output_folder(),
            map_path=self.document.path,
        )

    def _on_map_details(self) -> None:
        from .map_details import run_map_details

        run_map_details(self.document, self)

    def _on_plan(self) -> None:
        from .plan_dialog import run_plan_dialog

        run_plan_dialog(self, self.document.smap, self.document.path, push=self.document.push)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for path in recent:
            self.recent_menu.addAction(path.name, lambda p=path: self.open_path(p)).setToolTip(
                str(path)
            )
        if not recent:
            self.recent_menu.addAction(_("No recent maps")).setEnabled(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_map(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_map(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.metrics.cancel()
        self.metrics.wait()
        self.window_layout.save()
        self.guard.close()
        event.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            # Fit once the window and its docks have their real size, not the size at build.
            self._shown_once = True
            self.window_layout.first_show()
            self.layout().activate()
            self.view.fit_all()

    # -- edit handlers ---------------------------------------------------------------------------
    def _on_add_stakeholder(self) -> None:
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        taken = {(round(n.pos().x()), round(n.pos().y())) for n in self.scene.nodes.values()}
        while (round(centre.x()), round(centre.y())) in taken:
            centre += QPointF(30, 30)
        self.view.add_stakeholder(centre)

    def delete_selection(self) -> None:
        """Delete the selected stakeholders (with their ties) and relationships as one step.

        Only from the canvas, the stakeholder and relationship tables or the menus: Delete
        pressed in another list (snapshots, metrics) must not delete stakeholders.
        """
        focused = self._focused_item_view()
        if focused is not None and focused not in (
            self.stakeholder_table.table,
            self.relationship_table.table,
        ):
            return
        smap = self.document.smap
        selection = self.document.selection
        stakeholders = [i for i in selection.stakeholders if i in smap.stakeholders]
        gone = set(stakeholders)
        relationships = [
            i
            for i in selection.relationships
            if i in smap.relationships
            and smap.relationships[i].source not in gone
            and smap.relationships[i].target not in gone
        ]
        if stakeholders and relationships:
            count = len(stakeholders) + len(relationships)
            self.document.try_edit(
                lambda: Batch.build(
                    smap,
                    ngettext("Delete {n} item", "Delete {n} items", count).format(n=count),
                    [
                        lambda m: RemoveRelationships(m, relationships),
                        lambda m: RemoveStakeholders(m, stakeholders),
                    ],
                )
            )
        elif stakeholders:
            self.document.try_edit(lambda: RemoveStakeholders(smap, stakeholders))
        elif relationships:
            self.document.try_edit(lambda: RemoveRelationships(smap, relationships))

    def _on_rename(self) -> None:
        # F2 in a table edits the current cell there, as in any spreadsheet.
        table = self._focused_item_view()
        if table is not None:
            index = table.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                table.edit(index)
                return
        selected = self.document.selection.stakeholders
        if selected:
            self.view.start_rename(selected[0])

    def _focused_item_view(self) -> QAbstractItemView | None:
        """The list or table that has the keyboard focus, if any."""
        widget = QApplication.focusWidget()
        while widget is not None and not isinstance(widget, QAbstractItemView):
            widget = widget.parentWidget()
        return widget

    def _on_pin(self) -> None:
        selected = self.document.selection.stakeholders
        if not selected:
            return
        smap = self.document.smap
        pin = not all(sid in smap.pinned for sid in selected)
        self.document.try_edit(lambda: MoveStakeholders(smap, {}, dict.fromkeys(selected, pin)))

    def _on_select_all(self) -> None:
        table = self._focused_item_view()
        if table is not None:
            # Ctrl+A in a table selects its rows (all relationships in the relationship table).
            table.selectAll()
            return
        self.document.selection.set(sorted(self.scene.visible_stakeholders()))

    def _on_connect_tool(self, checked: bool) -> None:
        self.view.connect_tool = checked
        self._show_message(
            _("Connect tool: drag from one stakeholder to another.")
            if checked
            else _("Select tool.")
        )

    def _on_find(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _on_search(self, text: str) -> None:
        smap = self.document.smap
        found = smap.find_stakeholder(text)
        if found is None:
            wanted = text.strip().casefold()
            found = next(
                (s for s in smap.stakeholders.values() if wanted and wanted in s.label.casefold()),
                None,
            )
        if found is None:
            self._show_message(_("No stakeholder called {name}.").format(name=repr(text)))
            return
        if not self.scene.nodes[found.id].isVisible():
            self.clear_focus()
        self.view.centre_on(found.id)

    def _on_shortcuts(self) -> None:
        names = [n for n in self.actions_by_name if n not in ("connect_tool",)] + ["connect_tool"]
        show_shortcuts(self, [self.actions_by_name[n] for n in names])

    def _choose_size(self, name: str) -> None:
        """Size the nodes by ``name`` and tick it in the Size menu."""
        self.size_by(name)
        for action in self.size_group.actions():
            action.setChecked(action.data() == name)

    def size_by(self, name: str) -> None:
        """Size the canvas nodes by power, interest, influence tower or a metric column."""
        result = self.metrics.result
        values = None
        if result is not None and name in result.metrics.columns:
            values = {str(k): float(v) for k, v in result.metrics[name].items()}
        elif name == "size":
            values = imported_sizes(self.document.smap)
        self.scene.set_size_by(name, values)
        self.view.legend.refresh()

    # -- focus, filters, layout ----------------------------------------------------------------
    def focus_on(self, steps: int, stakeholder_id: str | None = None) -> None:
        """Show only the ego network of the stakeholder (default: the selected one)."""
        if stakeholder_id is None:
            selected = self.document.selection.stakeholders
            if not selected:
                self._show_message(_("Select a stakeholder to focus on."))
                return
            stakeholder_id = selected[0]
        self.scene.set_focus(stakeholder_id, steps)
        label = self.document.smap.stakeholders[stakeholder_id].label
        self.focus_label.setText(
            ngettext(
                "Focus: {name}, {n} step (Esc shows everything)",
                "Focus: {name}, {n} steps (Esc shows everything)",
                steps,
            ).format(name=label, n=steps)
        )
        self.view.fit_all()

    def clear_focus(self) -> None:
        """Show everything again: no focus, no highlighted route, no filters."""
        self.scene.set_focus(None)
        self.scene.set_route([])
        self.focus_label.setText("")
        for menu in (self.category_filter_menu, self.kind_filter_menu):
            for action in menu.actions():
                action.blockSignals(True)
                action.setChecked(True)
                action.blockSignals(False)
        self._tag = None
        self.strength_group.actions()[0].setChecked(True)
        self._apply_filters()

    def _apply_filters(self) -> None:
        def checked(menu: QMenu) -> set[str] | None:
            actions = menu.actions()
            chosen = {a.data() for a in actions if a.isChecked()}
            return None if len(chosen) == len(actions) else chosen

        strength = self.strength_group.checkedAction()
        canvas_filter = CanvasFilter(
            categories=checked(self.category_filter_menu),
            kinds=checked(self.kind_filter_menu),
            tag=self._tag,
            min_strength=strength.data() if strength else 1,
        )
        self.scene.set_filter(canvas_filter)
        self._filter_label.setText(_describe_filter(canvas_filter))

    def _on_revealed(self, ids: list[str]) -> None:
        if self.scene.focus is not None:
            message = ngettext(
                "The new stakeholder is shown although the focus would hide it; "
                "Esc shows everything.",
                "The new stakeholders are shown although the focus would hide them; "
                "Esc shows everything.",
                len(ids),
            )
        else:
            message = ngettext(
                "The new stakeholder is shown although the filter would hide it; "
                "Esc shows everything.",
                "The new stakeholders are shown although the filter would hide them; "
                "Esc shows everything.",
                len(ids),
            )
        self._show_message(message)

    def _on_tag_filter(self) -> None:
        tags = sorted({t for s in self.document.smap.stakeholders.values() for t in s.tags})
        tag, ok = QInputDialog.getItem(
            self,
            _("Filter by tag"),
            _("Show only stakeholders tagged:"),
            [_("(any)"), *tags],
            0,
            True,
        )
        if ok:
            self._tag = None if tag in ("", _("(any)")) else tag.strip()
            self._apply_filters()

    def run_layout(self) -> None:
        """Lay the map out in the background; the result is one undoable move."""
        smap = self.document.smap
        if not smap.stakeholders:
            return
        request = LayoutRequest(
            ids=tuple(smap.stakeholders),
            ties=tuple((r.source, r.target, r.strength) for r in smap.relationships.values()),
            positions=drawn_positions(smap.stakeholders, smap.positions),
            pinned=frozenset(smap.pinned),
        )
        self._layout_generation += 1
        self.actions_by_name["layout"].setEnabled(False)
        self._show_message(_("Laying out the map…"))
        self._layout_outcome = LayoutOutcome(self._layout_generation)
        start_in_pool(QThreadPool.globalInstance(), LayoutJob(request, self._layout_outcome))
        self._layout_poll.start()

    def _collect_layout(self) -> None:
        outcome = self._layout_outcome
        if outcome is None or not outcome.done:
            return
        self._layout_poll.stop()
        self._layout_outcome = None
        if outcome.error is not None:
            self._on_layout_failed(outcome.generation, outcome.error)
        else:
            self._on_layout_finished(outcome.generation, outcome.positions or {})

    def _on_layout_finished(self, generation: int, positions: dict) -> None:
        self.actions_by_name["layout"].setEnabled(True)
        if generation != self._layout_generation:
            return
        smap = self.document.smap
        wanted = {
            sid: xy
            for sid, xy in positions.items()
            if sid in smap.stakeholders and sid not in smap.pinned
        }
        if not wanted:
            return
        command = MoveStakeholders(smap, wanted)
        command.text = _("Lay out the map")
        self.document.push(command)
        self._show_message(_("Map laid out. Undo puts everyone back."))
        self.view.fit_all()

    def _on_layout_failed(self, generation: int, message: str) -> None:
        self.actions_by_name["layout"].setEnabled(True)
        self._show_message(message)

    def _on_view_request(self, name: str, stakeholder_id: str) -> None:
        if name in ("focus1", "focus2"):
            self.focus_on(1 if name == "focus1" else 2, stakeholder_id)
        elif name in ("route_from", "route_to"):
            if name == "route_from":
                self.route_panel.set_ends(source=stakeholder_id)
            else:
                self.route_panel.set_ends(target=stakeholder_id)
            self._on_route()
            self.route_panel.find()

    def _on_route_action(self) -> None:
        selected = self.document.selection.stakeholders
        if selected:
            # Ctrl+R with a stakeholder selected: the route from our branch to it.
            self.route_panel.set_ends(source=our_branch(self.document.smap), target=selected[0])
        self._on_route()

    def _on_route(self) -> None:
        dock = self.docks["route"]
        dock.show()
        dock.raise_()

    def _start_first_analysis(self) -> None:
        """Compute the metrics once the map is drawn: an analysis thread running while a
        large map's ties are drawn would slow every drawing step down many times."""
        if self.scene.drawing_ties:
            self.scene.built.connect(self.metrics.run_now, Qt.ConnectionType.SingleShotConnection)
        else:
            self.metrics.run_now()

    def _on_metrics(self, result: MetricsResult) -> None:
        self.view.readings = {sid: r.sentence for sid, r in result.readings.items()}
        columns = [c for c in result.metrics.columns if c in METRIC_COLUMNS and c != "community"]
        self._fill_size_menu(columns)
        if self.scene.size_by in columns:
            self.size_by(self.scene.size_by)

    # -- reactions ------------------------------------------------------------------------------
    def _show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def _on_model_change(self, change: ModelChange) -> None:
        self._update_counts()
        if change.kind is ChangeKind.RESET:
            # Another map (or the saved one) is shown: a layout still running is for the old one.
            self._layout_generation += 1
            if self.scene.size_by == "size" and not imported_sizes(self.document.smap):
                self._choose_size("power")  # the sizes were the previous map's file's
            self._refresh_after_reset()
        elif change.kind in (
            ChangeKind.KIND_ADDED,
            ChangeKind.KIND_REMOVED,
            ChangeKind.KIND_CHANGED,
            ChangeKind.CATEGORY_ADDED,
            ChangeKind.CATEGORY_REMOVED,
            ChangeKind.CATEGORY_CHANGED,
        ):
            self._fill_kind_palette()
            self._fill_filter_menus()
        elif change.kind is ChangeKind.INFO_CHANGED:
            self._update_title()
        if change.kind in (
            ChangeKind.STAKEHOLDER_ADDED,
            ChangeKind.STAKEHOLDER_REMOVED,
            ChangeKind.STAKEHOLDER_CHANGED,
        ):
            self._update_completer()

    def _refresh_after_reset(self) -> None:
        self.focus_label.setText("")
        self._fill_kind_palette()
        self._fill_filter_menus(keep_ticks=False)
        self._update_completer()
        self._update_counts()
        self._update_title()
        self.view.fit_all()

    def _update_completer(self) -> None:
        labels = sorted(s.label for s in self.document.smap.stakeholders.values())
        self._completer.model().setStringList(labels)

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

    def _update_title(self) -> None:
        path = self.document.path
        name = path.name if path else _("unsaved map")
        if self.guard.read_only:
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
    from .grids import INFLUENCE_POSITION, POWER_INTEREST, ScaleGrid

    spec = {"power_interest": POWER_INTEREST, "influence_position": INFLUENCE_POSITION}[name]
    return ScaleGrid(document, spec)


def _describe_filter(canvas_filter: CanvasFilter) -> str:
    parts = []
    if canvas_filter.categories is not None:
        n = len(canvas_filter.categories)
        parts.append(ngettext("{n} category", "{n} categories", n).format(n=n))
    if canvas_filter.kinds is not None:
        n = len(canvas_filter.kinds)
        parts.append(ngettext("{n} kind", "{n} kinds", n).format(n=n))
    if canvas_filter.tag:
        parts.append(_("tag {tag}").format(tag=canvas_filter.tag))
    if canvas_filter.min_strength > 1:
        parts.append(_("strength ≥ {n}").format(n=canvas_filter.min_strength))
    return _("Filtered: {what}").format(what=", ".join(parts)) if parts else ""


def _kind_tip(name: str, directed: bool, valence: str) -> str:
    """The kind palette's tooltip: what a new tie drawn with this kind will be."""
    if valence == "negative":
        text = (
            _("New ties are {kind} (directed, negative)")
            if directed
            else _("New ties are {kind} (undirected, negative)")
        )
    else:
        text = (
            _("New ties are {kind} (directed, positive)")
            if directed
            else _("New ties are {kind} (undirected, positive)")
        )
    return text.format(kind=name.lower())


class _StepAction(QAction):
    """A toolbar Undo or Redo: the short word as text, the step it would undo in the tooltip."""

    def __init__(self, word: str, keys: str, parent: QWidget) -> None:
        super().__init__(word, parent)
        self._word, self._keys = word, keys
        self.show_step("")

    def show_step(self, step: str) -> None:
        """Name ``step`` (the undo stack's text for it) in the tooltip."""
        self.setToolTip(
            _("{action} {step} ({keys})").format(action=self._word, step=step, keys=self._keys)
            if step
            else self._word
        )


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (following links and ``..``)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _dropped_map(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The map file dropped, or a spreadsheet or graph file (opening it says to import it)."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    for url in urls:
        path = Path(url.toLocalFile())
        if url.isLocalFile() and (path.suffix.casefold() == ".smap" or import_only_reason(path)):
            return path
    return None
