"""The map-level limits validate applies: positions, texts and plan settings."""

from __future__ import annotations

import math

import pytest

from stakeholder_mapper.core.limits import MAX_COORDINATE, MAX_TEXT_CHARS
from stakeholder_mapper.core.model import Stakeholder, StakeholderMap
from stakeholder_mapper.core.validation import map_problems, plan_settings_problem


def _map() -> StakeholderMap:
    smap = StakeholderMap()
    smap.stakeholders["mayor"] = Stakeholder("mayor", "Mayor", "municipal")
    return smap


@pytest.mark.parametrize("x", [MAX_COORDINATE * 1.0000001, -1e308, math.inf, math.nan])
def test_a_position_beyond_the_limit_is_named(x: float) -> None:
    smap = _map()
    smap.positions["mayor"] = (x, 0.0)
    [problem] = map_problems(smap)
    assert problem.startswith(
        "layout.positions.mayor: should be a pair of numbers between -10,000,000 and 10,000,000"
    )


def test_positions_at_the_limit_are_valid() -> None:
    smap = _map()
    smap.positions["mayor"] = (MAX_COORDINATE, -MAX_COORDINATE)
    assert map_problems(smap) == []


def test_a_text_beyond_the_limit_is_named() -> None:
    smap = _map()
    smap.stakeholders["mayor"] = Stakeholder(
        "mayor", "Mayor", "municipal", attributes={"ward": "x" * (MAX_TEXT_CHARS + 1)}
    )
    assert map_problems(smap) == [
        "stakeholders.mayor.attributes.ward is longer than 1,000,000 characters."
    ]


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ({"n": 10**99}, "plan_settings.n: a number has more than 40 digits."),
        ({"n": -(10**40)}, "plan_settings.n: a number has more than 40 digits."),
        ({"n": math.inf}, "plan_settings.n: inf is not a valid number."),
        ({"a": {"b": [[[]]]}}, None),
        ({1: "x"}, "plan_settings has a field name that is not a short text."),
        ({"s": {1, 2}}, "plan_settings.s: set is not plain data."),
    ],
)
def test_plan_settings_are_plain_data_within_the_limits(settings: dict, problem: str) -> None:
    assert plan_settings_problem(settings) == problem


def test_plan_settings_nested_too_deep() -> None:
    deep: list = []
    for _ in range(100):
        deep = [deep]
    assert plan_settings_problem({"x": deep}) == (
        "plan_settings is nested more than 64 levels deep."
    )
    smap = _map()
    smap.plan_settings = {"x": deep}
    assert map_problems(smap) == ["plan_settings is nested more than 64 levels deep."]
