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
from docx.shared import Cm, Emu
from docx.text.paragraph import Paragraph

from ...core.i18n import _
from .measure import longest_word_cm, shorten_to, text_cm
from .word import (
    add_bookmark,
    add_contents_entry,
    add_field,
    add_table,
    add_text,
    landscape_section,
    pick_style,
    portrait_section,
    set_alt_text,
    text_width,
)

__all__ = ["LANDSCAPE_FROM_ROWS", "PlanWriter", "column_widths"]

#: A wide table gets landscape pages from this many rows; a shorter one fits a portrait
#: page and would leave a landscape page of its own nearly empty.
LANDSCAPE_FROM_ROWS = 4
#: Header text size when the template does not give one, in points.
HEADER_POINTS = 8.5
#: A table of at most this many rows is kept on one page.
KEEP_TOGETHER_ROWS = 10
#: Table text size when the template does not give one, in points.
TABLE_POINTS = 9.0
#: Left and right cell margins together, with room to spare, in centimetres.
CELL_PADDING_CM = 0.4
#: How much wider than the bundled font a word processor's fallback font may print a
#: text (DejaVu Sans, LibreOffice's fallback for Calibri, is 6 % wider than Noto Sans).
WIDER_FONT = 1.08
#: A column never claims more than this share of the width for one long word (an e-mail
#: address or a web link may break rather than squeeze every other column).
MOST_FOR_ONE_WORD = 0.4


def column_widths(
    total_cm: float, weights: Sequence[float], minima_cm: Sequence[float]
) -> list[float]:
    """Column widths in proportion to ``weights`` over ``total_cm``, but none narrower
    than its longest word (``minima_cm``) while the widths fit: the room is taken from
    the columns that have some to spare, in proportion to it.

    >>> column_widths(10, [1, 3], [3.5, 1])
    [3.5, 6.5]
    """
    floors = [min(m, total_cm * MOST_FOR_ONE_WORD) for m in minima_cm]
    if sum(floors) >= total_cm:
        return [total_cm * f / sum(floors) for f in floors]
    weight = sum(weights)
    widths = [total_cm * w / weight for w in weights]
    for _n in range(len(widths)):
        short = sum(max(f - w, 0.0) for f, w in zip(floors, widths, strict=True))
        if short <= 1e-9:
            break
        spare = [max(w - f, 0.0) for f, w in zip(floors, widths, strict=True)]
        room = sum(spare)
        widths = [
            max(w, f) - (s / room * short if room else 0.0)
            for w, f, s in zip(widths, floors, spare, strict=True)
        ]
    return widths


def _rows_with_weight(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    header_row: bool,
    first_column: bool,
    col: int,
):
    """(row, bold) for every row a column's width must hold: the header and the first
    column are printed in bold."""
    if header_row:
        yield header, True
    for row in rows:
        yield row, first_column and col == 0


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
        self.table_text_points: float | None = None

    def heading(self, text: str, level: int = 1, new_page: bool = False) -> None:
        """A heading, bookmarked so that the contents can link to it and give its page."""
        paragraph = self.new_paragraph(f"Heading {level}")
        add_text(paragraph, text)
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
            add_text(p, bold_lead, bold=True, whole=bold_lead + text)
        if text:
            add_text(p, text, whole=bold_lead + text)

    def blank(self) -> None:
        """An empty paragraph, as vertical space."""
        self.doc.add_paragraph()

    def bullets(self, items: Sequence[str]) -> None:
        """One bulleted paragraph per item."""
        for item in items:
            add_text(self.new_paragraph(self.bullet), item)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        weights: Sequence[float],
        header_row: bool = True,
        first_column: bool = False,
        keep_together: bool = False,
    ) -> None:
        """A table across the text width, its columns in proportion to ``weights`` but
        each at least as wide as its longest word; the sentence before it stays on its
        page. ``keep_together`` keeps it on one page (an engagement sheet); a short table
        is kept together anyway, so that it never leaves a row or two alone on a page."""
        previous = self.last_paragraph()
        if previous is not None:
            # The sentence that introduces a table stays on the table's page.
            previous.paragraph_format.keep_with_next = True
        size = self.table_points()
        minima = [
            max(
                (
                    longest_word_cm(str(row[col]), size, bold)
                    for row, bold in _rows_with_weight(header, rows, header_row, first_column, col)
                ),
                default=0.0,
            )
            * WIDER_FONT
            + CELL_PADDING_CM
            for col in range(len(weights))
        ]
        widths = column_widths(text_width(self.doc), weights, minima)
        add_table(
            self.doc,
            header,
            rows,
            widths,
            self.table_style,
            self.cell_style,
            header_row=header_row,
            first_column=first_column,
            keep_together=keep_together or len(rows) <= KEEP_TOGETHER_ROWS,
        )
        if not keep_together:
            self.doc.add_paragraph()

    def table_points(self) -> float:
        """The size of table text in points (the template's, else 9)."""
        if self.table_text_points is None:
            size = self.doc.styles[self.cell_style].font.size if self.cell_style else None
            self.table_text_points = size.pt if size is not None else TABLE_POINTS
        return self.table_text_points

    def figure(self, png: bytes, caption: str, alt: str, width_fraction: float = 1.0) -> None:
        """A centred picture ``width_fraction`` of the text width, numbered and captioned,
        described by ``alt`` for screen readers."""
        self.figure_number += 1
        self.doc.add_picture(io.BytesIO(png), width=Cm(text_width(self.doc) * width_fraction))
        picture = self.last_paragraph()
        set_alt_text(picture, alt)
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        self.para(
            _("Figure {number}. {caption}").format(number=self.figure_number, caption=caption),
            self.caption,
        )

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

    def mark(self) -> int:
        """Where the body ends now, for :meth:`keep_together_since`."""
        return len(self.doc.element.body) - 1  # the body ends with its section properties

    def keep_together_since(self, mark: int) -> None:
        """Keep the paragraphs written since ``mark`` on one page (each kept with the
        next), so that a short closing block never leaves a sentence alone on a page."""
        written = [el for el in self.doc.element.body[mark:] if el.tag == qn("w:p")]
        for p in written[:-1]:
            Paragraph(p, self.doc._body).paragraph_format.keep_with_next = True

    def page_break(self) -> None:
        """Continue on a new page."""
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def running_header(self, lead: str, text: str, separator: str = "   ·   ") -> None:
        """The header of every page on one line: ``lead`` in bold, ``separator``, then
        ``text``, shortened with an ellipsis where it would not fit across a portrait page."""
        section = self.doc.sections[0]
        header = section.header.paragraphs[-1] if section.header.paragraphs else None
        if header is None or header.text.strip():
            header = section.header.add_paragraph()
        style = pick_style(self.doc, ["Header", "Normal"], WD_STYLE_TYPE.PARAGRAPH)
        header.style = style
        size = self.doc.styles[style].font.size if style else None
        points = size.pt if size is not None else HEADER_POINTS
        room = min(Emu(section.page_width).cm, Emu(section.page_height).cm)
        room -= Emu(section.left_margin + section.right_margin).cm + CELL_PADDING_CM
        room -= (text_cm(lead, points, bold=True) + text_cm(separator, points)) * WIDER_FONT
        text = shorten_to(text, room / WIDER_FONT, points)
        whole = lead + separator + text
        add_text(header, lead, bold=True, whole=whole)
        if text:
            add_text(header, separator + text, whole=whole)

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
