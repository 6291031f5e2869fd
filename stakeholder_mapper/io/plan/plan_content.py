"""The plan's own sections: what the map holds beyond the network (problem and ask, red
lines, risks, calendar, indicators, document control...), which fields feed each, and
which versions may print them. No Qt.

Each section is optional: it is printed only when its fields hold something in the map
the version is written from, and the plan dialog names the chosen sections that have
nothing yet (:func:`missing_sections`). What reaches a version below Full is decided in
one place, :func:`stakeholder_mapper.io.redact.redact`: the free text of these sections
may name people or state attitudes and stays in the Full version; document control's
version and review date are shared, its approver and distribution list (names) are not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.model import StakeholderMap
from .options import SECTIONS
from .wording import names_list

if TYPE_CHECKING:
    from .writer import PlanWriter

__all__ = [
    "FIELDS",
    "MISSING",
    "has_content",
    "missing_note",
    "missing_sections",
    "write_text",
]

#: Each own section and the map details (``MapInfo`` fields) it is written from; the
#: engagement history is written from the stakeholders' logs.
FIELDS: dict[str, tuple[str, ...]] = {
    "control": ("version", "approver", "distribution", "review_date"),
    "problem": ("problem", "ask", "evidence"),
    "red_lines": ("red_lines",),
    "movement": ("movement", "approver"),
    "community": ("community",),
    "do_no_harm": ("do_no_harm",),
    "register": ("risks",),
    "resources": ("resources",),
    "calendar": ("calendar",),
    "indicators": ("indicators",),
    "history": (),
}

#: How the plan dialog names what is missing ({sections}: their headings).
MISSING = (
    "Nothing recorded yet for {sections}: these sections are left out. Fill them in "
    "File → Map details and plan content (Ctrl+Shift+D)."
)
MISSING_HISTORY = "the engagement history (log meetings, letters and calls on each stakeholder)"


def has_content(smap: StakeholderMap, section: str) -> bool:
    """Whether the map holds anything for the own ``section`` (an id of :data:`FIELDS`)."""
    if section == "history":
        return any(s.log for s in smap.stakeholders.values())
    info = smap.info
    return any(
        (value.strip() if isinstance(value, str) else value)
        for value in (getattr(info, name) for name in FIELDS[section])
    )


def missing_sections(smap: StakeholderMap, sections: tuple[str, ...]) -> list[str]:
    """How the chosen own sections that the map holds nothing for are named to the user
    (their headings in quotes; the history with how to fill it)."""
    return [
        MISSING_HISTORY if sid == "history" else f"“{SECTIONS[sid]}”"
        for sid in SECTIONS
        if sid in FIELDS and sid in sections and not has_content(smap, sid)
    ]


def missing_note(smap: StakeholderMap, sections: tuple[str, ...]) -> str:
    """One sentence naming the chosen sections the map holds nothing for ("" if none)."""
    missing = missing_sections(smap, sections)
    return MISSING.format(sections=names_list(missing)) if missing else ""


def write_text(w: PlanWriter, text: str) -> None:
    """User-written text as paragraphs: one per line, blank lines dropped."""
    for line in text.splitlines():
        if line.strip():
            w.para(line.strip())
