"""The stakeholders a picture always names: our branch, the top brokers, the most powerful."""

from __future__ import annotations

from dataclasses import replace

from stakeholder_mapper.analysis.key_stakeholders import always_named, top_brokers
from stakeholder_mapper.core.model import Stakeholder, StakeholderMap


def _city() -> StakeholderMap:
    smap = StakeholderMap()
    for sid, label, power, tower in (
        ("mayor", "Mayor", 5, 3),
        ("governor", "Governor", 5, 7),
        ("bank", "Bank", 5, None),
        ("branch", "Our branch", 3, None),
        ("imam", "Imam", 2, None),
        ("youth", "Youth club", 1, None),
        ("radio", "Radio", None, None),
    ):
        smap.stakeholders[sid] = Stakeholder(sid, label, "ngo", power=power, influence=tower)
    smap.info = replace(smap.info, branch="branch")
    return smap


def test_top_brokers_are_the_highest_above_zero_ties_by_name() -> None:
    smap = _city()
    brokerage = {"imam": 0.4, "youth": 0.4, "radio": 0.1, "mayor": 0.0, "bank": float("nan")}
    assert top_brokers(smap, brokerage, count=5) == ["imam", "youth", "radio"]
    assert top_brokers(smap, brokerage, count=1) == ["imam"]
    assert top_brokers(smap, {"mayor": 0.0}) == []


def test_always_named_holds_the_branch_the_brokers_and_the_most_powerful() -> None:
    smap = _city()
    named = always_named(smap, {"youth": 0.5, "imam": 0.2}, brokers=1, powerful=2)
    # Our branch first, then the top broker, then the two with power 5 and the tallest towers.
    assert named == ["branch", "youth", "governor", "mayor"]


def test_before_metrics_and_without_a_branch_only_the_most_powerful() -> None:
    smap = _city()
    smap.info = replace(smap.info, branch="")
    assert always_named(smap) == ["governor", "mayor", "bank"]
    assert always_named(StakeholderMap()) == []
