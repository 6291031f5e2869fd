"""The humanitarian diplomacy engagement plan as a Word document (DESIGN.md §6).

Example::

    from stakeholder_mapper.io.plan import PlanOptions, write_plan
    write_plan(smap, "exports/plan.docx", PlanOptions(level="partner"))
"""

from __future__ import annotations

import importlib
from typing import Any

from ..errors import PlanError
from .options import DEFAULT_TEMPLATE, LEVEL_NAMES, LEVELS, SECTIONS, PlanLevel, PlanOptions

#: Names whose modules load python-docx, matplotlib and pandas: imported on first use,
#: so that the command line and the app can start without them.
_LAZY = {
    "PRINCIPLES": ".principles",
    "build_plan": ".document",
    "write_plan": ".document",
    "Messenger": ".facts",
    "suggested_messengers": ".facts",
}

__all__ = [
    "DEFAULT_TEMPLATE",
    "LEVELS",
    "LEVEL_NAMES",
    "PRINCIPLES",
    "SECTIONS",
    "Messenger",
    "PlanError",
    "PlanLevel",
    "PlanOptions",
    "build_plan",
    "suggested_messengers",
    "write_plan",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
