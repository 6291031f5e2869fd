"""Render the accessibility screenshots of the sample map into docs/images/, without a display.

    python scripts/accessibility_screenshots.py

The main window at 1600 x 1000 as someone without colour vision sees it (the grab turned to
greyscale), the legend in greyscale and as simulated for deuteranopia, protanopia and
tritanopia (colorspacious, Machado et al. 2009), the window in high contrast, and the window
with View → Text size → Larger. Settings go to a temporary file, so the user's own are
neither used nor changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
from colorspacious import cspace_convert  # noqa: E402
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from stakeholder_mapper.io.project import load_map  # noqa: E402
from stakeholder_mapper.paths import SAMPLE_MAP  # noqa: E402
from stakeholder_mapper.ui.setup.qt_application import set_up_application  # noqa: E402
from stakeholder_mapper.ui.setup.settings import Settings  # noqa: E402
from stakeholder_mapper.ui.window.appearance import Appearance  # noqa: E402
from stakeholder_mapper.ui.window.main_window import MainWindow  # noqa: E402

IMAGES = ROOT / "docs" / "images"
WIDTH, HEIGHT = 1600, 1000
DEFICIENCIES = (
    ("Deuteranopia", "deuteranomaly"),
    ("Protanopia", "protanomaly"),
    ("Tritanopia", "tritanomaly"),
)


def _settle(window: MainWindow) -> None:
    """Let layouts, the background analysis and repaints finish."""
    QTest.qWait(200)
    window.metrics.wait()
    QTest.qWait(200)


def greyscale(pixmap: QPixmap) -> QImage:
    """The picture as a greyscale print or screen shows it."""
    return pixmap.toImage().convertToFormat(QImage.Format.Format_Grayscale8)


def simulated(pixmap: QPixmap, deficiency: str) -> QImage:
    """The picture as seen with a full ``deficiency`` (colorspacious's CVD model)."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(height, stride)
    rgb = raw[:, : width * 3].reshape(height, width, 3) / 255.0
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    seen = np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)
    data = np.ascontiguousarray((seen * 255).round().astype(np.uint8))
    return QImage(data.data, width, height, width * 3, QImage.Format.Format_RGB888).copy()


def side_by_side(images: list[tuple[str, QImage]]) -> QImage:
    """The images in a row, each titled above."""
    title = 24
    width = sum(image.width() for _t, image in images) + 10 * (len(images) - 1)
    height = max(image.height() for _t, image in images) + title
    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#ffffff"))
    painter = QPainter(sheet)
    x = 0
    for text, image in images:
        painter.setPen(QColor("#000000"))
        painter.drawText(x, 0, image.width(), title, Qt.AlignmentFlag.AlignCenter, text)
        painter.drawImage(x, title, image)
        x += image.width() + 10
    painter.end()
    return sheet


def main() -> None:
    """Write the pictures and print their paths."""
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
        window.view.fit_all()
        _settle(window)
        appearance = Appearance.for_app(window.settings)
        legend = window.view.legend
        shots: dict[str, QImage] = {"a11y-greyscale.png": greyscale(window.grab())}
        legend_shot = legend.grab()
        shots["a11y-legend-colour-vision.png"] = side_by_side(
            [("Greyscale", greyscale(legend_shot))]
            + [(name, simulated(legend_shot, kind)) for name, kind in DEFICIENCIES]
        )
        appearance.set_high_contrast(True)
        _settle(window)
        shots["a11y-high-contrast.png"] = window.grab().toImage()
        appearance.set_high_contrast(False)
        appearance.set_text_size("larger")
        _settle(window)
        window.view.fit_all()
        _settle(window)
        shots["a11y-larger-text.png"] = window.grab().toImage()
        appearance.set_text_size("normal")
        for name, image in shots.items():
            path = IMAGES / name
            image.save(str(path))
            print(f"{path.relative_to(ROOT)}: {image.width()} x {image.height()}")
        window.document.undo_stack.setClean()
        window.close()
    app.quit()


if __name__ == "__main__":
    main()
