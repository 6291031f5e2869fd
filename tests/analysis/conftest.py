"""Maps for the analysis tests, built through the core model's edit commands."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pytest

from stakeholder_mapper.core.commands import AddCategory, AddRelationship, AddStakeholder
from stakeholder_mapper.core.model import Category, Relationship, Stakeholder, StakeholderMap

Tie = tuple[str, str] | tuple[str, str, dict[str, Any]]
MapBuilder = Callable[..., StakeholderMap]


def make_map(
    stakeholders: Iterable[tuple[str, str] | tuple[str, str, dict[str, Any]]],
    ties: Sequence[Tie] = (),
    **tie_defaults: Any,
) -> StakeholderMap:
    """A map with the given ``(id, category[, fields])`` stakeholders and ties.

    Unknown categories are added; a tie is ``(source, target[, fields])`` and its
    fields default to ``tie_defaults``. Every edit goes through a command.
    """
    smap = StakeholderMap()
    for entry in stakeholders:
        sid, category = entry[0], entry[1]
        fields = entry[2] if len(entry) > 2 else {}
        if category not in smap.categories:
            AddCategory(smap, Category(category, category.title())).redo()
        fields = {"label": sid.replace("_", " ").title(), **fields}
        AddStakeholder(smap, Stakeholder(sid, category=category, **fields)).redo()
    for number, tie in enumerate(ties, start=1):
        fields = {**tie_defaults, **(tie[2] if len(tie) > 2 else {})}
        AddRelationship(smap, Relationship(f"r{number}", tie[0], tie[1], **fields)).redo()
    return smap


@pytest.fixture(scope="session")
def build_map() -> MapBuilder:
    """The :func:`make_map` helper (stateless), for tests that build their own maps."""
    return make_map
