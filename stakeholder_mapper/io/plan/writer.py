"""The plan's writer: headings, paragraphs, bullets, tables, figures and page setup on a
python-docx document, with the template's styles (or their fallbacks) looked up once.

It knows nothing of stakeholders: the section modules under :mod:`.sections` decide what
to say and call it to say it. No Qt.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from .word import (
    add_bookmark,
    add_contents_entry,
    add_field,
    add_table,
    landscape_section,
    pick_style,
    portrait_section,
    text_width,
)

__all__ = ["PlanWriter"]


class PlanWriter:
    """Writes into one document: keeps the styles found, the page orientation, the
    headings written (for the contents) and the figure count."""

    def __init__(self, doc: DocumentObject):
        self.doc = doc
        para = WD_STYLE_TYPE.PARAGRAPH
        self.table_style = pick_style(doc, ["Plan Table", "Table Grid"], WD_STYLE_TYPE.TABLE)
        self.cell_style = pick_style(doc, ["Table Text", "Normal"], para)
        self.bullet = pick_style(doc, ["List Bullet", "List Paragraph", "Normal"], para)
        self.caption = pick_style(doc, ["Caption", "Normal"], para)
        self.banner = pick_style(doc, ["Classification", "Intense Quote", "Normal"], para)
        self.title_style = pick_style(doc, ["Title", "Heading 1"], para)
        self.subtitle_style = pick_style(doc, ["Subtitle", "Heading 2", "Normal"], para)
        self.toc_styles = {
            1: pick_style(doc, ["TOC 1", "toc 1", "Normal"], para),
            2: pick_style(doc, ["TOC 2", "toc 2", "Normal"], para),
        }
        self.landscape = False
        self.toc_paragraph: Paragraph | None = None
        self.toc_depth = 2
        self.toc_tab = 0.0
        self.figure_number = 0
        self.headings: list[tuple[int, str]] = []
        self.style_ids: dict[str, str] = {}

    def heading(self, text: str, level: int = 1, new_page: bool = False) -> None:
        """A heading, bookmarked so that the contents can link to it and give its page."""
        paragraph = self.new_paragraph(f"Heading {level}")
        paragraph.add_run(text)
        paragraph.paragraph_format.page_break_before = new_page or None
        number = len(self.headings) + 1
        add_bookmark(paragraph, f"_Toc_plan_{number}", number)
        self.headings.append((level, text))

    def style_id(self, name: str) -> str:
        """The id of the style called ``name``, looked up once per name."""
        if name not in self.style_ids:
            self.style_ids[name] = self.doc.styles[name].style_id
        return self.style_ids[name]

    def new_paragraph(self, style: str | None = None) -> Paragraph:
        """An empty paragraph at the end of the body, in ``style``.

        python-docx resolves a style name on every paragraph it adds (about a millisecond
        each), which took a fifth of the time of a 300-stakeholder plan; the id is cached.
        """
        paragraph = self.doc.add_paragraph()
        if style is not None:
            paragraph._p.style = self.style_id(style)
        return paragraph

    def para(self, text: str = "", style: str | None = None, bold_lead: str = "") -> None:
        """A paragraph of ``text``, after ``bold_lead`` in bold when given."""
        p = self.new_paragraph(style)
        if bold_lead:
            p.add_run(bold_lead).bold = True
        if text:
            p.add_run(text)

    def blank(self) -> None:
        """An empty paragraph, as vertical space."""
        self.doc.add_paragraph()

    def bullets(self, items: Sequence[str]) -> None:
        """One bulleted paragraph per item."""
        for item in items:
            self.new_paragraph(self.bullet).add_run(item)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        weights: Sequence[float],
        header_row: bool = True,
        first_column: bool = False,
        keep_together: bool = False,
    ) -> None:
        """A table across the text width, its columns in proportion to ``weights``; the
        sentence before it stays on its page."""
        previous = self.last_paragraph()
        if previous is not None:
            # The sentence that introduces a table stays on the table's page.
            previous.paragraph_format.keep_with_next = True
        width = text_width(self.doc)
        total = sum(weights)
        widths = [width * w / total for w in weights]
        add_table(
            self.doc,
            header,
            rows,
            widths,
            self.table_style,
            self.cell_style,
            header_row=header_row,
            first_column=first_column,
            keep_together=keep_together,
        )
        if not keep_together:
            self.doc.add_paragraph()

    def figure(self, png: bytes, caption: str, width_fraction: float = 1.0) -> None:
        """A centred picture ``width_fraction`` of the text width, numbered and captioned."""
        self.figure_number += 1
        self.doc.add_picture(io.BytesIO(png), width=Cm(text_width(self.doc) * width_fraction))
        picture = self.last_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        self.para(f"Figure {self.figure_number}. {caption}", self.caption)

    def last_paragraph(self) -> Paragraph | None:
        """The paragraph just written, if the body ends with one (without listing them all)."""
        body = self.doc.element.body
        children = [c for c in body[-2:] if c.tag == qn("w:p")]
        return Paragraph(children[-1], self.doc._body) if children else None

    def set_landscape(self, landscape: bool) -> None:
        """Continue on landscape (or portrait) pages, starting a new section if it changes."""
        if landscape == self.landscape:
            return
        (landscape_section if landscape else portrait_section)(self.doc)
        self.landscape = landscape

    def page_break(self) -> None:
        """Continue on a new page."""
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def running_header(self, lead: str, text: str) -> None:
        """The header of every page: ``lead`` in bold, then ``text``."""
        section = self.doc.sections[0]
        header = section.header.paragraphs[-1] if section.header.paragraphs else None
        if header is None or header.text.strip():
            header = section.header.add_paragraph()
        header.style = pick_style(self.doc, ["Header", "Normal"], WD_STYLE_TYPE.PARAGRAPH)
        header.add_run(lead).bold = True
        header.add_run(text)

    def page_footer(self, lead: str, page: str, of: str) -> None:
        """The centred footer of every page: ``lead``, ``page``, the page number, ``of``
        and the page count (fields the word processor fills in)."""
        section = self.doc.sections[0]
        footer = section.footer.paragraphs[-1] if section.footer.paragraphs else None
        if footer is None or footer.text.strip():
            footer = section.footer.add_paragraph()
        footer.style = pick_style(self.doc, ["Footer", "Normal"], WD_STYLE_TYPE.PARAGRAPH)
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(f"{lead}{page}")
        add_field(footer, "PAGE", "1")
        footer.add_run(of)
        add_field(footer, "NUMPAGES", "1")

    def start_contents(self, title: str, depth: int) -> None:
        """Mark where the contents go (filled in by :meth:`fill_contents` once every
        heading is written), listing headings down to ``depth``; then a new page."""
        p = self.doc.add_paragraph()
        p.add_run(title).bold = True
        self.toc_paragraph = p
        self.toc_depth = depth
        self.toc_tab = text_width(self.doc)
        self.page_break()

    def fill_contents(self) -> None:
        """List the headings written, each with its page number as a field that Word and
        LibreOffice fill in when they open the file."""
        if self.toc_paragraph is None:
            return
        previous = self.toc_paragraph
        for number, (level, text) in enumerate(self.headings, start=1):
            if level > self.toc_depth:
                continue
            new = OxmlElement("w:p")
            previous._p.addnext(new)
            paragraph = Paragraph(new, previous._parent)
            if self.toc_styles[level] is not None:
                paragraph._p.style = self.style_id(self.toc_styles[level])
            # Indented directly too: a custom template may lack the TOC styles.
            paragraph.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            add_contents_entry(paragraph, text, f"_Toc_plan_{number}", self.toc_tab)
            previous = paragraph
