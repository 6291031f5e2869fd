"""Right-to-left text in the plan: which stretches of a text are Arabic or Hebrew, and
whether a paragraph is mostly right-to-left. No Qt.

Word lays a run out right to left only when it is marked so (``w:rtl``), and a paragraph
reads from the right only when marked ``w:bidi``. A right-to-left name inside an English
sentence is wrapped in Unicode's first-strong isolate (U+2068 … U+2069), so that the
punctuation and numbers beside it stay in the sentence's order (Unicode bidirectional
algorithm, UAX #9, §2.7). Names that the sentences already isolated
(:func:`~stakeholder_mapper.core.i18n.isolate`, the one helper every sentence uses) are
not isolated twice.
"""

from __future__ import annotations

import re

from ...core.i18n import FSI, PDI

__all__ = ["FSI", "PDI", "has_rtl", "mostly_rtl", "needs_isolation", "segments"]


#: Letters of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
#: Mandaic and the Hebrew and Arabic presentation forms.
_RTL_LETTER = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_RTL = re.compile(f"[{_RTL_LETTER}]")
#: A stretch of right-to-left text: from a right-to-left letter to the last one before
#: a left-to-right letter, taking in the spaces, digits and punctuation between.
_RTL_STRETCH = re.compile(
    f"[{_RTL_LETTER}](?:[^A-Za-z\u00c0-\u024f\u0370-\u052f\n]*[{_RTL_LETTER}])?"
)
_LATIN = re.compile("[A-Za-z]")
_LTR_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u052f]")


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds any right-to-left letter."""
    return _RTL.search(text) is not None


def mostly_rtl(text: str) -> bool:
    """Whether ``text`` is mostly right to left: at least twice as many right-to-left
    letters as left-to-right ones (the paragraph then reads from the right). A list of
    Arabic and English names stays left to right, the Arabic names isolated."""
    rtl = len(_RTL.findall(text))
    return rtl > 0 and rtl >= 2 * len(_LTR_LETTER.findall(text))


def needs_isolation(paragraph: str) -> bool:
    """Whether right-to-left stretches of ``paragraph`` sit in an English (Latin)
    sentence and are to be isolated; a text in other scripts alone is left as written."""
    return not mostly_rtl(paragraph) and _LATIN.search(paragraph) is not None


def segments(text: str, isolate: bool = False) -> list[tuple[str, bool]]:
    """``text`` cut into (stretch, right-to-left) runs, each right-to-left stretch
    isolated (U+2068 … U+2069) when ``isolate`` and not isolated already."""
    if not has_rtl(text):
        return [(text, False)]
    found: list[tuple[str, bool]] = []
    at = 0
    for match in _RTL_STRETCH.finditer(text):
        if match.start() > at:
            found.append((text[at : match.start()], False))
        stretch = match.group()
        inside = text.count(FSI, 0, match.start()) > text.count(PDI, 0, match.start())
        found.append((f"{FSI}{stretch}{PDI}" if isolate and not inside else stretch, True))
        at = match.end()
    if at < len(text):
        found.append((text[at:], False))
    return found
