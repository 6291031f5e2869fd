"""Engagement log edits keep the log in date order and undo exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from stakeholder_mapper.core.engagement_log import AddLogEntry, RemoveLogEntry, UpdateLogEntry
from stakeholder_mapper.core.model import LogEntry
from stakeholder_mapper.core.validation import ValidationError

MARCH = LogEntry(dt.date(2026, 3, 2), "meeting", "Met the mayor's chief of staff", "Warm")
JANUARY = LogEntry(dt.date(2026, 1, 20), "letter", "Sent the MoU draft")


def test_entries_are_kept_in_date_order_and_undo_restores(small_map):
    AddLogEntry(small_map, "mayor", MARCH).redo()
    command = AddLogEntry(small_map, "mayor", JANUARY)
    assert command.text == "Log letter with Mayor"
    command.redo()
    assert small_map.stakeholders["mayor"].log == (JANUARY, MARCH)
    command.undo()
    assert small_map.stakeholders["mayor"].log == (MARCH,)


def test_edit_moves_an_entry_when_its_date_changes(small_map):
    for entry in (JANUARY, MARCH):
        AddLogEntry(small_map, "mayor", entry).redo()
    command = UpdateLogEntry(small_map, "mayor", 0, date=dt.date(2026, 4, 1), outcome="Signed")
    command.redo()
    log = small_map.stakeholders["mayor"].log
    assert [e.date for e in log] == [dt.date(2026, 3, 2), dt.date(2026, 4, 1)]
    assert log[1].outcome == "Signed"
    command.undo()
    assert small_map.stakeholders["mayor"].log == (JANUARY, MARCH)


def test_remove_and_bad_edits(small_map):
    AddLogEntry(small_map, "mayor", MARCH).redo()
    remove = RemoveLogEntry(small_map, "mayor", 0)
    remove.redo()
    assert small_map.stakeholders["mayor"].log == ()
    remove.undo()
    assert small_map.stakeholders["mayor"].log == (MARCH,)
    with pytest.raises(ValidationError, match="no log entry number 3"):
        RemoveLogEntry(small_map, "mayor", 2)
    with pytest.raises(ValidationError, match="kind"):
        UpdateLogEntry(small_map, "mayor", 0, kind="telepathy")
    with pytest.raises(ValidationError, match="Unknown log entry field 'mood'"):
        UpdateLogEntry(small_map, "mayor", 0, mood="good")
