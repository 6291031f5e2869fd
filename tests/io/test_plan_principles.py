"""The Principles of Action in the plan: titles, never placeholders; who serves each."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from stakeholder_mapper.core.model import Engagement, Stakeholder, StakeholderMap
from stakeholder_mapper.io.plan import PlanOptions, write_plan
from stakeholder_mapper.io.plan.principles import PRINCIPLES, coverage, principle_title
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP

#: A label standing for a principle instead of naming it: must never be printed.
PLACEHOLDER = re.compile(r"Principle of Action \d+|Principle \d+:?\s*$")


def _city() -> StakeholderMap:
    smap = StakeholderMap()
    for s in (
        # Our branch serves many principles but is no stakeholder to engage: not counted.
        Stakeholder("branch", "Our branch", "redcross", principles=(1, 2, 4, 5)),
        Stakeholder(
            "mayor",
            "Mayor",
            "municipal",
            principles=(1, 11),
            engagement=Engagement(next_action="Send the draft MoU."),
        ),
        Stakeholder("imam", "Imam", "faith", principles=(1, 3)),
        Stakeholder(
            "youth",
            "Youth network",
            "youth",
            principles=(12,),
            engagement=Engagement(next_action="Plan the drain clean-up."),
        ),
        Stakeholder("bank", "Bank", "financial"),
    ):
        smap.stakeholders[s.id] = s
    smap.info = type(smap.info)(branch="Our branch", city="Marenza")
    return smap


def _text(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        xml = docx.read("word/document.xml").decode()
    return "\n".join(re.sub(r"<[^>]+>", "", p) for p in xml.split("</w:p>"))


def test_twelve_principles_with_titles_and_no_placeholder() -> None:
    assert sorted(PRINCIPLES) == list(range(1, 13))
    for number, title in PRINCIPLES.items():
        assert not PLACEHOLDER.search(title) and str(number) not in title
    assert principle_title(11) == "11. Use and expand humanitarian diplomacy for transformation"


def test_coverage_counts_stakeholders_and_next_actions_per_principle() -> None:
    smap = _city()
    found = {
        c.number: (c.stakeholders, c.actions)
        for c in coverage(smap, ["mayor", "imam", "youth", "bank"])
    }
    assert found[1] == (("mayor", "imam"), 1)
    assert found[3] == (("imam",), 0)
    assert found[11] == (("mayor",), 1)
    assert found[12] == (("youth",), 1)
    assert [n for n, (ids, _) in found.items() if not ids] == [2, 4, 5, 6, 7, 8, 9, 10]


def test_the_context_section_tables_every_principle_and_flags_those_nobody_serves(
    tmp_path: Path,
) -> None:
    path = write_plan(_city(), tmp_path / "plan.docx", PlanOptions(sections=("context",), dpi=40))
    doc = Document(str(path))
    (table,) = doc.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == [
        "Principle of Action",
        "Stakeholders who serve it",
        "Count",
        "Actions",
    ]
    by_number = {int(r[0].split(".")[0]): r[1:] for r in rows[1:]}
    assert len(by_number) == 12
    # Named in priority order: neither is rated, so by name.
    assert by_number[1] == ["Imam, Mayor", "2", "1"]
    assert by_number[3] == ["Imam", "1", "0"]
    assert by_number[11] == ["Mayor", "1", "1"]
    assert by_number[12] == ["Youth network", "1", "1"]
    assert by_number[2] == ["Nobody yet", "0", "0"]
    text = "\n".join(p.text for p in doc.paragraphs)
    unserved = "; ".join(principle_title(n) for n in (2, 4, 5, 6, 7, 8, 9, 10))
    assert f"No mapped stakeholder serves 8 principles yet: {unserved}." in text


@pytest.mark.parametrize("level", ["full", "partner", "public"])
def test_no_placeholder_is_ever_printed_and_sheets_name_principles(
    tmp_path: Path, level: str
) -> None:
    sample = load_map(SAMPLE_MAP)
    path = write_plan(
        sample, tmp_path / f"{level}.docx", PlanOptions(level=level, dpi=40, sheets_for="all")
    )
    text = _text(path)
    assert not [line for line in text.splitlines() if PLACEHOLDER.search(line)]
    if level != "public":
        # The Imam serves principles 1, 3 and 4: its sheet names them.
        assert principle_title(3) in text and principle_title(4) in text
