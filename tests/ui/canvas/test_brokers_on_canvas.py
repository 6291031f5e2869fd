"""What the analysis finds, shown on the map: stakeholders sized by brokerage once metrics
are in, the top brokers, our branch and the most powerful always named, a presentation
that fills a projector's screen with names readable from the back row, and the smaller
things a new user tripped over (the metrics chart, route highlights, label sizes, tabs)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar

from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.core.node_size import rating_radius
from stakeholder_mapper.ui.canvas.items import HIDDEN, NodeItem
from stakeholder_mapper.ui.setup.settings import SIZE_BY, Settings
from stakeholder_mapper.ui.window.main_window import MainWindow

from ..conftest import node_point, open_window
from ..screen_probe import offscreen_config

ROOT = Path(__file__).resolve().parents[3]
PROBE = Path(__file__).with_name("presentation_probe.py")


def _bridged_map() -> StakeholderMap:
    """Two groups of three joined only through a powerless go-between, who sits right
    beside the mayor and the council: its name would be the first to go."""
    smap = StakeholderMap()
    people = {
        "mayor": ("Mayor of the city", "municipal", 5, (0.0, 0.0)),
        "council": ("City council", "municipal", 5, (0.0, 60.0)),
        "planning": ("Planning office", "municipal", 4, (-120.0, 0.0)),
        "bridge": ("Market traders' go-between", "community", 1, (60.0, 30.0)),
        "imam": ("Imam of the old mosque", "faith", 3, (400.0, 0.0)),
        "scouts": ("Scouts", "youth", 2, (400.0, 120.0)),
        "clinic": ("Street clinic", "ngo", 2, (520.0, 60.0)),
    }
    for sid, (label, category, power, spot) in people.items():
        smap.stakeholders[sid] = Stakeholder(sid, label, category, power=power)
        smap.positions[sid] = spot
    ties = [
        ("mayor", "council"),
        ("council", "planning"),
        ("planning", "mayor"),
        ("mayor", "bridge"),
        ("bridge", "imam"),
        ("imam", "scouts"),
        ("scouts", "clinic"),
        ("clinic", "imam"),
    ]
    for number, (source, target) in enumerate(ties):
        rid = f"r{number}"
        smap.relationships[rid] = Relationship(
            rid, source, target, kind="collaboration", directed=False, strength=4
        )
    return smap


def _active(qtbot, smap: StakeholderMap, settings: Settings) -> MainWindow:
    """The window on ``smap``, active so that its shortcuts reach it."""
    window = open_window(qtbot, smap, settings)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _with_metrics(qtbot, smap: StakeholderMap, settings: Settings) -> MainWindow:
    window = _active(qtbot, smap, settings)
    window.metrics.run_now()
    window.metrics.wait()
    qtbot.waitUntil(lambda: window.metrics.result is not None and not window.metrics.running)
    qtbot.waitUntil(lambda: window.scene.size_by == "betweenness")
    return window


def test_once_metrics_are_in_stakeholders_are_sized_by_brokerage(qtbot, settings) -> None:
    window = _with_metrics(qtbot, _bridged_map(), settings)
    nodes = window.scene.nodes
    betweenness = window.metrics.result.metrics["betweenness"]
    top = str(betweenness.idxmax())
    assert top in ("bridge", "mayor", "imam")
    assert nodes[top].radius == max(node.radius for node in nodes.values())
    # The powerless go-between outgrows the powerful council, which brokers nothing.
    assert nodes["bridge"].radius > nodes["council"].radius
    assert window.broker_view.action.isChecked()
    legend = [text for _kind, _record, text in window.view.legend._columns[1]]
    assert "size: brokerage" in legend


def test_ctrl_b_switches_to_power_and_is_remembered(qtbot, settings) -> None:
    window = _with_metrics(qtbot, _bridged_map(), settings)
    qtbot.keyClick(window.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert window.scene.size_by == "power"
    nodes, smap = window.scene.nodes, window.document.smap
    for sid, node in nodes.items():
        assert node.radius == rating_radius(smap.stakeholders[sid].power)
    legend = [text for _kind, _record, text in window.view.legend._columns[1]]
    assert "size: power" in legend
    assert settings.get(SIZE_BY) == "power"
    # A window opened later starts where the user left it.
    later = _with_power(qtbot, settings)
    assert not later.broker_view.action.isChecked() and later.scene.size_by == "power"
    qtbot.keyClick(later.view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert later.scene.size_by == "betweenness" and settings.get(SIZE_BY) == "brokerage"


def _with_power(qtbot, settings: Settings) -> MainWindow:
    window = _active(qtbot, _bridged_map(), settings)
    window.metrics.run_now()
    window.metrics.wait()
    qtbot.waitUntil(lambda: window.metrics.result is not None and not window.metrics.running)
    return window


def test_the_top_broker_is_named_even_when_sized_by_power(qtbot, settings) -> None:
    window = _with_metrics(qtbot, _bridged_map(), settings)
    window.broker_view.action.setChecked(False)
    bridge = window.scene.nodes["bridge"]
    assert "bridge" in window.scene.key_stakeholders
    assert bridge.label_place != HIDDEN
    # Without the analysis, the smallest node beside the mayor and council loses its name.
    window.scene.set_key_stakeholders([])
    assert bridge.label_place == HIDDEN


def test_size_menu_and_legend_use_plain_metric_names(qtbot, settings) -> None:
    window = _with_metrics(qtbot, _bridged_map(), settings)
    texts = [action.text() for action in window.size_group.actions()]
    assert "coordinator" in texts and "brokerage total" in texts
    assert not any(text.startswith("gf") or "_" in text for text in texts)
    window.view_control.choose_size("gf_total")
    legend = [text for _kind, _record, text in window.view.legend._columns[1]]
    assert "size: brokerage total" in legend


def _drawn_names(axis) -> list[str]:
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    specs = axis.generateDrawSpecs(painter)
    painter.end()
    return [text for _rect, _flags, text in specs[2]] if specs else []


def test_the_metrics_chart_names_every_bar_and_empties_on_new(qtbot, settings) -> None:
    smap = StakeholderMap()
    long_names = [
        "Municipal Disaster Risk Management Unit WWWW",
        "MMMMMMMMMMMMMMMMMMMMMMMMMMMM",
        "Marenza Chamber of Commerce and Industry",
        "Hub",
    ]
    for number, label in enumerate(long_names):
        sid = f"s{number}"
        smap.stakeholders[sid] = Stakeholder(sid, label, "ngo")
        smap.positions[sid] = (100.0 * number, 0.0)
    for number in range(3):
        rid = f"r{number}"
        smap.relationships[rid] = Relationship(rid, f"s{number}", "s3", kind="collaboration")
        smap.relationships[rid + "b"] = Relationship(
            rid + "b", "s3", f"s{(number + 1) % 3}", kind="collaboration"
        )
    window = _with_metrics(qtbot, smap, settings)
    panel = window.metrics_panel
    window.docks["metrics"].show()
    window.docks["metrics"].raise_()
    panel.metric_box.setCurrentIndex(panel.metric_box.findData("in_degree"))
    chart = panel.chart
    chart.setFixedHeight(260)
    qtbot.waitUntil(lambda: panel._bars >= 4)
    names = _drawn_names(chart.getAxis("left"))
    assert len(names) == 4
    for name in names:
        assert name in long_names or any(
            label.startswith(name.removesuffix("…")) for label in long_names
        )
    window.files.new_map()
    qtbot.waitUntil(lambda: not window.metrics.running)
    assert _drawn_names(chart.getAxis("left")) == []
    assert panel.model.rowCount() == 0


def _label_state(window: MainWindow) -> tuple:
    nodes = window.scene.nodes
    return (
        NodeItem.label_px,
        NodeItem.label_scale,
        {sid: n.label_place for sid, n in window.scene.nodes.items()},
        {sid: n.label_rect(n.label_place).size().toTuple() for sid, n in nodes.items()},
    )


def test_labels_keep_their_size_after_presentation(qtbot, settings) -> None:
    window = _with_metrics(qtbot, _bridged_map(), settings)
    window.view.zoom_by(0.3)  # zoomed out: labels are enlarged to stay readable
    before = _label_state(window)
    assert before[1] > 1.0
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    assert window.workshop.presentation.active
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.workshop.presentation.active
    assert _label_state(window) == before


def test_presentation_and_comparison_clear_an_old_route(qtbot, settings) -> None:
    window = _with_metrics(qtbot, _bridged_map(), settings)
    scene = window.scene
    scene.set_route(["mayor", "bridge", "imam"])
    assert scene.nodes["scouts"].dimmed
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    assert scene.route == [] and not scene.nodes["scouts"].dimmed
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    tools = window.workshop
    tools.snapshots.take("Before")
    scene.set_route(["mayor", "bridge", "imam"])
    tools.snapshots.select(window.document.smap.snapshots[0].id)
    tools.snapshots.compare_selected()
    assert tools.overlay.comparison is not None
    assert scene.route == [] and not scene.nodes["scouts"].dimmed


def test_a_small_map_spread_far_apart_shows_its_names(qtbot, settings) -> None:
    smap = StakeholderMap()
    for number in range(6):
        sid = f"s{number}"
        smap.stakeholders[sid] = Stakeholder(sid, f"Stakeholder {number}", "ngo", power=3)
        smap.positions[sid] = (4000.0 * (number % 3), 4000.0 * (number // 3))
    window = open_window(qtbot, smap, settings)
    window.view.fit_all()
    view = window.view
    assert view.zoom_level() < 0.15, "the map is fitted far out"
    assert window.scene.labels_drawn and view.zoom_level() >= NodeItem.label_min_lod
    assert all(node.label_place != HIDDEN for node in window.scene.nodes.values())
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    for node in window.scene.nodes.values():
        assert shown.contains(node.label_rect(node.label_place).translated(node.pos()))
    # Text of readable size on screen.
    assert NodeItem.label_px * NodeItem.label_scale * view.zoom_level() >= 11


def test_dock_tabs_keep_their_titles_whole_at_1280_pixels(qtbot, settings) -> None:
    window = open_window(qtbot, _bridged_map(), settings)
    window.resize(1280, 700)
    QTest.qWait(50)
    bars = [
        bar
        for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if bar.isVisible() and bar.count() > 1
    ]
    assert bars, "the window stacks some docks as tabs"
    for bar in bars:
        metrics = bar.fontMetrics()
        for index in range(bar.count()):
            text = bar.tabText(index)
            assert bar.tabRect(index).width() >= metrics.horizontalAdvance(text), text


def test_a_node_dragged_in_presentation_keeps_its_map_place(qtbot, settings) -> None:
    """The presentation stretches the drawing; a drag stores the place on the map itself."""
    window = _with_metrics(qtbot, _bridged_map(), settings)
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    scene = window.scene
    assert scene.stretch != (1.0, 1.0)
    start = node_point(window, "scouts")
    end = start + (start - node_point(window, "imam")) / 4
    viewport = window.view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    node = scene.nodes["scouts"]
    x, y = window.document.smap.positions["scouts"]
    assert (x * scene.stretch[0], y * scene.stretch[1]) == pytest.approx(node.pos().toTuple())
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert scene.stretch == (1.0, 1.0)
    assert node.pos().toTuple() == pytest.approx((x, y))


# -- presentation on a projector and a full-HD screen, each in a process of its own -------
def _present(folder: Path, width: int, height: int) -> dict:
    env = {
        "QT_QPA_PLATFORM": offscreen_config(
            folder, [{"name": "projector", "width": width, "height": height}]
        ),
        "HOME": str(folder),
        "XDG_CONFIG_HOME": str(folder),
        "XDG_DATA_HOME": str(folder),
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, str(PROBE)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _readable(names: dict[str, list[float]]) -> list[str]:
    """The names whose rectangles overlap no other name's."""
    rects = {sid: QRectF(*rect) for sid, rect in names.items()}
    return [
        sid
        for sid, rect in rects.items()
        if not any(rect.intersects(other) for o, other in rects.items() if o != sid)
    ]


@pytest.mark.parametrize(("width", "height", "least"), [(1280, 720, 20), (1920, 1080, 25)])
def test_presentation_names_the_room_can_read(tmp_path, width, height, least) -> None:
    seen = _present(tmp_path, width, height)
    assert seen["screen"] == [width, height]
    assert seen["stakeholders"] == 55 and seen["size_by"] == "betweenness"
    readable = _readable(seen["names"])
    assert len(readable) == len(seen["names"]), "no two names overlap"
    assert len(readable) >= least
    # Our branch, the top brokers and the most powerful are all named.
    assert seen["branch"] in seen["always_named"]
    assert set(seen["always_named"]) <= set(readable)
    # Names of a size the back row reads: a 36th of the screen's height at least at 720 lines.
    assert seen["label_px"] >= min(20, height / 36) - 0.5
    # The map fills the screen: its stakeholders and their names span the canvas both ways,
    # the stakeholders alone most of it.
    shapes, spread = QRectF(), QRectF()
    for rect in seen["shapes"]:
        shapes |= QRectF(*rect)
    for rect in seen["names"].values():
        spread |= QRectF(*rect)
    spread |= shapes
    canvas_width, canvas_height = seen["canvas"]
    assert spread.width() >= 0.9 * canvas_width and spread.height() >= 0.9 * canvas_height
    assert shapes.width() >= 0.6 * canvas_width and shapes.height() >= 0.6 * canvas_height
    # Every name on the screen.
    canvas = QRectF(0, 0, canvas_width, canvas_height)
    for rect in seen["names"].values():
        assert canvas.adjusted(-1, -1, 1, 1).contains(QRectF(*rect))


def test_brokerage_picked_from_the_size_menu_stays_after_new_metrics(qtbot, settings) -> None:
    window = _with_metrics(qtbot, _bridged_map(), settings)
    window.broker_view.action.setChecked(False)
    assert window.scene.size_by == "power"
    betweenness = next(a for a in window.size_group.actions() if a.data() == "betweenness")
    betweenness.trigger()
    assert window.broker_view.action.isChecked()
    window.metrics.run_now()
    window.metrics.wait()
    qtbot.waitUntil(lambda: not window.metrics.running)
    assert window.scene.size_by == "betweenness"
    interest = next(a for a in window.size_group.actions() if a.data() == "interest")
    interest.trigger()
    window.metrics.run_now()
    window.metrics.wait()
    qtbot.waitUntil(lambda: not window.metrics.running)
    assert window.scene.size_by == "interest"


def test_a_highlighted_route_names_every_stakeholder_on_it(qtbot, settings) -> None:
    """On the sample the most trusted route from the branch to the mayor runs through a
    go-between whose name was hidden behind the always-named; the route comes first."""
    from stakeholder_mapper.io.project import load_map
    from stakeholder_mapper.paths import SAMPLE_MAP

    window = _with_metrics(qtbot, load_map(SAMPLE_MAP), settings)
    window.resize(1600, 1000)
    window.view.fit_all()
    panel = window.route_panel
    branch = window.document.smap.info.branch
    panel.set_ends(source=branch, target="mayor")
    routes = panel.find()
    assert routes, "the sample has a route from its branch to the mayor"
    on_route = window.scene.route
    assert len(on_route) >= 3
    hidden = [sid for sid in on_route if window.scene.nodes[sid].label_place == HIDDEN]
    assert hidden == []


def test_the_route_dock_never_scrolls_sideways(qtbot, settings) -> None:
    """Long names in From and To no longer make the route panel wider than its dock."""
    from stakeholder_mapper.io.project import load_map
    from stakeholder_mapper.paths import SAMPLE_MAP

    window = _with_metrics(qtbot, load_map(SAMPLE_MAP), settings)
    longest = max((s.label for s in window.document.smap.stakeholders.values()), key=len)
    width = window.route_panel.fontMetrics().horizontalAdvance(longest)
    assert window.route_panel.minimumSizeHint().width() < width


def test_a_window_closed_in_presentation_leaves_the_next_map_as_usual(qtbot, settings) -> None:
    """Label style is shared by every node: a window closed while presenting must not leave
    the next map with projector-sized names placed beside their nodes."""
    first = _with_metrics(qtbot, _bridged_map(), settings)
    qtbot.keyClick(first.view, Qt.Key.Key_F5)
    assert first.workshop.presentation.active
    assert len(NodeItem.label_places) == 4
    first.close()
    second = _with_metrics(qtbot, _bridged_map(), settings)
    assert NodeItem.label_places == ("below", "above")
    assert NodeItem.label_px == NodeItem.normal_label_px()
    places = {n.label_place for n in second.scene.nodes.values() if not n.key}
    assert places <= {"below", "above", HIDDEN}


def test_names_that_always_show_go_beside_their_node_before_covering_another(
    qtbot, settings
) -> None:
    """On the sample the branch's name below or above its node would cover the mayor's or
    another shape; it goes to the side instead, so no shape cuts an always-shown name."""
    from stakeholder_mapper.io.project import load_map
    from stakeholder_mapper.paths import SAMPLE_MAP

    window = _with_metrics(qtbot, load_map(SAMPLE_MAP), settings)
    window.resize(1600, 1000)
    window.view.fit_all()
    scene = window.scene
    covered = []
    for node in scene.nodes.values():
        if not node.key or node.label_place == HIDDEN:
            continue
        name = node.label_rect(node.label_place).translated(node.pos())
        for other in scene.nodes.values():
            if other is node or not other.isVisible():
                continue
            shape = other.outline().boundingRect().translated(other.pos())
            rim = 0.15 * shape.width() / 2
            if name.intersects(shape.adjusted(rim, rim, -rim, -rim)):
                covered.append((node.sid, other.sid))
    assert covered == []
