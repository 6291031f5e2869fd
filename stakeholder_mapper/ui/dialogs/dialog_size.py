"""A dialog's size: the size it is designed for, or less on a smaller screen."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

__all__ = ["DIALOG_MAX_SHARE", "resize_within_screen"]

#: Share of the screen's free width and height a dialog may take at most.
DIALOG_MAX_SHARE = 0.92


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Give a dialog the size it is designed for, or less where the screen is smaller,
    so that its buttons are never below the bottom of a 720-pixel screen."""
    # The screen of the window it belongs to: a dialog not yet shown has none of its own.
    parent = widget.parentWidget()
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, int(free.width() * DIALOG_MAX_SHARE))
        height = min(height, int(free.height() * DIALOG_MAX_SHARE))
    widget.resize(width, height)
