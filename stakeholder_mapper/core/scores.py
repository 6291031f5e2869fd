"""Workshop scores: Net-Map influence towers and dot votes, set one undo step at a time.

In a Net-Map workshop the room stacks checkers under each actor: the taller the tower,
the more influence the group thinks the actor has. Towers are open-ended counts, while
``power`` is on the 1-5 scale the analysis and the plan use, so :func:`power_from_towers`
turns the towers into power when the facilitator asks for it.
"""

from __future__ import annotations

import math
from typing import Any

from .commands import Batch, UpdateStakeholder
from .model import StakeholderMap
from .validation import ValidationError

__all__ = ["PowerFromTowers", "SetInfluence", "SetVotes", "power_from_towers"]


class SetInfluence(UpdateStakeholder):
    """Set the height of one stakeholder's influence tower (``None`` = not asked yet)."""

    def __init__(self, smap: StakeholderMap, stakeholder_id: str, height: int | None) -> None:
        super().__init__(smap, stakeholder_id, influence=height)
        shown = "unknown" if height is None else str(height)
        self.text = f"Set influence tower of {self.old.label} to {shown}"


class SetVotes(UpdateStakeholder):
    """Set the number of dot votes one stakeholder received (``None`` = not voted on)."""

    def __init__(self, smap: StakeholderMap, stakeholder_id: str, votes: int | None) -> None:
        super().__init__(smap, stakeholder_id, votes=votes)
        shown = "unknown" if votes is None else str(votes)
        self.text = f"Set dot votes of {self.old.label} to {shown}"


def power_from_towers(smap: StakeholderMap) -> dict[str, int]:
    """Power 1-5 for each stakeholder with a tower, scaled so the tallest tower gets 5.

    Power is ``ceil(5 * height / tallest)``, at least 1: with towers 10, 6, 2 and 0 the
    powers are 5, 3, 1 and 1. Stakeholders without a tower are left out (unknown stays
    unknown); if every tower is 0 they all get 1.
    """
    heights = {sid: s.influence for sid, s in smap.stakeholders.items() if s.influence is not None}
    tallest = max(heights.values(), default=0)
    if tallest == 0:
        return dict.fromkeys(heights, 1)
    return {sid: max(1, math.ceil(5 * h / tallest)) for sid, h in heights.items()}


class PowerFromTowers(Batch):
    """Set every towered stakeholder's power from its tower height, as one undo step."""

    def __init__(self, smap: StakeholderMap) -> None:
        powers = power_from_towers(smap)
        if not powers:
            raise ValidationError("No stakeholder has an influence tower yet.")
        steps: list[Any] = [
            (lambda m, sid=sid, p=p: UpdateStakeholder(m, sid, power=p))
            for sid, p in powers.items()
            if smap.stakeholders[sid].power != p
        ]
        if not steps:
            raise ValidationError("Power already matches the influence towers.")
        built = Batch.build(smap, "Set power from influence towers", steps)
        super().__init__(built.text, built.commands)
