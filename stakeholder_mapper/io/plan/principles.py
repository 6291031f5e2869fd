"""The Movement's Principles of Action for urban community resilience, as the plan names
them (a table of wordings, ready for a message catalogue).

Short English titles of the twelve commitments of the resolution "Strengthening urban
community resilience: Principles of Action" (Council of Delegates of the International
Red Cross and Red Crescent Movement, 2026), numbered as in its annex. A stakeholder
records the numbers of the principles it relates to (``Stakeholder.principles``).

Example::

    >>> principle_title(11)
    '11. Use and expand humanitarian diplomacy for transformation'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...core.i18n import N_, _
from ...core.model import StakeholderMap

__all__ = [
    "PRINCIPLES",
    "PRINCIPLE_LABEL",
    "Coverage",
    "coverage",
    "principle_title",
    "principle_titles",
]

#: Principle number -> its short title (the resolution's own wording, shortened).
PRINCIPLES: dict[int, str] = {
    1: N_(
        "Strengthen urban preparedness and the effectiveness of humanitarian action through "
        "collaboration"
    ),
    2: N_(
        "Engage urban communities in ways suited to them, for cohesion, inclusion and "
        "meaningful participation"
    ),
    3: N_("Lead inclusive engagement of urban stakeholders and build coalitions"),
    4: N_("Put building trust and delivering results first"),
    5: N_("Introduce and expand inclusive, adaptable urban volunteering"),
    6: N_("Invest in the capacity for strategic partnerships with impact at scale"),
    7: N_("Provide risk-informed urban humanitarian services ready for tomorrow's needs"),
    8: N_("Build skills to innovate in financing and resourcing urban humanitarian action"),
    9: N_("Bring systems thinking into all urban work"),
    10: N_(
        "Put data, analytics and evidence at the centre of decisions on urban humanitarian action"
    ),
    11: N_("Use and expand humanitarian diplomacy for transformation"),
    12: N_("Ensure youth engagement and leadership"),
}

#: How one principle is named in a sentence or a cell: number and title.
PRINCIPLE_LABEL = "{number}. {title}"


def principle_title(number: int) -> str:
    """The principle's number and title in the plan's language ("11. Use and expand…")."""
    return PRINCIPLE_LABEL.format(number=number, title=_(PRINCIPLES[number]))


def principle_titles(numbers: Iterable[int]) -> list[str]:
    """:func:`principle_title` of each number, in the order given."""
    return [principle_title(n) for n in numbers]


@dataclass(frozen=True)
class Coverage:
    """Who serves one principle: the stakeholders linked to it and their next actions."""

    number: int
    #: Ids of the stakeholders linked to the principle, in the order given.
    stakeholders: tuple[str, ...]
    #: How many of them have a next action recorded.
    actions: int

    @property
    def served(self) -> bool:
        """Whether any stakeholder is linked to the principle."""
        return bool(self.stakeholders)


def coverage(smap: StakeholderMap, ids: Iterable[str]) -> list[Coverage]:
    """For each of the twelve principles, in order, the stakeholders among ``ids`` that
    serve it and how many next actions they carry, so that a plan can show which
    principles nobody serves yet."""
    ids = list(ids)
    return [
        Coverage(
            number,
            linked := tuple(sid for sid in ids if number in smap.stakeholders[sid].principles),
            sum(1 for sid in linked if smap.stakeholders[sid].engagement.next_action.strip()),
        )
        for number in PRINCIPLES
    ]
