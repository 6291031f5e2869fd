"""How to approach a stakeholder: one rule table, quadrant × attitude → approach.

The Mendelow quadrant says how closely to work with a stakeholder; its attitude toward us
(:func:`~stakeholder_mapper.analysis.attitude.attitude`: hostile, wary, unknown, neutral,
supportive) says how. A hostile or wary stakeholder is never met "regularly, face to
face" nor consulted: it gets factual briefings, carried by intermediaries it trusts, and
a hostile one is not approached directly at all. The engagement stage adds to this where
it says more: a champion is kept close and credited, a resistant stakeholder is treated
as wary, an unaware one is first made aware.

The Partner version may not reveal attitudes, so each quadrant's row also holds one
wording for partners that is the same whatever the attitude and sound for the most
hostile stakeholder of that quadrant: factual, through established channels, never
"consult".

Example::

    >>> from stakeholder_mapper.core.model import Stakeholder
    >>> hostile = Stakeholder("x", "Association", "ngo", position=-2, trust=-2)
    >>> suggested_approach(hostile, "Manage closely", "full").startswith("Do not approach")
    True
"""

from __future__ import annotations

from typing import NamedTuple

from ...analysis.attitude import attitude
from ...core.i18n import N_, _
from ...core.model import Stakeholder

__all__ = ["APPROACH", "APPROACH_BASIS", "STAGE_APPROACH", "ApproachRow", "suggested_approach"]


class ApproachRow(NamedTuple):
    """The approach for one quadrant: one wording per attitude, and one for partners."""

    hostile: str
    wary: str
    unknown: str
    neutral: str
    supportive: str
    #: Shown below the Full version, whatever the attitude (which it must not reveal).
    partner: str


#: Quadrant -> approach by attitude (see :class:`ApproachRow`).
APPROACH: dict[str, ApproachRow] = {
    "Manage closely": ApproachRow(
        hostile=N_(
            "Do not approach them directly: factual briefings only, through trusted "
            "intermediaries they listen to; no public confrontation and no requests, keep a "
            "record of every contact and put the safety of staff and volunteers first."
        ),
        wary=N_(
            "Engage with care: factual briefings on our humanitarian role and the evidence, "
            "carried by a messenger they trust; answer their concerns, ask nothing of them "
            "yet and keep one channel open."
        ),
        unknown=N_(
            "Find out where they stand before asking anything: a first meeting arranged by "
            "someone who knows them, then engage closely and early."
        ),
        neutral=N_(
            "Engage closely and early: meet them regularly, share the evidence and consult "
            "them on the decisions that concern them, to win their support."
        ),
        supportive=N_(
            "Work with them closely: meet regularly, face to face, plan joint action and ask "
            "them to carry our messages to others."
        ),
        partner=N_(
            "Engage early, through established channels and the partners they work with: "
            "factual briefings on our humanitarian role, the evidence and the results."
        ),
    ),
    "Keep satisfied": ApproachRow(
        hostile=N_(
            "Do not approach them directly: factual information only, through trusted "
            "intermediaries; watch what they do, prepare reactive lines and protect staff "
            "and volunteers."
        ),
        wary=N_(
            "Contain the risk: factual briefings at key moments through a messenger they "
            "trust; answer their concerns with evidence and avoid public disagreement."
        ),
        unknown=N_(
            "Find out where they stand through someone who knows them; meanwhile brief them "
            "at key moments and ask nothing."
        ),
        neutral=N_(
            "Keep them satisfied: brief them at key moments, consult them on what touches "
            "their mandate, and keep requests few and well prepared."
        ),
        supportive=N_(
            "Keep them satisfied and on side: brief them at key moments, keep requests few "
            "and well prepared, and ask them to speak for the plan to those they influence."
        ),
        partner=N_(
            "Brief them at key moments through established channels: factual information on "
            "our humanitarian role; requests few and well prepared."
        ),
    ),
    "Keep informed": ApproachRow(
        hostile=N_(
            "Do not approach them directly: share only public, factual information through "
            "trusted intermediaries, and prepare answers in case they engage."
        ),
        wary=N_(
            "Share factual updates through partners they trust, and answer their concerns "
            "with evidence before inviting them to meetings."
        ),
        unknown=N_(
            "Share general updates and results, and learn where they stand before involving them."
        ),
        neutral=N_(
            "Keep them informed: share updates and results regularly and invite them to "
            "community meetings and feedback sessions."
        ),
        supportive=N_(
            "Keep them informed and involved: share updates and results regularly, invite "
            "them to community meetings and feedback sessions, and ask them to carry our "
            "messages."
        ),
        partner=N_("Share factual updates and results through established channels and partners."),
    ),
    "Monitor": ApproachRow(
        hostile=N_(
            "Do not engage: watch what they do, prepare factual answers to be given through "
            "trusted intermediaries, and protect staff and volunteers."
        ),
        wary=N_(
            "Do not stir them: watch their interest and prepare factual answers in case they "
            "engage."
        ),
        unknown=N_("Monitor: watch for changes in their interest or influence."),
        neutral=N_(
            "Monitor: light-touch updates; watch for changes in their interest or influence."
        ),
        supportive=N_(
            "Keep contact light: occasional updates, and call on them if their interest grows."
        ),
        partner=N_(
            "Light-touch factual updates; watch for changes in their interest or influence."
        ),
    ),
    "Not yet rated": ApproachRow(
        hostile=N_(
            "Rate power and interest on the map. Meanwhile do not approach them directly: "
            "factual briefings only, through trusted intermediaries."
        ),
        wary=N_(
            "Rate power and interest on the map. Meanwhile share factual information only, "
            "through a messenger they trust."
        ),
        unknown=N_("Rate power, interest and position on the map to get a suggested approach."),
        neutral=N_("Rate power and interest on the map to get a suggested approach."),
        supportive=N_("Rate power and interest on the map to get a suggested approach."),
        partner=N_("Factual updates through established channels until the stakeholder is rated."),
    ),
}

#: What an engagement stage adds before the approach of a stakeholder who is not hostile
#: or wary (a resistant stakeholder is approached as a wary one).
STAGE_APPROACH: dict[str, str] = {
    "unaware": N_("First make them aware of the issue and of our role."),
    "supportive": N_(
        "Build on their support: ask them to speak for the plan to those they influence."
    ),
    "champion": N_(
        "Maintain the relationship: honour what was agreed, keep them briefed and credit "
        "them publicly."
    ),
}

#: What the approach was suggested from, by export level, ending the suggestion.
APPROACH_BASIS: dict[str, str] = {
    "full": N_("Suggested for its quadrant, attitude and stage, as none was recorded."),
    "partner": N_("Suggested for its quadrant."),
}


def suggested_approach(s: Stakeholder, quadrant: str, level: str) -> str:
    """The approach :data:`APPROACH` suggests for ``s`` in ``quadrant`` at export ``level``.

    At Full the row's wording for the stakeholder's attitude, a resistant stakeholder
    counting as wary, with what the engagement stage adds (:data:`STAGE_APPROACH`) for
    one that is neither hostile nor wary; at any other level the row's partner wording,
    which reveals no attitude. In the language of the moment (the wordings are marked for
    the catalogue).
    """
    row = APPROACH[quadrant]
    if level != "full":
        return _(row.partner)
    mood = attitude(s)
    if s.engagement.stage == "resistant" and mood != "hostile":
        mood = "wary"
    text = _(getattr(row, mood))
    stage = STAGE_APPROACH.get(s.engagement.stage or "")
    if stage and mood not in ("hostile", "wary"):
        text = f"{_(stage)} {text}"
    return text
