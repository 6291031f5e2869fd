"""The stakeholders a picture of the map always names: our branch, the top brokers and the
most powerful. The canvas labels them before any other, so that a crowded map or a
projector never leaves the actors a meeting is about unnamed. No Qt.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from ..core.model import StakeholderMap
from .routes import our_branch

__all__ = ["MOST_POWERFUL", "TOP_BROKERS", "always_named", "top_brokers"]

#: How many brokers, and how many of the most powerful stakeholders, are always named.
TOP_BROKERS = 5
MOST_POWERFUL = 5


def top_brokers(
    smap: StakeholderMap, brokerage: Mapping[str, float], count: int = TOP_BROKERS
) -> list[str]:
    """Ids of the ``count`` stakeholders with the highest brokerage above zero, highest
    first (ties by name), so that a map with no broker names none.

    >>> from stakeholder_mapper.core.model import Stakeholder, StakeholderMap
    >>> smap = StakeholderMap()
    >>> for sid in "abc":
    ...     smap.stakeholders[sid] = Stakeholder(sid, sid.upper(), "ngo")
    >>> top_brokers(smap, {"a": 0.0, "b": 0.5, "c": 0.2}, count=5)
    ['b', 'c']
    """
    ranked = [
        (-value, smap.stakeholders[sid].label, sid)
        for sid, value in brokerage.items()
        if sid in smap.stakeholders and value is not None and math.isfinite(value) and value > 0
    ]
    return [sid for _value, _label, sid in sorted(ranked)[:count]]


def always_named(
    smap: StakeholderMap,
    brokerage: Mapping[str, float] | None = None,
    brokers: int = TOP_BROKERS,
    powerful: int = MOST_POWERFUL,
) -> list[str]:
    """Ids of the stakeholders always named: our branch, the top ``brokers`` by
    ``brokerage`` (betweenness, say; none before metrics are in), and up to ``powerful``
    of those with the highest power rating (higher influence tower first, then by name).
    """
    named = [] if (branch := our_branch(smap)) is None else [branch]
    named += top_brokers(smap, brokerage or {}, brokers)
    rated = [s for s in smap.stakeholders.values() if s.power is not None]
    if rated:
        top = max(s.power for s in rated)
        strongest = sorted(
            (s for s in rated if s.power == top),
            key=lambda s: (-(s.influence or 0), s.label),
        )
        named += [s.id for s in strongest[:powerful]]
    return list(dict.fromkeys(named))
