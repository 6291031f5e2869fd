"""What changed between two states of a map (two snapshots, or a snapshot and now).

A workshop facilitator and the plan's monitoring section ask the same questions: who
joined or left the map, which ties appeared or broke, which readings changed, who moved
to another power-interest quadrant, and whose brokerage grew or shrank.

Records are matched by id (snapshots keep ids). Personal data (``person``, ``contact``)
is left out of the comparison because its table is projected in workshops and exported.

Example::

    >>> from stakeholder_mapper.core.model import Stakeholder, StakeholderMap
    >>> before, after = StakeholderMap(), StakeholderMap()
    >>> before.stakeholders["m"] = Stakeholder("m", "Mayor", "municipal", power=2, interest=4)
    >>> after.stakeholders["m"] = Stakeholder("m", "Mayor", "municipal", power=4, interest=4)
    >>> [(m.label, m.before, m.after) for m in compare_maps(before, after).quadrant_moves]
    [('Mayor', 'keep informed', 'manage closely')]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.i18n import N_, _, format_number
from ..core.model import Relationship, Stakeholder, StakeholderMap
from ..core.wording import counted
from .views import GraphView

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "HIGH",
    "QUADRANTS",
    "Difference",
    "MapComparison",
    "SupportBalance",
    "brokerage_moves",
    "compare_maps",
    "quadrant",
    "support_balance",
]

#: Power or interest at or above this (on 1-5) counts as high: the midpoint 3 is high,
#: so a "medium" actor is engaged rather than overlooked.
HIGH = 3

#: Mendelow's quadrants, by (high power, high interest).
QUADRANTS: dict[tuple[bool, bool], str] = {
    (True, True): N_("manage closely"),
    (True, False): N_("keep satisfied"),
    (False, True): N_("keep informed"),
    (False, False): N_("monitor"),
}

#: How many brokerage movers a comparison lists, and the smallest change that counts.
TOP_MOVERS = 5
MIN_BROKERAGE_CHANGE = 0.005

#: Columns of :meth:`MapComparison.table`.
TABLE_COLUMNS = ("change", "what", "id", "name", "field", "before", "after")

_PERSONAL = frozenset({"person", "contact"})


def quadrant(power: int | None, interest: int | None) -> str | None:
    """Mendelow's quadrant for power and interest 1-5 (high = 3 or more); None if unknown."""
    if power is None or interest is None:
        return None
    return QUADRANTS[(power >= HIGH, interest >= HIGH)]


@dataclass(frozen=True)
class SupportBalance:
    """Summed influence-tower heights of supporters (position > 0) and opponents (< 0).

    ``without_tower`` counts supporters and opponents whose tower is not set yet: they
    are not in the totals, and the view says so rather than counting them as 0.
    """

    supporters: int = 0
    opponents: int = 0
    supporter_count: int = 0
    opponent_count: int = 0
    without_tower: int = 0


def support_balance(smap: StakeholderMap) -> SupportBalance:
    """Influence of supporters against opponents, from tower heights and positions."""
    totals = {"supporters": 0, "opponents": 0, "supporter_count": 0, "opponent_count": 0}
    missing = 0
    for s in smap.stakeholders.values():
        if s.position is None or s.position == 0:
            continue
        side = "supporters" if s.position > 0 else "opponents"
        totals[side.removesuffix("s") + "_count"] += 1
        if s.influence is None:
            missing += 1
        else:
            totals[side] += s.influence
    return SupportBalance(**totals, without_tower=missing)


@dataclass(frozen=True)
class Difference:
    """One row of a comparison: what changed, on which record, and the values."""

    change: str  # "added", "removed", "changed", "moved quadrant", "brokerage"
    what: str  # "stakeholder" or "relationship"
    id: str
    name: str  # stakeholder name, or "Mayor → Imam (Trust)" for a relationship
    field: str = ""
    before: Any = None
    after: Any = None

    def sentence(self) -> str:
        """The difference as one short line for a projector or a report."""
        if self.change == "added":
            sentence = (
                _("+ {name} joined the map")
                if self.what == "stakeholder"
                else _("+ new tie: {name}")
            )
            return sentence.format(name=self.name)
        if self.change == "removed":
            sentence = (
                _("− {name} left the map")
                if self.what == "stakeholder"
                else _("− tie gone: {name}")
            )
            return sentence.format(name=self.name)
        if self.change == "moved quadrant":
            return _("{name} moved from “{before}” to “{after}”").format(
                name=self.name, before=_(self.before), after=_(self.after)
            )
        if self.change == "brokerage":
            sentence = (
                _("{name} brokers more (betweenness {before} → {after})")
                if self.after > self.before
                else _("{name} brokers less (betweenness {before} → {after})")
            )
            return sentence.format(
                name=self.name,
                before=format_number(self.before, 2),
                after=format_number(self.after, 2),
            )
        field = self.field.replace("_", " ")
        return _("{name}: {field} {before} → {after}").format(
            name=self.name, field=field, before=_text(self.before), after=_text(self.after)
        )


def _text(value: Any) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or "none"
    return str(value)


@dataclass(frozen=True)
class MapComparison:
    """Every difference between a map ``before`` and ``after``, grouped by question."""

    added_stakeholders: tuple[Difference, ...] = ()
    removed_stakeholders: tuple[Difference, ...] = ()
    changed_stakeholders: tuple[Difference, ...] = ()
    added_relationships: tuple[Difference, ...] = ()
    removed_relationships: tuple[Difference, ...] = ()
    changed_relationships: tuple[Difference, ...] = ()
    quadrant_moves: tuple[Difference, ...] = ()
    brokerage_moves: tuple[Difference, ...] = ()
    support_before: SupportBalance = SupportBalance()
    support_after: SupportBalance = SupportBalance()

    def rows(self) -> list[Difference]:
        """All differences in reading order."""
        return [
            *self.added_stakeholders,
            *self.removed_stakeholders,
            *self.changed_stakeholders,
            *self.quadrant_moves,
            *self.brokerage_moves,
            *self.added_relationships,
            *self.removed_relationships,
            *self.changed_relationships,
        ]

    def table(self) -> pd.DataFrame:
        """The differences as a table with :data:`TABLE_COLUMNS` (empty when nothing changed)."""
        import pandas as pd  # loaded on first use, as in .views

        return pd.DataFrame(
            [dataclasses.astuple(d) for d in self.rows()], columns=list(TABLE_COLUMNS)
        )

    def __bool__(self) -> bool:
        return bool(self.rows())


def _flatten(record: Any, prefix: str = "") -> dict[str, Any]:
    """Field name -> comparable value; nested records and dicts become dotted names."""
    values: dict[str, Any] = {}
    for name in record.__dataclass_fields__:
        if name == "id" or name in _PERSONAL:
            continue
        value = getattr(record, name)
        key = prefix + name
        if dataclasses.is_dataclass(value):
            values.update(_flatten(value, key + "."))
        elif isinstance(value, dict):
            values.update({f"{key}.{k}": v for k, v in value.items()})
        elif name == "log":
            values[key] = counted(len(value), "entry", "entries")
        else:
            values[key] = value
    return values


def _field_changes(what: str, rid: str, name: str, old: Any, new: Any) -> list[Difference]:
    before, after = _flatten(old), _flatten(new)
    return [
        Difference("changed", what, rid, name, key, before.get(key), after.get(key))
        for key in dict.fromkeys([*before, *after])
        if before.get(key) != after.get(key)
    ]


def _tie_name(r: Relationship, smaps: Iterable[StakeholderMap]) -> str:
    maps = list(smaps)

    def label(sid: str) -> str:
        return next((m.stakeholders[sid].label for m in maps if sid in m.stakeholders), sid)

    kind = next((m.kinds[r.kind].name for m in maps if r.kind in m.kinds), r.kind)
    arrow = "→" if r.directed else "—"
    return f"{label(r.source)} {arrow} {label(r.target)} ({kind})"


def _stakeholder_rows(before: StakeholderMap, after: StakeholderMap) -> dict[str, list]:
    rows: dict[str, list] = {"added": [], "removed": [], "changed": [], "quadrant": []}
    for sid, s in after.stakeholders.items():
        if sid not in before.stakeholders:
            rows["added"].append(Difference("added", "stakeholder", sid, s.label))
    for sid, s in before.stakeholders.items():
        new: Stakeholder | None = after.stakeholders.get(sid)
        if new is None:
            rows["removed"].append(Difference("removed", "stakeholder", sid, s.label))
            continue
        rows["changed"] += _field_changes("stakeholder", sid, new.label, s, new)
        old_q, new_q = quadrant(s.power, s.interest), quadrant(new.power, new.interest)
        if old_q != new_q:
            rows["quadrant"].append(
                Difference(
                    "moved quadrant", "stakeholder", sid, new.label, "quadrant", old_q, new_q
                )
            )
    return rows


def _relationship_rows(before: StakeholderMap, after: StakeholderMap) -> dict[str, list]:
    rows: dict[str, list] = {"added": [], "removed": [], "changed": []}
    both = (after, before)
    for rid, r in after.relationships.items():
        if rid not in before.relationships:
            rows["added"].append(Difference("added", "relationship", rid, _tie_name(r, both)))
    for rid, r in before.relationships.items():
        new = after.relationships.get(rid)
        if new is None:
            rows["removed"].append(
                Difference("removed", "relationship", rid, _tie_name(r, (before, after)))
            )
        else:
            rows["changed"] += _field_changes("relationship", rid, _tie_name(new, both), r, new)
    return rows


def brokerage_moves(
    before: StakeholderMap,
    after: StakeholderMap,
    top: int = TOP_MOVERS,
    view: GraphView | None = None,
) -> tuple[Difference, ...]:
    """The ``top`` stakeholders whose betweenness changed most (on both maps, same view).

    Betweenness is the normalised, weighted betweenness of
    :func:`~stakeholder_mapper.analysis.metrics.compute_metrics`; changes smaller than
    :data:`MIN_BROKERAGE_CHANGE` are not movements. Largest change first.
    """
    from .metrics import compute_metrics  # igraph and pandas load on first use, as in .views

    old = compute_metrics(before, view)["betweenness"]
    new = compute_metrics(after, view)["betweenness"]
    moves = []
    for sid in new.index.intersection(old.index):
        delta = float(new[sid]) - float(old[sid])
        if abs(delta) >= MIN_BROKERAGE_CHANGE:
            label = after.stakeholders[sid].label
            moves.append(
                Difference(
                    "brokerage",
                    "stakeholder",
                    sid,
                    label,
                    "betweenness",
                    round(float(old[sid]), 3),
                    round(float(new[sid]), 3),
                )
            )
    moves.sort(key=lambda d: -abs(d.after - d.before))
    return tuple(moves[:top])


def compare_maps(
    before: StakeholderMap,
    after: StakeholderMap,
    brokerage: bool = True,
    view: GraphView | None = None,
) -> MapComparison:
    """Every difference between two states of a map, matched by id.

    With ``brokerage`` the top movers in betweenness are included (this computes the
    metrics of both maps; a user interface may leave it out and add
    :func:`brokerage_moves` from a background job).
    """
    people = _stakeholder_rows(before, after)
    ties = _relationship_rows(before, after)
    return MapComparison(
        added_stakeholders=tuple(people["added"]),
        removed_stakeholders=tuple(people["removed"]),
        changed_stakeholders=tuple(people["changed"]),
        added_relationships=tuple(ties["added"]),
        removed_relationships=tuple(ties["removed"]),
        changed_relationships=tuple(ties["changed"]),
        quadrant_moves=tuple(people["quadrant"]),
        brokerage_moves=brokerage_moves(before, after, view=view) if brokerage else (),
        support_before=support_balance(before),
        support_after=support_balance(after),
    )
