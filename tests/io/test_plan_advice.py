"""The approach a plan suggests: quadrant × attitude, worked by hand for each rule."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from docx import Document

from stakeholder_mapper.core.model import (
    Engagement,
    MapInfo,
    Relationship,
    Stakeholder,
    StakeholderMap,
)
from stakeholder_mapper.core.sharing import stakeholder_key
from stakeholder_mapper.io.plan import PlanOptions, write_plan
from stakeholder_mapper.io.plan.advice import APPROACH, suggested_approach
from stakeholder_mapper.io.plan.priorities import QUADRANTS

#: Words that must never reach a hostile or wary stakeholder's approach, nor a partner.
CLOSE_WORDS = ("face to face", "consult", "meet them regularly", "meet regularly")

#: One stakeholder per attitude, as the rule reads it.
ATTITUDE_CASES = {
    "hostile, threats in the notes": Stakeholder(
        "a", "Association", "ngo", position=1, trust=1, notes="Threatened our volunteers."
    ),
    "hostile at -2": Stakeholder("b", "Association", "ngo", position=-2, trust=-2),
    "hostile, distrust -2 only": Stakeholder("c", "Daily Echo", "media", position=-1, trust=-2),
    "wary": Stakeholder("d", "Planning", "municipal", position=-1, trust=-1),
    "resistant stage": Stakeholder(
        "e", "Utility", "private", position=0, trust=0, engagement=Engagement(stage="resistant")
    ),
    "unknown": Stakeholder("f", "Bank", "financial"),
    "neutral": Stakeholder("g", "Mayor", "municipal", position=0, trust=0),
    "supportive": Stakeholder("h", "Unit", "municipal", position=2, trust=2),
}


def _with_stage(s: Stakeholder, stage: str) -> Stakeholder:
    return Stakeholder(
        s.id, s.label, s.category, position=s.position, trust=s.trust,
        engagement=Engagement(stage=stage),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("case", "quadrant", "expected"),
    [
        ("hostile, threats in the notes", "Manage closely", APPROACH["Manage closely"].hostile),
        ("hostile at -2", "Keep informed", APPROACH["Keep informed"].hostile),
        ("hostile, distrust -2 only", "Keep satisfied", APPROACH["Keep satisfied"].hostile),
        ("wary", "Manage closely", APPROACH["Manage closely"].wary),
        ("resistant stage", "Manage closely", APPROACH["Manage closely"].wary),
        ("unknown", "Keep satisfied", APPROACH["Keep satisfied"].unknown),
        ("neutral", "Manage closely", APPROACH["Manage closely"].neutral),
        ("supportive", "Monitor", APPROACH["Monitor"].supportive),
    ],
)
def test_full_approach_follows_quadrant_and_attitude(case, quadrant, expected) -> None:
    assert suggested_approach(ATTITUDE_CASES[case], quadrant, "full") == expected


def test_the_hostile_association_is_approached_indirectly_and_factually() -> None:
    association = ATTITUDE_CASES["hostile, threats in the notes"]
    text = suggested_approach(association, "Manage closely", "full")
    assert text.startswith("Do not approach them directly: factual briefings only, through ")
    assert "trusted intermediaries" in text


@pytest.mark.parametrize(
    ("case", "quadrant"),
    list(
        itertools.product(
            [c for c in ATTITUDE_CASES if c.startswith(("hostile", "wary", "resistant"))],
            QUADRANTS,
        )
    ),
)
def test_no_hostile_or_wary_stakeholder_is_met_face_to_face_or_consulted(case, quadrant) -> None:
    for level in ("full", "partner"):
        text = suggested_approach(ATTITUDE_CASES[case], quadrant, level).lower()
        assert not [w for w in CLOSE_WORDS if w in text], (level, text)
    full = suggested_approach(ATTITUDE_CASES[case], quadrant, "full").lower()
    assert "factual" in full


@pytest.mark.parametrize("quadrant", QUADRANTS)
def test_partner_wording_is_one_per_quadrant_and_reveals_no_attitude(quadrant) -> None:
    texts = {suggested_approach(s, quadrant, "partner") for s in ATTITUDE_CASES.values()}
    texts |= {
        suggested_approach(_with_stage(s, stage), quadrant, "partner")
        for s in ATTITUDE_CASES.values()
        for stage in ("champion", "unaware", "resistant")
    }
    assert texts == {APPROACH[quadrant].partner}
    assert not [w for w in CLOSE_WORDS if w in APPROACH[quadrant].partner.lower()]


def test_the_stage_adds_to_the_approach_of_allies_but_never_of_hostile_ones() -> None:
    supportive = _with_stage(ATTITUDE_CASES["supportive"], "champion")
    assert suggested_approach(supportive, "Manage closely", "full") == (
        "Maintain the relationship: honour what was agreed, keep them briefed and credit them "
        "publicly. Work with them closely: meet regularly, face to face, plan joint action "
        "and ask them to carry our messages to others."
    )
    unaware = _with_stage(ATTITUDE_CASES["neutral"], "unaware")
    assert suggested_approach(unaware, "Keep informed", "full").startswith(
        "First make them aware of the issue and of our role. Keep them informed:"
    )
    hostile = _with_stage(ATTITUDE_CASES["hostile at -2"], "champion")
    assert suggested_approach(hostile, "Manage closely", "full") == (
        APPROACH["Manage closely"].hostile
    )


def test_every_quadrant_has_a_row() -> None:
    assert set(APPROACH) == set(QUADRANTS)


def _approach_rows(path: Path) -> list[str]:
    doc = Document(str(path))
    return [
        row.cells[1].text
        for table in doc.tables
        for row in table.rows
        if row.cells[0].text == "Approach"
    ]


@pytest.mark.parametrize("level", ["full", "partner"])
def test_the_plan_never_tells_anyone_to_meet_the_threatening_association(
    tmp_path: Path, level: str
) -> None:
    smap = StakeholderMap(MapInfo(branch="Branch", city="Marenza"))
    smap.stakeholders["b"] = Stakeholder("b", "Branch", "redcross", power=3, interest=5)
    smap.stakeholders["a"] = Stakeholder(
        "a",
        "Riverside Traders Association",
        "civil",
        power=4,
        interest=4,
        position=-2,
        trust=-2,
        sensitivity="public",
        notes="Its members threatened our volunteers at the market in May.",
        engagement=Engagement(next_action="Prepare factual answers on the relocation."),
    )
    smap.relationships["r"] = Relationship("r", "b", "a", strength=2)
    # Shared with partners, so that the Partner version gives the association a sheet.
    smap.sharing[stakeholder_key("a", "next_action")] = "partner"
    path = write_plan(
        smap,
        tmp_path / f"{level}.docx",
        PlanOptions(level=level, dpi=40, sections=("sheets",), date=dt.date(2026, 12, 4)),
    )
    (approach,) = _approach_rows(path)
    for word in CLOSE_WORDS:
        assert word not in approach.lower()
    if level == "full":
        assert approach == (
            f"{APPROACH['Manage closely'].hostile} Suggested for its quadrant, attitude and "
            "stage, as none was recorded."
        )
    else:
        assert approach == f"{APPROACH['Manage closely'].partner} Suggested for its quadrant."
