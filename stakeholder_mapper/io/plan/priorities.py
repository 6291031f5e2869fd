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

from ...analysis.compare import HIGH
from ...analysis.compare import quadrant as mendelow
from ...analysis.readings import POWERFUL
from ...core.model import Stakeholder

__all__ = [
    "AIIM_STRATEGIES",
    "HIGH_FROM",
    "NOT_A_TARGET",
    "POWERFUL",
    "QUADRANTS",
    "aiim",
    "quadrant",
]

#: Power or interest at or above this value counts as "high" on the 1–5 scales.
HIGH_FROM = HIGH

#: What the plan shows in place of a quadrant or strategy for our own branch.
NOT_A_TARGET = "Our branch"

#: Quadrants in priority order, plus the place of stakeholders not yet rated.
QUADRANTS: tuple[str, ...] = (
    "Manage closely",
    "Keep satisfied",
    "Keep informed",
    "Monitor",
    "Not yet rated",
)

#: AIIM strategy -> when it applies and what it means, in the order the annex lists them.
AIIM_STRATEGIES: dict[str, str] = {
    "Involve as allies": (
        "aligned and interested: involve them in decisions, plan joint action and ask them "
        "to carry our messages."
    ),
    "Raise their interest": (
        "aligned but not interested: latent allies; show why the issue matters to them and "
        "keep requests small."
    ),
    "Consult and persuade": (
        "neutral and interested: consult them, share evidence and answer their concerns to "
        "win their support."
    ),
    "Inform and monitor": (
        "neutral and not interested: keep them informed and watch for a change of interest."
    ),
    "Challenge and contain": (
        "opposed and powerful: answer their arguments with evidence, limit their influence "
        "through allies they listen to, and keep a channel open."
    ),
    "Challenge with evidence": (
        "opposed, interested, not powerful: answer their objections with evidence so that "
        "they do not set the terms of the debate."
    ),
    "Watch, do not provoke": (
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
