"""The plan's language in the Word file: ``w:lang`` in the document's default run
properties (spelling, hyphenation and the word processor's choice of fonts follow it), and
for a right-to-left language (Arabic) paragraphs, tables and pages laid out from the right.

Applied once the body is written, so that every paragraph, table and section the sections
wrote is marked. No Qt.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from ...core.i18n import is_right_to_left
from .word import AFTER_BIDI

__all__ = ["BCP47", "set_document_language"]

#: The language tag Word and LibreOffice expect for each plan language.
BCP47 = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ar": "ar-SA", "ru": "ru-RU"}

#: Run properties that come after ``w:lang`` in the schema's order (CT_RPr).
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
#: Table properties after ``w:bidiVisual`` (CT_TblPr).
_AFTER_BIDI_VISUAL = (
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)
#: Section properties after ``w:bidi`` (CT_SectPr).
_AFTER_SECTION_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def _set_child(parent, tag: str, after: tuple[str, ...]):
    """``parent``'s child ``tag``, added in its place in the schema's order if missing."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.insert_element_before(child, *after)
    return child


def set_document_language(doc: DocumentObject, code: str) -> None:
    """Mark the document as written in ``code`` (one of :data:`BCP47`); for a right-to-left
    language, lay out every paragraph, table and page from the right."""
    tag = BCP47.get(code, BCP47["en"])
    rtl = is_right_to_left(code)
    styles = doc.styles.element
    defaults = _set_child(styles, "w:docDefaults", ("w:latentStyles", "w:style"))
    r_pr = _set_child(_set_child(defaults, "w:rPrDefault", ("w:pPrDefault",)), "w:rPr", ())
    lang = _set_child(r_pr, "w:lang", _AFTER_LANG)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:bidi"), tag if rtl else BCP47["ar"])
    if not rtl:
        return
    p_pr = _set_child(_set_child(defaults, "w:pPrDefault", ()), "w:pPr", ())
    _set_child(p_pr, "w:bidi", AFTER_BIDI)
    parts = [doc.element.body]
    for section in doc.sections:
        parts += [section.header._element, section.footer._element]
    for part in parts:
        for p in part.iter(qn("w:p")):
            _set_child(p.get_or_add_pPr(), "w:bidi", AFTER_BIDI)
        for tbl in part.iter(qn("w:tbl")):
            _set_child(tbl.tblPr, "w:bidiVisual", _AFTER_BIDI_VISUAL)
    for sect_pr in doc.element.body.iter(qn("w:sectPr")):
        _set_child(sect_pr, "w:bidi", _AFTER_SECTION_BIDI)
