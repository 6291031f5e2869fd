"""Where a stakeholder sits on the Mendelow power–interest grid and the AIIM, and what follows.

Mendelow (1991) sorts stakeholders by power and interest into four quadrants; the
Alignment, Interest and Influence Matrix (Mendizabal, ODI RAPID, 2010) sorts them by
alignment with our objective and interest, and suggests a way of working with each group.
On our 1–5 scales "high" means 3 or more, as everywhere in the application
(:data:`stakeholder_mapper.analysis.compare.HIGH`); alignment is the position toward our
objective (+1 or +2 aligned, 0 or below not yet aligned).
"""

from __future__ import annotations

from ...analysis.compare import HIGH
from ...analysis.compare import quadrant as mendelow
from ...core.model import Stakeholder

__all__ = [
    "AIIM_STRATEGIES",
    "HIGH_FROM",
    "QUADRANTS",
    "QUADRANT_APPROACH",
    "aiim",
    "quadrant",
]

#: Power or interest at or above this value counts as "high" on the 1–5 scales.
HIGH_FROM = HIGH

#: Quadrants in priority order, plus the place of stakeholders not yet rated.
QUADRANTS: tuple[str, ...] = (
    "Manage closely",
    "Keep satisfied",
    "Keep informed",
    "Monitor",
    "Not yet rated",
)

#: The approach a sheet suggests when none was recorded, by quadrant.
QUADRANT_APPROACH: dict[str, str] = {
    "Manage closely": (
        "Engage closely and early: regular face-to-face meetings, involve them in decisions "
        "that concern them and agree joint actions."
    ),
    "Keep satisfied": (
        "Keep satisfied: brief them at key moments, consult them on what touches their "
        "mandate, and keep requests few and well prepared."
    ),
    "Keep informed": (
        "Keep informed: share updates and results regularly and invite them to community "
        "meetings and feedback sessions; they can become allies and messengers."
    ),
    "Monitor": ("Monitor: light-touch updates; watch for changes in their interest or influence."),
    "Not yet rated": "Rate power and interest on the map to get a suggested approach.",
}

#: AIIM group -> strategy (Mendizabal 2010), keyed by (aligned, interested).
AIIM_STRATEGIES: dict[tuple[bool, bool], str] = {
    (True, True): "Ally: work in partnership",
    (True, False): "Latent ally: raise awareness and interest",
    (False, True): "Challenge: change minds or limit opposition",
    (False, False): "Watch: monitor, inform if interest grows",
}


def quadrant(s: Stakeholder) -> str:
    """The Mendelow quadrant of ``s`` ("Not yet rated" while power or interest is unknown)."""
    found = mendelow(s.power, s.interest)
    return found.capitalize() if found else "Not yet rated"


def aiim(s: Stakeholder) -> str:
    """The AIIM group and strategy of ``s`` ("Not yet rated" while position or interest is
    unknown)."""
    if s.position is None or s.interest is None:
        return "Not yet rated"
    return AIIM_STRATEGIES[(s.position >= 1, s.interest >= HIGH_FROM)]
