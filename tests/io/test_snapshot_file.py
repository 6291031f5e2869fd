"""Snapshots, tower heights, votes and the log survive saving and reopening the file."""

from __future__ import annotations

import datetime as dt

from stakeholder_mapper.core.commands import UpdateStakeholder
from stakeholder_mapper.core.engagement_log import AddLogEntry
from stakeholder_mapper.core.model import LogEntry
from stakeholder_mapper.core.quick_entry import quick_entry
from stakeholder_mapper.core.scores import SetInfluence, SetVotes
from stakeholder_mapper.core.snapshots import RestoreSnapshot, TakeSnapshot
from stakeholder_mapper.io.project import (
    load_map,
    save_map,
    snapshot_content,
    snapshot_map,
)

WHEN = dt.datetime(2026, 3, 14, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))


def test_snapshot_save_restore_round_trip_through_the_file(small_map, tmp_path):
    small_map.positions.update({"mayor": (0.0, 0.0), "imam": (150.0, 20.0)})
    small_map.plan_settings["level"] = {"export": "partner"}
    SetInfluence(small_map, "mayor", 9).redo()
    SetVotes(small_map, "imam", 4).redo()
    AddLogEntry(
        small_map, "mayor", LogEntry(dt.date(2026, 3, 1), "call", "Asked for a meeting")
    ).redo()
    TakeSnapshot(small_map, "Workshop 1", snapshot_content(small_map), WHEN).redo()
    at_snapshot = snapshot_map(small_map.snapshots[0])

    # The workshop goes on: new actors, changed scores and settings.
    quick_entry(small_map, "Radio; media\nRadio > Mayor").command.redo()
    UpdateStakeholder(small_map, "mayor", power=5, influence=12).redo()
    small_map.plan_settings["level"]["export"] = "public"

    path = tmp_path / "workshop.smap"
    save_map(small_map, path)
    reopened = load_map(path)
    assert reopened == small_map
    (snap,) = reopened.snapshots
    assert (snap.name, snap.created) == ("Workshop 1", WHEN)

    RestoreSnapshot(reopened, snap.id, snapshot_map(snap)).redo()
    assert reopened.stakeholders == at_snapshot.stakeholders
    assert reopened.relationships == at_snapshot.relationships
    assert reopened.positions == at_snapshot.positions
    assert reopened.plan_settings == {"level": {"export": "partner"}}
    assert reopened.stakeholders["mayor"].influence == 9
    assert reopened.stakeholders["imam"].votes == 4
    assert reopened.stakeholders["mayor"].log[0].summary == "Asked for a meeting"
    assert [s.name for s in reopened.snapshots] == ["Workshop 1"]

    save_map(reopened, path)
    assert load_map(path) == reopened


def test_older_files_without_votes_still_open(small_map, tmp_path):
    path = tmp_path / "old.smap"
    save_map(small_map, path)
    text = (
        path.read_text(encoding="utf-8").replace('"votes":null,', "").replace('"votes": null,', "")
    )
    assert '"votes"' not in text
    path.write_text(text, encoding="utf-8")
    assert load_map(path).stakeholders["mayor"].votes is None
