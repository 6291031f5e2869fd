"""AIIM strategies (Mendizabal, ODI RAPID 2010) on our scales, worked by hand."""

from __future__ import annotations

import dataclasses

import pytest

from stakeholder_mapper.core.model import Stakeholder
from stakeholder_mapper.io.plan.priorities import (
    AIIM_STRATEGIES,
    POWERFUL,
    QUADRANT_APPROACH,
    aiim,
    quadrant,
    suggested_approach,
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


@pytest.mark.parametrize(
    ("position", "trust", "power", "interest", "stage", "must", "must_not"),
    [
        # Opposed, powerful and distrustful: contained, never involved or made a messenger.
        (-1, -2, 4, 2, "resistant", "Contain their opposition", "involve"),
        (-2, -1, 5, 4, "supportive", "Contain their opposition", "joint action"),
        (-1, 0, 2, 4, None, "with evidence", "Involve"),
        (-1, 0, 1, 1, None, "Do not stir them", "Involve"),
        # Champions and supporters are maintained and used as messengers.
        (2, 2, 3, 5, "champion", "Maintain the relationship", "become allies"),
        (2, 2, 2, 4, "champion", "carry our messages", "Keep them informed"),
        (1, 1, 3, 4, "supportive", "Build on their support", "Consult"),
        # A resistant stakeholder not recorded as opposed is answered, not involved.
        (0, 0, 4, 4, "resistant", "Address their resistance", "Involve"),
        # Distrust sends a neutral stakeholder's message through someone they trust.
        (0, -1, 4, 4, None, "messenger they trust", "Contain"),
        # Without a stage the strategy decides; unaware adds a first step.
        (0, 0, 5, 3, None, "Consult them", "Contain"),
        (1, 1, 2, 5, "unaware", "First make them aware", "Contain"),
    ],
)
def test_suggested_approach_follows_strategy_and_stage(
    position, trust, power, interest, stage, must, must_not
) -> None:
    s = dataclasses.replace(_rated(position, interest, power), trust=trust)
    text = suggested_approach(aiim(s), stage, quadrant(s), distrustful=trust < 0)
    assert must in text
    assert must_not.lower() not in text.lower()


def test_without_attitudes_the_quadrant_alone_decides() -> None:
    # Partner level withholds position and stage: the suggestion names no attitude.
    for name, text in QUADRANT_APPROACH.items():
        assert suggested_approach("Not yet rated", None, name) == text
        assert "allies" not in text and "messenger" not in text
