"""Columns of other tools' files read as close as the model allows (DESIGN.md §8).

A column is *foreign* when the file comes from another tool (a GraphML or GEXF file this
app did not write, a Kumu workbook) or when its header was recognised only under another
name ("Weight" for strength, "Pouvoir" for power). The app's own columns, under their own
names in a user's table, stay strict.

- Word scales: power and interest written as words ("High", "moyen", "baja", "высокий",
  "مرتفع") become 1-5 when every word of the column is on the scale: very low 1, low 2,
  medium 3, high 4, very high 5. Position and trust (-2 to +2) are not guessed from words.
- A foreign column most of whose values do not fit its field otherwise ("VP" for a
  position) is kept, under its header, as a custom attribute. One that mostly fits is
  read as the field: its few bad values are typos and reject their rows as usual.
- Weights: a foreign strength column of whole numbers 1 to 5 is read as it is. Other
  numbers are ranked among the file's distinct weights and spread evenly over 1-5:
  ``strength = 1 + round(4 * rank / (distinct - 1))`` (lowest 1, highest 5, one distinct
  weight 3), so a heavy-tailed weight such as co-appearances still uses the whole scale
  and equal weights keep equal strengths. The original weight is kept as a relationship
  attribute named after the header and written back on export. A missing weight takes
  the file's default (a GraphML key's default, otherwise 1, the default of GEXF, Gephi,
  networkx and igraph).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..core.model import StakeholderMap
from .columns import normalise_header

__all__ = [
    "DEFAULT_WEIGHT",
    "SIZE_ATTRIBUTE",
    "WORD_SCALE",
    "WeightMapping",
    "imported_sizes",
    "is_foreign",
    "map_weights",
    "map_words",
]

#: The weight of an edge that gives none, in GEXF, Gephi, networkx and igraph.
DEFAULT_WEIGHT = "1"
#: The attribute holding a node's size from Gephi (``viz:size``) or another tool.
SIZE_ATTRIBUTE = "size"

_LEVELS = {
    1: ("very low", "très faible", "très bas", "muy bajo", "muy baja", "очень низкий",
        "очень низкая", "منخفض جدا", "ضعيف جدا"),
    2: ("low", "faible", "bas", "basse", "bajo", "baja", "низкий", "низкая", "منخفض", "ضعيف"),
    3: ("medium", "moderate", "moyen", "moyenne", "modéré", "medio", "media", "moderado",
        "средний", "средняя", "متوسط"),
    4: ("high", "élevé", "élevée", "fort", "forte", "haut", "haute", "alto", "alta",
        "высокий", "высокая", "مرتفع", "عال", "عالي", "قوي"),
    5: ("very high", "très élevé", "très élevée", "très fort", "très forte", "muy alto",
        "muy alta", "очень высокий", "очень высокая", "مرتفع جدا", "عال جدا", "قوي جدا"),
}  # fmt: skip
#: Words of a 1-5 scale in English, French, Spanish, Russian and Arabic, by their level.
WORD_SCALE: dict[str, int] = {
    re.sub(r"\s+", " ", word.casefold()): level
    for level, words in _LEVELS.items()
    for word in words
}


def is_foreign(header: str, column: str, third_party: bool) -> bool:
    """Whether ``header`` holds ``column`` only by another tool's or language's name."""
    return third_party or normalise_header(header) != normalise_header(column)


def map_words(cells: list[str]) -> list[str] | None:
    """The cells with scale words turned into 1-5, or None when a word is not on the scale."""
    out = []
    for cell in cells:
        text = re.sub(r"\s+", " ", cell.strip().casefold())
        if not text or re.fullmatch(r"[1-5]", text):
            out.append(text)
        elif text in WORD_SCALE:
            out.append(str(WORD_SCALE[text]))
        else:
            return None
    return out


@dataclass(frozen=True)
class WeightMapping:
    """Strengths made from a column of foreign weights, and what the report says of them."""

    strengths: list[str]
    originals: list[str]
    lowest: float
    highest: float
    distinct: int
    filled: int


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def map_weights(cells: list[str], default: str = DEFAULT_WEIGHT) -> WeightMapping | None:
    """Strengths 1-5 for foreign weights by the rule above; None if one is not a number.

    Whole numbers 1 to 5 are kept as they are (``distinct`` is then 0). Blank cells take
    ``default``.
    """
    filled = sum(1 for c in cells if not c.strip())
    originals = [c.strip() or default for c in cells]
    numbers = [_number(c) for c in originals]
    if any(n is None for n in numbers):
        return None
    values = [n for n in numbers if n is not None]
    if not values:
        return None
    if all(v.is_integer() and 1 <= v <= 5 for v in values):
        strengths = [str(int(v)) for v in values]
        return WeightMapping(strengths, originals, min(values), max(values), 0, filled)
    distinct = sorted(set(values))
    rank = {v: i for i, v in enumerate(distinct)}
    span = len(distinct) - 1
    strengths = [str(1 + math.floor(4 * rank[v] / span + 0.5)) if span else "3" for v in values]
    return WeightMapping(strengths, originals, distinct[0], distinct[-1], len(distinct), filled)


def imported_sizes(smap: StakeholderMap) -> dict[str, float]:
    """The node sizes another tool gave, by stakeholder id (those with a number only)."""
    sizes = {}
    for s in smap.stakeholders.values():
        value = _number(s.attributes.get(SIZE_ATTRIBUTE, "").strip())
        if value is not None:
            sizes[s.id] = value
    return sizes
