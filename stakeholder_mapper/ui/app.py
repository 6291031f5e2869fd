"""Start the desktop app on a map file (or the bundled sample map)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from ..io.project import MapFileError, load_map
from ..paths import SAMPLE_MAP
from .main_window import MainWindow

__all__ = ["run_app"]


def run_app(map_path: str | None) -> int:
    """Open the window on ``map_path`` (the sample map when omitted); returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Stakeholder Mapper")
    app.setOrganizationName("Stakeholder Mapper")
    path = Path(map_path) if map_path else SAMPLE_MAP
    try:
        smap = load_map(path)
    except MapFileError as exc:
        QMessageBox.critical(None, "Cannot open map", str(exc))
        return 2
    window = MainWindow(smap, path)
    window.show()
    return app.exec()
