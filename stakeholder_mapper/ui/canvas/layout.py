"""Force-directed layout computed off the GUI thread on a copy of the positions.

The job gets plain data (ids, ties, current positions, pinned ids), runs networkx's
Fruchterman–Reingold spring layout with pinned stakeholders held in place, and leaves
the new positions in its outcome, which the window collects on the GUI thread and
pushes as one ``MoveStakeholders``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRunnable

from ...core.i18n import _

__all__ = ["LayoutJob", "LayoutOutcome", "LayoutRequest", "spring_positions"]

#: Typical distance between neighbouring stakeholders, in scene units.
SPACING = 130.0


@dataclass(frozen=True)
class LayoutRequest:
    """What the layout needs, copied from the map on the GUI thread."""

    ids: tuple[str, ...]
    ties: tuple[tuple[str, str, int], ...]  # source, target, strength
    positions: dict[str, tuple[float, float]]
    pinned: frozenset[str]
    seed: int = 7


def spring_positions(request: LayoutRequest) -> dict[str, tuple[float, float]]:
    """New positions for the stakeholders that are not pinned (pure function).

    Stronger ties pull harder (weight = strength). Coordinates are scaled so that the
    spring length is about :data:`SPACING`; pinned stakeholders keep their positions.
    """
    import networkx as nx  # loaded on first layout, not while the window starts

    graph = nx.Graph()
    graph.add_nodes_from(request.ids)
    for source, target, strength in request.ties:
        if graph.has_edge(source, target):
            graph[source][target]["weight"] += strength
        else:
            graph.add_edge(source, target, weight=strength)
    n = max(len(request.ids), 1)
    scale = SPACING * math.sqrt(n)
    pinned = [i for i in request.ids if i in request.pinned and i in request.positions]
    initial = {i: (x / scale, y / scale) for i, (x, y) in request.positions.items()}
    if pinned:
        result = nx.spring_layout(
            graph,
            k=1 / math.sqrt(n),
            pos=initial or None,
            fixed=pinned,
            weight="weight",
            iterations=80,
            seed=request.seed,
        )
        return {
            i: (float(x) * scale, float(y) * scale)
            for i, (x, y) in result.items()
            if i not in request.pinned
        }
    result = nx.spring_layout(
        graph, pos=initial or None, weight="weight", iterations=80, seed=request.seed
    )
    half = scale / 2
    return {i: (float(x) * half, float(y) * half) for i, (x, y) in result.items()}


@dataclass
class LayoutOutcome:
    """What a layout job reports; the GUI thread reads it (the worker touches no Qt object)."""

    generation: int
    done: bool = False
    positions: dict[str, tuple[float, float]] | None = None
    error: str | None = None


class LayoutJob(QRunnable):
    """Runs :func:`spring_positions` in a thread pool and fills in its outcome."""

    def __init__(self, request: LayoutRequest, outcome: LayoutOutcome) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.request = request
        self.outcome = outcome

    def run(self) -> None:
        try:
            self.outcome.positions = spring_positions(self.request)
        except Exception as exc:  # a failed layout must not bring the window down
            self.outcome.error = _("The layout failed: {reason}.").format(reason=exc)
        finally:
            self.outcome.done = True
