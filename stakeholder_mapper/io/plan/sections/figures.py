"""The network at a glance: the network drawing and the power–interest grid (the public
version: counts per grid cell only).

A large map (more than :data:`LARGE_MAP` stakeholders) gets an overview, with each
coalition's number in place of the names, and then one drawing per coalition in which
every name can be read. A grid with no rated stakeholder, or a network with no
stakeholder, is left out with a sentence saying so rather than drawn empty.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import Future

from ....core.i18n import N_, _, format_number, isolate, ngettext
from ....core.model import StakeholderMap
from ....core.wording import counted
from .. import figures as drawings
from ..context import PlanContext
from ..drawing_jobs import DrawingJobs
from ..options import SECTIONS, PlanOptions
from ..priorities import QUADRANTS
from ..wording import names_list
from ..writer import PlanWriter

__all__ = ["GRID_SMALL_COUNTS", "LARGE_MAP", "drawing_jobs", "start_drawings", "write"]

#: With more stakeholders than this, names cannot be read on one drawing of the network.
LARGE_MAP = 60
#: The quadrant of stakeholders whose power or interest is unknown (not on the grid).
UNRATED = QUADRANTS[-1]
#: Resolution at most of a large map's drawings, the overview and each coalition's: names
#: at 7 pt and the overview's coalition numbers stay sharp in print, and a dozen drawings
#: are written in the time of a few at 300 dpi (the overview's PNG is half the size).
LARGE_MAP_DPI = 200
#: Members named in the description of a coalition's drawing at most.
MAX_NAMED = 12

#: The public grid's note on the cells it does not count out.
GRID_SMALL_COUNTS = N_(
    "A cell marked “<3” holds one or two stakeholders; one marked “≥3” holds three or more "
    "but is not counted out, so that a small cell cannot be worked out from the quadrant "
    "totals; one marked “c” is withheld for the same reason."
)
PUBLIC_NOTE = N_(
    "The network drawing is left out of the public version: it would identify single "
    "actors. The grid shows how many stakeholders sit in each cell."
)
NO_RATED_GRID = N_(
    "No stakeholder is rated on both power and interest yet, so the power–interest grid "
    "is left out."
)
NO_NETWORK = N_("The map has no stakeholders yet, so there is no network to draw.")
GRID_COUNTS_ALT = N_(
    "Power–interest grid with the number of stakeholders in each cell and no names."
)
GRID_ALT = N_(
    "Power–interest grid of {rated} rated stakeholders, each marked with its number in the "
    "priority table: {quadrants}."
)
NETWORK_ALT = N_(
    "Drawing of the stakeholder network: {stakeholders} linked by {relationships}, each "
    "named or numbered as in the priority table."
)
OVERVIEW_ALT = N_(
    "Overview of the stakeholder network: {stakeholders} in {coalitions}, each coalition "
    "marked with its number; the drawings that follow show each coalition with names."
)
COALITION_ALT = N_("Drawing of coalition {number}, {stakeholders}: {names}.")
NETWORK_CAPTION = N_(
    "The stakeholder network of {city}. Where a name would cover another, the "
    "stakeholder's number in the priority table is shown instead."
)
OVERVIEW_CAPTION = N_(
    "The stakeholder network of {city}: {stakeholders} in {coalitions}, numbered as in "
    "“Coalitions and bridges”. Each coalition is drawn on its own below, with names."
)
COALITION_CAPTION = N_(
    "Coalition {number}: {stakeholders} and the ties among them; shapes, colours and lines "
    "as in Figure {overview}. Where a name would cover another, the stakeholder's number in "
    "the priority table is shown instead."
)


def drawing_jobs(smap: StakeholderMap, options: PlanOptions) -> DrawingJobs:
    """Where the figures of a plan of ``smap`` (as the level shows it) will be drawn:
    in worker processes, started now, when a large map gets a drawing per coalition."""
    many = (
        options.has("figures") and options.level != "public" and len(smap.stakeholders) > LARGE_MAP
    )
    return DrawingJobs(many)


def start_drawings(plan: PlanContext, jobs: DrawingJobs) -> None:
    """Start drawing every figure the section shows with ``jobs``, so that workers draw
    them while the other sections are written; the section takes them from
    :attr:`PlanContext.drawings`."""
    smap, facts, dpi = plan.smap, plan.facts, plan.options.dpi
    wanted: dict[str, tuple] = {}
    drawable = _part(smap, set(smap.stakeholders))  # without snapshots or log: less to send
    if plan.level == "public":
        leave_out = _public_leave_out(plan)
        if drawings.grid_counts(smap, leave_out).any():
            wanted["grid"] = (drawings.quadrant_counts_png, drawable, dpi, leave_out)
    else:
        if len(smap.stakeholders) > LARGE_MAP:
            groups = _coalitions(plan)
            member_of = {sid: number for number, members in groups.items() for sid in members}
            wanted["network"] = (
                drawings.network_png,
                drawable,
                facts.numbers,
                facts.branch,
                min(dpi, LARGE_MAP_DPI),
                member_of,
            )
            for number, members in groups.items():
                if len(members) >= 2:
                    part = _part(smap, set(members))
                    wanted[f"coalition {number}"] = (
                        drawings.network_png,
                        part,
                        facts.numbers,
                        facts.branch,
                        min(dpi, LARGE_MAP_DPI),
                        None,
                        drawings.coalition_size(part),
                    )
        elif smap.stakeholders:
            wanted["network"] = (drawings.network_png, drawable, facts.numbers, facts.branch, dpi)
        if _rated(plan):
            wanted["grid"] = (drawings.power_interest_png, drawable, facts.numbers, dpi)
    # The most work first, so that the workers finish together.
    for key in sorted(wanted, key=lambda k: k.startswith("coalition")):
        draw, *args = wanted[key]
        plan.drawings[key] = jobs.submit(draw, *args)


def _drawing(plan: PlanContext, key: str) -> bytes:
    """The PNG of a figure started by :func:`start_drawings` (waiting for it if need be)."""
    future: Future[bytes] = plan.drawings[key]
    return future.result()


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the network drawing (or, for a large map, an overview and one drawing per
    coalition) and the power–interest grid; the public version gets the counts only."""
    smap = plan.smap
    if plan.level == "public":
        _public(w, plan)
        return
    if not smap.stakeholders:
        w.heading(_(SECTIONS["figures"]))
        w.para(_(NO_NETWORK))
        return
    # The network drawing gets a landscape page of its own, so names can be read.
    w.set_landscape(True)
    w.heading(_(SECTIONS["figures"]), new_page=True)
    legend = (
        _(
            "Each shape is a stakeholder (colour, shape and letter show the category, size its "
            "power); lines are relationships, arrows point from source to target and lines "
            "crossed with × are negative ties such as conflict or distrust."
        )
        if plan.level == "full"
        else _(
            "Each shape is a stakeholder (colour, shape and letter show the category, size its "
            "power); lines are relationships, arrows point from source to target and conflict "
            "and distrust are not shown in this version."
        )
    )
    if plan.has_branch:
        legend += " " + _("Our branch is circled.")
    w.para(legend)
    if len(smap.stakeholders) > LARGE_MAP:
        _large_network(w, plan)
    else:
        w.figure(
            _drawing(plan, "network"),
            _(NETWORK_CAPTION).format(city=_city(smap)),
            _(NETWORK_ALT).format(
                stakeholders=counted(len(smap.stakeholders), "stakeholder", "stakeholders"),
                relationships=counted(len(smap.relationships), "relationship", "relationships"),
            ),
        )
    w.set_landscape(False)
    _grid(w, plan)


def _city(smap: StakeholderMap) -> str:
    return isolate(smap.info.city) if smap.info.city else _("the city")


def _coalitions(plan: PlanContext) -> dict[int, list[str]]:
    """Coalition number -> its members, in priority order."""
    groups: dict[int, list[str]] = {}
    for sid in plan.facts.ranked:
        number = plan.facts.number(sid, "community")
        if number is not None:
            groups.setdefault(int(number), []).append(sid)
    return dict(sorted(groups.items()))


def _large_network(w: PlanWriter, plan: PlanContext) -> None:
    """An overview with coalition numbers, then each coalition of two or more drawn alone,
    as large as its content needs: two share a page where they fit."""
    smap, facts = plan.smap, plan.facts
    groups = _coalitions(plan)
    stakeholders = counted(len(smap.stakeholders), "stakeholder", "stakeholders")
    coalitions = counted(len(groups), "coalition", "coalitions")
    overview = w.figure_number + 1
    w.figure(
        _drawing(plan, "network"),
        _(OVERVIEW_CAPTION).format(
            city=_city(smap), stakeholders=stakeholders, coalitions=coalitions
        ),
        _(OVERVIEW_ALT).format(stakeholders=stakeholders, coalitions=coalitions),
    )
    for number, members in groups.items():
        if len(members) < 2:
            continue
        names = [isolate(facts.label(sid)) for sid in members[:MAX_NAMED]]
        if len(members) > MAX_NAMED:
            more = len(members) - MAX_NAMED
            names.append(
                ngettext("{count} more", "{count} more", more).format(count=format_number(more))
            )
        size = counted(len(members), "stakeholder", "stakeholders")
        width = drawings.coalition_size(_part(smap, set(members)))[0]
        w.figure(
            _drawing(plan, f"coalition {number}"),
            _(COALITION_CAPTION).format(number=number, stakeholders=size, overview=overview),
            _(COALITION_ALT).format(number=number, stakeholders=size, names=names_list(names)),
            width / drawings.NETWORK_SIZE[0],
        )


def _part(smap: StakeholderMap, keep: set[str]) -> StakeholderMap:
    """The stakeholders ``keep`` of ``smap`` and the ties among them, for drawing."""
    part = StakeholderMap(smap.info)
    part.categories, part.kinds = smap.categories, smap.kinds
    part.stakeholders = {sid: s for sid, s in smap.stakeholders.items() if sid in keep}
    part.positions = {sid: p for sid, p in smap.positions.items() if sid in keep}
    part.relationships = {
        rid: r for rid, r in smap.relationships.items() if r.source in keep and r.target in keep
    }
    return part


def _rated(plan: PlanContext) -> int:
    """How many stakeholders are on the power–interest grid (rated on both)."""
    counts = Counter(plan.facts.quadrants.values())
    return sum(counts[q] for q in QUADRANTS if q != UNRATED)


def _grid(w: PlanWriter, plan: PlanContext) -> None:
    """The power–interest grid with each rated stakeholder's number, or a sentence when
    nobody is rated."""
    counts = Counter(plan.facts.quadrants.values())
    unrated = counts[UNRATED]
    placed = [q for q in QUADRANTS if q != UNRATED]
    rated = _rated(plan)
    if not rated:
        w.para(_(NO_RATED_GRID))
        return
    caption = _(
        "Power–interest grid (Mendelow); numbers as in the priority table. Points "
        "sharing a rating are spread slightly so each can be seen."
    )
    if unrated:
        caption += " " + ngettext(
            "{count} stakeholder not yet rated is not shown.",
            "{count} stakeholders not yet rated are not shown.",
            unrated,
        ).format(count=format_number(unrated))
    quadrants = _("; ").join(
        _("{quadrant} {count}").format(quadrant=_(q).lower(), count=counts[q]) for q in placed
    )
    w.figure(
        _drawing(plan, "grid"),
        caption,
        _(GRID_ALT).format(rated=rated, quadrants=quadrants),
    )


def _public_leave_out(plan: PlanContext) -> set[str]:
    """Who the public grid does not count: our branch, as in the priority counts."""
    return {plan.facts.branch} - {None}


def _public(w: PlanWriter, plan: PlanContext) -> None:
    """The counts per grid cell, our branch left out, or a sentence when nobody is rated."""
    w.set_landscape(False)
    w.heading(_(SECTIONS["figures"]), new_page=True)
    branch = plan.facts.branch
    if "grid" not in plan.drawings:
        w.para(_(NO_RATED_GRID))
        return
    w.para(_(PUBLIC_NOTE))
    caption = (
        _(
            "Number of stakeholders by power and interest (our branch left out, as in the "
            "priority counts)."
        )
        if branch
        else _("Number of stakeholders by power and interest.")
    )
    w.figure(_drawing(plan, "grid"), f"{caption} {_(GRID_SMALL_COUNTS)}", _(GRID_COUNTS_ALT), 0.8)
