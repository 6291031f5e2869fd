"""The engagement plan in French, Spanish, Arabic and Russian: no English heading or table
header is left, the Arabic plan reads right to left, the Russian plan uses the resolution's
terms, and the language of the plan does not touch the interface's."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from docx import Document
from docx.oxml.ns import qn

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.i18n import _, language
from stakeholder_mapper.io.plan import PlanOptions, build_plan
from stakeholder_mapper.paths import LOCALE_DIR

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "marenza.smap"
LANGUAGES = ("fr", "es", "ar", "ru")


def _map_texts(value: object) -> set[str]:
    """Every text the map holds (names, categories, notes): a plan may print them as
    they are in any language."""
    if isinstance(value, str):
        return {value.strip()}
    if isinstance(value, dict):
        return set().union(*(_map_texts(v) for v in value.values()), *map(_map_texts, value))
    if isinstance(value, list | tuple | set):
        return set().union(*(_map_texts(v) for v in value)) if value else set()
    return set()


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> dict[str, Document]:
    """The sample's full plan in English and in each other language, from the command line."""
    folder = tmp_path_factory.mktemp("plans")
    written = {}
    for code in ("en", *LANGUAGES):
        out = folder / f"plan-{code}.docx"
        assert main(["plan", str(SAMPLE), "-o", str(out), "--language", code]) == 0
        written[code] = Document(str(out))
    return written


def _headings_and_headers(doc) -> list[str]:
    """The plan's headings, then the first row and first column of every table."""
    texts = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    for table in doc.tables:
        texts += [cell.text for cell in table.rows[0].cells]
        texts += [row.cells[0].text for row in table.rows[1:]]
    return [t.strip() for t in texts]


def _same_in(code: str) -> set[str]:
    """English texts the catalogue translates by the same word ("Version", "Total" in French)."""
    po = LOCALE_DIR / code / "LC_MESSAGES" / "stakeholder_mapper.po"
    with po.open("rb") as fh:
        return {m.id for m in read_po(fh) if isinstance(m.id, str) and m.id == m.string}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_english_heading_or_table_header_is_left(plans, code: str) -> None:
    english = _headings_and_headers(plans["en"])
    translated = _headings_and_headers(plans[code])
    assert len(translated) == len(english)  # the same plan, in another language
    allowed = _map_texts(json.loads(SAMPLE.read_text(encoding="utf-8"))) | _same_in(code)
    left = {
        en
        for en, xx in zip(english, translated, strict=True)
        if en == xx and en not in allowed and any(c.isalpha() for c in en)
    }
    assert left == set()


def test_the_plan_speaks_its_language(plans) -> None:
    headings = {
        code: [p.text for p in plans[code].paragraphs if p.style.name == "Heading 1"]
        for code in plans
    }
    assert "Executive summary" in headings["en"]
    assert "Résumé analytique" in headings["fr"]
    assert "Resumen ejecutivo" in headings["es"]
    assert "الملخص التنفيذي" in headings["ar"]
    assert "Краткое изложение" in headings["ru"]


def test_the_arabic_plan_reads_right_to_left(plans) -> None:
    doc = plans["ar"]
    body = doc.element.body
    paragraphs = [p for p in body.iter(qn("w:p")) if "".join(p.itertext()).strip()]
    assert paragraphs
    assert all(p.pPr is not None and p.pPr.find(qn("w:bidi")) is not None for p in paragraphs)
    tables = list(body.iter(qn("w:tbl")))
    assert tables and all(t.tblPr.find(qn("w:bidiVisual")) is not None for t in tables)
    sections = list(body.iter(qn("w:sectPr")))
    assert sections and all(s.find(qn("w:bidi")) is not None for s in sections)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert (
        defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val"))
        == "ar-SA"
    )
    assert defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:bidi')}") is not None
    header = doc.sections[0].header.paragraphs
    assert any(
        p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in header if p.text
    )


@pytest.mark.parametrize(("code", "tag"), [("en", "en-GB"), ("fr", "fr-FR"), ("ru", "ru-RU")])
def test_left_to_right_plans_carry_their_language_and_no_bidi(plans, code: str, tag: str) -> None:
    doc = plans[code]
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert (
        defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == tag
    )
    assert not list(doc.element.body.iter(qn("w:bidiVisual")))
    assert not [
        s for s in doc.element.body.iter(qn("w:sectPr")) if s.find(qn("w:bidi")) is not None
    ]


def test_the_russian_plan_uses_the_resolutions_terms(plans) -> None:
    doc = plans["ru"]
    text = "\n".join(p.text for p in doc.paragraphs)
    text += "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    folded = text.casefold()
    assert "вспомогательная роль" in folded
    assert "национальное общество" in folded
    assert "жизнестойкости городских сообществ" in folded
    assert "гуманитарная дипломатия" in folded or "гуманитарную дипломатию" in folded
    assert "принципы деятельности" in folded
    assert "11. Использовать и расширять гуманитарную дипломатию для преобразований" in text
    assert "3. Возглавлять и осуществлять инклюзивное вовлечение" not in text  # shortened title
    assert "3. Возглавлять инклюзивное вовлечение городских заинтересованных сторон" in text
    assert "заинтересованная сторона" in folded
    assert "стейкхолдер" not in folded


def test_a_plan_in_arabic_leaves_the_interface_in_english(small_map) -> None:
    seen: dict[str, str] = {}

    def build() -> None:
        doc = build_plan(small_map, PlanOptions(language="ar", sections=("summary",), dpi=72))
        seen["heading"] = next(p.text for p in doc.paragraphs if p.style.name == "Heading 1")

    worker = threading.Thread(target=build)
    worker.start()
    during = _("Executive summary")
    worker.join()
    assert during == "Executive summary"
    assert seen["heading"] == "الملخص التنفيذي"
    assert language() == "en"
    assert _("Executive summary") == "Executive summary"


def _summary_opening(doc) -> str:
    """The paragraph after the second top heading (document control, then the summary)."""
    paragraphs = doc.paragraphs
    start = [i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1"][1]
    return paragraphs[start + 1].text


def test_the_summary_counts_in_each_languages_plural_forms(plans) -> None:
    # 54 other stakeholders, 181 relationships, 16 to manage closely in the sample.
    assert "54 other stakeholders mapped in Marenza, linked by 181 relationships" in (
        _summary_opening(plans["en"])
    )
    assert "с 54 другими заинтересованными сторонами" in _summary_opening(plans["ru"])
    assert "(181 связь)" in _summary_opening(plans["ru"])
    assert "les 54 autres parties prenantes cartographiées à Marenza" in _summary_opening(
        plans["fr"]
    )
    assert "Parmi elles, 16 ont un pouvoir et un intérêt élevés" in _summary_opening(plans["fr"])
    assert "54 صاحب مصلحة آخر" in _summary_opening(plans["ar"])
