"""Export levels: Partner and Public copies carry no personal data."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from stakeholder_mapper.core.model import (
    Engagement,
    LogEntry,
    MapInfo,
    Snapshot,
    Stakeholder,
    StakeholderMap,
)
from stakeholder_mapper.core.validation import map_problems
from stakeholder_mapper.io.project import dumps_map
from stakeholder_mapper.io.redact import EXPORT_LEVELS, LEVEL_DESCRIPTIONS, redact

PERSONAL = ("Amina Yusuf", "+255 22 211 0000", "amina.yusuf@example.org", "Juma Said", "Fatma Ali")


@pytest.fixture
def sensitive_map(small_map: StakeholderMap) -> StakeholderMap:
    small_map.info = MapInfo(
        title="Marenza floods", city="Marenza", author="Fatma Ali", purpose="Meet Amina Yusuf"
    )
    s = small_map.stakeholders
    s["mayor"] = dataclasses.replace(
        s["mayor"],
        label="Mayor (Amina Yusuf)",
        person="Amina Yusuf",
        contact="+255 22 211 0000; amina.yusuf@example.org",
        power=5,
        interest=3,
        position=-1,
        trust=-2,
        notes="Distrusts us since 2024.",
        focal_point="Fatma Ali",
        source="Juma Said, district officer",
        informed=False,
        sensitivity="public",
        engagement=Engagement(
            objective="Shelter MoU", messenger="Juma Said", owner="Fatma Ali", stage="resistant"
        ),
        log=(LogEntry(dt.date(2026, 2, 1), summary="Called +255 22 211 0000"),),
        attributes={"mobile": "+255 22 211 0000"},
    )
    s["imam"] = dataclasses.replace(
        s["imam"], person="Juma Said", contact="juma@example.org", sensitivity="confidential"
    )
    s["youth"] = dataclasses.replace(s["youth"], power=2, interest=5, trust=2)
    small_map.relationships["r2"] = dataclasses.replace(
        small_map.relationships["r2"], notes="Juma Said advises Amina Yusuf"
    )
    small_map.positions = {"mayor": (0.0, 0.0), "imam": (1.0, 1.0)}
    small_map.snapshots = [Snapshot("x", "Before", dt.datetime(2026, 1, 1), {"map": {}})]
    return small_map


def test_full_level_is_an_equal_copy(sensitive_map: StakeholderMap) -> None:
    copy = redact(sensitive_map, "full")
    assert copy == sensitive_map
    assert copy.stakeholders is not sensitive_map.stakeholders


@pytest.mark.parametrize("level", ["partner", "public"])
def test_partner_and_public_carry_no_personal_data(
    sensitive_map: StakeholderMap, level: str
) -> None:
    before = dumps_map(sensitive_map)
    out = redact(sensitive_map, level)
    assert dumps_map(sensitive_map) == before  # the open map is not changed
    assert map_problems(out) == []
    text = dumps_map(out).decode()
    for trace in PERSONAL:
        assert trace not in text
    doc = json.loads(text)
    assert doc["personal_data"] == []
    assert doc["snapshots"] == []
    assert doc["map"]["author"] == ""
    for row in doc["stakeholders"]:
        assert row["position"] is None and row["trust"] is None
        assert row["notes"] == "" and row["log"] == [] and row["attributes"] == {}
        assert row["focal_point"] == "" and row["source"] == "" and row["informed"] is None
        assert row["engagement"]["stage"] is None
    # The confidential imam and its relationships are left out; ids are neutral.
    assert len(out.stakeholders) == 3
    assert set(out.stakeholders) == {"s1", "s2", "s3"}
    assert len(out.relationships) == 1  # branch -> youth; the three via the imam are gone
    assert all(r.notes == "" for r in out.relationships.values())


def test_partner_keeps_roles_and_plans(sensitive_map: StakeholderMap) -> None:
    out = redact(sensitive_map, "partner")
    mayor = out.stakeholders["s1"]
    assert mayor.label == "Mayor ([erased])"
    assert (mayor.power, mayor.interest) == (5, 3)
    assert mayor.engagement.objective == "Shelter MoU"
    assert mayor.engagement.messenger == "" and mayor.engagement.owner == ""
    assert out.positions == {"s1": (0.0, 0.0)}


def test_public_names_only_public_stakeholders(sensitive_map: StakeholderMap) -> None:
    out = redact(sensitive_map, "public")
    labels = sorted(s.label for s in out.stakeholders.values())
    assert labels == ["Mayor ([erased])", "Red Cross / Red Crescent 1", "Youth group 1"]
    youth = next(s for s in out.stakeholders.values() if s.category == "youth")
    assert (youth.power, youth.interest, youth.engagement) == (2, 5, Engagement())


def test_levels_are_described_and_checked(sensitive_map: StakeholderMap) -> None:
    assert set(LEVEL_DESCRIPTIONS) == set(EXPORT_LEVELS) == {"full", "partner", "public"}
    with pytest.raises(ValueError, match="Unknown export level 'secret'"):
        redact(sensitive_map, "secret")


def test_partner_leaves_out_attitudes_and_judgements_in_engagement_text() -> None:
    smap = StakeholderMap()
    smap.stakeholders["dev"] = Stakeholder(
        "dev",
        "Property developer",
        "private",
        engagement=Engagement(
            objective="Agree a flood-safe building code",
            desired_change="From open hostility to grudging acceptance",
            approach="Go around the director, who distrusts us",
            risks="Lobbies the council against us",
        ),
    )
    shown = next(iter(redact(smap, "partner").stakeholders.values())).engagement
    assert shown.objective == "Agree a flood-safe building code"
    assert (shown.desired_change, shown.approach, shown.risks) == ("", "", "")
