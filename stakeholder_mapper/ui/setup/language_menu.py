"""Settings → Language: the interface language, stored in the settings and applied at the
next start.

Applying it at the next start is the solid choice: every text of the window, its docks and
dialogs is built once in the chosen language, and nothing of the open map is touched.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from ...core.i18n import LANGUAGES, _, language, system_language
from .settings import INTERFACE_LANGUAGE, Settings

__all__ = ["add_language_menu", "choose_language"]


def add_language_menu(window: QMainWindow, parent: QMenu) -> QMenu:
    """Add the Language menu to ``parent``: the system's language, then each language by its
    own name, the stored choice ticked. ``window`` has the app's ``settings``."""
    settings: Settings = window.settings
    menu = parent.addMenu(_("&Language"))
    group = QActionGroup(menu)
    stored = settings.get(INTERFACE_LANGUAGE)
    system = LANGUAGES.get(system_language(), "English")
    choices = [("", _("System language ({language})").format(language=system))]
    choices += list(LANGUAGES.items())
    for code, name in choices:
        action = QAction(name, group)
        action.setCheckable(True)
        action.setData(code)
        action.setChecked(code == stored)
        action.triggered.connect(lambda _checked=False, c=code: choose_language(window, c))
        menu.addAction(action)
    return menu


def choose_language(window: QMainWindow, code: str) -> None:
    """Store ``code`` ("" for the system's) as the interface language and say that it applies
    when the app next starts (at once there is nothing to do when it is already in use)."""
    settings: Settings = window.settings
    if code == settings.get(INTERFACE_LANGUAGE):
        return
    settings.set(INTERFACE_LANGUAGE, code)
    settings.store.sync()
    chosen = code or system_language()
    if chosen == language():
        return
    QMessageBox.information(
        window,
        _("Language"),
        _("Stakeholder Mapper will speak {language} the next time it starts.").format(
            language=LANGUAGES[chosen]
        ),
    )
