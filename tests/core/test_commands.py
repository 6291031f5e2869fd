"""Every edit command applies, undoes and redoes exactly, and notifies listeners."""

from __future__ import annotations

import copy

import pytest

from stakeholder_mapper.core.commands import (
    AddCategory,
    AddKind,
    AddRelationship,
    AddStakeholder,
    Batch,
    MoveStakeholders,
    RemoveCategory,
    RemoveRelationships,
    RemoveStakeholders,
    UpdateCategory,
    UpdateMapInfo,
    UpdatePlanSettings,
    UpdateRelationship,
    UpdateStakeholder,
)
from stakeholder_mapper.core.model import (
    Category,
    ChangeKind,
    Relationship,
    RelationshipKind,
    Stakeholder,
    StakeholderMap,
)
from stakeholder_mapper.core.validation import ValidationError


def _snapshot(smap: StakeholderMap) -> StakeholderMap:
    clone = StakeholderMap()
    clone.replace_content(copy.deepcopy(smap))
    return clone


def _order(smap: StakeholderMap) -> tuple[list[str], ...]:
    """The order of every record table (dict equality alone ignores it)."""
    return (
        list(smap.stakeholders),
        list(smap.relationships),
        list(smap.categories),
        list(smap.kinds),
    )


def _roundtrip(smap: StakeholderMap, command) -> StakeholderMap:
    """Apply, undo and redo ``command``; check undo restores the map, order included;
    return the edited map."""
    before = _snapshot(smap)
    command.redo()
    after = _snapshot(smap)
    assert after != before, "the command changed nothing"
    command.undo()
    assert smap == before
    assert _order(smap) == _order(before)
    command.redo()
    assert smap == after
    assert _order(smap) == _order(after)
    return after


COMMANDS = {
    "add stakeholder": lambda m: AddStakeholder(
        m, Stakeholder("ngo1", "Food bank", "ngo", power=2), (10.0, 20.0)
    ),
    "remove stakeholder with its ties": lambda m: RemoveStakeholders(m, ["imam"]),
    "update stakeholder": lambda m: UpdateStakeholder(m, "mayor", power=5, trust=-1),
    "add relationship": lambda m: AddRelationship(
        m, Relationship("r9", "mayor", "youth", kind="trust", strength=2)
    ),
    "remove relationships": lambda m: RemoveRelationships(m, ["r1", "r2"]),
    "update relationship": lambda m: UpdateRelationship(m, "r3", strength=5, valence="negative"),
    "add category": lambda m: AddCategory(m, Category("diaspora", "Diaspora group", "#777777")),
    "remove unused category": lambda m: RemoveCategory(m, "media"),
    "update category": lambda m: UpdateCategory(m, "media", name="Press", colour="#000000"),
    "add kind": lambda m: AddKind(m, RelationshipKind("kinship", "Kinship", directed=False)),
    "move and pin": lambda m: MoveStakeholders(m, {"mayor": (1.5, -2.0)}, {"mayor": True}),
    "update map details": lambda m: UpdateMapInfo(m, title="Marenza", city="Marenza"),
    "remember plan choices": lambda m: UpdatePlanSettings(
        m, level="partner", sections=["cover", "priority"], show_author=False
    ),
    "remove the first stakeholder and a tie in the middle": lambda m: RemoveStakeholders(
        m, ["mayor"]
    ),
    "remove ties out of order": lambda m: RemoveRelationships(m, ["r3", "r1"]),
    "remove a category in the middle": lambda m: RemoveCategory(m, "national"),
    "batch of removals and additions": lambda m: Batch.build(
        m,
        "Tidy up",
        [
            lambda b: RemoveRelationships(b, ["r2"]),
            lambda b: RemoveStakeholders(b, ["branch", "mayor"]),
            lambda b: AddStakeholder(b, Stakeholder("radio", "Radio Marenza", "media")),
            lambda b: RemoveCategory(b, "academia"),
        ],
    ),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_command_undo_redo(small_map: StakeholderMap, name: str) -> None:
    _roundtrip(small_map, COMMANDS[name](small_map))


def test_remove_stakeholder_restores_relationships_and_position(small_map):
    small_map.positions["imam"] = (3.0, 4.0)
    small_map.pinned.add("imam")
    command = RemoveStakeholders(small_map, ["imam"])
    command.redo()
    assert "imam" not in small_map.stakeholders
    assert {r.id for r in small_map.relationships.values()} == {"r4"}
    command.undo()
    assert small_map.positions["imam"] == (3.0, 4.0)
    assert "imam" in small_map.pinned
    assert set(small_map.relationships) == {"r1", "r2", "r3", "r4"}


def test_removing_our_branch_leaves_no_branch_and_undo_names_it_again(small_map):
    UpdateMapInfo(small_map, branch="imam").redo()
    command = RemoveStakeholders(small_map, ["imam"])
    _roundtrip(small_map, command)
    assert small_map.info.branch == ""
    command.undo()
    assert small_map.info.branch == "imam"


def test_removing_another_stakeholder_keeps_our_branch(small_map):
    UpdateMapInfo(small_map, branch="imam").redo()
    others = [sid for sid in small_map.stakeholders if sid != "imam"][:1]
    RemoveStakeholders(small_map, others).redo()
    assert small_map.info.branch == "imam"


def test_building_a_batch_keeps_the_map_order(small_map):
    order = _order(small_map)
    Batch.build(
        small_map,
        "Delete",
        [
            lambda m: RemoveStakeholders(m, ["imam"]),
            lambda m: RemoveRelationships(m, ["r4"]),
        ],
    )
    assert _order(small_map) == order


def test_batch_is_one_step_and_steps_see_earlier_steps(small_map):
    batch = Batch.build(
        small_map,
        "Quick add",
        [
            lambda m: AddStakeholder(m, Stakeholder("radio", "Radio Marenza", "media")),
            lambda m: AddRelationship(m, Relationship("r5", "radio", "mayor", strength=4)),
            lambda m: UpdateStakeholder(m, "radio", power=4),
        ],
    )
    assert "radio" not in small_map.stakeholders, "building a batch must not change the map"
    edited = _roundtrip(small_map, batch)
    assert edited.stakeholders["radio"].power == 4
    assert edited.relationships["r5"].source == "radio"


def test_invalid_batch_leaves_map_unchanged(small_map):
    before = _snapshot(small_map)
    with pytest.raises(ValidationError, match="ghost"):
        Batch.build(
            small_map,
            "Bad",
            [
                lambda m: AddStakeholder(m, Stakeholder("radio", "Radio", "media")),
                lambda m: AddRelationship(m, Relationship("r5", "radio", "ghost")),
            ],
        )
    assert small_map == before


def test_listeners_hear_each_change(small_map):
    heard = []
    small_map.subscribe(heard.append)
    command = UpdateStakeholder(small_map, "mayor", power=4)
    command.redo()
    command.undo()
    assert [(c.kind, c.ids, c.fields) for c in heard] == [
        (ChangeKind.STAKEHOLDER_CHANGED, ("mayor",), frozenset({"power"})),
        (ChangeKind.STAKEHOLDER_CHANGED, ("mayor",), frozenset({"power"})),
    ]


def test_command_texts_name_the_edit(small_map):
    assert UpdateStakeholder(small_map, "mayor", label="Lord Mayor").text == (
        "Rename Mayor to Lord Mayor"
    )
    assert RemoveStakeholders(small_map, ["mayor"]).text == "Delete Mayor"


def test_copy_is_equal_and_later_edits_do_not_reach_it(small_map):
    small_map.positions["mayor"] = (1.0, 2.0)
    small_map.pinned.add("mayor")
    small_map.plan_settings = {"sections": ["cover", "priorities"], "level": "partner"}
    listener_calls = []
    small_map.subscribe(listener_calls.append)
    clone = small_map.copy()
    assert clone == small_map and _order(clone) == _order(small_map)
    RemoveStakeholders(small_map, ["mayor"]).redo()
    AddCategory(small_map, Category("diaspora", "Diaspora group", "#777777")).redo()
    small_map.plan_settings["sections"].append("risks")
    assert "mayor" in clone.stakeholders and clone.positions["mayor"] == (1.0, 2.0)
    assert "mayor" in clone.pinned and "r2" in clone.relationships
    assert "diaspora" not in clone.categories
    assert clone.plan_settings == {"sections": ["cover", "priorities"], "level": "partner"}
    calls = len(listener_calls)
    clone.put_stakeholder(Stakeholder("x", "X", "ngo"))
    assert len(listener_calls) == calls, "listeners are not copied"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"colour": "red"}, "Unknown plan setting 'colour'"),
        ({"level": 3}, "'level' should be a str"),
        ({"sections": ["cover", 2]}, "'sections' should be a list"),
    ],
)
def test_bad_plan_settings_are_refused(small_map, settings, message):
    with pytest.raises(ValidationError, match=message):
        UpdatePlanSettings(small_map, **settings)
