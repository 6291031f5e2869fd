"""Comparing two known snapshots lists exactly the expected differences."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from stakeholder_mapper.analysis.compare import (
    TABLE_COLUMNS,
    Difference,
    SupportBalance,
    brokerage_moves,
    compare_maps,
    quadrant,
    support_balance,
)
from stakeholder_mapper.core.commands import (
    AddRelationship,
    RemoveRelationships,
    RemoveStakeholders,
    UpdateRelationship,
    UpdateStakeholder,
)
from stakeholder_mapper.core.engagement_log import AddLogEntry
from stakeholder_mapper.core.model import LogEntry, Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.core.quick_entry import quick_entry
from stakeholder_mapper.core.snapshots import TakeSnapshot
from stakeholder_mapper.io.project import snapshot_content, snapshot_map

WHEN = dt.datetime(2026, 3, 14, 10, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("power", "interest", "expected"),
    [
        (5, 5, "manage closely"),
        (3, 3, "manage closely"),
        (3, 2, "keep satisfied"),
        (2, 3, "keep informed"),
        (1, 2, "monitor"),
        (None, 4, None),
    ],
)
def test_quadrant_rule_counts_three_as_high(power, interest, expected):
    assert quadrant(power, interest) == expected


def test_support_balance_sums_towers_by_side(small_map):
    for sid, position, influence in (
        ("mayor", 2, 8),
        ("imam", 1, None),
        ("youth", -1, 5),
        ("branch", 0, 9),
    ):
        UpdateStakeholder(small_map, sid, position=position, influence=influence).redo()
    assert support_balance(small_map) == SupportBalance(
        supporters=8, opponents=5, supporter_count=2, opponent_count=1, without_tower=1
    )


def test_two_known_snapshots_differ_exactly_as_edited(small_map):
    UpdateStakeholder(small_map, "mayor", power=2, interest=4, position=-1, influence=6).redo()
    UpdateStakeholder(small_map, "imam", power=4, interest=4, person="Sheikh A.").redo()
    TakeSnapshot(small_map, "Workshop 1", snapshot_content(small_map), WHEN).redo()

    quick_entry(small_map, "Radio Marenza; media").command.redo()
    radio = next(s.id for s in small_map.stakeholders.values() if s.label == "Radio Marenza")
    RemoveStakeholders(small_map, ["youth"]).redo()  # also removes r3 and r4
    UpdateStakeholder(small_map, "mayor", power=4, position=1).redo()
    UpdateStakeholder(small_map, "imam", person="Sheikh B.").redo()  # personal data: not listed
    AddLogEntry(small_map, "imam", LogEntry(dt.date(2026, 4, 2), "call")).redo()
    UpdateRelationship(small_map, "r2", strength=2).redo()
    RemoveRelationships(small_map, ["r1"]).redo()
    AddRelationship(small_map, Relationship("r9", radio, "mayor", kind="information")).redo()
    TakeSnapshot(small_map, "Workshop 2", snapshot_content(small_map), WHEN).redo()

    first, second = (snapshot_map(s) for s in small_map.snapshots)
    result = compare_maps(first, second)

    assert result.rows() == [
        Difference("added", "stakeholder", radio, "Radio Marenza"),
        Difference("removed", "stakeholder", "youth", "Youth council"),
        Difference("changed", "stakeholder", "mayor", "Mayor", "power", 2, 4),
        Difference("changed", "stakeholder", "mayor", "Mayor", "position", -1, 1),
        Difference(
            "changed",
            "stakeholder",
            "imam",
            "Imam of the central mosque",
            "log",
            "0 entries",
            "1 entry",
        ),
        Difference(
            "moved quadrant",
            "stakeholder",
            "mayor",
            "Mayor",
            "quadrant",
            "keep informed",
            "manage closely",
        ),
        # Imam brokered branch → mayor and youth → mayor: 2 of the 3 x 2 ordered pairs of
        # others, normalised betweenness 2/6; with youth and the branch's tie gone, none.
        Difference(
            "brokerage",
            "stakeholder",
            "imam",
            "Imam of the central mosque",
            "betweenness",
            0.333,
            0.0,
        ),
        Difference("added", "relationship", "r9", "Radio Marenza → Mayor (Information flow)"),
        Difference(
            "removed",
            "relationship",
            "r1",
            "Red Crescent city branch → Imam of the central mosque (Influence)",
        ),
        Difference(
            "removed",
            "relationship",
            "r3",
            "Youth council → Imam of the central mosque (Influence)",
        ),
        Difference(
            "removed", "relationship", "r4", "Red Crescent city branch → Youth council (Influence)"
        ),
        Difference(
            "changed",
            "relationship",
            "r2",
            "Imam of the central mosque → Mayor (Influence)",
            "strength",
            5,
            2,
        ),
    ]
    assert result.support_before == SupportBalance(opponents=6, opponent_count=1)
    assert result.support_after == SupportBalance(supporters=6, supporter_count=1)
    table = result.table()
    assert tuple(table.columns) == TABLE_COLUMNS
    assert len(table) == 12
    assert table.loc[table["field"] == "strength", ["before", "after"]].values.tolist() == [[5, 2]]


def test_brokerage_movers_on_a_known_graph(small_map):
    """a — b — c: b is on both ordered routes between a and c; a direct tie a — c ends it."""
    before = StakeholderMap()
    for sid in "abc":
        before.stakeholders[sid] = Stakeholder(sid, sid.upper(), "ngo")
    for rid, (s, t) in {"ab": ("a", "b"), "bc": ("b", "c")}.items():
        before.relationships[rid] = Relationship(rid, s, t, kind="collaboration", directed=False)
    after = copy.deepcopy(before)
    after.relationships["ac"] = Relationship("ac", "a", "c", kind="collaboration", directed=False)
    (move,) = brokerage_moves(before, after)
    assert (move.id, move.before, move.after) == ("b", 1.0, 0.0)
    assert move.sentence() == "B brokers less (betweenness 1.00 → 0.00)"
    assert brokerage_moves(after, after) == ()


def test_identical_maps_have_no_differences(small_map):
    result = compare_maps(small_map, small_map)
    assert not result
    assert result.table().empty
