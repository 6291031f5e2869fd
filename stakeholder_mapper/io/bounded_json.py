"""JSON read within the limits of :mod:`stakeholder_mapper.core.limits`.

Project files and the JSON held in imported cells (tags, engagement sheets, logs, plan
settings) are read here. Python's reader refuses integers of more than 4,300 digits
with a ValueError, recurses once per level of nesting and accepts ``Infinity`` and
``NaN``; so numbers are bounded in length, constants refused, and the nesting of what
was read is measured without recursion. Every problem is a :class:`JsonLimitError`
whose message completes a sentence ("... is nested more than 64 levels deep").
"""

from __future__ import annotations

import json
import math
from typing import Any

from ..core.i18n import N_, _
from ..core.limits import MAX_DEPTH, MAX_NUMBER_DIGITS

__all__ = ["JsonLimitError", "deeper_than", "loads", "parse_float", "parse_int", "reject_constant"]


#: Lists and objects nested past the limit (the message completes a sentence).
TOO_DEEP = N_("is nested more than {levels} levels deep")


class JsonLimitError(ValueError):
    """The JSON text is not valid or passes a limit; the message completes a sentence."""


def reject_constant(name: str) -> Any:
    """``parse_constant`` hook: ``Infinity``, ``-Infinity`` and ``NaN`` are not numbers."""
    raise JsonLimitError(_("{value} is not a valid number").format(value=name))


def parse_int(text: str) -> int:
    """``parse_int`` hook: integers of more than :data:`MAX_NUMBER_DIGITS` digits are refused."""
    digits = len(text) - text.startswith("-")
    if digits > MAX_NUMBER_DIGITS:
        raise JsonLimitError(
            _("a number has {digits} digits, more than any map needs").format(digits=digits)
        )
    return int(text)


def parse_float(text: str) -> float:
    """``parse_float`` hook: numbers too large for a float (``1e999``) are refused."""
    value = float(text[: MAX_NUMBER_DIGITS + 10]) if len(text) <= 100 else math.inf
    if not math.isfinite(value):
        shown = text[:20] + ("..." if len(text) > 20 else "")
        raise JsonLimitError(_("the number {number} is too large").format(number=shown))
    return value


def deeper_than(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether lists and objects nest more than ``limit`` levels deep (walked without recursion)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = item.values()
        elif not isinstance(item, list):
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in item if isinstance(child, dict | list))
    return False


def loads(text: str) -> Any:
    """Parse JSON text within the limits; raises :class:`JsonLimitError`."""
    try:
        value = json.loads(
            text, parse_constant=reject_constant, parse_int=parse_int, parse_float=parse_float
        )
    except json.JSONDecodeError:
        raise JsonLimitError(_("is not valid JSON")) from None
    except RecursionError:
        raise JsonLimitError(_(TOO_DEEP).format(levels=MAX_DEPTH)) from None
    if deeper_than(value):
        raise JsonLimitError(_(TOO_DEEP).format(levels=MAX_DEPTH))
    return value
