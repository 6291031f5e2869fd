"""Export a map as tables: CSV files and one Excel workbook others can open and we read back.

The metrics table (betweenness, brokerage roles, constraint, ...) is computed on the
exported map with the default view of :mod:`stakeholder_mapper.analysis`.

The columns are those the importer understands (:mod:`.columns`), so an export read
back gives the same map. Engagement sheets and the engagement log are JSON text in
their cells; tags and principles are separated by ``;``. The workbook holds the sheets
"Stakeholders", "Relationships", "Metrics" and "Map" (map details, categories and
relationship kinds, needed to read the map back without loss).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..core.model import (
    Category,
    Engagement,
    LogEntry,
    MapInfo,
    RelationshipKind,
    StakeholderMap,
)
from ..core.validation import dump_record, dump_records
from .columns import RELATIONSHIP_COLUMNS, STAKEHOLDER_COLUMNS, SYNONYMS, normalise_header
from .csv_safety import quote_formula
from .errors import MapFileError
from .project import write_atomically
from .redact import ExportLevel, redact_for_export
from .table_import import ATTRIBUTE_PREFIX
from .xml_safe import xml_safe_text

__all__ = [
    "csv_cell",
    "csv_paths",
    "detail_values",
    "details_rows",
    "export_csv",
    "export_xlsx",
    "metrics_rows",
    "relationship_rows",
    "stakeholder_rows",
]

_DEFAULT_ENGAGEMENT = dump_record(Engagement())
#: Most characters an Excel cell holds; openpyxl would cut a longer text without a word.
EXCEL_CELL_CHARS = 32_767


def _join(items: Iterable[Any]) -> str:
    items = [str(i) for i in items]
    plain = all(i.strip() == i and i and ";" not in i and "," not in i for i in items)
    if not plain or (items and items[0].startswith("[")):
        return json.dumps(items, ensure_ascii=False)
    return "; ".join(items)


def _engagement_text(engagement: Engagement) -> str:
    data = dump_record(engagement)
    changed = {k: v for k, v in data.items() if v != _DEFAULT_ENGAGEMENT[k]}
    return json.dumps(changed, ensure_ascii=False) if changed else ""


def _log_text(log: tuple[LogEntry, ...]) -> str:
    return json.dumps(dump_records(LogEntry, log), ensure_ascii=False) if log else ""


# Names a custom attribute cannot take as they are, compared as headers are matched:
# every column and its synonyms, and the extra node attributes of the graph formats.
_RESERVED = {
    normalise_header(name)
    for name in (
        *STAKEHOLDER_COLUMNS,
        *(n for names in SYNONYMS["stakeholders"].values() for n in names),
        "category_name",
        "category_colour",
        "category_shape",
    )
}


# Names a relationship attribute cannot take as they are (``weight`` can: it is the
# original weight of another tool, written back under its own name).
_RESERVED_TIES = {
    normalise_header(name)
    for name in (
        *RELATIONSHIP_COLUMNS,
        *(n for names in SYNONYMS["relationships"].values() for n in names if n != "weight"),
        *("kind_name", "kind_directed", "kind_valence", "kind_colour", "kind_style"),
    )
}


def _attribute_columns(smap: StakeholderMap) -> dict[str, str]:
    names: dict[str, str] = {}
    for s in smap.stakeholders.values():
        for key in s.attributes:
            if key not in names:
                clash = normalise_header(key) in _RESERVED or key.startswith(ATTRIBUTE_PREFIX)
                names[key] = ATTRIBUTE_PREFIX + key if clash else key
    return names


def stakeholder_rows(smap: StakeholderMap) -> list[dict[str, Any]]:
    """One dict per stakeholder with every column, in column order; values keep their type.

    Unknown scales are ``None``; dates are :class:`datetime.date`.
    """
    attributes = _attribute_columns(smap)
    rows = []
    for s in smap.stakeholders.values():
        xy = smap.positions.get(s.id)
        row: dict[str, Any] = {
            "id": s.id,
            "name": s.label,
            "category": s.category,
            "organisation": s.organisation,
            "role": s.role,
            "level": s.level,
            "power": s.power,
            "influence": s.influence,
            "votes": s.votes,
            "interest": s.interest,
            "position": s.position,
            "trust": s.trust,
            "focal_point": s.focal_point,
            "principles": "; ".join(str(p) for p in s.principles),
            "tags": _join(s.tags),
            "notes": s.notes,
            "sensitivity": s.sensitivity,
            "review_date": s.review_date,
            "source": s.source,
            "informed": s.informed,
            "person": s.person,
            "contact": s.contact,
            "engagement": _engagement_text(s.engagement),
            "log": _log_text(s.log),
            "x": xy[0] if xy else None,
            "y": xy[1] if xy else None,
            "pinned": True if s.id in smap.pinned else None,
            "colour": s.colour,
        }
        for key, column in attributes.items():
            row[column] = s.attributes.get(key, "")
        rows.append(row)
    return rows


def relationship_rows(smap: StakeholderMap) -> list[dict[str, Any]]:
    """One dict per relationship with every column, in column order, then its attributes.

    An attribute named like a column is written with the ``attribute:`` prefix, as for
    stakeholders, so that reading the file back keeps it apart.
    """
    names: dict[str, str] = {}
    for r in smap.relationships.values():
        for key in r.attributes:
            if key not in names:
                clash = normalise_header(key) in _RESERVED_TIES or key.startswith(ATTRIBUTE_PREFIX)
                names[key] = ATTRIBUTE_PREFIX + key if clash else key
    rows = []
    for r in smap.relationships.values():
        row: dict[str, Any] = {
            "id": r.id,
            "source": r.source,
            "target": r.target,
            "kind": r.kind,
            "strength": r.strength,
            "valence": r.valence,
            "directed": r.directed,
            "notes": r.notes,
            "confidence": r.confidence,
        }
        for key, column in names.items():
            row[column] = r.attributes.get(key, "")
        rows.append(row)
    return rows


def detail_values(info: MapInfo) -> dict[str, str]:
    """Map details as text by name, for the "Map" sheet and GraphML graph data: lists
    (risks, calendar, indicators, distribution) as JSON, unknown values blank."""
    return {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value)
        for key, value in dump_record(info).items()
        if value is not None
    }


def details_rows(smap: StakeholderMap) -> list[tuple[str, str]]:
    """The "Map" sheet: map details, then categories, kinds, plan settings and sharing
    marks as JSON."""
    values = detail_values(smap.info)
    rows = [(key, values.get(key, "")) for key in MapInfo.__dataclass_fields__]
    rows.append(("categories", json.dumps(dump_records(Category, smap.categories.values()))))
    rows.append(("kinds", json.dumps(dump_records(RelationshipKind, smap.kinds.values()))))
    rows.append(("plan_settings", json.dumps(smap.plan_settings, ensure_ascii=False)))
    rows.append(("sharing", json.dumps(smap.sharing, ensure_ascii=False)))
    return rows


def metrics_rows(smap: StakeholderMap) -> tuple[list[str], list[list[Any]]]:
    """The metrics table (DESIGN.md §8 columns first) as a header and rows of plain values.

    Undefined values (NaN) are ``None``.
    """
    from ..analysis.metrics import compute_metrics  # igraph and pandas load on first use

    frame = compute_metrics(smap)
    split = frame.to_dict("split")
    rows = [[None if v != v else v for v in row] for row in split["data"]]  # NaN -> None
    return [str(c) for c in split["columns"]], rows


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):  # unknown or NaN
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_cell(value: Any) -> str:
    """A value as a CSV cell: text that a spreadsheet would run as a formula is quoted
    (see :mod:`.csv_safety`), control characters no document holds are dropped (a NUL
    makes the file look binary); numbers, dates and booleans are written as they are."""
    return quote_formula(value, xml_safe_text(_text(value)))


def _csv_bytes(header: list[str], rows: Iterable[Iterable[Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_cell(h) for h in header])
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    # With a BOM Excel opens the file as UTF-8 (Cyrillic and accents intact).
    return out.getvalue().encode("utf-8-sig")


def csv_paths(path: str | Path) -> dict[str, Path]:
    """Where a CSV export writes its tables: ``path`` and its ``_relationships``/``_metrics``."""
    path = Path(path)
    suffix = path.suffix or ".csv"
    return {
        "stakeholders": path,
        "relationships": path.with_name(f"{path.stem}_relationships{suffix}"),
        "metrics": path.with_name(f"{path.stem}_metrics{suffix}"),
    }


def export_csv(
    smap: StakeholderMap,
    path: str | Path,
    *,
    level: ExportLevel = "full",
    metrics: bool = True,
) -> list[Path]:
    """Write the stakeholders to ``path`` and the relationships (and metrics) beside it.

    Only what the export ``level`` allows is written (see :mod:`.redact`); metrics are
    computed on what is written. Files are
    UTF-8 with a byte-order mark so that Excel opens them correctly. All tables are
    prepared before the first file is written. Returns the files written.
    """
    smap = redact_for_export(smap, level)
    paths = csv_paths(path)
    s_rows = stakeholder_rows(smap)
    s_header = list(s_rows[0]) if s_rows else list(STAKEHOLDER_COLUMNS)
    r_rows = relationship_rows(smap)
    r_header = list(r_rows[0]) if r_rows else list(RELATIONSHIP_COLUMNS)
    files = {
        paths["stakeholders"]: _csv_bytes(s_header, (r.values() for r in s_rows)),
        paths["relationships"]: _csv_bytes(r_header, (r.values() for r in r_rows)),
    }
    if metrics and smap.stakeholders:
        files[paths["metrics"]] = _csv_bytes(*metrics_rows(smap))
    for target, data in files.items():
        write_atomically(target, data, backup=False)
    return list(files)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):
        return xml_safe_text(value)
    if isinstance(value, float) and value != value:
        return None
    return value


def _too_long_for_excel(title: str, header: list[str], rows: list[list[Any]]) -> str | None:
    """Where a text is longer than an Excel cell holds, as words for a sentence."""
    for line, row in enumerate(rows, start=2):
        for column, value in zip(header, row, strict=True):
            if isinstance(value, str) and len(value) > EXCEL_CELL_CHARS:
                return (
                    f"sheet {title}, line {line}, column '{column}' holds {len(value):,} "
                    f"characters, more than the {EXCEL_CELL_CHARS:,} an Excel cell can hold; "
                    "export as CSV or GraphML to keep the text whole"
                )
    return None


def _sheet(book: Any, title: str, header: list[str], rows: Iterable[Iterable[Any]]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = book.create_sheet(title)
    bold = Font(bold=True)
    head = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=_xlsx_value(name))
        cell.data_type = "s"
        cell.font = bold
        head.append(cell)
    sheet.append(head)
    sheet.freeze_panes = "A2"
    for row in rows:
        values = []
        for value in row:
            value = _xlsx_value(value)
            if isinstance(value, str) and value.startswith("="):
                # Text that looks like a formula stays text (no formula injection).
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                value = cell
            values.append(value)
        sheet.append(values)


def export_xlsx(
    smap: StakeholderMap,
    path: str | Path,
    *,
    level: ExportLevel = "full",
    metrics: bool = True,
) -> None:
    """Write one Excel workbook with the Stakeholders, Relationships, Metrics and Map sheets.

    Only what the export ``level`` allows is written (see :mod:`.redact`). The file is
    written atomically: on failure nothing is left at ``path``. A text longer than an
    Excel cell holds raises :class:`MapFileError` naming it (Excel would cut it).
    """
    from openpyxl import Workbook

    smap = redact_for_export(smap, level)
    s_rows = stakeholder_rows(smap)
    r_rows = relationship_rows(smap)
    sheets: list[tuple[str, list[str], list[list[Any]]]] = [
        (
            "Stakeholders",
            list(s_rows[0]) if s_rows else list(STAKEHOLDER_COLUMNS),
            [list(r.values()) for r in s_rows],
        ),
        (
            "Relationships",
            list(r_rows[0]) if r_rows else list(RELATIONSHIP_COLUMNS),
            [list(r.values()) for r in r_rows],
        ),
    ]
    if metrics and smap.stakeholders:
        sheets.append(("Metrics", *metrics_rows(smap)))
    sheets.append(("Map", ["setting", "value"], [list(r) for r in details_rows(smap)]))
    for title, header, rows in sheets:
        problem = _too_long_for_excel(title, header, rows)
        if problem:
            raise MapFileError(f"{Path(path).name} was not written: {problem}.")
    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        _sheet(book, title, header, rows)
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomically(path, buffer.getvalue(), backup=False)
