"""What Partner and Public plans say where they withhold something.

No shared version claims that something is missing when it was only withheld, no Partner
statement turns on the attitudes it hides, and the Public version neither quotes the
map's purpose unless marked public, nor tells its readers that the branch rates local
actors' attitudes and trust, nor prints a count that points at one or two actors.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from docx import Document

from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.core.sharing import category_key, info_key, kind_key, stakeholder_key
from stakeholder_mapper.io.plan import PlanOptions, write_plan
from stakeholder_mapper.io.plan.restricted import (
    NO_ROUTE_SHARED,
    NO_ROUTE_SHARED_CELL,
    PROGRESS_WITHHELD,
    PURPOSE_WITHHELD,
)
from stakeholder_mapper.io.project import load_map

SAMPLE = Path(__file__).parents[2] / "resources" / "samples" / "marenza.smap"
LEAKY = Path(__file__).parents[1] / "data" / "leaky_city.smap"
PURPOSE_TAIL = "who may oppose the MoU"


def _text(path: Path) -> str:
    doc = Document(str(path))
    lines = [p.text for p in doc.paragraphs]
    lines += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(lines)


def _plan_text(smap: StakeholderMap, folder: Path, level: str, sections=None) -> str:
    options = {"level": level, "dpi": 40}
    if sections:
        options["sections"] = sections
    path = folder / f"plan-{level}.docx"
    return _text(write_plan(smap, path, PlanOptions(**options)))


@pytest.fixture(scope="module")
def sample_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("plans")
    smap = load_map(SAMPLE)
    return {level: _plan_text(smap, folder, level) for level in ("full", "partner", "public")}


def test_the_purpose_is_shared_only_as_far_as_it_is_marked(tmp_path: Path) -> None:
    smap = load_map(SAMPLE)
    assert PURPOSE_TAIL in smap.info.purpose
    purpose_only = ("cover", "purpose")
    seen = {}
    for mark in ("withheld", "partner", "public"):
        smap.sharing[info_key("purpose")] = mark
        for level in ("partner", "public"):
            seen[mark, level] = _plan_text(smap, tmp_path, level, purpose_only)
    assert PURPOSE_TAIL in _plan_text(smap, tmp_path, "full", purpose_only)
    for (mark, level), text in seen.items():
        shown = mark == "public" or (mark == "partner" and level == "partner")
        assert (PURPOSE_TAIL in text) is shown, (mark, level)
        # Withheld, it says so, rather than "No purpose recorded yet".
        assert (PURPOSE_WITHHELD in text) is not shown, (mark, level)
        assert "No purpose recorded yet" not in text


def test_the_public_annex_does_not_tell_that_the_branch_rates_trust(
    sample_texts: dict[str, str],
) -> None:
    public = sample_texts["public"]
    for phrase in ("trust in our National Society", "trust scores", "attitudes", "distrust"):
        assert phrase not in public, phrase
    assert "trust in our National Society" in sample_texts["full"]
    assert "Power, interest and relationship strength are rated on 1–5" in public


def test_partner_says_what_it_withholds_rather_than_that_it_is_missing(
    sample_texts: dict[str, str],
) -> None:
    partner = sample_texts["partner"]
    for missing in ("No progress markers recorded yet.", "No actions recorded yet", "recorded yet"):
        assert missing not in partner, missing
    assert PROGRESS_WITHHELD in partner
    assert "no trusted route" not in partner.casefold()
    assert "no messenger recorded or found" not in partner
    assert NO_ROUTE_SHARED_CELL.capitalize() in partner
    # The sort rule it states is the one it follows: its map holds no positions.
    assert "those opposed to our objective" not in partner
    assert "Within each quadrant: higher power first, then higher interest, then by name." in (
        partner
    )


def test_withheld_categories_and_kinds_get_neutral_names_unless_marked(tmp_path: Path) -> None:
    smap = load_map(LEAKY)
    partner = _plan_text(smap, tmp_path, "partner")
    assert "\nGroup A\n" in partner and "Orsan family network" not in partner
    smap.sharing[category_key("orsanfamily")] = "partner"
    smap.sharing[kind_key("haddadties")] = "partner"
    partner = _plan_text(smap, tmp_path, "partner")
    assert "\nOrsan family network\n" in partner and "\nGroup A\n" not in partner
    # Marked for partners only: the Public version still calls it by a neutral name.
    assert "Orsan family network" not in _plan_text(smap, tmp_path, "public")


def test_public_counts_of_one_or_two_are_suppressed_and_said_so(tmp_path: Path) -> None:
    # A small map: most counts are 1 or 2, each of which would point at an actor.
    public = _plan_text(load_map(LEAKY), tmp_path, "public")
    assert re.findall(r"(?<![\d.,])[12] (?:other )?stakeholders?\b", public) == []
    assert "One stakeholder" not in public
    assert re.findall(r"\([12]\)", public) == []  # "Media (1)" in a list of categories
    assert "fewer than 3" in public
    assert public.count("Counts of 1 or 2 are shown as “fewer than 3”") >= 2


def test_partner_text_is_the_same_whatever_the_positions_and_trust(tmp_path: Path) -> None:
    before = load_map(SAMPLE)
    after = load_map(SAMPLE)
    # Everyone but our branch turns hostile and distrustful: every route the internal
    # version suggests changes, and no go-between may carry our message any more.
    after.stakeholders = {
        sid: s if sid == "branch" else dataclasses.replace(s, position=-2, trust=-2)
        for sid, s in after.stakeholders.items()
    }
    texts = {}
    for name, smap in (("before", before), ("after", after)):
        (tmp_path / name).mkdir()
        for level in ("full", "partner"):
            texts[name, level] = _plan_text(smap, tmp_path / name, level)
    assert texts["before", "partner"] == texts["after", "partner"]
    assert texts["before", "full"] != texts["after", "full"]
    assert "on the most trusted route:" in texts["before", "full"]
    assert "on the most trusted route:" not in texts["before", "partner"]
    assert "Route confidence" not in texts["before", "partner"]
    assert NO_ROUTE_SHARED in texts["before", "partner"]
    # The table of stakeholders still to plan suggests no one either.
    assert "\nFirst contact\n" in texts["before", "partner"]
    assert "suggested messenger" not in texts["before", "partner"]


def test_partner_names_a_recorded_messenger_only_when_marked(tmp_path: Path) -> None:
    smap = load_map(SAMPLE)
    recorded = smap.stakeholders["mayor"].engagement.messenger
    assert recorded
    assert recorded not in _plan_text(smap, tmp_path, "partner")
    smap.sharing[stakeholder_key("mayor", "messenger")] = "partner"
    partner = _plan_text(smap, tmp_path, "partner")
    # As every shared text, cleaned of personal names first.
    assert recorded.startswith("Branch director with ")
    assert "[erased] with the head of the Disaster Risk Management Unit (recorded on the map)" in (
        partner
    )
    # Marked for partners only: the Public version never names it.
    assert recorded not in _plan_text(smap, tmp_path, "public")
