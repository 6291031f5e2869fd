"""Key findings in the plan: ranked and capped, the rest in the annex; routes too long
to be practical are not suggested. Worked by hand."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from docx import Document

from stakeholder_mapper.analysis.readings import BROKER_ROLES
from stakeholder_mapper.core.model import MapInfo, Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.io.plan import PlanOptions, write_plan
from stakeholder_mapper.io.plan.facts import gather
from stakeholder_mapper.io.plan.glossary import glossary_rows
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP


def _opponents(n: int) -> StakeholderMap:
    # Our branch tied to n powerful stakeholders who distrust us: n "powerful" findings,
    # of weight 60 + 5 x power + 5 x 2; the most powerful rank first.
    smap = StakeholderMap(MapInfo(branch="Branch", city="Marenza"))
    smap.stakeholders["b"] = Stakeholder("b", "Branch", "redcross", power=3, interest=5)
    for i in range(n):
        sid = f"o{i:02d}"
        smap.stakeholders[sid] = Stakeholder(
            sid, f"Opponent {i:02d}", "private", power=5 if i < 2 else 4, interest=2, trust=-2
        )
        smap.relationships[f"r{i}"] = Relationship(f"r{i}", "b", sid, strength=3)
    return smap


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_the_summary_keeps_three_opponents_and_the_annex_the_rest(tmp_path: Path) -> None:
    smap = _opponents(40)
    path = write_plan(
        smap,
        tmp_path / "plan.docx",
        PlanOptions(dpi=40, date=dt.date(2026, 12, 4), sections=("summary", "annex")),
    )
    text = _paragraphs(path)
    key = text[text.index("Key findings") + 1 : text.index("First priorities")]
    # The branch is the only link of each of the 40 (100 % of the connections lost without
    # it: weight 40 + 100 = 140). The ties point out of the branch, so it lies on no route
    # between two others and is no broker. Then the three heaviest opponents: the two of
    # power 5 (60 + 25 + 10 = 95), then the first of power 4 (90); 37 are left over.
    assert key == [
        "Single point of failure: if Branch stepped back, 100% of the connections between "
        "the other stakeholders would be lost.",
        "Opponent 00 is powerful (power 5 of 5) but distrusts us strongly (trust -2).",
        "Opponent 01 is powerful (power 5 of 5) but distrusts us strongly (trust -2).",
        "Opponent 02 is powerful (power 4 of 5) but distrusts us strongly (trust -2).",
        "The 37 findings of lesser weight are listed in the annex, under “Further findings”.",
    ]
    further = text[text.index("Further findings") + 2 :]
    assert (
        further[0] == "Opponent 03 is powerful (power 4 of 5) but distrusts us strongly (trust -2)."
    )
    assert sum(1 for line in further if line.startswith("Opponent ")) == 37


def test_a_route_of_more_than_four_introductions_is_not_suggested() -> None:
    smap = StakeholderMap(MapInfo(branch="B"))
    chain = ["b", "h1", "h2", "h3", "h4", "h5", "t"]
    for sid in chain:
        smap.stakeholders[sid] = Stakeholder(
            sid, sid.upper(), "ngo", trust=2, position=2, focal_point="Officer"
        )
    for u, v in itertools.pairwise(chain):
        smap.relationships[f"{u}{v}"] = Relationship(f"{u}{v}", u, v, strength=5)
    facts = gather(smap, smap, "full")
    # t needs five introductions (h1 … h5); h5 needs four and is suggested through h1.
    assert facts.messengers["t"].route is None
    assert facts.messengers["t"].sentence == (
        "No practical route from our branch yet: the most trusted one needs 5 introductions "
        "(more than 4); build a relationship or find a connector."
    )
    assert facts.messengers["h5"].first_hop == "h1"


def test_the_annex_states_the_thresholds() -> None:
    full, partner = dict(glossary_rows("full")), dict(glossary_rows("partner"))
    assert full["Single point of failure"].endswith(
        "Only those whose loss is 5% or more are reported."
    )
    assert "at least 1 standard deviation above the map's mean" in full["Broker"]
    assert "z-score 1.96 or more, at least 2 brokered pairs" in full["Broker"]
    assert "The summary keeps at most 8" in full["Key findings"]
    assert "trust in us (unknown 30, neutral 20)" in full["Most trusted route"]
    # The partner version suggests no route, so it defines none, and names no attitude.
    assert "Route confidence" not in partner and "Most trusted route" not in partner
    attitudes = ("trust in us", "position on our objective", "opposes, distrusts")
    assert not any(a in meaning for meaning in partner.values() for a in attitudes)
    assert all(a in full["Most trusted route"] for a in attitudes)


def test_sample_brokers_wording_and_counts(tmp_path: Path) -> None:
    sample = load_map(SAMPLE_MAP)
    options = {"dpi": 40, "date": dt.date(2026, 12, 4)}
    full = Document(str(write_plan(sample, tmp_path / "full.docx", PlanOptions(**options))))
    (table,) = [
        t
        for t in full.tables
        if t.rows[0].cells[0].text == "Stakeholder"
        and "Betweenness" in [c.text for c in t.rows[0].cells]
    ]
    roles = [row.cells[2].text for row in table.rows[1:]]
    assert roles and set(roles) <= BROKER_ROLES and "Embedded" not in roles
    text = "\n".join(p.text for p in full.paragraphs)
    # 22 of the 55 count as brokers (was every stakeholder with betweenness above zero).
    assert "of the 22 stakeholders that broker between others" in text
    assert "Speaks for" not in text and "others actors" not in text
    public = write_plan(sample, tmp_path / "public.docx", PlanOptions(level="public", **options))
    public_text = "\n".join(p.text for p in Document(str(public)).paragraphs)
    # Named, never counted: a category's size would undo its small cells in the table.
    assert "the largest groups are Municipal authority, " in public_text
    assert "Municipal authority (8)" not in public_text


def test_a_plan_without_sheets_says_so_once(tmp_path: Path) -> None:
    smap = StakeholderMap(MapInfo(branch="Branch"))
    smap.stakeholders["b"] = Stakeholder("b", "Branch", "redcross")
    smap.stakeholders["m"] = Stakeholder("m", "Mayor", "municipal", power=1, interest=1)
    path = write_plan(smap, tmp_path / "p.docx", PlanOptions(dpi=40, sections=("sheets",)))
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "No stakeholder has engagement details recorded yet, so no sheet follows." in text
    assert "each of the 0" not in text
