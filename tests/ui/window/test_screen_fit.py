"""The window fits the screen it opens on: a branch laptop (1366 x 768), a projector
(1280 x 720), a full HD screen and a 2560 x 1440 screen at 200 % scaling. Every bar, dock
and close button is inside the screen, the map gets its share, panels that do not fit
scroll, and the layout is remembered per screen.

Qt reads its screens once per process, so each screen size is tried by starting the app
in a process of its own on Qt's offscreen platform configured with that screen
(``screen_probe.py``); the rules that decide the layout are also tried directly.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QDockWidget, QScrollArea

from stakeholder_mapper.core.model import Category, Stakeholder, StakeholderMap
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP
from stakeholder_mapper.ui.setup.settings import DOCK_STATE, WINDOW_GEOMETRY
from stakeholder_mapper.ui.window.main_window import MainWindow
from stakeholder_mapper.ui.window.window_layout import (
    SCROLL_ABOVE,
    TABLES_MAX_SHARE,
    WIDE_MIN_WIDTH,
    dock_sizes,
    first_placement,
    fit_inside,
    screen_key,
)

from ..screen_probe import REARRANGED, offscreen_config

ROOT = Path(__file__).resolve().parents[3]
PROBE = Path(__file__).parents[1] / "screen_probe.py"

#: Physical width, height and scaling of the screens the app is tried on.
SCREENS = {
    "laptop 1366x768": (1366, 768, 1),
    "projector 1280x720": (1280, 720, 1),
    "full HD 1920x1080": (1920, 1080, 1),
    "2560x1440 at 200%": (2560, 1440, 2),
}
#: The map's share of the window's area it gets at least (half of the width, too).
CANVAS_AREA_SHARE = 1 / 3


def _probe(folder: Path, screens: list[dict], *args: str) -> dict:
    """Start the app on ``screens`` with settings in ``folder``; what the probe saw."""
    env = {
        "QT_QPA_PLATFORM": offscreen_config(folder, screens),
        "HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder),
        "XDG_DATA_HOME": str(folder),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, str(PROBE), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _inside(rect: list[int], area: list[int]) -> bool:
    return QRect(*area).contains(QRect(*rect))


def _assert_fits(seen: dict) -> None:
    """Window, bars, docks and close buttons inside the screen; whatever a dock's scroll
    area holds can be scrolled to."""
    available = seen["screen"]["available"]
    assert _inside(seen["window"], available), (seen["window"], available)
    for name, rect in seen["parts"].items():
        assert _inside(rect, available), (name, rect, available)
    for name, dock in seen["docks"].items():
        assert _inside(dock["rect"], available), (name, dock["rect"], available)
    for name, area in seen["scrolled"].items():
        for axis in (0, 1):
            assert area["content"][axis] >= area["wanted"][axis], (name, area)
            assert area["content"][axis] - area["view"][axis] <= area["scroll"][axis], (name, area)


@pytest.mark.parametrize("screen", list(SCREENS))
def test_first_window_fits_the_screen(tmp_path, screen) -> None:
    width, height, scale = SCREENS[screen]
    seen = _probe(tmp_path, [{"name": "Screen", "width": width, "height": height, "scale": scale}])
    logical = [width // scale, height // scale]
    assert seen["screen"]["available"][2:] == logical
    assert seen["screen"]["ratio"] == scale
    _assert_fits(seen)
    window, canvas = seen["window"], seen["canvas"]
    assert canvas[2] >= window[2] / 2
    assert canvas[2] * canvas[3] >= window[2] * window[3] * CANVAS_AREA_SHARE
    assert "menu bar" in seen["parts"] and "status bar" in seen["parts"]
    assert "close button of inspector_dock" in seen["parts"]
    # Every category of the sample's legend can be seen or scrolled to.
    assert seen["scrolled"]["legend_dock"]["content"][1] >= seen["legend_rows"]
    areas = seen["areas"]
    if logical[0] < WIDE_MIN_WIDTH:
        # Narrow: the grids share the inspector's column as tabs; nothing on the right.
        assert seen["maximised"]
        assert areas["power_interest_dock"] == "LeftDockWidgetArea"
        assert not any(d["area"] == "RightDockWidgetArea" for d in seen["docks"].values())
    else:
        assert areas["power_interest_dock"] == "RightDockWidgetArea"
        assert "power_interest_dock" in seen["docks"]


def test_every_dock_open_on_a_projector_still_fits(tmp_path) -> None:
    screen = {"name": "Projector", "width": 1280, "height": 720}
    seen = _probe(tmp_path, [screen], "--every-dock")
    _assert_fits(seen)
    assert "towers_dock" in seen["docks"]


def test_layout_is_remembered_per_screen(tmp_path) -> None:
    laptop = {"name": "Laptop", "width": 1366, "height": 768}
    projector = {"name": "Projector", "x": 1366, "width": 1280, "height": 720}
    screens = [laptop, projector]
    on_laptop, on_projector = ("--mouse", "100,100"), ("--mouse", "1500,100")
    # On the laptop the user makes the window smaller and closes the legend.
    first = _probe(tmp_path, screens, *on_laptop, "--rearrange")
    assert first["screen"]["name"] == "Laptop"
    assert first["geometry"] == list(REARRANGED)
    # The projector has its own layout: the laptop's is not used there.
    projected = _probe(tmp_path, screens, *on_projector)
    assert projected["screen"]["name"] == "Projector"
    assert projected["maximised"] and "legend_dock" in projected["docks"]
    _assert_fits(projected)
    # Back on the laptop, the laptop's layout returns.
    back = _probe(tmp_path, screens, *on_laptop)
    assert back["screen"]["name"] == "Laptop"
    assert not back["maximised"]
    assert back["geometry"] == list(REARRANGED)
    assert "legend_dock" not in back["docks"]


def test_a_window_moved_to_a_smaller_screen_is_fitted_to_it(tmp_path) -> None:
    desk = {"name": "Desk", "width": 1920, "height": 1200}
    projector = {"name": "Projector", "x": 1920, "width": 1280, "height": 720}
    seen = _probe(tmp_path, [desk, projector], "--mouse", "100,100", "--move-to", "1950,40")
    assert seen["screen"]["name"] == "Projector"
    _assert_fits(seen)


# -- in this process, on the test screen ------------------------------------------------------
@pytest.fixture
def sample_window(qtbot, settings):
    """Opens the main window on the sample map as the app does; closes it without asking."""
    opened: list[MainWindow] = []

    def open_window(smap: StakeholderMap | None = None) -> MainWindow:
        window = MainWindow(smap or load_map(SAMPLE_MAP), SAMPLE_MAP, settings=settings)
        qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
        window.window_layout.show()
        qtbot.waitExposed(window)
        opened.append(window)
        return window

    return open_window


def test_a_remembered_size_larger_than_the_screen_is_brought_inside(
    qtbot, sample_window, settings
) -> None:
    window = sample_window()
    screen = window.screen()
    window.showNormal()
    window.setGeometry(60, 60, 1600, 1000)
    key = screen_key(screen)
    settings.set(WINDOW_GEOMETRY.for_screen(key), window.saveGeometry())
    settings.set(DOCK_STATE.for_screen(key), window.saveState())
    window.document.undo_stack.setClean()
    window.hide()

    again = sample_window()
    available = screen.availableGeometry()
    qtbot.waitUntil(lambda: available.contains(again.frameGeometry()))
    assert again.width() <= available.width() and again.height() <= available.height()


def test_legend_of_many_categories_scrolls_to_the_last(qtbot, sample_window) -> None:
    smap = load_map(SAMPLE_MAP)
    for n in range(40):
        smap.put_category(Category(f"extra{n}", f"Neighbourhood committee {n + 1}"))
        smap.put_stakeholder(Stakeholder(f"committee{n}", f"Committee {n + 1}", f"extra{n}"))
    window = sample_window(smap)
    scroll = window.docks["legend"].widget()
    legend = window.view.legend
    # Taller than a third of the screen: its dock does not grow that far; the legend scrolls.
    qtbot.waitUntil(lambda: 0 < scroll.viewport().height() < legend.sizeHint().height())
    assert legend.height() >= legend.sizeHint().height()
    bar = scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    bottom = legend.mapTo(scroll.viewport(), QPoint(0, legend.sizeHint().height()))
    assert bottom.y() <= scroll.viewport().height()


def test_no_dock_needs_more_room_than_it_can_scroll(sample_window) -> None:
    window = sample_window()
    for dock in window.findChildren(QDockWidget):
        panel = dock.widget()
        if isinstance(panel, (QAbstractScrollArea, QScrollArea)):
            continue
        wanted = panel.minimumSizeHint().expandedTo(panel.minimumSize())
        assert wanted.width() <= SCROLL_ABOVE.width(), dock.objectName()
        assert wanted.height() <= SCROLL_ABOVE.height(), dock.objectName()


# -- the rules, with screen sizes given -------------------------------------------------------
@pytest.mark.parametrize(
    ("available", "maximised"),
    [
        (QRect(0, 0, 1366, 728), True),  # laptop with a task bar
        (QRect(0, 0, 1280, 720), True),  # projector, or 2560 x 1440 at 200 %
        (QRect(1366, 0, 1280, 720), True),  # a second screen to the right
        (QRect(0, 0, 1920, 1040), True),  # full HD with a task bar
        (QRect(0, 27, 2560, 1413), False),  # panel on top
        (QRect(0, 0, 3840, 2160), False),
    ],
)
def test_first_placement_is_inside_the_available_area(available, maximised) -> None:
    rect, maximise = first_placement(available)
    assert maximise == maximised
    # Room for the frame and title bar the window manager adds.
    assert available.contains(rect.marginsAdded(QMargins(8, 32, 8, 8)))
    if not maximise:
        assert rect.center() == available.center()


@pytest.mark.parametrize("width", [1024, 1280, 1366, 1600, 1920])
def test_docks_leave_the_map_half_the_width(width) -> None:
    height = width * 9 // 16
    legend = QSize(389, 208)
    sizes = dock_sizes(QSize(width, height), legend, tables_rows=190)
    assert sizes.tabbed == (width < WIDE_MIN_WIDTH)
    assert sizes.left + sizes.right <= width / 2
    assert sizes.tables <= height * TABLES_MAX_SHARE
    if not sizes.tabbed:
        assert sizes.left >= legend.width()


def test_tables_show_five_rows_when_the_height_allows() -> None:
    assert dock_sizes(QSize(1600, 1000), QSize(300, 200), tables_rows=240).tables >= 240
    assert dock_sizes(QSize(1280, 600), QSize(300, 200), tables_rows=240).tables == 180


def test_a_window_larger_than_the_screen_is_fitted_inside() -> None:
    available = QRect(0, 0, 1366, 728)
    margins = QMargins(2, 30, 2, 2)
    frame = QRect(200, 100, 1604, 1032)
    fitted = fit_inside(frame, available, margins)
    assert available.contains(fitted.marginsAdded(margins))
    assert fitted.marginsAdded(margins).size() == available.size()
    moved = fit_inside(QRect(1000, 600, 400, 300), available, margins)
    assert available.contains(moved.marginsAdded(margins))
    assert moved.size() == QSize(396, 268)
