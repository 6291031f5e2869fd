"""First priorities: what the map records as pressing before the merely powerful, each
with its ask, deadline, main risk and route confidence. Worked by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document

from stakeholder_mapper.core.model import Engagement, Stakeholder, StakeholderMap
from stakeholder_mapper.io.plan import SECTIONS, PlanOptions, write_plan
from stakeholder_mapper.io.plan.priorities import first_priorities, quadrant
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP

TODAY = dt.date(2026, 12, 4)


def _s(sid: str, power: int, interest: int, **fields) -> Stakeholder:
    return Stakeholder(sid, sid.title(), "ngo", power=power, interest=interest, **fields)


def test_pressing_before_powerful_and_never_first_for_power_alone() -> None:
    smap = StakeholderMap()
    for s in (
        # Manage closely, but opposed and confidential: power earns them nothing.
        _s("developer", 5, 5, position=-2, sensitivity="confidential"),
        _s("opposed", 5, 4, position=-1),
        # Manage closely: 2 points.
        _s("powerful", 5, 5, position=1),
        # Monitor, MoU being drafted: 4 points.
        _s("drafting", 2, 2, engagement=Engagement(mou_status="drafting")),
        # Keep informed, an action due yesterday: 3 points.
        _s(
            "overdue",
            2,
            4,
            engagement=Engagement(next_action="Call", due_date=TODAY - dt.timedelta(days=1)),
        ),
        # Keep satisfied (1) and an action due in ten days (1): 2 points.
        _s(
            "soon",
            4,
            2,
            engagement=Engagement(next_action="Meet", due_date=TODAY + dt.timedelta(days=10)),
        ),
        # Keep informed, nothing recorded: 0 points, never listed.
        _s("quiet", 1, 5),
    ):
        smap.stakeholders[s.id] = s
    # The plan's priority order: quadrant, then power and interest (as the priority table).
    ranked = ["developer", "powerful", "opposed", "soon", "overdue", "quiet", "drafting"]
    quadrants = {sid: quadrant(s) for sid, s in smap.stakeholders.items()}
    assert first_priorities(smap, ranked, quadrants, TODAY) == [
        ("drafting", ("drafting",)),
        ("overdue", ("overdue",)),
        ("powerful", ("Manage closely",)),
        ("soon", ("due soon", "Keep satisfied")),
    ]
    assert first_priorities(smap, ranked, quadrants, TODAY, limit=2) == [
        ("drafting", ("drafting",)),
        ("overdue", ("overdue",)),
    ]


def _first(path: Path) -> list[str]:
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    block = text.split("First priorities", 1)[1].split(SECTIONS["purpose"], 1)[0]
    return [line for line in block.splitlines() if " — " in line]


@pytest.fixture(scope="module")
def sample_plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("first")
    sample = load_map(SAMPLE_MAP)
    return {
        level: write_plan(
            sample,
            folder / f"{level}.docx",
            PlanOptions(level=level, dpi=40, date=TODAY, sections=("summary", "purpose")),
        )
        for level in ("full", "partner")
    }


def test_the_sample_puts_the_unit_co_drafting_the_mou_first(sample_plans) -> None:
    lines = _first(sample_plans["full"])
    # Points on 4 Dec 2026: the Disaster Risk Management Unit 4 (drafting) + 3 (overdue)
    # + 2 (manage closely) = 9; the chief of staff 4 + 3 + 1 (keep satisfied) = 8; the
    # mayor 4 + 1 (due 10 Dec) + 2 = 7 and the health department 2 (exploring) + 3 + 2 =
    # 7, the mayor first in priority order; MarTel 2 + 3 + 1 = 6 and the university 3
    # (renewal due) + 3 = 6, MarTel first. The developer, confidential and opposed,
    # earns only 1 (due 15 Dec) for all its power.
    assert [line.split(" — ")[0] for line in lines] == [
        "Municipal Disaster Risk Management Unit",
        "Mayor's chief of staff",
        "Mayor of Marenza",
        "City Health Department",
        "MarTel mobile network",
    ]
    dmu = lines[0]
    assert dmu.startswith(
        "Municipal Disaster Risk Management Unit — the MoU is being drafted with them; an "
        "action with them is overdue; high power and high interest. The ask: Champion the "
        "draft MoU with the mayor"
    )
    assert "Next action overdue since 28 Nov 2026." in dmu
    assert "Main risk: Head of unit may be rotated after the budget;" in dmu
    assert dmu.endswith("Route confidence: high.")
    mayor = lines[2]
    assert "Next action due 10 Dec 2026." in mayor


def test_partner_priorities_carry_no_ask_and_no_risk(sample_plans) -> None:
    lines = _first(sample_plans["partner"])
    assert lines and lines[0].startswith("Municipal Disaster Risk Management Unit — ")
    for line in lines:
        assert "The ask" not in line and "Main risk" not in line and "No ask" not in line
        assert "Azure Bay" not in line
