"""Finding a tie that is already on the map, so that entering it again does not double it.

Two ties are the same when they are of the same kind, both directed or both undirected,
between the same two stakeholders: in the same direction when directed, either way round
when undirected.
A doubled tie would count twice in every metric, so quick entry and the canvas look for
the same tie before adding one. Files that hold such doubles still load as they are.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Relationship

__all__ = ["same_tie"]


def same_tie(
    relationships: Iterable[Relationship], source: str, target: str, kind: str, directed: bool
) -> Relationship | None:
    """The first of ``relationships`` that is the tie ``source`` -> ``target`` of ``kind``
    (either way round when undirected), or None."""
    for tie in relationships:
        if tie.kind != kind or tie.directed != directed:
            continue
        if (tie.source, tie.target) == (source, target):
            return tie
        if not directed and (tie.source, tie.target) == (target, source):
            return tie
    return None
