"""Render the pictures of brokers on the map and of presentation mode into docs/images/,
without a display.

    python scripts/broker_screenshots.py

On a 1920 x 1200 screen, the window at 1600 x 1000 on the sample map once its metrics are
in: sized by brokerage (the default) and by power (View → Size by brokerage off). Then
presentation mode (F5) with names shown on a 1280 x 720 projector and a 1920 x 1080
screen. Each screen is drawn in a process of its own, on Qt's offscreen platform with a
screen of that size; settings go to a temporary file.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import IMAGES, _screen_platform, _settle  # noqa: E402

from stakeholder_mapper.io.project import load_map  # noqa: E402
from stakeholder_mapper.paths import SAMPLE_MAP  # noqa: E402
from stakeholder_mapper.ui.setup.qt_application import set_up_application  # noqa: E402
from stakeholder_mapper.ui.setup.settings import Settings  # noqa: E402
from stakeholder_mapper.ui.window.main_window import MainWindow  # noqa: E402

#: Screens drawn on: (width, height), and which pictures each gives.
RUNS = (((1920, 1200), "window"), ((1280, 720), "present"), ((1920, 1080), "present"))


def _save(pixmap, name: str) -> None:
    path = IMAGES / name
    pixmap.save(str(path))
    print(f"{path.relative_to(ROOT)}: {pixmap.width()} x {pixmap.height()}")


def draw(kind: str) -> None:
    """Draw the pictures of ``kind`` (window or present) on this process's screen."""
    app = QApplication.instance() or QApplication(sys.argv)
    set_up_application(app)
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(load_map(SAMPLE_MAP), SAMPLE_MAP, settings=Settings(store))
        if kind == "window":
            window.resize(1600, 1000)
            window.show()
            _settle(window)
            window.view.fit_all()
            _settle(window)
            _save(window.grab(), "app-brokerage.png")
            window.broker_view.action.setChecked(False)
            _settle(window)
            _save(window.grab(), "app-power.png")
            window.broker_view.action.setChecked(True)
        else:
            window.show()
            _settle(window)
            presentation = window.workshop.presentation
            presentation.enter()
            presentation.names_action.setChecked(True)
            _settle(window)
            size = window.screen().size()
            _save(window.grab(), f"presentation-{size.width()}x{size.height()}.png")
            presentation.leave()
        window.document.undo_stack.setClean()
        window.close()
    app.quit()


def all_shots() -> None:
    """Draw every picture, each screen in a process of its own."""
    for (width, height), kind in RUNS:
        with tempfile.TemporaryDirectory() as folder:
            env = dict(os.environ)
            env["QT_QPA_PLATFORM"] = _screen_platform(Path(folder), width, height, 1)
            subprocess.run([sys.executable, __file__, "--draw", kind], env=env, check=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", choices=("window", "present"), help="draw one kind only")
    args = parser.parse_args()
    if args.draw:
        draw(args.draw)
    else:
        all_shots()
