"""The plan's layout read back from the .docx XML: right-to-left text, column widths,
the running header, no near-empty pages, large maps' figures and alt text."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Emu

from stakeholder_mapper.core.model import (
    Engagement,
    MapInfo,
    Relationship,
    Stakeholder,
    StakeholderMap,
)
from stakeholder_mapper.io.plan import PlanOptions, write_plan
from stakeholder_mapper.io.plan.bidi import FSI, PDI
from stakeholder_mapper.io.plan.measure import longest_word_cm, text_cm
from stakeholder_mapper.io.plan.sections.figures import LARGE_MAP
from stakeholder_mapper.io.plan.writer import column_widths
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP

from .conftest import grouped_map

DPI = 40
HOSPITAL = "مستشفى المدينة العام"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def _plan(smap: StakeholderMap, folder: Path, name: str = "plan", **options) -> Document:
    options.setdefault("dpi", DPI)
    return Document(str(write_plan(smap, folder / f"{name}.docx", PlanOptions(**options))))


def _paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _arabic_map() -> StakeholderMap:
    smap = StakeholderMap(MapInfo(title="Marenza", city="Marenza", branch="Branch"))
    smap.stakeholders["b"] = Stakeholder("b", "Branch", "redcross", power=3, interest=5)
    smap.stakeholders["h"] = Stakeholder(
        "h",
        HOSPITAL,
        "emergency",
        power=5,
        interest=5,
        engagement=Engagement(
            objective="توقيع مذكرة تفاهم بشأن الإخلاء",
            next_action="Meet the director",
        ),
    )
    smap.stakeholders["m"] = Stakeholder("m", "Mayor", "municipal", power=5, interest=4)
    smap.relationships["r1"] = Relationship("r1", "b", "h", strength=4)
    smap.relationships["r2"] = Relationship("r2", "h", "m", strength=3)
    return smap


def test_arabic_runs_read_right_to_left_and_names_are_isolated(tmp_path: Path) -> None:
    doc = _plan(_arabic_map(), tmp_path)
    body = doc.element.body
    runs = [r for r in body.iter(qn("w:r")) if HOSPITAL in _paragraph_text(r)]
    assert runs and all(r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is not None for r in runs)
    latin = [r for r in body.iter(qn("w:r")) if "Meet the director" in _paragraph_text(r)]
    assert latin and all(r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is None for r in latin)
    # In an English sentence ("Name: objective" in the purpose section) the name is isolated.
    sentences = [
        _paragraph_text(p)
        for p in body.iter(qn("w:p"))
        if HOSPITAL in _paragraph_text(p) and "Mayor" in _paragraph_text(p)
    ]
    sentences += [
        _paragraph_text(p)
        for p in body.iter(qn("w:p"))
        if HOSPITAL in _paragraph_text(p) and "suggested" in _paragraph_text(p).casefold()
    ]
    assert sentences
    assert all(f"{FSI}{HOSPITAL}{PDI}" in text for text in sentences)
    # A paragraph that is all Arabic (the hospital's heading, its objective) reads from the right.
    bidi = [
        _paragraph_text(p)
        for p in body.iter(qn("w:p"))
        if p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None
    ]
    assert HOSPITAL in bidi
    assert not any("Meet the director" in text for text in bidi)


def test_no_column_narrower_than_its_longest_word(tmp_path: Path) -> None:
    smap = load_map(SAMPLE_MAP)
    smap.categories["emergency"] = dataclasses.replace(
        smap.categories["emergency"], name="Humanitarian coordination"
    )
    for level in ("full", "partner", "public"):
        doc = _plan(smap, tmp_path, level, level=level)
        page = Emu(doc.sections[0].page_width - doc.sections[0].left_margin).cm
        checked = 0
        for table in doc.tables:
            tbl = table._tbl
            widths = [int(c.get(qn("w:w"))) / 567 for c in tbl.tblGrid.findall(qn("w:gridCol"))]
            header = tbl.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
            for r, tr in enumerate(tbl.findall(qn("w:tr"))):
                for c, tc in enumerate(tr.findall(qn("w:tc"))):
                    bold = (header and r == 0) or tc.find(f".//{qn('w:b')}") is not None
                    longest = longest_word_cm(_paragraph_text(tc), 9, bold)
                    if longest < 0.4 * page:  # an e-mail address may still break
                        assert longest + 0.28 <= widths[c], (level, _paragraph_text(tc))
                        checked += 1
        assert checked > 100


def test_column_widths_give_the_longest_word_room_from_the_others() -> None:
    assert column_widths(10, [1, 3], [3.5, 1]) == pytest.approx([3.5, 6.5])
    assert column_widths(10, [1, 1], [1, 1]) == pytest.approx([5, 5])
    # More words than room: the minima share the width.
    assert column_widths(4, [1, 1], [3, 3]) == pytest.approx([2, 2])


def test_running_header_is_one_line_on_a_portrait_page(tmp_path: Path) -> None:
    smap = _arabic_map()
    long_title = "Stakeholders of the river delta's flood early warning and heat action " * 2
    smap.info = dataclasses.replace(smap.info, title=long_title.strip())
    for level in ("full", "partner", "public"):
        doc = _plan(smap, tmp_path, level, level=level, sections=("cover", "summary"))
        section = doc.sections[0]
        header = section.header.paragraphs[-1]
        room = Emu(section.page_width - section.left_margin - section.right_margin).cm
        bold = "".join(r.text for r in header.runs if r.bold)
        plain = "".join(r.text for r in header.runs if not r.bold)
        # Measured as LibreOffice's fallback for Calibri prints it (6 % wider).
        assert (text_cm(bold, 8.5, True) + text_cm(plain, 8.5)) * 1.07 < room
        assert plain.strip(" ·").startswith("Stakeholders of the river delta") and plain.endswith(
            "…"
        )


def _landscape_sections(doc) -> int:
    return sum(1 for s in doc.sections if s.orientation == WD_ORIENT.LANDSCAPE)


def _drawings(doc) -> list:
    return list(doc.element.body.iter(DOC_PR))


def test_a_small_map_gets_no_landscape_page_for_a_short_table(tmp_path: Path) -> None:
    smap = StakeholderMap(MapInfo(title="Two", branch="Branch"))
    smap.stakeholders["b"] = Stakeholder("b", "Branch", "redcross", power=3, interest=5)
    smap.stakeholders["m"] = Stakeholder(
        "m", "Mayor", "municipal", power=5, interest=5, engagement=Engagement(next_action="Call")
    )
    smap.relationships["r"] = Relationship("r", "b", "m", strength=3)
    doc = _plan(smap, tmp_path, sections=("summary", "priority", "brokerage", "actions"))
    assert _landscape_sections(doc) == 0
    # The network drawing alone takes a landscape page.
    doc = _plan(smap, tmp_path, "figures", sections=("summary", "figures", "priority"))
    assert _landscape_sections(doc) == 1


def test_an_empty_grid_or_network_is_left_out(tmp_path: Path) -> None:
    smap = StakeholderMap(MapInfo(title="Unrated"))
    smap.stakeholders["a"] = Stakeholder("a", "Association", "ngo")
    smap.stakeholders["c"] = Stakeholder("c", "Clinic", "emergency")
    smap.relationships["r"] = Relationship("r", "a", "c", strength=3)
    for level in ("full", "public"):
        doc = _plan(smap, tmp_path, level, level=level)
        text = "\n".join(p.text for p in doc.paragraphs)
        assert "the power–interest grid is left out" in text
        assert len(_drawings(doc)) == (1 if level == "full" else 0)  # the network only
    empty = _plan(StakeholderMap(MapInfo(title="Empty")), tmp_path, "empty")
    assert _drawings(empty) == []
    assert _landscape_sections(empty) == 0
    assert "no network to draw" in "\n".join(p.text for p in empty.paragraphs)


def _large_map(n: int) -> StakeholderMap:
    """Three groups of ``n // 3`` tied within, one tie between neighbouring groups."""
    return grouped_map(
        3,
        n // 3,
        ties_ahead=3,
        seed=3,
        place=lambda rng, _group: (rng.uniform(0, 2000), rng.uniform(0, 2000)),
    )


def test_a_large_map_gets_an_overview_and_one_drawing_per_coalition(tmp_path: Path) -> None:
    smap = _large_map(LARGE_MAP + 15)
    doc = _plan(smap, tmp_path, sections=("figures", "coalitions"))
    captions = [p.text for p in doc.paragraphs if p.text.startswith("Figure ")]
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Coalition")
    sizes = {row.cells[0].text: int(row.cells[1].text) for row in table.rows[1:]}
    assert f"in {len(sizes)} coalitions" in captions[0]
    drawn = [c.split("Coalition ")[1].split(":")[0] for c in captions if "Coalition " in c]
    assert drawn == [number for number, size in sizes.items() if size >= 2]
    assert len(_drawings(doc)) == 1 + len(drawn) + 1  # overview, coalitions, grid
    # Each coalition's drawing is described with its members' names.
    members = next(row.cells[3].text for row in table.rows[1:] if row.cells[0].text == drawn[0])
    description = _drawings(doc)[1].get("descr")
    assert members.split(", ")[0] in description
    # A small map keeps one drawing with names (and the grid).
    small = _plan(_large_map(30), tmp_path, "small", sections=("figures",))
    assert len(_drawings(small)) == 2


def test_every_figure_has_alt_text(tmp_path: Path) -> None:
    smap = load_map(SAMPLE_MAP)
    for level in ("full", "partner", "public"):
        doc = _plan(smap, tmp_path, level, level=level)
        drawings = _drawings(doc)
        assert drawings
        for drawing in drawings:
            assert len(drawing.get("descr", "")) > 40, drawing.get("descr")
    public = _plan(smap, tmp_path, "public", level="public")
    # The public version's description names no stakeholder and gives no count.
    (description,) = (d.get("descr") for d in _drawings(public))
    assert not any(ch.isdigit() for ch in description)


def test_a_short_table_is_kept_on_one_page(tmp_path: Path) -> None:
    doc = _plan(load_map(SAMPLE_MAP), tmp_path, level="partner")
    table = next(
        t for t in doc.tables if [c.text for c in t.rows[0].cells][:2] == ["Stakeholder", "Status"]
    )
    assert 2 < len(table.rows) <= 11
    kept = [
        all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in tr.iter(qn("w:p")))
        for tr in table._tbl.findall(qn("w:tr"))
    ]
    assert kept == [True] * (len(kept) - 1) + [False]


def test_the_data_protection_notice_moves_to_a_page_as_a_whole(tmp_path: Path) -> None:
    doc = _plan(load_map(SAMPLE_MAP), tmp_path, level="partner", sections=("annex",))
    texts = [p.text for p in doc.paragraphs]
    start = texts.index("Data protection")
    notice = [p for p in doc.paragraphs[start:] if p.text]
    assert len(notice) > 4
    assert all(p.paragraph_format.keep_with_next for p in notice[:-1])
    assert notice[-1].text.startswith("The document's properties carry no personal data")
