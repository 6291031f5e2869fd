"""Everything the plan says about the network, computed once from the (redacted) map."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

from ...analysis.compare import MapComparison, compare_maps
from ...analysis.metrics import compute_metrics
from ...analysis.readings import (
    Reading,
    ranked_findings,
    stakeholder_readings,
    summary_findings,
)
from ...analysis.routes import (
    Confidence,
    Route,
    confidence,
    confidence_level,
    our_branch,
    routes_from,
)
from ...core.i18n import N_, _, format_number, isolate, ngettext
from ...core.model import ENGAGEMENT_STAGES, Snapshot, Stakeholder, StakeholderMap
from ...core.sharing import reaches, snapshot_key
from ..project import snapshot_map
from ..redact import RedactedIds, redact
from .priorities import NOT_A_TARGET, QUADRANTS, aiim, quadrant
from .restricted import NO_ROUTE_SHARED, NO_ROUTE_SHARED_CELL, NO_ROUTE_SHARED_SHORT

__all__ = [
    "CONFIDENCE_SENTENCE",
    "MAX_INTRODUCTIONS",
    "NEUTRAL_SNAPSHOT",
    "PRIORITY_RULE",
    "SHARED_PRIORITY_RULE",
    "Facts",
    "Messenger",
    "gather",
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
    #: How far the route can be relied on (None when there is no route).
    confidence: Confidence | None = None

    @property
    def confidence_sentence(self) -> str:
        """The route's confidence and its reasons, as one sentence ("" without a route)."""
        if self.confidence is None:
            return ""
        return _(CONFIDENCE_SENTENCE).format(
            level=confidence_level(self.confidence.level),
            reasons=_("; ").join(self.confidence.reasons),
        )


#: A route needing more introductions than this is no practical way in: none is suggested.
MAX_INTRODUCTIONS = 4

#: How the plan states a route's confidence: level (high, medium, low) and its reasons.
CONFIDENCE_SENTENCE = N_("Confidence in this route: {level} ({reasons}).")


def route_names(smap: StakeholderMap, route: Route) -> str:
    """The route's stakeholders in order, 'A → B → C', each name isolated so that the
    chain reads in order in any script; the arrow points the language's way."""
    names = [isolate(smap.stakeholders[s].label) for s in route.stakeholders]
    chain = names[0]
    for name in names[1:]:
        chain = _("{before} → {after}").format(before=chain, after=name)
    return chain


@dataclass
class Facts:
    """The analysis the plan draws on, for one export level."""

    smap: StakeholderMap
    metrics: pd.DataFrame
    readings: dict[str, Reading]
    #: The key findings for the summary, most important first (at most eight).
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
    #: The findings the summary leaves to the annex, most important first.
    more_findings: list[str] = dataclasses.field(default_factory=list)

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


def suggested_messengers(
    smap: StakeholderMap,
    branch: str | None,
    targets: Iterable[str],
    progress: Progress | None = None,
) -> dict[str, Messenger]:
    """For each target, the first stakeholder after our branch on the most trusted route,
    and how far that route can be relied on.

    Stakeholders who oppose us or distrust us may be targets but never carry a route
    to someone else. When our branch has its own tie to the target the route has no
    intermediary and the sentence says to go direct. Without a branch named on the map
    there is no start for a route: no messenger is suggested (``{}``). For the internal
    version only: every suggestion turns on attitudes.
    """
    if branch is None:
        return {}
    targets = list(targets)
    routes = routes_from(smap, branch, targets, k=1)
    found: dict[str, Messenger] = {}
    for n, target in enumerate(targets):
        messenger = _messenger(smap, routes, branch, target)
        if messenger.route is not None:
            judged = confidence(smap, messenger.route)
            messenger = dataclasses.replace(messenger, confidence=judged)
        found[target] = messenger
        if progress:
            progress((n + 1) / len(targets))
    return found


def _messenger(
    smap: StakeholderMap, routes: dict[str, list[Route]], branch: str, target: str
) -> Messenger:
    if target == branch:
        return Messenger(None, None, _("This is our own branch."))
    route = next(iter(routes[target]), None)
    if route is None:
        return Messenger(
            None,
            None,
            _("No trusted route from our branch yet: build a relationship or find a connector."),
        )
    introductions = len(route.stakeholders) - 2
    if introductions > MAX_INTRODUCTIONS:
        too_long = ngettext(
            "No practical route from our branch yet: the most trusted one needs {count} "
            "introduction (more than {most}); build a relationship or find a connector.",
            "No practical route from our branch yet: the most trusted one needs {count} "
            "introductions (more than {most}); build a relationship or find a connector.",
            introductions,
        )
        return Messenger(
            None,
            None,
            too_long.format(count=format_number(introductions), most=MAX_INTRODUCTIONS),
        )
    names = route_names(smap, route)
    if len(route.stakeholders) == 2:
        return Messenger(
            None,
            route,
            _("direct contact, as our branch has its own tie ({names}).").format(names=names),
            _("our branch's own tie, directly (the map's suggestion)"),
            _("direct: our branch has its own tie"),
        )
    hop = route.stakeholders[1]
    label = isolate(smap.stakeholders[hop].label)
    if len(route.stakeholders) == 3:
        return Messenger(
            hop,
            route,
            _("{name}, on the most trusted route: {names}.").format(name=label, names=names),
            _("suggested messenger: {name} (most trusted route: {names})").format(
                name=label, names=names
            ),
            label,
        )
    # A longer chain is a series of introductions, not one messenger.
    following = isolate(smap.stakeholders[route.stakeholders[2]].label)
    contact = _("{name}, who can introduce us to {next}").format(name=label, next=following)
    return Messenger(
        hop,
        route,
        _("first contact {contact}, on the most trusted route: {names}.").format(
            contact=contact, names=names
        ),
        _("suggested first contact: {contact} (most trusted route: {names})").format(
            contact=contact, names=names
        ),
        contact,
    )


#: How a snapshot whose name the level withholds is called: its number, oldest first.
NEUTRAL_SNAPSHOT = N_("Snapshot {number}")


def _latest_snapshot(smap: StakeholderMap, level: str) -> Snapshot | None:
    """The newest snapshot, under a neutral name where ``level`` withholds the user's."""
    ordered = sorted(smap.snapshots, key=lambda s: s.created)
    if not ordered:
        return None
    latest = ordered[-1]
    if reaches(smap, snapshot_key(latest.id), level):
        return latest
    return dataclasses.replace(latest, name=_(NEUTRAL_SNAPSHOT).format(number=len(ordered)))


#: The priority rule, in words, for the plan's annex.
PRIORITY_RULE = N_(
    "Within each quadrant: higher power first, then higher interest, then those opposed "
    "to our objective before neutral and aligned ones (the further from support, the more "
    "engagement they need; position unknown last), then by engagement stage from unaware "
    "to champion (not assessed last), then by name."
)
#: The rule as Partner and Public versions follow it: their map holds no position or
#: engagement stage, so :func:`priority_key` ranks by power, interest and name alone.
SHARED_PRIORITY_RULE = N_(
    "Within each quadrant: higher power first, then higher interest, then by name."
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
    summary, rest = summary_findings(ranked_findings(shown, metrics))
    report(0.55)
    branch = our_branch(original)
    if ids is not None and branch is not None:
        # None when the level left our branch out (marked confidential).
        branch = ids.stakeholders.get(branch)
    quadrants = {sid: quadrant(s) for sid, s in shown.stakeholders.items()}
    strategies = {sid: aiim(s) for sid, s in shown.stakeholders.items()}
    if branch is not None:
        quadrants[branch] = NOT_A_TARGET
        strategies[branch] = N_("Not a target")
    order = {name: i for i, name in enumerate((*QUADRANTS, NOT_A_TARGET))}
    ranked = sorted(
        shown.stakeholders,
        key=lambda sid: (order[quadrants[sid]], *priority_key(shown.stakeholders[sid])),
    )
    targets = [sid for sid in ranked if sid != branch]
    routed = targets if messengers_for is None else [s for s in targets if s in messengers_for]
    if level == "full":
        messengers = suggested_messengers(
            shown, branch, routed, progress=lambda f: report(0.55 + 0.4 * f)
        )
    else:
        # A route, its confidence and whether one is found all turn on the positions and
        # trust this version withholds: one wording for everyone instead.
        shared = Messenger(
            None, None, _(NO_ROUTE_SHARED), _(NO_ROUTE_SHARED_SHORT), _(NO_ROUTE_SHARED_CELL)
        )
        messengers = {} if branch is None else dict.fromkeys(routed, shared)
    snapshot = _latest_snapshot(original, level)
    changes = None
    if snapshot is not None:
        before, after = snapshot_map(snapshot), original
        # Both sides are shared by today's marks, so that a mark is no change.
        before.sharing = original.sharing
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
        findings=[f.sentence for f in summary],
        more_findings=[f.sentence for f in rest],
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
