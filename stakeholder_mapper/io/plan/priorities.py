"""Where a stakeholder sits on the Mendelow power–interest grid and the AIIM, and what follows.

Mendelow (1991) sorts stakeholders by power and interest into four quadrants. The
Alignment, Interest and Influence Matrix (Mendizabal, ODI RAPID, 2010) sorts them by
alignment with our objective and by interest in the issue, and uses influence to pick
out whom to act on first; each group calls for its own way of working.

On our 1–5 scales "high" means 3 or more, as everywhere in the application
(:data:`stakeholder_mapper.analysis.compare.HIGH`). "Powerful" means power
:data:`~stakeholder_mapper.analysis.readings.POWERFUL` or more, the same threshold the
map's findings use. Alignment is the position toward our objective: +1 or +2 aligned,
0 neutral, −1 or −2 opposed. A neutral stakeholder is consulted, never challenged.
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
    "OPPOSED_STRATEGIES",
    "POWERFUL",
    "QUADRANTS",
    "QUADRANT_APPROACH",
    "STAGE_APPROACH",
    "STRATEGY_APPROACH",
    "aiim",
    "quadrant",
    "suggested_approach",
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

#: How closely to work with a stakeholder, by quadrant: the intensity of any approach,
#: and the whole suggestion where attitudes are unknown or withheld (Partner level).
QUADRANT_APPROACH: dict[str, str] = {
    "Manage closely": (
        "Engage closely and early: regular face-to-face meetings, and consult them on the "
        "decisions that concern them."
    ),
    "Keep satisfied": (
        "Keep satisfied: brief them at key moments, consult them on what touches their "
        "mandate, and keep requests few and well prepared."
    ),
    "Keep informed": (
        "Keep informed: share updates and results regularly and invite them to community "
        "meetings and feedback sessions."
    ),
    "Monitor": "Monitor: light-touch updates; watch for changes in their interest or influence.",
    "Not yet rated": "Rate power and interest on the map to get a suggested approach.",
}

#: What to do, by AIIM strategy, when the engagement stage does not say otherwise.
STRATEGY_APPROACH: dict[str, str] = {
    "Involve as allies": (
        "Involve them in the decisions that concern them, plan joint action and ask them to "
        "carry our messages."
    ),
    "Raise their interest": (
        "Show why the issue matters to their mandate and keep requests small, so that their "
        "support turns into action."
    ),
    "Consult and persuade": (
        "Consult them, share evidence and answer their concerns to win their support."
    ),
    "Inform and monitor": "Keep them informed and watch for a change of interest.",
    "Challenge and contain": (
        "Contain their opposition: answer their arguments with evidence, carried by "
        "messengers they listen to; avoid public confrontation and keep one channel open. "
        "Do not ask them to carry our messages."
    ),
    "Challenge with evidence": (
        "Answer their objections early and factually, with evidence, so that they do not "
        "set the terms of the debate; use third-party messengers where they distrust us."
    ),
    "Watch, do not provoke": (
        "Do not stir them: prepare factual answers in case they engage, and watch their interest."
    ),
}

#: The strategies for stakeholders opposed to our objective.
OPPOSED_STRATEGIES = ("Challenge and contain", "Challenge with evidence", "Watch, do not provoke")

#: What to do at an engagement stage that overrides the strategy's default.
STAGE_APPROACH: dict[str, str] = {
    "champion": (
        "Maintain the relationship: keep them briefed and credit them publicly, honour what "
        "was agreed, and ask them to carry our messages and introduce us to others."
    ),
    "supportive": (
        "Build on their support: agree joint actions and ask them to speak for the plan to "
        "those they influence."
    ),
    "resistant": (
        "Address their resistance: find out what they object to, answer with evidence, and "
        "reach them through a messenger they trust rather than head-on."
    ),
}


def suggested_approach(
    strategy: str, stage: str | None, quadrant_name: str, distrustful: bool = False
) -> str:
    """The approach a sheet suggests when none was recorded.

    It follows the engagement stage where the stage says more than the strategy (a
    champion is maintained and used as a messenger, whatever its quadrant), otherwise the
    AIIM strategy; an opposed stakeholder is always contained or answered, never
    involved, and never asked to carry our messages, whatever its stage. The quadrant
    adds how closely to work with them; ``distrustful`` (trust below zero) adds that
    the message goes through someone they trust. Without a strategy (position unknown or
    withheld) the quadrant's approach is the whole suggestion.
    """
    if strategy in OPPOSED_STRATEGIES:
        what = STRATEGY_APPROACH[strategy]
    elif stage in STAGE_APPROACH:
        what = STAGE_APPROACH[stage]
    elif strategy in STRATEGY_APPROACH:
        what = STRATEGY_APPROACH[strategy]
    else:
        return QUADRANT_APPROACH[quadrant_name]
    if stage == "unaware":
        what = f"First make them aware of the issue and of our role. {what}"
    if distrustful and strategy not in OPPOSED_STRATEGIES:
        what += " They distrust us: go through a messenger they trust."
    how = {
        "Manage closely": "Meet them regularly, face to face.",
        "Keep satisfied": "Keep requests few and well prepared.",
        "Keep informed": "Share updates and results regularly.",
        "Monitor": "Keep contact light.",
    }.get(quadrant_name, "")
    return f"{what} {how}".strip()


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
