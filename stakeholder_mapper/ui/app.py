"""Start the desktop app on a map file (or the bundled sample map)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from ..io.project import MapFileError, load_map
from ..paths import SAMPLE_MAP
from .main_window import MainWindow

__all__ = ["build_window", "run_app"]


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Stakeholder Mapper")
    app.setOrganizationName("Stakeholder Mapper")
    return app


def build_window(map_path: str | None) -> MainWindow:
    """The main window on ``map_path`` (the sample map when omitted), not yet shown.

    Raises :class:`MapFileError` if the map cannot be opened.
    """
    _application()
    path = Path(map_path) if map_path else SAMPLE_MAP
    window = MainWindow(load_map(path), path)
    if map_path:
        window.settings.add_recent_file(path)
    return window


def run_app(map_path: str | None) -> int:
    """Open the window on ``map_path`` (the sample map when omitted); returns the exit code."""
    app = _application()
    try:
        window = build_window(map_path)
    except MapFileError as exc:
        QMessageBox.critical(None, "Cannot open map", str(exc))
        return 2
    window.show()
    return app.exec()
