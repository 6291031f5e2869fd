"""Import stakeholders and relationships from CSV tables (column names of DESIGN.md §8).

Every rejected row is reported with its line and column; nothing is dropped silently.
Strict imports stop at the first bad row; lenient ones import the valid rows and report
the others. Categories and relationship kinds the map lacks are created and reported;
unknown stakeholder columns are kept as custom attributes and reported.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..core.model import (
    LEVELS,
    SCALES,
    SENSITIVITIES,
    Category,
    Relationship,
    RelationshipKind,
    Stakeholder,
    StakeholderMap,
)

__all__ = [
    "RELATIONSHIP_COLUMNS",
    "STAKEHOLDER_COLUMNS",
    "ImportReport",
    "RowProblem",
    "TableImportError",
    "import_tables",
    "read_table",
]

STAKEHOLDER_COLUMNS = (
    "id",
    "name",
    "category",
    "organisation",
    "role",
    "level",
    "power",
    "interest",
    "position",
    "trust",
    "tags",
    "notes",
    "sensitivity",
    "person",
    "contact",
)
RELATIONSHIP_COLUMNS = (
    "id",
    "source",
    "target",
    "kind",
    "strength",
    "valence",
    "directed",
    "notes",
)
_REQUIRED = {"stakeholders": ("id", "name", "category"), "relationships": ("source", "target")}
# Colours for categories created on import, after the default palette.
_EXTRA_COLOURS = ("#BBBBBB", "#777777", "#EE7733", "#33BBEE", "#EE3377", "#0077BB", "#999933")
_TRUE = {"true", "yes", "1", "y", "directed"}
_FALSE = {"false", "no", "0", "n", "undirected"}


class TableImportError(Exception):
    """An import cannot go on; the message names the file, line and column."""


@dataclass(frozen=True)
class RowProblem:
    """Why one row was rejected: file, spreadsheet line (header = line 1), column, reason."""

    table: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        column = f", column '{self.column}'" if self.column else ""
        return f"{self.table}, line {self.line}{column}: {self.message}"


@dataclass
class ImportReport:
    """What an import did: counts, what it created or kept, and every rejected row."""

    stakeholders: int = 0
    relationships: int = 0
    created_categories: list[str] = field(default_factory=list)
    created_kinds: list[str] = field(default_factory=list)
    custom_columns: list[str] = field(default_factory=list)
    rejected: list[RowProblem] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as short lines for a terminal or a dialog."""
        out = [f"Imported {self.stakeholders} stakeholders and {self.relationships} relationships."]
        if self.created_categories:
            out.append("Created categories: " + ", ".join(self.created_categories) + ".")
        if self.created_kinds:
            out.append("Created relationship kinds: " + ", ".join(self.created_kinds) + ".")
        if self.custom_columns:
            out.append("Kept as custom attributes: " + ", ".join(self.custom_columns) + ".")
        if self.rejected:
            out.append(f"Rejected {len(self.rejected)} rows:")
            out.extend(f"  {p}" for p in self.rejected)
        return out


class _RowError(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def _decode(data: bytes, name: str) -> str:
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise TableImportError(
            f"{name}: the text encoding is not recognised (byte {exc.start}); save it as UTF-8."
        ) from None


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a CSV file as text cells, detecting the encoding and the delimiter."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TableImportError(f"{path.name} cannot be read: {exc.strerror or exc}.") from None
    text = _decode(data, path.name)
    if not text.strip():
        raise TableImportError(f"{path.name} is empty.")
    try:
        delimiter = csv.Sniffer().sniff(text[:65536], delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False, engine="python"
        )
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        raise TableImportError(f"{path.name} is not a readable table: {exc}.") from None
    frame.columns = [str(c).strip().casefold() for c in frame.columns]
    return frame


def _text(row: dict[str, str], column: str) -> str:
    return str(row.get(column, "") or "").strip()


def _integer(row: dict[str, str], column: str, default: int | None = None) -> int | None:
    value = _text(row, column)
    if not value:
        return default
    low, high = SCALES[column]
    if not re.fullmatch(r"[+-]?\d+(\.0+)?", value) or not low <= int(float(value)) <= high:
        raise _RowError(column, f"{value!r} is not a whole number from {low} to {high}")
    return int(float(value))


def _choice(row: dict[str, str], column: str, allowed: tuple[str, ...]) -> str | None:
    value = _text(row, column)
    if not value:
        return None
    if value.casefold() not in allowed:
        raise _RowError(column, f"{value!r} is not one of {', '.join(allowed)}")
    return value.casefold()


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", text.casefold()).strip("-") or "category"


class _Importer:
    def __init__(self, smap: StakeholderMap, skip_bad_rows: bool) -> None:
        self.smap = smap
        self.skip = skip_bad_rows
        self.report = ImportReport()

    def reject(self, table: str, line: int, error: _RowError) -> None:
        problem = RowProblem(table, line, error.column, error.message)
        if not self.skip:
            raise TableImportError(f"{problem}.")
        self.report.rejected.append(problem)

    def check_columns(self, frame: pd.DataFrame, table: str, role: str) -> None:
        missing = [c for c in _REQUIRED[role] if c not in frame.columns]
        if missing:
            found = ", ".join(frame.columns) or "none"
            raise TableImportError(
                f"{table}: required column '{missing[0]}' is missing (columns found: {found})."
            )

    def category_for(self, value: str) -> str:
        wanted = value.casefold()
        for c in self.smap.categories.values():
            if wanted in (c.id.casefold(), c.name.casefold()):
                return c.id
        cid, n = _slug(value), 2
        while cid in self.smap.categories:
            cid, n = f"{_slug(value)}-{n}", n + 1
        colour = _EXTRA_COLOURS[len(self.report.created_categories) % len(_EXTRA_COLOURS)]
        self.smap.categories[cid] = Category(cid, value, colour, "circle")
        self.report.created_categories.append(value)
        return cid

    def kind_for(self, value: str) -> RelationshipKind:
        wanted = value.casefold()
        for k in self.smap.kinds.values():
            if wanted in (k.id.casefold(), k.name.casefold()):
                return k
        kind = RelationshipKind(_slug(value), value)
        self.smap.kinds[kind.id] = kind
        self.report.created_kinds.append(value)
        return kind

    def stakeholder(self, row: dict[str, str]) -> Stakeholder:
        sid = _text(row, "id")
        if not sid:
            raise _RowError("id", "the id is empty")
        if sid in self.smap.stakeholders:
            raise _RowError("id", f"duplicate id {sid!r}")
        label = _text(row, "name")
        if not label:
            raise _RowError("name", "the name is empty")
        category = _text(row, "category")
        if not category:
            raise _RowError("category", "the category is empty")
        values: dict[str, Any] = {
            scale: _integer(row, scale) for scale in ("power", "interest", "position", "trust")
        }
        level = _choice(row, "level", LEVELS)
        sensitivity = _choice(row, "sensitivity", SENSITIVITIES) or "internal"
        tags = tuple(t.strip() for t in re.split(r"[;,]", _text(row, "tags")) if t.strip())
        attributes = {
            column: str(value)
            for column, value in row.items()
            if column not in STAKEHOLDER_COLUMNS and str(value).strip()
        }
        return Stakeholder(
            id=sid,
            label=label,
            category=self.category_for(category),
            organisation=_text(row, "organisation"),
            role=_text(row, "role"),
            level=level,
            tags=tags,
            notes=_text(row, "notes"),
            sensitivity=sensitivity,
            person=_text(row, "person"),
            contact=_text(row, "contact"),
            attributes=attributes,
            **values,
        )

    def relationship(self, row: dict[str, str]) -> Relationship:
        ends = {}
        for end in ("source", "target"):
            sid = _text(row, end)
            if not sid:
                raise _RowError(end, f"the {end} is empty")
            if sid not in self.smap.stakeholders:
                raise _RowError(end, f"no stakeholder has the id {sid!r}")
            ends[end] = sid
        if ends["source"] == ends["target"]:
            raise _RowError("target", "a stakeholder cannot have a relationship with itself")
        kind = self.kind_for(_text(row, "kind") or "influence")
        directed_text = _text(row, "directed").casefold()
        if directed_text and directed_text not in _TRUE | _FALSE:
            raise _RowError("directed", f"{directed_text!r} is not true or false")
        directed = directed_text in _TRUE if directed_text else kind.directed
        rid = _text(row, "id") or self.smap.new_id("r")
        if rid in self.smap.relationships or rid in self.smap.stakeholders:
            raise _RowError("id", f"duplicate id {rid!r}")
        return Relationship(
            id=rid,
            source=ends["source"],
            target=ends["target"],
            kind=kind.id,
            strength=_integer(row, "strength", 3),
            valence=_choice(row, "valence", ("positive", "negative")) or kind.valence,
            directed=directed,
            notes=_text(row, "notes"),
        )

    def rows(self, frame: pd.DataFrame, table: str, build: Any, put: Any) -> int:
        count = 0
        for offset, row in enumerate(frame.to_dict("records")):
            try:
                record = build(row)
            except _RowError as error:
                self.reject(table, offset + 2, error)
                continue
            put(record)
            count += 1
        return count


def import_tables(
    stakeholders: str | Path,
    relationships: str | Path | None = None,
    *,
    smap: StakeholderMap | None = None,
    skip_bad_rows: bool = False,
) -> tuple[StakeholderMap, ImportReport]:
    """Build a map from a stakeholders CSV and an optional relationships CSV.

    Strict by default: the first bad row raises :class:`TableImportError` naming its
    line and column. With ``skip_bad_rows`` the valid rows are imported and the report
    lists the others. ``smap`` (if given) is a fresh map to fill, e.g. with map details.
    """
    smap = smap or StakeholderMap()
    importer = _Importer(smap, skip_bad_rows)
    table = Path(stakeholders).name
    frame = read_table(stakeholders)
    importer.check_columns(frame, table, "stakeholders")
    importer.report.custom_columns = [c for c in frame.columns if c not in STAKEHOLDER_COLUMNS]
    importer.report.stakeholders = importer.rows(
        frame, table, importer.stakeholder, lambda s: smap.stakeholders.__setitem__(s.id, s)
    )
    if relationships is not None:
        table = Path(relationships).name
        frame = read_table(relationships)
        importer.check_columns(frame, table, "relationships")
        importer.report.relationships = importer.rows(
            frame,
            table,
            importer.relationship,
            lambda r: smap.relationships.__setitem__(r.id, r),
        )
    return smap, importer.report
