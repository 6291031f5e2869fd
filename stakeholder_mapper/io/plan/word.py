"""Small Word (OOXML) helpers python-docx does not offer: fields, table row flags, landscape
sections, style fallbacks for custom templates and clean document metadata."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu
from docx.table import Table
from docx.text.paragraph import Paragraph

from ...core.i18n import is_right_to_left
from .bidi import FSI, PDI, has_rtl, mostly_rtl, needs_isolation, segments

__all__ = [
    "AFTER_BIDI",
    "add_bookmark",
    "add_contents_entry",
    "add_field",
    "add_table",
    "add_text",
    "clean_metadata",
    "clear_body",
    "document_bytes",
    "landscape_section",
    "pick_style",
    "portrait_section",
    "set_alt_text",
    "set_document_flags",
    "text_width",
]


#: Header row shading and text colour.
HEADER_FILL = "1F4E79"
HEADER_TEXT = "FFFFFF"


def pick_style(doc: DocumentObject, candidates: Sequence[str], kind: WD_STYLE_TYPE) -> str | None:
    """The first style name of ``candidates`` that the document (or its template) defines.

    A user's own template may lack our styles; falling back keeps their look instead of failing.
    """
    names = {s.name for s in doc.styles if s.type == kind}
    for name in candidates:
        if name in names:
            return name
    return None


def add_field(paragraph: Paragraph, instruction: str, shown: str = "") -> None:
    """Append a complex field (PAGE, NUMPAGES, TOC ...) with ``shown`` as its cached result."""

    def run_with(child: OxmlElement) -> None:
        run = OxmlElement("w:r")
        run.append(child)
        paragraph._p.append(run)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    if shown:
        paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def add_bookmark(paragraph: Paragraph, name: str, number: int) -> None:
    """Wrap the paragraph's text in bookmark ``name`` (``number`` unique in the document)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    p_pr = paragraph._p.pPr
    if p_pr is None:
        paragraph._p.insert(0, start)
    else:
        p_pr.addnext(start)
    paragraph._p.append(end)


def add_contents_entry(paragraph: Paragraph, text: str, bookmark: str, tab_cm: float) -> None:
    """One line of a contents list: the heading's text linked to ``bookmark``, a dotted
    leader and the page number as a PAGEREF field.

    Word and LibreOffice both compute a PAGEREF when they lay out the document, whereas a
    TOC field keeps the page numbers it was saved with in LibreOffice (and python-docx
    cannot lay out pages to fill them in).
    """
    paragraph.paragraph_format.tab_stops.add_tab_stop(
        Cm(tab_cm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")
    _append_runs(link, text, False, None, False)
    paragraph._p.append(link)
    tab_run = OxmlElement("w:r")
    tab_run.append(OxmlElement("w:tab"))
    paragraph._p.append(tab_run)
    add_field(paragraph, f"PAGEREF {bookmark} \\h")


def _row_flag(row_pr: OxmlElement, tag: str) -> None:
    flag = OxmlElement(tag)
    row_pr.append(flag)


def _run(text: str, bold: bool, colour: str | None, rtl: bool = False) -> OxmlElement:
    r = OxmlElement("w:r")
    if bold or colour or rtl:
        r_pr = OxmlElement("w:rPr")
        if bold:
            r_pr.append(OxmlElement("w:b"))
            r_pr.append(OxmlElement("w:bCs"))
        if colour:
            c = OxmlElement("w:color")
            c.set(qn("w:val"), colour)
            r_pr.append(c)
        if rtl:
            r_pr.append(OxmlElement("w:rtl"))
        r.append(r_pr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


#: Paragraph properties that come after ``w:bidi`` in the schema's order (CT_PPrBase).
AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _append_runs(p: OxmlElement, text: str, bold: bool, colour: str | None, isolate: bool) -> None:
    for stretch, rtl in segments(text, isolate):
        p.append(_run(stretch, bold, colour, rtl))


def add_text(paragraph: Paragraph, text: str, bold: bool = False, whole: str = "") -> None:
    """Append ``text`` to the paragraph as runs, Arabic and Hebrew stretches marked right
    to left and isolated inside a sentence of a left-to-right plan. A paragraph whose
    text is mostly right to left reads from the right. ``whole`` is the paragraph's whole
    text when it is written in several pieces (default: ``text``)."""
    whole = whole or text
    if mostly_rtl(whole):
        p_pr = paragraph._p.get_or_add_pPr()
        if p_pr.find(qn("w:bidi")) is None:
            p_pr.insert_element_before(OxmlElement("w:bidi"), *AFTER_BIDI)
    # In a right-to-left plan every paragraph reads from the right: its Arabic is the
    # sentence, and the names in it are isolated where the sentence was written.
    isolate = needs_isolation(whole) and not is_right_to_left()
    _append_runs(paragraph._p, _ltr_kept(text, whole), bold, None, isolate)


def _ltr_kept(text: str, whole: str = "") -> str:
    """``text`` as a right-to-left plan holds it: a text without any right-to-left letter
    (the user's English notes, a Latin name alone in a cell) isolated whole (FSI…PDI), so
    that it keeps its own order, full stop at its end, in a paragraph that reads from the
    right; as it is in a left-to-right plan or when ``whole`` holds Arabic."""
    if not is_right_to_left() or not text.strip() or has_rtl(whole or text):
        return text
    if text.startswith(FSI) and text.endswith(PDI):
        return text
    return f"{FSI}{text}{PDI}"


def set_alt_text(paragraph: Paragraph, text: str) -> None:
    """Describe the pictures of ``paragraph`` for screen readers (``wp:docPr descr``)."""
    for doc_pr in paragraph._p.iter(qn("wp:docPr")):
        doc_pr.set("descr", text)


def add_table(
    doc: DocumentObject,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float],
    table_style: str | None,
    text_style: str | None,
    header_row: bool = True,
    first_column: bool = False,
    keep_together: bool = False,
) -> Table:
    """A table whose header row repeats on each page and whose rows never split across pages.

    Cells are written directly as XML paragraphs: python-docx's cell API is too slow for the
    thousands of cells a 300-stakeholder plan needs. ``widths_cm`` go both into the grid
    (LibreOffice) and each cell (Word). The header row (and with ``first_column`` the first
    column) is formatted directly as well as through the table style, so it stays readable
    whatever paragraph style a custom template gives table text. ``keep_together`` keeps
    a short table on one page (each row is kept with the next).
    """
    all_rows = [list(header), *[list(r) for r in rows]] if header_row else [list(r) for r in rows]
    table = doc.add_table(rows=0, cols=len(widths_cm))
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    if table_style:
        # Set by id: python-docx's ``table.style = name`` scans the styles for the default.
        tbl_pr.style = doc.styles[table_style].style_id
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    look.set(qn("w:firstRow"), "1" if header_row else "0")
    look.set(qn("w:firstColumn"), "1" if first_column else "0")
    look.set(qn("w:noHBand"), "1")
    look.set(qn("w:noVBand"), "1")
    look.set(qn("w:val"), "0420" if header_row else "0400")
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    look.addprevious(layout)  # the schema puts tblLayout before tblLook
    twips = [round(w * 567) for w in widths_cm]
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), twips, strict=True):
        col.set(qn("w:w"), str(width))
    style_id = None
    if text_style:
        style_id = doc.styles[text_style].style_id
    last = len(all_rows) - 1
    for index, values in enumerate(all_rows):
        keep_next = keep_together and index < last
        tr = OxmlElement("w:tr")
        tr_pr = OxmlElement("w:trPr")
        _row_flag(tr_pr, "w:cantSplit")
        if header_row and index == 0:
            _row_flag(tr_pr, "w:tblHeader")
        tr.append(tr_pr)
        is_header = header_row and index == 0
        for column, (value, width) in enumerate(zip(values, twips, strict=True)):
            tc = OxmlElement("w:tc")
            tc_pr = OxmlElement("w:tcPr")
            tc_w = OxmlElement("w:tcW")
            tc_w.set(qn("w:w"), str(width))
            tc_w.set(qn("w:type"), "dxa")
            tc_pr.append(tc_w)
            if is_header:
                shading = OxmlElement("w:shd")
                shading.set(qn("w:val"), "clear")
                shading.set(qn("w:color"), "auto")
                shading.set(qn("w:fill"), HEADER_FILL)
                tc_pr.append(shading)
            tc.append(tc_pr)
            bold = is_header or (first_column and column == 0)
            colour = HEADER_TEXT if is_header else None
            for line in str(value).split("\n") or [""]:
                p = OxmlElement("w:p")
                mixed = has_rtl(line)  # most cells have no Arabic or Hebrew: one search
                rtl = mixed and mostly_rtl(line)
                if style_id or keep_next or rtl:
                    p_pr = OxmlElement("w:pPr")
                    if style_id:
                        p_style = OxmlElement("w:pStyle")
                        p_style.set(qn("w:val"), style_id)
                        p_pr.append(p_style)
                    if keep_next:
                        p_pr.append(OxmlElement("w:keepNext"))
                    if rtl:
                        p_pr.append(OxmlElement("w:bidi"))
                    p.append(p_pr)
                if line:
                    isolate = mixed and needs_isolation(line) and not is_right_to_left()
                    _append_runs(p, _ltr_kept(line), bold, colour, isolate)
                tc.append(p)
            tr.append(tc)
        tbl.append(tr)
    return table


def text_width(doc: DocumentObject) -> float:
    """Width between the margins of the last section, in centimetres."""
    section = doc.sections[-1]
    return Emu(section.page_width - section.left_margin - section.right_margin).cm


def _shrink_section_break(doc: DocumentObject) -> None:
    """Make the paragraph that now ends the previous section (python-docx adds one to
    hold its properties) take almost no height, so that it never spills alone onto a
    page of its own after a table that fills the page."""
    body = doc.element.body
    holder = next(
        (
            p
            for p in reversed(body)
            if p.tag == qn("w:p") and p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        ),
        None,
    )
    if holder is None:
        return
    p_pr = holder.find(qn("w:pPr"))
    spacing = OxmlElement("w:spacing")
    for name, value in (
        ("w:before", "0"),
        ("w:after", "0"),
        ("w:line", "20"),
        ("w:lineRule", "exact"),
    ):
        spacing.set(qn(name), value)
    r_pr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    r_pr.append(size)
    sect_pr = p_pr.find(qn("w:sectPr"))
    sect_pr.addprevious(spacing)
    sect_pr.addprevious(r_pr)


def _set_orientation(doc: DocumentObject, landscape: bool) -> None:
    body = doc.element.body
    last = body[-2] if len(body) > 1 else None
    if last is not None and last.tag == qn("w:p") and len(last) == 0:
        # An empty spacing paragraph after a table would be carried onto a new page.
        body.remove(last)
    previous = doc.sections[-1]
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _shrink_section_break(doc)
    long_side = max(previous.page_width, previous.page_height)
    short_side = min(previous.page_width, previous.page_height)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = long_side, short_side
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = short_side, long_side


def landscape_section(doc: DocumentObject) -> None:
    """Start a new landscape page for wide tables (headers and footers carry over)."""
    _set_orientation(doc, landscape=True)


def portrait_section(doc: DocumentObject) -> None:
    """Return to portrait pages after a landscape section."""
    _set_orientation(doc, landscape=False)


def clear_body(doc: DocumentObject) -> None:
    """Remove a template's sample content, keeping its page setup, headers and footers."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


_PERSONAL_APP_TAGS = ("Manager", "Company", "HyperlinkBase")
#: The application the document's extended properties name as its maker.
APPLICATION = "Stakeholder Mapper"
_MS_2011 = "http://schemas.microsoft.com/office/2011/relationships/"
#: Document parts that may name people: comments and their authors, tracked-change authors.
_DROPPED_RELATIONSHIPS = (
    RT.COMMENTS,
    RT.COMMENT_AUTHORS,
    _MS_2011 + "people",
    _MS_2011 + "commentsExtended",
    "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
    "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
)
#: Package parts that may carry a template's personal data: custom properties, a thumbnail.
_DROPPED_PACKAGE_RELATIONSHIPS = (RT.CUSTOM_PROPERTIES, RT.THUMBNAIL)


def clean_metadata(doc: DocumentObject, title: str, subject: str, author: str = "") -> None:
    """Set title and subject and leave no personal data in the document's properties.

    Author and "last modified by" are blank unless ``author`` is given; a template's
    extended properties (manager, company), custom properties, comments and the list of
    people who tracked changes are dropped; the application is named as Stakeholder
    Mapper, not the word processor that made the template.
    """
    props = doc.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.title = title
    props.subject = subject
    props.author = author
    props.last_modified_by = ""
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.content_status = ""
    props.identifier = ""
    props.version = ""
    props.revision = 1
    props.created = now
    props.modified = now
    printed = props._element.find(qn("cp:lastPrinted"))
    if printed is not None:
        props._element.remove(printed)
    package = doc.part.package
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype in _DROPPED_RELATIONSHIPS:
            doc.part.rels.pop(rel_id)
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in _DROPPED_PACKAGE_RELATIONSHIPS:
            package.rels.pop(rel_id, None)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            part = rel.target_part
            xml = part.blob.decode("utf-8")
            # The template's word processor and version would misname the file's maker.
            for tag in (*_PERSONAL_APP_TAGS, "AppVersion"):
                xml = re.sub(rf"<{tag}>.*?</{tag}>|<{tag}/>", "", xml, flags=re.S)
            xml = re.sub(
                r"<Application>.*?</Application>|<Application/>",
                f"<Application>{APPLICATION}</Application>",
                xml,
                flags=re.S,
            )
            part._blob = xml.encode("utf-8")


#: Settings that come after ``updateFields`` in the schema's order (CT_Settings).
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
)
#: Settings that come before ``removePersonalInformation``.
_BEFORE_REMOVE_PERSONAL = ("writeProtection", "view", "zoom")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def set_document_flags(doc: DocumentObject) -> None:
    """Ask Word to refresh fields (contents, page count) on opening and to strip personal
    information from the file's properties whenever it is saved again."""
    settings = doc.settings.element
    for name in ("updateFields", "removePersonalInformation"):
        for old in settings.findall(qn(f"w:{name}")):
            settings.remove(old)
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    after = next((c for c in settings if _local(c.tag) in _AFTER_UPDATE_FIELDS), None)
    if after is None:
        settings.append(update)
    else:
        after.addprevious(update)
    remove = OxmlElement("w:removePersonalInformation")
    first = next((c for c in settings if _local(c.tag) not in _BEFORE_REMOVE_PERSONAL), None)
    if first is None:
        settings.append(remove)
    else:
        first.addprevious(remove)


def document_bytes(doc: DocumentObject) -> bytes:
    """The document as the bytes of a ``.docx`` file."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
