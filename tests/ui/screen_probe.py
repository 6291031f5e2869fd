"""Start the app as ``main.py`` does on the screen Qt was given, and print as JSON where its
window, docks, bars and the canvas ended up (in logical pixels, screen coordinates).

Run in its own process with ``QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json`` (see
:func:`offscreen_config`): Qt reads its screens once per process. Settings live in
``$HOME``/``$XDG_CONFIG_HOME``, so a test gives each run a folder of its own.

    python screen_probe.py [--mouse X,Y] [--rearrange | --every-dock | --move-to X,Y]

``--mouse`` puts the mouse pointer there before the app starts (the window opens on that
screen); ``--rearrange`` then does what a user might: un-maximises the window, sets it to
:data:`REARRANGED` from the screen's corner and closes the legend, before the report and
the close that remembers the layout; ``--every-dock`` opens every dock the window has;
``--move-to`` moves the window's corner there (onto another screen, say).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

#: Time the window gets to lay itself out once shown, in milliseconds.
SETTLE_MS = 300
#: Where ``--rearrange`` puts the window, from its screen's top left: x, y, width, height.
REARRANGED = (40, 30, 900, 560)


def offscreen_config(folder: Path, screens: list[dict]) -> str:
    """The ``QT_QPA_PLATFORM`` value for Qt's offscreen plugin with ``screens``.

    Each screen is ``{"name", "x", "y", "width", "height", "scale"}`` in physical pixels;
    ``scale`` 2 is a 200 % HiDPI setting (Qt derives it from the logical DPI, as on
    Windows and X11, so the logical size is the physical size halved).
    """
    config = {
        "screens": [
            {
                "name": s["name"],
                "x": s.get("x", 0),
                "y": s.get("y", 0),
                "width": s["width"],
                "height": s["height"],
                "logicalDpi": round(96 * s.get("scale", 1)),
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
            for s in screens
        ]
    }
    path = folder / "screens.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return f"offscreen:configfile={path}"


def _rect(widget) -> list[int]:
    """``widget``'s rectangle on the screen: left, top, width, height."""
    from PySide6.QtCore import QPoint

    top_left = widget.mapToGlobal(QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def _scrolls(area) -> dict:
    """Whether everything in a scroll area can be reached: its content's size, the view's
    size and how far the scroll bars go."""
    content = area.widget()
    return {
        "content": [content.width(), content.height()],
        "wanted": [content.minimumSizeHint().width(), content.minimumSizeHint().height()],
        "view": [area.viewport().width(), area.viewport().height()],
        "scroll": [area.horizontalScrollBar().maximum(), area.verticalScrollBar().maximum()],
    }


def describe(window) -> dict:
    """Where ``window`` and its parts are, as plain JSON-ready values."""
    from PySide6.QtWidgets import QAbstractButton, QDockWidget, QScrollArea, QToolBar

    screen = window.screen()
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    parts = {"menu bar": _rect(window.menuBar()), "status bar": _rect(window.statusBar())}
    for bar in window.findChildren(QToolBar):
        if bar.isVisible():
            parts[f"toolbar {bar.windowTitle()}"] = _rect(bar)
    docks, scrolled = {}, {}
    for dock in window.findChildren(QDockWidget):
        if not dock.isVisible():
            continue
        if dock.visibleRegion().isEmpty():
            continue  # a tab behind another: it has no place until its tab is chosen
        docks[dock.objectName()] = {
            "rect": _rect(dock),
            "area": window.dockWidgetArea(dock).name,
        }
        close = dock.findChild(QAbstractButton, "qt_dockwidget_closebutton")
        if close is not None and close.isVisible():
            parts[f"close button of {dock.objectName()}"] = _rect(close)
        if isinstance(dock.widget(), QScrollArea):
            scrolled[dock.objectName()] = _scrolls(dock.widget())
    return {
        "screen": {
            "name": screen.name(),
            "available": [available.x(), available.y(), available.width(), available.height()],
            "ratio": screen.devicePixelRatio(),
        },
        "window": [frame.x(), frame.y(), frame.width(), frame.height()],
        "maximised": window.isMaximized(),
        "canvas": _rect(window.view.viewport()),
        "parts": parts,
        "geometry": list(window.geometry().getRect()),
        "docks": docks,
        "areas": {
            d.objectName(): window.dockWidgetArea(d).name for d in window.findChildren(QDockWidget)
        },
        "scrolled": scrolled,
        "legend_rows": window.view.legend.sizeHint().height(),
    }


def rearrange(window) -> None:
    """Un-maximise ``window``, put it at :data:`REARRANGED` and close the legend."""
    corner = window.screen().availableGeometry().topLeft()
    x, y, width, height = REARRANGED
    window.showNormal()
    window.setGeometry(corner.x() + x, corner.y() + y, width, height)
    window.docks["legend"].close()


def main() -> None:
    """Start the app on the sample map, print where everything is once shown, and quit."""
    import argparse

    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QApplication, QDockWidget

    from stakeholder_mapper.ui.app import run_app
    from stakeholder_mapper.ui.window.main_window import MainWindow

    parser = argparse.ArgumentParser()
    parser.add_argument("--mouse", help="X,Y of the mouse pointer when the app starts")
    parser.add_argument("--rearrange", action="store_true")
    parser.add_argument("--every-dock", action="store_true")
    parser.add_argument("--move-to", help="X,Y to move the window to once shown")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    if args.mouse:
        QCursor.setPos(QPoint(*(int(v) for v in args.mouse.split(","))))

    def probe() -> None:
        shown = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not shown:
            QTimer.singleShot(20, probe)
            return
        QTimer.singleShot(SETTLE_MS, lambda: report(shown[0]))

    def report(window: MainWindow) -> None:
        if args.rearrange or args.every_dock or args.move_to:
            if args.rearrange:
                rearrange(window)
            for dock in window.findChildren(QDockWidget) if args.every_dock else ():
                dock.show()
            if args.move_to:
                window.move(*(int(v) for v in args.move_to.split(",")))
            args.rearrange = args.every_dock = False
            args.move_to = None
            QTimer.singleShot(SETTLE_MS, lambda: report(window))
            return
        print(json.dumps(describe(window)))
        window.close()

    QTimer.singleShot(0, probe)
    sys.exit(run_app(None))


if __name__ == "__main__":
    main()
