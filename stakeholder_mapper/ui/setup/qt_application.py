"""A new QApplication set up the way the app runs: the interface's language and locale, the
bundled fonts."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from .fonts import use_bundled_fonts
from .interface_language import apply_to_qt
from .interface_locale import use_interface_locale

__all__ = ["set_up_application"]


def set_up_application(app: QGuiApplication) -> None:
    """Call right after creating the application, wherever one is made (the window, a
    picture exported without a window, the tests), so that all of them format and draw
    alike on every machine. Qt speaks the interface language already chosen
    (:func:`~stakeholder_mapper.core.i18n.set_language`) and lays out in its direction."""
    use_interface_locale()
    apply_to_qt(app)
    use_bundled_fonts(app)
