"""The humanitarian diplomacy engagement plan as a Word document (DESIGN.md §6).

Example::

    from stakeholder_mapper.io.plan import PlanOptions, write_plan
    write_plan(smap, "exports/plan.docx", PlanOptions(level="partner"))
"""

from .document import PRINCIPLES, PlanError, build_plan, write_plan
from .facts import Messenger, suggested_messengers
from .options import DEFAULT_TEMPLATE, LEVEL_NAMES, LEVELS, SECTIONS, PlanLevel, PlanOptions

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
