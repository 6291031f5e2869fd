"""Render screenshots of the main window on the sample map into docs/images/, without a display.

    python scripts/screenshots.py

Four pictures at 1600 x 1000: the default view (canvas, inspector, tables, grid), the
focus on the mayor's ego network, the most trusted route from our branch to the mayor,
and the power–interest grid on its own. Settings go to a temporary file, so the user's
window layout is neither used nor changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from stakeholder_mapper.analysis.routes import our_branch  # noqa: E402
from stakeholder_mapper.io.project import load_map  # noqa: E402
from stakeholder_mapper.paths import SAMPLE_MAP  # noqa: E402
from stakeholder_mapper.ui.main_window import MainWindow  # noqa: E402
from stakeholder_mapper.ui.settings import Settings  # noqa: E402

IMAGES = ROOT / "docs" / "images"
WIDTH, HEIGHT = 1600, 1000


def _settle(window: MainWindow) -> None:
    """Let layouts, the background analysis and repaints finish."""
    QTest.qWait(200)
    window.metrics.wait()
    QTest.qWait(200)


def main() -> None:
    """Write the four screenshots and print their paths."""
    app = QApplication.instance() or QApplication(sys.argv)
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        smap = load_map(SAMPLE_MAP)
        window = MainWindow(smap, SAMPLE_MAP, settings=Settings(store))
        window.resize(WIDTH, HEIGHT)
        window.show()
        _settle(window)
        mayor = smap.find_stakeholder("Mayor of Marenza")
        branch = our_branch(smap)
        assert mayor is not None and branch is not None

        window.view.fit_all()
        window.document.selection.set([mayor.id])
        _settle(window)
        shots = {"app-main-window.png": window.grab()}

        window.document.selection.set([])
        window.focus_on(1, mayor.id)
        _settle(window)
        shots["app-focus.png"] = window.grab()

        window.clear_focus()
        window.route_panel.set_ends(branch, mayor.id)
        window.docks["route"].show()
        window.docks["route"].raise_()
        window.route_panel.find()
        window.view.fit_all()
        _settle(window)
        shots["app-trusted-route.png"] = window.grab()

        window.route_panel.clear()
        dock = window.docks["power_interest"]
        dock.setFloating(True)
        dock.resize(1000, 700)
        dock.show()
        dock.raise_()
        _settle(window)
        shots["app-power-interest.png"] = dock.grab()

        for name, pixmap in shots.items():
            path = IMAGES / name
            pixmap.save(str(path))
            print(f"{path.relative_to(ROOT)}: {pixmap.width()} x {pixmap.height()}")
        window.document.undo_stack.setClean()
        window.close()
    app.quit()


if __name__ == "__main__":
    main()
