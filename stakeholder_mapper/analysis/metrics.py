"""All metrics of a map in one table: one row per stakeholder.

The columns after ``id, name, category`` are :data:`METRIC_COLUMNS` (the metrics
export of DESIGN.md §8), then the Gould–Fernandez z-scores (:data:`Z_COLUMNS`), then
:data:`EXTRA_COLUMNS`. Missing or undefined values are NaN, never a made-up number.

======================= ==============================================================
column                  meaning
======================= ==============================================================
betweenness             share of most-trusted routes between two others that pass
                        through the stakeholder (ties measured as 60 / strength)
gf_*                    Gould–Fernandez brokerage counts by group (see ``brokerage``)
constraint              Burt's constraint (low: spans structural holes)
effective_size          Burt's effective size (non-redundant contacts)
in_degree, out_degree   number of stakeholders with a tie to / from it
pagerank                reach of influence (ties weighted by strength), sums to 1
community               coalition number, 1 = largest
gf_*_z                  z-score of each brokerage count against chance
gf_*_expected           count expected by chance for a broker of that group
in_strength, ...        degrees weighted by tie strength
hierarchy               how much of the constraint one contact holds
communities_bridged     number of other coalitions it has ties into
articulation_point      whether its departure splits the network
reachability_loss       share of other stakeholders' connected pairs lost without it
group                   the value of the grouping attribute used for brokerage
======================= ==============================================================

Example::

    >>> from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
    >>> smap = StakeholderMap()
    >>> for sid, cat in (("a", "youth"), ("b", "ngo"), ("c", "municipal")):
    ...     smap.stakeholders[sid] = Stakeholder(sid, sid.upper(), cat)
    >>> smap.relationships["r1"] = Relationship("r1", "a", "b")
    >>> smap.relationships["r2"] = Relationship("r2", "b", "c")
    >>> int(compute_metrics(smap).loc["b", "gf_liaison"])
    1
"""

from __future__ import annotations

from collections.abc import Callable

import igraph as ig
import numpy as np
import pandas as pd

from ..core.model import StakeholderMap
from .brokerage import brokerage_table, group_codes
from .centrality import igraph_graph, pagerank_arrays, start_betweenness
from .coalitions import DEFAULT_SEED, bridged_communities, communities_arrays
from .columns import (
    ALL_COLUMNS,
    EXPORT_COLUMNS,
    EXTRA_COLUMNS,
    IDENTITY_COLUMNS,
    METRIC_COLUMNS,
    ROLES,
    Z_COLUMNS,
)
from .progress import Cancelled
from .resilience import cuts
from .structural_holes import structural_holes_arrays
from .views import Arcs, GraphView, build_arcs, group_values

__all__ = [
    "ALL_COLUMNS",
    "EXPORT_COLUMNS",
    "EXTRA_COLUMNS",
    "IDENTITY_COLUMNS",
    "METRIC_COLUMNS",
    "Z_COLUMNS",
    "compute_metrics",
    "export_table",
]

Progress = Callable[[float], None]

#: Share of the work spent on betweenness, for the progress bar.
BETWEENNESS_SHARE = 0.6


def compute_metrics(
    smap: StakeholderMap,
    view: GraphView | None = None,
    group_by: str = "category",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    seed: int = DEFAULT_SEED,
) -> pd.DataFrame:
    """Every metric of every stakeholder of ``smap`` on ``view``, one row each.

    ``group_by`` is the stakeholder attribute that defines the groups of the brokerage
    roles (category by default). ``progress(fraction)`` is called after each stage and
    ``cancelled()`` checked before each (raising :class:`Cancelled` when it returns
    true), so a background job can report and stop. ``seed`` fixes the community
    detection. The view and grouping are kept in ``table.attrs["view"]`` and
    ``table.attrs["group_by"]`` for the readings. Raises
    :class:`~stakeholder_mapper.analysis.views.AnalysisInputError` for a relationship
    kind or an attribute the map lacks.

    On maps above 5,000 stakeholders betweenness is counted in worker processes, so, as
    with any use of :mod:`multiprocessing`, a script that calls this on such maps needs
    its top-level code under an ``if __name__ == "__main__":`` guard.
    """
    view = view or GraphView()
    # Progress: each stage starts with step(its share of the work); betweenness dominates.
    # On large maps worker processes count the betweenness while this process computes the
    # other columns, so its share is reported last, as the workers finish.
    finished = current = 0.0

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled("The metrics computation was cancelled.")

    def step(share: float) -> None:
        nonlocal finished, current
        finished += current
        if finished and progress is not None:
            progress(finished)
        check()
        current = share

    def betweenness_progress(fraction: float) -> None:
        if progress is not None:
            progress(finished + current * fraction)
        check()

    step(0.05)
    groups = group_values(smap, group_by)
    arcs = build_arcs(smap, view)
    n = arcs.n
    stakeholders = list(smap.stakeholders.values())
    columns: dict[str, object] = {
        "id": list(arcs.ids),
        "name": [s.label for s in stakeholders],
        "category": [s.category for s in stakeholders],
    }
    graph = igraph_graph(n, arcs.source, arcs.target)

    with start_betweenness(graph, arcs.distance) as betweenness:
        step(0.0 if betweenness.in_background else BETWEENNESS_SHARE)
        if not betweenness.in_background:
            columns["betweenness"] = betweenness.result(progress=betweenness_progress)
        _other_metrics(columns, graph, arcs, groups, seed, step)
        if betweenness.in_background:
            step(BETWEENNESS_SHARE)
            columns["betweenness"] = betweenness.result(progress=betweenness_progress)
    table = pd.DataFrame(columns, index=pd.Index(list(arcs.ids), name="stakeholder"))
    table = table[list(ALL_COLUMNS)]
    table.attrs["view"] = view
    table.attrs["group_by"] = group_by
    table["in_strength"] = table["in_strength"].astype(np.int64)
    table["out_strength"] = table["out_strength"].astype(np.int64)
    if progress is not None:
        progress(1.0)
    return table


def _other_metrics(
    columns: dict[str, object],
    graph: ig.Graph,
    arcs: Arcs,
    groups: list[object],
    seed: int,
    step: Callable[[float], None],
) -> None:
    """Every column but betweenness, in stages each starting with ``step(share of work)``."""
    n = arcs.n
    step(0.1)
    codes, sizes = group_codes(groups)
    roles = brokerage_table(arcs.ids, arcs.source, arcs.target, codes, sizes)
    for role in ROLES:
        columns[f"gf_{role}"] = roles.raw[role].to_numpy()

    step(0.05)
    holes = structural_holes_arrays(n, arcs.source, arcs.target, arcs.strength)
    columns["constraint"] = holes["constraint"]
    columns["effective_size"] = holes["effective_size"]
    columns["in_degree"] = np.bincount(arcs.target, minlength=n)
    columns["out_degree"] = np.bincount(arcs.source, minlength=n)

    step(0.05)
    columns["pagerank"] = pagerank_arrays(graph, arcs.strength)

    step(0.1)
    positive = ~arcs.negative
    community = communities_arrays(
        n, arcs.source[positive], arcs.target[positive], arcs.strength[positive], seed
    )
    columns["community"] = community
    for role in ROLES:
        columns[f"gf_{role}_z"] = roles.z[role].to_numpy()
    for role in ROLES:
        columns[f"gf_{role}_expected"] = roles.expected[role].to_numpy()
    columns["in_strength"] = np.bincount(arcs.target, weights=arcs.strength, minlength=n)
    columns["out_strength"] = np.bincount(arcs.source, weights=arcs.strength, minlength=n)
    columns["hierarchy"] = holes["hierarchy"]
    columns["communities_bridged"] = bridged_communities(
        n, arcs.source[positive], arcs.target[positive], community
    )

    step(0.05)
    cut = cuts(n, arcs.source[positive], arcs.target[positive])
    columns["articulation_point"] = cut.articulation
    columns["reachability_loss"] = cut.lost_share
    columns["group"] = groups


def export_table(metrics: pd.DataFrame) -> pd.DataFrame:
    """The columns of the metrics export (:data:`EXPORT_COLUMNS`) of a metrics table."""
    return metrics.loc[:, list(EXPORT_COLUMNS)].reset_index(drop=True)
