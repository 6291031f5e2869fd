"""Workshop widgets driven like a facilitator would, with the effect on the map checked."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QHelpEvent, QTextDocumentFragment
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QStatusBar,
    QToolBar,
    QToolTip,
)

from stakeholder_mapper.core.commands import UpdateRelationship, UpdateStakeholder
from stakeholder_mapper.core.model import Snapshot
from stakeholder_mapper.io.project import load_map, save_map, snapshot_content
from stakeholder_mapper.paths import SAMPLE_MAP
from stakeholder_mapper.ui.document import MapDocument
from stakeholder_mapper.ui.panels.engagement_log_editor import EngagementLogEditor
from stakeholder_mapper.ui.workshop.presentation import PresentationMode
from stakeholder_mapper.ui.workshop.quick_entry_bar import QuickEntryBar
from stakeholder_mapper.ui.workshop.snapshots_panel import SnapshotPanel
from stakeholder_mapper.ui.workshop.towers import LABEL_PT, InfluenceTowers

from ..waits import BACKGROUND


@pytest.fixture
def document(small_map, qtbot):
    small_map.positions.update({"mayor": (0.0, 0.0), "imam": (200.0, 0.0)})
    return MapDocument(small_map)


# -- quick entry ---------------------------------------------------------------------------
def test_quick_entry_adds_on_enter_and_undoes_in_one_step(document, qtbot):
    bar = QuickEntryBar(document)
    qtbot.addWidget(bar)
    qtbot.keyClicks(bar.line, "Fire brigade; emergency")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    fire = document.smap.find_stakeholder("Fire brigade")
    assert fire is not None and fire.category == "emergency"
    assert bar.line.text() == ""
    document.undo_stack.undo()
    assert document.smap.find_stakeholder("Fire brigade") is None


def test_quick_entry_typo_shows_a_message_and_a_fix(document, qtbot):
    bar = QuickEntryBar(document)
    qtbot.addWidget(bar)
    bar.show()
    qtbot.keyClicks(bar.line, "Mayr > Youth council")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    assert bar.message.text() == "No stakeholder called 'Mayr' — did you mean 'Mayor'?"
    assert document.undo_stack.count() == 0
    assert bar.action.isVisible() and bar.action.text() == "Use 'Mayor'"
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    assert bar.line.text() == "Mayor > Youth council"
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    (tie,) = [r for r in document.smap.relationships.values() if r.source == "mayor"]
    assert tie.target == "youth"


def test_quick_entry_kind_typo_keeps_kind_and_strength_and_adds_no_stakeholder(document, qtbot):
    bar = QuickEntryBar(document)
    qtbot.addWidget(bar)
    bar.show()
    people, ties = set(document.smap.stakeholders), set(document.smap.relationships)
    qtbot.keyClicks(bar.line, "Youth council > Mayor trst 4")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    assert bar.message.text() == "No relationship kind called 'trst' — did you mean 'trust'?"
    assert bar.action.isVisible() and bar.action.text() == "Use 'trust'"
    assert document.undo_stack.count() == 0
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    assert bar.line.text() == "Youth council > Mayor trust 4"
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    (new,) = set(document.smap.relationships) - ties
    tie = document.smap.relationships[new]
    assert (tie.source, tie.target, tie.kind, tie.strength) == ("youth", "mayor", "trust", 4)
    assert set(document.smap.stakeholders) == people
    assert document.undo_stack.count() == 1


def test_quick_entry_never_doubles_a_tie_and_a_strength_updates_it(document, qtbot):
    bar = QuickEntryBar(document)
    qtbot.addWidget(bar)
    bar.show()
    smap = document.smap
    count = len(smap.relationships)
    for _ in range(2):
        qtbot.keyClicks(bar.line, "Mayor > Youth council")
        qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    ties = [r for r in smap.relationships.values() if (r.source, r.target) == ("mayor", "youth")]
    assert len(ties) == 1 and len(smap.relationships) == count + 1
    assert bar.message.text() == (
        "The Influence tie from Mayor to Youth council already exists (strength 3); "
        "add a strength 1-5 at the end to change it."
    )
    assert document.undo_stack.count() == 1
    bar.line.clear()
    qtbot.keyClicks(bar.line, "Mayor > Youth council 5")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    assert smap.relationships[ties[0].id].strength == 5
    assert len(smap.relationships) == count + 1
    assert bar.message.isVisible() and bar.message.text() == (
        "Updated the Influence tie from Mayor to Youth council: strength 3 → 5."
    )
    document.undo_stack.undo()
    assert smap.relationships[ties[0].id].strength == 3


def test_quick_entry_unknown_name_is_added_when_the_offer_is_taken(document, qtbot):
    bar = QuickEntryBar(document)
    qtbot.addWidget(bar)
    bar.show()
    bar.category.setCurrentIndex(bar.category.findData("media"))
    qtbot.keyClicks(bar.line, "Radio Delta > Mayor")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    assert document.smap.find_stakeholder("Radio Delta") is None, "nothing half-added"
    assert bar.action.text() == "Add 'Radio Delta' as Media"
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    radio = document.smap.find_stakeholder("Radio Delta")
    assert radio is not None and radio.category == "media"
    assert any(r.source == radio.id for r in document.smap.relationships.values())
    assert document.undo_stack.count() == 1


def test_pasting_a_list_adds_everyone_as_one_undo_step(document, qtbot):
    bar = QuickEntryBar(document)
    qtbot.addWidget(bar)
    bar.line.setFocus()
    QGuiApplication.clipboard().setText("Radio; media\nTV; media\nRadio > Mayor\n")
    qtbot.keyClick(bar.line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert {"Radio", "TV"} <= {s.label for s in document.smap.stakeholders.values()}
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.smap.find_stakeholder("TV") is None


def test_pasting_a_spreadsheet_column_with_its_header_row(document, qtbot):
    bar = QuickEntryBar(document)
    qtbot.addWidget(bar)
    bar.show()
    QGuiApplication.clipboard().setText(
        "Name\tCategory\r\nPort workers union\tCivil society / NGO\r\nFishermen\tcommunity\r\n"
    )
    bar.line.setFocus()
    qtbot.keyClick(bar.line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    smap = document.smap
    assert smap.find_stakeholder("Port workers union").category == "ngo"
    assert smap.find_stakeholder("Fishermen").category == "community"
    assert smap.find_stakeholder("Name") is None
    assert document.undo_stack.count() == 1
    assert bar.message.isVisible() and bar.message.text() == (
        "Quick entry: add 2 stakeholders; skipped the header line 'Name | Category'."
    )


def test_a_wrong_line_in_a_pasted_list_adds_nothing_until_fixed(document, qtbot):
    bar = QuickEntryBar(document)
    qtbot.addWidget(bar)
    bar.show()
    bar.line.setFocus()
    QGuiApplication.clipboard().setText("Radio; media\nTV; media\nRadio > Mayr\n")
    qtbot.keyClick(bar.line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert bar.message.text() == "No stakeholder called 'Mayr' — did you mean 'Mayor'?"
    assert document.smap.find_stakeholder("Radio") is None, "nothing half-added"
    assert document.undo_stack.count() == 0
    qtbot.mouseClick(bar.action, Qt.MouseButton.LeftButton)
    radio = document.smap.find_stakeholder("Radio")
    assert radio is not None and document.smap.find_stakeholder("TV") is not None
    assert any(
        (r.source, r.target) == (radio.id, "mayor") for r in document.smap.relationships.values()
    )
    assert document.undo_stack.count() == 1 and not bar.message.isVisible()


def test_a_bad_strength_is_a_message_and_changes_nothing(document, qtbot):
    bar = QuickEntryBar(document)
    qtbot.addWidget(bar)
    bar.show()
    before = dict(document.smap.relationships)
    qtbot.keyClicks(bar.line, "Mayor -> Imam of the central mosque trust 9")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    assert bar.message.isVisible() and "9" in bar.message.text()
    assert not bar.action.isVisible()
    assert bar.line.text() == "Mayor -> Imam of the central mosque trust 9", "kept to fix"
    assert document.smap.relationships == before and document.undo_stack.count() == 0


def test_completer_offers_whole_lines(document, qtbot):
    bar = QuickEntryBar(document)
    qtbot.addWidget(bar)
    qtbot.keyClicks(bar.line, "Mayor > you")
    assert bar._choices.stringList() == ["Mayor > Youth council"]


# -- influence towers ----------------------------------------------------------------------
def test_tower_height_keys_are_undoable_one_press_at_a_time(document, qtbot):
    towers = InfluenceTowers(document)
    qtbot.addWidget(towers)
    towers.resize(1000, 600)
    chart = towers.chart
    chart.select("mayor")
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_Right, Qt.Key.Key_Minus):
        qtbot.keyClick(chart, key)
    assert document.smap.stakeholders["mayor"].influence == 2
    assert document.undo_stack.count() == 4
    document.undo_stack.undo()
    assert document.smap.stakeholders["mayor"].influence == 3
    document.undo_stack.redo()
    assert document.smap.stakeholders["mayor"].influence == 2
    qtbot.keyClick(chart, Qt.Key.Key_Down)
    assert chart.current != "mayor"
    assert document.selection.stakeholders == (chart.current,)


def _bar_point(chart, sid: str, value: float) -> QPoint:
    """Where the end of a tower of ``value`` blocks lies in ``sid``'s row."""
    grid = chart.grid()
    cell = grid.cell(chart.order.index(sid))
    left, right = grid.bar_span(cell)
    return QPoint(
        round(left + (right - left) * value / chart._scale_top()), round(cell.center().y())
    )


def test_dragging_a_tower_sets_its_height_in_one_step(document, qtbot):
    towers = InfluenceTowers(document)
    qtbot.addWidget(towers)
    towers.resize(1000, 700)
    towers.show()
    chart = towers.chart
    qtbot.mousePress(chart, Qt.MouseButton.LeftButton, pos=_bar_point(chart, "imam", 0.2))
    qtbot.mouseMove(chart, _bar_point(chart, "imam", 3))
    qtbot.mouseMove(chart, _bar_point(chart, "imam", 6))
    qtbot.mouseRelease(chart, Qt.MouseButton.LeftButton, pos=_bar_point(chart, "imam", 6))
    assert document.smap.stakeholders["imam"].influence == 6
    assert document.undo_stack.count() == 1
    # A click without a drag selects the row and leaves the height alone.
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=_bar_point(chart, "mayor", 4))
    assert chart.current == "mayor" and document.smap.stakeholders["mayor"].influence is None
    document.undo_stack.undo()
    assert document.smap.stakeholders["imam"].influence is None


def test_every_name_gets_its_own_horizontal_row(qtbot):
    """55 long names on a projector: rows flow into columns, none overlaps, each is readable."""
    document = MapDocument(load_map(SAMPLE_MAP))
    towers = InfluenceTowers(document, label_pt=LABEL_PT)
    qtbot.addWidget(towers)
    towers.resize(1900, 1000)
    towers.show()
    chart = towers.chart
    grid = chart.grid()
    assert grid.columns * grid.rows >= len(document.smap.stakeholders) == 55
    assert grid.columns > 1
    rows = [chart.row_rect(sid) for sid in chart.order]
    assert all(a.intersected(b).isEmpty() for i, a in enumerate(rows) for b in rows[i + 1 :])
    assert all(QRectF(chart.rect()).contains(r) for r in rows), "all fit without scrolling"
    metrics = QFontMetricsF(chart.label_font())
    assert metrics.height() >= 18 * chart.logicalDpiY() / 72
    # Room for at least 20 characters of a name; a longer one ends in "…" and the
    # tooltip gives it whole.
    assert grid.name_width >= 20 * metrics.averageCharWidth()
    sid = max(chart.order, key=lambda s: len(document.smap.stakeholders[s].label))
    label = document.smap.stakeholders[sid].label
    with qtbot.waitSignal(chart.current_changed):
        qtbot.mouseClick(
            chart, Qt.MouseButton.LeftButton, pos=chart.row_rect(sid).center().toPoint()
        )
    assert towers.detail.text().endswith(f"Selected: {label} (not rated yet).")
    QToolTip.hideText()
    QApplication.sendEvent(
        chart,
        QHelpEvent(
            QEvent.Type.ToolTip,
            chart.row_rect(sid).center().toPoint(),
            chart.mapToGlobal(chart.row_rect(sid).center().toPoint()),
        ),
    )
    assert QToolTip.text() == f"{label}: not rated yet"


def test_totals_follow_positions_and_towers(document, qtbot):
    towers = InfluenceTowers(document)
    qtbot.addWidget(towers)
    for sid, position, height in (("mayor", 2, 5), ("imam", -1, 3), ("youth", 1, None)):
        document.push(UpdateStakeholder(document.smap, sid, position=position, influence=height))
    plain = QTextDocumentFragment.fromHtml(towers.totals.text()).toPlainText()
    assert plain == "Supporters' towers 5 · Opponents' towers 3 · Not yet rated 2"
    assert towers.detail.text().startswith(
        "Towers of 2 supporters (position above 0) and 1 opponent (below 0) added up;"
        " 1 of them not rated yet and not counted; 1 without a position count on neither side."
    )
    qtbot.mouseClick(towers.to_power, Qt.MouseButton.LeftButton)
    assert document.smap.stakeholders["mayor"].power == 5
    assert document.smap.stakeholders["imam"].power == 3
    towers.set_shown(names=True, scores=False)
    assert towers.totals.text() == "Totals are hidden with the scores"


def test_dot_votes_count_against_the_room_budget(document, qtbot):
    votes = InfluenceTowers(document, "votes")
    qtbot.addWidget(votes)
    votes.participants.setValue(5)
    votes.dots_each.setValue(3)
    votes.chart.select("youth")
    for _ in range(4):
        qtbot.keyClick(votes.chart, Qt.Key.Key_Plus)
    assert document.smap.stakeholders["youth"].votes == 4
    assert document.smap.stakeholders["youth"].influence is None
    assert votes.totals.text() == "Dot votes cast: 4 of 15 (11 left)"
    document.undo_stack.undo()
    assert votes.totals.text() == "Dot votes cast: 3 of 15 (12 left)"


# -- snapshots ------------------------------------------------------------------------------
def test_snapshot_panel_take_compare_restore_through_the_file(document, qtbot, tmp_path):
    panel = SnapshotPanel(document)
    qtbot.addWidget(panel)
    assert panel.take("Workshop 1")
    document.push(UpdateStakeholder(document.smap, "mayor", power=5, interest=5))
    bar = QuickEntryBar(document)
    qtbot.addWidget(bar)
    assert bar.submit("Radio; media")

    path = tmp_path / "w.smap"
    save_map(document.smap, path)
    reopened = MapDocument(load_map(path))
    panel = SnapshotPanel(reopened)
    qtbot.addWidget(panel)
    assert panel.list.count() == 1 and panel.list.item(0).text().startswith("Workshop 1")
    panel.select("snap1")
    with qtbot.waitSignal(panel.comparison_changed, timeout=BACKGROUND) as signal:
        result = panel.compare_selected()
    assert signal.args[0] is result
    # The brokerage movers follow from a background job. The imam still lies on 2 routes,
    # but with Radio there are 4 x 3 ordered pairs of others instead of 3 x 2: 2/6 -> 2/12.
    qtbot.waitUntil(lambda: not panel.brokerage_pending, timeout=BACKGROUND)
    result = panel.comparison.comparison
    assert [(d.id, d.before, d.after) for d in result.brokerage_moves] == [("imam", 0.333, 0.167)]
    assert [(d.change, d.name) for d in result.added_stakeholders] == [("added", "Radio")]
    assert {(d.field, d.before, d.after) for d in result.changed_stakeholders} == {
        ("power", None, 5),
        ("interest", None, 5),
    }
    assert panel.comparison.model.rowCount() == 5  # added, two changes, quadrant, brokerage
    assert panel.restore_selected()
    assert reopened.smap.find_stakeholder("Radio") is None
    assert reopened.smap.stakeholders["mayor"].power is None
    assert [s.name for s in reopened.smap.snapshots] == ["Workshop 1"]
    # Compared with now, the restored map equals the snapshot.
    assert not panel.comparison.comparison
    reopened.undo_stack.undo()
    assert reopened.smap.find_stakeholder("Radio") is not None


def test_restored_snapshot_survives_saving_and_reopening(document, qtbot, tmp_path):
    panel = SnapshotPanel(document)
    qtbot.addWidget(panel)
    document.push(UpdateStakeholder(document.smap, "mayor", power=2, influence=4))
    assert panel.take("Baseline")
    document.push(UpdateStakeholder(document.smap, "mayor", power=5, influence=9))
    assert QuickEntryBar(document).submit("Radio; media")
    path = tmp_path / "workshop.smap"
    save_map(document.smap, path)

    reopened = MapDocument(load_map(path))
    panel = SnapshotPanel(reopened)
    qtbot.addWidget(panel)
    panel.select("snap1")
    assert panel.restore_selected()
    save_map(reopened.smap, path)
    again = load_map(path)
    (baseline,) = again.snapshots
    assert snapshot_content(again) == baseline.content
    mayor = again.stakeholders["mayor"]
    assert (mayor.power, mayor.influence) == (2, 4)
    assert again.find_stakeholder("Radio") is None


def test_comparing_two_snapshots_lists_exactly_the_edits_between_them(document, qtbot, tmp_path):
    smap = document.smap
    document.push(UpdateStakeholder(smap, "mayor", power=2, interest=4, position=-1, influence=6))
    panel = SnapshotPanel(document)
    qtbot.addWidget(panel)
    assert panel.take("Workshop 1")
    bar = QuickEntryBar(document)
    qtbot.addWidget(bar)
    assert bar.submit("Radio Marenza; media")
    assert bar.submit("Radio Marenza -> Mayor information 4")
    document.push(UpdateStakeholder(smap, "mayor", power=4, position=1))
    document.push(UpdateRelationship(smap, "r2", strength=2))
    assert panel.take("Workshop 2")
    document.push(UpdateStakeholder(smap, "imam", trust=1))  # after both: not listed
    path = tmp_path / "two.smap"
    save_map(smap, path)

    reopened = MapDocument(load_map(path))
    panel = SnapshotPanel(reopened)
    qtbot.addWidget(panel)
    panel.show()
    first, second = (panel.list.visualItemRect(panel.list.item(i)).center() for i in (0, 1))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(
        panel.list.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        pos=second,
    )
    assert panel.compare_button.text() == "Compare the two"
    with qtbot.waitSignal(panel.comparison_changed, timeout=BACKGROUND):
        qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.brokerage_pending, timeout=BACKGROUND)
    result = panel.comparison.comparison
    # The imam brokered branch → mayor and youth → mayor: 2 of the 3 x 2 ordered pairs of
    # others (2/6); Radio Marenza makes it 4 x 3 pairs, the same 2 routes (2/12).
    assert [d.sentence() for d in result.rows()] == [
        "+ Radio Marenza joined the map",
        "Mayor: power 2 → 4",
        "Mayor: position -1 → 1",
        "Mayor moved from “keep informed” to “manage closely”",
        "Imam of the central mosque brokers less (betweenness 0.33 → 0.17)",
        "+ new tie: Radio Marenza → Mayor (Information flow)",
        "Imam of the central mosque → Mayor (Influence): strength 5 → 2",
    ]
    assert panel.comparison.model.rowCount() == 7
    assert panel.title == "Workshop 1 → Workshop 2"
    assert (result.support_before.opponents, result.support_after.supporters) == (6, 6)


def test_snapshot_rename_and_delete_are_undoable(document, qtbot):
    panel = SnapshotPanel(document)
    qtbot.addWidget(panel)
    panel.take("Before")
    panel.select("snap1")
    assert panel.rename_selected("Baseline")
    assert panel.list.item(0).text().startswith("Baseline")
    panel.select("snap1")
    assert panel.delete_selected()
    assert panel.list.count() == 0
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert [s.name for s in document.smap.snapshots] == ["Before"]


def test_snapshots_are_listed_on_the_local_clock_in_english(document, qtbot, time_zone):
    """A snapshot another branch took at 19:30 UTC reads as 09:30 the next day in Kiribati."""
    time_zone("<+14>-14")  # Kiritimati, UTC+14
    when = dt.datetime(2026, 11, 5, 19, 30, tzinfo=dt.UTC)
    document.smap.snapshots.append(
        Snapshot("snap1", "Workshop 1", when, snapshot_content(document.smap))
    )
    panel = SnapshotPanel(document)
    qtbot.addWidget(panel)
    assert panel.list.item(0).text() == "Workshop 1  —  6 Nov 2026 09:30"


# -- engagement log -------------------------------------------------------------------------
def test_log_editor_adds_edits_and_deletes_for_the_selected_stakeholder(document, qtbot):
    editor = EngagementLogEditor(document)
    qtbot.addWidget(editor)
    assert not editor.add_button.isEnabled()
    document.selection.set(["mayor"])
    editor.date.setDate(dt.date(2026, 3, 2))
    editor.kind.setCurrentText("call")
    editor.summary.setText("Asked for a meeting on the flood plan")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    (entry,) = document.smap.stakeholders["mayor"].log
    assert (entry.date, entry.kind, entry.summary) == (
        dt.date(2026, 3, 2),
        "call",
        "Asked for a meeting on the flood plan",
    )
    editor.table.selectRow(0)
    editor.outcome.setText("Meeting set for April")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert document.smap.stakeholders["mayor"].log[0].outcome == "Meeting set for April"
    editor.table.selectRow(0)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert document.smap.stakeholders["mayor"].log == ()
    assert document.undo_stack.count() == 3


# -- presentation mode ----------------------------------------------------------------------
def _window(qtbot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("canvas"))
    window.menuBar().addMenu("File")
    window.setStatusBar(QStatusBar(window))
    for name, area in (
        ("inspector", Qt.DockWidgetArea.RightDockWidgetArea),
        ("metrics", Qt.DockWidgetArea.BottomDockWidgetArea),
        ("hidden", Qt.DockWidgetArea.LeftDockWidgetArea),
    ):
        dock = QDockWidget(name, window)
        dock.setObjectName(name)
        dock.setWidget(QLabel(name))
        window.addDockWidget(area, dock)
    window.findChild(QDockWidget, "hidden").hide()
    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("main_toolbar")
    window.addToolBar(toolbar)
    # Within the offscreen screen (800 x 600): restoring never has to clamp.
    window.resize(720, 500)
    window.move(40, 30)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_presentation_enter_and_leave_restores_the_layout(qtbot, small_map):
    window = _window(qtbot)
    mode = PresentationMode(window, small_map)
    before = (
        bytes(window.saveState()),
        window.geometry(),
        {d.objectName(): d.isVisible() for d in window.findChildren(QDockWidget)},
        window.menuBar().isVisible(),
        window.statusBar().isVisible(),
    )
    styles = []
    mode.style_changed.connect(styles.append)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert mode.active and window.isFullScreen()
    assert not any(d.isVisible() for d in window.findChildren(QDockWidget))
    assert not window.findChild(QToolBar, "main_toolbar").isVisible()
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert mode.bar.isVisible()
    assert styles[-1].active and styles[-1].show_names and styles[-1].label_pt >= 18
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not mode.active and not window.isFullScreen()
    after = (
        bytes(window.saveState()),
        window.geometry(),
        {d.objectName(): d.isVisible() for d in window.findChildren(QDockWidget)},
        window.menuBar().isVisible(),
        window.statusBar().isVisible(),
    )
    assert after == before
    assert not styles[-1].active


def test_presentation_hides_names_of_sensitive_maps_until_revealed(qtbot, small_map):
    small_map.stakeholders["imam"] = small_map.stakeholders["imam"].__class__(
        "imam", "Imam of the central mosque", "faith", sensitivity="confidential"
    )
    window = _window(qtbot)
    mode = PresentationMode(window, small_map)
    styles = []
    mode.style_changed.connect(styles.append)
    mode.enter()
    assert (styles[-1].show_names, styles[-1].show_scores) == (False, False)
    mode.names_action.trigger()
    assert (styles[-1].show_names, styles[-1].show_scores) == (True, False)
    mode.leave()
