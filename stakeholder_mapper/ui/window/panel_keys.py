"""Every panel within reach of the keyboard, and every panel named for a screen reader.

Alt+1 puts the keyboard focus on the map, Alt+2 … Alt+0 in the inspector, the tables, the
metrics, the grids, the route, the snapshots and the engagement log (each shown and raised
first); F6 and Shift+F6 move the focus through the map and every panel shown, in order,
as in most desktop applications. Enter on the map opens the inspector on the current
stakeholder. Each panel's scroll area is named by its dock's title, and the tab bars of
docked panels are named too, so that no control is spoken without a name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QScrollArea, QTabBar, QWidget

from ...core.i18n import _
from ..workers.lazy_widget import LazyWidget

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["PANEL_KEYS", "PanelKeys", "focus_first_control"]

#: The docks with a key of their own, in key order after the map's Alt+1.
PANEL_KEYS = (
    ("inspector", "Alt+2"),
    ("stakeholders", "Alt+3"),
    ("relationships", "Alt+4"),
    ("metrics", "Alt+5"),
    ("power_interest", "Alt+6"),
    ("influence_position", "Alt+7"),
    ("route", "Alt+8"),
    ("snapshots", "Alt+9"),
    ("log", "Alt+0"),
)


def focus_first_control(widget: QWidget) -> bool:
    """Give the keyboard focus to ``widget`` or the first control inside it that Tab
    would reach (in the window's focus order); False when there is none."""
    window = widget.window()
    order: dict[QWidget, int] = {}
    step = window
    while step not in order:
        order[step] = len(order)
        step = step.nextInFocusChain()
    controls = [
        w
        for w in (widget, *widget.findChildren(QWidget))
        if w.isVisibleTo(window)
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
    ]
    # A panel's scroll area takes the focus too; its first field is where the user goes.
    controls = [w for w in controls if not isinstance(w, QScrollArea)] or controls
    if not controls:
        return False
    first = min(controls, key=lambda w: order.get(w, len(order)))
    first.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return True


class PanelKeys(QObject):
    """Adds the Go to actions to ``window`` (and its View menu) and names its panels."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.docks: dict[str, QDockWidget] = {
            **window.docks,
            "towers": window.workshop.towers_dock,
            "snapshots": window.workshop.snapshots_dock,
            "log": window.workshop.log_dock,
        }
        menu = QMenu(_("&Go to"), window)
        go_map = self._action("go_map", _("Go to the map"), "Alt+1", self.focus_map)
        menu.addAction(go_map)
        for name, keys in PANEL_KEYS:
            title = self.docks[name].windowTitle()
            action = self._action(
                f"go_{name}",
                _("Go to {panel}").format(panel=title),
                keys,
                lambda _c=False, n=name: self.focus_panel(n),
            )
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(
            self._action("next_panel", _("Next panel"), "F6", lambda: self.next_panel(True))
        )
        menu.addAction(
            self._action(
                "previous_panel", _("Previous panel"), "Shift+F6", lambda: self.next_panel(False)
            )
        )
        window.view_menu.addSeparator()
        window.view_menu.addMenu(menu)
        self.menu = menu
        window.view.keyboard.inspect_requested.connect(lambda: self.focus_panel("inspector"))
        # Tab bars appear as docks are tabbed together, and a dock's content may be wrapped
        # in a scroll area later: name them as they arrive.
        for watched in (window, *self.docks.values()):
            watched.installEventFilter(self)
        self.name_panels()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ChildAdded, QEvent.Type.ChildPolished):
            self.name_panels()
        return False

    def _action(self, name: str, text: str, keys: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.window.addAction(action)
        self.window.actions_by_name[name] = action
        return action

    def name_panels(self) -> None:
        """Name each dock's content by the dock's title when it has no name of its own, and
        the tab bars that switch between docked panels."""
        for dock in self.docks.values():
            content = dock.widget()
            if content is not None and not content.accessibleName():
                content.setAccessibleName(dock.windowTitle())
        for bar in self.window.findChildren(QTabBar):
            if bar.parentWidget() is self.window and not bar.accessibleName():
                bar.setAccessibleName(_("Panel tabs"))

    def focus_map(self) -> None:
        """Put the keyboard focus on the map."""
        self.window.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_panel(self, name: str) -> bool:
        """Show and raise the dock ``name`` and put the keyboard focus in it."""
        dock = self.docks[name]
        dock.show()
        dock.raise_()
        for slot in dock.findChildren(LazyWidget):
            slot.widget()  # a grid or chart still loading is built now, to take the focus
        content = dock.widget()
        return content is not None and focus_first_control(content)

    def next_panel(self, forward: bool = True) -> None:
        """Move the keyboard focus to the next (or previous) of the map and the panels shown."""
        stops: list[QWidget] = [self.window.view]
        stops += [
            dock.widget()
            for dock in self.docks.values()
            if dock.isVisible() and dock.widget() is not None and not dock.visibleRegion().isEmpty()
        ]
        focused = QApplication.focusWidget()
        here = next((i for i, w in enumerate(stops) if focused is w or w.isAncestorOf(focused)), 0)
        for step in range(1, len(stops) + 1):
            target = stops[(here + (step if forward else -step)) % len(stops)]
            if target is self.window.view:
                self.focus_map()
                return
            if focus_first_control(target):
                return
