"""The plan's fonts: ones Word and LibreOffice have, Arabic set; figures in the bundled fonts."""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree
from matplotlib import font_manager
from PIL import Image

from stakeholder_mapper.io.plan import figures, write_plan
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import FONT_FAMILIES, FONT_FILES, SAMPLE_MAP


def test_every_style_names_calibri_with_arial_for_arabic(tmp_path: Path) -> None:
    plan = write_plan(load_map(SAMPLE_MAP), tmp_path / "plan.docx")
    with zipfile.ZipFile(plan) as docx:
        styles = etree.fromstring(docx.read("word/styles.xml"))
    fonts = [element.attrib for element in styles.iter(qn("w:rFonts"))]
    text_fonts = [f for f in fonts if f.get(qn("w:ascii")) != "Courier"]
    assert text_fonts
    for attributes in text_fonts:
        # A theme attribute would win over the named font (Word picks the theme's).
        assert not any(name.endswith("Theme") or name.endswith("theme") for name in attributes)
        assert attributes[qn("w:ascii")] == attributes[qn("w:hAnsi")] == "Calibri"
        assert attributes[qn("w:cs")] == "Arial"
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:rFonts")).get(qn("w:cs")) == "Arial"


def test_the_bundled_fonts_are_shipped_with_their_licence() -> None:
    names = {path.name for path in FONT_FILES}
    assert {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabic-Regular.ttf"} <= names
    licence = (FONT_FILES[0].parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence
    assert FONT_FAMILIES == ("Noto Sans", "Noto Sans Arabic")


def test_figures_draw_in_the_bundled_font_without_font_warnings(
    caplog: pytest.LogCaptureFixture,
) -> None:
    smap = load_map(SAMPLE_MAP)
    numbers = {sid: i for i, sid in enumerate(smap.stakeholders, start=1)}
    with caplog.at_level(logging.WARNING, logger="matplotlib"):
        png = figures.network_png(smap, numbers, dpi=60)
        figures.power_interest_png(smap, numbers, dpi=60)
        found = font_manager.findfont(font_manager.FontProperties(family=figures.FONT))
    assert Image.open(io.BytesIO(png)).size == (594, 297)
    assert Path(found) in FONT_FILES
    # matplotlib says "findfont: Font family ... not found" through logging.
    assert [r.getMessage() for r in caplog.records] == []
