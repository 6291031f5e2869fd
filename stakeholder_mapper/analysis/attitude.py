"""A stakeholder's attitude toward us, in one word, from its position, trust and notes.

The attitude decides how we approach a stakeholder and whether it may carry our
message to others:

* **hostile** — position or trust at −2, or notes that record threats, intimidation or
  harassment (in English, French, Spanish, Russian or Arabic);
* **wary** — position or trust at −1 (and nothing worse);
* **supportive** — position +1 or more and trust not below zero;
* **neutral** — position or trust known, at zero or above, and not supportive;
* **unknown** — neither position nor trust recorded.

Example::

    >>> from stakeholder_mapper.core.model import Stakeholder
    >>> attitude(Stakeholder("a", "Association", "ngo", position=-2, trust=-2))
    'hostile'
    >>> attitude(Stakeholder("b", "Echo", "media", position=-1, trust=0))
    'wary'
    >>> attitude(Stakeholder("c", "Clinic", "ngo", notes="Threatened our volunteers in May."))
    'hostile'
"""

from __future__ import annotations

from ..core.model import Stakeholder

__all__ = ["ATTITUDES", "THREAT_WORDS", "attitude", "poor_go_between", "threatening"]

#: The attitudes, most difficult first.
ATTITUDES = ("hostile", "wary", "unknown", "neutral", "supportive")

#: Word stems in a stakeholder's notes that record threats against us or the people we
#: serve (matched case-insensitively inside words).
THREAT_WORDS = (
    "threatened",
    "threatening",
    "threatens",
    "intimidat",
    "harass",
    "assault",
    "menacé",
    "menace de",
    "amenaz",
    "угрож",
    "угрозы в адрес",
    "запугива",
    "هدد",
    "تهديد",
)


def threatening(s: Stakeholder) -> bool:
    """Whether the notes on ``s`` record threats, intimidation or harassment."""
    notes = s.notes.casefold()
    return any(word in notes for word in THREAT_WORDS)


def attitude(s: Stakeholder) -> str:
    """The attitude of ``s`` toward us (one of :data:`ATTITUDES`; see the module notes)."""
    known = [v for v in (s.position, s.trust) if v is not None]
    if threatening(s) or (known and min(known) <= -2):
        return "hostile"
    if known and min(known) < 0:
        return "wary"
    if not known:
        return "unknown"
    if s.position is not None and s.position >= 1:
        return "supportive"
    return "neutral"


def poor_go_between(s: Stakeholder) -> bool:
    """Whether ``s`` opposes or distrusts us, or threatened us: it never carries our message."""
    return attitude(s) in ("hostile", "wary")
