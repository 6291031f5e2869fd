"""Render screenshots of the main window on the sample map into docs/images/, without a display.

    python scripts/screenshots.py

Four pictures at 1600 x 1000 on a 1920 x 1200 screen (``--docs`` draws only these): the
default view (canvas, inspector, tables, grid), the focus on the mayor's ego network, the
most trusted route from our branch to the mayor, and the power–interest grid on its own.
Then the window as it first opens on a branch laptop (1366 x 768), a projector
(1280 x 720) and a 2560 x 1440 screen at 200 % scaling (``--screen WIDTHxHEIGHT[@SCALE]``
draws one). Each set is drawn in a process of its own, on Qt's offscreen platform with a
screen of that size. Settings go to a temporary file, so the user's window layout is
neither used nor changed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
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
from stakeholder_mapper.ui.setup.qt_application import set_up_application  # noqa: E402
from stakeholder_mapper.ui.setup.settings import Settings  # noqa: E402
from stakeholder_mapper.ui.window.main_window import MainWindow  # noqa: E402

IMAGES = ROOT / "docs" / "images"
WIDTH, HEIGHT = 1600, 1000
#: Screen the four pictures of the docs are drawn on: physical width, height and scaling.
DOCS_SCREEN = (1920, 1200, 1)
#: Screens the first window is drawn on.
SCREENS = ((1366, 768, 1), (1280, 720, 1), (2560, 1440, 2))


def _settle(window: MainWindow) -> None:
    """Let layouts, the background analysis and repaints finish."""
    QTest.qWait(200)
    window.metrics.wait()
    QTest.qWait(200)


def _screen_platform(folder: Path, width: int, height: int, scale: int) -> str:
    """Qt's offscreen platform with one screen of this physical size and scaling."""
    screen = {
        "name": f"Screen{width}x{height}",
        "x": 0,
        "y": 0,
        "width": width,
        "height": height,
        # Qt scales by the logical DPI, as on Windows and X11 at 200 %.
        "logicalDpi": 96 * scale,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }
    path = folder / "screens.json"
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return f"offscreen:configfile={path}"


def first_window(name: str) -> None:
    """Open the window as the app does on this process's screen, select the mayor, and
    save the whole window as docs/images/``name``."""
    app = QApplication.instance() or QApplication(sys.argv)
    set_up_application(app)
    with tempfile.TemporaryDirectory() as folder:
        store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        smap = load_map(SAMPLE_MAP)
        window = MainWindow(smap, SAMPLE_MAP, settings=Settings(store))
        window.window_layout.show()
        _settle(window)
        mayor = smap.find_stakeholder("Mayor of Marenza")
        assert mayor is not None
        window.document.selection.set([mayor.id])
        _settle(window)
        pixmap = window.grab()
        path = IMAGES / name
        pixmap.save(str(path))
        print(f"{path.relative_to(ROOT)}: {pixmap.width()} x {pixmap.height()}")
        window.close()
    app.quit()


def all_shots() -> None:
    """Draw the docs' pictures on :data:`DOCS_SCREEN` and the first window on each of
    :data:`SCREENS`, each in a process of its own."""
    runs = [(DOCS_SCREEN, ["--docs"])]
    for width, height, scale in SCREENS:
        size = f"{width}x{height}" + (f"@{scale}" if scale > 1 else "")
        runs.append(((width, height, scale), ["--screen", size]))
    for (width, height, scale), args in runs:
        with tempfile.TemporaryDirectory() as folder:
            env = dict(os.environ)
            env["QT_QPA_PLATFORM"] = _screen_platform(Path(folder), width, height, scale)
            subprocess.run([sys.executable, __file__, *args], env=env, check=True)


def main() -> None:
    """Write the four screenshots and print their paths."""
    app = QApplication.instance() or QApplication(sys.argv)
    set_up_application(app)
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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screen", help="draw only the first window, e.g. 2560x1440@2")
    parser.add_argument("--docs", action="store_true", help="draw only the docs' four pictures")
    args = parser.parse_args()
    if args.screen:
        size, _, scale = args.screen.partition("@")
        first_window(f"app-{size}{'-' + scale + 'x' if scale else ''}.png")
    elif args.docs:
        main()
    else:
        all_shots()
