"""The plan's own sections: each printed with its data, absent without, and their free
text kept to the Full version."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from stakeholder_mapper.core.model import Engagement, LogEntry, MapInfo, Stakeholder
from stakeholder_mapper.io.plan import SECTIONS, PlanOptions, write_plan
from stakeholder_mapper.io.plan.plan_content import FIELDS, MISSING, missing_sections
from stakeholder_mapper.io.plan.sections.red_lines import QUESTIONS

from .conftest import make_rich_map

DATE = dt.date(2026, 3, 10)


def _doc(smap, tmp_path: Path, level: str = "full", **options):
    options.setdefault("date", DATE)
    path = write_plan(smap, tmp_path / f"{level}.docx", PlanOptions(level=level, dpi=60, **options))
    return Document(str(path))


def _headings(doc, level: int = 1) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def _text(doc) -> str:
    return "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    )


def _table(doc, first_header: str) -> list[list[str]]:
    for table in doc.tables:
        rows = [[c.text for c in row.cells] for row in table.rows]
        if rows and rows[0][0] == first_header:
            return rows
    raise AssertionError(f"no table headed {first_header!r}")


@pytest.fixture
def rich(tmp_path):
    smap = make_rich_map()
    smap.stakeholders["mayor"] = dataclasses.replace(
        smap.stakeholders["mayor"],
        log=(
            LogEntry(dt.date(2026, 1, 12), "meeting", "First briefing", "Open to an MoU"),
            LogEntry(dt.date(2026, 2, 3), "letter", "Draft MoU sent", ""),
        ),
        engagement=Engagement(next_action="Send the annex", due_date=dt.date(2026, 4, 1)),
    )
    return smap


def test_every_own_section_is_printed_with_its_data(rich, tmp_path):
    doc = _doc(rich, tmp_path)
    headings = _headings(doc)
    for section in FIELDS:
        assert SECTIONS[section] in headings, section
    text = _text(doc)
    info = rich.info
    for written in (info.problem, info.ask, info.evidence, info.red_lines, info.movement):
        assert written in text
    for written in (info.community, info.do_no_harm, info.resources):
        assert written in text
    assert "This plan is approved by Branch director before it is acted on or shared." in text
    assert all(question in text for question in QUESTIONS)
    # Mayor trust -1, tenants' group +2, imam unrated; our branch is no target.
    assert (
        "Trust in the National Society among the 2 stakeholders rated for it: 1 with trust, "
        "1 with distrust." in text
    )
    control = dict(_table(doc, "Version"))
    assert control["Version"] == "1.2"
    assert control["Approved by"] == "Branch director"
    assert control["Next review"] == "30 September 2026"
    assert control["Distribution"] == "Branch board\nNational Society HQ, 'HD unit'; legal"


def test_risk_register_orders_the_worst_first_and_says_what_is_missing(rich, tmp_path):
    rows = _table(_doc(rich, tmp_path), "Risk")
    assert rows[0] == ["Risk", "Likelihood", "Impact", "Mitigation", "Owner"]
    assert rows[1] == ["City hall sees us as taking sides", "medium", "high", "Brief all", "Dir"]
    assert rows[2] == ["Budget cut", "not rated", "high", "none recorded", "none yet"]


def test_timeline_counts_the_actions_due_before_each_date(rich, tmp_path):
    rows = _table(_doc(rich, tmp_path), "Date")
    assert rows[1:] == [
        ["20 April 2026", "City budget vote", "1 action"],
        ["1 September 2026", "Municipal election", "none"],
    ]
    later = _table(_doc(rich, tmp_path, date=dt.date(2026, 5, 1)), "Date")
    assert later[1][0] == "20 April 2026 (past)"


def test_indicators_and_history(rich, tmp_path):
    doc = _doc(rich, tmp_path)
    assert _table(doc, "Indicator")[1:] == [
        ["Cooling centres open at 35 °C", "0", "6", "1 July 2026"],
        ["Tenants reached", "none recorded", "2,000", "not set"],
    ]
    text = _text(doc)
    assert (
        "The log records 2 interactions with 1 stakeholder between 12 January 2026 and "
        "3 February 2026: 1 meeting and 1 letter." in text
    )
    rows = [r for t in doc.tables for r in ([c.text for c in row.cells] for row in t.rows)]
    assert ["3 February 2026", "Mayor of Marenza", "letter", "Draft MoU sent", ""] in rows


def test_without_data_no_own_section_is_printed(tmp_path):
    smap = make_rich_map()
    smap.info = MapInfo(title="Bare", branch="branch")
    smap.stakeholders = {
        sid: dataclasses.replace(s, log=()) for sid, s in smap.stakeholders.items()
    }
    doc = _doc(smap, tmp_path)
    headings = _headings(doc)
    assert not [SECTIONS[s] for s in FIELDS if SECTIONS[s] in headings]
    assert "Acceptance and neutrality check" not in _text(doc)


@pytest.mark.parametrize("level", ["partner", "public"])
def test_free_text_stays_in_the_full_version(rich, tmp_path, level):
    doc = _doc(rich, tmp_path, level=level)
    text = _text(doc)
    info = rich.info
    secrets = [
        info.problem,
        info.ask,
        info.red_lines,
        info.movement,
        info.do_no_harm,
        info.approver,
        *info.distribution,
        *(r.description for r in info.risks),
        *(r.owner for r in info.risks),
        *(e.what for e in info.calendar),
        *(i.name for i in info.indicators),
        "First briefing",
        "Open to an MoU",
    ]
    assert [s for s in secrets if s and s in text] == []
    assert _headings(doc).count(SECTIONS["control"]) == 1
    control = dict(_table(doc, "Version"))
    assert set(control) == {"Version", "Next review", "Generated"}


def test_the_dialog_names_the_sections_without_data(rich):
    rich.info = dataclasses.replace(rich.info, problem="", ask="", evidence="", indicators=())
    rich.stakeholders = {
        sid: dataclasses.replace(s, log=()) for sid, s in rich.stakeholders.items()
    }
    missing = missing_sections(rich, tuple(SECTIONS))
    assert missing == [
        f"“{SECTIONS['problem']}”",
        f"“{SECTIONS['indicators']}”",
        "the engagement history (log meetings, letters and calls on each stakeholder)",
    ]
    assert missing_sections(rich, ("summary", "register")) == []
    assert "{sections}" in MISSING


def test_the_public_version_names_our_branch_on_the_cover_and_in_the_summary(rich, tmp_path):
    rich.stakeholders["branch"] = Stakeholder("branch", "Marenza Red Crescent branch", "redcross")
    doc = _doc(rich, tmp_path, level="public", sections=("cover", "summary"))
    cover = dict((row.cells[0].text, row.cells[1].text) for row in doc.tables[0].rows)
    assert cover["Branch"] == "Marenza Red Crescent branch"
    assert "This plan sets out how the Marenza Red Crescent branch will engage" in _text(doc)


def test_classification_raises_the_full_plans_marking_never_lowers_it(rich, tmp_path):
    def banner(smap) -> str:
        doc = _doc(smap, tmp_path, sections=("cover",))
        return doc.sections[0].header.paragraphs[-1].text.split("   ")[0]

    rich.stakeholders = {
        sid: dataclasses.replace(s, sensitivity="internal") for sid, s in rich.stakeholders.items()
    }
    rich.info = dataclasses.replace(rich.info, classification=None)
    assert banner(rich).startswith("INTERNAL")
    rich.info = dataclasses.replace(rich.info, classification="confidential")
    assert banner(rich).startswith("CONFIDENTIAL")
    rich.info = dataclasses.replace(rich.info, classification="internal")
    mayor = rich.stakeholders["mayor"]
    rich.stakeholders["mayor"] = dataclasses.replace(mayor, sensitivity="confidential")
    assert banner(rich).startswith("CONFIDENTIAL")


def test_a_stakeholder_marked_as_branch_reaches_the_cover(rich, tmp_path):
    rich.stakeholders["branch"] = Stakeholder("branch", "Marenza Red Crescent branch", "redcross")
    doc = _doc(rich, tmp_path, sections=("cover", "summary"))
    cover = dict((row.cells[0].text, row.cells[1].text) for row in doc.tables[0].rows)
    assert cover["Branch"] == "Marenza Red Crescent branch"
    rich.info = dataclasses.replace(rich.info, branch="")
    doc = _doc(rich, tmp_path, sections=("cover", "summary"))
    cover = dict((row.cells[0].text, row.cells[1].text) for row in doc.tables[0].rows)
    assert cover["Branch"] == "not named"
