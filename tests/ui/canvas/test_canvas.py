"""Canvas editing through real mouse and keyboard events: each edit is one undo step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtTest import QTest

from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.ui.window.main_window import MainWindow

from ..conftest import double_click, node_point, shift_drag


def _undo(win: MainWindow) -> None:
    win.actions_by_name["undo"].trigger()


def _redo(win: MainWindow) -> None:
    win.actions_by_name["redo"].trigger()


def test_double_click_adds_a_stakeholder_named_in_place(qtbot, window: MainWindow) -> None:
    smap = window.document.smap
    viewport = window.view.viewport()
    spot = window.view.mapFromScene(300, -250)
    double_click(viewport, spot)
    assert len(smap.stakeholders) == 5
    added = next(s for s in smap.stakeholders.values() if s.label.startswith("New stakeholder"))
    assert smap.positions[added.id] == (300.0, -250.0)
    assert window.scene.nodes[added.id].pos().toTuple() == (300.0, -250.0)
    editor = viewport.focusWidget()
    assert editor is not None and editor.text() == added.label
    editor.selectAll()
    QTest.keyClicks(editor, "Port authority")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert smap.stakeholders[added.id].label == "Port authority"
    assert (
        window.actions_by_name["undo"].text() == "&Undo Rename New stakeholder 1 to Port authority"
    )
    _undo(window)
    assert smap.stakeholders[added.id].label == "New stakeholder 1"
    _undo(window)
    assert added.id not in smap.stakeholders
    assert added.id not in window.scene.nodes
    _redo(window)
    assert added.id in window.scene.nodes


def test_shift_drag_connects_with_the_kind_from_the_palette(qtbot, window: MainWindow) -> None:
    smap = window.document.smap
    trust = next(a for a in window.kind_group.actions() if a.data() == "trust")
    trust.trigger()
    viewport = window.view.viewport()
    start, end = node_point(window, "mayor"), node_point(window, "youth")
    shift_drag(viewport, start, end)
    new = [r for r in smap.relationships.values() if (r.source, r.target) == ("mayor", "youth")]
    assert len(new) == 1 and new[0].kind == "trust" and new[0].directed
    assert new[0].id in window.scene.edges
    assert smap.positions["mayor"] == (0.0, -200.0), "connecting must not move the node"
    _undo(window)
    assert new[0].id not in smap.relationships and new[0].id not in window.scene.edges


def test_connect_tool_drag_connects_without_modifier(qtbot, window: MainWindow) -> None:
    smap = window.document.smap
    window.actions_by_name["connect_tool"].trigger()
    assert window.view.connect_tool
    viewport = window.view.viewport()
    start, end = node_point(window, "youth"), node_point(window, "branch")
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert any((r.source, r.target) == ("youth", "branch") for r in smap.relationships.values())


def test_dragging_nodes_is_one_undo_step(qtbot, window: MainWindow) -> None:
    smap = window.document.smap
    window.document.selection.set(["youth", "branch"])
    viewport = window.view.viewport()
    start = node_point(window, "youth")
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + QPoint(10 * step, -8 * step))
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(50, -40)
    )
    assert smap.positions["youth"] == (-200.0, 110.0)
    assert smap.positions["branch"] == (300.0, 110.0)
    assert window.document.undo_stack.count() == 1
    assert window.document.undo_stack.undoText() == "Move stakeholders"
    _undo(window)
    assert smap.positions["youth"] == (-250.0, 150.0)
    assert window.scene.nodes["branch"].pos().toTuple() == (250.0, 150.0)


def test_rubber_band_selects_and_delete_key_removes(qtbot, window: MainWindow) -> None:
    smap = window.document.smap
    viewport = window.view.viewport()
    corner_a = window.view.mapFromScene(-320, 60)
    corner_b = window.view.mapFromScene(320, 220)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner_a)
    QTest.mouseMove(viewport, (corner_a + corner_b) / 2)
    QTest.mouseMove(viewport, corner_b)
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner_b
    )
    assert set(window.document.selection.stakeholders) == {"youth", "branch"}
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert set(smap.stakeholders) == {"mayor", "imam"}
    assert set(smap.relationships) == {"r2"}, "ties of deleted stakeholders go with them"
    _undo(window)
    assert set(smap.stakeholders) == {"mayor", "imam", "youth", "branch"}
    assert set(smap.relationships) == {"r1", "r2", "r3", "r4"}
    assert set(window.scene.edges) == {"r1", "r2", "r3", "r4"}


def test_f2_renames_in_place_and_escape_cancels(qtbot, window: MainWindow) -> None:
    smap = window.document.smap
    window.document.selection.set(["imam"])
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F2)
    editor = window.view.viewport().focusWidget()
    QTest.keyClicks(editor, "Grand imam")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert smap.stakeholders["imam"].label == "Imam of the central mosque"
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_F2)
    editor = window.view.viewport().focusWidget()
    QTest.keyClicks(editor, "Grand imam")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert smap.stakeholders["imam"].label == "Grand imam"
    assert window.scene.nodes["imam"].label == "Grand imam"


def test_rename_works_again_after_escape_and_the_editor_is_gone(qtbot, window: MainWindow) -> None:
    editor = window.view.start_rename("imam")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    editor = window.view.start_rename("mayor")
    editor.selectAll()
    QTest.keyClicks(editor, "Lord mayor")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.smap.stakeholders["mayor"].label == "Lord mayor"


def test_empty_name_is_refused_with_a_message(qtbot, window: MainWindow) -> None:
    editor = window.view.start_rename("mayor")
    editor.clear()
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.smap.stakeholders["mayor"].label == "Mayor"
    assert "needs a name" in window.statusBar().currentMessage()


def test_undo_menu_names_the_action_and_shortcuts_work(qtbot, window: MainWindow) -> None:
    smap = window.document.smap
    window.document.selection.set([], ["r3"])
    window.actions_by_name["delete"].trigger()
    assert "r3" not in smap.relationships
    assert window.actions_by_name["undo"].text() == "&Undo Delete relationship"
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "r3" in smap.relationships
    QTest.keyClick(
        window.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert "r3" not in smap.relationships


def test_parallel_ties_are_drawn_apart(qtbot, window: MainWindow) -> None:
    # Trust ties beside the influence tie r1: the same tie is never added twice.
    window.view.connect_kind = "trust"
    window.view.connect("imam", "branch")
    window.view.connect("branch", "imam")
    middles = {
        window.scene.edges[r.id].path().pointAtPercent(0.5).toTuple()
        for r in window.document.smap.relationships.values()
        if {r.source, r.target} == {"imam", "branch"}
    }
    xs = sorted(round(x) for x, _ in middles)
    assert len(middles) == 3 and xs[0] < xs[1] < xs[2]


def test_large_map_zoomed_out_is_drawn_in_batches_and_stays_editable(qtbot, settings) -> None:
    smap = StakeholderMap()
    for i in range(600):
        smap.stakeholders[f"s{i}"] = Stakeholder(f"s{i}", f"Actor {i}", "media")
        smap.positions[f"s{i}"] = (float(i % 25) * 150, float(i // 25) * 150)
    for i in range(599):
        smap.relationships[f"r{i}"] = Relationship(f"r{i}", f"s{i}", f"s{i + 1}")
    win = MainWindow(smap, settings=settings)
    qtbot.addWidget(win, before_close_func=lambda w: w.document.undo_stack.setClean())
    win.show()
    qtbot.waitExposed(win)
    win.view.fit_all()
    scene = win.scene
    assert scene.overview and scene.overview_layer.isVisible()
    assert not scene.edges["r0"].isVisible() and "r0" in scene.overview_layer.shown_edges
    image = win.view.viewport().grab().toImage()
    point = node_point(win, "s300")
    assert image.pixelColor(point).name() != "#fbfbf8", "the node is drawn by the overview"
    QTest.mouseClick(
        win.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    assert win.document.selection.stakeholders == ("s300",)
    win.view.centre_on("s300")
    assert not scene.overview and scene.edges["r0"].isVisible()
