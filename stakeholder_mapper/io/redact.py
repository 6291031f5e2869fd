"""Export levels: what a plan or an export may show to whom (DESIGN §6).

- ``full``: everything, for internal use by the branch.
- ``partner``: for partner organisations. No personal names, contact details, attitude
  (position, engagement stage, approach, risks, negative ties such as conflict or
  distrust) or trust scores, no notes or engagement log, no snapshots; and, for every
  stakeholder alike, nothing of what we want from it (objective, desired change, ask,
  progress markers): withheld only for opposed stakeholders, it would single them out.
  Stakeholders marked *confidential* are left out with their relationships.
- ``public``: aggregates only. Stakeholders marked *public* and our own branch (the map
  names it) keep their name; the others become "Media 2", "Faith leader 1" ...; only
  category, level, power and interest remain, enough for counts and charts by category.

Every export and the Word plan call :func:`redact` before writing, so the rules live in
one place. Ids are replaced by neutral ones (``s1``, ``r1``) below Full, because ids
imported from spreadsheets are sometimes made from names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..core.model import Engagement, MapInfo, Relationship, Stakeholder, StakeholderMap
from ..core.names import NameMatcher
from ..core.privacy import ERASED, personal_terms
from ..core.validation import ValidationError

__all__ = [
    "EXPORT_LEVELS",
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
    "full": "Full (internal): every field, including personal names, contact details, "
    "attitudes and trust scores.",
    "partner": "Partner: no personal names, contact details, attitudes (conflict and distrust "
    "ties included), trust scores, notes or confidential stakeholders, and for no "
    "stakeholder what we want from it (objective, desired change, ask, progress markers).",
    "public": "Public: aggregates only; stakeholders are named only when marked public and "
    "carry only their category, level, power and interest.",
}


@dataclass
class RedactedIds:
    """Which neutral id each original stakeholder and relationship id became.

    Pass the same instance to several :func:`redact` calls (a map and its snapshot) so
    that a record keeps one neutral id in all of them and the copies can be compared.
    """

    stakeholders: dict[str, str] = field(default_factory=dict)
    relationships: dict[str, str] = field(default_factory=dict)

    def stakeholder(self, old: str) -> str:
        """The neutral id for stakeholder ``old``, handing out the next ``sN`` if new."""
        return self.stakeholders.setdefault(old, f"s{len(self.stakeholders) + 1}")

    def relationship(self, old: str) -> str:
        """The neutral id for relationship ``old``, handing out the next ``rN`` if new."""
        return self.relationships.setdefault(old, f"r{len(self.relationships) + 1}")


# Engagement fields that partners need to act with us: kept at Partner level. What we want
# from a stakeholder (objective, desired change, ask, progress markers) is our judgement of
# its attitude ("Limit damaging coverage"), and the approach and risks too: all are left
# out for every stakeholder alike, since leaving them out only for opposed stakeholders
# would single those out. Messengers and owners are left out as they name people.
_PARTNER_ENGAGEMENT = (
    "key_messages",
    "channel",
    "next_action",
    "due_date",
    "timing_window",
    "mou_status",
)


def _name_matcher(maps: Iterable[StakeholderMap]) -> NameMatcher:
    """Finds, in free text, the personal names and contact details recorded in ``maps``.

    Stakeholders' personal names are matched in every form stakeholder_mapper.core.names knows
    (full, initials and surname, surname alone ...); the names of our own staff (author,
    focal points, owners) in full and with initials; contact details as written.
    """
    people: list[str] = []
    staff: list[str] = []
    contacts: list[str] = []
    for smap in maps:
        staff.append(smap.info.author)
        for s in smap.stakeholders.values():
            people.append(s.person)
            staff += [s.focal_point, s.engagement.owner]
            contacts += personal_terms("", s.contact)
    return NameMatcher(people, staff, contacts)


def _clean(text: str, names: NameMatcher) -> str:
    return names.sub(text, ERASED)


def _partner_stakeholder(s: Stakeholder, new_id: str, names: NameMatcher) -> Stakeholder:
    kept = {name: getattr(s.engagement, name) for name in _PARTNER_ENGAGEMENT}
    engagement = Engagement(
        **{k: _clean(v, names) if isinstance(v, str) else v for k, v in kept.items()}
    )
    return Stakeholder(
        id=new_id,
        label=_clean(s.label, names),
        category=s.category,
        organisation=_clean(s.organisation, names),
        role=_clean(s.role, names),
        level=s.level,
        power=s.power,
        influence=s.influence,
        interest=s.interest,
        principles=s.principles,
        tags=tuple(_clean(t, names) for t in s.tags),
        sensitivity=s.sensitivity,
        engagement=engagement,
        colour=s.colour,
    )


def _public_stakeholder(s: Stakeholder, new_id: str, label: str) -> Stakeholder:
    return Stakeholder(
        id=new_id,
        label=label,
        category=s.category,
        level=s.level,
        power=s.power,
        interest=s.interest,
        sensitivity=s.sensitivity,
    )


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

    names = _name_matcher([smap, *names_also_from])
    # The author is a personal name; title, purpose and city may quote one.
    info = smap.info
    ids = ids if ids is not None else RedactedIds()
    kept = [s for s in smap.stakeholders.values() if s.sensitivity != "confidential"]
    new_ids = {s.id: ids.stakeholder(s.id) for s in kept}
    # The plan's own sections (problem, red lines, risks, ...) stay in the Full version,
    # as do the approver and the distribution list (names); version and review date
    # are document control a reader may see.
    branch = smap.find_stakeholder(info.branch.strip()) if info.branch.strip() else None
    out.info = MapInfo(
        title=_clean(info.title, names),
        city=info.city,
        branch=new_ids.get(branch.id, "") if branch is not None else "",
        purpose=_clean(info.purpose, names),
        date=info.date,
        version=_clean(info.version, names),
        review_date=info.review_date,
    )
    per_category: dict[str, int] = {}
    for s in kept:
        if level == "partner":
            record = _partner_stakeholder(s, new_ids[s.id], names)
        else:
            per_category[s.category] = per_category.get(s.category, 0) + 1
            category = smap.categories.get(s.category)
            generic = f"{category.name if category else s.category} {per_category[s.category]}"
            # Our own branch is named, as on the cover: it writes the plan.
            shown = s.sensitivity == "public" or (branch is not None and s.id == branch.id)
            label = _clean(s.label, names) if shown else generic
            record = _public_stakeholder(s, new_ids[s.id], label)
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
            kind=r.kind,
            strength=r.strength,
            valence=r.valence,
            directed=r.directed,
            confidence=r.confidence,
        )
    out.positions = {new_ids[sid]: xy for sid, xy in smap.positions.items() if sid in new_ids}
    out.pinned = {new_ids[sid] for sid in smap.pinned if sid in new_ids}
    return out


#: Why a data or picture export is refused at Public level, in one sentence.
PUBLIC_EXPORT_REFUSED = (
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
        raise ValidationError(PUBLIC_EXPORT_REFUSED)
    return redact(smap, level)
