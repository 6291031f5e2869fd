"""Power–interest grid dragging, live metrics in the background, and the trusted route."""

from __future__ import annotations

import random

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtTest import QTest

from stakeholder_mapper.analysis.compare import quadrant
from stakeholder_mapper.core.commands import UpdateStakeholder
from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.ui.document import MapDocument
from stakeholder_mapper.ui.panels.grids import POWER_INTEREST, ScaleGrid
from stakeholder_mapper.ui.window.main_window import MainWindow
from stakeholder_mapper.ui.workers.metrics_runner import MetricsRunner

from ..waits import BACKGROUND


def _pixel(grid: ScaleGrid, x: float, y: float):
    scene_point = grid.plot.plotItem.vb.mapViewToScene(QPointF(x, y))
    return grid.plot.mapFromScene(scene_point)


def test_dragging_a_point_sets_power_and_interest_in_one_step(qtbot, window: MainWindow) -> None:
    smap = window.document.smap
    window.document.push(UpdateStakeholder(smap, "mayor", power=2, interest=2))
    window.document.undo_stack.clear()
    grid = window.power_interest
    window.docks["power_interest"].raise_()
    qtbot.waitUntil(grid.plot.isVisible)
    start, end = _pixel(grid, *grid.spot("mayor")), _pixel(grid, 4.1, 4.8)
    viewport = grid.plot.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(viewport, start + (end - start) * step / 10)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    mayor = smap.stakeholders["mayor"]
    assert (mayor.power, mayor.interest) == (5, 4)
    assert window.document.undo_stack.count() == 1
    assert grid.spot("mayor") == (4.0, 5.0)
    window.actions_by_name["undo"].trigger()
    assert (smap.stakeholders["mayor"].power, smap.stakeholders["mayor"].interest) == (2, 2)


def test_unrated_stakeholders_are_listed_not_plotted(qtbot, window: MainWindow) -> None:
    smap = window.document.smap
    window.document.push(UpdateStakeholder(smap, "imam", power=4, interest=3))
    grid = window.power_interest
    assert grid.spot("imam") == (3.0, 4.0)
    assert grid.spot("mayor") is None
    listed = {grid.unrated.item(i).text() for i in range(grid.unrated.count())}
    assert listed == {"Mayor", "Youth council", "Red Crescent city branch"}
    assert grid.unrated_title.text() == "Not rated (3)"


def test_metrics_go_stale_after_an_edit_and_refresh(qtbot, window: MainWindow) -> None:
    runner = window.metrics
    qtbot.waitUntil(lambda: not runner.stale and not runner.running, timeout=BACKGROUND)
    assert runner.result.metrics.loc["imam", "betweenness"] > 0
    window.view.connect("youth", "mayor")
    assert runner.stale and window.metrics_panel.status.text().startswith("Stale")
    qtbot.waitUntil(lambda: not runner.stale, timeout=BACKGROUND)
    assert len(runner.result.metrics) == 4
    assert window.metrics_panel.model.rowCount() == 4
    assert window.metrics_panel.status.text().startswith("Up to date")
    assert set(window.view.readings) == {"mayor", "imam", "youth", "branch"}


def _large_map(n: int, m: int) -> StakeholderMap:
    rng = random.Random(3)
    smap = StakeholderMap()
    categories = list(smap.categories)
    for i in range(n):
        smap.stakeholders[f"s{i}"] = Stakeholder(f"s{i}", f"Actor {i}", rng.choice(categories))
    for j in range(m):
        a, b = rng.sample(range(n), 2)
        smap.relationships[f"r{j}"] = Relationship(f"r{j}", f"s{a}", f"s{b}", "trust")
    return smap


def test_gui_thread_handles_events_before_a_large_analysis_arrives(qtbot) -> None:
    document = MapDocument(_large_map(2000, 8000))
    runner = MetricsRunner(document)
    seen = []
    runner.run_now()
    QTimer.singleShot(0, lambda: seen.append((runner.running, runner.result)))
    with qtbot.waitSignal(runner.finished, timeout=BACKGROUND):
        pass
    assert seen == [(True, None)], "the GUI thread must run events while the analysis works"
    assert len(runner.result.metrics) == 2000 and not runner.stale


def test_a_run_started_before_an_edit_is_not_shown_as_fresh(qtbot, window: MainWindow) -> None:
    runner = window.metrics
    runner.wait()
    runner.run_now()
    window.document.push(UpdateStakeholder(window.document.smap, "imam", power=5))
    runner.wait()
    assert runner.stale, "results of the map before the edit must stay marked stale"
    assert not window.metrics_panel.status.text().startswith("Up to date")
    qtbot.waitUntil(lambda: not runner.stale and not runner.running, timeout=BACKGROUND)
    assert window.metrics_panel.status.text().startswith("Up to date")


def test_cancel_stops_the_analysis_and_keeps_results_stale(qtbot) -> None:
    document = MapDocument(_large_map(2000, 8000))
    runner = MetricsRunner(document)
    with qtbot.waitSignal(runner.failed, timeout=BACKGROUND) as failed:
        runner.run_now()
        runner.cancel()
    assert "cancelled" in failed.args[0]
    runner.wait()
    assert runner.stale and runner.result is None


def test_trusted_route_is_listed_and_highlighted(qtbot, window: MainWindow) -> None:
    panel = window.route_panel
    panel.set_ends("branch", "mayor")
    routes = panel.find()
    assert routes[0].stakeholders == ("branch", "imam", "mayor")
    assert panel.list.count() == len(routes)
    assert window.scene.nodes["imam"].emphasised and window.scene.nodes["youth"].dimmed
    assert window.scene.edges["r1"].emphasised and window.scene.edges["r2"].emphasised
    assert not window.scene.edges["r4"].emphasised
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.scene.nodes["imam"].emphasised


def test_grid_quadrant_lines_agree_with_the_quadrant_the_plan_names() -> None:
    spec = POWER_INTEREST
    corner = {(True, True): 1, (True, False): 0, (False, True): 3, (False, False): 2}
    for power in range(1, 6):
        for interest in range(1, 6):
            shown = spec.quadrants[corner[(power > spec.y_split, interest > spec.x_split)]]
            assert shown.lower() == quadrant(power, interest)
