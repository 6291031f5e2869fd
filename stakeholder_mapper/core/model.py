"""The stakeholder map: stakeholders, relationships, categories, kinds and layout.

Records (stakeholders, relationships, categories, kinds) are immutable dataclasses: an
edit replaces a record, which makes undo a matter of putting the old record back. The
scales and allowed values are declared once, on the fields, and checked by
:mod:`stakeholder_mapper.core.validation`. "Unknown" is ``None`` and stays ``None``.

Never add fields for political affiliation, religion, ethnicity, health or private life.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Any, Literal, TypeVar

from pydantic import ConfigDict, Field, StrictBool, StrictInt, StrictStr

from .i18n import N_, _, translations_of
from .limits import MAX_PLAN_ITEMS

__all__ = [
    "ENGAGEMENT_STAGES",
    "LEVELS",
    "MAX_TOWER",
    "MAX_VOTES",
    "MOU_STATUSES",
    "PLAN_FIELDS",
    "RATINGS",
    "SCALES",
    "SENSITIVITIES",
    "CalendarEvent",
    "Category",
    "ChangeKind",
    "Engagement",
    "Indicator",
    "LogEntry",
    "MapInfo",
    "ModelChange",
    "Relationship",
    "RelationshipKind",
    "Risk",
    "Snapshot",
    "Stakeholder",
    "StakeholderMap",
    "builtin_names",
    "default_categories",
    "default_kinds",
]

_RECORD = ConfigDict(extra="forbid")

#: Inclusive bounds of every integer scale, by field name.
SCALES: dict[str, tuple[int, int]] = {
    "power": (1, 5),
    "interest": (1, 5),
    "position": (-2, 2),
    "trust": (-2, 2),
    "strength": (1, 5),
}

Level = Literal["community", "city", "regional", "national", "international"]
Sensitivity = Literal["public", "internal", "confidential"]
EngagementStage = Literal["unaware", "resistant", "neutral", "supportive", "champion"]
MouStatus = Literal["none", "exploring", "drafting", "signed", "renewal due", "expired"]
Valence = Literal["positive", "negative"]
Confidence = Literal["confirmed", "assumed"]
LineStyle = Literal["solid", "dash", "dot", "dashdot"]
Shape = Literal["circle", "square", "diamond", "triangle", "hexagon", "star", "pentagon"]
InteractionKind = Literal["meeting", "letter", "call", "event", "email", "other"]
Rating = Literal["low", "medium", "high"]
Classification = Literal["internal", "confidential"]

LEVELS: tuple[str, ...] = Level.__args__
SENSITIVITIES: tuple[str, ...] = Sensitivity.__args__
ENGAGEMENT_STAGES: tuple[str, ...] = EngagementStage.__args__
MOU_STATUSES: tuple[str, ...] = MouStatus.__args__
RATINGS: tuple[str, ...] = Rating.__args__


def _scale(name: str) -> Any:
    low, high = SCALES[name]
    return Annotated[StrictInt | None, Field(ge=low, le=high)]


Power = _scale("power")
Interest = _scale("interest")
Position = _scale("position")
#: Highest Net-Map influence tower (a count of stacked checkers, open-ended in practice).
MAX_TOWER = 1000
#: Most dot votes one stakeholder can hold (a room of voters times their dots, generously).
MAX_VOTES = 10000
Trust = _scale("trust")
Strength = Annotated[StrictInt, Field(ge=SCALES["strength"][0], le=SCALES["strength"][1])]
Principle = Annotated[StrictInt, Field(ge=1, le=12)]
Id = Annotated[StrictStr, Field(min_length=1, max_length=200)]
Colour = Annotated[StrictStr, Field(pattern=r"^#[0-9a-fA-F]{6}$")]


@dataclass(frozen=True)
class Category:
    """A kind of actor (municipal authority, media, ...), drawn with a colour and a shape."""

    __pydantic_config__ = _RECORD
    id: Id
    name: StrictStr
    colour: Colour = "#999999"
    shape: Shape = "circle"


@dataclass(frozen=True)
class RelationshipKind:
    """A kind of tie (influence, trust, funding, ...); directed kinds are drawn with arrows."""

    __pydantic_config__ = _RECORD
    id: Id
    name: StrictStr
    directed: StrictBool = True
    valence: Valence = "positive"
    colour: Colour = "#555555"
    style: LineStyle = "solid"


@dataclass(frozen=True)
class Engagement:
    """How we plan to engage one stakeholder: the content of its engagement sheet."""

    __pydantic_config__ = _RECORD
    objective: StrictStr = ""
    desired_change: StrictStr = ""
    ask: StrictStr = ""
    key_messages: StrictStr = ""
    approach: StrictStr = ""
    messenger: StrictStr = ""
    channel: StrictStr = ""
    owner: StrictStr = ""
    next_action: StrictStr = ""
    due_date: dt.date | None = None
    timing_window: StrictStr = ""
    stage: EngagementStage | None = None
    mou_status: MouStatus = "none"
    expect_to_see: StrictStr = ""
    like_to_see: StrictStr = ""
    love_to_see: StrictStr = ""
    risks: StrictStr = ""


@dataclass(frozen=True)
class LogEntry:
    """One dated interaction with a stakeholder and what came of it."""

    __pydantic_config__ = _RECORD
    date: dt.date
    kind: InteractionKind = "meeting"
    summary: StrictStr = ""
    outcome: StrictStr = ""
    next_step: StrictStr = ""


@dataclass(frozen=True)
class Stakeholder:
    """An organisation or a role in the city, with our reading of its power and attitude.

    ``person`` (a personal name) and ``contact`` (contact details) are personal data:
    they are never drawn on the canvas and are stored apart in the project file.
    ``influence`` is the Net-Map influence tower height (open-ended, unlike ``power``)
    and ``votes`` the dot votes it received in a workshop; both ``None`` until asked.
    """

    __pydantic_config__ = _RECORD
    id: Id
    label: StrictStr
    category: Id
    organisation: StrictStr = ""
    role: StrictStr = ""
    level: Level | None = None
    power: Power = None
    influence: Annotated[StrictInt | None, Field(ge=0, le=MAX_TOWER)] = None
    votes: Annotated[StrictInt | None, Field(ge=0, le=MAX_VOTES)] = None
    interest: Interest = None
    position: Position = None
    trust: Trust = None
    focal_point: StrictStr = ""
    principles: tuple[Principle, ...] = ()
    tags: tuple[StrictStr, ...] = ()
    notes: StrictStr = ""
    sensitivity: Sensitivity = "internal"
    review_date: dt.date | None = None
    source: StrictStr = ""
    informed: StrictBool | None = None
    person: StrictStr = ""
    contact: StrictStr = ""
    engagement: Engagement = field(default_factory=Engagement)
    log: tuple[LogEntry, ...] = ()
    attributes: dict[StrictStr, StrictStr] = field(default_factory=dict)
    #: The stakeholder's own colour, read from a Gephi or yEd file; drawn over its
    #: category's colour. None: the category's colour.
    colour: Colour | None = None


@dataclass(frozen=True)
class Relationship:
    """A tie from ``source`` to ``target``; strength 1-5 is a closeness, not a distance."""

    __pydantic_config__ = _RECORD
    id: Id
    source: Id
    target: Id
    kind: Id = "influence"
    strength: Strength = 3
    valence: Valence = "positive"
    directed: StrictBool = True
    notes: StrictStr = ""
    confidence: Confidence = "confirmed"
    #: Columns of an imported file the model has no field for (a foreign weight, say),
    #: kept by name and written back on export.
    attributes: dict[StrictStr, StrictStr] = field(default_factory=dict)


@dataclass(frozen=True)
class Risk:
    """A line of the plan's risk register: what could go wrong and who watches it."""

    __pydantic_config__ = _RECORD
    description: StrictStr
    likelihood: Rating | None = None
    impact: Rating | None = None
    mitigation: StrictStr = ""
    owner: StrictStr = ""


@dataclass(frozen=True)
class CalendarEvent:
    """A date on the political calendar the plan times its asks to (budget vote, election)."""

    __pydantic_config__ = _RECORD
    date: dt.date
    what: StrictStr


@dataclass(frozen=True)
class Indicator:
    """How progress is measured: where we start, where we aim, and by when."""

    __pydantic_config__ = _RECORD
    name: StrictStr
    baseline: StrictStr = ""
    target: StrictStr = ""
    by: dt.date | None = None


def _items(record: Any) -> Any:
    return Annotated[tuple[record, ...], Field(max_length=MAX_PLAN_ITEMS)]


@dataclass(frozen=True)
class MapInfo:
    """What the map is about and what the engagement plan says beyond the network.

    The first fields are shown on the title bar and the plan's cover. ``branch`` is the
    id of the stakeholder standing for our own branch ("" when none is named; files of
    older versions may hold its name). ``classification`` may raise the Full plan's
    marking to confidential (it is confidential anyway when a stakeholder is). The rest are the
    plan's own sections (problem and ask, red lines, risks, calendar, indicators,
    document control...), each optional: the plan leaves out a section without data.
    """

    __pydantic_config__ = _RECORD
    title: StrictStr = "Untitled map"
    city: StrictStr = ""
    branch: StrictStr = ""
    author: StrictStr = ""
    purpose: StrictStr = ""
    date: dt.date | None = None
    classification: Classification | None = None
    problem: StrictStr = ""
    ask: StrictStr = ""
    evidence: StrictStr = ""
    red_lines: StrictStr = ""
    movement: StrictStr = ""
    community: StrictStr = ""
    do_no_harm: StrictStr = ""
    resources: StrictStr = ""
    risks: _items(Risk) = ()
    calendar: _items(CalendarEvent) = ()
    indicators: _items(Indicator) = ()
    version: StrictStr = ""
    approver: StrictStr = ""
    distribution: _items(StrictStr) = ()
    review_date: dt.date | None = None


#: The plan's own fields of :class:`MapInfo` (what a "Plan content" edit changes).
PLAN_FIELDS: tuple[str, ...] = tuple(
    name
    for name in MapInfo.__dataclass_fields__
    if name not in ("title", "city", "branch", "author", "purpose", "date", "classification")
)


@dataclass(frozen=True)
class Snapshot:
    """A named, dated copy of the map's content, kept for before/after comparison.

    ``content`` is the map as stored in a project file (without snapshots).
    """

    id: str
    name: str
    created: dt.datetime
    content: dict[str, Any]


# Okabe-Ito and Paul Tol's palettes; categories of the same shape stay apart in colour under
# simulated colour-blindness, and letter badges tell them apart in greyscale (core/styles.py).
_DEFAULT_CATEGORIES = [
    ("municipal", N_("Municipal authority"), "#0072B2", "square"),
    ("national", N_("National authority"), "#332288", "square"),
    ("emergency", N_("Emergency & public services"), "#D55E00", "diamond"),
    ("community", N_("Community leader"), "#009E73", "circle"),
    ("faith", N_("Faith leader"), "#225555", "hexagon"),
    ("ngo", N_("Civil society / NGO"), "#88CCEE", "circle"),
    ("private", N_("Private sector"), "#E69F00", "triangle"),
    ("financial", N_("Financial sector"), "#AA4499", "triangle"),
    ("media", N_("Media"), "#CC79A7", "star"),
    ("academia", N_("Academia"), "#56B4E9", "pentagon"),
    ("youth", N_("Youth group"), "#F0E442", "circle"),
    ("international", N_("International organisation"), "#882255", "diamond"),
    ("redcross", N_("Red Cross / Red Crescent"), "#CC3311", "hexagon"),
]

_DEFAULT_KINDS = [
    ("influence", N_("Influence"), True, "positive", "#0072B2", "solid"),
    ("trust", N_("Trust"), True, "positive", "#009E73", "solid"),
    ("information", N_("Information flow"), True, "positive", "#56B4E9", "dot"),
    ("funding", N_("Funding"), True, "positive", "#E69F00", "dash"),
    ("authority", N_("Formal authority / reporting line"), True, "positive", "#332288", "dashdot"),
    ("collaboration", N_("Collaboration"), False, "positive", "#117733", "solid"),
    ("conflict", N_("Conflict"), False, "negative", "#D55E00", "dash"),
]


def default_categories() -> dict[str, Category]:
    """The categories a new map starts with (DESIGN §3), each with a colour and a shape,
    named in the interface language: a map made in Russian has Russian category names
    (stored in its file, so it keeps them in any language)."""
    return {c[0]: Category(c[0], _(c[1]), *c[2:]) for c in _DEFAULT_CATEGORIES}


def default_kinds() -> dict[str, RelationshipKind]:
    """The relationship kinds a new map starts with (DESIGN §3), named in the interface
    language."""
    return {k[0]: RelationshipKind(k[0], _(k[1]), *k[2:]) for k in _DEFAULT_KINDS}


def builtin_names(record_id: str) -> frozenset[str]:
    """The names a shipped category or kind ``record_id`` has as the app made it, in any of
    its languages (empty when the app ships no such id)."""
    english = {r[0]: r[1] for r in (*_DEFAULT_CATEGORIES, *_DEFAULT_KINDS)}.get(record_id)
    return translations_of(english) if english else frozenset()


class ChangeKind(Enum):
    """What part of the map a change touched; views refresh only what concerns them."""

    STAKEHOLDER_ADDED = "stakeholder_added"
    STAKEHOLDER_REMOVED = "stakeholder_removed"
    STAKEHOLDER_CHANGED = "stakeholder_changed"
    RELATIONSHIP_ADDED = "relationship_added"
    RELATIONSHIP_REMOVED = "relationship_removed"
    RELATIONSHIP_CHANGED = "relationship_changed"
    CATEGORY_ADDED = "category_added"
    CATEGORY_REMOVED = "category_removed"
    CATEGORY_CHANGED = "category_changed"
    KIND_ADDED = "kind_added"
    KIND_REMOVED = "kind_removed"
    KIND_CHANGED = "kind_changed"
    POSITIONS_CHANGED = "positions_changed"
    INFO_CHANGED = "info_changed"
    SNAPSHOTS_CHANGED = "snapshots_changed"
    PLAN_SETTINGS_CHANGED = "plan_settings_changed"
    SHARING_CHANGED = "sharing_changed"
    RESET = "reset"


@dataclass(frozen=True)
class ModelChange:
    """One notification: what changed, which ids, and (for edits) which fields."""

    kind: ChangeKind
    ids: tuple[str, ...] = ()
    fields: frozenset[str] = frozenset()


Listener = Callable[[ModelChange], None]


_R = TypeVar("_R")


def _put(records: dict[str, _R], key: str, record: _R, index: int | None) -> None:
    """Set ``records[key]``; a new key goes at position ``index`` (None: last), in place."""
    if key in records or index is None or index >= len(records):
        records[key] = record
        return
    items = list(records.items())
    items.insert(index, (key, record))
    records.clear()
    records.update(items)


def _changed_fields(old: object, new: object) -> frozenset[str]:
    return frozenset(
        name for name in old.__dataclass_fields__ if getattr(old, name) != getattr(new, name)
    )


#: Everything a map holds besides its listeners: what a copy, a revert and equality cover.
_STATE_FIELDS = (
    "info",
    "categories",
    "kinds",
    "stakeholders",
    "relationships",
    "positions",
    "pinned",
    "snapshots",
    "plan_settings",
    "sharing",
)


class StakeholderMap:
    """The whole map and the single source of truth for every view.

    The ``put_*``/``delete_*`` methods are the primitive changes; each notifies the
    listeners. User edits go through :mod:`stakeholder_mapper.core.commands`, which
    validate first and can be undone.
    """

    def __init__(self, info: MapInfo | None = None) -> None:
        self.info = info or MapInfo()
        self.categories: dict[str, Category] = default_categories()
        self.kinds: dict[str, RelationshipKind] = default_kinds()
        self.stakeholders: dict[str, Stakeholder] = {}
        self.relationships: dict[str, Relationship] = {}
        self.positions: dict[str, tuple[float, float]] = {}
        self.pinned: set[str] = set()
        self.snapshots: list[Snapshot] = []
        self.plan_settings: dict[str, Any] = {}
        #: Which user-written texts may reach Partner and Public versions, by key (see
        #: :mod:`stakeholder_mapper.core.sharing`); a text not listed is withheld.
        self.sharing: dict[str, str] = {}
        self._listeners: list[Listener] = []
        self._muted = 0

    # -- notification -------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` with each :class:`ModelChange`; returns an unsubscribe function."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    @contextmanager
    def muted(self) -> Iterator[None]:
        """Suppress notifications inside the block (used to try out a batch of edits)."""
        self._muted += 1
        try:
            yield
        finally:
            self._muted -= 1

    def notify(self, change: ModelChange) -> None:
        """Tell every listener about ``change`` (unless muted)."""
        if self._muted:
            return
        for listener in list(self._listeners):
            listener(change)

    # -- queries ------------------------------------------------------------------
    def relationships_of(self, stakeholder_id: str) -> list[Relationship]:
        """Every relationship that starts or ends at the stakeholder."""
        return [r for r in self.relationships.values() if stakeholder_id in (r.source, r.target)]

    def find_stakeholder(self, text: str) -> Stakeholder | None:
        """The stakeholder whose id or label equals ``text`` (case-insensitive), if any."""
        if text in self.stakeholders:
            return self.stakeholders[text]
        wanted = text.strip().casefold()
        for s in self.stakeholders.values():
            if s.label.strip().casefold() == wanted:
                return s
        return None

    def new_id(self, prefix: str) -> str:
        """A fresh id such as ``s17`` not used by any stakeholder or relationship."""
        n = len(self.stakeholders) + len(self.relationships) + 1
        while f"{prefix}{n}" in self.stakeholders or f"{prefix}{n}" in self.relationships:
            n += 1
        return f"{prefix}{n}"

    # -- primitive changes --------------------------------------------------------
    def put_stakeholder(self, stakeholder: Stakeholder, index: int | None = None) -> None:
        """Add the stakeholder (at position ``index`` in map order, else last), or replace
        the one with the same id where it stands."""
        old = self.stakeholders.get(stakeholder.id)
        _put(self.stakeholders, stakeholder.id, stakeholder, index)
        if old is None:
            self.notify(ModelChange(ChangeKind.STAKEHOLDER_ADDED, (stakeholder.id,)))
        else:
            fields = _changed_fields(old, stakeholder)
            self.notify(ModelChange(ChangeKind.STAKEHOLDER_CHANGED, (stakeholder.id,), fields))

    def delete_stakeholder(self, stakeholder_id: str) -> None:
        """Remove the stakeholder and its position (relationships must be removed first)."""
        del self.stakeholders[stakeholder_id]
        self.positions.pop(stakeholder_id, None)
        self.pinned.discard(stakeholder_id)
        self.notify(ModelChange(ChangeKind.STAKEHOLDER_REMOVED, (stakeholder_id,)))

    def put_relationship(self, relationship: Relationship, index: int | None = None) -> None:
        """Add the relationship (at position ``index`` in map order, else last), or replace
        the one with the same id where it stands."""
        old = self.relationships.get(relationship.id)
        _put(self.relationships, relationship.id, relationship, index)
        if old is None:
            self.notify(ModelChange(ChangeKind.RELATIONSHIP_ADDED, (relationship.id,)))
        else:
            fields = _changed_fields(old, relationship)
            self.notify(ModelChange(ChangeKind.RELATIONSHIP_CHANGED, (relationship.id,), fields))

    def delete_relationship(self, relationship_id: str) -> None:
        """Remove the relationship."""
        del self.relationships[relationship_id]
        self.notify(ModelChange(ChangeKind.RELATIONSHIP_REMOVED, (relationship_id,)))

    def put_category(self, category: Category, index: int | None = None) -> None:
        """Add the category (at position ``index``, else last), or replace the one with the
        same id where it stands."""
        added = category.id not in self.categories
        _put(self.categories, category.id, category, index)
        kind = ChangeKind.CATEGORY_ADDED if added else ChangeKind.CATEGORY_CHANGED
        self.notify(ModelChange(kind, (category.id,)))

    def delete_category(self, category_id: str) -> None:
        """Remove the category (no stakeholder may still use it)."""
        del self.categories[category_id]
        self.notify(ModelChange(ChangeKind.CATEGORY_REMOVED, (category_id,)))

    def put_kind(self, kind: RelationshipKind, index: int | None = None) -> None:
        """Add the relationship kind (at position ``index``, else last), or replace the one
        with the same id where it stands."""
        added = kind.id not in self.kinds
        _put(self.kinds, kind.id, kind, index)
        change = ChangeKind.KIND_ADDED if added else ChangeKind.KIND_CHANGED
        self.notify(ModelChange(change, (kind.id,)))

    def delete_kind(self, kind_id: str) -> None:
        """Remove the relationship kind (no relationship may still use it)."""
        del self.kinds[kind_id]
        self.notify(ModelChange(ChangeKind.KIND_REMOVED, (kind_id,)))

    def set_positions(
        self,
        positions: dict[str, tuple[float, float] | None],
        pinned: dict[str, bool] | None = None,
    ) -> None:
        """Place stakeholders on the canvas (``None`` forgets a position) and pin or unpin them."""
        for sid, xy in positions.items():
            if xy is None:
                self.positions.pop(sid, None)
            else:
                self.positions[sid] = (float(xy[0]), float(xy[1]))
        for sid, is_pinned in (pinned or {}).items():
            (self.pinned.add if is_pinned else self.pinned.discard)(sid)
        ids = tuple(positions.keys() | (pinned or {}).keys())
        self.notify(ModelChange(ChangeKind.POSITIONS_CHANGED, ids))

    def set_info(self, info: MapInfo) -> None:
        """Replace the map's title, city, branch, author, purpose and date."""
        fields = _changed_fields(self.info, info)
        self.info = info
        self.notify(ModelChange(ChangeKind.INFO_CHANGED, (), fields))

    def set_plan_settings(self, settings: dict[str, Any]) -> None:
        """Replace the choices remembered for the next engagement plan."""
        self.plan_settings = deepcopy(settings)
        self.notify(ModelChange(ChangeKind.PLAN_SETTINGS_CHANGED))

    def set_sharing(self, sharing: dict[str, str]) -> None:
        """Replace the sharing marks of the map's texts."""
        self.sharing = dict(sharing)
        self.notify(ModelChange(ChangeKind.SHARING_CHANGED))

    def set_snapshots(self, snapshots: list[Snapshot]) -> None:
        """Replace the list of snapshots."""
        self.snapshots = list(snapshots)
        self.notify(ModelChange(ChangeKind.SNAPSHOTS_CHANGED))

    def replace_content(self, other: StakeholderMap) -> None:
        """Take over everything ``other`` holds except listeners (revert, restore)."""
        for name in _STATE_FIELDS:
            setattr(self, name, getattr(other, name))
        self.notify(ModelChange(ChangeKind.RESET))

    def copy(self) -> StakeholderMap:
        """A copy that later edits of this map do not reach, without listeners.

        Records, snapshots and the map details are immutable, so fresh containers
        suffice; the plan settings (plain data) are copied in depth. Cheap enough to hand
        a background job its own map while the user goes on editing.
        """
        clone = StakeholderMap(self.info)
        for name in _STATE_FIELDS[1:]:
            value = getattr(self, name)
            setattr(clone, name, type(value)(value))
        clone.plan_settings = deepcopy(self.plan_settings)
        return clone

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, StakeholderMap):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _STATE_FIELDS)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"<StakeholderMap {self.info.title!r}: {len(self.stakeholders)} stakeholders, "
            f"{len(self.relationships)} relationships>"
        )
