"""What goes into an engagement plan: its sections, export level, template and author."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ...core.i18n import N_
from ...paths import TEMPLATES_DIR

__all__ = [
    "DEFAULT_TEMPLATE",
    "LEVELS",
    "LEVEL_NAMES",
    "SECTIONS",
    "PlanLevel",
    "PlanOptions",
]

#: The template shipped with the application (built by ``scripts/make_plan_template.py``).
DEFAULT_TEMPLATE = TEMPLATES_DIR / "plan-template.docx"

PlanLevel = Literal["full", "partner", "public"]
LEVELS: tuple[str, ...] = PlanLevel.__args__

#: How each level is named on the cover, in the header and in the dialog (translated where shown).
LEVEL_NAMES: dict[str, str] = {
    "full": N_("Internal — full version"),
    "partner": N_("Partner version"),
    "public": N_("Public version"),
}

#: Section id -> heading, in the order they appear in the plan (DESIGN.md §6); marked for
#: the catalogue and translated where shown, in the plan's language.
SECTIONS: dict[str, str] = {
    "cover": N_("Cover"),
    "control": N_("Document control"),
    "contents": N_("Contents"),
    "summary": N_("Executive summary"),
    "purpose": N_("Purpose and objectives"),
    "problem": N_("Problem and headline ask"),
    "context": N_("Context and the Principles of Action"),
    "red_lines": N_("Fundamental Principles and red lines"),
    "figures": N_("The network at a glance"),
    "priority": N_("Stakeholder priorities"),
    "brokerage": N_("Brokers and connectors"),
    "sheets": N_("Engagement sheets"),
    "coalitions": N_("Coalitions and bridges"),
    "community": N_("Community engagement and accountability"),
    "do_no_harm": N_("Do no harm and protection"),
    "mou": N_("Agreements and MoU tracker"),
    "actions": N_("Action plan"),
    "calendar": N_("Timeline on the political calendar"),
    "risks": N_("Risks"),
    "register": N_("Risk register"),
    "resources": N_("Resources and roles"),
    "movement": N_("Auxiliary role, Movement coordination and sign-off"),
    "monitoring": N_("Targets and progress"),
    "indicators": N_("Indicators"),
    "history": N_("Engagement history"),
    "annex": N_("Annex: method and data protection"),
}


@dataclass(frozen=True)
class PlanOptions:
    """Choices for one plan export.

    ``sections`` lists section ids from :data:`SECTIONS` (the plan keeps its own order).
    ``level`` decides what personal and attitude data may appear (see the plan's annex).
    ``template`` is a ``.docx`` whose styles, page setup, headers and footers are used.
    ``show_author`` puts the map's author on the cover and in the document properties
    (full level only: partner and public versions never name people).
    ``sheets_for`` "priority" gives a sheet to each stakeholder with engagement details
    recorded and lists the other priority stakeholders in one table; "all" gives everyone
    a sheet.
    ``dpi`` is the resolution of the figures (300 for print).
    ``date`` is the plan's date (None: today): actions due before it are overdue.
    ``language`` is the language the plan is written in, one of
    :data:`~stakeholder_mapper.core.i18n.LANGUAGES` (None: the interface language).
    """

    sections: tuple[str, ...] = tuple(SECTIONS)
    level: PlanLevel = "full"
    template: Path = DEFAULT_TEMPLATE
    show_author: bool = False
    sheets_for: Literal["priority", "all"] = "priority"
    dpi: int = 300
    date: dt.date | None = None
    language: str | None = None

    def __post_init__(self) -> None:
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise ValueError(
                f"Unknown plan section {unknown[0]!r}; choose from {', '.join(SECTIONS)}."
            )
        if self.level not in LEVELS:
            raise ValueError(
                f"Unknown export level {self.level!r}; choose full, partner or public."
            )

    def has(self, section: str) -> bool:
        """Whether the plan includes ``section``."""
        return section in self.sections
