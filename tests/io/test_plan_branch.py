"""The plan's wording with and without a branch named on the map: never a guess."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from stakeholder_mapper.io.plan import PlanOptions, write_plan
from stakeholder_mapper.io.plan.context import NO_BRANCH
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP

#: What needs a branch: suggested messengers, routes, "go direct", the circled branch.
NEEDS_BRANCH = (
    "no messenger recorded or found",
    "go direct",
    "Our branch is circled",
    "suggested messenger",
    "Suggested first contact",
    "most trusted route:",
)


def _text(path: Path) -> str:
    body = Document(str(path)).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


@pytest.mark.parametrize("level", ["full", "partner"])
def test_without_a_branch_the_plan_says_so_once_and_leaves_out_what_needs_it(tmp_path, level):
    smap = load_map(SAMPLE_MAP)
    smap.info = dataclasses.replace(smap.info, branch="")
    text = _text(write_plan(smap, tmp_path / "plan.docx", PlanOptions(level=level, dpi=60)))
    assert text.count(NO_BRANCH) == 1
    summary = text.index("This plan sets out how")
    assert summary < text.index(NO_BRANCH) < text.index("Key findings", summary), "at the top"
    assert [phrase for phrase in NEEDS_BRANCH if phrase in text] == []
    # HQ, the most powerful Red Crescent unit, is not taken for our branch: it is a target.
    shown = [
        s for s in smap.stakeholders.values() if level == "full" or s.sensitivity != "confidential"
    ]
    assert f"This plan sets out how the branch will engage the {len(shown)} stakeholders" in text


def test_with_a_branch_the_plan_routes_from_it(tmp_path):
    smap = load_map(SAMPLE_MAP)
    text = _text(write_plan(smap, tmp_path / "plan.docx", PlanOptions(dpi=60)))
    assert NO_BRANCH not in text
    assert "Our branch is circled" in text
    assert "suggested messenger" in text
    assert "how the Marenza Red Crescent branch will engage the 54 other stakeholders" in text
