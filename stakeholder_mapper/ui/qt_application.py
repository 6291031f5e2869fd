"""A new QApplication set up the way the app runs: the interface's locale, the bundled fonts."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from .fonts import use_bundled_fonts
from .interface_locale import use_interface_locale

__all__ = ["set_up_application"]


def set_up_application(app: QGuiApplication) -> None:
    """Call right after creating the application, wherever one is made (the window, a
    picture exported without a window, the tests), so that all of them format and draw
    alike on every machine."""
    use_interface_locale()
    use_bundled_fonts(app)
