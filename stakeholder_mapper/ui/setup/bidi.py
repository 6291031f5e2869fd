"""Which way a text reads, for laying out names in a window of the other direction: a
Latin name in the Arabic window, an Arabic name in an English one."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

__all__ = ["own_direction", "text_direction"]


def text_direction(text: str) -> Qt.LayoutDirection:
    """The direction ``text`` is read in, from its first strongly directed letter (as the
    Unicode bidirectional algorithm finds a paragraph's): right to left for Arabic or
    Hebrew, else left to right."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight


def own_direction(option: QStyleOptionViewItem) -> None:
    """Lay a table cell's text out in its own direction, on the side the table aligns it:
    a Latin name cut short in the Arabic window then ends in "…" on its right."""
    direction = text_direction(option.text)
    if not option.text or direction == option.direction:
        return
    horizontal = option.displayAlignment & Qt.AlignmentFlag.AlignHorizontal_Mask
    if not horizontal & Qt.AlignmentFlag.AlignAbsolute and horizontal & (
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight
    ):
        # Leading and trailing follow the table's direction, not the text's.
        leading = horizontal & Qt.AlignmentFlag.AlignLeft
        right = bool(leading) == (option.direction == Qt.LayoutDirection.RightToLeft)
        side = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
        option.displayAlignment = (
            (option.displayAlignment & ~Qt.AlignmentFlag.AlignHorizontal_Mask)
            | side
            | Qt.AlignmentFlag.AlignAbsolute
        )
    option.direction = direction
