"""Workshop tools inside the main window: F5 and Esc, quick entry, comparison on the canvas."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from stakeholder_mapper.core.commands import UpdateStakeholder
from stakeholder_mapper.core.scores import SetVotes
from stakeholder_mapper.ui.canvas.items import LABEL_FONT_PX, NodeItem
from stakeholder_mapper.ui.main_window import MainWindow


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
    # Labels of 20 pt on screen whatever the zoom, always drawn.
    zoom = window.view.zoom_level()
    assert NodeItem.label_px * zoom >= 18 * window.view.logicalDpiY() / 72
    assert NodeItem.label_min_lod == 0.0
    tools.towers_action.trigger()
    assert tools.present_towers.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not tools.presentation.active
    assert not tools.present_towers.isVisible()
    assert NodeItem.label_px == LABEL_FONT_PX and NodeItem.show_labels
    after = (bytes(window.saveState()), window.geometry(), tools.snapshots_dock.isVisible())
    assert after == before


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
    qtbot.waitUntil(lambda: len(tools.overlay.comparison.rows()) == 2)
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
