"""Snapshot commands: take, rename, delete and restore, each undone exactly."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from stakeholder_mapper.core.commands import AddStakeholder, UpdateStakeholder
from stakeholder_mapper.core.model import Stakeholder, StakeholderMap
from stakeholder_mapper.core.snapshots import (
    DeleteSnapshot,
    RenameSnapshot,
    RestoreSnapshot,
    TakeSnapshot,
)
from stakeholder_mapper.core.validation import ValidationError

WHEN = dt.datetime(2026, 3, 14, 10, 30, tzinfo=dt.UTC)


def _copy(smap: StakeholderMap) -> StakeholderMap:
    clone = StakeholderMap()
    clone.replace_content(copy.deepcopy(smap))
    return clone


def test_take_snapshot_adds_a_named_dated_copy_and_undo_removes_it(small_map):
    command = TakeSnapshot(small_map, "  Workshop 1 ", {"stakeholders": []}, WHEN)
    command.redo()
    (snap,) = small_map.snapshots
    assert (snap.id, snap.name, snap.created) == ("snap1", "Workshop 1", WHEN)
    command.undo()
    assert small_map.snapshots == []


def test_snapshot_ids_stay_unique_after_a_delete(small_map):
    for name in ("A", "B"):
        TakeSnapshot(small_map, name, {}, WHEN).redo()
    DeleteSnapshot(small_map, "snap1").redo()
    TakeSnapshot(small_map, "C", {}, WHEN).redo()
    assert [s.id for s in small_map.snapshots] == ["snap2", "snap3"]


def test_snapshot_needs_a_name(small_map):
    with pytest.raises(ValidationError, match="needs a name"):
        TakeSnapshot(small_map, "   ", {}, WHEN)


def test_rename_and_delete_undo_to_the_same_list(small_map):
    for name in ("Before", "Middle", "After"):
        TakeSnapshot(small_map, name, {}, WHEN).redo()
    before = list(small_map.snapshots)
    rename = RenameSnapshot(small_map, "snap2", "Mid-term")
    rename.redo()
    assert [s.name for s in small_map.snapshots] == ["Before", "Mid-term", "After"]
    rename.undo()
    delete = DeleteSnapshot(small_map, "snap2")
    delete.redo()
    assert [s.name for s in small_map.snapshots] == ["Before", "After"]
    delete.undo()
    assert small_map.snapshots == before
    with pytest.raises(ValidationError, match="'snap9' is not in this map"):
        DeleteSnapshot(small_map, "snap9")


def test_restore_replaces_content_keeps_snapshots_and_undoes(small_map):
    TakeSnapshot(small_map, "Start", {}, WHEN).redo()
    restored = StakeholderMap()
    restored.stakeholders["radio"] = Stakeholder("radio", "Radio Marenza", "media")
    restored.positions["radio"] = (5.0, 6.0)
    before = _copy(small_map)
    command = RestoreSnapshot(small_map, "snap1", restored)
    command.redo()
    assert set(small_map.stakeholders) == {"radio"}
    assert small_map.relationships == {}
    assert [s.name for s in small_map.snapshots] == ["Start"]
    # Editing the restored map must not leak into the command's stored copies.
    AddStakeholder(small_map, Stakeholder("tv", "TV", "media")).redo()
    UpdateStakeholder(small_map, "radio", power=5).redo()
    command.undo()
    assert small_map == before
    command.redo()
    assert set(small_map.stakeholders) == {"radio"}
    assert small_map.stakeholders["radio"].power is None
    assert restored.stakeholders.keys() == {"radio"}
