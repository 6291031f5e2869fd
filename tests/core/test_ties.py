"""Looking up a tie already on the map before adding it again."""

from __future__ import annotations

from stakeholder_mapper.core.model import Relationship
from stakeholder_mapper.core.ties import same_tie

TIES = [
    Relationship("r1", "a", "b", kind="influence"),
    Relationship("r2", "c", "d", kind="collaboration", directed=False),
]


def test_a_directed_tie_is_the_same_only_in_the_same_direction_and_kind():
    assert same_tie(TIES, "a", "b", "influence", True) is TIES[0]
    assert same_tie(TIES, "b", "a", "influence", True) is None
    assert same_tie(TIES, "a", "b", "trust", True) is None
    # An undirected tie of the kind is another tie, not the directed one again.
    assert same_tie(TIES, "a", "b", "influence", False) is None


def test_an_undirected_tie_is_the_same_either_way_round():
    assert same_tie(TIES, "c", "d", "collaboration", False) is TIES[1]
    assert same_tie(TIES, "d", "c", "collaboration", False) is TIES[1]
    assert same_tie(TIES, "d", "c", "conflict", False) is None
    assert same_tie([], "c", "d", "collaboration", False) is None
