"""How categories and relationship kinds look, as plain data shared by every drawing.

Colour is never the only cue (DESIGN §5): each category is drawn with its shape and a
letter badge taken from its name, unique among the categories of the same shape, and
each relationship kind with a dash pattern and a marker repeated along the line, unique
among the kinds of the map. Negative ties (conflict, distrust) keep their kind's pattern
and marker and add crosses. The canvas, its legend and the plan's figures all draw from
these tables, so what the legend shows is what the map draws.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from .i18n import _
from .model import Category, Relationship, RelationshipKind

__all__ = [
    "DASHES",
    "MARKERS",
    "NEGATIVE_COLOUR",
    "TieLook",
    "badge_text_colour",
    "category_badges",
    "kind_markers",
    "relative_luminance",
    "tie_look",
    "tie_name",
    "ties_in_use",
]

#: Colour of negative ties of a positive kind (distrust, a hostile influence); a kind that
#: is negative itself (conflict) keeps its own colour.
NEGATIVE_COLOUR = "#CC3311"
#: Dash patterns of the four line styles, in line widths (dash, gap, ...); () is solid.
DASHES: Mapping[str, tuple[float, ...]] = {
    "solid": (),
    "dash": (4.0, 2.5),
    "dot": (1.0, 2.0),
    "dashdot": (5.0, 2.0, 1.0, 2.0),
}
#: Markers drawn along a tie so that kinds sharing a line style still look different:
#: nothing, a bar across the line, a dot on it, two bars, an open chevron.
MARKERS = ("", "bar", "dot", "double_bar", "chevron")


@dataclass(frozen=True)
class TieLook:
    """How one kind of tie is drawn: colour, dash pattern, marker, and negative crosses."""

    colour: str
    dashes: tuple[float, ...]
    marker: str
    negative: bool


def kind_markers(kinds: Iterable[RelationshipKind]) -> dict[str, str]:
    """The marker of each kind id: the first kind of each line style has none, the next
    ones take the following markers, so no two kinds of a map share pattern and marker
    (up to five kinds per line style)."""
    used: defaultdict[str, int] = defaultdict(int)
    markers = {}
    for kind in kinds:
        markers[kind.id] = MARKERS[used[kind.style] % len(MARKERS)]
        used[kind.style] += 1
    return markers


def tie_look(kinds: Mapping[str, RelationshipKind], kind_id: str, negative: bool) -> TieLook:
    """How a tie of kind ``kind_id`` (one of ``kinds``, the map's) is drawn, negative or not.

    A negative tie of a positive kind is drawn in the negative colour; every negative tie
    gets crosses, so distrust (a negative trust tie) and conflict differ by their kinds'
    patterns and markers, in colour and in greyscale alike.
    """
    kind = kinds.get(kind_id)
    if kind is None:
        return TieLook("#555555", (), "", negative)
    colour = NEGATIVE_COLOUR if negative and kind.valence != "negative" else kind.colour
    marker = _markers(tuple(kinds.values()))[kind_id]
    return TieLook(colour, DASHES.get(kind.style, ()), marker, negative)


def ties_in_use(
    kinds: Mapping[str, RelationshipKind], relationships: Iterable[Relationship]
) -> list[tuple[str, bool]]:
    """The (kind id, negative) pairs that ``relationships`` draw, for a legend: in the
    order of ``kinds``, each kind's own valence first (trust, then distrust)."""
    drawn = {(r.kind, r.valence == "negative") for r in relationships}
    rows = []
    for kind in kinds.values():
        own = kind.valence == "negative"
        rows += [(kind.id, negative) for negative in (own, not own) if (kind.id, negative) in drawn]
    return rows


def tie_name(kind: RelationshipKind, negative: bool) -> str:
    """A legend's name for ties of ``kind``: its name for its own valence, else marked
    negative or positive ("Trust (negative)" is distrust)."""
    if negative == (kind.valence == "negative"):
        return kind.name
    if negative:
        return _("{kind} (negative)").format(kind=kind.name)
    return _("{kind} (positive)").format(kind=kind.name)


@cache
def _markers(kinds: tuple[RelationshipKind, ...]) -> dict[str, str]:
    return kind_markers(kinds)


def category_badges(categories: Iterable[Category]) -> dict[str, str]:
    """The letter badge of each category id, drawn on its stakeholders and in the legend.

    The badge is the name's first letter, or when a category of the same shape already
    has it, the initials of its first two words, then the first letter with a later one
    ("Community leader" C, "Civil society / NGO" CS): with its shape, a badge tells every
    category apart without colour. Names in any script give their own letters.

    >>> from stakeholder_mapper.core.model import Category
    >>> category_badges([Category("a", "Community leader"), Category("b", "Civil society")])
    {'a': 'C', 'b': 'CS'}
    """
    return dict(_badges(tuple(categories)))


@cache
def _badges(categories: tuple[Category, ...]) -> tuple[tuple[str, str], ...]:
    taken: defaultdict[str, set[str]] = defaultdict(set)
    badges = []
    for number, category in enumerate(categories, start=1):
        used = taken[category.shape]
        badge = next((c for c in _candidates(category.name) if c not in used), str(number))
        used.add(badge)
        badges.append((category.id, badge))
    return tuple(badges)


def _candidates(name: str) -> list[str]:
    """Badges for ``name`` from the most to the least telling: initial, two initials,
    initial and a later letter of the first word."""
    words = ["".join(ch for ch in w if ch.isalnum()) for w in name.split()]
    # Arabic's definite article "al-" starts most words: the letter after it tells them apart.
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words if w]
    if not words:
        return []
    first = words[0]
    candidates = [first[0].upper()]
    if len(words) > 1:
        candidates.append((first[0] + words[1][0]).upper())
    candidates += [(first[0] + letter).upper() for letter in first[1:]]
    return list(dict.fromkeys(candidates))


def relative_luminance(colour: str) -> float:
    """The WCAG 2 relative luminance of a ``#rrggbb`` colour (0 black … 1 white)."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def badge_text_colour(fill: str) -> str:
    """Black or white, whichever contrasts more with ``fill``: the badge's letter colour."""
    luminance = relative_luminance(fill)
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"
