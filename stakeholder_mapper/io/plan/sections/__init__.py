"""The plan's sections, one module each: each ``write(w, plan)`` writes its section with
the :class:`~..writer.PlanWriter` from the :class:`~..context.PlanContext`.

:data:`SECTION_WRITERS` follows :data:`~..options.SECTIONS`, the one list that decides
the sections' order and headings.
"""

from __future__ import annotations

from collections.abc import Callable

from ..context import PlanContext
from ..options import SECTIONS
from ..writer import PlanWriter
from . import (
    actions,
    annex,
    brokerage,
    coalitions,
    community,
    contents,
    context,
    control,
    cover,
    do_no_harm,
    figures,
    history,
    indicators,
    monitoring,
    mou,
    movement,
    priority,
    problem,
    purpose,
    red_lines,
    register,
    resources,
    risks,
    sheets,
    summary,
    timeline,
)

__all__ = ["SECTION_WRITERS", "SectionWriter"]

SectionWriter = Callable[[PlanWriter, PlanContext], None]

_MODULES = {
    "cover": cover,
    "contents": contents,
    "summary": summary,
    "purpose": purpose,
    "context": context,
    "figures": figures,
    "priority": priority,
    "brokerage": brokerage,
    "sheets": sheets,
    "coalitions": coalitions,
    "mou": mou,
    "actions": actions,
    "risks": risks,
    "monitoring": monitoring,
    "annex": annex,
    "control": control,
    "problem": problem,
    "red_lines": red_lines,
    "movement": movement,
    "community": community,
    "do_no_harm": do_no_harm,
    "calendar": timeline,
    "register": register,
    "resources": resources,
    "indicators": indicators,
    "history": history,
}

#: Section id -> the function that writes it, in the plan's order.
SECTION_WRITERS: dict[str, SectionWriter] = {sid: _MODULES[sid].write for sid in SECTIONS}
