"""Everything the plan says about the network, computed once from the (redacted) map."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

from ...analysis.compare import MapComparison, compare_maps
from ...analysis.metrics import compute_metrics
from ...analysis.readings import Reading, map_findings, stakeholder_readings
from ...analysis.routes import Route, our_branch, routes_from
from ...core.model import ENGAGEMENT_STAGES, Snapshot, Stakeholder, StakeholderMap
from ..project import snapshot_map
from ..redact import RedactedIds, redact
from .priorities import NOT_A_TARGET, QUADRANTS, aiim, quadrant

__all__ = [
    "PRIORITY_RULE",
    "Facts",
    "Messenger",
    "gather",
    "hostile",
    "priority_key",
    "suggested_messengers",
]

Progress = Callable[[float], None]


@dataclass(frozen=True)
class Messenger:
    """Who could carry our message to a stakeholder, from the most trusted route."""

    #: Stakeholder id of the first hop after our branch; None when there is no such hop.
    first_hop: str | None
    route: Route | None
    #: One sentence for the engagement sheet.
    sentence: str
    #: The suggestion as a phrase for the summary, saying it is one ("" when there is none).
    short: str = ""
    #: Whom to contact first, for a table cell ("" when there is no route).
    contact: str = ""


@dataclass
class Facts:
    """The analysis the plan draws on, for one export level."""

    smap: StakeholderMap
    metrics: pd.DataFrame
    readings: dict[str, Reading]
    findings: list[str]
    branch: str | None
    quadrants: dict[str, str]
    strategies: dict[str, str]
    #: Stakeholder ids in priority order: quadrant, then :func:`priority_key`; our
    #: branch, which is no target, comes last.
    ranked: list[str]
    #: ``ranked`` without our branch: the stakeholders the plan engages.
    targets: list[str]
    #: Each stakeholder's number in the priority table (1 = first), used on the figures.
    numbers: dict[str, int]
    messengers: dict[str, Messenger]
    #: The latest snapshot and what changed since (None without snapshots).
    snapshot: Snapshot | None
    changes: MapComparison | None
    #: The map before redaction, to tell "not recorded" from "not shared" (never quoted).
    original: StakeholderMap | None = None

    def original_has(self, field: str) -> bool:
        """Whether some target has engagement ``field`` filled in on the unredacted map
        (our branch and stakeholders the level leaves out do not count)."""
        if self.original is None:
            return False
        branch = our_branch(self.original)
        return any(
            str(getattr(s.engagement, field)).strip()
            for sid, s in self.original.stakeholders.items()
            if sid != branch and s.sensitivity != "confidential"
        )

    def label(self, sid: str) -> str:
        """The stakeholder's name as shown in the plan."""
        return self.smap.stakeholders[sid].label

    def category(self, sid: str) -> str:
        """The name of the stakeholder's category."""
        category_id = self.smap.stakeholders[sid].category
        category = self.smap.categories.get(category_id)
        return category.name if category else category_id

    def number(self, sid: str, column: str) -> float | None:
        """A metric value, or None where the metric is undefined."""
        if column not in self.metrics.columns or sid not in self.metrics.index:
            return None
        value = self.metrics.at[sid, column]
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return None
        return float(value)


def hostile(s: Stakeholder) -> bool:
    """Whether ``s`` opposes our objective or distrusts us: a poor go-between."""
    return (s.position is not None and s.position < 0) or (s.trust is not None and s.trust < 0)


def suggested_messengers(
    smap: StakeholderMap,
    branch: str | None,
    targets: Iterable[str],
    progress: Progress | None = None,
) -> dict[str, Messenger]:
    """For each target, the first stakeholder after our branch on the most trusted route.

    Stakeholders who oppose us or distrust us may be targets but never carry a route
    to someone else. When our branch has its own tie to the target the route has no
    intermediary and the sentence says to go direct. Without a branch named on the map
    there is no start for a route: no messenger is suggested (``{}``).
    """
    if branch is None:
        return {}
    targets = list(targets)
    no_relay = [sid for sid, s in smap.stakeholders.items() if hostile(s)]
    routes = routes_from(smap, branch, targets, k=1, no_relay=no_relay)
    found: dict[str, Messenger] = {}
    for n, target in enumerate(targets):
        found[target] = _messenger(smap, routes, branch, target)
        if progress:
            progress((n + 1) / len(targets))
    return found


def _messenger(
    smap: StakeholderMap, routes: dict[str, list[Route]], branch: str, target: str
) -> Messenger:
    if target == branch:
        return Messenger(None, None, "This is our own branch.")
    route = next(iter(routes[target]), None)
    if route is None:
        return Messenger(
            None,
            None,
            "No trusted route from our branch yet: build a relationship or find a connector.",
        )
    names = " → ".join(smap.stakeholders[s].label for s in route.stakeholders)
    if len(route.stakeholders) == 2:
        return Messenger(
            None,
            route,
            f"direct contact, as our branch has its own tie ({names}).",
            "suggested: go direct, our branch has its own tie",
            "direct: our branch has its own tie",
        )
    hop = route.stakeholders[1]
    label = smap.stakeholders[hop].label
    if len(route.stakeholders) == 3:
        return Messenger(
            hop,
            route,
            f"{label}, on the most trusted route: {names}.",
            f"suggested messenger: {label} (most trusted route: {names})",
            label,
        )
    # A longer chain is a series of introductions, not one messenger.
    following = smap.stakeholders[route.stakeholders[2]].label
    contact = f"{label}, who can introduce us to {following}"
    return Messenger(
        hop,
        route,
        f"first contact {contact}, on the most trusted route: {names}.",
        f"suggested first contact: {contact} (most trusted route: {names})",
        contact,
    )


def _latest_snapshot(smap: StakeholderMap) -> Snapshot | None:
    return max(smap.snapshots, key=lambda s: s.created, default=None)


#: The priority rule, in words, for the plan's annex.
PRIORITY_RULE = (
    "Within each quadrant: higher power first, then higher interest, then those opposed "
    "to our objective before neutral and aligned ones (the further from support, the more "
    "engagement they need; position unknown last), then by engagement stage from unaware "
    "to champion (not assessed last), then by name."
)


def priority_key(s: Stakeholder) -> tuple:
    """How stakeholders in one quadrant are ordered (see :data:`PRIORITY_RULE`)."""
    stage = ENGAGEMENT_STAGES.index(s.engagement.stage) if s.engagement.stage else None
    return (
        -(s.power or 0),
        -(s.interest or 0),
        s.position is None,
        s.position or 0,
        stage is None,
        stage or 0,
        s.label.casefold(),
    )


def _routing_map(original: StakeholderMap, shown: StakeholderMap, ids: RedactedIds | None):
    """``shown`` with each stakeholder's position and trust put back from ``original``.

    Routes are judged on attitudes the level may withhold (a hostile go-between must not
    carry our message) but may only pass through, and name, stakeholders the level
    keeps, under the names it shows.
    """
    if ids is None:
        return shown
    back = {new: old for old, new in ids.stakeholders.items()}
    routing = shown.copy()
    routing.stakeholders = {
        sid: dataclasses.replace(
            s,
            position=original.stakeholders[back[sid]].position,
            trust=original.stakeholders[back[sid]].trust,
        )
        for sid, s in shown.stakeholders.items()
    }
    return routing


def gather(
    original: StakeholderMap,
    shown: StakeholderMap,
    level: str,
    ids: RedactedIds | None = None,
    messengers_for: set[str] | None = None,
    progress: Progress | None = None,
) -> Facts:
    """Metrics, readings, findings, priorities, messengers and snapshot changes.

    ``shown`` is the map redacted for ``level``; every reading is computed on it so that
    nothing held back leaks through a sentence. ``ids`` maps the original ids to the
    neutral ones of ``shown`` (None when the ids are the same, at Full). Our branch is
    found on ``original`` (redaction may rename it) and routes are searched with the
    original attitudes among the stakeholders ``shown`` keeps. Snapshot changes compare
    ``original`` with its latest snapshot, both redacted for ``level`` the same way as
    ``shown`` (with one neutral id per record), so names and fields come from redacted
    maps. ``messengers_for`` limits route searches to the stakeholders that get a sheet.
    """

    def report(fraction: float) -> None:
        if progress:
            progress(fraction)

    metrics = compute_metrics(shown, progress=lambda f: report(0.5 * f))
    readings = stakeholder_readings(shown, metrics)
    findings = map_findings(shown, metrics)
    report(0.55)
    branch = our_branch(original)
    if ids is not None and branch is not None:
        # None when the level left our branch out (marked confidential).
        branch = ids.stakeholders.get(branch)
    quadrants = {sid: quadrant(s) for sid, s in shown.stakeholders.items()}
    strategies = {sid: aiim(s) for sid, s in shown.stakeholders.items()}
    if branch is not None:
        quadrants[branch] = NOT_A_TARGET
        strategies[branch] = "Not a target"
    order = {name: i for i, name in enumerate((*QUADRANTS, NOT_A_TARGET))}
    ranked = sorted(
        shown.stakeholders,
        key=lambda sid: (order[quadrants[sid]], *priority_key(shown.stakeholders[sid])),
    )
    targets = [sid for sid in ranked if sid != branch]
    routed = targets if messengers_for is None else [s for s in targets if s in messengers_for]
    messengers = suggested_messengers(
        _routing_map(original, shown, ids),
        branch,
        routed,
        progress=lambda f: report(0.55 + 0.4 * f),
    )
    snapshot = _latest_snapshot(original)
    changes = None
    if snapshot is not None:
        before, after = snapshot_map(snapshot), original
        if level != "full":
            snapshot_ids = RedactedIds()
            pair = [before, after]
            before, after = (redact(m, level, snapshot_ids, names_also_from=pair) for m in pair)
        changes = compare_maps(before, after)
    report(1.0)
    return Facts(
        smap=shown,
        metrics=metrics,
        readings=readings,
        findings=findings,
        branch=branch,
        quadrants=quadrants,
        strategies=strategies,
        ranked=ranked,
        targets=targets,
        numbers={sid: n for n, sid in enumerate(ranked, start=1)},
        messengers=messengers,
        snapshot=snapshot,
        changes=changes,
        original=original,
    )
