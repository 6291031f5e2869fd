"""Every validation rule refuses the edit with a message naming the field and the value."""

from __future__ import annotations

import dataclasses

import pytest

from stakeholder_mapper.core.commands import (
    AddRelationship,
    AddStakeholder,
    RemoveCategory,
    UpdateRelationship,
    UpdateStakeholder,
)
from stakeholder_mapper.core.model import Relationship, Stakeholder
from stakeholder_mapper.core.validation import ValidationError, map_problems


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"power": 6},
            r"Stakeholder 'Mayor'\.power: should be less than or equal to 5 \(found 6\)",
        ),
        ({"power": 0}, r"power: should be greater than or equal to 1 \(found 0\)"),
        ({"interest": 9}, r"interest: should be less than or equal to 5 \(found 9\)"),
        ({"position": -3}, r"position: should be greater than or equal to -2 \(found -3\)"),
        ({"trust": 3}, r"trust: should be less than or equal to 2 \(found 3\)"),
        ({"power": "high"}, r"power: should be a valid integer \(found 'high'\)"),
        ({"level": "planet"}, r"level: should be 'community', 'city', .* \(found 'planet'\)"),
        ({"sensitivity": "secret"}, r"sensitivity: should be 'public', 'internal' or"),
        ({"principles": (13,)}, r"principles\[0\]: should be less than or equal to 12"),
        ({"category": "aliens"}, r"Stakeholder 'Mayor': unknown category 'aliens'\."),
        ({"label": "  "}, r"Stakeholder 'Mayor' needs a name\."),
        ({"favourite_colour": "red"}, r"Unknown field 'favourite_colour'\."),
    ],
)
def test_stakeholder_rules(small_map, changes, message):
    before = small_map.stakeholders["mayor"]
    with pytest.raises(ValidationError, match=message):
        UpdateStakeholder(small_map, "mayor", **changes)
    assert small_map.stakeholders["mayor"] is before


def test_unknown_stays_unknown(small_map):
    command = UpdateStakeholder(small_map, "mayor", power=None, trust=None)
    command.redo()
    assert small_map.stakeholders["mayor"].power is None
    assert small_map.stakeholders["mayor"].trust is None


@pytest.mark.parametrize(
    ("relationship", "message"),
    [
        (
            Relationship("r9", "mayor", "ghost"),
            r"Relationship 'r9': target 'ghost' is not a stakeholder on this map\.",
        ),
        (
            Relationship("r9", "nobody", "mayor"),
            r"Relationship 'r9': source 'nobody' is not a stakeholder on this map\.",
        ),
        (
            Relationship("r9", "mayor", "mayor"),
            r"Relationship 'r9': 'Mayor' cannot have a relationship with itself\.",
        ),
        (
            Relationship("r9", "mayor", "imam", kind="marriage"),
            r"Relationship 'r9': unknown relationship kind 'marriage'\.",
        ),
        (
            Relationship("r9", "mayor", "imam", strength=0),
            r"Relationship 'r9'\.strength: should be greater than or equal to 1 \(found 0\)",
        ),
        (
            Relationship("r9", "mayor", "imam", valence="neutral"),
            r"valence: should be 'positive' or 'negative' \(found 'neutral'\)",
        ),
        (Relationship("r1", "mayor", "imam"), r"Duplicate id 'r1': it is already on the map\."),
        (Relationship("mayor", "mayor", "imam"), r"Duplicate id 'mayor'"),
    ],
)
def test_relationship_rules(small_map, relationship, message):
    with pytest.raises(ValidationError, match=message):
        AddRelationship(small_map, relationship)
    assert set(small_map.relationships) == {"r1", "r2", "r3", "r4"}


def test_duplicate_stakeholder_id(small_map):
    with pytest.raises(ValidationError, match=r"Duplicate id 'mayor': it is already on the map\."):
        AddStakeholder(small_map, Stakeholder("mayor", "Second mayor", "municipal"))


def test_relationship_update_cannot_point_to_missing_stakeholder(small_map):
    with pytest.raises(ValidationError, match="target 'ghost' is not a stakeholder"):
        UpdateRelationship(small_map, "r1", target="ghost")


def test_category_in_use_cannot_be_removed(small_map):
    with pytest.raises(ValidationError, match=r"'Faith leader' is still used by 'Imam"):
        RemoveCategory(small_map, "faith")


def test_map_problems_lists_every_broken_rule(small_map):
    assert map_problems(small_map) == []
    small_map.stakeholders["imam"] = dataclasses.replace(
        small_map.stakeholders["imam"], category="aliens", power=8
    )
    small_map.relationships["r5"] = Relationship("r5", "youth", "youth")
    small_map.positions["ghost"] = (0.0, 0.0)
    problems = map_problems(small_map)
    assert problems == [
        "Stakeholder 'Imam of the central mosque'.power: "
        "should be less than or equal to 5 (found 8)",
        "Relationship 'r5': 'Youth council' cannot have a relationship with itself.",
        "Layout has a position for unknown stakeholder 'ghost'.",
    ]
