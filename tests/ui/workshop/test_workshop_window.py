"""Workshop tools inside the main window: F5 and Esc, quick entry, comparison on the canvas."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from stakeholder_mapper.core.commands import RemoveStakeholders, UpdateStakeholder
from stakeholder_mapper.core.scores import SetVotes
from stakeholder_mapper.ui.canvas.items import LABEL_FONT_PX, NodeItem
from stakeholder_mapper.ui.window.main_window import MainWindow

from ..conftest import node_point, shift_drag
from ..waits import BACKGROUND


def _window(qtbot, smap) -> MainWindow:
    window = MainWindow(smap)
    # Edits are left unsaved on purpose: mark them saved so closing does not ask.
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    # Within the offscreen screen (800 x 600): restoring never has to clamp.
    window.resize(720, 500)
    window.move(40, 30)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_f5_presents_with_large_labels_and_esc_restores_the_window(qtbot, small_map):
    window = _window(qtbot, small_map)
    tools = window.workshop
    tools.snapshots_dock.show()
    before = (bytes(window.saveState()), window.geometry(), tools.snapshots_dock.isVisible())
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    assert tools.presentation.active and window.isFullScreen()
    assert not any(d.isVisible() for d in window.findChildren(QDockWidget))
    # Labels sized for the room whatever the zoom: at least 15 pt and a 41st of the
    # screen's height, always drawn.
    zoom = window.view.zoom_level()
    on_screen = NodeItem.label_px * zoom
    assert on_screen >= 15 * window.view.logicalDpiY() / 72 - 0.5
    assert on_screen >= window.height() / 41 - 0.5
    assert NodeItem.label_min_lod == 0.0
    tools.towers_action.trigger()
    assert tools.present_towers.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not tools.presentation.active
    assert not tools.present_towers.isVisible()
    assert NodeItem.label_px == LABEL_FONT_PX and NodeItem.show_labels
    after = (bytes(window.saveState()), window.geometry(), tools.snapshots_dock.isVisible())
    assert after == before


def _view_state(window: MainWindow) -> tuple:
    view = window.view
    return (
        view.transform(),
        view.horizontalScrollBar().value(),
        view.verticalScrollBar().value(),
        view.viewport().size(),
        view.mapToScene(view.viewport().rect().center()),
    )


def test_leaving_presentation_restores_the_canvas_zoom_and_centre(qtbot, small_map):
    window = _window(qtbot, small_map)
    view = window.view
    view.resetTransform()
    view.scale(1.7, 1.7)
    view.centerOn(120.0, -40.0)
    before = _view_state(window)
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert view.zoom_level() != before[0].m11(), "presentation fits the map to the screen"
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert not window.workshop.presentation.active
    assert _view_state(window) == before
    # The same from a maximised window, left with Esc.
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    view.scale(0.8, 0.8)
    view.centerOn(-60.0, 30.0)
    before = (_view_state(window), window.geometry())
    qtbot.keyClick(view, Qt.Key.Key_F5)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert window.isMaximized() and not window.isFullScreen()
    assert (_view_state(window), window.geometry()) == before


def test_presentation_bar_hides_no_node_and_says_how_to_reveal_names(qtbot, small_map):
    imam = small_map.stakeholders["imam"]
    small_map.stakeholders["imam"] = replace(imam, sensitivity="confidential")
    small_map.positions.update(
        {"mayor": (0.0, -200.0), "imam": (0.0, 0.0), "youth": (-250.0, 150.0)}
    )
    small_map.positions["branch"] = (250.0, 150.0)
    window = _window(qtbot, small_map)
    tools, view = window.workshop, window.view
    presentation = tools.presentation
    qtbot.keyClick(view, Qt.Key.Key_F5)
    screen = window.screen().geometry()
    qtbot.waitUntil(lambda: window.geometry() == screen)
    assert presentation.hint == "Names and scores hidden — N shows names, S shows scores"
    assert presentation.bar.hint.toolTip() == (
        "Hidden because the map has confidential stakeholders"
    )
    assert presentation.bar.hint.font().pointSize() >= 18
    assert not NodeItem.show_labels
    # The bar runs along the top edge and the map is fitted below it.
    bar = presentation.bar.geometry()
    assert bar.top() == 0 and bar.width() == window.width()
    viewport = QRect(view.viewport().mapTo(window, QPoint(0, 0)), view.viewport().size())
    assert viewport.top() >= bar.bottom()
    for node in window.scene.nodes.values():
        shown = view.mapFromScene(node.scene_outline().boundingRect()).boundingRect()
        assert view.viewport().rect().contains(shown), node.sid
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert NodeItem.show_labels and presentation.style.show_names
    # Revealed names are fitted in too.
    for node in window.scene.nodes.values():
        if node.label_visible():
            label = node.label_rect(node.label_place).translated(node.pos())
            shown = view.mapFromScene(label).boundingRect()
            assert view.viewport().rect().contains(shown), node.sid
    assert presentation.hint == "Scores hidden — press S to show them"
    assert presentation.names_action.text() == "Hide names (N)"
    # Names typed into the quick-entry bar are text, not the reveal keys.
    tools.entry_action.trigger()
    qtbot.keyClicks(tools.present_entry.line, "Nadia S")
    assert tools.present_entry.line.text() == "Nadia S"
    assert presentation.style.show_names and not presentation.style.show_scores
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert presentation.style.show_scores and presentation.hint == ""
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not presentation.active and NodeItem.show_labels
    # Outside presentation mode N and S are no shortcuts.
    assert not presentation.names_action.isEnabled()
    assert not presentation.scores_action.isEnabled()


def test_quick_entry_in_the_window_adds_and_selects(qtbot, small_map):
    window = _window(qtbot, small_map)
    bar = window.workshop.quick_entry
    qtbot.keyClicks(bar.line, "Radio Delta; media")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    radio = window.document.smap.find_stakeholder("Radio Delta")
    assert radio is not None
    assert radio.id in window.scene.nodes
    assert window.document.selection.stakeholders == (radio.id,)
    window.actions_by_name["undo"].trigger()
    assert window.document.smap.find_stakeholder("Radio Delta") is None


def test_comparison_reaches_the_canvas_overlay(qtbot, small_map):
    window = _window(qtbot, small_map)
    tools = window.workshop
    tools.snapshots.take("Start")
    window.document.push(UpdateStakeholder(window.document.smap, "mayor", power=5))
    tools.snapshots.select("snap1")
    result = tools.snapshots.compare_selected()
    assert tools.overlay.comparison is result
    assert tools.changes_action.isEnabled()
    assert [d.sentence() for d in result.rows()] == ["Mayor: power unknown → 5"]
    # Compared with now, later edits show up after a short pause.
    window.document.push(UpdateStakeholder(window.document.smap, "imam", trust=2))
    qtbot.waitUntil(lambda: len(tools.overlay.comparison.rows()) == 2, timeout=BACKGROUND)
    assert tools.overlay.comparison.rows()[1].sentence() == (
        "Imam of the central mosque: trust unknown → 2"
    )
    tools.snapshots.clear_comparison()
    assert tools.overlay.comparison is None and not tools.changes_action.isEnabled()


def _badge_pixels(window: MainWindow) -> int:
    image = window.workshop.overlay.grab().toImage()
    badge = (0x33, 0x22, 0x88)
    return sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).getRgb()[:3] == badge
    )


def test_vote_badges_are_drawn_and_hidden_with_the_scores(qtbot, small_map):
    small_map.positions.update({"mayor": (0.0, 0.0), "imam": (300.0, 0.0)})
    window = _window(qtbot, small_map)
    assert _badge_pixels(window) == 0
    window.document.push(SetVotes(window.document.smap, "mayor", 7))
    assert _badge_pixels(window) > 20
    window.workshop.overlay.set_votes_visible(False)
    assert _badge_pixels(window) == 0


def test_presentation_keeps_removed_stakeholders_ghosts_in_view(qtbot, small_map):
    small_map.positions.update(
        {"mayor": (0.0, -200.0), "imam": (0.0, 0.0), "youth": (-250.0, 150.0)}
    )
    small_map.positions["branch"] = (900.0, 150.0)
    window = _window(qtbot, small_map)
    tools, view = window.workshop, window.view
    tools.snapshots.take("Start")
    window.document.push(RemoveStakeholders(window.document.smap, ["branch"]))
    qtbot.keyClick(view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.geometry() == window.screen().geometry())
    tools.snapshots.select("snap1")
    tools.snapshots.compare_selected()
    tools.changes_action.trigger()
    assert tools.present_changes.isVisible()
    ghost = view.mapFromScene(tools.overlay.ghost_rect()).boundingRect()
    assert view.viewport().rect().contains(ghost)
    # The changes panel covers no node: the map is fitted beside it.
    panel = tools.present_changes.geometry()
    for node in window.scene.nodes.values():
        shown = view.mapFromScene(node.sceneBoundingRect()).boundingRect()
        assert not shown.translated(view.viewport().pos()).intersects(panel), node.sid
    qtbot.waitUntil(lambda: not tools.snapshots.brokerage_pending, timeout=BACKGROUND)
    qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_presentation_quick_entry_grows_with_its_message_and_covers_no_node(qtbot, small_map):
    small_map.positions.update(
        {"mayor": (0.0, -200.0), "imam": (0.0, 0.0), "youth": (-250.0, 150.0)}
    )
    small_map.positions["branch"] = (250.0, 250.0)
    window = _window(qtbot, small_map)
    tools, view = window.workshop, window.view
    qtbot.keyClick(view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.geometry() == window.screen().geometry())
    tools.entry_action.trigger()
    entry = tools.present_entry
    assert entry.line.hasFocus() and entry.line.font().pointSize() >= 18
    qtbot.keyClicks(entry.line, "Mayr > Youth council")
    qtbot.keyClick(entry.line, Qt.Key.Key_Return)
    assert entry.message.isVisible() and entry.action.text() == "Use 'Mayor'"
    qtbot.waitUntil(lambda: entry.height() == entry.sizeHint().height())
    for node in window.scene.nodes.values():
        shown = view.mapFromScene(node.sceneBoundingRect()).boundingRect()
        assert not shown.translated(view.viewport().pos()).intersects(entry.geometry()), node.sid
    qtbot.mouseClick(entry.action, Qt.MouseButton.LeftButton)
    qtbot.keyClick(entry.line, Qt.Key.Key_Return)
    assert any(
        (r.source, r.target) == ("mayor", "youth")
        for r in window.document.smap.relationships.values()
    )
    qtbot.keyClick(view, Qt.Key.Key_Escape)


def test_esc_in_presentation_quick_entry_never_leaves_and_reveals_no_name(qtbot, small_map):
    imam = small_map.stakeholders["imam"]
    small_map.stakeholders["imam"] = replace(imam, sensitivity="confidential")
    window = _window(qtbot, small_map)
    tools, view = window.workshop, window.view
    presentation, entry = tools.presentation, tools.present_entry
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert presentation.active and not presentation.style.show_names
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert entry.isVisible() and entry.line.hasFocus()
    qtbot.keyClicks(entry.line, "Mayo")
    popup = entry.line.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    # One Esc at a time: the completions, then the text, then the bar.
    qtbot.keyClick(entry.line, Qt.Key.Key_Escape)
    assert not popup.isVisible() and entry.line.text() == "Mayo"
    assert presentation.active and not NodeItem.show_labels
    qtbot.keyClick(entry.line, Qt.Key.Key_Escape)
    assert entry.line.text() == "" and entry.isVisible() and presentation.active
    qtbot.keyClick(entry.line, Qt.Key.Key_Escape)
    assert not entry.isVisible() and not tools.entry_action.isChecked()
    assert view.hasFocus() and presentation.active and not NodeItem.show_labels
    # With names hidden, leaving (which shows them again) takes a second Esc.
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert presentation.active and not NodeItem.show_labels
    assert presentation.hint == "Names will show when you leave — press Esc again to leave"
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not presentation.active and NodeItem.show_labels


def test_f5_while_names_are_hidden_also_asks_before_leaving(qtbot, small_map):
    imam = small_map.stakeholders["imam"]
    small_map.stakeholders["imam"] = replace(imam, sensitivity="confidential")
    window = _window(qtbot, small_map)
    presentation, view = window.workshop.presentation, window.view
    qtbot.keyClick(view, Qt.Key.Key_F5)
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert presentation.active and presentation.toggle_action.isChecked()
    assert presentation.leave_pending
    # Revealing the names is a deliberate choice: then one key leaves.
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert not presentation.leave_pending and presentation.hint.startswith("Scores hidden")
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert not presentation.active and not presentation.toggle_action.isChecked()


def test_connecting_the_same_tie_twice_on_the_canvas_selects_it_instead(qtbot, small_map):
    window = _window(qtbot, small_map)
    smap, viewport = window.document.smap, window.view.viewport()
    count = len(smap.relationships)
    for _ in range(2):
        start, end = node_point(window, "mayor"), node_point(window, "youth")
        shift_drag(viewport, start, end)
    ties = [r for r in smap.relationships.values() if (r.source, r.target) == ("mayor", "youth")]
    assert len(ties) == 1 and len(smap.relationships) == count + 1
    assert window.document.selection.relationships == (ties[0].id,)
    assert window.statusBar().currentMessage() == (
        "The Influence tie from Mayor to Youth council already exists; it is selected."
    )
    assert window.document.undo_stack.count() == 1


def test_esc_in_the_presentation_towers_closes_them_and_stays_presenting(qtbot, small_map):
    window = _window(qtbot, small_map)
    tools, view = window.workshop, window.view
    qtbot.keyClick(view, Qt.Key.Key_F5)
    tools.towers_action.trigger()
    chart = tools.present_towers.chart
    assert chart.hasFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Escape)
    assert not tools.present_towers.isVisible() and not tools.towers_action.isChecked()
    assert tools.presentation.active and view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not tools.presentation.active


def test_esc_in_the_docked_quick_entry_clears_it_then_returns_to_the_canvas(qtbot, small_map):
    window = _window(qtbot, small_map)
    entry, view = window.workshop.quick_entry, window.view
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert entry.line.hasFocus()
    qtbot.keyClicks(entry.line, "Radio; nonsense")
    qtbot.keyClick(entry.line, Qt.Key.Key_Return)
    assert entry.message.isVisible()
    qtbot.keyClick(entry.line, Qt.Key.Key_Escape)
    assert entry.line.text() == "" and not entry.message.isVisible()
    qtbot.keyClick(entry.line, Qt.Key.Key_Escape)
    assert view.hasFocus() and window.document.undo_stack.count() == 0


def test_presentation_entry_is_wide_and_shows_its_whole_message(qtbot, small_map):
    window = _window(qtbot, small_map)
    tools = window.workshop
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    tools.entry_action.trigger()
    bar = tools.present_entry
    qtbot.keyClicks(bar.line, "Youth volunteers network > Municipal water and sanitation authority")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.message.isVisible())
    qtbot.wait(50)
    assert bar.line.width() >= window.view.width() // 2, "room for a long line"
    message = bar.message
    assert message.height() >= message.heightForWidth(message.width()), "no line cut off"
    bottom = message.mapTo(bar, message.rect().bottomLeft()).y()
    assert bottom <= bar.height(), "the message fits inside the bar"
    assert bar.action.isVisible()
    assert bar.action.mapTo(bar, bar.action.rect().bottomLeft()).y() <= bar.height()
    assert bar.geometry().bottom() <= window.view.height()


def test_ctrl_z_in_the_windows_quick_entry_undoes_one_edit_of_the_map(qtbot, small_map):
    window = _window(qtbot, small_map)
    bar = window.workshop.quick_entry
    qtbot.keyClicks(bar.line, "Radio Delta; media")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    qtbot.keyClicks(bar.line, "Radio Delta > Mayor")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    stack = window.document.undo_stack
    assert stack.count() == 2 and bar.line.text() == ""
    qtbot.keyClick(bar.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stack.index() == 1, "one step back: the tie, not the stakeholder too"
    radio = window.document.smap.find_stakeholder("Radio Delta")
    assert radio is not None
    assert not any(r.source == radio.id for r in window.document.smap.relationships.values())
    assert bar.line.text() == ""
