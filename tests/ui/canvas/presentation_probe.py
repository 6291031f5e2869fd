"""Open the sample map on the screen Qt was given, let the metrics come in, enter
presentation mode with names shown, and print as JSON what the room sees: each name shown
on the canvas (its rectangle on screen), where the stakeholders are drawn, and which
stakeholders the map must always name.

Run in its own process with ``QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json`` (see
:func:`screen_probe.offscreen_config`): Qt reads its screens once per process.

    python presentation_probe.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

#: Time the window gets to lay itself out once shown, in milliseconds.
SETTLE_MS = 300


def _screen_rect(view, rect) -> list[float]:
    """A scene rectangle where the viewport shows it: left, top, width, height."""
    shown = view.viewportTransform().mapRect(rect)
    return [shown.x(), shown.y(), shown.width(), shown.height()]


def main() -> None:
    """Present the sample map and print what is on the screen."""
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from stakeholder_mapper.analysis.key_stakeholders import always_named
    from stakeholder_mapper.analysis.routes import our_branch
    from stakeholder_mapper.io.project import load_map
    from stakeholder_mapper.paths import SAMPLE_MAP
    from stakeholder_mapper.ui.canvas.items import HIDDEN, NodeItem
    from stakeholder_mapper.ui.setup.qt_application import set_up_application
    from stakeholder_mapper.ui.setup.settings import Settings
    from stakeholder_mapper.ui.window.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    set_up_application(app)
    with tempfile.TemporaryDirectory() as folder:
        store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(load_map(SAMPLE_MAP), settings=Settings(store))
        window.show()
        QTest.qWait(SETTLE_MS)
        window.metrics.wait()
        QTest.qWait(SETTLE_MS)
        presentation = window.workshop.presentation
        presentation.enter()
        presentation.names_action.setChecked(True)
        QTest.qWait(SETTLE_MS)
        view, scene = window.view, window.scene
        metrics = window.metrics.result.metrics
        brokerage = {str(k): float(v) for k, v in metrics["betweenness"].items()}
        nodes = [n for n in scene.nodes.values() if n.isVisible()]
        names = {
            node.sid: _screen_rect(view, node.label_rect(node.label_place).translated(node.pos()))
            for node in nodes
            if node.label_place != HIDDEN and NodeItem.show_labels
        }
        shapes = [_screen_rect(view, node.scene_outline().boundingRect()) for node in nodes]
        print(
            json.dumps(
                {
                    "screen": [window.width(), window.height()],
                    "canvas": [view.viewport().width(), view.viewport().height()],
                    "names": names,
                    "label_px": NodeItem.label_px * view.zoom_level(),
                    "shapes": shapes,
                    "stakeholders": len(nodes),
                    "branch": our_branch(window.document.smap),
                    "always_named": always_named(window.document.smap, brokerage),
                    "size_by": scene.size_by,
                }
            )
        )
        presentation.leave()
        window.document.undo_stack.setClean()
        window.close()


if __name__ == "__main__":
    main()
