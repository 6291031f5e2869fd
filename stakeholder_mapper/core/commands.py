"""Undoable edits of a map.

Each command checks and captures everything it needs when it is created, so creating
one either raises :class:`~stakeholder_mapper.core.validation.ValidationError` (nothing
changed) or gives an edit that ``redo()`` applies and ``undo()`` reverts exactly. The
method names match ``QUndoCommand`` so the desktop app can wrap them one to one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from .i18n import N_, _, ngettext
from .model import (
    Category,
    MapInfo,
    Relationship,
    RelationshipKind,
    Stakeholder,
    StakeholderMap,
)
from .validation import ValidationError, check_record, check_relationship, check_stakeholder

__all__ = [
    "PLAN_SETTING_TYPES",
    "AddCategory",
    "AddKind",
    "AddRelationship",
    "AddStakeholder",
    "Batch",
    "Command",
    "MoveStakeholders",
    "RemoveCategory",
    "RemoveRelationships",
    "RemoveStakeholders",
    "UpdateCategory",
    "UpdateMapInfo",
    "UpdatePlanSettings",
    "UpdateRelationship",
    "UpdateStakeholder",
]

#: Refusals several commands share.
STAKEHOLDER_MISSING = N_("Stakeholder {id} is not on the map.")
RELATIONSHIP_MISSING = N_("Relationship {id} is not on the map.")
CATEGORY_MISSING = N_("Category {id} is not on the map.")
DUPLICATE_ID = N_("Duplicate id {id}: it is already on the map.")
CATEGORY_NAMED = N_("Category {name}")


class Command:
    """An edit that can be applied (``redo``) and reverted (``undo``); ``text`` names it."""

    text: str = ""

    def redo(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError


def _replace_checked(record: Any, changes: dict[str, Any]) -> Any:
    unknown = set(changes) - set(record.__dataclass_fields__)
    if unknown:
        raise ValidationError(_("Unknown field {field}.").format(field=repr(sorted(unknown)[0])))
    if "id" in changes and changes["id"] != record.id:
        raise ValidationError(_("An id cannot be changed."))
    return dataclasses.replace(record, **changes)


class AddStakeholder(Command):
    """Add one stakeholder, optionally at a canvas position."""

    def __init__(
        self,
        smap: StakeholderMap,
        stakeholder: Stakeholder,
        position: tuple[float, float] | None = None,
    ) -> None:
        if stakeholder.id in smap.stakeholders or stakeholder.id in smap.relationships:
            raise ValidationError(_(DUPLICATE_ID).format(id=repr(stakeholder.id)))
        check_stakeholder(smap, stakeholder)
        self.smap, self.stakeholder, self.position = smap, stakeholder, position
        self.text = _("Add {name}").format(name=stakeholder.label)

    def redo(self) -> None:
        self.smap.put_stakeholder(self.stakeholder)
        if self.position is not None:
            self.smap.set_positions({self.stakeholder.id: self.position})

    def undo(self) -> None:
        self.smap.delete_stakeholder(self.stakeholder.id)


class RemoveStakeholders(Command):
    """Remove stakeholders together with their relationships and positions; removing the
    stakeholder named as our branch leaves the map with no branch rather than a dangling one."""

    def __init__(self, smap: StakeholderMap, ids: Iterable[str]) -> None:
        ids = list(dict.fromkeys(ids))
        missing = [i for i in ids if i not in smap.stakeholders]
        if missing:
            raise ValidationError(_(STAKEHOLDER_MISSING).format(id=repr(missing[0])))
        wanted = set(ids)
        self.smap = smap
        self.stakeholders = [smap.stakeholders[i] for i in ids]
        #: (index in map order, record), so that undo puts each back where it stood.
        self.stakeholder_places = [
            (n, s) for n, s in enumerate(smap.stakeholders.values()) if s.id in wanted
        ]
        self.relationships = [
            (n, r)
            for n, r in enumerate(smap.relationships.values())
            if r.source in wanted or r.target in wanted
        ]
        self.positions = {i: smap.positions[i] for i in ids if i in smap.positions}
        self.pinned = {i: True for i in ids if i in smap.pinned}
        self.info = smap.info
        self.info_after = (
            dataclasses.replace(smap.info, branch="") if smap.info.branch in wanted else None
        )
        names = ", ".join(s.label for s in self.stakeholders[:3])
        more = len(ids) - 3
        self.text = (
            _("Delete {names} and {more} more").format(names=names, more=more)
            if more > 0
            else _("Delete {names}").format(names=names)
        )

    def redo(self) -> None:
        for _skip, r in self.relationships:
            self.smap.delete_relationship(r.id)
        for s in self.stakeholders:
            self.smap.delete_stakeholder(s.id)
        if self.info_after is not None:
            self.smap.set_info(self.info_after)

    def undo(self) -> None:
        for index, s in self.stakeholder_places:
            self.smap.put_stakeholder(s, index)
        if self.positions or self.pinned:
            self.smap.set_positions(dict(self.positions), self.pinned)
        for index, r in self.relationships:
            self.smap.put_relationship(r, index)
        if self.info_after is not None:
            self.smap.set_info(self.info)


class UpdateStakeholder(Command):
    """Change fields of one stakeholder (e.g. ``label="Mayor"``, ``power=4``)."""

    def __init__(self, smap: StakeholderMap, stakeholder_id: str, **changes: Any) -> None:
        if stakeholder_id not in smap.stakeholders:
            raise ValidationError(_(STAKEHOLDER_MISSING).format(id=repr(stakeholder_id)))
        self.smap = smap
        self.old = smap.stakeholders[stakeholder_id]
        self.new = _replace_checked(self.old, changes)
        check_stakeholder(smap, self.new)
        if set(changes) == {"label"}:
            self.text = _("Rename {old} to {new}").format(old=self.old.label, new=self.new.label)
        else:
            self.text = _("Edit {fields} of {name}").format(
                fields=", ".join(sorted(changes)), name=self.old.label
            )

    def redo(self) -> None:
        self.smap.put_stakeholder(self.new)

    def undo(self) -> None:
        self.smap.put_stakeholder(self.old)


class AddRelationship(Command):
    """Add one relationship between two stakeholders already on the map."""

    def __init__(self, smap: StakeholderMap, relationship: Relationship) -> None:
        if relationship.id in smap.relationships or relationship.id in smap.stakeholders:
            raise ValidationError(_(DUPLICATE_ID).format(id=repr(relationship.id)))
        check_relationship(smap, relationship)
        self.smap, self.relationship = smap, relationship
        source = smap.stakeholders[relationship.source].label
        target = smap.stakeholders[relationship.target].label
        self.text = _("Connect {source} to {target}").format(source=source, target=target)

    def redo(self) -> None:
        self.smap.put_relationship(self.relationship)

    def undo(self) -> None:
        self.smap.delete_relationship(self.relationship.id)


class RemoveRelationships(Command):
    """Remove relationships."""

    def __init__(self, smap: StakeholderMap, ids: Iterable[str]) -> None:
        ids = list(dict.fromkeys(ids))
        missing = [i for i in ids if i not in smap.relationships]
        if missing:
            raise ValidationError(_(RELATIONSHIP_MISSING).format(id=repr(missing[0])))
        self.smap = smap
        wanted = set(ids)
        #: (index in map order, record), so that undo puts each back where it stood.
        self.relationships = [
            (n, r) for n, r in enumerate(smap.relationships.values()) if r.id in wanted
        ]
        self.text = ngettext("Delete relationship", "Delete {n} relationships", len(ids)).format(
            n=len(ids)
        )

    def redo(self) -> None:
        for _skip, r in self.relationships:
            self.smap.delete_relationship(r.id)

    def undo(self) -> None:
        for index, r in self.relationships:
            self.smap.put_relationship(r, index)


class UpdateRelationship(Command):
    """Change fields of one relationship (kind, strength, valence, ...)."""

    def __init__(self, smap: StakeholderMap, relationship_id: str, **changes: Any) -> None:
        if relationship_id not in smap.relationships:
            raise ValidationError(_(RELATIONSHIP_MISSING).format(id=repr(relationship_id)))
        self.smap = smap
        self.old = smap.relationships[relationship_id]
        self.new = _replace_checked(self.old, changes)
        check_relationship(smap, self.new)
        self.text = _("Edit {fields} of relationship").format(fields=", ".join(sorted(changes)))

    def redo(self) -> None:
        self.smap.put_relationship(self.new)

    def undo(self) -> None:
        self.smap.put_relationship(self.old)


class AddCategory(Command):
    """Add a stakeholder category."""

    def __init__(self, smap: StakeholderMap, category: Category) -> None:
        if category.id in smap.categories:
            raise ValidationError(_("Duplicate category id {id}.").format(id=repr(category.id)))
        check_record(category, _(CATEGORY_NAMED).format(name=repr(category.name)))
        self.smap, self.category = smap, category
        self.text = _("Add category {name}").format(name=category.name)

    def redo(self) -> None:
        self.smap.put_category(self.category)

    def undo(self) -> None:
        self.smap.delete_category(self.category.id)


class RemoveCategory(Command):
    """Remove a category that no stakeholder uses."""

    def __init__(self, smap: StakeholderMap, category_id: str) -> None:
        if category_id not in smap.categories:
            raise ValidationError(_(CATEGORY_MISSING).format(id=repr(category_id)))
        users = [s.label for s in smap.stakeholders.values() if s.category == category_id]
        if users:
            name, more = repr(smap.categories[category_id].name), len(users) - 1
            raise ValidationError(
                _("Category {name} is still used by {user} and {more} more.").format(
                    name=name, user=repr(users[0]), more=more
                )
                if more
                else _("Category {name} is still used by {user}.").format(
                    name=name, user=repr(users[0])
                )
            )
        self.smap, self.category = smap, smap.categories[category_id]
        self.index = list(smap.categories).index(category_id)
        self.text = _("Delete category {name}").format(name=self.category.name)

    def redo(self) -> None:
        self.smap.delete_category(self.category.id)

    def undo(self) -> None:
        self.smap.put_category(self.category, self.index)


class UpdateCategory(Command):
    """Rename a category or change its colour or shape."""

    def __init__(self, smap: StakeholderMap, category_id: str, **changes: Any) -> None:
        if category_id not in smap.categories:
            raise ValidationError(_(CATEGORY_MISSING).format(id=repr(category_id)))
        self.smap = smap
        self.old = smap.categories[category_id]
        self.new = _replace_checked(self.old, changes)
        check_record(self.new, _(CATEGORY_NAMED).format(name=repr(self.new.name)))
        self.text = _("Edit category {name}").format(name=self.old.name)

    def redo(self) -> None:
        self.smap.put_category(self.new)

    def undo(self) -> None:
        self.smap.put_category(self.old)


class AddKind(Command):
    """Add a relationship kind."""

    def __init__(self, smap: StakeholderMap, kind: RelationshipKind) -> None:
        if kind.id in smap.kinds:
            raise ValidationError(
                _("Duplicate relationship kind id {id}.").format(id=repr(kind.id))
            )
        check_record(kind, _("Relationship kind {name}").format(name=repr(kind.name)))
        self.smap, self.kind = smap, kind
        self.text = _("Add relationship kind {name}").format(name=kind.name)

    def redo(self) -> None:
        self.smap.put_kind(self.kind)

    def undo(self) -> None:
        self.smap.delete_kind(self.kind.id)


class MoveStakeholders(Command):
    """Move stakeholders on the canvas (and optionally pin or unpin them)."""

    def __init__(
        self,
        smap: StakeholderMap,
        positions: dict[str, tuple[float, float]],
        pinned: dict[str, bool] | None = None,
    ) -> None:
        pinned = pinned or {}
        missing = [i for i in positions.keys() | pinned.keys() if i not in smap.stakeholders]
        if missing:
            raise ValidationError(_(STAKEHOLDER_MISSING).format(id=repr(missing[0])))
        self.smap = smap
        self.new = {i: (float(x), float(y)) for i, (x, y) in positions.items()}
        self.old = {i: smap.positions.get(i) for i in positions}
        self.new_pinned = dict(pinned)
        self.old_pinned = {i: i in smap.pinned for i in pinned}
        self.text = _("Move stakeholder") if len(positions) == 1 else _("Move stakeholders")
        if not positions:
            self.text = _("Pin stakeholders")

    def redo(self) -> None:
        self.smap.set_positions(dict(self.new), self.new_pinned)

    def undo(self) -> None:
        self.smap.set_positions(dict(self.old), self.old_pinned)


class UpdateMapInfo(Command):
    """Change the map's title, city, branch, author, purpose or date."""

    def __init__(self, smap: StakeholderMap, **changes: Any) -> None:
        self.smap = smap
        self.old = smap.info
        self.new: MapInfo = _replace_checked(self.old, changes)
        check_record(self.new, "Map")
        self.text = _("Edit map details")

    def redo(self) -> None:
        self.smap.set_info(self.new)

    def undo(self) -> None:
        self.smap.set_info(self.old)


#: What the plan dialog remembers, and the type each choice must have.
PLAN_SETTING_TYPES: dict[str, type] = {
    "sections": list,
    "level": str,
    "show_author": bool,
    "sheets_for": str,
    "language": str,
}


class UpdatePlanSettings(Command):
    """Remember the choices made for the engagement plan (sections, level, author shown,
    which stakeholders get a sheet, the plan's language) so that the next plan starts from
    them."""

    def __init__(self, smap: StakeholderMap, **settings: Any) -> None:
        for key, value in settings.items():
            wanted = PLAN_SETTING_TYPES.get(key)
            if wanted is None:
                raise ValidationError(_("Unknown plan setting {key}.").format(key=repr(key)))
            if not isinstance(value, wanted) or (
                wanted is list and not all(isinstance(v, str) for v in value)
            ):
                raise ValidationError(
                    _("Plan setting {key} should be a {type}.").format(
                        key=repr(key), type=wanted.__name__
                    )
                )
        self.smap = smap
        self.old = dict(smap.plan_settings)
        self.new = {**self.old, **settings}
        self.text = _("Remember plan choices")

    def redo(self) -> None:
        self.smap.set_plan_settings(self.new)

    def undo(self) -> None:
        self.smap.set_plan_settings(self.old)


class Batch(Command):
    """Several edits as one undo step (an import, a paste, a multi-row edit).

    Build it with :meth:`build`: each step is created only after the previous ones
    are applied, so a step may refer to what an earlier step added.
    """

    def __init__(self, text: str, commands: list[Command]) -> None:
        self.text = text
        self.commands = commands

    @classmethod
    def build(
        cls,
        smap: StakeholderMap,
        text: str,
        steps: Iterable[Callable[[StakeholderMap], Command]],
    ) -> Batch:
        """Create every step against the map as it will be; the map is left unchanged.

        If any step is invalid, :class:`ValidationError` is raised and the map is unchanged.
        """
        done: list[Command] = []
        with smap.muted():
            try:
                for step in steps:
                    command = step(smap)
                    command.redo()
                    done.append(command)
            finally:
                for command in reversed(done):
                    command.undo()
        return cls(text, done)

    def redo(self) -> None:
        for command in self.commands:
            command.redo()

    def undo(self) -> None:
        for command in reversed(self.commands):
            command.undo()
