"""Export levels: what a plan or an export may show to whom (DESIGN §6).

- ``full``: everything, for internal use by the branch.
- ``partner``: for partner organisations. No personal names, contact details, attitude
  (position, engagement stage, approach, risks, negative ties such as conflict or
  distrust) or trust scores, no snapshots; and, for every stakeholder alike, nothing of
  what we want from it (objective, desired change, ask, progress markers): withheld only
  for opposed stakeholders, it would single them out. Stakeholders marked
  *confidential* are left out with their relationships.
- ``public``: aggregates only. Stakeholders marked *public* and our own branch (the map
  names it) keep their name in the redacted map; the others become "Media 2", "Faith
  leader 1" ...; only category, level, power and interest remain, enough for counts and
  charts by category. The Public plan prints counts alone, so it names no stakeholder.

Free text the user wrote (notes, next actions, key messages, channels, timing windows,
log entries, the map's purpose, plan-settings text, the names and ids of categories
and relationship kinds) is withheld below Full unless the user marked it for the level
(see :mod:`stakeholder_mapper.core.sharing`). A withheld category or kind keeps its
place under a neutral name ("Group A", "Tie kind 1"), the same throughout a document.
What is shared is still cleaned: phone numbers in any formatting and e-mail addresses
(:mod:`stakeholder_mapper.core.contacts`), and the personal names recorded on the map
(the ``person`` fields and the labels of stakeholders named as people, "Fr. Yolkin"),
in the forms people write and decline them (:mod:`stakeholder_mapper.core.names`).

Every export and the Word plan call :func:`redact` before writing, so the rules live in
one place. Ids are replaced by neutral ones (``s1``, ``r1``) below Full, because ids
imported from spreadsheets are sometimes made from names.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..core.contacts import erase_contacts, phone_regions
from ..core.i18n import N_, _
from ..core.model import (
    Category,
    Engagement,
    LogEntry,
    MapInfo,
    Relationship,
    RelationshipKind,
    Stakeholder,
    StakeholderMap,
)
from ..core.names import NameMatcher, titled_name
from ..core.privacy import ERASED, personal_terms
from ..core.sharing import (
    STAKEHOLDER_SHAREABLE,
    builtin_category,
    builtin_kind,
    category_key,
    info_key,
    kind_key,
    log_key,
    plan_key,
    plan_text,
    reaches,
    stakeholder_key,
)
from ..core.validation import ValidationError

__all__ = [
    "EXPORT_LEVELS",
    "GENERIC_CATEGORY",
    "GENERIC_KIND",
    "LEVEL_DESCRIPTIONS",
    "PUBLIC_EXPORT_REFUSED",
    "ExportLevel",
    "RedactedIds",
    "redact",
    "redact_for_export",
]

ExportLevel = Literal["full", "partner", "public"]
EXPORT_LEVELS: tuple[str, ...] = ExportLevel.__args__

#: One sentence per level, for dialogs, the CLI help and the plan's data-protection notice.
LEVEL_DESCRIPTIONS: dict[str, str] = {
    "full": N_(
        "Full (internal): every field, including personal names, contact details, "
        "attitudes and trust scores."
    ),
    "partner": N_(
        "Partner: no personal names, contact details, attitudes (conflict and distrust "
        "ties included), trust scores or confidential stakeholders, for no stakeholder what "
        "we want from it (objective, desired change, ask, progress markers), and only the "
        "texts the branch marked shareable."
    ),
    "public": N_(
        "Public: aggregates only (counts by category, quadrant and coalition); no "
        "stakeholder is named, whatever its mark, and counts of 1 or 2 are not given."
    ),
}

#: The neutral names of a withheld category and relationship kind.
GENERIC_CATEGORY = "Group {letter}"
GENERIC_KIND = "Tie kind {number}"


def _letters(number: int) -> str:
    """1 -> "A", 26 -> "Z", 27 -> "AA": spreadsheet-style column letters."""
    text = ""
    while number:
        number, rest = divmod(number - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


@dataclass
class RedactedIds:
    """Which neutral id each original stakeholder and relationship id became, and which
    neutral name ("Group A", "Tie kind 1") each withheld category and kind.

    Pass the same instance to several :func:`redact` calls (a map and its snapshot) so
    that a record keeps one neutral id in all of them and the copies can be compared.
    """

    stakeholders: dict[str, str] = field(default_factory=dict)
    relationships: dict[str, str] = field(default_factory=dict)
    #: Withheld categories and kinds: original id -> neutral id (``group-a``, ``kind-1``).
    categories: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    def stakeholder(self, old: str) -> str:
        """The neutral id for stakeholder ``old``, handing out the next ``sN`` if new."""
        return self.stakeholders.setdefault(old, f"s{len(self.stakeholders) + 1}")

    def relationship(self, old: str) -> str:
        """The neutral id for relationship ``old``, handing out the next ``rN`` if new."""
        return self.relationships.setdefault(old, f"r{len(self.relationships) + 1}")

    def category(self, old: str) -> Category:
        """The neutral stand-in for withheld category ``old`` ("Group A"), its id lettered too."""
        new = self.categories.setdefault(old, _letters(len(self.categories) + 1))
        return Category(f"group-{new.lower()}", GENERIC_CATEGORY.format(letter=new))

    def kind(self, old: str) -> RelationshipKind:
        """The neutral stand-in for withheld relationship kind ``old`` ("Tie kind 1")."""
        new = self.kinds.setdefault(old, str(len(self.kinds) + 1))
        return RelationshipKind(f"kind-{new}", GENERIC_KIND.format(number=new))


# Engagement fields that partners need to act with us: kept at Partner level (the free
# text among them only when marked shareable). What we want from a stakeholder
# (objective, desired change, ask, progress markers) is our judgement of its attitude
# ("Limit damaging coverage"), and the approach and risks too: all are left out for every
# stakeholder alike, since leaving them out only for opposed stakeholders would single
# those out. Messengers and owners are left out as they name people.
_PARTNER_ENGAGEMENT = (
    "key_messages",
    "channel",
    "next_action",
    "due_date",
    "timing_window",
    "mou_status",
    "messenger",
)


class _Cleaner:
    """Erases, from any text, phone numbers, e-mail addresses and the people named in ``maps``.

    Stakeholders' personal names, and the labels of stakeholders named as people, are
    matched in every form :mod:`stakeholder_mapper.core.names` knows (full, initials and
    surname, surname alone, declined ...); the names of our own staff (author, focal
    points, owners) in full and with initials; contact details as written and, for
    phone numbers, in any formatting (national formats of the regions they belong to).
    """

    def __init__(self, maps: Iterable[StakeholderMap]) -> None:
        people: list[str] = []
        staff: list[str] = []
        contacts: list[str] = []
        for smap in maps:
            staff.append(smap.info.author)
            for s in smap.stakeholders.values():
                people += [s.person, titled_name(s.label) or ""]
                staff += [s.focal_point, s.engagement.owner]
                contacts += personal_terms("", s.contact)
        self.names = NameMatcher(people, staff, contacts)
        self.regions = phone_regions(contacts)

        # Texts repeat (a map and its snapshot, the same next action on many rows).
        self._done: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        if not text.strip():
            return text
        if text not in self._done:
            self._done[text] = self.names.sub(erase_contacts(text, ERASED, self.regions), ERASED)
        return self._done[text]


def _shared_text(smap: StakeholderMap, sid: str, name: str, value: str, level: str) -> str:
    return value if reaches(smap, stakeholder_key(sid, name), level) else ""


def _partner_label(s: Stakeholder, clean: _Cleaner) -> str:
    """The stakeholder's label, or its role or organisation when the label names a person."""
    if titled_name(s.label) is None:
        return clean(s.label)
    return clean(s.role) or clean(s.organisation) or ERASED


def _partner_stakeholder(
    smap: StakeholderMap, s: Stakeholder, new_id: str, category: str, clean: _Cleaner
) -> Stakeholder:
    kept = {name: getattr(s.engagement, name) for name in _PARTNER_ENGAGEMENT}
    engagement = Engagement(
        **{
            k: clean(_shared_text(smap, s.id, k, v, "partner")) if k in STAKEHOLDER_SHAREABLE else v
            for k, v in kept.items()
        }
    )
    log = tuple(
        LogEntry(
            date=entry.date,
            kind=entry.kind,
            summary=clean(entry.summary),
            outcome=clean(entry.outcome),
            next_step=clean(entry.next_step),
        )
        for entry in s.log
        if reaches(smap, log_key(s.id, entry), "partner")
    )
    return Stakeholder(
        id=new_id,
        label=_partner_label(s, clean),
        category=category,
        organisation=clean(s.organisation),
        role=clean(s.role),
        level=s.level,
        power=s.power,
        influence=s.influence,
        interest=s.interest,
        principles=s.principles,
        tags=tuple(clean(t) for t in s.tags),
        notes=clean(_shared_text(smap, s.id, "notes", s.notes, "partner")),
        sensitivity=s.sensitivity,
        engagement=engagement,
        log=log,
        colour=s.colour,
    )


def _public_stakeholder(s: Stakeholder, new_id: str, category: str, label: str) -> Stakeholder:
    return Stakeholder(
        id=new_id,
        label=label,
        category=category,
        level=s.level,
        power=s.power,
        interest=s.interest,
        sensitivity=s.sensitivity,
    )


def _categories(
    smap: StakeholderMap, level: str, ids: RedactedIds
) -> tuple[dict[str, Category], dict[str, str]]:
    """The categories the level shows, withheld ones under neutral names, and the id map."""
    shown: dict[str, Category] = {}
    new_ids: dict[str, str] = {}
    for category in smap.categories.values():
        new = category
        if not (builtin_category(category) or reaches(smap, category_key(category.id), level)):
            generic = ids.category(category.id)
            new = dataclasses.replace(category, id=generic.id, name=generic.name)
        shown[new.id] = new
        new_ids[category.id] = new.id
    return shown, new_ids


def _kinds(
    smap: StakeholderMap, level: str, ids: RedactedIds
) -> tuple[dict[str, RelationshipKind], dict[str, str]]:
    """The relationship kinds the level shows, withheld ones under neutral names, and the id map."""
    shown: dict[str, RelationshipKind] = {}
    new_ids: dict[str, str] = {}
    for kind in smap.kinds.values():
        new = kind
        if not (builtin_kind(kind) or reaches(smap, kind_key(kind.id), level)):
            generic = ids.kind(kind.id)
            new = dataclasses.replace(kind, id=generic.id, name=generic.name)
        shown[new.id] = new
        new_ids[kind.id] = new.id
    return shown, new_ids


def _plan_settings(smap: StakeholderMap, level: str) -> dict[str, object]:
    """The plan settings without the user's text, unless marked for ``level``."""
    return {
        key: value
        for key, value in smap.plan_settings.items()
        if not plan_text(key, value) or reaches(smap, plan_key(key), level)
    }


def redact(
    smap: StakeholderMap,
    level: str,
    ids: RedactedIds | None = None,
    names_also_from: Iterable[StakeholderMap] = (),
) -> StakeholderMap:
    """A copy of the map holding only what the export ``level`` may show.

    ``level`` is ``"full"``, ``"partner"`` or ``"public"`` (see the module text). The map
    passed in is not changed; ``full`` returns an equal copy. Below Full, ``ids`` (if
    given) receives and reuses the neutral id of each record kept, and the personal
    names recorded in ``names_also_from`` (another version of the map, such as the
    current map for one of its snapshots) are erased from the text as well.
    """
    if level not in EXPORT_LEVELS:
        raise ValueError(f"Unknown export level {level!r}; use one of {', '.join(EXPORT_LEVELS)}.")
    out = smap.copy()
    if level == "full":
        return out
    # Rebuilt below from what the level keeps; snapshots are never shown below Full.
    out.stakeholders, out.relationships, out.snapshots = {}, {}, []

    clean = _Cleaner([smap, *names_also_from])
    # The author is a personal name; the title may quote one; the purpose is the user's
    # own words, shared only when marked.
    info = smap.info
    ids = ids if ids is not None else RedactedIds()
    out.categories, category_ids = _categories(smap, level, ids)
    out.kinds, kind_ids = _kinds(smap, level, ids)
    kept = [s for s in smap.stakeholders.values() if s.sensitivity != "confidential"]
    new_ids = {s.id: ids.stakeholder(s.id) for s in kept}
    # The plan's own sections (problem, red lines, risks, ...) stay in the Full version,
    # as do the approver and the distribution list (names); version and review date
    # are document control a reader may see.
    branch = smap.find_stakeholder(info.branch.strip()) if info.branch.strip() else None
    purpose = info.purpose if reaches(smap, info_key("purpose"), level) else ""
    out.info = MapInfo(
        title=clean(info.title),
        city=info.city,
        branch=new_ids.get(branch.id, "") if branch is not None else "",
        purpose=clean(purpose),
        date=info.date,
        version=clean(info.version),
        review_date=info.review_date,
    )
    out.plan_settings = _plan_settings(smap, level)
    out.sharing = {}
    per_category: dict[str, int] = {}
    for s in kept:
        category = category_ids.get(s.category, s.category)
        if level == "partner":
            record = _partner_stakeholder(smap, s, new_ids[s.id], category, clean)
        else:
            per_category[category] = per_category.get(category, 0) + 1
            shown_category = out.categories.get(category)
            name = shown_category.name if shown_category else category
            generic = f"{name} {per_category[category]}"
            # Our own branch is named, as on the cover: it writes the plan.
            shown = s.sensitivity == "public" or (branch is not None and s.id == branch.id)
            label = _partner_label(s, clean) if shown else generic
            record = _public_stakeholder(s, new_ids[s.id], category, label)
        out.stakeholders[record.id] = record
    for r in smap.relationships.values():
        # Conflict and distrust are attitudes: below Full only positive ties are shown.
        if r.source not in new_ids or r.target not in new_ids or r.valence == "negative":
            continue
        rid = ids.relationship(r.id)
        out.relationships[rid] = Relationship(
            id=rid,
            source=new_ids[r.source],
            target=new_ids[r.target],
            kind=kind_ids.get(r.kind, r.kind),
            strength=r.strength,
            valence=r.valence,
            directed=r.directed,
            confidence=r.confidence,
        )
    out.positions = {new_ids[sid]: xy for sid, xy in smap.positions.items() if sid in new_ids}
    out.pinned = {new_ids[sid] for sid in smap.pinned if sid in new_ids}
    return out


#: Why a data or picture export is refused at Public level, in one sentence.
PUBLIC_EXPORT_REFUSED = N_(
    "A Public export would show who is tied to whom and let readers recognise single "
    "stakeholders; export at Partner level, or write the engagement plan's Public "
    "version for aggregates."
)


def redact_for_export(smap: StakeholderMap, level: str) -> StakeholderMap:
    """What a data or picture export (tables, GraphML, GEXF, figures) may show at ``level``.

    These exports show who is tied to whom and where each actor sits, which lets a reader
    recognise single stakeholders even under generic names, so they stop at Partner level:
    a Public export raises :class:`ValidationError`. The plan's Public version gives the
    aggregates instead.
    """
    if level == "public":
        raise ValidationError(_(PUBLIC_EXPORT_REFUSED))
    return redact(smap, level)
