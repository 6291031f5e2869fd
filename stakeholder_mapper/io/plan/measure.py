"""How wide a text is when printed, from the bundled Noto Sans fonts' advance widths
(read with fontTools), so that table columns are given room for their longest word and
the running header is kept to one line. No Qt.

Word and LibreOffice may print with another font (the template names Calibri, narrower
than Noto Sans): measuring with the wider bundled font errs on the side of room.
"""

from __future__ import annotations

import functools
from pathlib import Path

from fontTools.ttLib import TTFont

from ...paths import FONT_FILES

__all__ = ["CM_PER_POINT", "ELLIPSIS", "longest_word_cm", "shorten_to", "text_cm"]

CM_PER_POINT = 2.54 / 72
ELLIPSIS = "…"
#: Advance (in em) of a character none of the bundled fonts has.
FALLBACK_EM = 0.6


def _font_file(stem: str) -> Path | None:
    return next((path for path in FONT_FILES if path.stem == stem), None)


@functools.cache
def _advances(bold: bool) -> dict[str, float]:
    """Character -> advance width in em, Latin font first, then the Arabic one."""
    weight = "Bold" if bold else "Regular"
    widths: dict[str, float] = {}
    for stem in (f"NotoSansArabic-{weight}", f"NotoSans-{weight}"):
        path = _font_file(stem)
        if path is None:
            continue
        font = TTFont(str(path), lazy=True)
        metrics = font["hmtx"].metrics
        em = font["head"].unitsPerEm
        widths.update(
            {chr(code): metrics[name][0] / em for code, name in font.getBestCmap().items()}
        )
        font.close()
    return widths


def text_cm(text: str, size_pt: float, bold: bool = False) -> float:
    """The printed width of ``text`` on one line at ``size_pt``, in centimetres."""
    advances = _advances(bold)
    ems = sum(advances.get(ch, FALLBACK_EM) for ch in text)
    return ems * size_pt * CM_PER_POINT


@functools.lru_cache(maxsize=20_000)
def _word_cm(word: str, size_pt: float, bold: bool) -> float:
    return text_cm(word, size_pt, bold)


def longest_word_cm(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of the widest word of ``text`` (a line may break only between words)."""
    return max((_word_cm(word, size_pt, bold) for word in text.split()), default=0.0)


def shorten_to(text: str, width_cm: float, size_pt: float, bold: bool = False) -> str:
    """``text`` as printed on one line of ``width_cm``: whole if it fits, otherwise cut
    after the last word that fits and ended with an ellipsis (nothing if no word fits)."""
    if text_cm(text, size_pt, bold) <= width_cm:
        return text
    words = text.split()
    while words:
        words.pop()
        shortened = " ".join(words).rstrip(",;:·—–-") + ELLIPSIS
        if words and text_cm(shortened, size_pt, bold) <= width_cm:
            return shortened
    return ""
