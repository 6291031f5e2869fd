"""Import stakeholders and relationships from tables: CSV pairs, Excel and Kumu workbooks.

Every rejected row is reported with its line and column and every row imported with a
change (a generated id, a missing category) is reported too; nothing is dropped
silently. Strict imports stop at the first bad row; lenient ones import the valid rows
and report the others. Categories and relationship kinds the map lacks are created and
reported; unknown stakeholder columns are kept as custom attributes and reported.
Relationships name their ends by stakeholder id or, failing that, by name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.i18n import N_, _, format_number
from ..core.limits import (
    MAX_COORDINATE,
    MAX_NUMBER_DIGITS,
    MAX_RELATIONSHIPS,
    MAX_STAKEHOLDERS,
    MAX_TEXT_CHARS,
    XML_ILLEGAL,
    too_many,
)
from ..core.model import (
    LEVELS,
    MAX_TOWER,
    MAX_VOTES,
    SCALES,
    SENSITIVITIES,
    Category,
    Engagement,
    LogEntry,
    MapInfo,
    Relationship,
    RelationshipKind,
    Stakeholder,
    StakeholderMap,
    builtin_names,
)
from ..core.sharing import sharing_problem
from ..core.validation import ValidationError, parse_record
from ..core.wording import counted
from .bounded_json import JsonLimitError
from .bounded_json import loads as loads_json
from .branch import BRANCH_NOT_FOUND, settle_branch
from .columns import RELATIONSHIP_COLUMNS, STAKEHOLDER_COLUMNS, match_columns, normalise_header
from .foreign import DEFAULT_WEIGHT, is_foreign, map_weights, map_words
from .tables import Table, TableImportError, read_table, read_workbook

__all__ = [
    "ATTRIBUTE_PREFIX",
    "EXAMPLES",
    "GROUPED",
    "IN_ATTRIBUTE",
    "IN_COLUMN",
    "KEPT_AS_ATTRIBUTE",
    "LEFT_OUT",
    "LISTED",
    "LISTED_MORE",
    "NAME_FROM_ID",
    "NO_CATEGORY_COLUMN",
    "NO_CATEGORY_NODES",
    "RELATIONSHIP_COLUMNS",
    "SELF_LOOP",
    "STAKEHOLDER_COLUMNS",
    "UNSPECIFIED",
    "WEIGHTS_DEFAULTED",
    "WEIGHTS_NOT_NUMBERS",
    "WEIGHTS_RANKED",
    "WORDS_READ",
    "ImportReport",
    "RowProblem",
    "TableImportError",
    "Workbook",
    "apply_map_sheet",
    "apply_map_values",
    "find_workbook_sheets",
    "grouped",
    "import_from_tables",
    "import_tables",
    "import_workbook",
    "is_kumu_elements",
]

#: Prefix of a custom attribute whose name clashes with a standard column.
ATTRIBUTE_PREFIX = "attribute:"
# Colours for categories created on import, after the default palette.
_EXTRA_COLOURS = ("#BBBBBB", "#777777", "#EE7733", "#33BBEE", "#EE3377", "#0077BB", "#999933")
_TRUE = {"true", "yes", "1", "y", "directed", "oui", "si", "sí", "да", "نعم", "x"}
_FALSE = {"false", "no", "0", "n", "undirected", "mutual", "non", "нет", "لا"}
#: Category given to stakeholders whose category is missing.
UNSPECIFIED = "Unspecified"
# What rows of a graph file are counted as.
_GRAPH_UNITS = {"node", "edge"}
_WHOLE = re.compile(r"([+-]?\d+)(?:[.,]0+)?")
# Sheet names (normalised) that hold each table, in our own, Kumu's and users' languages.
_SHEETS = {
    "stakeholders": (
        "stakeholders",
        "elements",
        "actors",
        "nodes",
        "partiesprenantes",
        "acteurs",
        "actores",
        "participantes",
        "участники",
        "заинтересованныестороны",
        "اصحابالمصلحه",
        "الجهاتالمعنيه",
    ),
    "relationships": (
        "relationships",
        "connections",
        "relations",
        "ties",
        "edges",
        "links",
        "liens",
        "relaciones",
        "vinculos",
        "связи",
        "отношения",
        "العلاقات",
        "الروابط",
    ),
    "map": ("map", "carte", "mapa", "карта", "الخريطه"),
}
#: Calls between progress reports while importing rows.
_PROGRESS_EVERY = 2000

Progress = Callable[[float], None]


@dataclass(frozen=True)
class RowProblem:
    """Why one row was rejected or changed: table, line (header = line 1), column, reason.

    ``unit`` names what ``line`` counts: spreadsheet lines, or nodes and edges of a graph.
    """

    table: str
    line: int
    column: str
    message: str
    unit: str = "line"

    def __str__(self) -> str:
        where = _("{table}, {place}").format(table=self.table, place=_at(self.unit, self.line))
        return _("{where}: {problem}").format(
            where=_in_field(where, self.column, self.unit), problem=self.message
        )

    def kind(self) -> str:
        """What the problem is, without the row's own values: rows of a kind are grouped."""
        return re.sub(r"'[^']*'|\"[^\"]*\"|\d+(?:\.\d+)?", "…", self.message)


# Report sentences, one constant each, with named placeholders.
#: One kind of problem met in several rows.
GROUPED = N_("{where} — {count}, e.g. {examples}{more}")
#: Names listed on a report line, and how many more there are.
LISTED_MORE = N_("{names} and {more} more.")
#: Heading of the rows the map cannot hold.
LEFT_OUT = N_("Left out {count} the map cannot hold:")
#: A tie from a stakeholder to itself.
SELF_LOOP = N_("a tie from {end} to itself (a self-loop)")
#: A stakeholder another tool left without a name.
NAME_FROM_ID = N_("the name was empty; the id {id} was taken as its name")
#: Words read on a 1-5 scale.
WORDS_READ = N_(
    "{table}: the words in '{header}' were read as {column} "
    "(very low 1, low 2, medium 3, high 4, very high 5)."
)
#: A foreign column most of whose values do not fit its field.
KEPT_AS_ATTRIBUTE = N_(
    "{table}: '{header}' was kept as a custom attribute, not read as {column}: {count} "
    "such as {example} do not fit."
)
#: A weight column that holds words.
WEIGHTS_NOT_NUMBERS = N_(
    "{table}: '{header}' holds values that are not numbers; it was kept as a relationship "
    "attribute and every strength set to 3."
)
#: Foreign weights ranked onto strength 1 to 5.
WEIGHTS_RANKED = N_(
    "{table}: the weights in '{header}' ({lowest} to {highest}, {distinct} distinct values) "
    "were ranked onto strength 1 to 5; each original weight is kept in the attribute "
    "'{header}'."
)
#: Ties that gave no weight.
WEIGHTS_DEFAULTED = N_(
    "{table}: {count} without a weight took the file's default weight {default}."
)
#: A stakeholders table without a category column.
NO_CATEGORY_COLUMN = N_("{table} has no category column: every stakeholder is in '{category}'.")
#: A graph file whose nodes have no category attribute.
NO_CATEGORY_NODES = N_("{table}: the nodes have no category; they are all '{category}'.")
#: Where a problem is: a table's column, or an attribute of a graph's nodes or edges.
IN_COLUMN = N_("{where}, column '{column}'")
IN_ATTRIBUTE = N_("{where}, attribute '{column}'")
#: Where a row is: a spreadsheet line, or a graph's node or edge.
_AT = {"line": N_("line {line}"), "node": N_("node {line}"), "edge": N_("edge {line}")}

#: Row problems met in more than one place.
DUPLICATE_ID = N_("duplicate id {id}")
ID_TOO_LONG = N_("the id is longer than 200 characters")
_END_EMPTY = {"source": N_("the source is empty"), "target": N_("the target is empty")}

#: Examples a report gives of each kind of change, rejection or omission.
EXAMPLES = 3
#: Names a report line lists (created categories, custom attributes) before "and N more".
LISTED = 12


def _in_field(where: str, column: str, unit: str) -> str:
    """``where`` and the column named: an attribute of a graph's nodes and edges."""
    if not column:
        return where
    sentence = IN_ATTRIBUTE if unit in _GRAPH_UNITS else IN_COLUMN
    return _(sentence).format(where=where, column=column)


def _at(unit: str, line: int) -> str:
    """Where a row is, in the interface language: 'line 4', 'node 12', 'edge 3'."""
    return _(_AT.get(unit, _AT["line"])).format(line=line)


def _units(unit: str, n: int) -> str:
    """``n`` rows counted as the unit the file has: lines, rows, nodes or edges."""
    if unit == "node":
        return counted(n, "node", "nodes")
    if unit == "edge":
        return counted(n, "edge", "edges")
    if unit == "line":
        return counted(n, "line", "lines")
    return counted(n, "row", "rows")


def _counted_rows(problems: list[RowProblem]) -> str:
    """How many rows the problems are about, as nodes or edges when all are of one graph kind."""
    units = {p.unit for p in problems}
    unit = units.pop() if len(units) == 1 and units <= _GRAPH_UNITS else "row"
    return _units(unit, len(problems))


def _listed(names: list[str]) -> str:
    """Names joined for one report line, the first :data:`LISTED` of them and a count."""
    shown = ", ".join(names[:LISTED])
    more = len(names) - LISTED
    return _(LISTED_MORE).format(names=shown, more=more) if more > 0 else f"{shown}."


def grouped(problems: list[RowProblem]) -> list[str]:
    """One line per kind of problem: where, how many rows, and a few examples.

    A kind met in one row alone is that row's own line.
    """
    groups: dict[tuple[str, str, str], list[RowProblem]] = {}
    for problem in problems:
        groups.setdefault((problem.table, problem.column, problem.kind()), []).append(problem)
    out = []
    for (table, column, _skip), items in groups.items():
        if len(items) == 1:
            out.append(f"  {items[0]}")
            continue
        unit = items[0].unit
        where = _in_field(table, column, unit)
        examples = "; ".join(
            _("{where}: {problem}").format(where=_at(unit, p.line), problem=p.message)
            for p in items[:EXAMPLES]
        )
        more = ", ..." if len(items) > EXAMPLES else ""
        count = _units(unit, len(items))
        sentence = _(GROUPED).format(where=where, count=count, examples=examples, more=more)
        out.append(f"  {sentence}")
    return out


@dataclass
class ImportReport:
    """What an import did: counts, what it created or kept, every rejected or changed row."""

    stakeholders: int = 0
    relationships: int = 0
    created_categories: list[str] = field(default_factory=list)
    created_kinds: list[str] = field(default_factory=list)
    custom_columns: list[str] = field(default_factory=list)
    rejected: list[RowProblem] = field(default_factory=list)
    changed: list[RowProblem] = field(default_factory=list)
    #: Rows the model cannot hold (self-loops), left out in strict imports too.
    left_out: list[RowProblem] = field(default_factory=list)
    #: What was adjusted for a whole file or column, one sentence each.
    adjusted: list[str] = field(default_factory=list)
    #: The branch the file named, when it names no stakeholder (no branch is set then).
    branch_dropped: str = ""

    def lines(self) -> list[str]:
        """The report as short lines for a terminal or a dialog."""
        out = [
            _("Imported {stakeholders} and {relationships}.").format(
                stakeholders=counted(self.stakeholders, "stakeholder", "stakeholders"),
                relationships=counted(self.relationships, "relationship", "relationships"),
            )
        ]
        if self.created_categories:
            out.append(
                _("Created categories: {names}").format(names=_listed(self.created_categories))
            )
        if self.created_kinds:
            out.append(
                _("Created relationship kinds: {names}").format(names=_listed(self.created_kinds))
            )
        if self.custom_columns:
            out.append(
                _("Kept as custom attributes: {names}").format(names=_listed(self.custom_columns))
            )
        out.extend(self.adjusted)
        if self.changed:
            out.append(
                _("Imported {count} with a change:").format(count=_counted_rows(self.changed))
            )
            out.extend(grouped(self.changed))
        if self.left_out:
            out.append(_(LEFT_OUT).format(count=_counted_rows(self.left_out)))
            out.extend(grouped(self.left_out))
        if self.rejected:
            out.append(_("Rejected {count}:").format(count=_counted_rows(self.rejected)))
            out.extend(grouped(self.rejected))
        if self.branch_dropped:
            out.append(_(BRANCH_NOT_FOUND).format(name=_shown(self.branch_dropped)))
        return out


class _RowError(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


class _LeftOutError(_RowError):
    """A row the model cannot hold: left out and reported, even in a strict import."""


def _shown(value: str) -> str:
    """A cell's value quoted for a message, cut short: a cell can hold a megabyte."""
    return repr(value) if len(value) <= 60 else repr(value[:57] + "...")


def _known_names(record_id: str, name: str) -> set[str]:
    """What a file may call a map's category or kind: its id, its name and, while it keeps
    the app's own name, that name in every interface language, so a French partner's
    "Médias" or "confiance" lands in the same category or kind whatever language the
    importing app speaks."""
    names = {record_id, name}
    builtin = builtin_names(record_id)
    if name in builtin:
        names |= builtin
    return names


def _slug(text: str) -> str:
    """An id made from a name: lower case letters (any script) and digits joined by dashes."""
    return re.sub(r"[\W_]+", "-", text.casefold()).strip("-") or "item"


@dataclass
class _Built:
    record: Any
    position: tuple[float, float] | None = None
    pinned: bool = False
    notes: list[RowProblem] = field(default_factory=list)


class _Row:
    """One table row seen through the column mapping: ``row.text("power")``."""

    __slots__ = ("cells", "index")

    def __init__(self, cells: tuple[str, ...], index: dict[str, int]) -> None:
        self.cells = cells
        self.index = index

    def has(self, column: str) -> bool:
        return column in self.index

    def raw(self, column: str) -> str:
        i = self.index.get(column)
        return "" if i is None else self.cells[i]

    def text(self, column: str) -> str:
        return self.raw(column).strip()

    def integer(self, column: str, low: int, high: int, default: int | None = None) -> int | None:
        value = self.text(column)
        if not value:
            return default
        match = _WHOLE.fullmatch(value) if len(value) <= MAX_NUMBER_DIGITS else None
        if not match or not low <= int(match[1]) <= high:
            raise _RowError(
                column,
                _("{value} is not a whole number from {low} to {high}").format(
                    value=_shown(value), low=low, high=high
                ),
            )
        return int(match[1])

    def scale(self, column: str, default: int | None = None) -> int | None:
        low, high = SCALES[column]
        return self.integer(column, low, high, default)

    def choice(self, column: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(column)
        if not value:
            return None
        if value.casefold() not in allowed:
            raise _RowError(
                column,
                _("{value} is not one of {allowed}").format(
                    value=_shown(value), allowed=", ".join(allowed)
                ),
            )
        return value.casefold()

    def colour(self, column: str) -> str | None:
        value = self.text(column)
        if not value:
            return None
        if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
            raise _RowError(
                column, _("{value} is not a colour written #RRGGBB").format(value=_shown(value))
            )
        return value.upper()

    def boolean(self, column: str) -> bool | None:
        value = self.text(column).casefold()
        if not value:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        raise _RowError(column, _("{value} is not true or false").format(value=_shown(value)))

    def number(self, column: str) -> float | None:
        value = self.text(column)
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise _RowError(column, _("{value} is not a number").format(value=_shown(value)))
        return number

    def date(self, column: str) -> dt.date | None:
        value = self.text(column)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            raise _RowError(
                column,
                _("{value} is not a date (write it as YYYY-MM-DD)").format(value=_shown(value)),
            ) from None

    def json(self, column: str, record_type: Any) -> Any:
        value = self.text(column)
        if not value:
            return None
        try:
            data = loads_json(value)
        except JsonLimitError as exc:
            raise _RowError(column, str(exc)) from None
        try:
            return parse_record(record_type, data)
        except ValidationError as exc:
            raise _RowError(column, str(exc).rstrip(".")) from None

    def items(self, column: str, separator: str | None) -> tuple[str, ...]:
        value = self.text(column)
        if value.startswith("[") and value.endswith("]"):
            try:
                items = loads_json(value)
            except JsonLimitError:
                items = None  # not a JSON list: read as text items
            if isinstance(items, list) and all(isinstance(i, str) for i in items):
                return tuple(items)
        pattern = re.escape(separator) if separator else r"[;,]"
        return tuple(t.strip() for t in re.split(pattern, value) if t.strip())


class _Importer:
    def __init__(
        self,
        smap: StakeholderMap,
        skip_bad_rows: bool,
        list_separator: str | None = None,
        progress: Progress | None = None,
        known: StakeholderMap | None = None,
    ) -> None:
        self.smap = smap
        self.known = known.stakeholders if known is not None else {}
        self.known_names: dict[str, str] = {}
        for s in self.known.values():
            self.known_names.setdefault(s.label.strip().casefold(), s.id)
        self.skip = skip_bad_rows
        self.separator = list_separator
        self.progress = progress
        self.report = ImportReport()
        self.by_name: dict[str, str] = {}
        self.line_of: dict[str, int] = {}
        self.custom: dict[str, int] = {}
        self.unit = "line"
        # Category and kind ids by their id or name in lower case, filled as needed.
        self.category_ids: dict[str, str] = {}
        self.kind_ids: dict[str, str] = {}
        self.relationship_custom: dict[str, int] = {}
        # Whether names come from another tool's "label" column, where Gephi leaves
        # blanks for nodes named by their id.
        self.foreign_names = False

    def reject(self, table: str, line: int, error: _RowError) -> None:
        problem = RowProblem(table, line, error.column, error.message, self.unit)
        if not self.skip:
            raise TableImportError(f"{problem}.")
        self.report.rejected.append(problem)

    def category_for(self, value: str) -> str:
        wanted = value.casefold()
        if wanted not in self.category_ids:
            for c in self.smap.categories.values():
                for name in _known_names(c.id, c.name):
                    self.category_ids.setdefault(name.casefold(), c.id)
        if wanted in self.category_ids:
            return self.category_ids[wanted]
        cid, n = _slug(value), 2
        while cid in self.smap.categories:
            cid, n = f"{_slug(value)}-{n}", n + 1
        colour = _EXTRA_COLOURS[len(self.report.created_categories) % len(_EXTRA_COLOURS)]
        self.smap.categories[cid] = Category(cid, value, colour, "circle")
        self.report.created_categories.append(value)
        self.category_ids[wanted] = cid
        return cid

    def kind_for(self, value: str) -> RelationshipKind:
        wanted = value.casefold()
        if wanted not in self.kind_ids:
            for k in self.smap.kinds.values():
                for name in _known_names(k.id, k.name):
                    self.kind_ids.setdefault(name.casefold(), k.id)
        if wanted in self.kind_ids:
            return self.smap.kinds[self.kind_ids[wanted]]
        kid, n = _slug(value), 2
        while kid in self.smap.kinds:
            kid, n = f"{_slug(value)}-{n}", n + 1
        kind = RelationshipKind(kid, value)
        self.smap.kinds[kind.id] = kind
        self.report.created_kinds.append(value)
        self.kind_ids[wanted] = kid
        return kind

    def new_stakeholder_id(self, label: str) -> str:
        base = _slug(label)[:190]
        sid, n = base, 2
        while sid in self.smap.stakeholders or sid in self.smap.relationships:
            sid, n = f"{base}-{n}", n + 1
        return sid

    def stakeholder(self, row: _Row, table: str, line: int) -> _Built:
        label = row.text("name")
        sid = row.text("id")
        notes: list[RowProblem] = []
        if not label and sid and self.foreign_names:
            label = sid
            message = _(NAME_FROM_ID).format(id=repr(sid))
            notes.append(RowProblem(table, line, "name", message, self.unit))
        if not label:
            raise _RowError("name", _("the name is empty"))
        if len(sid) > 200:
            raise _RowError("id", _(ID_TOO_LONG))
        if sid in self.smap.stakeholders or sid in self.smap.relationships:
            if sid in self.line_of:
                raise _RowError(
                    "id",
                    _("duplicate id {id} (also {place})").format(
                        id=repr(sid), place=_at(self.unit, self.line_of[sid])
                    ),
                )
            raise _RowError("id", _(DUPLICATE_ID).format(id=repr(sid)))
        first = self.by_name.get(label.casefold())
        if first is not None:
            message = _(
                "another stakeholder is also named {name} ({place}); "
                "relationships that give this name go to the first one"
            ).format(name=_shown(label), place=_at(self.unit, self.line_of[first]))
            notes.append(RowProblem(table, line, "name", message, self.unit))
        category = row.text("category")
        if row.has("category") and not category:
            message = _("the category was empty; set to {category}").format(category=UNSPECIFIED)
            notes.append(RowProblem(table, line, "category", message, self.unit))
        x, y = row.number("x"), row.number("y")
        if (x is None) != (y is None):
            raise _RowError("y" if y is None else "x", _("x and y must be given together"))
        if x is not None and y is not None:
            near = tuple(max(-MAX_COORDINATE, min(MAX_COORDINATE, v)) for v in (x, y))
            if near != (x, y):
                message = _(
                    "the position ({x}, {y}) is beyond ±{limit} and was moved to "
                    "({near_x}, {near_y})"
                ).format(
                    x=f"{x:.6g}",
                    y=f"{y:.6g}",
                    limit=format_number(MAX_COORDINATE),
                    near_x=f"{near[0]:.6g}",
                    near_y=f"{near[1]:.6g}",
                )
                notes.append(
                    RowProblem(table, line, "x" if near[0] != x else "y", message, self.unit)
                )
                x, y = near
        fields = {
            "label": label,
            "organisation": row.text("organisation"),
            "role": row.text("role"),
            "level": row.choice("level", LEVELS),
            "power": row.scale("power"),
            "influence": row.integer("influence", 0, MAX_TOWER),
            "votes": row.integer("votes", 0, MAX_VOTES),
            "interest": row.scale("interest"),
            "position": row.scale("position"),
            "trust": row.scale("trust"),
            "focal_point": row.text("focal_point"),
            "principles": self.principles(row),
            "tags": row.items("tags", self.separator),
            "notes": row.raw("notes"),
            "sensitivity": row.choice("sensitivity", SENSITIVITIES) or "internal",
            "review_date": row.date("review_date"),
            "source": row.text("source"),
            "informed": row.boolean("informed"),
            "person": row.text("person"),
            "contact": row.text("contact"),
            "engagement": row.json("engagement", Engagement) or Engagement(),
            "log": tuple(row.json("log", list[LogEntry]) or ()),
            "attributes": self.attributes(row),
            "colour": row.colour("colour"),
        }
        pinned = bool(row.boolean("pinned"))
        if not sid:
            sid = self.new_stakeholder_id(label)
            if row.has("id"):
                message = _("the id was empty; {name} was given the id {id}").format(
                    name=_shown(label), id=repr(sid)
                )
                notes.append(RowProblem(table, line, "id", message, self.unit))
        fields["category"] = self.category_for(category or UNSPECIFIED)
        record = Stakeholder(id=sid, **fields)
        return _Built(record, None if x is None else (x, y), pinned, notes)

    def principles(self, row: _Row) -> tuple[int, ...]:
        out = []
        for item in row.items("principles", None):
            if not re.fullmatch(r"\d{1,3}", item) or not 1 <= int(item) <= 12:
                raise _RowError(
                    "principles",
                    _("{value} is not a principle number from 1 to 12").format(value=_shown(item)),
                )
            out.append(int(item))
        return tuple(out)

    def attributes(self, row: _Row, custom: dict[str, int] | None = None) -> dict[str, str]:
        custom = self.custom if custom is None else custom
        return {name: row.cells[i] for name, i in custom.items() if row.cells[i].strip()}

    def put_stakeholder(self, built: _Built, line: int) -> None:
        record = built.record
        self.smap.stakeholders[record.id] = record
        self.line_of[record.id] = line
        self.by_name.setdefault(record.label.casefold(), record.id)
        if built.position is not None:
            self.smap.positions[record.id] = built.position
        if built.pinned:
            self.smap.pinned.add(record.id)
        self.report.changed.extend(built.notes)

    def end(self, row: _Row, end: str) -> str:
        value = row.text(end)
        if not value:
            raise _RowError(end, _(_END_EMPTY[end]))
        if value in self.smap.stakeholders:
            return value
        sid = self.by_name.get(value.casefold())
        if sid is None and value in self.known:
            sid = value
        if sid is None:
            sid = self.known_names.get(value.casefold())
        if sid is None:
            raise _RowError(
                end, _("no stakeholder has the id or name {value}").format(value=_shown(value))
            )
        return sid

    def relationship(self, row: _Row, table: str, line: int) -> _Built:
        source, target = self.end(row, "source"), self.end(row, "target")
        if source == target:
            raise _LeftOutError("target", _(SELF_LOOP).format(end=_shown(source)))
        rid = row.text("id")
        if rid in self.smap.relationships:
            raise _RowError("id", _(DUPLICATE_ID).format(id=repr(rid)))
        if len(rid) > 200:
            raise _RowError("id", _(ID_TOO_LONG))
        strength = row.scale("strength", 3)
        valence = row.choice("valence", ("positive", "negative"))
        directed = row.boolean("directed")
        confidence = row.choice("confidence", ("confirmed", "assumed")) or "confirmed"
        # Only a row that is otherwise valid may create a relationship kind.
        kind = self.kind_for(row.text("kind") or "influence")
        notes = []
        if rid in self.smap.stakeholders:
            new = self.smap.new_id("r")
            message = _(
                "the id {id} is a stakeholder's id; the relationship was given {new}"
            ).format(id=repr(rid), new=repr(new))
            notes.append(RowProblem(table, line, "id", message, self.unit))
            rid = new
        record = Relationship(
            id=rid or self.smap.new_id("r"),
            source=source,
            target=target,
            kind=kind.id,
            strength=strength,
            valence=valence or kind.valence,
            directed=kind.directed if directed is None else directed,
            notes=row.raw("notes"),
            confidence=confidence,
            attributes=self.attributes(row, self.relationship_custom),
        )
        return _Built(record, notes=notes)

    def rows(
        self,
        table: Table,
        columns: dict[str, str],
        build: Callable[[_Row, str, int], Any],
        put: Callable[[Any, int], None],
        share: tuple[float, float],
    ) -> int:
        headers = table.headers
        position = {h: i for i, h in enumerate(headers)}
        index = {column: position[header] for column, header in columns.items()}
        self.unit = table.unit
        self.report.changed.extend(RowProblem(table.name, n, "", m) for n, m in table.notes)
        count = 0
        total = max(len(table.frame), 1)
        # Plain lists per column: iterating pandas' string arrays cell by cell is slow.
        columns = [table.frame.iloc[:, i].tolist() for i in range(table.frame.shape[1])]
        too_long = self.screen(table, columns)
        for offset, cells in enumerate(zip(*columns, strict=True)):
            if self.progress and offset % _PROGRESS_EVERY == 0:
                self.progress(share[0] + share[1] * offset / total)
            if not any(c.strip() for c in cells):
                continue
            line = offset + table.first_row
            if offset in too_long:
                self.reject(table.name, line, too_long[offset])
                continue
            try:
                record = build(_Row(cells, index), table.name, line)
            except _LeftOutError as error:
                problem = RowProblem(table.name, line, error.column, error.message, self.unit)
                self.report.left_out.append(problem)
                continue
            except _RowError as error:
                self.reject(table.name, line, error)
                continue
            put(record, line)
            count += 1
        return count

    def screen(self, table: Table, columns: list[list[str]]) -> dict[int, _RowError]:
        """Cells the model cannot hold, found column by column before the rows are read.

        Characters no document can hold (control characters, see ``XML_ILLEGAL``) are
        removed from the cells in place and each cell is reported; texts longer than
        ``MAX_TEXT_CHARS`` reject their row (returned by row offset). A quick look at
        each whole column finds clean columns at C speed.
        """
        too_long: dict[int, _RowError] = {}
        for header, cells in zip(table.headers, columns, strict=True):
            if cells and max(map(len, cells)) > MAX_TEXT_CHARS:
                for offset, cell in enumerate(cells):
                    if len(cell) > MAX_TEXT_CHARS:
                        message = _("the text is longer than {limit} characters").format(
                            limit=format_number(MAX_TEXT_CHARS)
                        )
                        too_long.setdefault(offset, _RowError(header, message))
            if XML_ILLEGAL.search("\n".join(cells)):
                for offset, cell in enumerate(cells):
                    if XML_ILLEGAL.search(cell):
                        cells[offset] = XML_ILLEGAL.sub("", cell)
                        self.report.changed.append(
                            RowProblem(
                                table.name,
                                offset + table.first_row,
                                header,
                                _("control characters that no document can hold were removed"),
                                self.unit,
                            )
                        )
        return too_long

    def check_columns(
        self, table: Table, columns: dict[str, str], required: tuple[str, ...]
    ) -> None:
        missing = [c for c in required if c not in columns]
        if missing:
            # A header recognised under another name is shown with the column it fills,
            # so that the message says what was understood: "Nom (name)".
            column_of = {header: column for column, header in columns.items()}
            found = ", ".join(
                h if column_of.get(h) in (None, normalise_header(h)) else f"{h} ({column_of[h]})"
                for h in table.headers
            ) or _("none")
            # Only a header that itself holds another separator means the file was split
            # on the wrong one (the ", " joining the headers above is not evidence).
            other = [
                d for d in ",;\t|" if d != table.delimiter and any(d in h for h in table.headers)
            ]
            if table.delimiter and other:
                raise TableImportError(
                    _(
                        "{table}: required column '{column}' is missing (columns found: "
                        "{found}); the separator looks like {separator}, not {used}."
                    ).format(
                        table=table.name,
                        column=missing[0],
                        found=found,
                        separator=repr(other[0]),
                        used=repr(table.delimiter),
                    )
                )
            raise TableImportError(
                _(
                    "{table}: required column '{column}' is missing (columns found: {found})."
                ).format(table=table.name, column=missing[0], found=found)
            )
        unknown = [h for h in columns.values() if h not in table.headers]
        if unknown:
            raise TableImportError(f"{table.name}: there is no column {unknown[0]!r}.")


# The typed stakeholder fields a foreign column may fail to fit, and how each is read.
_TYPED: dict[str, Callable[[_Row], Any]] = {
    "level": lambda r: r.choice("level", LEVELS),
    "power": lambda r: r.scale("power"),
    "influence": lambda r: r.integer("influence", 0, MAX_TOWER),
    "votes": lambda r: r.integer("votes", 0, MAX_VOTES),
    "interest": lambda r: r.scale("interest"),
    "position": lambda r: r.scale("position"),
    "trust": lambda r: r.scale("trust"),
    "sensitivity": lambda r: r.choice("sensitivity", SENSITIVITIES),
    "review_date": lambda r: r.date("review_date"),
    "informed": lambda r: r.boolean("informed"),
    "pinned": lambda r: r.boolean("pinned"),
    "colour": lambda r: r.colour("colour"),
    "x": lambda r: r.number("x"),
    "y": lambda r: r.number("y"),
    "valence": lambda r: r.choice("valence", ("positive", "negative")),
    "directed": lambda r: r.boolean("directed"),
    "confidence": lambda r: r.choice("confidence", ("confirmed", "assumed")),
}


def _fits(column: str, cell: str) -> bool:
    try:
        _TYPED[column](_Row((cell,), {column: 0}))
    except _RowError:
        return False
    return True


def _adapt_foreign(
    table: Table, columns: dict[str, str], third_party: bool, report: ImportReport
) -> dict[str, str]:
    """The column mapping with foreign columns read as close as they fit (see io.foreign).

    Scale words become numbers in ``table``; a column most of whose values still do not
    fit its field is left out of the mapping, to be kept as a custom attribute. A column
    that mostly fits is read as the field, and its few bad values reject their rows.
    """
    kept = dict(columns)
    position = {h: i for i, h in enumerate(table.headers)}
    for column, header in columns.items():
        if column not in _TYPED or not is_foreign(header, column, third_party):
            continue
        cells = table.frame.iloc[:, position[header]].tolist()
        given = [c for c in cells if c.strip()]
        bad = [c for c in given if not _fits(column, c)]
        if 2 * len(bad) <= len(given):
            continue  # mostly the field's values: the others are typos, rejected by row
        words = map_words(cells) if column in ("power", "interest") else None
        if words is not None:
            table.frame.iloc[:, position[header]] = words
            report.adjusted.append(
                _(WORDS_READ).format(table=table.name, header=header, column=column)
            )
            continue
        del kept[column]
        report.adjusted.append(
            _(KEPT_AS_ATTRIBUTE).format(
                table=table.name,
                header=header,
                column=column,
                count=counted(len(bad), "value", "values"),
                example=_shown(bad[0]),
            )
        )
    return kept


def _adapt_weights(
    table: Table,
    columns: dict[str, str],
    third_party: bool,
    default: str,
    report: ImportReport,
) -> dict[str, str]:
    """Foreign weights turned into strengths 1-5 by the rule of :mod:`.foreign`.

    The strengths go to a column of their own; the weight column stays unmapped, so
    each relationship keeps its original weight as an attribute.
    """
    header = columns.get("strength")
    if header is None or not is_foreign(header, "strength", third_party):
        return columns
    cells = table.frame[header].tolist()
    mapping = map_weights(cells, default)
    kept = dict(columns)
    if mapping is None:
        del kept["strength"]
        report.adjusted.append(_(WEIGHTS_NOT_NUMBERS).format(table=table.name, header=header))
        return kept
    if not mapping.distinct and not mapping.filled:
        return columns
    strength = "strength (from " + header + ")"
    table.frame[strength] = mapping.strengths
    table.frame[header] = mapping.originals  # a missing weight is the default it took
    kept["strength"] = strength
    if mapping.distinct:
        report.adjusted.append(
            _(WEIGHTS_RANKED).format(
                table=table.name,
                header=header,
                lowest=f"{mapping.lowest:g}",
                highest=f"{mapping.highest:g}",
                distinct=mapping.distinct,
            )
        )
    if mapping.filled:
        count = counted(mapping.filled, "relationship", "relationships")
        report.adjusted.append(
            _(WEIGHTS_DEFAULTED).format(table=table.name, count=count, default=default)
        )
    return kept


def _custom_columns(table: Table, columns: dict[str, str]) -> dict[str, int]:
    """Unmapped headers, kept as custom attributes (an ``attribute:`` prefix is dropped)."""
    used = set(columns.values())
    return {
        header.removeprefix(ATTRIBUTE_PREFIX): i
        for i, header in enumerate(table.headers)
        if header not in used
    }


def _filled_rows(table: Table) -> int:
    """How many rows of ``table`` have a cell that is not empty (a sheet may span far more)."""
    return int((table.frame != "").any(axis=1).sum())


def import_from_tables(
    stakeholders: Table,
    relationships: Table | None = None,
    *,
    stakeholder_columns: dict[str, str] | None = None,
    relationship_columns: dict[str, str] | None = None,
    smap: StakeholderMap | None = None,
    skip_bad_rows: bool = False,
    require: tuple[str, ...] = ("id", "name"),
    list_separator: str | None = None,
    progress: Progress | None = None,
    known: StakeholderMap | None = None,
    third_party: bool = False,
    default_weight: str = DEFAULT_WEIGHT,
) -> tuple[StakeholderMap, ImportReport]:
    """Build a map from a stakeholders table and an optional relationships table.

    ``*_columns`` map each column name of DESIGN.md §8 (``name``, ``power``, ...) to the
    table's header holding it; by default headers are matched by name in English,
    French, Spanish or Russian. Columns left out of ``require`` may be missing (ids are
    then generated from names and categories set to "Unspecified"). Strict by default:
    the first bad row raises :class:`TableImportError` naming its line and column. With
    ``skip_bad_rows`` the valid rows are imported and the report lists the others.
    ``smap`` (if given) is a map to fill, e.g. a new map with details and categories.
    Relationships may also name stakeholders of the ``known`` map (the map an import is
    merged into), by id or name. ``third_party`` tables (another tool's file) and
    columns found under another name are read as :mod:`.foreign` describes, a missing
    weight taking ``default_weight``; unknown columns of both tables are kept as custom
    attributes.
    """
    for table, what, limit in (
        (stakeholders, "stakeholders", MAX_STAKEHOLDERS),
        (relationships, "relationships", MAX_RELATIONSHIPS),
    ):
        if table is not None and len(table.frame) > limit and _filled_rows(table) > limit:
            raise TableImportError(too_many(table.name, what, limit))
    smap = smap if smap is not None else StakeholderMap()
    importer = _Importer(smap, skip_bad_rows, list_separator, progress, known)
    report = importer.report
    columns = stakeholder_columns
    if columns is None:
        columns = match_columns(stakeholders.headers, "stakeholders")
    importer.check_columns(stakeholders, columns, ("name", *(c for c in require if c != "name")))
    if len(stakeholders.frame) == 0:
        raise TableImportError(
            _("{table} has a header line but no rows.").format(table=stakeholders.name)
        )
    columns = _adapt_foreign(stakeholders, columns, third_party, report)
    importer.foreign_names = is_foreign(columns["name"], "name", third_party)
    if "category" not in columns:
        sentence = NO_CATEGORY_NODES if stakeholders.unit == "node" else NO_CATEGORY_COLUMN
        report.adjusted.append(_(sentence).format(table=stakeholders.name, category=UNSPECIFIED))
    importer.custom = _custom_columns(stakeholders, columns)
    report.custom_columns = list(importer.custom)
    share = (0.0, 0.5 if relationships is not None else 1.0)
    report.stakeholders = importer.rows(
        stakeholders, columns, importer.stakeholder, importer.put_stakeholder, share
    )
    if relationships is not None:
        columns = relationship_columns
        if columns is None:
            columns = match_columns(relationships.headers, "relationships")
        importer.check_columns(relationships, columns, ("source", "target"))
        columns = _adapt_foreign(relationships, columns, third_party, report)
        columns = _adapt_weights(relationships, columns, third_party, default_weight, report)
        importer.relationship_custom = _custom_columns(relationships, columns)
        report.custom_columns += [
            f"{name} ({relationships.name})" for name in importer.relationship_custom
        ]

        def put(built: _Built, line: int) -> None:
            smap.relationships[built.record.id] = built.record
            report.changed.extend(built.notes)

        report.relationships = importer.rows(
            relationships, columns, importer.relationship, put, (0.5, 0.5)
        )
    report.branch_dropped = settle_branch(smap)
    if known is None:
        from ..analysis.layout import place_unplaced  # igraph: loaded when a map is imported

        place_unplaced(smap)
    if progress:
        progress(1.0)
    return smap, report


def import_tables(
    stakeholders: str | Path,
    relationships: str | Path | None = None,
    *,
    smap: StakeholderMap | None = None,
    skip_bad_rows: bool = False,
    encoding: str | None = None,
    delimiter: str | None = None,
    known: StakeholderMap | None = None,
) -> tuple[StakeholderMap, ImportReport]:
    """Build a map from a stakeholders CSV and an optional relationships CSV.

    The encoding and separator are detected unless given. Strict by default: the first
    bad row raises :class:`TableImportError` naming its line and column. ``id`` and
    ``name`` are required (``category`` is optional), except in a Kumu elements export
    (see :func:`is_kumu_elements`), which needs only its labels and is read as another
    tool's table.
    """
    s_table = read_table(
        stakeholders,
        encoding=encoding,
        delimiter=delimiter,
        max_rows=MAX_STAKEHOLDERS,
        what="stakeholders",
    )
    r_table = None
    if relationships is not None:
        r_table = read_table(
            relationships, encoding=encoding, delimiter=delimiter, what="relationships"
        )
    kumu = is_kumu_elements(s_table)
    return import_from_tables(
        s_table,
        r_table,
        smap=smap,
        skip_bad_rows=skip_bad_rows,
        require=("name",) if kumu else ("id", "name"),
        list_separator="|" if kumu else None,
        known=known,
        third_party=kumu,
    )


def is_kumu_elements(table: Table) -> bool:
    """Whether ``table`` is a Kumu elements export: a "Label" column and no id column.

    Kumu writes elements as ``Label,Type,Description,Tags...`` without ids; such a table
    is imported with ids made from the labels and tags separated by ``|``.
    """
    headers = {normalise_header(h) for h in table.headers}
    return "label" in headers and "id" not in match_columns(table.headers, "stakeholders")


@dataclass
class Workbook:
    """The sheets of a workbook that hold stakeholders, relationships and map details."""

    stakeholders: Table
    relationships: Table | None
    details: Table | None
    kumu: bool


def find_workbook_sheets(path: str | Path, tables: dict[str, Table] | None = None) -> Workbook:
    """Find the stakeholder and relationship sheets of a workbook by their names.

    Our own exports use "Stakeholders", "Relationships" and "Map"; Kumu uses "Elements"
    and "Connections"; translated names are recognised too.
    """
    tables = read_workbook(path) if tables is None else tables
    found: dict[str, str] = {}
    for sheet in tables:
        key = normalise_header(sheet)
        for role, names in _SHEETS.items():
            if key in names and role not in found:
                found[role] = sheet
    if "stakeholders" not in found:
        names = ", ".join(repr(s) for s in tables) or _("none with data")
        raise TableImportError(
            _(
                "{name} has no 'Stakeholders' sheet (or Kumu 'Elements' sheet); "
                "sheets found: {sheets}."
            ).format(name=Path(path).name, sheets=names)
        )
    return Workbook(
        stakeholders=tables[found["stakeholders"]],
        relationships=tables.get(found.get("relationships", "")),
        details=tables.get(found.get("map", "")),
        kumu=normalise_header(found["stakeholders"]) == "elements",
    )


#: Map details that are lists (risks, calendar, indicators, distribution): JSON in a cell.
LIST_DETAILS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(MapInfo) if f.default == ()
)


def apply_map_sheet(smap: StakeholderMap, table: Table) -> None:
    """Take map details, categories, kinds and plan settings from an export's "Map" sheet.

    Raises :class:`ValidationError` naming the setting that is wrong.
    """
    values = dict(zip(table.frame.iloc[:, 0], table.frame.iloc[:, 1], strict=True))
    apply_map_values(smap, values, table.name)


def apply_map_values(smap: StakeholderMap, values: dict[str, str], where: str) -> set[str]:
    """Take map details, categories, kinds, plan settings and sharing marks from text
    values by name.

    The one reading of these settings for every format that carries them (the "Map"
    sheet of a workbook, GraphML graph data). Blank values are left as they are; a bad
    one raises :class:`ValidationError` with one sentence naming ``where`` and the
    setting. Returns which of "categories" and "kinds" were given.
    """
    info: dict[str, Any] = {k: values[k] for k in MapInfo.__dataclass_fields__ if k in values}
    for key in LIST_DETAILS:
        if str(info.get(key) or "").strip():
            info[key] = _json(info[key], where, key)
        else:
            info.pop(key, None)
    for key in ("date", "review_date", "classification"):
        if key in info and not str(info[key] or "").strip():
            info[key] = None
    if info:
        info.setdefault("title", MapInfo().title)
        smap.info = parse_record(MapInfo, info, where)
    given = set()
    for key, record_type, target in (
        ("categories", Category, smap.categories),
        ("kinds", RelationshipKind, smap.kinds),
    ):
        if str(values.get(key) or "").strip():
            records = parse_record(
                list[record_type], _json(values[key], where, key), f"{where}, {key}"
            )
            target.clear()
            target.update({r.id: r for r in records})
            given.add(key)
    if str(values.get("plan_settings") or "").strip():
        settings = _json(values["plan_settings"], where, "plan_settings")
        if not isinstance(settings, dict):
            raise ValidationError(
                _("{where}, {setting}: should be an object.").format(
                    where=where, setting="plan_settings"
                )
            )
        smap.plan_settings = settings
    if str(values.get("sharing") or "").strip():
        sharing = _json(values["sharing"], where, "sharing")
        problem = sharing_problem(sharing)
        if problem:
            raise ValidationError(f"{where}, {problem}")
        smap.sharing = sharing
    return given


def _json(text: str, where: str, key: str) -> Any:
    try:
        return loads_json(text)
    except JsonLimitError as exc:
        raise ValidationError(f"{where}, {key}: {exc}.") from None


def import_workbook(
    path: str | Path,
    *,
    smap: StakeholderMap | None = None,
    skip_bad_rows: bool = False,
    progress: Progress | None = None,
    known: StakeholderMap | None = None,
) -> tuple[StakeholderMap, ImportReport]:
    """Build a map from an Excel workbook: our own export, a Kumu workbook or a user's.

    Kumu's "Elements" have no ids: ids are made from labels, connections name their
    ends by label, and multiple tags are separated by ``|``.
    """
    book = find_workbook_sheets(path)
    smap = smap if smap is not None else StakeholderMap()
    if book.details is not None and book.details.frame.shape[1] >= 2:
        try:
            apply_map_sheet(smap, book.details)
        except ValidationError as exc:
            raise TableImportError(str(exc)) from None
    return import_from_tables(
        book.stakeholders,
        book.relationships,
        smap=smap,
        skip_bad_rows=skip_bad_rows,
        require=("name",) if book.kumu else ("id", "name"),
        list_separator="|" if book.kumu else None,
        progress=progress,
        known=known,
        third_party=book.kumu,
    )
