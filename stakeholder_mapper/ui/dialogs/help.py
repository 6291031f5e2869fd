"""Small dialogs: About (with library versions) and the keyboard shortcut list."""

from __future__ import annotations

import platform
from collections.abc import Iterable
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...core.i18n import _
from ..canvas.keyboard import keyboard_rows
from .dialog_size import resize_within_screen

__all__ = ["about_text", "shortcut_rows", "show_about", "show_shortcuts"]

_LIBRARIES = ("networkx", "igraph", "pyqtgraph", "pandas", "python-docx", "pydantic")


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return _("not installed")


def about_text() -> str:
    """What the About box says: the app, its purpose, and the versions it runs on."""
    libraries = "".join(f"<br>{name} {_version(name)}" for name in _LIBRARIES)
    return (
        f"<h3>Stakeholder Mapper {__version__}</h3><p>"
        + _(
            "Map the people and organisations that shape your city's resilience as an "
            "influence and trust network, find the brokers, and prepare an engagement plan. "
            "Maps stay on your computer."
        )
        + f"</p><p>Python {platform.python_version()}<br>PySide6 {pyside_version} "
        f"(Qt {qVersion()}){libraries}</p><p>" + _("Licence: GPL-3.0-or-later.") + "</p>"
    )


def _show_closable(dialog: QDialog, title: str, content: QWidget, width: int, height: int) -> None:
    """Show ``dialog`` (non-modal) with ``content`` above a Close button."""
    dialog.setWindowTitle(title)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(content)
    layout.addWidget(buttons)
    # Tall enough for wrapped text in a longer language than English.
    needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else height
    resize_within_screen(dialog, width, max(height, needed))
    dialog.show()


def show_about(parent: QWidget) -> QDialog:
    """Open the About dialog (non-modal; returned for tests)."""
    dialog = QDialog(parent)
    label = QLabel(about_text())
    label.setWordWrap(True)
    _show_closable(dialog, _("About Stakeholder Mapper"), label, 420, 320)
    return dialog


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(action, shortcuts) for every action that has a keyboard shortcut, menu order."""
    rows = []
    for action in actions:
        keys = ", ".join(s.toString() for s in action.shortcuts())
        if keys:
            rows.append((action.text().replace("&", "").rstrip("…"), keys))
    return rows


def show_shortcuts(parent: QWidget, actions: Iterable[QAction]) -> QDialog:
    """Open the list of keyboard shortcuts and mouse gestures (non-modal; returned for tests)."""
    rows = [
        *shortcut_rows(actions),
        (_("Add a stakeholder"), _("double-click empty canvas")),
        (_("Connect two stakeholders"), _("Shift + drag from one to the other")),
        (_("Select several"), _("drag on empty canvas, or Ctrl + click")),
        (_("Pan"), _("middle mouse button drag")),
        (_("Zoom"), _("mouse wheel")),
        (_("Show everything (leave focus, route, filters)"), _("Esc on the canvas")),
        *keyboard_rows(),
    ]
    dialog = QDialog(parent)
    table = QTableWidget(len(rows), 2, dialog)
    table.setHorizontalHeaderLabels([_("Action"), _("Keys")])
    for row, (name, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(name))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.setAccessibleName(_("Keyboard shortcuts"))
    _show_closable(dialog, _("Keyboard shortcuts"), table, 520, 560)
    return dialog
