"""What keeps start-up fast: the window's modules load no heavy library, the window is
painted before pyqtgraph and numpy load (the grids and the metrics chart are built just
after, from the map as it is then), and a large map shows at once while its ties are
drawn in steps and its metrics computed afterwards."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtWidgets import QLabel

from stakeholder_mapper.core.commands import RemoveRelationships, UpdateStakeholder
from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.ui.canvas.scene import EDGE_STEP
from stakeholder_mapper.ui.window.main_window import MainWindow
from stakeholder_mapper.ui.workers.lazy_widget import LazyWidget

#: Libraries that took most of the start-up time; they load when first needed.
HEAVY = ("igraph", "pandas", "matplotlib", "networkx", "docx", "openpyxl", "python_calamine")
HEAVY += ("cryptography", "scipy", "pyqtgraph", "numpy")
#: What Partner and Public versions use to find phone numbers and declined names.
HEAVY += ("phonenumbers", "pymorphy3")

#: Opens the sample map as the app does and prints, at the map's first paint, the heavy
#: libraries loaded and whether any grid or chart was built; then, once they are built
#: (pyqtgraph having loaded in the background), the stakeholders on the power–interest
#: grid and those rated on both its scales.
_FIRST_PAINT = """
import sys
from PySide6.QtCore import QEvent, QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

QStandardPaths.setTestModeEnabled(True)
app = QApplication([])
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP
from stakeholder_mapper.ui.window.main_window import MainWindow
from stakeholder_mapper.ui.setup.settings import Settings

settings = Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
window = MainWindow(load_map(SAMPLE_MAP), None, settings=settings)
slots = [*window.grid_slots.values(), window.metrics_panel.chart_slot]


class Spy(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            built = any(slot.is_built() for slot in slots)
            print(sorted(m for m in sys.argv[2:] if m in sys.modules), built, flush=True)
            watched.removeEventFilter(self)
        return False


def when_built():
    if not all(slot.is_built() for slot in slots):
        return
    plotted = sorted(spot.data() for spot in window.power_interest.points.points())
    people = window.document.smap.stakeholders.values()
    rated = sorted(s.id for s in people if s.power is not None and s.interest is not None)
    print(len(plotted), plotted == rated, flush=True)
    app.exit(0)


spy = Spy()
window.view.viewport().installEventFilter(spy)
poll = QTimer(interval=20)
poll.timeout.connect(when_built)
poll.start()
window.window_layout.show()
app.exec()
"""


def test_starting_the_app_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "import stakeholder_mapper.cli, stakeholder_mapper.ui.app\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]", f"loaded at start-up: {done.stdout.strip()}"


def test_the_window_is_painted_before_heavy_libraries_load_and_the_grids_after(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_PAINT, str(tmp_path / "settings.ini"), *HEAVY],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    painted, built = done.stdout.splitlines()
    assert painted == "[] False", f"at the first paint: {painted}"
    points, as_rated = built.split()
    assert int(points) > 0 and as_rated == "True", "a point per rated stakeholder"


def _plotted(slot: LazyWidget) -> dict[str, tuple[float, float, float]]:
    """Each point of a built grid: its stakeholder, where it is drawn and its size."""
    return {
        spot.data(): (spot.pos().x(), spot.pos().y(), spot.size())
        for spot in slot.widget().points.points()
    }


def test_grids_and_chart_show_after_the_first_paint_with_the_map_of_then(
    qtbot, settings, small_map: StakeholderMap
) -> None:
    window = MainWindow(small_map, settings=settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    grids = window.grid_slots
    slots = [*grids.values(), window.metrics_panel.chart_slot]
    # Edits, a selection and metrics that come before the grids and chart are built.
    window.document.push(UpdateStakeholder(small_map, "imam", power=4, interest=3, position=1))
    window.document.push(UpdateStakeholder(small_map, "mayor", power=5, interest=2))
    window.document.selection.set(["imam"])
    window.docks["influence_position"].hide()
    window.metrics.run_now()
    qtbot.waitUntil(lambda: window.metrics.result is not None, timeout=60000)
    assert not any(slot.is_built() for slot in slots)
    assert window.docks["power_interest"].widget() is grids["power_interest"]
    window.resize(1600, 1000)
    window.show()
    qtbot.waitUntil(lambda: all(slot.is_built() for slot in slots), timeout=30000)
    # One point per rated stakeholder, the selected one drawn larger.
    assert _plotted(grids["power_interest"]) == {"imam": (3, 4, 20), "mayor": (2, 5, 16)}
    assert _plotted(grids["influence_position"]) == {"imam": (1, 4, 20)}
    assert window.power_interest is grids["power_interest"].widget()
    assert window.power_interest.isVisible()
    # The matrix was built while its dock was closed: opening the dock shows it.
    assert not window.influence_position.isVisible()
    window.docks["influence_position"].show()
    qtbot.waitUntil(window.influence_position.isVisible)
    # The chart drew the results that were there before it: the largest bar on top.
    chart = window.metrics_panel.chart
    qtbot.waitUntil(lambda: bool(_bars(chart)))
    (bars,) = _bars(chart)
    betweenness = window.metrics.result.metrics["betweenness"]
    assert list(bars.opts["width"])[-1] == betweenness.max() > 0
    top = chart.getAxis("left")._tickLevels[0][-1][1]
    assert top == small_map.stakeholders[betweenness.idxmax()].label


def _bars(chart: pg.PlotWidget) -> list[pg.BarGraphItem]:
    return [item for item in chart.getPlotItem().items if isinstance(item, pg.BarGraphItem)]


def test_a_placeholder_builds_its_widget_once_when_asked_or_shown_after_the_paint(qtbot) -> None:
    built: list[QLabel] = []

    def build() -> QLabel:
        built.append(QLabel("The grid"))
        return built[-1]

    slot = LazyWidget(build, "Loading the grid…")
    qtbot.addWidget(slot)
    slot.show()
    qtbot.waitExposed(slot)
    assert not built, "shown before the window's first paint, it waits"
    slot.hide()
    slot.build_on_show = True
    slot.show()
    assert len(built) == 1 and built[0].isVisible() and built[0].parent() is slot
    assert slot.widget() is built[0] and len(built) == 1


def test_a_panel_built_while_its_dock_is_hidden_shows_with_the_dock(qtbot) -> None:
    slot = LazyWidget(lambda: QLabel("The grid"), "Loading the grid…")
    qtbot.addWidget(slot)
    real = slot.widget()
    assert not real.isVisible()
    slot.show()
    qtbot.waitExposed(slot)
    assert real.isVisible()


def _large_map(ties: int, seed: int = 3) -> StakeholderMap:
    rng = random.Random(seed)
    smap = StakeholderMap()
    n = ties // 5
    for i in range(n):
        smap.put_stakeholder(Stakeholder(f"s{i}", f"Stakeholder {i}", "community", power=3))
        smap.positions[f"s{i}"] = (float(i % 40) * 120, float(i // 40) * 120)
    for j in range(ties):
        a = rng.randrange(n)
        b = (a + rng.randrange(1, n)) % n
        smap.put_relationship(Relationship(f"r{j}", f"s{a}", f"s{b}", "influence", 3))
    return smap


def test_a_large_map_shows_before_its_ties_and_metrics(qtbot, settings) -> None:
    smap = _large_map(2 * EDGE_STEP + 500)
    seen_when_metrics_came: list[tuple[bool, int]] = []
    window = MainWindow(smap, settings=settings)
    # The stakeholders are drawn at once; the ties wait for the event loop.
    assert len(window.scene.nodes) == len(smap.stakeholders)
    assert window.scene.drawing_ties and not window.scene.edges
    window.metrics.finished.connect(
        lambda _r: seen_when_metrics_came.append((window.isVisible(), len(window.scene.edges)))
    )
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitUntil(lambda: window.metrics.result is not None, timeout=60000)
    assert set(window.scene.edges) == set(smap.relationships)
    assert seen_when_metrics_came == [(True, len(smap.relationships))]
    assert set(window.metrics.result.metrics.index) == set(smap.stakeholders)


def test_an_edit_while_ties_are_drawn_completes_them_first(qtbot, settings) -> None:
    smap = _large_map(EDGE_STEP + 500)
    window = MainWindow(smap, settings=settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    last = list(smap.relationships)[-1]
    assert window.scene.drawing_ties and last not in window.scene.edges
    window.document.push(RemoveRelationships(smap, [last]))
    assert not window.scene.drawing_ties
    assert set(window.scene.edges) == set(smap.relationships)
    assert last not in window.scene.edges
