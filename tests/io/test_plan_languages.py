"""The engagement plan in French, Spanish, Arabic and Russian: no English heading, table
header or sentence is left (beyond names and text from the map), at every export level; the
Arabic plan reads right to left with the map's English names isolated inside its sentences;
the Russian plan uses the resolution's terms; names in any script keep their place in a
sentence of any language; the figures are drawn in the plan's language, in worker processes
too; and the language of the plan does not touch the interface's."""

from __future__ import annotations

import dataclasses
import json
import re
import threading
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from docx import Document
from docx.oxml.ns import qn

from stakeholder_mapper.analysis.metrics import compute_metrics
from stakeholder_mapper.analysis.readings import stakeholder_readings
from stakeholder_mapper.cli import main
from stakeholder_mapper.core.i18n import FSI, PDI, _, language, speaking
from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.io.plan import PlanOptions, build_plan
from stakeholder_mapper.io.plan.drawing_jobs import DrawingJobs
from stakeholder_mapper.io.plan.facts import suggested_messengers
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
    """English texts the catalogue translates by the same word ("Version", "Total" in French,
    "actions" among the counted nouns)."""
    po = LOCALE_DIR / code / "LC_MESSAGES" / "stakeholder_mapper.po"
    with po.open("rb") as fh:
        messages = [m for m in read_po(fh) if m.id]
    same = {m.id for m in messages if isinstance(m.id, str) and m.id == m.string}
    for m in messages:
        if isinstance(m.id, tuple):
            same |= {form for form in m.id if form in m.string}
    return same


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


def _all_texts(doc) -> list[str]:
    """Every paragraph of the body, then every cell of every table, as a reader sees them."""
    texts = [p.text for p in doc.paragraphs]
    texts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return [t.strip() for t in texts]


def _english_words_left(text: str, removable: list[str]) -> list[str]:
    """The words of ``text`` that are neither the map's own text nor words the language
    spells as English does: what is left of an untranslated sentence."""
    for piece in removable:
        text = text.replace(piece, " ")
    return re.findall(r"[^\W\d_]{2,}", text)


def _removable(code: str) -> list[str]:
    """The map's texts (whole and line by line) and the catalogue's same-spelt words,
    longest first so that a name goes before a word inside it."""
    texts = _map_texts(json.loads(SAMPLE.read_text(encoding="utf-8")))
    texts |= {line.strip() for text in texts for line in text.splitlines()}
    pieces = {t for t in texts | _same_in(code) if len(t) >= 2}
    return sorted(pieces, key=len, reverse=True)


def _untranslated(english, translated, code: str) -> set[str]:
    """Paragraphs and cells that read the same as the English plan's and are not only text
    from the map."""
    en, xx = _all_texts(english), _all_texts(translated)
    assert len(xx) == len(en)  # the same plan, in another language
    removable = _removable(code)
    return {
        a
        for a, b in zip(en, xx, strict=True)
        if a == b and _english_words_left(a.replace(FSI, "").replace(PDI, ""), removable)
    }


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_english_sentence_is_left_in_the_full_plan(plans, code: str) -> None:
    assert _untranslated(plans["en"], plans[code], code) == set()


@pytest.fixture(scope="module")
def shared_plans(tmp_path_factory) -> dict[tuple[str, str], Document]:
    """The sample's Partner and Public plans in English, Arabic and Russian."""
    folder = tmp_path_factory.mktemp("shared")
    written = {}
    for level in ("partner", "public"):
        for code in ("en", "ar", "ru"):
            out = folder / f"plan-{level}-{code}.docx"
            args = ["plan", str(SAMPLE), "-o", str(out), "--language", code, "--level", level]
            assert main(args) == 0
            written[level, code] = Document(str(out))
    return written


@pytest.mark.parametrize("level", ["partner", "public"])
@pytest.mark.parametrize("code", ["ar", "ru"])
def test_no_english_sentence_is_left_in_the_shared_plans(shared_plans, level, code) -> None:
    english, translated = shared_plans[level, "en"], shared_plans[level, code]
    assert _untranslated(english, translated, code) == set()


def test_the_public_plan_counts_in_russian(shared_plans) -> None:
    text = "\n".join(_all_texts(shared_plans["public", "ru"]))
    assert "Сеть распадается на группы:" in text
    assert "Связаны с другой коалицией:" in text


def _paragraph(doc, *words: str):
    return next(p for p in doc.paragraphs if all(w in p.text for w in words))


def test_english_names_in_an_arabic_sentence_are_isolated_and_keep_it_right_to_left(plans):
    doc = plans["ar"]
    finding = _paragraph(doc, "Marenza Daily Echo", "ذو نفوذ كبير (النفوذ")
    assert f"{FSI}Marenza Daily Echo{PDI} ذو نفوذ كبير" in finding.text
    assert finding._p.pPr.find(qn("w:bidi")) is not None
    # The Arabic of the sentence is not isolated: only the name is.
    assert finding.text.count(FSI) == 1
    name_run = next(r for r in finding.runs if "Marenza" in r.text)
    assert name_run._r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is None


def test_the_users_english_notes_do_not_flip_an_arabic_paragraph(plans):
    doc = plans["ar"]
    note = _paragraph(doc, "Every spring the river floods")
    assert note._p.pPr is not None and note._p.pPr.find(qn("w:bidi")) is not None
    # The note keeps its own order, full stop at its end, in the right-to-left paragraph.
    assert note.text.startswith(f"{FSI}Every spring") and note.text.endswith(f".{PDI}")
    cell = next(
        c for t in doc.tables for row in t.rows for c in row.cells if "Limit damaging" in c.text
    )
    assert cell.text == f"{FSI}Limit damaging coverage of the MoU.{PDI}"
    route = next(
        c.text
        for t in doc.tables
        for row in t.rows
        for c in row.cells
        if "مقترح من الخريطة" in c.text and "←" in c.text
    )
    # Each name of a route is isolated, so the chain reads from the right in order.
    assert f"{FSI}Marenza Red Crescent branch{PDI} ← {FSI}" in route


def test_the_russian_plan_words_the_network_with_the_resolutions_terms(plans) -> None:
    text = "\n".join(_all_texts(plans["ru"]))
    assert "маршрутов наибольшего доверия" in text
    assert "Главные посредники:" in text
    assert "Marenza Daily Echo: большое влияние (4 из 5), но совсем не доверяет нам" in text
    assert "Надёжность этого маршрута: высокая" in text or "Надёжность этого маршрута:" in text
    assert "стейкхолдер" not in text.casefold()


def _arabic_go_between() -> StakeholderMap:
    """Our branch reaches the mayor through a go-between with an Arabic name."""
    smap = StakeholderMap()
    for sid, label, category in (
        ("branch", "Red Crescent branch", "redcross"),
        ("imam", "إمام الجامع الكبير", "faith"),
        ("mayor", "Mayor", "municipal"),
    ):
        smap.stakeholders[sid] = Stakeholder(sid, label, category, trust=2, position=2)
    smap.relationships["r1"] = Relationship("r1", "branch", "imam", strength=5)
    smap.relationships["r2"] = Relationship("r2", "imam", "mayor", strength=5)
    smap.info = dataclasses.replace(smap.info, branch="branch")
    return smap


@pytest.mark.parametrize(
    ("code", "through"),
    [("en", "on the most trusted route"), ("fr", "itinéraire de plus grande confiance")],
)
def test_a_name_in_another_script_keeps_its_place_in_a_route(code: str, through: str) -> None:
    smap = _arabic_go_between()
    with speaking(code):
        messenger = suggested_messengers(smap, "branch", ["mayor"])["mayor"]
    imam = f"{FSI}إمام الجامع الكبير{PDI}"
    assert messenger.sentence.startswith(f"{imam}, ")
    assert f"Red Crescent branch → {imam} → Mayor" in messenger.sentence
    assert through in messenger.sentence


def test_latin_names_in_an_arabic_reading_are_isolated() -> None:
    smap = _arabic_go_between()
    smap.relationships.pop("r2")
    with speaking("ar"):
        readings = stakeholder_readings(smap, compute_metrics(smap))
    assert readings["branch"].sentence == "متصل ببقية الخريطة عبر ⁨إمام الجامع الكبير⁩ فقط.".replace(
        "⁨", FSI
    ).replace("⁩", PDI)
    assert readings["mayor"].role == "Isolated"  # a key, translated where shown


def test_figures_drawn_in_workers_speak_the_plans_language() -> None:
    with speaking("fr"), DrawingJobs(many=True) as jobs:
        legend_title = jobs.submit(_, "Ties").result()
    assert legend_title == "Liens"
