"""Quick entry: type or paste short lines to add stakeholders and relationships in a workshop.

One entry per line (blank lines are ignored)::

    Name                      a stakeholder in the default category
    Name; category            a stakeholder in that category: its id or name in any case,
                              or the start of one when only one category starts that way
    Name<Tab>category         the same, as pasted from a spreadsheet
    A > B                     a relationship of the default kind from A to B
    A -> B kind strength      the same with a kind (id or name) and a strength 1-5, both optional
    A -> B; kind strength     the same; the ';' is needed only when B's name ends with a kind
    A -- B,  A <-> B          an undirected relationship
    A → B,  A ↔ B             the same with the arrows a word processor makes of -> and <->

A tie that is already on the map (same kind, same two stakeholders, same direction
unless undirected) is never added twice: with a strength its strength is updated,
without one it is left as it is and said so.

Words after a known target name that name no kind are taken for a misspelt kind ("did
you mean 'trust'?"), never folded into a new name; a new name that begins with a known
one ends with ';' (``A > Mayor office;``).

The first line of a pasted list is skipped when it is a header row, such as
``Name<Tab>Category`` copied with a spreadsheet column (:data:`COLUMN_TITLES`).

Names are matched to stakeholders by name or id, ignoring case; a later line may use a
name added by an earlier one. The whole text becomes ONE undoable :class:`Batch`, or
nothing at all: any bad line raises :class:`QuickEntryError` and the map is unchanged.
A name that is not on the map is reported (with "did you mean ...?" for a likely typo);
passing ``create_missing_in=<category id>`` adds such names instead. New stakeholders
are placed on a free spot near the stakeholder they are connected to, or near the centre.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .commands import AddRelationship, AddStakeholder, Batch, Command, UpdateRelationship
from .i18n import N_, _, format_list, ngettext
from .model import Relationship, Stakeholder, StakeholderMap
from .placement import SPACING, FreeSpots, map_centre
from .ties import same_tie
from .validation import ValidationError
from .wording import counted

__all__ = [
    "QuickEntry",
    "QuickEntryError",
    "completions",
    "is_header",
    "match_category",
    "match_kind",
    "quick_entry",
]

#: Arrows between two names, longest first: (arrow, directed).
_ARROW = re.compile(r"\s*(<->|->|--|>|→|↔)\s*")
_UNDIRECTED = {"<->", "--", "↔"}
DEFAULT_KIND = "influence"
DEFAULT_STRENGTH = 3
#: How similar (0-1) a name must be to an existing one to be suggested as a typo fix.
TYPO_SCORE = 0.75
#: Column titles of a header row, folded (lower case, no accents): the table columns of
#: stakeholders and relationships, and the usual titles of a list in English, French,
#: Spanish and Portuguese. A first line made only of these is a header, not an entry.
COLUMN_TITLES = frozenset(
    {
        "id", "name", "names", "label", "stakeholder", "stakeholders", "stakeholder name",
        "actor", "actors", "organisation", "organization", "category", "categories", "type",
        "group", "role", "level", "power", "interest", "position", "trust", "tags", "notes",
        "sensitivity", "person", "contact", "source", "target", "kind", "strength",
        "valence", "directed", "from", "to", "nom", "noms", "categorie", "acteur", "acteurs",
        "partie prenante", "parties prenantes", "organisme", "nombre", "categoria", "actores",
        "nome", "ator", "atores",
    }
)  # fmt: skip


class QuickEntryError(ValidationError):
    """A quick-entry line cannot be added; nothing was changed.

    ``missing`` lists the names that are not on the map (the caller may offer to create
    them by calling again with ``create_missing_in``); ``suggestion`` is the closest
    existing name (or kind) when the only problem looks like a typo, and ``fixed`` the
    whole text with that typo corrected, when the correction is known.
    """

    def __init__(
        self,
        message: str,
        missing: tuple[str, ...] = (),
        suggestion: str | None = None,
        fixed: str | None = None,
    ) -> None:
        super().__init__(message)
        self.missing = missing
        self.suggestion = suggestion
        self.fixed = fixed


@dataclass(frozen=True)
class QuickEntry:
    """What a block of quick-entry text adds: one undoable command and the new ids.

    ``updated`` are ties already on the map whose strength the text changes,
    ``unchanged`` ties it names that are already on the map as they are,
    ``skipped_header`` the header row left out of a pasted list; ``summary`` says what
    happens in a sentence for the facilitator.
    """

    command: Batch
    stakeholders: tuple[str, ...] = ()
    relationships: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    summary: str = ""
    skipped_header: str = ""


@dataclass
class _NewStakeholder:
    line: int
    label: str
    category: str | None


@dataclass
class _NewRelationship:
    line: int
    source: str
    target: str
    kind: str
    strength: int | None
    undirected: bool


@dataclass
class _Plan:
    """Names known so far (existing and added by earlier lines), by folded name."""

    smap: StakeholderMap
    names: dict[str, str] = field(default_factory=dict)
    new: dict[str, Stakeholder] = field(default_factory=dict)
    used_ids: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for s in self.smap.stakeholders.values():
            self.names.setdefault(s.label.strip().casefold(), s.id)
        self.used_ids = set(self.smap.stakeholders) | set(self.smap.relationships)

    def resolve(self, name: str) -> str | None:
        folded = name.strip().casefold()
        if folded in self.names:
            return self.names[folded]
        return name if name in self.smap.stakeholders else None

    def fresh_id(self, prefix: str) -> str:
        n = len(self.used_ids) + 1
        while f"{prefix}{n}" in self.used_ids:
            n += 1
        self.used_ids.add(f"{prefix}{n}")
        return f"{prefix}{n}"

    def add(self, label: str, category: str) -> str:
        sid = self.fresh_id("s")
        self.new[sid] = Stakeholder(sid, label, category)
        self.names[label.casefold()] = sid
        return sid

    def labels(self) -> list[str]:
        return [s.label for s in self.smap.stakeholders.values()] + [
            s.label for s in self.new.values()
        ]


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


#: What :func:`_match` says when a category or a relationship kind is not found.
_NOT_FOUND = {
    "category": {
        "empty": N_("The category is empty."),
        "several": N_("'{text}' could be more than one category: {names}."),
        "close": N_("No category called '{text}' — did you mean '{close}'?"),
        "unknown": N_("No category called '{text}'. Known: {known}."),
    },
    "relationship kind": {
        "empty": N_("The relationship kind is empty."),
        "several": N_("'{text}' could be more than one relationship kind: {names}."),
        "close": N_("No relationship kind called '{text}' — did you mean '{close}'?"),
        "unknown": N_("No relationship kind called '{text}'. Known: {known}."),
    },
}


def _match(text: str, options: dict[str, tuple[str, str]], what: str) -> str:
    """The id whose id or name is ``text``, or the only one starting with it (any word)."""
    wanted = _fold(text)
    said = _NOT_FOUND[what]
    if not wanted:
        raise QuickEntryError(_(said["empty"]))
    for oid, (ident, name) in options.items():
        if wanted in (_fold(ident), _fold(name)):
            return oid
    starts = [
        oid
        for oid, (ident, name) in options.items()
        if _fold(ident).startswith(wanted)
        or any(_fold(name)[m.start() :].startswith(wanted) for m in re.finditer(r"\S+", name))
    ]
    if len(starts) == 1:
        return starts[0]
    if starts:
        names = ", ".join(f"'{options[o][1]}'" for o in starts[:4])
        raise QuickEntryError(_(said["several"]).format(text=text, names=names))
    close = _close_option(wanted, options, ids_first=what != "category")
    if close:
        raise QuickEntryError(_(said["close"]).format(text=text, close=close), suggestion=close)
    known = ", ".join(name for _skip, name in options.values())
    raise QuickEntryError(_(said["unknown"]).format(text=text, known=known))


def _close_option(
    wanted: str, options: dict[str, tuple[str, str]], ids_first: bool = False
) -> str | None:
    """The name (or the one-word id) of the option ``wanted`` most likely misspells;
    on a tie the name, or the id when ``ids_first`` (kinds are typed by their ids)."""
    names = {_fold(name): name for _, name in options.values()}
    ids = {_fold(ident): ident for ident, _ in options.values() if " " not in ident}
    best: tuple[float, str] | None = None
    for table in (ids, names) if ids_first else (names, ids):
        for folded, written in table.items():
            if wanted.endswith(folded) and len(wanted) - len(folded) > 1:
                # "distrust" is another word, not a misspelt "trust".
                continue
            score = difflib.SequenceMatcher(None, wanted, folded).ratio()
            if score >= 0.6 and (best is None or score > best[0]):
                best = (score, written)
    return best[1] if best else None


def match_category(smap: StakeholderMap, text: str) -> str:
    """The id of the category named by ``text`` (id, name, or a unique start of either)."""
    return _match(text, {c.id: (c.id, c.name) for c in smap.categories.values()}, "category")


def match_kind(smap: StakeholderMap, text: str) -> str:
    """The id of the relationship kind named by ``text`` (id, name, or a unique start)."""
    return _match(text, {k.id: (k.id, k.name) for k in smap.kinds.values()}, "relationship kind")


def _strength(text: str) -> int:
    if not re.fullmatch(r"[1-5]", text):
        raise QuickEntryError(
            _("Strength should be a whole number from 1 to 5, not '{text}'.").format(text=text)
        )
    return int(text)


def default_kind(smap: StakeholderMap) -> str:
    """The kind a relationship gets when the line names none: "influence" where the map
    has it, else the map's first directed positive kind, else its first kind."""
    if DEFAULT_KIND in smap.kinds:
        return DEFAULT_KIND
    for kind in smap.kinds.values():
        if kind.directed and kind.valence == "positive":
            return kind.id
    for kind in smap.kinds.values():
        return kind.id
    raise QuickEntryError(
        _("This map has no relationship kinds yet; add one before entering 'A > B'.")
    )


def _kind_and_strength(smap: StakeholderMap, words: list[str]) -> tuple[str, int | None]:
    strength = None
    if words and words[-1].isdigit():
        strength = _strength(words.pop())
    kind = match_kind(smap, " ".join(words)) if words else default_kind(smap)
    return kind, strength


def _split_target(smap: StakeholderMap, plan: _Plan, rest: str) -> tuple[str, str, int | None]:
    """Split ``B kind strength`` into the target name, the kind and the strength.

    Words after a name already known that name no kind are a misspelt kind, never part
    of a new name: ``Mayor trst 4`` asks "did you mean 'trust'?" (``fixed`` holds
    ``rest`` corrected). A new name that starts with a known one takes a ';' at its end.
    """
    if ";" in rest:
        target, _skip, tail = rest.partition(";")
        words = tail.split()
        try:
            kind, strength = _kind_and_strength(smap, list(words))
        except QuickEntryError as exc:
            if exc.suggestion is not None:
                strength_word = words[-1:] if words and words[-1].isdigit() else []
                exc.fixed = " ".join([f"{target.strip()};", exc.suggestion, *strength_word])
            raise
        return target.strip(), kind, strength
    if plan.resolve(rest) is not None:
        return rest, default_kind(smap), None
    words = rest.split()
    strength: int | None = None
    strength_word = ""
    if len(words) > 1 and words[-1].isdigit():
        strength_word = words.pop()
        strength = _strength(strength_word)
    if len(words) > 1 and plan.resolve(" ".join(words)) is None:
        for size in (2, 1):
            if len(words) > size:
                try:
                    kind = match_kind(smap, " ".join(words[-size:]))
                except QuickEntryError:
                    continue
                return " ".join(words[:-size]), kind, strength
        for size in (1, 2):
            if len(words) > size and plan.resolve(" ".join(words[:-size])) is not None:
                _kind_typo(smap, words[:-size], words[-size:], strength_word)
    return " ".join(words), default_kind(smap), strength


def _kind_typo(smap: StakeholderMap, target: list[str], typed: list[str], strength: str) -> None:
    """Raise for words after the known name ``target`` that are no kind: a misspelt kind."""
    text = " ".join(typed)
    glued = re.fullmatch(r"(.*\D)([1-5])", text) if not strength else None
    wanted, strength = (glued[1], glued[2]) if glued else (text, strength)
    close: str | None
    try:
        kind = match_kind(smap, wanted)
        close = kind if " " not in kind else smap.kinds[kind].name
    except QuickEntryError:
        kinds = {k.id: (k.id, k.name) for k in smap.kinds.values()}
        close = _close_option(_fold(wanted), kinds, ids_first=True)
    name = " ".join(target)
    if close is None:
        known = ", ".join(k.name for k in smap.kinds.values())
        raise QuickEntryError(
            _(
                "No relationship kind called '{text}'. Known: {known}. For a new stakeholder "
                "called '{name}', end the line with ';'."
            ).format(text=text, known=known, name=f"{name} {text}")
        )
    meant = f"{close} {strength}" if glued else close
    raise QuickEntryError(
        _(_NOT_FOUND["relationship kind"]["close"]).format(text=text, close=meant),
        suggestion=meant,
        fixed=f"{name} {close} {strength}".rstrip(),
    )


def _parse_line(
    smap: StakeholderMap, plan: _Plan, number: int, line: str, default_category: str | None
) -> _NewStakeholder | _NewRelationship:
    arrow = _ARROW.search(line)
    if arrow:
        source, rest = line[: arrow.start()].strip(), line[arrow.end() :].strip()
        if not source or not rest:
            raise QuickEntryError(_(_BOTH_SIDES))
        try:
            target, kind, strength = _split_target(smap, plan, rest)
        except QuickEntryError as exc:
            if exc.fixed is not None:
                exc.fixed = line[: arrow.end()] + exc.fixed
            raise
        if not target:
            raise QuickEntryError(_(_BOTH_SIDES))
        return _NewRelationship(number, source, target, kind, strength, arrow[1] in _UNDIRECTED)
    separator = re.search(r"[;\t]", line)
    label, category = line, ""
    if separator:
        label, category = line[: separator.start()].strip(), line[separator.end() :].strip()
    if not label:
        raise QuickEntryError(_("A stakeholder needs a name before the ';'."))
    if category:
        try:
            return _NewStakeholder(number, label, match_category(smap, category))
        except QuickEntryError as exc:
            if exc.suggestion is not None:
                exc.fixed = f"{label}; {exc.suggestion}"
            raise
    return _NewStakeholder(number, label, default_category)


#: A relationship line without a name on one side.
_BOTH_SIDES = N_("A relationship needs a name on each side: 'A > B'.")


def _missing_message(plan: _Plan, missing: list[str]) -> tuple[str, str | None]:
    if len(missing) > 1:
        names = format_list([f"'{n}'" for n in missing])
        return _("No stakeholders called {names} yet — add them?").format(names=names), None
    name = missing[0]
    labels = plan.labels()
    starts = [label for label in labels if label.casefold().startswith(name.casefold())]
    suggestion = starts[0] if len(starts) == 1 else _closest(name, labels)
    if suggestion:
        return _("No stakeholder called '{name}' — did you mean '{suggestion}'?").format(
            name=name, suggestion=suggestion
        ), suggestion
    return _("No stakeholder called '{name}' yet — add it?").format(name=name), None


def _closest(name: str, labels: list[str]) -> str | None:
    """The label ``name`` most likely misspells: close to the whole label or to its start.

    "Mayr" is far from "Mayor of Marenza" as a whole but close to its start "Mayor".
    """
    wanted = name.casefold()
    best, best_score = None, 0.0
    for label in labels:
        folded = label.casefold()
        whole = difflib.SequenceMatcher(None, wanted, folded).ratio()
        start = difflib.SequenceMatcher(None, wanted, folded[: len(wanted) + 1]).ratio()
        score = max(whole, 0.9 * start)
        if score > best_score:
            best, best_score = label, score
    return best if best_score >= TYPO_SCORE else None


def quick_entry(
    smap: StakeholderMap,
    text: str,
    default_category: str | None = None,
    create_missing_in: str | None = None,
) -> QuickEntry:
    """Turn quick-entry text into one undoable command (not yet applied).

    ``default_category`` is used for lines that give only a name; ``create_missing_in``
    is the category for names a relationship line uses that are not on the map (without
    it they raise :class:`QuickEntryError` listing them). The map is never changed here.
    """
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    if not lines:
        raise QuickEntryError(_("Type a name, 'Name; category' or 'A > B'."))

    def where(line: int, problem: str) -> str:
        if len(lines) > 1:
            return _("Line {line}: {problem}").format(line=line, problem=problem)
        return problem

    header = ""
    if len(lines) > 1 and is_header(lines[0][1]):
        header = lines.pop(0)[1]
    for category in (default_category, create_missing_in):
        if category is not None and category not in smap.categories:
            raise QuickEntryError(_("Unknown category {id}.").format(id=repr(category)))
    plan = _Plan(smap)
    entries: list[_NewStakeholder | _NewRelationship] = []
    missing: list[str] = []
    for number, line in lines:
        try:
            entry = _parse_line(smap, plan, number, line, default_category)
        except QuickEntryError as exc:
            fixed = None
            if exc.fixed is not None:
                typed = text.splitlines()
                typed[number - 1] = exc.fixed
                fixed = "\n".join(typed)
            raise QuickEntryError(
                where(number, str(exc)),
                suggestion=exc.suggestion if fixed else None,
                fixed=fixed,
            ) from None
        if isinstance(entry, _NewStakeholder):
            if plan.resolve(entry.label) is not None:
                raise QuickEntryError(
                    where(number, _("'{name}' is already on the map.").format(name=entry.label))
                )
            if entry.category is None:
                raise QuickEntryError(
                    where(
                        number,
                        _("Say which category '{name}' is in: '{name}; category'.").format(
                            name=entry.label
                        ),
                    )
                )
            plan.add(entry.label, entry.category)
        else:
            for name in (entry.source, entry.target):
                if plan.resolve(name) is None and name.casefold() not in map(str.casefold, missing):
                    missing.append(name)
            if create_missing_in is not None:
                for name in (entry.source, entry.target):
                    if plan.resolve(name) is None:
                        plan.add(name, create_missing_in)
        entries.append(entry)
    if missing and create_missing_in is None:
        message, suggestion = _missing_message(plan, missing)
        raise QuickEntryError(message, tuple(missing), suggestion)

    relationships: list[Relationship] = []
    #: Strength of ties already on the map that the text changes, by id.
    updates: dict[str, int] = {}
    unchanged: list[str] = []
    for entry in entries:
        if not isinstance(entry, _NewRelationship):
            continue
        source, target = plan.resolve(entry.source), plan.resolve(entry.target)
        assert source is not None and target is not None
        if source == target:
            raise QuickEntryError(
                where(
                    entry.line,
                    _("'{name}' cannot have a relationship with itself.").format(name=entry.source),
                )
            )
        kind = smap.kinds[entry.kind]
        directed = kind.directed and not entry.undirected
        planned = same_tie(relationships, source, target, kind.id, directed)
        if planned is not None:
            if entry.strength is not None:
                index = relationships.index(planned)
                relationships[index] = replace(planned, strength=entry.strength)
            continue
        existing = same_tie(smap.relationships.values(), source, target, kind.id, directed)
        if existing is not None:
            if entry.strength is not None and entry.strength != existing.strength:
                updates[existing.id] = entry.strength
            elif existing.id not in updates and existing.id not in unchanged:
                unchanged.append(existing.id)
            continue
        relationships.append(
            Relationship(
                plan.fresh_id("r"),
                source,
                target,
                kind=kind.id,
                strength=DEFAULT_STRENGTH if entry.strength is None else entry.strength,
                valence=kind.valence,
                directed=directed,
            )
        )
    unchanged = [rid for rid in unchanged if rid not in updates]
    if not (plan.new or relationships or updates):
        raise QuickEntryError(_already_there(smap, unchanged))
    positions = _place(smap, list(plan.new), relationships)
    steps: list[Callable[[StakeholderMap], Command]] = [
        (lambda m, s=s: AddStakeholder(m, s, positions[s.id])) for s in plan.new.values()
    ]
    steps += [(lambda m, r=r: AddRelationship(m, r)) for r in relationships]
    steps += [
        (lambda m, rid=rid, strength=strength: UpdateRelationship(m, rid, strength=strength))
        for rid, strength in updates.items()
    ]
    text = _describe(smap, plan, relationships, updates)
    batch = Batch.build(smap, text, steps)
    summary = text
    if header:
        summary = _("{summary}; skipped the header line '{header}'").format(
            summary=summary, header=" | ".join(_cells(header))
        )
    if unchanged:
        summary = _("{summary}; {ties} already on the map left unchanged").format(
            summary=summary, ties=counted(len(unchanged), "tie", "ties")
        )
    return QuickEntry(
        batch,
        tuple(plan.new),
        tuple(r.id for r in relationships),
        tuple(updates),
        tuple(unchanged),
        summary + ".",
        header,
    )


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in re.split(r"[;\t,]", line) if cell.strip()]


def is_header(line: str) -> bool:
    """Whether ``line`` is a header row of column titles (``Name<Tab>Category``,
    ``Nom; Catégorie``) rather than a stakeholder: every cell is in :data:`COLUMN_TITLES`."""
    cells = _cells(line)

    def fold(cell: str) -> str:
        plain = unicodedata.normalize("NFKD", cell)
        return " ".join(
            "".join(c for c in plain if not unicodedata.combining(c)).split()
        ).casefold()

    return bool(cells) and all(fold(cell) in COLUMN_TITLES for cell in cells)


def _tie_words(smap: StakeholderMap, tie: Relationship) -> str:
    source, target = smap.stakeholders[tie.source].label, smap.stakeholders[tie.target].label
    kind = smap.kinds[tie.kind].name if tie.kind in smap.kinds else tie.kind
    if tie.directed:
        return _("{kind} tie from {source} to {target}").format(
            kind=kind, source=source, target=target
        )
    return _("{kind} tie between {source} and {target}").format(
        kind=kind, source=source, target=target
    )


def _already_there(smap: StakeholderMap, unchanged: list[str]) -> str:
    """Why text that names only ties already on the map changes nothing."""
    if len(unchanged) == 1:
        tie = smap.relationships[unchanged[0]]
        return _(
            "The {tie} already exists (strength {strength}); add a strength 1-5 at the end to "
            "change it."
        ).format(tie=_tie_words(smap, tie), strength=tie.strength)
    return _("All {n} ties are already on the map; nothing to add.").format(n=len(unchanged))


def _place(
    smap: StakeholderMap, new_ids: list[str], relationships: list[Relationship]
) -> dict[str, tuple[float, float]]:
    """Free spots for the new stakeholders: next to a placed partner, else near the centre."""
    spots = FreeSpots(smap.positions.values(), SPACING)
    centre = map_centre(smap.positions.values())
    placed = dict(smap.positions)
    result: dict[str, tuple[float, float]] = {}
    for sid in new_ids:
        partners = [
            (r.target if r.source == sid else r.source)
            for r in relationships
            if sid in (r.source, r.target)
        ]
        anchor = next((placed[p] for p in partners if p in placed), centre)
        result[sid] = placed[sid] = spots.take(anchor)
    return result


def _describe(
    smap: StakeholderMap,
    plan: _Plan,
    relationships: list[Relationship],
    updates: dict[str, int],
) -> str:
    def label(sid: str) -> str:
        return (smap.stakeholders.get(sid) or plan.new[sid]).label

    if updates and not (plan.new or relationships):
        if len(updates) == 1:
            ((rid, strength),) = updates.items()
            tie = smap.relationships[rid]
            return _("Updated the {tie}: strength {old} → {new}").format(
                tie=_tie_words(smap, tie), old=tie.strength, new=strength
            )
        return ngettext(
            "Updated the strength of {n} tie already on the map",
            "Updated the strength of {n} ties already on the map",
            len(updates),
        ).format(n=len(updates))
    if len(plan.new) == 1 and not relationships and not updates:
        return _("Add {name}").format(name=next(iter(plan.new.values())).label)
    if len(relationships) == 1 and not plan.new and not updates:
        return _("Connect {source} to {target}").format(
            source=label(relationships[0].source), target=label(relationships[0].target)
        )
    parts = []
    if plan.new:
        parts.append(counted(len(plan.new), "stakeholder", "stakeholders"))
    if relationships:
        parts.append(counted(len(relationships), "relationship", "relationships"))
    text = _("Quick entry: add {what}").format(what=format_list(parts))
    if updates:
        text = _("{text}, updated the strength of {ties}").format(
            text=text, ties=counted(len(updates), "tie", "ties")
        )
    return text


def completions(smap: StakeholderMap, text: str, limit: int = 12) -> list[str]:
    """Whole-line completions for what has been typed so far, for the quick-entry bar.

    After ';' the categories are offered, after an arrow the stakeholder names (then the
    kinds), otherwise the stakeholder names; each completion repeats the typed prefix.
    """
    arrow = _ARROW.search(text)
    if arrow:
        head, partial = text[: arrow.end()], text[arrow.end() :]
        if ";" in partial:
            name, _skip, rest = partial.partition(";")
            options = [k.name for k in smap.kinds.values()]
            return _complete(f"{head}{name}; ", rest.strip(), options, limit)
        names = [s.label for s in smap.stakeholders.values()]
        found = _complete(head, partial, names, limit)
        if found or not partial:
            return found
        for s in smap.stakeholders.values():
            if partial.casefold().startswith(s.label.casefold() + " "):
                tail = partial[len(s.label) + 1 :]
                kinds = [k.name for k in smap.kinds.values()]
                return _complete(f"{head}{s.label} ", tail, kinds, limit)
        return []
    if ";" in text:
        name, _skip, partial = text.partition(";")
        options = [c.name for c in smap.categories.values()]
        return _complete(f"{name.strip()}; ", partial.strip(), options, limit)
    return _complete("", text, [s.label for s in smap.stakeholders.values()], limit)


def _complete(head: str, partial: str, options: list[str], limit: int) -> list[str]:
    wanted = partial.strip().casefold()
    found = [o for o in options if o.casefold().startswith(wanted)]
    found += [
        o
        for o in options
        if o not in found and any(w.casefold().startswith(wanted) for w in o.split())
    ]
    return [head + o for o in found[:limit]]
