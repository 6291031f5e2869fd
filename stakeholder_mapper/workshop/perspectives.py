"""Participants' ratings kept in the map as perspectives: snapshots of the map as each
participant (and the group's median) would rate it.

A perspective is an ordinary snapshot, so the snapshot comparison shows the views with no
new code and no new file format: a participant's perspective against the group median is
their divergence, the group median against the map now is the consensus still to adopt.
Erasing a participant's data is deleting their perspective.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping
from typing import Any

from .room import ANSWER_FIELDS, spread

__all__ = ["Ratings", "group_median", "perspective_content"]

#: Stakeholder id -> field ("power", ...) -> value, ``None`` for "don't know".
Ratings = Mapping[str, Mapping[str, int | None]]


def perspective_content(content: Mapping[str, Any], ratings: Ratings) -> dict[str, Any]:
    """A copy of a map's snapshot content with the rated stakeholders' fields replaced by
    ``ratings``; "don't know" becomes unknown, and stakeholders not rated keep the map's
    values.

    >>> base = {"stakeholders": [{"id": "m", "power": 2, "interest": 3}]}
    >>> perspective_content(base, {"m": {"power": 5, "interest": None}})["stakeholders"]
    [{'id': 'm', 'power': 5, 'interest': None}]
    """
    result = copy.deepcopy(dict(content))
    for row in result.get("stakeholders", []):
        rated = ratings.get(row.get("id"))
        if rated is not None:
            row.update({name: rated.get(name) for name in ANSWER_FIELDS if name in rated})
    return result


def group_median(everyone: list[Ratings]) -> dict[str, dict[str, int | None]]:
    """The group's value of each field of each stakeholder anyone rated: the median of
    the known ratings, a half rounded up; unknown when nobody knew.

    >>> group_median([{"m": {"power": 2}}, {"m": {"power": 5}}, {"m": {"power": None}}])
    {'m': {'power': 4, 'interest': None, 'position': None, 'influence': None}}
    """
    ids = list(dict.fromkeys(sid for ratings in everyone for sid in ratings))
    result: dict[str, dict[str, int | None]] = {}
    for sid in ids:
        values: dict[str, int | None] = {}
        for name, bounds in ANSWER_FIELDS.items():
            given = [r[sid].get(name) for r in everyone if sid in r]
            median = spread(given, bounds).median
            values[name] = None if median is None else math.floor(median + 0.5)
        result[sid] = values
    return result
