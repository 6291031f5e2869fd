"""Protecting the people on a map: erase a person's data everywhere, and review reminders.

Maps hold opinions about named people. A stakeholder's personal name (``person``) and
contact details (``contact``) are personal data; when a person asks to be removed, or
the data is no longer needed, :class:`ErasePerson` removes every trace of them from the
map, its snapshots included, as one undoable edit. :func:`overdue_reviews` lists the
stakeholders whose review date has passed, so that stale data is checked or removed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from .commands import Command
from .i18n import _
from .model import Snapshot, Stakeholder, StakeholderMap
from .names import NameMatcher
from .validation import ValidationError, map_problems
from .wording import counted

__all__ = ["ERASED", "ErasePerson", "overdue_reviews", "personal_terms"]

#: What replaces an erased name or contact detail in free text.
ERASED = "[erased]"
# Shorter terms would wipe ordinary words; contact pieces this short identify no one.
_MIN_TERM = 3


def _split_contact(contact: str) -> list[str]:
    pieces = [contact.strip()]
    pieces += [p.strip() for p in re.split(r"[;,\n]|\s{2,}", contact)]
    return [p for p in pieces if len(p) >= _MIN_TERM]


def personal_terms(person: str, contact: str, extra: Iterable[str] = ()) -> list[str]:
    """The texts to erase for one person: the name, the contact details and each of their parts.

    A contact such as ``"+255 22 211 0000; amina@example.org"`` gives the whole text and
    each item, so a phone number copied alone into a note is found too.
    """
    terms = [person.strip()] if len(person.strip()) >= _MIN_TERM else []
    terms += _split_contact(contact) if contact.strip() else []
    terms += [t.strip() for t in extra if len(t.strip()) >= _MIN_TERM]
    # Longest first, so that a full name is replaced before a part of it.
    return sorted(dict.fromkeys(terms), key=len, reverse=True)


class _Eraser:
    """Replaces the person's names and contact details in any value, sharing what does not change.

    Names are found in the forms :class:`~stakeholder_mapper.core.names.NameMatcher`
    knows ("L. Orsan", "Orsan, Leila", "ORSAN", accents and spelling variants), with the
    surname alone but never a given name alone, which other people share; contact
    details as written. An id ("leila-orsan", or a key of the layout) is only changed
    where it holds the whole name, so ids made from other people's names stay as they
    are and every reference to an id changes with it. A quick look at the text form
    (``repr``) of each record or container skips the many that do not mention the
    person, so that erasing from big maps with snapshots stays quick.
    """

    def __init__(self, names: list[str], literal: list[str], ids: set[str]) -> None:
        self.matcher = NameMatcher(names, literal=literal, alone="surname")
        self.own_matcher = NameMatcher(names, literal=literal, alone="all")
        self.id_matcher = NameMatcher(names, alone="none")
        self.ids = ids

    def scrub(self, value: Any, own: bool = False) -> Any:
        """``value`` with the person erased from every text in it (the same object if none).

        ``own`` is for the person's own record, where a given name alone means them.
        """
        kind = type(value)
        if kind is str:
            if value in self.ids:
                matcher = self.id_matcher
            else:
                matcher = self.own_matcher if own else self.matcher
            return matcher.sub(value, ERASED) if matcher.may_mention(value) else value
        if kind in (dict, list, tuple, set, frozenset):
            if not value or not self.own_matcher.may_mention(repr(value)):
                return value
            if kind is dict:
                return {self.scrub(k, own): self.scrub(v, own) for k, v in value.items()}
            return kind(self.scrub(v, own) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            if not self.own_matcher.may_mention(repr(value)):
                return value
            changes = {
                f.name: self.scrub(getattr(value, f.name), own) for f in dataclasses.fields(value)
            }
            return dataclasses.replace(value, **changes)
        return value


def _ids(smap: StakeholderMap) -> set[str]:
    """The ids of the map's and its snapshots' stakeholders, relationships and snapshots."""
    ids = {*smap.stakeholders, *smap.relationships, *(s.id for s in smap.snapshots)}
    for snapshot in smap.snapshots:
        for table in ("stakeholders", "relationships"):
            records = snapshot.content.get(table, [])
            ids.update(r["id"] for r in records if isinstance(r, dict) and "id" in r)
    return {i for i in ids if isinstance(i, str)}


def _snapshot_personal(content: dict[str, Any], stakeholder_id: str) -> tuple[str, str]:
    for item in content.get("personal_data", []):
        if isinstance(item, dict) and item.get("stakeholder") == stakeholder_id:
            return str(item.get("person", "")), str(item.get("contact", ""))
    return "", ""


def _erase_in_snapshot(snapshot: Snapshot, stakeholder_id: str, eraser: _Eraser) -> Snapshot:
    content = dict(snapshot.content)
    content["personal_data"] = [
        item
        for item in content.get("personal_data", [])
        if not (isinstance(item, dict) and item.get("stakeholder") == stakeholder_id)
    ]
    if isinstance(content.get("stakeholders"), list):
        content["stakeholders"] = [
            eraser.scrub(r, own=isinstance(r, dict) and r.get("id") == stakeholder_id)
            for r in content["stakeholders"]
        ]
    return Snapshot(
        id=eraser.scrub(snapshot.id),
        name=eraser.scrub(snapshot.name),
        created=snapshot.created,
        content=eraser.scrub(content),
    )


class ErasePerson(Command):
    """Erase one person's name and contact details everywhere in the map, snapshots included.

    The stakeholder stays on the map (as the organisation or role it stands for) with
    ``person`` and ``contact`` emptied. Every occurrence of the name, in the forms people
    write it (full, "L. Orsan", "Orsan, Leila", the surname alone, any case or accents;
    see :mod:`stakeholder_mapper.core.names`; a given name alone only in the person's own
    record, since other people share it), and of
    the contact details in any text of the map - notes, engagement log and sheets, custom
    attributes, other stakeholders, relationship notes, map details, snapshots - is
    replaced by ``[erased]``; if an id was made from the whole name, it is replaced
    consistently too.
    ``also`` adds other spellings or nicknames to erase. Undo restores everything within
    the session; once the map is saved, the file holds no trace of the person.
    """

    def __init__(self, smap: StakeholderMap, stakeholder_id: str, also: Iterable[str] = ()) -> None:
        if stakeholder_id not in smap.stakeholders:
            raise ValidationError(
                _("Stakeholder {id} is not on the map.").format(id=repr(stakeholder_id))
            )
        stakeholder: Stakeholder = smap.stakeholders[stakeholder_id]
        names = [(stakeholder.person, stakeholder.contact)]
        names += [_snapshot_personal(snap.content, stakeholder_id) for snap in smap.snapshots]
        extra = [t.strip() for t in also if len(t.strip()) >= _MIN_TERM]
        people = [p.strip() for p, _ in names if len(p.strip()) >= _MIN_TERM] + extra
        contacts: list[str] = []
        for _skip, contact in names:
            contacts += personal_terms("", contact)
        terms = personal_terms("", "", people + contacts)
        if not terms:
            raise ValidationError(
                _("Stakeholder {name} has no personal name or contact details to erase.").format(
                    name=repr(stakeholder.label)
                )
            )
        self.smap = smap
        self.old = smap.copy()
        # Other spellings are looked for as names and, in case they are not names (an old
        # e-mail address), as they are written.
        eraser = _Eraser(people, contacts + extra, _ids(smap))
        self.new = self._erased(smap, stakeholder_id, eraser)
        self.terms = terms
        self.text = _("Erase personal data of {name}").format(name=stakeholder.label)

    def summary(self) -> str:
        """What the erasure changes, in one sentence, for the confirmation dialog."""

        def changed(old: list[Any], new: list[Any]) -> int:
            return sum(a != b for a, b in zip(old, new, strict=True))

        records = changed(
            list(self.old.stakeholders.values()), list(self.new.stakeholders.values())
        ) + changed(list(self.old.relationships.values()), list(self.new.relationships.values()))
        snapshots = changed(self.old.snapshots, self.new.snapshots)
        return _("{texts} will be erased from {records} of the map and {snapshots}.").format(
            texts=counted(len(self.terms), "name or contact text", "name or contact texts"),
            records=counted(records, "record", "records"),
            snapshots=counted(snapshots, "snapshot", "snapshots"),
        )

    @staticmethod
    def _erased(smap: StakeholderMap, stakeholder_id: str, eraser: _Eraser) -> StakeholderMap:
        scrub = eraser.scrub
        new = StakeholderMap(scrub(smap.info))
        stakeholders = dict(smap.stakeholders)
        stakeholders[stakeholder_id] = dataclasses.replace(
            stakeholders[stakeholder_id], person="", contact=""
        )
        new.stakeholders = {}
        for record in stakeholders.values():
            record = scrub(record, own=record.id == stakeholder_id)
            if record.id in new.stakeholders:
                raise ValidationError(
                    _(
                        "Erasing would give two stakeholders the id {id}; rename one of them first."
                    ).format(id=repr(record.id))
                )
            new.stakeholders[record.id] = record
        new.relationships = {}
        for relationship in smap.relationships.values():
            relationship = scrub(relationship)
            new.relationships[relationship.id] = relationship
        if len(new.relationships) != len(smap.relationships):
            raise ValidationError(_("Erasing would give two relationships the same id."))
        new.categories = {c.id: c for c in scrub(list(smap.categories.values()))}
        new.kinds = {k.id: k for k in scrub(list(smap.kinds.values()))}
        new.positions = scrub(dict(smap.positions))
        new.pinned = scrub(set(smap.pinned))
        new.plan_settings = scrub(smap.plan_settings)
        # A mark on a text the erasure changed (an id made from the name, a log entry)
        # no longer finds it: that text is withheld again, which is the safe side.
        new.sharing = scrub(dict(smap.sharing))
        new.snapshots = [_erase_in_snapshot(s, stakeholder_id, eraser) for s in smap.snapshots]
        problems = map_problems(new, fields=False)
        if problems:
            raise ValidationError(
                _("Erasing would break the map: {problem}").format(problem=problems[0])
            )
        return new

    def redo(self) -> None:
        self.smap.replace_content(self.new.copy())

    def undo(self) -> None:
        self.smap.replace_content(self.old.copy())


def overdue_reviews(smap: StakeholderMap, today: dt.date) -> list[Stakeholder]:
    """Stakeholders whose review date is today or earlier, the longest overdue first.

    Their data should be checked with the source, updated, or erased (retention).
    """
    due = [s for s in smap.stakeholders.values() if s.review_date and s.review_date <= today]
    return sorted(due, key=lambda s: (s.review_date, s.label.casefold()))
