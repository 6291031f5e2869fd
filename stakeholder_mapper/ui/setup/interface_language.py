"""The interface language in Qt: Qt's own dialogs and buttons translated, and the window
mirrored for a right-to-left language.

The language itself is chosen once at start (:func:`stakeholder_mapper.core.i18n.set_language`);
the app's words come from the app's catalogue, Qt's (Cancel, Yes, the file dialog) from the
qtbase translations that ship with Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from ...core.i18n import PSEUDO, is_right_to_left, language, set_language
from .settings import INTERFACE_LANGUAGE, Settings

__all__ = ["apply_to_qt", "start_language"]

_TRANSLATOR_NAME = "stakeholder_mapper_qtbase"


def start_language(settings: Settings) -> str:
    """Set the interface language from the Language setting, else the system's; returns it."""
    return set_language(settings.get(INTERFACE_LANGUAGE) or None)


def apply_to_qt(app: QCoreApplication) -> None:
    """Speak the interface language in Qt's own texts and lay the window out in its direction.

    Replaces a translator installed before, so calling it again after a change is safe.
    """
    for old in app.findChildren(QTranslator, _TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.deleteLater()
    code = language()
    if code not in ("en", PSEUDO):
        translator = QTranslator(app)
        translator.setObjectName(_TRANSLATOR_NAME)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{code}", folder):
            app.installTranslator(translator)
    if isinstance(app, QApplication):
        direction = (
            Qt.LayoutDirection.RightToLeft if is_right_to_left() else Qt.LayoutDirection.LeftToRight
        )
        app.setLayoutDirection(direction)
