"""Layout, focus, filters, search, tooltips, drops and the help dialogs of the main window."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from stakeholder_mapper.core.commands import AddCategory
from stakeholder_mapper.core.model import Category, StakeholderMap
from stakeholder_mapper.core.placement import drawn_positions
from stakeholder_mapper.io.project import save_map
from stakeholder_mapper.ui.canvas import CanvasFilter
from stakeholder_mapper.ui.dialogs.help import about_text, show_shortcuts
from stakeholder_mapper.ui.window.main_window import MainWindow

from ..conftest import drop_file
from ..waits import BACKGROUND


def test_layout_runs_in_background_keeps_pins_and_is_one_undo_step(qtbot, window) -> None:
    smap = window.document.smap
    window.document.selection.set(["mayor"])
    window.actions_by_name["pin"].trigger()
    assert "mayor" in smap.pinned
    before = dict(smap.positions)
    stack = window.document.undo_stack
    count = stack.count()
    window.actions_by_name["layout"].trigger()
    qtbot.waitUntil(lambda: stack.count() == count + 1, timeout=BACKGROUND)
    assert stack.undoText() == "Lay out the map"
    assert smap.positions["mayor"] == before["mayor"]
    assert any(smap.positions[i] != before[i] for i in ("imam", "youth", "branch"))
    window.actions_by_name["undo"].trigger()
    assert smap.positions == before


def _copy(smap: StakeholderMap) -> StakeholderMap:
    other = StakeholderMap()
    other.replace_content(smap)
    return other


def test_a_layout_running_when_another_map_opens_leaves_that_map_alone(qtbot, window) -> None:
    smap = window.document.smap
    reopened = _copy(smap)
    before = dict(reopened.positions)
    window.actions_by_name["layout"].trigger()
    window.document.replace(reopened, None)
    qtbot.waitUntil(lambda: window.actions_by_name["layout"].isEnabled(), timeout=BACKGROUND)
    assert window.document.smap.positions == before
    assert window.document.undo_stack.count() == 0


def test_a_stakeholder_pinned_while_the_layout_runs_stays_put(qtbot, window) -> None:
    smap = window.document.smap
    before = dict(smap.positions)
    window.actions_by_name["layout"].trigger()
    window.document.selection.set(["imam"])
    window.actions_by_name["pin"].trigger()
    qtbot.waitUntil(lambda: window.actions_by_name["layout"].isEnabled(), timeout=BACKGROUND)
    assert window.document.undo_stack.undoText() == "Lay out the map"
    assert smap.positions["imam"] == before["imam"]


def test_canvas_draws_unplaced_stakeholders_where_every_view_does(qtbot, window) -> None:
    smap = window.document.smap
    del smap.positions["youth"]
    window.document.replace(_copy(smap), None)
    drawn = drawn_positions(smap.stakeholders, smap.positions)
    assert window.scene.nodes["youth"].pos().toTuple() == drawn["youth"]


def test_focus_shows_the_ego_network_and_escape_shows_all(qtbot, window) -> None:
    window.document.selection.set(["youth"])
    window.actions_by_name["focus1"].trigger()
    assert window.scene.visible_stakeholders() == {"youth", "imam", "branch"}
    assert "Focus: Youth council" in window.focus_label.text()
    window.actions_by_name["focus2"].trigger()
    assert window.scene.visible_stakeholders() == {"youth", "imam", "branch", "mayor"}
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert len(window.scene.visible_stakeholders()) == 4 and window.focus_label.text() == ""


def test_filters_hide_categories_and_weak_ties(qtbot, window) -> None:
    faith = next(a for a in window.category_filter_menu.actions() if a.data() == "faith")
    faith.setChecked(False)
    assert "imam" not in window.scene.visible_stakeholders()
    assert not window.scene.edges["r1"].isVisible()
    faith.setChecked(True)
    window.strength_group.actions()[3].trigger()  # 4 or more
    assert {r for r, e in window.scene.edges.items() if e.isVisible()} == {"r1", "r2"}
    assert window.filter_label.text() == "Filtered: strength ≥ 4"
    window.scene.set_filter(CanvasFilter(tag="none"))
    assert window.scene.visible_stakeholders() == set()


def test_a_new_category_keeps_the_active_filter(qtbot, window) -> None:
    faith = next(a for a in window.category_filter_menu.actions() if a.data() == "faith")
    faith.setChecked(False)
    smap = window.document.smap
    window.document.push(AddCategory(smap, Category("port", "Port", "#336699")))
    ticks = {a.data(): a.isChecked() for a in window.category_filter_menu.actions()}
    assert ticks["faith"] is False and ticks["port"] is True
    assert "imam" not in window.scene.visible_stakeholders()
    assert window.filter_label.text().startswith("Filtered")


def test_search_selects_and_centres(qtbot, window) -> None:
    window.actions_by_name["find"].trigger()
    QTest.keyClicks(window.search_box, "youth")
    QTest.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.document.selection.stakeholders == ("youth",)
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert (centre - QPointF(-250, 150)).manhattanLength() < 20, "the node is in the middle"


def test_tooltip_lists_attributes_and_the_reading(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.metrics.stale, timeout=BACKGROUND)
    text = window.view.tooltip_for(window.scene.nodes["imam"])
    assert "<b>Imam of the central mosque</b>" in text and "power unknown" in text
    assert window.metrics.result.readings["imam"].sentence in text.replace("&amp;", "&")
    edge = window.view.tooltip_for(window.scene.edges["r2"])
    assert "Imam of the central mosque → Mayor" in edge and "strength 5" in edge


def test_context_menu_offers_node_actions(qtbot, window) -> None:
    menu = window.view.context_menu(window.scene.nodes["imam"], QPointF())
    names = [a.text() for a in menu.actions() if a.text()]
    assert names[:2] == ["Rename", "Pin position"]
    assert "Focus on ego network (2 steps)" in names and "&Delete" in names
    pin = next(a for a in menu.actions() if a.text() == "Pin position")
    pin.trigger()
    assert "imam" in window.document.smap.pinned


def test_dropping_a_map_file_opens_it(qtbot, window, small_map, tmp_path) -> None:
    path = tmp_path / "dropped.smap"
    small_map.stakeholders.pop("youth")
    small_map.relationships.pop("r3")
    small_map.relationships.pop("r4")
    small_map.positions.pop("youth")
    save_map(small_map, path)
    drop_file(window, path)
    assert set(window.scene.nodes) == {"mayor", "imam", "branch"}
    assert window.document.path == path


def test_about_names_versions_and_shortcuts_list_the_actions(qtbot, window: MainWindow) -> None:
    text = about_text()
    assert "Stakeholder Mapper 0.1.0" in text and "PySide6" in text and "networkx" in text
    dialog = show_shortcuts(window, window.actions_by_name.values())
    qtbot.addWidget(dialog)
    table = dialog.layout().itemAt(0).widget()
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Undo"] == "Ctrl+Z" and rows["Redo"] == "Ctrl+Shift+Z, Ctrl+Y"
    assert rows["Rename"] == "F2" and rows["Find stakeholder"] == "Ctrl+F"
    assert rows["Connect two stakeholders"] == "Shift + drag from one to the other"
