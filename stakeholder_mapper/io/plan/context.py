"""What every section of one plan needs to know besides the network facts: the export
level, the plan's date, what the level leaves out and who carries out the plan. No Qt."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import Future

from ...core.i18n import N_, _, format_date
from ...core.model import Stakeholder, StakeholderMap
from .facts import Facts
from .options import PlanOptions
from .plan_content import FIELDS, has_content
from .priorities import quadrant

__all__ = [
    "NO_BRANCH",
    "PRIORITY_QUADRANTS",
    "PUBLIC_LEFT_OUT",
    "PlanContext",
    "has_engagement",
    "sheet_candidates",
]

#: Sections about single stakeholders only, left out of the public version.
PUBLIC_LEFT_OUT = ("sheets", "mou", "actions")

#: Said once, at the top of a plan whose map names no stakeholder as our branch.
NO_BRANCH = N_(
    "The map names no stakeholder as our branch, so this plan suggests no messengers "
    "and no routes: choose the branch in Map details to get them."
)

#: Quadrants whose stakeholders the plan always names a first contact for.
PRIORITY_QUADRANTS = ("Manage closely", "Keep satisfied")


def has_engagement(s: Stakeholder) -> bool:
    """Whether anything of an engagement is recorded for ``s`` (it then gets a sheet)."""
    e = s.engagement
    return any(
        (
            e.objective,
            e.ask,
            e.key_messages,
            e.approach,
            e.next_action,
            e.risks,
            e.expect_to_see,
            e.mou_status != "none",
        )
    )


def sheet_candidates(smap: StakeholderMap, options: PlanOptions) -> set[str] | None:
    """Stakeholders that get a sheet or a row to plan (None: all), to limit route
    searches."""
    if options.sheets_for == "all":
        return None
    return {
        sid
        for sid, s in smap.stakeholders.items()
        if quadrant(s) in PRIORITY_QUADRANTS or has_engagement(s)
    }


class PlanContext:
    """The facts of one plan and the choices it was asked with, as the sections read them."""

    def __init__(self, facts: Facts, options: PlanOptions, omitted: int):
        self.facts = facts
        self.smap = facts.smap
        self.options = options
        self.level = options.level
        self.omitted = omitted
        self.today = options.date or dt.date.today()
        self.branch_note_written = False
        #: The figures being drawn, by name (see :func:`.sections.figures.start_drawings`).
        self.drawings: dict[str, Future[bytes]] = {}

    def stakeholder(self, sid: str) -> Stakeholder:
        """The (redacted) stakeholder ``sid``."""
        return self.smap.stakeholders[sid]

    def left_out(self) -> tuple[str, ...]:
        """Sections this version leaves out whole: the plan's own sections with nothing
        in the map as this version shows it (see :mod:`.plan_content`); in the
        public version, also those about single stakeholders, the risks (which would
        only repeat a key finding) and the progress section while there is no snapshot
        to compare (it would hold only an instruction to the branch)."""
        own = tuple(sid for sid in FIELDS if not has_content(self.smap, sid))
        if self.level != "public":
            return own
        return (
            own
            + PUBLIC_LEFT_OUT
            + ("risks",)
            + (("monitoring",) if self.facts.changes is None else ())
        )

    @property
    def per_actor(self) -> bool:
        """Whether this level may show rows about single stakeholders."""
        return self.level != "public"

    def classification(self) -> str:
        """The banner of the cover and the header: who may read this version."""
        if self.level == "public":
            return _("PUBLIC")
        if self.level == "partner":
            return _("RESTRICTED — for the partners it is addressed to; do not publish")
        if self.confidential():
            return _("CONFIDENTIAL — internal use only; contains personal data")
        return _("INTERNAL — internal use only; contains personal data")

    def header_mark(self) -> str:
        """The classification as the running header gives it, short enough to leave the
        map's title room on one line (the cover's banner gives it in full)."""
        if self.level == "public":
            return _("PUBLIC")
        if self.level == "partner":
            return _("RESTRICTED — do not publish")
        if self.confidential():
            return _("CONFIDENTIAL — internal use only")
        return _("INTERNAL — internal use only")

    def confidential(self) -> bool:
        """Whether the full version is marked confidential: map details may raise the
        marking, never lower it below what a confidential stakeholder demands."""
        return self.smap.info.classification == "confidential" or any(
            s.sensitivity == "confidential" for s in self.smap.stakeholders.values()
        )

    def our_side(self) -> str:
        """Who carries out the plan, as the subject of a sentence ("the Marenza Red
        Crescent branch")."""
        if self.facts.branch is None:
            return _("the branch")
        name = self.facts.label(self.facts.branch).strip()
        return name if name.casefold().startswith("the ") else _("the {name}").format(name=name)

    @property
    def has_branch(self) -> bool:
        """Whether the plan knows our branch: routes, suggested messengers and "go
        direct" need it (the map names it; it is never guessed)."""
        return self.facts.branch is not None

    def missing_branch_note(self) -> str:
        """:data:`NO_BRANCH` the first time it is asked for when the plan has no branch,
        "" otherwise: the first section that would show messengers says it, once."""
        if self.has_branch or self.branch_note_written:
            return ""
        self.branch_note_written = True
        return _(NO_BRANCH)

    def recorded_messenger(self, sid: str) -> str:
        """The messenger recorded on the map; below Full only where the branch marked it
        for this version (redaction empties it otherwise: it may name people)."""
        return self.stakeholder(sid).engagement.messenger.strip()

    def due(self, date: dt.date | None) -> str:
        """A due date for a table cell, marked when it is before the plan's date."""
        if date is None:
            return _("no date")
        short = format_date(date, short=True)  # "12 Nov 2026": narrow columns, fewer lines
        return _("{date} (overdue)").format(date=short) if date < self.today else short

    def sheet_ids(self) -> list[str]:
        """The stakeholders that get an engagement sheet: every target when all were asked
        for, otherwise those with engagement details recorded."""
        facts = self.facts
        if self.options.sheets_for == "all":
            return list(facts.targets)
        return [sid for sid in facts.targets if has_engagement(self.stakeholder(sid))]

    def unplanned_ids(self) -> list[str]:
        """Priority stakeholders (manage closely, keep satisfied) with nothing recorded
        yet: one row each in "Engagement still to plan" instead of an empty sheet."""
        if self.options.sheets_for == "all":
            return []
        return [
            sid
            for sid in self.facts.targets
            if self.facts.quadrants[sid] in PRIORITY_QUADRANTS
            and not has_engagement(self.stakeholder(sid))
        ]
