"""The quick-entry bar's keys as a fast typist uses them: Enter, fast lines, Ctrl+Z."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from stakeholder_mapper.ui.document import MapDocument
from stakeholder_mapper.ui.workshop.quick_entry_bar import QuickEntryBar


@pytest.fixture
def bar(small_map, qtbot) -> QuickEntryBar:
    widget = QuickEntryBar(MapDocument(small_map))
    qtbot.addWidget(widget)
    widget.resize(700, 80)
    widget.show()
    qtbot.waitExposed(widget)
    widget.line.setFocus()
    return widget


def _ties(bar: QuickEntryBar) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in bar.document.smap.relationships.values()}


def test_enter_while_a_suggestion_shows_adds_the_suggestion(bar, qtbot):
    qtbot.keyClicks(bar.line, "Mayor > Youth c")
    popup = bar.line.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert popup.currentIndex().data() == "Mayor > Youth council"
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert ("mayor", "youth") in _ties(bar)
    assert not bar.message.isVisible(), "no 'No stakeholder called' message"
    assert bar.line.text() == "", "the suggestion is not put back after the line was added"
    assert not popup.isVisible()


def test_fast_typing_never_glues_two_lines(bar, qtbot):
    for line in ("Mayor > Youth council", "Water utility; private", "Water utility > Mayor"):
        qtbot.keyClicks(bar.line, line, delay=0)
        qtbot.keyClick(bar.line.completer().popup(), Qt.Key.Key_Return)
        assert bar.line.text() == "", f"{line!r} left text behind"
    water = bar.document.smap.find_stakeholder("Water utility")
    assert water is not None and water.category == "private"
    assert {("mayor", "youth"), (water.id, "mayor")} <= _ties(bar)
    assert not any(
        "Youth council" in s.label and s.id != "youth"
        for s in bar.document.smap.stakeholders.values()
    )


def test_ctrl_z_in_the_bar_undoes_the_tie_just_added(bar, qtbot):
    qtbot.keyClicks(bar.line, "Mayor > Youth council")
    qtbot.keyClick(bar.line, Qt.Key.Key_Return)
    assert ("mayor", "youth") in _ties(bar)
    qtbot.keyClick(bar.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ("mayor", "youth") not in _ties(bar), "the map's undo, not the text's"
    assert bar.line.text() == "", "the typed line does not come back"
    qtbot.keyClick(
        bar.line,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert ("mayor", "youth") in _ties(bar), "Ctrl+Shift+Z redoes it"
