"""Every command of the window can be found: each action sits in a menu or on a toolbar."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar

from stakeholder_mapper.ui.window.main_window import MainWindow


def _in_menus(menu: QMenu) -> set[QAction]:
    found: set[QAction] = set()
    for action in menu.actions():
        found.add(action)
        if action.menu() is not None:
            found |= _in_menus(action.menu())
    return found


def test_every_action_sits_in_a_menu_or_on_a_toolbar(qtbot, window: MainWindow) -> None:
    reachable: set[QAction] = set()
    for entry in window.menuBar().actions():
        reachable |= _in_menus(entry.menu())
    for toolbar in window.findChildren(QToolBar):
        reachable |= set(toolbar.actions())
    hidden = [name for name, action in window.actions_by_name.items() if action not in reachable]
    assert hidden == []
