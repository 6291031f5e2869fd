"""Start the desktop app on a map file (or the bundled sample map)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.i18n import _
from ..core.model import StakeholderMap
from ..io.project import MapFileError, load_map
from ..paths import SAMPLE_MAP
from .files.autosave import open_map_for_editing
from .setup.interface_language import start_language
from .setup.qt_application import set_up_application
from .setup.settings import Settings
from .window.appearance import Appearance
from .window.main_window import MainWindow

__all__ = ["build_window", "run_app"]


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Stakeholder Mapper")
    app.setOrganizationName("Stakeholder Mapper")
    settings = Settings()
    start_language(settings)
    set_up_application(app)
    Appearance.for_app(settings)
    return app


def build_window(map_path: str | None) -> MainWindow:
    """The main window on ``map_path``, not yet shown.

    Without a path the bundled sample map opens as an unsaved copy, so that Save asks
    for a file of the user's own and the bundled sample is never overwritten.
    Raises :class:`MapFileError` if the map cannot be opened.
    """
    _application()
    if not map_path:
        return MainWindow(load_map(SAMPLE_MAP), None)
    path = Path(map_path)
    window = MainWindow(load_map(path), path)
    window.settings.add_recent_file(path)
    return window


def run_app(map_path: str | None) -> int:
    """Open the window on ``map_path`` (else a copy of the sample map); returns the exit code.

    A map given by name is locked for editing (or opened read-only) and its password
    asked for; once the window shows, autosaves left by a crash are offered.
    """
    app = _application()
    if map_path:
        opened = open_map_for_editing(None, Path(map_path))
        if opened is None:
            return 2
        if opened.rescued is not None:
            window = MainWindow(StakeholderMap())
            window.show_rescued(opened)
        else:
            window = MainWindow(
                opened.smap,
                opened.path,
                password=opened.password,
                lock=opened.lock,
                read_only=opened.read_only,
            )
            window.settings.add_recent_file(opened.path)
    else:
        try:
            window = build_window(None)
        except MapFileError as exc:
            QMessageBox.critical(None, _("Cannot open map"), str(exc))
            return 2
    window.window_layout.show()
    QTimer.singleShot(0, window.check_recovery)
    return app.exec()
