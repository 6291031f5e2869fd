"""How large a stakeholder is drawn for a 1–5 rating: one rule for the canvas (and so its
picture export) and the engagement plan's figures, so that a stakeholder looks as big
beside the others in the plan as on the map. No Qt.
"""

from __future__ import annotations

__all__ = ["UNRATED_RADIUS", "rating_radius"]

#: Radius of a stakeholder whose rating is unknown, in canvas pixels: about that of a
#: rating of 1, so that an unknown rating never looks important.
UNRATED_RADIUS = 12.0


def rating_radius(value: int | None) -> float:
    """Radius in canvas pixels of a stakeholder rated ``value`` (1–5, power or interest).

    >>> rating_radius(1), rating_radius(5), rating_radius(None)
    (12.5, 30.5, 12.0)
    """
    return UNRATED_RADIUS if value is None else 8.0 + 4.5 * value
