"""The main window's actions, menus and toolbars, declared as tables.

:data:`ACTIONS` lists every action once: its name, text, keys, tip and what it does (a
function of the window). :data:`MENUS` says where each sits in the menu bar; the entries
that start with ``@`` are submenus the window fills itself (recent maps, filters, sizes,
docks, language). To add a command, add a row to :data:`ACTIONS`, the handler to the part
of the window that does the work, and the name to a menu.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QMenu, QToolBar, QWidget

from ...core.i18n import N_, _
from ..dialogs.help import show_about, show_shortcuts
from .broker_view import BrokerView

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = [
    "ACTIONS",
    "MENUS",
    "ActionSpec",
    "build_actions",
    "build_filter_menu",
    "build_menus",
    "build_size_menu",
    "build_toolbars",
    "show_shortcut_list",
]

Key = QKeySequence.StandardKey
Shortcut = str | tuple[str, ...] | QKeySequence.StandardKey | None


@dataclass(frozen=True)
class ActionSpec:
    """One action of the main window.

    ``text`` and ``tip`` are catalogue messages, translated when the window is built.
    ``slot`` is called with the window when the action is triggered; ``None`` means the
    undo stack's own Undo or Redo action, whose text names the step it would undo.
    """

    name: str
    text: str
    slot: Callable[[MainWindow], object] | None
    shortcut: Shortcut = None
    tip: str = ""
    checkable: bool = False
    #: The key works only while the canvas has the keyboard (a letter typed in a field is text).
    canvas_only: bool = False


#: Every action, in the order the keyboard shortcut list shows them.
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "new", N_("&New map"), lambda w: w.files.new_map(), Key.New, N_("Start an empty map")
    ),
    ActionSpec(
        "open", N_("&Open…"), lambda w: w.files.choose_and_open(), Key.Open, N_("Open a map file")
    ),
    ActionSpec("save", N_("&Save"), lambda w: w.files.save(), Key.Save, N_("Save the map")),
    ActionSpec(
        "save_as",
        N_("Save &as…"),
        lambda w: w.files.save_as(),
        "Ctrl+Shift+S",
        N_("Save the map under a new name"),
    ),
    ActionSpec(
        "revert",
        N_("&Revert to saved"),
        lambda w: w.files.revert(),
        None,
        N_("Discard changes since the last save"),
    ),
    ActionSpec(
        "password",
        N_("Pass&word…"),
        lambda w: w.files.change_password(),
        None,
        N_("Protect the map with a password, change it or remove it"),
    ),
    ActionSpec(
        "import",
        N_("&Import…"),
        lambda w: w.files.import_file(),
        "Ctrl+I",
        N_("Import stakeholders and relationships from CSV, Excel, Kumu, GraphML or GEXF"),
    ),
    ActionSpec(
        "export",
        N_("&Export data or picture…"),
        lambda w: w.files.export(w.scene),
        "Ctrl+E",
        N_("Export the map as CSV, Excel, GraphML or GEXF, or the canvas as PNG, SVG or PDF"),
    ),
    ActionSpec(
        "plan",
        N_("Export engagement &plan…"),
        lambda w: w.files.export_plan(),
        "Ctrl+Shift+E",
        N_("Write the humanitarian diplomacy engagement plan as a Word document"),
    ),
    ActionSpec(
        "map_details",
        N_("Map &details and plan content…"),
        lambda w: w.editing.edit_map_details(),
        "Ctrl+Shift+D",
        N_(
            "Title, city, our branch, author, purpose, classification, and the plan's own "
            "sections (problem and ask, red lines, risks, calendar, indicators)"
        ),
    ),
    ActionSpec("quit", N_("&Quit"), lambda w: w.close(), Key.Quit),
    ActionSpec("undo", N_("&Undo"), None, "Ctrl+Z"),
    ActionSpec("redo", N_("&Redo"), None, ("Ctrl+Shift+Z", "Ctrl+Y")),
    ActionSpec(
        "add",
        N_("&Add stakeholder"),
        lambda w: w.editing.add_stakeholder(),
        "Ctrl+Shift+N",
        N_("Add a stakeholder in the middle of the canvas and type its name"),
    ),
    ActionSpec(
        "delete",
        N_("&Delete"),
        lambda w: w.editing.delete_selection(),
        ("Del", "Backspace"),
        N_("Delete the selected stakeholders and relationships"),
    ),
    ActionSpec(
        "rename",
        N_("Re&name"),
        lambda w: w.editing.rename(),
        "F2",
        N_("Rename the selected stakeholder"),
    ),
    ActionSpec("select_all", N_("Select &all"), lambda w: w.editing.select_all(), "Ctrl+A"),
    ActionSpec(
        "find",
        N_("&Find stakeholder…"),
        lambda w: w.view_control.find(),
        "Ctrl+F",
        N_("Find a stakeholder by name"),
    ),
    ActionSpec(
        "erase_person",
        N_("&Erase personal data…"),
        lambda w: w.editing.erase_person(),
        None,
        N_("Erase the selected stakeholder's personal name and contact details everywhere"),
    ),
    ActionSpec(
        "reviews",
        N_("Re&views due…"),
        lambda w: w.editing.reviews_due(),
        None,
        N_("Stakeholders whose review date has come"),
    ),
    ActionSpec(
        "pin",
        N_("&Pin / unpin position"),
        lambda w: w.editing.toggle_pin(),
        "Ctrl+P",
        N_("Pinned stakeholders keep their place when the map is laid out"),
    ),
    ActionSpec("fit", N_("&Fit map in window"), lambda w: w.view.fit_all(), "Ctrl+0"),
    ActionSpec("zoom_in", N_("Zoom &in"), lambda w: w.view.zoom_by(1.25), ("Ctrl++", "Ctrl+=")),
    ActionSpec("zoom_out", N_("Zoom &out"), lambda w: w.view.zoom_by(0.8), "Ctrl+-"),
    ActionSpec(
        "layout",
        N_("&Lay out the map"),
        lambda w: w.view_control.run_layout(),
        "Ctrl+Shift+L",
        N_("Arrange stakeholders by their ties (pinned ones stay put); runs in the background"),
    ),
    ActionSpec(
        "focus1",
        N_("Focus on selection (&1 step)"),
        lambda w: w.view_control.focus_on(1),
        "Ctrl+1",
    ),
    ActionSpec(
        "focus2",
        N_("Focus on selection (&2 steps)"),
        lambda w: w.view_control.focus_on(2),
        "Ctrl+2",
    ),
    ActionSpec(
        "clear_focus",
        N_("&Show everything"),
        lambda w: w.view_control.clear_focus(),
        None,
        N_("Leave the focus, clear the highlighted route and the filters (Esc on the canvas)"),
    ),
    ActionSpec(
        "tag_filter", N_("Only stakeholders with &tag…"), lambda w: w.view_control.ask_tag()
    ),
    ActionSpec(
        "connect_tool",
        N_("&Connect tool"),
        lambda w: w.view_control.use_connect_tool(w.actions_by_name["connect_tool"].isChecked()),
        "C",
        N_("Drag from one stakeholder to another to connect them (or hold Shift while dragging)"),
        checkable=True,
        canvas_only=True,
    ),
    ActionSpec(
        "route",
        N_("Most &trusted route…"),
        lambda w: w.view_control.route_to_selection(),
        "Ctrl+R",
        N_("Find the chain of strongest trust from one stakeholder to another"),
    ),
    ActionSpec(
        "recompute",
        N_("&Recompute metrics now"),
        lambda w: w.metrics.run_now(),
        "F9",
        N_("Metrics recompute by themselves after each edit; this starts at once"),
    ),
    ActionSpec(
        "shortcuts",
        N_("&Keyboard shortcuts"),
        lambda w: show_shortcut_list(w),
        Key.HelpContents,
    ),
    ActionSpec("about", N_("&About Stakeholder Mapper"), lambda w: show_about(w)),
)

#: Submenus the window fills itself, named in :data:`MENUS`.
RECENT, FILTER, SIZE, DOCKS, LANGUAGE = "@recent", "@filter", "@size", "@docks", "@language"
APPEARANCE = "@appearance"

#: The menu bar: each menu's attribute on the window, its title and its entries in order:
#: an action's name, ``|`` for a separator, or an ``@`` submenu.
MENUS: tuple[tuple[str, str, str], ...] = (
    (
        "file_menu",
        N_("&File"),
        "new open @recent save save_as revert password | map_details | import export plan | quit",
    ),
    (
        "edit_menu",
        N_("&Edit"),
        "undo redo | add rename delete pin | select_all find | erase_person reviews",
    ),
    (
        "view_menu",
        N_("&View"),
        "fit zoom_in zoom_out | focus1 focus2 clear_focus | layout @filter @size | "
        "@appearance | @docks",
    ),
    ("analysis_menu", N_("&Analysis"), "route recompute"),
    ("settings_menu", N_("Se&ttings"), "@language"),
    ("help_menu", N_("&Help"), "shortcuts about"),
)

#: The Edit toolbar after its short Undo and Redo.
EDIT_TOOLBAR = "add connect_tool delete | fit layout"


def build_actions(window: MainWindow) -> dict[str, QAction]:
    """Create every action of :data:`ACTIONS` on ``window`` (so their keys work anywhere
    in it), connected to their slots; returns them by name."""
    stack = window.document.undo_stack
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        if spec.slot is None:
            make = stack.createUndoAction if spec.name == "undo" else stack.createRedoAction
            action = make(window, _(spec.text))
        else:
            action = QAction(_(spec.text), window)
            action.triggered.connect(lambda _checked=False, slot=spec.slot: slot(window))
        if isinstance(spec.shortcut, tuple):
            action.setShortcuts([QKeySequence(s) for s in spec.shortcut])
        elif spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tip:
            action.setStatusTip(_(spec.tip))
            action.setToolTip(_(spec.tip))
        action.setCheckable(spec.checkable)
        window.addAction(action)
        if spec.canvas_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            window.view.addAction(action)
        actions[spec.name] = action
    return actions


def build_menus(
    window: MainWindow,
    actions: Mapping[str, QAction],
    submenus: Mapping[str, Callable[[QMenu], object]],
) -> None:
    """Fill the menu bar from :data:`MENUS`; each menu is kept on the window under its
    name (``window.file_menu``…) and ``submenus`` fill the ``@`` entries."""
    bar = window.menuBar()
    for attribute, title, entries in MENUS:
        menu = bar.addMenu(_(title))
        setattr(window, attribute, menu)
        for entry in entries.split():
            if entry == "|":
                menu.addSeparator()
            elif entry.startswith("@"):
                submenus[entry](menu)
            else:
                menu.addAction(actions[entry])


def build_size_menu(window: MainWindow, parent: QMenu) -> None:
    """View → Size stakeholders by: one exclusive choice, filled per map and per analysis."""
    window.broker_view = BrokerView(
        window,
        window.settings,
        window.metrics,
        window.scene,
        lambda name: window.view_control.choose_size(name),
    )
    window.addAction(window.broker_view.action)
    window.actions_by_name["size_brokerage"] = window.broker_view.action
    parent.addAction(window.broker_view.action)
    window.size_menu = parent.addMenu(_("&Size stakeholders by"))
    window.size_group = QActionGroup(window)
    window.size_group.triggered.connect(window.broker_view.follow_menu)


def show_shortcut_list(window: MainWindow) -> None:
    """Help → Keyboard shortcuts: every action with its keys, the canvas-only ones last."""
    show_shortcuts(window, shortcut_actions(window))


def shortcut_actions(window: MainWindow) -> list[QAction]:
    """Every action of the window that has keys, in table order (the canvas-only ones last),
    then those other parts add (the panel keys, the workshop's and presentation's own)."""
    specs = sorted(ACTIONS, key=lambda spec: spec.canvas_only)
    named = [window.actions_by_name[spec.name] for spec in specs]
    return named + [a for a in window.actions() if a not in named and a.shortcuts()]


def build_filter_menu(window: MainWindow, parent: QMenu, on_change: Callable[[], None]) -> None:
    """View → Filter: categories, relationship kinds (filled per map), minimum strength and
    a tag; ``on_change`` applies them."""
    menu = parent.addMenu(_("F&ilter"))
    window.category_filter_menu = menu.addMenu(_("&Categories"))
    window.kind_filter_menu = menu.addMenu(_("Relationship &kinds"))
    strength = menu.addMenu(_("Minimum &strength"))
    window.strength_group = QActionGroup(window)
    for value in range(1, 6):
        text = _("{strength} or more").format(strength=value) if value > 1 else _("any")
        action = QAction(text, window.strength_group)
        action.setCheckable(True)
        action.setChecked(value == 1)
        action.setData(value)
        action.triggered.connect(on_change)
        strength.addAction(action)
    menu.addAction(window.actions_by_name["tag_filter"])


def build_toolbars(window: MainWindow, on_search: Callable[[str], None]) -> None:
    """The Edit toolbar (short Undo and Redo, the editing tools, the search box) and the
    palette of relationship kinds for new ties, filled per map."""
    edit = QToolBar(_("Edit"), window)
    edit.setObjectName("edit_toolbar")
    for action in _short_undo_actions(window):
        edit.addAction(action)
    edit.addSeparator()
    for name in EDIT_TOOLBAR.split():
        if name == "|":
            edit.addSeparator()
        else:
            edit.addAction(window.actions_by_name[name])
    edit.addSeparator()
    box = QLineEdit(edit)
    box.setPlaceholderText(_("Find stakeholder (Ctrl+F)"))
    box.setClearButtonEnabled(True)
    box.setAccessibleName(_("Find stakeholder"))
    box.setMaximumWidth(240)
    # The hint fits whole in every language (a clipped "Rechercher (Ctrl..." hides the key).
    hint = box.fontMetrics().horizontalAdvance(box.placeholderText())
    box.setMinimumWidth(min(240, hint + 40))
    completer = QCompleter([], box)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.activated.connect(on_search)
    box.setCompleter(completer)
    box.returnPressed.connect(lambda: on_search(box.text()))
    edit.addWidget(box)
    window.search_box = box
    window.addToolBar(edit)

    palette = QToolBar(_("Relationship kind"), window)
    palette.setObjectName("kind_palette")
    palette.addWidget(QLabel(" " + _("New tie:") + " "))
    window.kind_group = QActionGroup(window)
    window.kind_group.setExclusive(True)
    window.kind_palette = palette
    window.addToolBar(palette)


def _short_undo_actions(window: MainWindow) -> tuple[QAction, QAction]:
    """Toolbar Undo and Redo with short text, so the toolbar keeps its width; the tooltip
    names the step (the Edit menu shows it in full)."""
    stack = window.document.undo_stack
    undo = _StepAction(_("Undo"), "Ctrl+Z", window)
    undo.triggered.connect(stack.undo)
    undo.setEnabled(stack.canUndo())
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.undoTextChanged.connect(undo.show_step)
    redo = _StepAction(_("Redo"), "Ctrl+Shift+Z", window)
    redo.triggered.connect(stack.redo)
    redo.setEnabled(stack.canRedo())
    stack.canRedoChanged.connect(redo.setEnabled)
    stack.redoTextChanged.connect(redo.show_step)
    window.toolbar_undo, window.toolbar_redo = undo, redo
    return undo, redo


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
