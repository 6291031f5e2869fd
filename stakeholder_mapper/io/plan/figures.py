"""Print-resolution figures for the plan, drawn with matplotlib's Agg backend (no display, no Qt).

* :func:`network_png` — the map as drawn on the canvas: stakeholders at their stored
  positions (unplaced ones where every view puts them), coloured by category with the
  category's shape and letter badge as further cues, ties as lines with each kind's
  colour, dash pattern and marker, crosses on negative ties, arrowheads for directed
  kinds, labels.
* :func:`power_interest_png` — the power–interest (Mendelow) grid with its four quadrants.
* :func:`quadrant_counts_png` — the same grid showing counts only, for the public version.

Why a second network renderer beside the canvas's picture export (``ui/canvas/figure.py``,
``export --to png|svg``): that export is a picture of the view, drawn by the Qt scene
with whatever the user set there (filters, focus, the size-by choice, label style) and
so it needs Qt; the plan is written below the user interface, where Qt is not allowed
(the layers contract), from the command line and a background thread alike, on a fixed
page at print resolution, and it names crowded stakeholders by their number in the
priority table, which the canvas has no notion of. What a reader compares between the
two is shared rather than copied: positions (:func:`~...core.placement.drawn_positions`),
category colours, shapes and badges and the ties' looks (``core.styles``, which the
canvas and its legend draw from too), and node size by power
(:func:`~...core.node_size.rating_radius`).
"""

from __future__ import annotations

import functools
import io
import math
import textwrap
from collections.abc import Callable, Collection, Sequence
from typing import ParamSpec

import numpy as np
from matplotlib import font_manager, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D
from matplotlib.patheffects import withStroke
from matplotlib.textpath import TextPath

from ...analysis.compare import quadrant as mendelow
from ...core.i18n import _
from ...core.model import StakeholderMap
from ...core.node_size import rating_radius
from ...core.placement import drawn_positions
from ...core.styles import (
    TieLook,
    badge_text_colour,
    category_badges,
    tie_look,
    tie_name,
    ties_in_use,
)
from ...paths import FONT_FAMILIES, FONT_FILES
from .disclosure import protect
from .priorities import HIGH_FROM
from .restricted import MIN_PUBLIC_COUNT

__all__ = [
    "coalition_size",
    "grid_counts",
    "grid_labels",
    "network_png",
    "power_interest_png",
    "quadrant_counts_png",
    "tie_legend",
]

#: Category shapes (model names) as matplotlib markers.
MARKERS = {
    "circle": "o",
    "square": "s",
    "diamond": "D",
    "triangle": "^",
    "hexagon": "h",
    "star": "*",
    "pentagon": "p",
}
#: The bundled fonts, then matplotlib's own DejaVu Sans for the odd symbol they lack.
FONT = [*FONT_FAMILIES, "DejaVu Sans"]
INK = "#1F2A36"
#: Smallest stakeholder, in points across, that carries its category's letter badge.
BADGE_FROM_POINTS = 7.0
#: Size of stakeholder names on the network figure, in points at the printed size.
LABEL_POINTS = 7.0
#: The network figure's printed size in inches: a landscape A4 page between the margins,
#: below the section heading and its introduction.
NETWORK_SIZE = (9.9, 4.95)
#: Points of the printed drawing per pixel of the canvas for a stakeholder's size: power 1
#: is about 5 pt across, power 5 about 12 pt.
POINTS_PER_CANVAS_PIXEL = 0.2
#: zlib level of the figures' PNG files (1 fastest, 9 smallest).
PNG_COMPRESSION = 1
#: Size of the coalition numbers on an overview of a large network.
GROUP_POINTS = 13.0
#: At most this much wider than tall the network is stretched to fill the page: names
#: are wide, so horizontal room is what keeps them apart.
MAX_STRETCH = 1.8
#: A coalition's drawing is stretched further: it shows who is tied to whom within one
#: group, where a wide drawing keeps more names apart than a tall one.
COALITION_STRETCH = 2.5
#: Height of a coalition's drawing in inches, least and most: at most, two drawings and
#: their captions share a landscape page.
COALITION_HEIGHT = (1.6, 2.6)


@functools.cache
def _register_bundled_fonts() -> None:
    for path in FONT_FILES:
        font_manager.fontManager.addfont(str(path))


_P = ParamSpec("_P")


def _drawn_with_bundled_fonts(draw: Callable[_P, bytes]) -> Callable[_P, bytes]:
    """Every text of the figure in the bundled fonts, which every machine has."""

    @functools.wraps(draw)
    def drawn(*args: _P.args, **kwargs: _P.kwargs) -> bytes:
        _register_bundled_fonts()
        with rc_context({"font.family": FONT}):
            return draw(*args, **kwargs)

    return drawn


def _png(fig: Figure, dpi: int) -> bytes:
    """The figure as PNG bytes, as laid out by :func:`_lay_out` (a figure saved with a
    layout engine is drawn twice, every text measured and laid out a second time).
    The PNG is compressed lightly (zlib level 1): a third faster to write than the
    default, for files about a tenth larger."""
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(
        buffer,
        format="png",
        dpi=dpi,
        metadata={"Software": None},
        pil_kwargs={"compress_level": PNG_COMPRESSION},
    )
    return buffer.getvalue()


def _lay_out(fig: Figure) -> None:
    """Fit the axes, legends and labels into the figure (constrained layout)."""
    ConstrainedLayoutEngine().execute(fig)


def _new_figure(width_in: float, height_in: float) -> Figure:
    fig = Figure(figsize=(width_in, height_in))
    fig.set_facecolor("white")
    return fig


def tie_legend(smap: StakeholderMap) -> list[tuple[str, TieLook]]:
    """The network figure's tie legend: (name, look) for each kind of tie the map draws,
    negative ones apart ("Trust (negative)"), in the order and with the looks of the
    canvas's legend."""
    return [
        (tie_name(smap.kinds[k], negative), tie_look(smap.kinds, k, negative))
        for k, negative in ties_in_use(smap.kinds, smap.relationships.values())
    ]


#: The canvas's tie markers as legend symbols.
_LEGEND_MARKS = {"bar": "|", "dot": "o", "double_bar": "$||$", "chevron": "$>$"}


def _tie_legend(fig: Figure, smap: StakeholderMap) -> None:
    """What the colours, dashes and marks of the ties mean."""
    handles, labels = [], []
    for label, look in tie_legend(smap):
        line = Line2D(
            [],
            [],
            color=look.colour,
            linewidth=1.6,
            linestyle=(0, look.dashes) if look.dashes else "solid",
            marker=_LEGEND_MARKS.get(look.marker, ""),
            markersize=4,
        )
        parts = [line]
        if look.negative:
            parts.append(Line2D([], [], linestyle="", marker="x", color=look.colour, markersize=4))
        handles.append(tuple(parts))
        labels.append(label)
    if handles:
        fig.legend(
            handles=handles,
            labels=labels,
            handler_map={tuple: HandlerTuple(ndivide=1)},
            loc="outside right lower",
            title=_("Ties"),
            title_fontsize=7.5,
            alignment="left",
            frameon=False,
            fontsize=7,
            handlelength=2.4,
        )


def _legend(
    fig: Figure,
    smap: StakeholderMap,
    used: Sequence[str],
    size: float,
    side: bool = False,
    lettered: bool = False,
) -> None:
    """The categories' colours and shapes, with their letter badges if the drawing has
    them (``lettered``): below the plot, or at its right (``side``)."""
    badges = category_badges(smap.categories.values())
    handles, labels = [], []
    for c in used:
        category = smap.categories.get(c)
        if category is None:
            continue
        shape = Line2D(
            [],
            [],
            linestyle="",
            marker=MARKERS.get(category.shape, "o"),
            markerfacecolor=category.colour,
            markeredgecolor=INK,
            markersize=size * 1.5 if lettered else size,
        )
        letters = Line2D(
            [],
            [],
            linestyle="",
            marker=_badge_marker(badges[c]),
            markerfacecolor=badge_text_colour(category.colour),
            markeredgewidth=0,
            markersize=size * (0.6 if len(badges[c]) == 1 else 0.85),
        )
        handles.append((shape, letters) if lettered else (shape,))
        labels.append(category.name)
    if handles and side:
        fig.legend(
            handles=handles,
            labels=labels,
            handler_map={tuple: HandlerTuple(ndivide=1)},
            loc="outside right upper",
            title=_("Stakeholders"),
            title_fontsize=7.5,
            alignment="left",
            frameon=False,
            fontsize=7,
            handletextpad=0.3,
        )
    elif handles:
        fig.legend(
            handles=handles,
            labels=labels,
            handler_map={tuple: HandlerTuple(ndivide=1)},
            loc="outside lower center",
            ncol=min(4, len(handles)),
            frameon=False,
            fontsize=6.5,
            handletextpad=0.3,
            columnspacing=1.2,
        )


@functools.cache
def _badge_marker(badge: str) -> TextPath:
    """A category's letters as a marker path, centred, in the bundled bold font."""
    path = TextPath((0, 0), badge, size=10, prop=FontProperties(family=FONT, weight="bold"))
    box = path.get_extents()
    return TextPath(
        (-box.x0 - box.width / 2, -box.y0 - box.height / 2),
        badge,
        size=10,
        prop=FontProperties(family=FONT, weight="bold"),
    )


def _node_size(power: int | None) -> float:
    """Marker area in points² for a power of 1–5 (unknown drawn small): the canvas's
    radius for that power, scaled to the page."""
    return (2 * rating_radius(power) * POINTS_PER_CANVAS_PIXEL) ** 2


def _short(label: str, width: int = 24, most: int = 3) -> str:
    """The label on at most ``most`` lines of about ``width`` characters."""
    lines = textwrap.wrap(label, width) or [""]
    if len(lines) > most:
        rest = textwrap.shorten(" ".join(lines[most - 1 :]), width, placeholder="…")
        lines = [*lines[: most - 1], rest]
    return "\n".join(lines)


def _overlaps(box: tuple[float, float, float, float], placed: list) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in placed)


def _place_labels(
    ax,
    xy: np.ndarray,
    ids: Sequence[str],
    smap: StakeholderMap,
    numbers: dict[str, int],
    per_point: float,
) -> None:
    """Name each stakeholder where its label does not cover another label or a marker.

    The most powerful are placed first; where no free spot is found the stakeholder gets
    its number from the priority table instead.
    """
    size = LABEL_POINTS
    (left, right), (bottom, top) = ax.get_xlim(), ax.get_ylim()
    placed = []
    for i, sid in enumerate(ids):
        r = math.sqrt(_node_size(smap.stakeholders[sid].power)) / 2 * per_point
        placed.append((xy[i, 0] - r, xy[i, 1] - r, xy[i, 0] + r, xy[i, 1] + r))
    order = sorted(range(len(ids)), key=lambda i: -(smap.stakeholders[ids[i]].power or 0))
    halo = [withStroke(linewidth=1.8, foreground="white")]
    for i in order:
        sid = ids[i]
        s = smap.stakeholders[sid]
        r = math.sqrt(_node_size(s.power)) / 2 * per_point
        x, y = xy[i]
        done = False
        for text in (_short(s.label), str(numbers.get(sid, ""))):
            lines = text.split("\n")
            w = 0.56 * size * max(len(line) for line in lines) * per_point
            h = 1.25 * size * len(lines) * per_point
            gap = r + 1.5 * per_point
            spots = (
                ((x - w / 2, y - gap - h, x + w / 2, y - gap), "center", "top", x, y - gap),
                ((x - w / 2, y + gap, x + w / 2, y + gap + h), "center", "bottom", x, y + gap),
                ((x + gap, y - h / 2, x + gap + w, y + h / 2), "left", "center", x + gap, y),
                ((x - gap - w, y - h / 2, x - gap, y + h / 2), "right", "center", x - gap, y),
            )
            for box, ha, va, tx, ty in spots:
                inside = left <= box[0] and box[2] <= right and bottom <= box[1] and box[3] <= top
                if inside and not _overlaps(box, placed):
                    placed.append(box)
                    ax.text(
                        tx,
                        ty,
                        text,
                        fontsize=size,
                        ha=ha,
                        va=va,
                        color=INK,
                        path_effects=halo,
                        zorder=5,
                        linespacing=1.0,
                    )
                    done = True
                    break
            if done:
                break


def _extent(smap: StakeholderMap) -> np.ndarray:
    """Width and height of the drawn positions (canvas units, at least 1 each)."""
    pos = drawn_positions(smap.stakeholders, smap.positions)
    xy = np.array(list(pos.values()) or [(0.0, 0.0)])
    return np.maximum(xy.max(axis=0) - xy.min(axis=0), 1.0)


def coalition_size(smap: StakeholderMap) -> tuple[float, float]:
    """Width and height in inches of a coalition's drawing, sized to its content.

    As wide as the page when the coalition, stretched by at most
    :data:`COALITION_STRETCH`, fills it at the least height of :data:`COALITION_HEIGHT`
    or more; narrower when even the most height leaves it short of the page's width.
    """
    width, (least, most) = NETWORK_SIZE[0], COALITION_HEIGHT
    extent = _extent(smap)
    wide = extent[0] / extent[1] * COALITION_STRETCH  # the widest it may be drawn, per height
    height = min(max(width / wide, least), most)
    return min(width, height * wide), height


@_drawn_with_bundled_fonts
def network_png(
    smap: StakeholderMap,
    numbers: dict[str, int],
    highlight: str | None = None,
    dpi: int = 300,
    groups: dict[str, int] | None = None,
    size: tuple[float, float] | None = None,
) -> bytes:
    """The network as a PNG: positions from the canvas, category colour and shape, arrows.

    ``numbers`` are the stakeholders' numbers in the priority table: a stakeholder whose
    name would cover another is shown by its number. ``highlight`` (our branch) is circled.
    With ``groups`` (stakeholder -> coalition number) the drawing is an overview of a
    large map: each coalition's number stands at its middle instead of the names.
    With a ``size`` in inches (a coalition drawn after the overview, see
    :func:`coalition_size`) the drawing has no legends, the overview has them, and fills
    the size, stretched by at most :data:`COALITION_STRETCH`; no layout engine measures it.
    """
    legend = size is None
    size = size or NETWORK_SIZE
    fig = _new_figure(*size)
    ax = fig.add_subplot() if legend else fig.add_axes((0.0, 0.0, 1.0, 1.0))
    ax.set_axis_off()
    ax.set_aspect("equal")
    ids = list(smap.stakeholders)
    if not ids:
        ax.text(0.5, 0.5, _("No stakeholders yet"), ha="center", va="center", color=INK)
        _lay_out(fig)
        return _png(fig, dpi)
    used = list(dict.fromkeys(smap.stakeholders[s].category for s in ids))
    FigureCanvasAgg(fig)
    if legend:
        _legend(fig, smap, used, 6, side=True, lettered=True)
        _tie_legend(fig, smap)
        _lay_out(fig)
    box = ax.get_position(original=True)
    room = (box.width * size[0]) / (box.height * size[1])
    pos = drawn_positions(smap.stakeholders, smap.positions)
    xy = np.array([(pos[s][0], -pos[s][1]) for s in ids])  # canvas y grows downwards
    index = {s: i for i, s in enumerate(ids)}
    extent = _extent(smap)
    # Stretched sideways to fill the landscape page, within reason.
    most = MAX_STRETCH if legend else COALITION_STRETCH
    xy[:, 0] *= min(max(room * extent[1] / extent[0], 1.0), most)
    low, high = xy.min(axis=0), xy.max(axis=0)
    span = max(float((high - low).max()), 1.0)
    pad = span * 0.05
    ax.set_xlim(low[0] - pad, high[0] + pad)
    ax.set_ylim(low[1] - pad, high[1] + pad)
    # Data units per typographic point, to stop arrows at the markers and place labels.
    if legend:
        _lay_out(fig)
    bbox = ax.get_window_extent()
    per_point = max(
        (high[0] - low[0] + 2 * pad) / (bbox.width * 72 / fig.dpi),
        (high[1] - low[1] + 2 * pad) / (bbox.height * 72 / fig.dpi),
    )
    _draw_ties(ax, smap, xy, index, per_point)
    for category in used:
        members = [i for i, sid in enumerate(ids) if smap.stakeholders[sid].category == category]
        cat = smap.categories.get(category)
        ax.scatter(
            xy[members, 0],
            xy[members, 1],
            s=[_node_size(smap.stakeholders[ids[i]].power) for i in members],
            marker=MARKERS.get(cat.shape if cat else "circle", "o"),
            c=cat.colour if cat else "#999999",
            edgecolors=INK,
            linewidths=0.5,
            zorder=3,
        )
    _draw_badges(ax, smap, xy, ids)
    if highlight in index:
        i = index[highlight]
        ax.scatter(
            [xy[i, 0]],
            [xy[i, 1]],
            s=_node_size(smap.stakeholders[highlight].power) * 3.0,
            facecolors="none",
            edgecolors=INK,
            linewidths=1.2,
            zorder=4,
        )
    if groups is None:
        _place_labels(ax, xy, ids, smap, numbers, per_point)
    else:
        _label_groups(ax, xy, ids, groups)
    return _png(fig, dpi)


def _draw_badges(ax, smap: StakeholderMap, xy: np.ndarray, ids: Sequence[str]) -> None:
    """Each stakeholder's category letters on its shape, if it is large enough to hold
    them: in greyscale print the letters tell apart categories of the same shape."""
    badges = category_badges(smap.categories.values())
    for i, sid in enumerate(ids):
        stakeholder = smap.stakeholders[sid]
        category = smap.categories.get(stakeholder.category)
        across = math.sqrt(_node_size(stakeholder.power))
        if category is None or across < BADGE_FROM_POINTS:
            continue
        badge = badges[category.id]
        ax.text(
            xy[i, 0],
            xy[i, 1],
            badge,
            fontsize=across * (0.55 if len(badge) == 1 else 0.4),
            fontweight="bold",
            ha="center",
            va="center_baseline",
            color=badge_text_colour(stakeholder.colour or category.colour),
            zorder=3.5,
        )


def _label_groups(ax, xy: np.ndarray, ids: Sequence[str], groups: dict[str, int]) -> None:
    """Each coalition's number, large, at the median position of its members."""
    halo = [withStroke(linewidth=3.0, foreground="white")]
    for number in sorted(set(groups.values())):
        members = [i for i, sid in enumerate(ids) if groups.get(sid) == number]
        x, y = np.median(xy[members], axis=0)
        ax.text(
            x,
            y,
            str(number),
            fontsize=GROUP_POINTS,
            fontweight="bold",
            ha="center",
            va="center",
            color=INK,
            path_effects=halo,
            zorder=6,
        )


def _draw_ties(
    ax, smap: StakeholderMap, xy: np.ndarray, index: dict[str, int], per_point: float
) -> None:
    """Ties as one line collection and arrowheads as one polygon collection (fast)."""
    segments, colours, widths, styles, heads, head_colours = [], [], [], [], [], []
    marks, mark_colours, mark_widths, dots, dot_colours = [], [], [], [], []
    for r in smap.relationships.values():
        if r.source not in index or r.target not in index or r.source == r.target:
            continue
        a, b = xy[index[r.source]], xy[index[r.target]]
        length = float(np.hypot(*(b - a)))
        if length == 0:
            continue
        unit = (b - a) / length
        start = a + unit * math.sqrt(_node_size(smap.stakeholders[r.source].power)) / 2 * per_point
        end = (
            b
            - unit
            * (math.sqrt(_node_size(smap.stakeholders[r.target].power)) / 2 + 0.8)
            * per_point
        )
        look = tie_look(smap.kinds, r.kind, r.valence == "negative")
        colour = look.colour
        width = 0.25 + 0.2 * r.strength
        segments.append((start, end))
        colours.append(colour)
        widths.append(width)
        styles.append((0, look.dashes) if look.dashes else "solid")
        for segment in _tie_marks(start, end, look, per_point * (2.0 + width)):
            marks.append(segment)
            mark_colours.append(colour)
            mark_widths.append(max(0.4, 0.6 * width))
        if look.marker == "dot":
            dots.append((start + end) / 2)
            dot_colours.append(colour)
        if r.directed:
            head = per_point * (3.0 + 0.4 * r.strength)
            normal = np.array([-unit[1], unit[0]])
            base = end - unit * head
            heads.append([end, base + normal * head * 0.4, base - normal * head * 0.4])
            head_colours.append(colour)
    if segments:
        ax.add_collection(
            LineCollection(
                segments,
                colors=colours,
                linewidths=widths,
                linestyles=styles,
                alpha=0.6,
                zorder=1,
            )
        )
    if marks:
        ax.add_collection(
            LineCollection(
                marks, colors=mark_colours, linewidths=mark_widths, alpha=0.8, zorder=1.5
            )
        )
    if dots:
        points = np.array(dots)
        ax.scatter(points[:, 0], points[:, 1], s=3.0, c=dot_colours, linewidths=0, zorder=1.5)
    if heads:
        ax.add_collection(
            PolyCollection(heads, facecolors=head_colours, edgecolors="none", alpha=0.8, zorder=2)
        )


def _tie_marks(
    start: np.ndarray, end: np.ndarray, look: TieLook, size: float
) -> list[tuple[np.ndarray, np.ndarray]]:
    """The short strokes marking a tie as on the canvas: its kind's bars or chevron at the
    middle and, when negative, crosses at a fifth from either end."""
    along = end - start
    length = float(np.hypot(*along))
    if length == 0:
        return []
    unit = along / length
    normal = np.array([-unit[1], unit[0]])
    half = size / 2
    middle = start + along / 2
    strokes = []
    if look.marker == "bar":
        strokes.append((middle - normal * half, middle + normal * half))
    elif look.marker == "double_bar":
        for shift in (-half / 2, half / 2):
            centre = middle + unit * shift
            strokes.append((centre - normal * half, centre + normal * half))
    elif look.marker == "chevron":
        tip = middle + unit * half / 2
        strokes += [(middle - unit * half / 2 + normal * half, tip)]
        strokes += [(middle - unit * half / 2 - normal * half, tip)]
    if look.negative:
        for t in (0.2, 0.8):
            centre = start + along * t
            for a, b in ((unit + normal, -unit - normal), (unit - normal, -unit + normal)):
                strokes.append((centre + a * half * 0.7, centre + b * half * 0.7))
    return strokes


def _cell_offsets(count: int) -> list[tuple[float, float]]:
    """Spread ``count`` points inside one grid cell without overlap (a small spiral)."""
    if count == 1:
        return [(0.0, 0.0)]
    offsets = []
    for k in range(count):
        radius = 0.12 + 0.28 * math.sqrt(k / max(count - 1, 1))
        angle = k * 2.39996  # golden angle
        offsets.append((radius * math.cos(angle), radius * math.sin(angle)))
    return offsets


def _grid_axes(fig: Figure):
    ax = fig.add_subplot()
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.set_xlabel(_("Interest in our objective (1–5)"), fontsize=8, color=INK)
    ax.set_ylabel(_("Power / influence (1–5)"), fontsize=8, color=INK)
    ax.tick_params(labelsize=7, colors=INK)
    line = HIGH_FROM - 0.5
    ax.axhline(line, color="#8497B0", linewidth=0.8)
    ax.axvline(line, color="#8497B0", linewidth=0.8)
    corners = (
        (0.55, 5.42, "Keep satisfied", "left"),
        (5.45, 5.42, "Manage closely", "right"),
        (0.55, 0.58, "Monitor", "left"),
        (5.45, 0.58, "Keep informed", "right"),
    )
    for x, y, text, ha in corners:
        ax.text(
            x,
            y,
            _(text),
            fontsize=8,
            ha=ha,
            va="top" if y > 3 else "bottom",
            color="#44546A",
            fontweight="bold",
        )
    for spine in ax.spines.values():
        spine.set_color("#8497B0")
    return ax


@_drawn_with_bundled_fonts
def power_interest_png(smap: StakeholderMap, numbers: dict[str, int], dpi: int = 300) -> bytes:
    """The power–interest grid as a PNG: one marker per rated stakeholder, in its cell,
    with its number from the priority table."""
    fig = _new_figure(6.5, 5.4)
    ax = _grid_axes(fig)
    cells: dict[tuple[int, int], list[str]] = {}
    for sid, s in smap.stakeholders.items():
        if s.power is not None and s.interest is not None:
            cells.setdefault((s.interest, s.power), []).append(sid)
    points: dict[str, list[tuple[float, float]]] = {}
    for (interest, power), members in cells.items():
        members.sort(key=lambda sid: numbers.get(sid, 0))
        for sid, (dx, dy) in zip(members, _cell_offsets(len(members)), strict=True):
            x, y = interest + dx, power + dy
            points.setdefault(smap.stakeholders[sid].category, []).append((x, y))
            ax.text(
                x + 0.045,
                y + 0.03,
                str(numbers.get(sid, "")),
                fontsize=6.5,
                ha="left",
                va="bottom",
                color=INK,
                zorder=4,
                # Inside the axes: the layout need not measure each of them.
                in_layout=False,
            )
    for category, xy in points.items():
        cat = smap.categories.get(category)
        ax.scatter(
            [p[0] for p in xy],
            [p[1] for p in xy],
            s=26,
            marker=MARKERS.get(cat.shape if cat else "circle", "o"),
            c=cat.colour if cat else "#999999",
            edgecolors=INK,
            linewidths=0.5,
            zorder=3,
        )
    used = list(points)
    _legend(fig, smap, used, 5)
    _lay_out(fig)
    return _png(fig, dpi)


def grid_counts(smap: StakeholderMap, leave_out: Collection[str] = ()) -> np.ndarray:
    """Rated stakeholders per grid cell, ``[power - 1, interest - 1]``, leaving out the
    stakeholders in ``leave_out`` (our own branch)."""
    counts = np.zeros((5, 5), dtype=int)
    for sid, s in smap.stakeholders.items():
        if sid not in leave_out and s.power is not None and s.interest is not None:
            counts[s.power - 1, s.interest - 1] += 1
    return counts


def grid_labels(smap: StakeholderMap, leave_out: Collection[str] = ()) -> list[list[str]]:
    """The Public label of each grid cell, ``[power - 1][interest - 1]``: its count, or
    "<3", "≥3" or "c" where a quadrant's known total would otherwise give a count of one
    or two away (see :mod:`.disclosure`)."""
    counts = grid_counts(smap, leave_out)
    flat = [int(n) for n in counts.flatten()]
    quadrants: dict[str, list[int]] = {}
    for power in range(5):
        for interest in range(5):
            name = mendelow(power + 1, interest + 1) or ""
            quadrants.setdefault(name, []).append(power * 5 + interest)
    labels = protect(flat, list(quadrants.values()))
    return [labels[power * 5 : power * 5 + 5] for power in range(5)]


@_drawn_with_bundled_fonts
def quadrant_counts_png(
    smap: StakeholderMap, dpi: int = 300, leave_out: Collection[str] = ()
) -> bytes:
    """The power–interest grid with the number of stakeholders per cell and no names;
    the stakeholders in ``leave_out`` (our own branch) are not counted, and the cells
    read as :func:`grid_labels` says."""
    fig = _new_figure(6.0, 4.8)
    ax = _grid_axes(fig)
    labels = grid_labels(smap, leave_out)
    # Bubbles are as large as their labels say, no more: the size of a cell of one or
    # two, or of one withheld, must not tell its count, nor must the largest's scale.
    shown = [int(label) for row in labels for label in row if label.isdigit()]
    peak = max([*shown, MIN_PUBLIC_COUNT])
    for power in range(5):
        for interest in range(5):
            label = labels[power][interest]
            if label != "0":
                size = int(label) if label.isdigit() else MIN_PUBLIC_COUNT - 1
                ax.scatter(
                    [interest + 1],
                    [power + 1],
                    s=120 + 900 * size / peak,
                    c="#1F4E79",
                    alpha=0.25,
                    edgecolors="none",
                )
                ax.text(
                    interest + 1,
                    power + 1,
                    label,
                    ha="center",
                    va="center",
                    fontsize=8,
                    color=INK,
                    fontweight="bold",
                )
    _lay_out(fig)
    return _png(fig, dpi)
