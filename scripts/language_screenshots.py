"""Draw the main window, its menus, docks and inspector and every dialog in each interface
language, without a display, to look for untranslated, clipped or mirrored-wrong text.

    python scripts/language_screenshots.py [LANG ...]

Languages default to the pseudo-language en_XA (accented, 40 % longer: any plain English
left is text that bypasses the catalogue), French, Arabic and Russian. Each is drawn in a
process of its own at 1366 x 768 (a branch laptop), on the sample map, into
build/languages/<LANG>/ (one PNG per window, tab and menu: see scripts/every_window.py);
the findings of the pseudo-language check are printed for every language. The views that
docs/translations.md shows are copied into docs/images/languages/ as <view>-<LANG>.png.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from every_window import clipped, every_window, map_words, untranslated, visible_texts  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from stakeholder_mapper.core.i18n import PSEUDO, set_language  # noqa: E402
from stakeholder_mapper.io.project import load_map  # noqa: E402
from stakeholder_mapper.paths import SAMPLE_MAP  # noqa: E402
from stakeholder_mapper.ui.setup.interface_language import apply_to_qt  # noqa: E402
from stakeholder_mapper.ui.setup.qt_application import set_up_application  # noqa: E402
from stakeholder_mapper.ui.setup.settings import Settings  # noqa: E402
from stakeholder_mapper.ui.window.main_window import MainWindow  # noqa: E402

BUILD = ROOT / "build" / "languages"
IMAGES = ROOT / "docs" / "images" / "languages"
LANGUAGES = ("en_XA", "fr", "ar", "ru")
WIDTH, HEIGHT = 1366, 768
#: The views docs/translations.md shows, by the name every_window gives them: the main
#: window and File menu in every language, the dialogs in the two languages whose script
#: is not Latin.
DOCUMENTED = {"main": "main", "menu-1": "file-menu"}
DOCUMENTED_DIALOGS = {
    "import-1": "import",
    "details-1": "details",
    "plan": "plan",
    "inspector-stakeholder": "inspector",
}
DIALOG_LANGUAGES = ("ar", "ru")


def draw(code: str) -> None:
    """Save every window in language ``code`` and print what the check finds."""
    set_language(code)
    app = QApplication.instance() or QApplication(sys.argv)
    set_up_application(app)
    apply_to_qt(app)
    folder = BUILD / code
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as settings_folder:
        store = QSettings(str(Path(settings_folder) / "settings.ini"), QSettings.Format.IniFormat)
        smap = load_map(SAMPLE_MAP)
        data = map_words(smap)
        window = MainWindow(smap, SAMPLE_MAP, settings=Settings(store))
        window.resize(WIDTH, HEIGHT)
        window.show()
        window.metrics.wait()
        for name, top in every_window(window):
            for line in top.findChildren(QLineEdit):  # paths as in any checkout
                if line.text().startswith(str(ROOT)):
                    line.setText(str(Path(line.text()).relative_to(ROOT)))
            pixmap = top.grab()
            pixmap.save(str(folder / f"{name}.png"))
            shown = DOCUMENTED | (DOCUMENTED_DIALOGS if code in DIALOG_LANGUAGES else {})
            if name in shown:
                pixmap.save(str(IMAGES / f"{shown[name]}-{code}.png"))
            # Plain English stands out in the pseudo-language only (French is Latin too).
            for where, text in visible_texts(top) if code == PSEUDO else ():
                if untranslated(text, data):
                    print(f"{code} {name}: English in {where}: {text[:100]!r}")
            for problem in clipped(top):
                print(f"{code} {name}: cut off: {problem}")
        window.document.undo_stack.setClean()
        window.close()
    print(f"{folder.relative_to(ROOT)}: {len(list(folder.glob('*.png')))} screenshots")
    app.quit()


if __name__ == "__main__":
    wanted = sys.argv[1:] or list(LANGUAGES)
    if len(wanted) == 1:
        draw(wanted[0])
    else:
        for language in wanted:
            subprocess.run([sys.executable, __file__, language], check=True)
