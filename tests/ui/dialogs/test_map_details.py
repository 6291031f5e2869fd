"""The Map details dialog: our branch, map details and the plan's own sections, undoable."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QTableWidgetItem

from stakeholder_mapper.core.model import CalendarEvent, Indicator, Risk
from stakeholder_mapper.ui.dialogs.map_details import NO_BRANCH, MapDetailsDialog
from stakeholder_mapper.ui.document import MapDocument


def _dialog(qtbot, smap) -> tuple[MapDocument, MapDetailsDialog]:
    document = MapDocument(smap)
    dialog = MapDetailsDialog(document)
    qtbot.addWidget(dialog)
    return document, dialog


def test_branch_is_picked_from_the_stakeholders_and_undone_in_one_step(qtbot, small_map):
    document, dialog = _dialog(qtbot, small_map)
    assert dialog.branch.currentText() == NO_BRANCH
    labels = [dialog.branch.itemText(i) for i in range(dialog.branch.count())]
    assert labels[1:] == sorted(s.label for s in small_map.stakeholders.values())
    dialog.branch.setCurrentIndex(dialog.branch.findData("branch"))
    dialog.texts["city"].setText("Marenza")
    dialog.texts["problem"].setPlainText("Floods reach the settlements every spring.")
    dialog.classification.setCurrentIndex(dialog.classification.findData("confidential"))
    dialog.accept()
    info = small_map.info
    assert (info.branch, info.city, info.classification) == ("branch", "Marenza", "confidential")
    assert info.problem == "Floods reach the settlements every spring."
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Edit map details"
    document.undo_stack.undo()
    assert (small_map.info.branch, small_map.info.city, small_map.info.problem) == ("", "", "")


def test_an_old_branch_name_shows_as_its_stakeholder(qtbot, small_map):
    small_map.info = small_map.info.__class__(branch="Red Crescent city branch")
    _, dialog = _dialog(qtbot, small_map)
    assert dialog.branch.currentData() == "branch"


def test_risks_calendar_indicators_and_document_control_are_saved(qtbot, small_map):
    document, dialog = _dialog(qtbot, small_map)
    dialog.risks.add_row({})
    dialog.risks.table.item(0, 0).setText("Council sees us as taking sides")
    box = dialog.risks.table.cellWidget(0, 1)
    assert isinstance(box, QComboBox)
    box.setCurrentText("high")
    dialog.risks.table.item(0, 4).setText("Branch director")
    dialog.risks.add_row({})  # left blank: dropped
    dialog.calendar.add_row({"date": dt.date(2027, 3, 15), "what": "Budget vote"})
    dialog.indicators.add_row({})
    for column, text in enumerate(("Warning reaches households", "40 %", "80 %", "2027-12-31")):
        dialog.indicators.table.setItem(0, column, QTableWidgetItem(text))
    dialog.texts["version"].setText("0.3")
    dialog.distribution.setPlainText("Branch board\n\nSecretary general\n")
    dialog.accept()
    info = small_map.info
    assert info.risks == (
        Risk("Council sees us as taking sides", "high", None, "", "Branch director"),
    )
    assert info.calendar == (CalendarEvent(dt.date(2027, 3, 15), "Budget vote"),)
    assert info.indicators == (
        Indicator("Warning reaches households", "40 %", "80 %", dt.date(2027, 12, 31)),
    )
    assert (info.version, info.distribution) == ("0.3", ("Branch board", "Secretary general"))
    assert document.undo_stack.count() == 1


def test_a_bad_date_is_named_and_nothing_typed_is_lost(qtbot, small_map):
    document, dialog = _dialog(qtbot, small_map)
    dialog.calendar.add_row({"date": None, "what": "Election"})
    dialog.calendar.table.item(0, 0).setText("next spring")
    dialog.texts["title"].setText("Flood MoU")
    dialog.accept()
    assert dialog.problem.isVisibleTo(dialog)
    assert "Calendar, row 1" in dialog.problem.text()
    assert document.undo_stack.count() == 0
    assert small_map.info.title == "Untitled map"
    assert dialog.texts["title"].text() == "Flood MoU"
    assert dialog.calendar.cell(0, 1) == "Election"


def test_the_menu_entry_opens_the_dialog(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(MapDetailsDialog, "exec", lambda self: opened.append(self) or 0)
    action = window.actions_by_name["map_details"]
    assert action.shortcut().toString() == "Ctrl+Shift+D"
    action.trigger()
    assert len(opened) == 1 and opened[0].document is window.document
