"""Shared setup for file tests: a map that uses every field, and large maps of groups."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

import pytest

from stakeholder_mapper.core.model import (
    CalendarEvent,
    Category,
    Engagement,
    Indicator,
    LogEntry,
    MapInfo,
    Relationship,
    RelationshipKind,
    Risk,
    Stakeholder,
    StakeholderMap,
)


def make_rich_map() -> StakeholderMap:
    """Every stakeholder and relationship field set, custom categories and kinds, layout."""
    smap = StakeholderMap(
        MapInfo(
            title="Marenza resilience map",
            city="Marenza",
            branch="branch",
            author="Programme team",
            purpose="Agree an MoU on heat-wave shelters with the city.",
            date=dt.date(2026, 3, 1),
            classification="confidential",
            problem="Heat waves kill older tenants; no shelter opens before 40 °C.",
            ask="Open cooling centres from 35 °C, with the branch running outreach.",
            evidence="2025 heat deaths: 14, 11 of them over 70 (city health office).",
            red_lines="We do not take part in evictions; we do not share lists of tenants.",
            movement="Auxiliary role under the 1998 Red Crescent law; HQ and IFRC informed.",
            community="Tenants' association meets monthly; feedback line; answers in 2 weeks.",
            do_no_harm="Do not name undocumented tenants in any document shared with the city.",
            resources="Two staff at 20 %, 30 volunteers, 4,000 CHF; director signs.",
            risks=(
                Risk("City hall sees us as taking sides", "medium", "high", "Brief all", "Dir"),
                Risk("Budget cut", None, "high"),
            ),
            calendar=(
                CalendarEvent(dt.date(2026, 4, 20), "City budget vote"),
                CalendarEvent(dt.date(2026, 9, 1), "Municipal election"),
            ),
            indicators=(
                Indicator("Cooling centres open at 35 °C", "0", "6", dt.date(2026, 7, 1)),
                Indicator("Tenants reached", "none recorded", "2,000"),
            ),
            version="1.2",
            approver="Branch director",
            distribution=("Branch board", "National Society HQ, 'HD unit'; legal"),
            review_date=dt.date(2026, 9, 30),
        )
    )
    smap.categories["tenants"] = Category("tenants", "Tenants' association", "#112233", "star")
    smap.categories["municipal"] = Category("municipal", "City hall", "#0072B2", "square")
    smap.kinds["advice"] = RelationshipKind(
        "advice", "Gives advice", directed=True, colour="#AA0000", style="dot"
    )
    smap.stakeholders["mayor"] = Stakeholder(
        id="mayor",
        label="Mayor of Marenza",
        category="municipal",
        organisation="City hall",
        role="Mayor",
        level="city",
        power=5,
        influence=12,
        votes=7,
        interest=3,
        position=1,
        trust=-1,
        focal_point="Branch director",
        principles=(1, 11),
        tags=("decision-maker", "elected", "budget, planning"),
        notes='Line one\nline two with "quotes", commas; and =SUM(A1)',
        sensitivity="confidential",
        review_date=dt.date(2026, 6, 30),
        source="Workshop 2026-02",
        informed=True,
        person="Ana Pérez",
        contact="ana@example.org",
        engagement=Engagement(
            objective="Sign the shelter MoU",
            ask="Open two schools as cooling centres",
            due_date=dt.date(2026, 5, 1),
            stage="neutral",
            mou_status="drafting",
            risks="Election in autumn",
        ),
        log=(
            LogEntry(dt.date(2026, 2, 10), "meeting", "First visit", "Positive", "Send draft"),
            LogEntry(dt.date(2026, 2, 20), "letter", "Draft MoU sent"),
        ),
        attributes={"district": "Centre", "power": "custom value"},
    )
    smap.stakeholders["tsg"] = Stakeholder(
        id="tsg",
        label="Союз жильцов",
        category="tenants",
        level="community",
        power=2,
        interest=5,
        position=2,
        trust=2,
        informed=False,
        attributes={"district": "Rive gauche"},
    )
    smap.stakeholders["branch"] = Stakeholder("branch", "Red Crescent branch", "redcross")
    smap.stakeholders["imam"] = Stakeholder(
        "imam", "Imam of the central mosque", "faith", sensitivity="public", tags=("faith",)
    )
    smap.relationships["r1"] = Relationship("r1", "branch", "imam", strength=4)
    smap.relationships["r2"] = Relationship(
        "r2", "imam", "mayor", "advice", 5, notes="Weekly", confidence="assumed"
    )
    smap.relationships["r3"] = Relationship(
        "r3", "tsg", "mayor", "conflict", 2, valence="negative", directed=False
    )
    smap.relationships["r4"] = Relationship(
        "r4", "branch", "tsg", "collaboration", 3, directed=False
    )
    smap.positions.update({"mayor": (120.5, -40.25), "tsg": (0.0, 0.0), "branch": (-80.0, 33.3)})
    smap.pinned.add("mayor")
    smap.plan_settings = {"level": "partner", "sections": [1, 2, 3]}
    smap.sharing = {"stakeholder/mayor/next_action": "partner", "map/purpose": "public"}
    return smap


@pytest.fixture
def rich_map() -> StakeholderMap:
    """A fresh copy of the map that uses every field."""
    return make_rich_map()


def grouped_map(
    groups: int,
    size: int,
    ties_ahead: int,
    seed: int,
    place: Callable[[random.Random, int], tuple[float, float]],
) -> StakeholderMap:
    """``groups`` groups of ``size`` stakeholders, each tied (strength 5) to the next
    ``ties_ahead`` of its group, one weak tie between neighbouring groups; ``place`` gives
    a stakeholder's position from the seeded random source and its group."""
    rng = random.Random(seed)
    smap = StakeholderMap(MapInfo(title="Large", city="Large", branch="Stakeholder 0"))
    for i in range(groups * size):
        smap.stakeholders[f"s{i}"] = Stakeholder(
            f"s{i}", f"Stakeholder {i}", "redcross" if i == 0 else "ngo", power=3, interest=3
        )
        smap.positions[f"s{i}"] = place(rng, i // size)
    count = 0
    for group in range(groups):
        members = [f"s{i}" for i in range(group * size, (group + 1) * size)]
        for k, a in enumerate(members):
            for b in members[k + 1 : k + 1 + ties_ahead]:
                smap.relationships[f"r{count}"] = Relationship(f"r{count}", a, b, strength=5)
                count += 1
        if group:
            smap.relationships[f"r{count}"] = Relationship(
                f"r{count}", members[0], f"s{(group - 1) * size}", strength=1
            )
            count += 1
    return smap
