"""Build the default engagement plan template ``resources/templates/plan-template.docx``.

The template starts from python-docx's own default document and sets what a plan needs:
A4 pages with comfortable margins, a sober body font with a complex-script font for Arabic,
heading colours, a "Plan Table" table style whose header row is shaded, small table text,
a classification banner style and TOC entry styles. Run it again after changing a style::

    python scripts/make_plan_template.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "resources" / "templates" / "plan-template.docx"

BODY_FONT = "Calibri"
#: Used by Word for Arabic, Hebrew and other complex scripts.
COMPLEX_FONT = "Arial"
INK = RGBColor(0x1F, 0x2A, 0x36)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)

PLAN_TABLE = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="PlanTable">
  <w:name w:val="Plan Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="40"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="8497B0"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="8497B0"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="8497B0"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="8497B0"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFC9D6"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="BFC9D6"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F4E79"/></w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="firstCol">
    <w:rPr><w:b/><w:bCs/></w:rPr>
  </w:tblStylePr>
</w:style>
"""


#: Attributes naming a theme font; Word lets them override the font named beside them.
THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _name_fonts(rfonts) -> None:
    """Name the fonts outright (Calibri, Arial for complex scripts), never a theme font."""
    for attribute in THEME_FONT_ATTRIBUTES:
        rfonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        rfonts.set(qn(attribute), BODY_FONT)
    rfonts.set(qn("w:cs"), COMPLEX_FONT)


def _plain_fonts(doc) -> None:
    """Every style and the document defaults name Calibri and Arial rather than theme fonts.

    python-docx's default template points most styles at its theme (Cambria, and Times
    New Roman for Arabic). Word and LibreOffice both have Calibri (LibreOffice as its
    metric-compatible Carlito) and Arial (Liberation Sans), Arial with Arabic letters.
    """
    for rfonts in doc.styles.element.iter(qn("w:rFonts")):  # document defaults included
        if rfonts.get(qn("w:ascii")) == "Courier":
            continue
        _name_fonts(rfonts)


def _fonts(style, size: float | None = None, bold: bool | None = None, colour=None) -> None:
    font = style.font
    _name_fonts(style.element.get_or_add_rPr().get_or_add_rFonts())
    if size:
        font.size = Pt(size)
        size_cs = style.element.get_or_add_rPr().find(qn("w:szCs"))
        if size_cs is None:
            size_cs = parse_xml(f"<w:szCs {nsdecls('w')}/>")
            style.element.get_or_add_rPr().append(size_cs)
        size_cs.set(qn("w:val"), str(round(size * 2)))
    if bold is not None:
        font.bold = bold
    if colour is not None:
        font.color.rgb = colour


def build() -> None:
    """Write the template file."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(2.3), Cm(2.0)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)

    styles = doc.styles
    normal = styles["Normal"]
    _fonts(normal, 10.5, colour=INK)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.1

    for level, size, before in ((1, 16, 18), (2, 13, 12), (3, 11, 10)):
        style = styles[f"Heading {level}"]
        _fonts(style, size, bold=True, colour=ACCENT)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True

    title = styles["Title"]
    _fonts(title, 28, bold=True, colour=ACCENT)
    title.paragraph_format.space_after = Pt(6)
    # The default Title has a bottom border; keep the cover clean.
    p_pr = title.element.get_or_add_pPr()
    for border in p_pr.findall(qn("w:pBdr")):
        p_pr.remove(border)
    subtitle = styles["Subtitle"]
    _fonts(subtitle, 15, bold=False, colour=INK)
    subtitle.font.italic = False
    caption = styles["Caption"]
    _fonts(caption, 9, bold=False, colour=INK)
    caption.font.italic = True
    for name in ("Header", "Footer"):
        _fonts(styles[name], 8.5, colour=RGBColor(0x44, 0x54, 0x6A))
    for name in ("List Bullet", "List Number"):
        _fonts(styles[name], 10.5, colour=INK)

    table_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    _fonts(table_text, 9, colour=INK)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.space_before = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0

    banner = styles.add_style("Classification", WD_STYLE_TYPE.PARAGRAPH)
    banner.base_style = normal
    _fonts(banner, 11, bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF))
    # The shading goes in first: python-docx then puts spacing and alignment after it, in
    # the order the schema requires (Word refuses a file whose properties are out of order).
    banner.element.get_or_add_pPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="44546A"/>')
    )
    banner.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    banner.paragraph_format.space_before = Pt(4)
    banner.paragraph_format.space_after = Pt(4)

    for level in (1, 2):
        toc = styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = normal
        _fonts(toc, 10.5, colour=INK)
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        toc.paragraph_format.space_after = Pt(2)

    styles.element.append(parse_xml(PLAN_TABLE))
    _plain_fonts(doc)

    props = doc.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.title = "Engagement plan"
    props.subject = "Humanitarian diplomacy engagement plan"
    props.comments = ""
    props.keywords = ""
    props.revision = 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(OUT)


if __name__ == "__main__":
    build()
    print(f"Wrote {OUT}")
