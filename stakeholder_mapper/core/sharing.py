"""Which user-written texts may leave the branch: the sharing mark of each text.

Free text (a stakeholder's notes and next action, the map's purpose, the names of
snapshots, categories and relationship kinds, log entries, plan-settings text) often
says more than its author meant to share: "Counter the directorate's opposition",
"Orsan family network". Below the Full (internal) export level such text is withheld
unless the user marked it: a Partner version shows text marked ``"partner"`` or
``"public"``, a Public version only text marked ``"public"``.

Marks live in one table on the map (:attr:`StakeholderMap.sharing`), keyed by what they
mark (see the ``*_key`` helpers), so they are saved with the map, undone like any edit
and copied into snapshots. A key whose text is gone does nothing. Built-in categories
and kinds whose id and name are unchanged are the app's words, not the user's, and are
always shown.

Example::

    >>> smap = StakeholderMap()
    >>> smap.sharing[stakeholder_key("mayor", "next_action")] = "partner"
    >>> reaches(smap, stakeholder_key("mayor", "next_action"), "partner")
    True
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from typing import Literal, NamedTuple

from .commands import Command
from .i18n import N_, _
from .model import (
    Category,
    LogEntry,
    RelationshipKind,
    StakeholderMap,
    builtin_names,
)
from .validation import ValidationError

__all__ = [
    "PLAN_CHOICES",
    "SHARING",
    "SHARING_NAMES",
    "STAKEHOLDER_SHAREABLE",
    "MapText",
    "SetSharing",
    "Sharing",
    "builtin_category",
    "builtin_kind",
    "category_key",
    "info_key",
    "kind_key",
    "log_key",
    "map_texts",
    "plan_key",
    "plan_text",
    "reaches",
    "sharing_problem",
    "snapshot_key",
    "stakeholder_key",
]

Sharing = Literal["withheld", "partner", "public"]
#: The marks, from the most to the least restricted; no mark means ``"withheld"``.
SHARING: tuple[str, ...] = Sharing.__args__

#: How each mark is offered to the user, one short phrase each.
SHARING_NAMES: dict[str, str] = {
    "withheld": N_("Internal only"),
    "partner": N_("Share with partners"),
    "public": N_("Share publicly"),
}

#: Stakeholder texts a mark can open to partners; the rest never leave the Full version.
STAKEHOLDER_SHAREABLE: tuple[str, ...] = (
    "notes",
    "key_messages",
    "channel",
    "next_action",
    "timing_window",
    "messenger",
)

# Which marks each export level shows.
_SHOWN = {"full": set(SHARING), "partner": {"partner", "public"}, "public": {"public"}}


def stakeholder_key(stakeholder_id: str, field: str) -> str:
    """The key of the mark on one text field of a stakeholder (or of its engagement)."""
    return f"stakeholder/{stakeholder_id}/{field}"


def info_key(field: str) -> str:
    """The key of the mark on one text of the map's details (``"purpose"``)."""
    return f"map/{field}"


def category_key(category_id: str) -> str:
    """The key of the mark on a category's name and id."""
    return f"category/{category_id}"


def kind_key(kind_id: str) -> str:
    """The key of the mark on a relationship kind's name and id."""
    return f"kind/{kind_id}"


def snapshot_key(snapshot_id: str) -> str:
    """The key of the mark on a snapshot's name."""
    return f"snapshot/{snapshot_id}"


def plan_key(setting: str) -> str:
    """The key of the mark on one text kept in the plan settings."""
    return f"plan/{setting}"


def log_key(stakeholder_id: str, entry: LogEntry) -> str:
    """The key of the mark on one engagement-log entry.

    Made from the entry's content, so an edited entry loses its mark (and is withheld
    again) rather than passing it to another entry.
    """
    text = "\x1f".join((entry.kind, entry.summary, entry.outcome, entry.next_step))
    return f"log/{stakeholder_id}/{entry.date.isoformat()}/{zlib.crc32(text.encode()):08x}"


def reaches(smap: StakeholderMap, key: str, level: str) -> bool:
    """Whether the text marked under ``key`` may appear in an export at ``level``."""
    return smap.sharing.get(key, "withheld") in _SHOWN[level]


def builtin_category(category: Category) -> bool:
    """Whether the category is one the app ships, with its own id and name unchanged."""
    return category.name in builtin_names(category.id)


def builtin_kind(kind: RelationshipKind) -> bool:
    """Whether the relationship kind is one the app ships, with its id and name unchanged."""
    return kind.name in builtin_names(kind.id)


#: Plan settings the app itself writes, whose texts are its own words (section ids,
#: levels), not the user's: never withheld.
PLAN_CHOICES: tuple[str, ...] = ("sections", "level", "sheets_for")


def plan_text(key: str, value: object) -> bool:
    """Whether the plan setting ``key`` holds text the user wrote (withheld unless marked)."""

    def holds_text(item: object) -> bool:
        if isinstance(item, str):
            return True
        if isinstance(item, dict):
            return any(holds_text(k) or holds_text(v) for k, v in item.items())
        if isinstance(item, list | tuple):
            return any(holds_text(v) for v in item)
        return False

    return key not in PLAN_CHOICES and holds_text(value)


class MapText(NamedTuple):
    """One user-written text of the map as a whole, with the key of its sharing mark."""

    #: What it is, for a label: "Purpose", "Category", "Relationship kind" ... (in English,
    #: marked for the catalogue: translated where shown).
    what: str
    text: str
    key: str


def map_texts(smap: StakeholderMap) -> list[MapText]:
    """The map's own user-written texts a mark can share: the purpose, the names of
    categories and kinds the user made or renamed, snapshot names and plan-settings text.

    Stakeholders' texts are marked where they are edited, field by field.
    """
    texts = [MapText(N_("Purpose"), smap.info.purpose, info_key("purpose"))]
    texts += [
        MapText(N_("Category"), c.name, category_key(c.id))
        for c in smap.categories.values()
        if not builtin_category(c)
    ]
    texts += [
        MapText(N_("Relationship kind"), k.name, kind_key(k.id))
        for k in smap.kinds.values()
        if not builtin_kind(k)
    ]
    texts += [MapText(N_("Snapshot"), s.name, snapshot_key(s.id)) for s in smap.snapshots]
    texts += [
        MapText(N_("Plan setting"), str(value), plan_key(key))
        for key, value in smap.plan_settings.items()
        if plan_text(key, value)
    ]
    return [t for t in texts if t.text.strip()]


def sharing_problem(sharing: object) -> str | None:
    """What keeps a sharing table from being saved and read back, or ``None``."""
    if not isinstance(sharing, dict):
        return "sharing: should be an object."
    for key, mark in sharing.items():
        if not isinstance(key, str) or not 0 < len(key) <= 1000:
            return "sharing has a key that is not a short text."
        if mark not in SHARING:
            return f"sharing.{key}: should be one of {', '.join(SHARING)}."
    return None


class SetSharing(Command):
    """Mark one or several texts withheld, shared with partners or shared publicly."""

    def __init__(self, smap: StakeholderMap, marks: Mapping[str, str]) -> None:
        problem = sharing_problem(dict(marks))
        if problem:
            raise ValidationError(problem)
        self.smap = smap
        self.old = dict(smap.sharing)
        self.new = dict(self.old)
        for key, mark in marks.items():
            if mark == "withheld":
                self.new.pop(key, None)
            else:
                self.new[key] = mark
        self.text = _("Change what is shared")

    def redo(self) -> None:
        self.smap.set_sharing(self.new)

    def undo(self) -> None:
        self.smap.set_sharing(self.old)
