"""Render the Map details dialog on the sample map into docs/images/, without a display.

    python scripts/dialog_screenshots.py

Writes ``map-details.png`` (the Map tab: title, city, our branch, author, purpose, date,
classification) and ``map-details-risks.png`` (the risk register), drawn on Qt's
offscreen platform with the bundled fonts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from stakeholder_mapper.io.project import load_map  # noqa: E402
from stakeholder_mapper.paths import SAMPLE_MAP  # noqa: E402
from stakeholder_mapper.ui.dialogs.map_details import MapDetailsDialog  # noqa: E402
from stakeholder_mapper.ui.document import MapDocument  # noqa: E402
from stakeholder_mapper.ui.setup.qt_application import set_up_application  # noqa: E402

IMAGES = ROOT / "docs" / "images"
#: Image name -> title of the tab it shows.
TABS = {"map-details.png": "Map", "map-details-risks.png": "Risks"}


def main() -> None:
    """Draw each tab of :data:`TABS` and print the paths written."""
    app = QApplication.instance() or QApplication(sys.argv)
    set_up_application(app)
    dialog = MapDetailsDialog(MapDocument(load_map(SAMPLE_MAP)))
    dialog.show()
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    for name, title in TABS.items():
        dialog.tabs.setCurrentIndex(titles.index(title))
        app.processEvents()
        path = IMAGES / name
        dialog.grab().save(str(path))
        print(path)


if __name__ == "__main__":
    main()
