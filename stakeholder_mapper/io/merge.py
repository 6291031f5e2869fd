"""Merge an imported map into the open one as a single undoable edit.

Imported stakeholders are matched to those on the map by id, then by name (ignoring
case). A match is updated with the imported values that are filled in; an empty cell
never erases what the map knows. Unmatched stakeholders are added. Relationships are
matched by id (with the same ends) or by their ends and kind, then updated or added.
Categories and kinds the map lacks are added. The whole merge is one
:class:`~stakeholder_mapper.core.commands.Batch`, so one Undo reverts it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..core.commands import (
    AddCategory,
    AddKind,
    AddRelationship,
    AddStakeholder,
    Batch,
    Command,
    MoveStakeholders,
    UpdateRelationship,
    UpdateStakeholder,
)
from ..core.i18n import _, format_number
from ..core.model import Engagement, Relationship, Stakeholder, StakeholderMap
from ..core.wording import counted
from .table_import import UNSPECIFIED

__all__ = ["MergePlan", "merge_command", "plan_merge", "prepare_import_map"]

_STAKEHOLDER_DEFAULTS = {
    f.name: f.default
    for f in dataclasses.fields(Stakeholder)
    if f.default is not dataclasses.MISSING
}
# Fields a merge copies when filled in; ids, attributes, engagement and log are merged apart.
_MERGED_FIELDS = tuple(
    name for name in _STAKEHOLDER_DEFAULTS if name not in ("id", "attributes", "engagement", "log")
)
_RELATIONSHIP_FIELDS = ("kind", "strength", "valence", "directed", "notes", "confidence")


@dataclass
class MergePlan:
    """What a merge will do, for the confirmation the user gives before it happens."""

    added: list[str] = field(default_factory=list)
    matched_by_id: list[str] = field(default_factory=list)
    matched_by_name: list[tuple[str, str]] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    relationships_added: int = 0
    relationships_updated: int = 0
    categories_added: list[str] = field(default_factory=list)
    kinds_added: list[str] = field(default_factory=list)
    steps: list[Callable[[StakeholderMap], Command]] = field(default_factory=list, repr=False)

    def lines(self) -> list[str]:
        """The plan in short sentences."""
        out = [
            _(
                "{added}; {by_id} matched by id and {by_name} by name, of which {updated} "
                "get new values."
            ).format(
                added=counted(len(self.added), "new stakeholder", "new stakeholders"),
                by_id=format_number(len(self.matched_by_id)),
                by_name=format_number(len(self.matched_by_name)),
                updated=format_number(len(self.updated)),
            ),
            _("{added}; {updated} updated.").format(
                added=counted(self.relationships_added, "new relationship", "new relationships"),
                updated=counted(
                    self.relationships_updated, "existing relationship", "existing relationships"
                ),
            ),
        ]
        if self.matched_by_name:
            pairs = ", ".join(f"{new!r} → {old!r}" for new, old in self.matched_by_name[:5])
            more = len(self.matched_by_name) - 5
            out.append(
                _("Matched by name: {pairs} and {more} more.").format(pairs=pairs, more=more)
                if more > 0
                else _("Matched by name: {pairs}.").format(pairs=pairs)
            )
        if self.categories_added:
            out.append(_("New categories: {names}.").format(names=", ".join(self.categories_added)))
        if self.kinds_added:
            out.append(
                _("New relationship kinds: {names}.").format(names=", ".join(self.kinds_added))
            )
        return out


def prepare_import_map(target: StakeholderMap) -> StakeholderMap:
    """An empty map with the target's categories and kinds, to import into before merging.

    Importing into it makes category and kind names resolve to the target's ids.
    """
    smap = StakeholderMap()
    smap.categories = dict(target.categories)
    smap.kinds = dict(target.kinds)
    return smap


def _stakeholder_changes(old: Stakeholder, new: Stakeholder, unspecified: bool) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if new.label.strip().casefold() != old.label.strip().casefold():
        changes["label"] = new.label
    for name in _MERGED_FIELDS:
        value = getattr(new, name)
        if value != _STAKEHOLDER_DEFAULTS[name] and value != getattr(old, name):
            changes[name] = value
    if new.category != old.category and not unspecified:
        changes["category"] = new.category
    attributes = {**old.attributes, **new.attributes}
    if attributes != old.attributes:
        changes["attributes"] = attributes
    if new.engagement != Engagement() and new.engagement != old.engagement:
        changes["engagement"] = new.engagement
    log = old.log + tuple(e for e in new.log if e not in old.log)
    if log != old.log:
        changes["log"] = log
    return changes


def _fresh_id(base: str, used: set[str]) -> str:
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


class _RelationshipIds:
    """Fresh ``r<n>`` ids in one pass, however many are needed."""

    def __init__(self, used: set[str]) -> None:
        self.used = used
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        while f"r{self.n}" in self.used:
            self.n += 1
        self.used.add(f"r{self.n}")
        return f"r{self.n}"


def plan_merge(target: StakeholderMap, incoming: StakeholderMap) -> MergePlan:
    """Work out how ``incoming`` merges into ``target`` without changing either."""
    plan = MergePlan()
    steps: list[Callable[[StakeholderMap], Command]] = []
    needed: set[str] = set()  # categories and kinds the merged records use
    used = set(target.stakeholders) | set(target.relationships)
    by_name: dict[str, str] = {}
    for s in target.stakeholders.values():
        by_name.setdefault(s.label.strip().casefold(), s.id)
    ids: dict[str, str] = {}
    positions: dict[str, tuple[float, float]] = {}
    pinned: dict[str, bool] = {}
    for s in incoming.stakeholders.values():
        existing = s.id if s.id in target.stakeholders else None
        if existing is not None:
            plan.matched_by_id.append(s.id)
        else:
            existing = by_name.get(s.label.strip().casefold())
            if existing is not None:
                plan.matched_by_name.append((s.label, target.stakeholders[existing].label))
        if existing is None:
            new_id = s.id if s.id not in used else _fresh_id(s.id, used)
            used.add(new_id)
            ids[s.id] = new_id
            record = dataclasses.replace(s, id=new_id)
            plan.added.append(new_id)
            needed.add(s.category)
            steps.append(lambda m, r=record: AddStakeholder(m, r))
            if s.id in incoming.positions:
                positions[new_id] = incoming.positions[s.id]
            if s.id in incoming.pinned:
                pinned[new_id] = True
            continue
        ids[s.id] = existing
        category = incoming.categories.get(s.category)
        unspecified = category is not None and category.name == UNSPECIFIED
        changes = _stakeholder_changes(target.stakeholders[existing], s, unspecified)
        if changes:
            needed.add(changes.get("category", ""))
            plan.updated.append(existing)
            steps.append(lambda m, i=existing, c=changes: UpdateStakeholder(m, i, **c))
        if s.id in incoming.positions and existing not in target.positions:
            positions[existing] = incoming.positions[s.id]
    by_ends = {(r.source, r.target, r.kind): r.id for r in target.relationships.values()}
    next_id = _RelationshipIds(used)
    for r in incoming.relationships.values():
        # An end not among the imported stakeholders is one of the map's own.
        source, target_id = ids.get(r.source, r.source), ids.get(r.target, r.target)
        match = target.relationships.get(r.id)
        if match is None or (match.source, match.target) != (source, target_id):
            rid = by_ends.get((source, target_id, r.kind))
            match = target.relationships.get(rid) if rid else None
        if match is not None:
            changes = {
                name: getattr(r, name)
                for name in _RELATIONSHIP_FIELDS
                if getattr(r, name) != getattr(match, name) and (name != "notes" or r.notes)
            }
            # Attributes (an original weight) are added to the tie's, never erased.
            attributes = {**match.attributes, **r.attributes}
            if attributes != match.attributes:
                changes["attributes"] = attributes
            if changes:
                needed.add(changes.get("kind", ""))
                plan.relationships_updated += 1
                steps.append(lambda m, i=match.id, c=changes: UpdateRelationship(m, i, **c))
            continue
        rid = r.id if r.id not in used else next_id()
        used.add(rid)
        record = Relationship(**{**r.__dict__, "id": rid, "source": source, "target": target_id})
        plan.relationships_added += 1
        needed.add(r.kind)
        steps.append(lambda m, rel=record: AddRelationship(m, rel))
    if positions or pinned:
        steps.append(lambda m: MoveStakeholders(m, positions, pinned))
    plan.steps = _definitions(target, incoming, needed, plan) + steps
    return plan


def _definitions(
    target: StakeholderMap, incoming: StakeholderMap, needed: set[str], plan: MergePlan
) -> list[Callable[[StakeholderMap], Command]]:
    """Steps adding the categories and kinds the merged records use and the map lacks."""
    out: list[Callable[[StakeholderMap], Command]] = []
    for category in incoming.categories.values():
        if category.id in needed and category.id not in target.categories:
            plan.categories_added.append(category.name)
            out.append(lambda m, c=category: AddCategory(m, c))
    for kind in incoming.kinds.values():
        if kind.id in needed and kind.id not in target.kinds:
            plan.kinds_added.append(kind.name)
            out.append(lambda m, k=kind: AddKind(m, k))
    return out


def merge_command(
    target: StakeholderMap, incoming: StakeholderMap, text: str = "Import"
) -> tuple[Batch, MergePlan]:
    """The merge as one undoable command (not yet applied) and the plan it follows.

    Raises :class:`~stakeholder_mapper.core.validation.ValidationError` if a record
    cannot go on the map; the map is then unchanged.
    """
    plan = plan_merge(target, incoming)
    return Batch.build(target, text, plan.steps), plan
