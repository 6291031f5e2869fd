"""Wording a new user's trial of the plan found wrong: the cover's edition, the broker
table's pairs, a direct route in the summary, a route's tie concerns, the Public
version's largest groups."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

from stakeholder_mapper.analysis.routes import Route, confidence
from stakeholder_mapper.core.model import MapInfo, Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.io.plan import PlanOptions, write_plan
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP


def _doc(smap: StakeholderMap, path: Path, level: str) -> Document:
    return Document(str(write_plan(smap, path, PlanOptions(level=level, dpi=40))))


def _rows(doc: Document) -> list[list[str]]:
    return [[c.text for c in row.cells] for t in doc.tables for row in t.rows]


def _small_map() -> StakeholderMap:
    """Our branch tied directly to a mayor; five NGOs, four media, one academic."""
    smap = StakeholderMap(MapInfo(branch="b", city="Marenza"))
    smap.stakeholders["b"] = Stakeholder("b", "Branch", "redcross")
    smap.stakeholders["mayor"] = Stakeholder(
        "mayor", "Mayor", "municipal", power=5, interest=5, trust=2, position=2
    )
    people = [("ngo", 5), ("media", 4), ("academia", 1)]
    for category, n in people:
        for i in range(n):
            sid = f"{category}{i}"
            smap.stakeholders[sid] = Stakeholder(sid, sid.title(), category, power=2, interest=4)
            smap.relationships[f"r{sid}"] = Relationship(f"r{sid}", "mayor", sid, strength=4)
    smap.relationships["rb"] = Relationship("rb", "b", "mayor", strength=5)
    return smap


def test_the_cover_names_the_edition_not_a_second_version(tmp_path: Path) -> None:
    rows = _rows(_doc(_small_map(), tmp_path / "p.docx", "public"))
    assert ["Edition", "Public version"] in rows
    assert ["Version", "Public version"] not in rows


def test_public_largest_groups_are_named_only_from_three_members(tmp_path: Path) -> None:
    doc = _doc(_small_map(), tmp_path / "p.docx", "public")
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "the largest groups are Civil society / NGO, Media." in text
    assert "Academia" not in text.split("the largest groups are")[1].split("\n")[0]


def test_a_direct_route_reads_as_our_own_tie(tmp_path: Path) -> None:
    text = "\n".join(p.text for p in _doc(_small_map(), tmp_path / "f.docx", "full").paragraphs)
    assert "Through: our branch's own tie, directly (the map's suggestion)." in text
    assert "Through: suggested:" not in text


def test_a_tie_that_is_both_assumed_and_weak_is_one_reason() -> None:
    smap = StakeholderMap(MapInfo(branch="b"))
    for sid in ("b", "h", "t"):
        smap.stakeholders[sid] = Stakeholder(
            sid, sid.upper(), "ngo", trust=2, position=2, focal_point="Officer"
        )
    smap.relationships["bh"] = Relationship("bh", "b", "h", strength=2, confidence="assumed")
    smap.relationships["ht"] = Relationship("ht", "h", "t", strength=5)
    found = confidence(smap, Route(("b", "h", "t"), 0, 0))
    assert found.level == "low"
    assert [r for r in found.reasons if "the tie from B to H" in r] == [
        "the tie from B to H is assumed, not confirmed, and weak (strength 2 of 5)"
    ]


def test_the_broker_table_says_what_its_pairs_count(tmp_path: Path) -> None:
    doc = _doc(load_map(SAMPLE_MAP), tmp_path / "f.docx", "full")
    table = next(
        t
        for t in doc.tables
        if t.rows[0].cells[0].text == "Stakeholder"
        and "Betweenness" in [c.text for c in t.rows[0].cells]
    )
    header = [c.text for c in table.rows[0].cells]
    assert "Pairs brokered, all roles" in header
    column = header.index("Pairs brokered, all roles")
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "the reading names its clearest role and that role's pairs only" in text
    checked = 0
    for row in table.rows[1:]:
        cells = [c.text for c in row.cells]
        if m := re.search(r"sits between (\d+) pairs", cells[-1]):
            # One role's pairs are part of all roles' pairs.
            assert int(m[1]) <= int(cells[column])
            checked += 1
    assert checked
