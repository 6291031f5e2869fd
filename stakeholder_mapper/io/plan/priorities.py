"""Where a stakeholder sits on the Mendelow power–interest grid and the AIIM, and what follows.

Mendelow (1991) sorts stakeholders by power and interest into four quadrants. The
Alignment, Interest and Influence Matrix (Mendizabal, ODI RAPID, 2010) sorts them by
alignment with our objective and by interest in the issue, and uses influence to pick
out whom to act on first; each group calls for its own way of working.

On our 1–5 scales "high" means 3 or more, as everywhere in the application
(:data:`stakeholder_mapper.analysis.compare.HIGH`). "Powerful" means power
:data:`~stakeholder_mapper.analysis.readings.POWERFUL` or more, the same threshold the
map's findings use. Alignment is the position toward our objective: +1 or +2 aligned,
0 neutral, −1 or −2 opposed. A neutral stakeholder is consulted, never challenged. The
approach each stakeholder is suggested follows :mod:`.advice`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from ...analysis.compare import HIGH
from ...analysis.compare import quadrant as mendelow
from ...analysis.readings import POWERFUL
from ...core.i18n import N_
from ...core.model import Stakeholder, StakeholderMap

__all__ = [
    "AIIM_STRATEGIES",
    "DUE_SOON_DAYS",
    "FIRST_PRIORITIES",
    "FIRST_PRIORITY_RULE",
    "HIGH_FROM",
    "NOT_A_TARGET",
    "POWERFUL",
    "PRIORITY_POINTS",
    "PRIORITY_REASONS",
    "QUADRANTS",
    "aiim",
    "first_priorities",
    "priority_reasons",
    "quadrant",
]

#: Power or interest at or above this value counts as "high" on the 1–5 scales.
HIGH_FROM = HIGH

#: What the plan shows in place of a quadrant or strategy for our own branch.
NOT_A_TARGET = N_("Our branch")

#: Quadrants in priority order, plus the place of stakeholders not yet rated.
QUADRANTS: tuple[str, ...] = (
    N_("Manage closely"),
    N_("Keep satisfied"),
    N_("Keep informed"),
    N_("Monitor"),
    N_("Not yet rated"),
)

#: AIIM strategy -> when it applies and what it means, in the order the annex lists them.
AIIM_STRATEGIES: dict[str, str] = {
    N_("Involve as allies"): N_(
        "aligned and interested: involve them in decisions, plan joint action and ask them "
        "to carry our messages."
    ),
    N_("Raise their interest"): N_(
        "aligned but not interested: latent allies; show why the issue matters to them and "
        "keep requests small."
    ),
    N_("Consult and persuade"): N_(
        "neutral and interested: consult them, share evidence and answer their concerns to "
        "win their support."
    ),
    N_("Inform and monitor"): N_(
        "neutral and not interested: keep them informed and watch for a change of interest."
    ),
    N_("Challenge and contain"): N_(
        "opposed and powerful: answer their arguments with evidence, limit their influence "
        "through allies they listen to, and keep a channel open."
    ),
    N_("Challenge with evidence"): N_(
        "opposed, interested, not powerful: answer their objections with evidence so that "
        "they do not set the terms of the debate."
    ),
    N_("Watch, do not provoke"): N_(
        "opposed, neither interested nor powerful: do not stir them; prepare answers in "
        "case they engage."
    ),
}


def quadrant(s: Stakeholder) -> str:
    """The Mendelow quadrant of ``s`` ("Not yet rated" while power or interest is unknown)."""
    found = mendelow(s.power, s.interest)
    return found.capitalize() if found else "Not yet rated"


def aiim(s: Stakeholder) -> str:
    """The AIIM strategy for ``s`` (see :data:`AIIM_STRATEGIES`); "Not yet rated" while
    its position or interest is unknown (and, when opposed, its power)."""
    if s.position is None or s.interest is None:
        return "Not yet rated"
    interested = s.interest >= HIGH_FROM
    if s.position >= 1:
        return "Involve as allies" if interested else "Raise their interest"
    if s.position == 0:
        return "Consult and persuade" if interested else "Inform and monitor"
    if s.power is not None and s.power >= POWERFUL:
        return "Challenge and contain"
    if interested:
        return "Challenge with evidence"
    if s.power is None:
        return "Not yet rated"
    return "Watch, do not provoke"


#: Points a stakeholder earns toward the first priorities, by what the map records.
#: An agreement being negotiated or an overdue action outweighs power and interest.
PRIORITY_POINTS: dict[str, int] = {
    "drafting": 4,
    "renewal due": 3,
    "exploring": 2,
    "overdue": 3,
    "due soon": 1,
    "Manage closely": 2,
    "Keep satisfied": 1,
}
#: A next action due within this many days of the plan's date is "due soon".
DUE_SOON_DAYS = 14
#: How many first priorities the summary names.
FIRST_PRIORITIES = 5

#: How each reason reads in a first priority (whole clauses).
PRIORITY_REASONS: dict[str, str] = {
    "drafting": N_("the MoU is being drafted with them"),
    "renewal due": N_("their agreement is due for renewal"),
    "exploring": N_("an MoU with them is being explored"),
    "overdue": N_("an action with them is overdue"),
    "due soon": N_("an action with them falls due within two weeks"),
    "Manage closely": N_("high power and high interest"),
    "Keep satisfied": N_("high power"),
}

#: The first-priority rule, in words, for the summary.
FIRST_PRIORITY_RULE = N_(
    "Ranked by what the map records as pressing: an agreement being drafted (4 points), "
    "due for renewal (3) or explored (2), an overdue action (3) or one due within two "
    "weeks (1), then power and interest (manage closely 2, keep satisfied 1). Power and "
    "interest earn nothing for a stakeholder who opposes our objective or is marked "
    "confidential, so neither is first for its power alone. Ties keep the priority order."
)


def priority_reasons(s: Stakeholder, quadrant_name: str, today: dt.date) -> tuple[str, ...]:
    """Why ``s`` is pressing, as keys of :data:`PRIORITY_POINTS` (see
    :data:`FIRST_PRIORITY_RULE`)."""
    e = s.engagement
    found = []
    if e.mou_status in PRIORITY_POINTS:
        found.append(e.mou_status)
    if e.next_action.strip() and e.due_date is not None:
        if e.due_date < today:
            found.append("overdue")
        elif (e.due_date - today).days <= DUE_SOON_DAYS:
            found.append("due soon")
    opposed = s.position is not None and s.position < 0
    if quadrant_name in PRIORITY_POINTS and not opposed and s.sensitivity != "confidential":
        found.append(quadrant_name)
    return tuple(found)


def first_priorities(
    smap: StakeholderMap,
    ranked: Sequence[str],
    quadrants: Mapping[str, str],
    today: dt.date,
    limit: int = FIRST_PRIORITIES,
) -> list[tuple[str, tuple[str, ...]]]:
    """The ``limit`` most pressing of ``ranked`` (stakeholder ids in priority order), each
    with its reasons, by :data:`FIRST_PRIORITY_RULE`; stakeholders with no reason are
    never listed."""
    scored = []
    for order, sid in enumerate(ranked):
        reasons = priority_reasons(smap.stakeholders[sid], quadrants[sid], today)
        points = sum(PRIORITY_POINTS[r] for r in reasons)
        if points:
            scored.append((-points, order, sid, reasons))
    scored.sort()
    return [(sid, reasons) for _, _, sid, reasons in scored[:limit]]
