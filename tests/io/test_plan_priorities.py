"""AIIM strategies (Mendizabal, ODI RAPID 2010) on our scales, worked by hand."""

from __future__ import annotations

import pytest

from stakeholder_mapper.core.model import Stakeholder
from stakeholder_mapper.io.plan.priorities import (
    AIIM_STRATEGIES,
    POWERFUL,
    aiim,
)


def _rated(position: int | None, interest: int | None, power: int | None = 2) -> Stakeholder:
    return Stakeholder("s", "S", "ngo", position=position, interest=interest, power=power)


@pytest.mark.parametrize(
    ("position", "interest", "power", "strategy"),
    [
        (2, 5, 1, "Involve as allies"),
        (1, 3, 5, "Involve as allies"),
        (1, 2, 5, "Raise their interest"),
        # Neutral is consulted or informed, never challenged, however powerful.
        (0, 3, 5, "Consult and persuade"),
        (0, 5, 1, "Consult and persuade"),
        (0, 2, 5, "Inform and monitor"),
        # Opposed: contained when powerful, whatever the interest.
        (-1, 2, POWERFUL, "Challenge and contain"),
        (-2, 5, 5, "Challenge and contain"),
        (-1, 4, POWERFUL - 1, "Challenge with evidence"),
        (-1, 4, None, "Challenge with evidence"),
        (-2, 1, 1, "Watch, do not provoke"),
        (-1, 1, None, "Not yet rated"),
        (None, 5, 5, "Not yet rated"),
        (1, None, 5, "Not yet rated"),
    ],
)
def test_aiim_strategy(position, interest, power, strategy) -> None:
    assert aiim(_rated(position, interest, power)) == strategy


def test_every_strategy_is_explained_and_only_opposed_ones_challenge() -> None:
    found = {
        aiim(_rated(position, interest, power))
        for position in range(-2, 3)
        for interest in range(1, 6)
        for power in range(1, 6)
    }
    assert found == set(AIIM_STRATEGIES)
    for position in (0, 1, 2):
        for interest in range(1, 6):
            assert "Challenge" not in aiim(_rated(position, interest, 5))
