"""Draw the main window, its File and View menus and the dialogs in each interface language,
without a display, to look for untranslated, clipped or mirrored-wrong text.

    python scripts/language_screenshots.py [LANG ...]

Languages default to the pseudo-language en_XA (accented, 40 % longer: any plain English
left is text that bypasses the catalogue), French, Arabic and Russian. Each is drawn in a
process of its own at 1366 x 768 (a branch laptop) into docs/images/languages/.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from stakeholder_mapper.core.i18n import set_language  # noqa: E402
from stakeholder_mapper.io.project import load_map  # noqa: E402
from stakeholder_mapper.paths import SAMPLE_MAP  # noqa: E402
from stakeholder_mapper.ui.setup.qt_application import set_up_application  # noqa: E402
from stakeholder_mapper.ui.setup.settings import Settings  # noqa: E402
from stakeholder_mapper.ui.window.main_window import MainWindow  # noqa: E402

IMAGES = ROOT / "docs" / "images" / "languages"
LANGUAGES = ("en_XA", "fr", "ar", "ru")
WIDTH, HEIGHT = 1366, 768


def draw(code: str) -> None:
    """Save the window and its File and View menus in language ``code``."""
    set_language(code)
    app = QApplication.instance() or QApplication(sys.argv)
    set_up_application(app)
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(load_map(SAMPLE_MAP), SAMPLE_MAP, settings=Settings(store))
        window.resize(WIDTH, HEIGHT)
        window.show()
        QTest.qWait(300)
        window.metrics.wait()
        QTest.qWait(300)
        shots = {f"main-{code}.png": window.grab()}
        for name, menu in (("file", window.file_menu), ("view", window.view_menu)):
            menu.popup(window.mapToGlobal(QPoint(0, 0)))
            QTest.qWait(100)
            shots[f"{name}-menu-{code}.png"] = menu.grab()
            menu.hide()
        shots.update(_dialogs(window, code))
        for name, pixmap in shots.items():
            path = IMAGES / name
            pixmap.save(str(path))
            print(f"{path.relative_to(ROOT)}: {pixmap.width()} x {pixmap.height()}")
        window.document.undo_stack.setClean()
        window.close()
    app.quit()


def _dialogs(window: MainWindow, code: str) -> dict:
    """The dialogs drawn at the size they open with, each on the window's map."""
    from stakeholder_mapper.ui.dialogs.export_dialog import ExportDialog
    from stakeholder_mapper.ui.dialogs.import_dialog import ImportDialog
    from stakeholder_mapper.ui.dialogs.map_details import MapDetailsDialog
    from stakeholder_mapper.ui.dialogs.privacy import ErasePersonDialog
    from stakeholder_mapper.ui.dialogs.sharing import SharingDialog
    from stakeholder_mapper.ui.files.autosave import NewPasswordDialog

    smap = window.document.smap
    first = next(iter(smap.stakeholders))
    dialogs = {
        "import": ImportDialog(smap, window),
        "export": ExportDialog(smap, window.scene, parent=window),
        "details": MapDetailsDialog(window.document, window),
        "password": NewPasswordDialog("city.smap", False, window),
        "erase": ErasePersonDialog(smap, first, window),
        "sharing": SharingDialog(smap, window.document.push, window),
    }
    shots = {}
    for name, dialog in dialogs.items():
        dialog.show()
        QTest.qWait(600)
        shots[f"{name}-{code}.png"] = dialog.grab()
        dialog.reject()
    return shots


if __name__ == "__main__":
    wanted = sys.argv[1:] or list(LANGUAGES)
    if len(wanted) == 1:
        draw(wanted[0])
    else:
        for code in wanted:
            subprocess.run([sys.executable, __file__, code], check=True)
