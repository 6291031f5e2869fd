"""Influence towers and dot votes: set, undone, and turned into power."""

from __future__ import annotations

import pytest

from stakeholder_mapper.core.commands import UpdateStakeholder
from stakeholder_mapper.core.scores import (
    PowerFromTowers,
    SetInfluence,
    SetVotes,
    power_from_towers,
)
from stakeholder_mapper.core.validation import ValidationError


def test_tower_height_edit_is_undoable(small_map):
    command = SetInfluence(small_map, "mayor", 7)
    assert command.text == "Set influence tower of Mayor to 7"
    command.redo()
    assert small_map.stakeholders["mayor"].influence == 7
    command.undo()
    assert small_map.stakeholders["mayor"].influence is None


def test_votes_are_counts_and_never_negative(small_map):
    SetVotes(small_map, "youth", 12).redo()
    assert small_map.stakeholders["youth"].votes == 12
    with pytest.raises(ValidationError, match="votes"):
        SetVotes(small_map, "youth", -1)
    with pytest.raises(ValidationError, match="not on the map"):
        SetVotes(small_map, "nobody", 1)


def test_power_from_towers_scales_tallest_to_five(small_map):
    for sid, height in (("mayor", 10), ("imam", 6), ("youth", 2), ("branch", 0)):
        UpdateStakeholder(small_map, sid, influence=height).redo()
    # ceil(5*h/10): 5, 3, 1, and at least 1 for an empty tower.
    assert power_from_towers(small_map) == {"mayor": 5, "imam": 3, "youth": 1, "branch": 1}
    UpdateStakeholder(small_map, "imam", power=3).redo()
    command = PowerFromTowers(small_map)
    assert len(command.commands) == 3, "stakeholders already at that power are left alone"
    command.redo()
    assert [small_map.stakeholders[s].power for s in ("mayor", "imam", "youth", "branch")] == [
        5,
        3,
        1,
        1,
    ]
    command.undo()
    assert small_map.stakeholders["mayor"].power is None
    assert small_map.stakeholders["imam"].power == 3


def test_power_from_towers_needs_towers(small_map):
    with pytest.raises(ValidationError, match="No stakeholder has an influence tower"):
        PowerFromTowers(small_map)
