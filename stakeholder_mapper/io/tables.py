"""Reading tables from CSV files and Excel workbooks as text cells, whatever their origin.

CSV files come from Excel in many languages, CRMs and hand-made exports: the encoding
(UTF-8 with or without BOM, UTF-16, Windows-1252, Windows-1251) and the separator (comma,
semicolon, tab, bar) are detected unless the user names them. A file that mixes UTF-8
lines with Windows lines is read line by line and every line read differently is noted.

Why a heuristic and not ``charset-normalizer``: only five encodings are in scope, UTF-8
and UTF-16 are recognised exactly, and the remaining choice (Western vs Cyrillic Windows
code page) is settled reliably by whether accented bytes sit inside words of plain
letters (French, Spanish) or next to each other (Russian). The choice is explainable,
deterministic on short files, and costs no dependency.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

from ..core.i18n import _, format_number, system_error
from ..core.limits import MAX_RELATIONSHIPS, MAX_SHEET_CELLS, too_many
from .csv_safety import unquote_formula
from .record_counts import csv_rows_beyond
from .workbook_check import NOT_A_WORKBOOK, WorkbookTooBig, check_workbook

__all__ = [
    "DELIMITERS",
    "ENCODINGS",
    "MAX_TABLE_BYTES",
    "UNNAMED_COLUMN",
    "Table",
    "TableImportError",
    "decode_text",
    "read_table",
    "read_workbook",
    "sniff_delimiter",
]

#: Encodings a user can choose; ``None`` (auto) detects among them.
ENCODINGS: tuple[str, ...] = ("utf-8", "utf-16", "cp1252", "cp1251")
#: Separators recognised in CSV files, by name.
DELIMITERS: dict[str, str] = {"comma": ",", "semicolon": ";", "tab": "\t", "bar": "|"}
#: Largest table file read, against memory exhaustion.
MAX_TABLE_BYTES = 256 * 1024 * 1024
#: The name of a column that has no header but holds values, by its place from 1.
UNNAMED_COLUMN = "Column {number}"

_CYRILLIC_PAIR = re.compile(rb"[\xa8\xb8\xc0-\xff]{2}")
_MIXED_PAIR = re.compile(rb"[A-Za-z][\xa8\xb8\xc0-\xff]|[\xa8\xb8\xc0-\xff][A-Za-z]")


class TableImportError(Exception):
    """An import cannot go on; the message names the file, line and column."""


@dataclass
class Table:
    """One table read from a file: text cells under the file's own (trimmed) headers.

    ``name`` names it in messages ("people.csv", "map.xlsx, sheet Elements"); ``notes``
    are ``(line, message)`` pairs about lines read in an unusual way. Rows are counted
    as ``unit`` from ``first_row`` (spreadsheet lines: the first data row is line 2).
    """

    name: str
    frame: pd.DataFrame
    encoding: str = ""
    delimiter: str = ""
    notes: list[tuple[int, str]] = field(default_factory=list)
    unit: str = "line"
    first_row: int = 2

    @property
    def headers(self) -> list[str]:
        """The column headers, in file order."""
        return [str(c) for c in self.frame.columns]


def _single_byte_encoding(data: bytes) -> str:
    cyrillic = len(_CYRILLIC_PAIR.findall(data))
    western = len(_MIXED_PAIR.findall(data))
    preferred = ("cp1251", "cp1252") if cyrillic > western else ("cp1252", "cp1251")
    for codec in preferred:
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec
    return "latin-1"  # bytes undefined in both code pages: latin-1 reads any byte


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII characters leave zeros on one side only."""
    sample = data[: 4096 - 4096 % 2]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd and not even:
        codec = "utf-16-le"
    elif even and not odd:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = sample.decode(codec, errors="ignore")
    except UnicodeDecodeError:
        return None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\r\n")
    return None if controls else codec


def decode_text(
    data: bytes, name: str, encoding: str | None = None
) -> tuple[str, str, list[tuple[int, str]]]:
    """Decode a text file: ``(text, encoding used, notes on lines read differently)``.

    With ``encoding`` given it is used strictly; otherwise the encoding is detected.
    Raises :class:`TableImportError` when the bytes cannot be text.
    """
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise TableImportError(
                _("{name}: unknown text encoding {encoding}.").format(
                    name=name, encoding=repr(encoding)
                )
            ) from None
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            codec = "utf-8-sig"
        try:
            return data.decode(codec), encoding, []
        except UnicodeDecodeError as exc:
            raise TableImportError(
                _(
                    "{name} cannot be read as {encoding} (byte {byte}); choose another encoding."
                ).format(name=name, encoding=encoding, byte=exc.start)
            ) from None
    for bom, codec, label in (
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), label, []
            except UnicodeDecodeError as exc:
                raise TableImportError(
                    _(
                        "{name} starts like {encoding} text but byte {byte} is not {encoding}."
                    ).format(name=name, encoding=label, byte=exc.start)
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), "utf-16", []
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise TableImportError(
            _("{name} is not a text table (it contains binary data).").format(name=name)
        )
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    return _decode_by_line(data)


def _decode_by_line(data: bytes) -> tuple[str, str, list[tuple[int, str]]]:
    lines = data.split(b"\n")
    bad = []
    utf8_lines = 0
    for line in lines:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(line)
        else:
            utf8_lines += not line.isascii()
    fallback = _single_byte_encoding(b"\n".join(bad))
    if not utf8_lines:
        return data.decode(fallback), fallback, []
    parts, notes = [], []
    for number, line in enumerate(lines, start=1):
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            parts.append(line.decode(fallback, errors="replace"))
            notes.append(
                (
                    number,
                    _("this line is not UTF-8 like the rest; it was read as {encoding}").format(
                        encoding=fallback
                    ),
                )
            )
    return "\n".join(parts), f"utf-8 with {fallback} lines", notes


def sniff_delimiter(text: str) -> str:
    """The separator of a CSV text: whichever of , ; tab | occurs most in its header line.

    Quoted text is skipped: in ``"Last, First";Org`` the separator is the semicolon.
    """
    header = next((line for line in text.splitlines() if line.strip()), "")
    bare = re.sub(r'"(?:[^"]|"")*"?', "", header)
    counts = {d: bare.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_TABLE_BYTES + 1)
    except OSError as exc:
        raise TableImportError(
            _("{name} cannot be read: {reason}.").format(name=path.name, reason=system_error(exc))
        ) from None
    if len(data) > MAX_TABLE_BYTES:
        raise TableImportError(
            _("{name} is larger than {size} MB.").format(
                name=path.name, size=MAX_TABLE_BYTES // 2**20
            )
        )
    return data


def read_table(
    path: str | Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    max_rows: int = MAX_RELATIONSHIPS,
    what: str = "rows",
) -> Table:
    """Read a CSV file as text cells, detecting the encoding and separator unless given.

    A file of more than ``max_rows`` rows (by default the most any table of a map may
    have) is refused, counted as a stream before the table is built; ``what`` names its
    rows in the sentence ("stakeholders").
    """
    path = Path(path)
    data = _read_bytes(path)
    text, used, notes = decode_text(data, path.name, encoding)
    del data
    if not text.strip():
        raise TableImportError(_("{name} is empty.").format(name=path.name))
    # Blank lines before the header (Gephi's tables have one) are skipped.
    blank = re.match(r"(?:[ \t]*\r?\n)*", text)
    skipped = blank[0].count("\n") if blank else 0
    text = text[blank.end() :] if blank else text
    delimiter = delimiter or sniff_delimiter(text)
    if csv_rows_beyond(text, delimiter, max_rows):
        raise TableImportError(too_many(path.name, what, max_rows))
    # pandas and python-calamine are imported when a table is read, not when the app starts.
    import pandas as pd

    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        detail = str(exc).strip().rstrip(".").replace("\n", " ")
        raise TableImportError(
            _("{name} is not a readable table: {detail}.").format(name=path.name, detail=detail)
        ) from None
    frame = frame.fillna("")
    # Cells our exports quoted against formula injection read back as they were.
    for column in frame.columns:
        cells = frame[column]
        if cells.str.startswith("'").any():
            frame[column] = cells.map(unquote_formula)
    # pandas names a column without a header "Unnamed: <its index>".
    headers = [
        "" if str(c) == f"Unnamed: {i}" else unquote_formula(str(c)).strip()
        for i, c in enumerate(frame.columns)
    ]
    frame = _without_unnamed_columns(frame, headers)
    return Table(path.name, frame, used, delimiter, notes, first_row=2 + skipped)


def _without_unnamed_columns(frame: pd.DataFrame, headers: list[str]) -> pd.DataFrame:
    """The frame under ``headers``, less the columns that have neither header nor value.

    Excel's semicolon CSV often ends each line with a separator: that empty column is
    dropped unseen. A column without a header that holds values is named by its place
    (:data:`UNNAMED_COLUMN`, "Column 8") and kept.
    """
    keep, names = [], []
    for i, header in enumerate(headers):
        if not header:
            if not frame.iloc[:, i].str.strip().ne("").any():
                continue
            header = UNNAMED_COLUMN.format(number=i + 1)
        keep.append(i)
        names.append(header)
    frame = frame.iloc[:, keep].copy()
    frame.columns = _unique(names)
    return frame


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 2
        while candidate in seen:
            candidate, n = f"{name} ({n})", n + 1
        seen.add(candidate)
        out.append(candidate)
    return out


def read_workbook(path: str | Path) -> dict[str, Table]:
    """Read every sheet of a workbook (.xlsx, .xlsm, .xls or .ods) as a table, by sheet name.

    The first row of a sheet holds the headers; empty sheets are left out. Cells are
    read by ``python-calamine``, some thirty times faster than openpyxl on large sheets,
    once :func:`~.workbook_check.check_workbook` has found the file within the limits.
    """
    import pandas as pd
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    path = Path(path)
    _read_bytes(path)
    try:
        check_workbook(path)
    except WorkbookTooBig as exc:
        raise TableImportError(str(exc)) from None
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = {}
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            if sheet.height * sheet.width > MAX_SHEET_CELLS:
                raise TableImportError(
                    _(
                        "{name} is refused: its sheet {sheet} spans {rows} rows and {columns} "
                        "columns, more than the {limit} cells a sheet may span."
                    ).format(
                        name=path.name,
                        sheet=name,
                        rows=format_number(sheet.height),
                        columns=format_number(sheet.width),
                        limit=format_number(MAX_SHEET_CELLS),
                    )
                )
            sheets[name] = sheet.to_python()
    except PasswordError:
        raise TableImportError(
            _("{name} is protected by a password; save a copy without one.").format(name=path.name)
        ) from None
    except CalamineError:
        raise TableImportError(_(NOT_A_WORKBOOK).format(name=path.name)) from None
    tables: dict[str, Table] = {}
    for title, cells in sheets.items():
        rows = [[v if type(v) is str else _cell_text(v) for v in row] for row in cells]
        while rows and not any(c.strip() for c in rows[-1]):
            rows.pop()
        if not rows:
            continue
        width = max(len(r) for r in rows)
        header = rows[0] + [""] * (width - len(rows[0]))
        body = [r + [""] * (width - len(r)) for r in rows[1:]]
        frame = pd.DataFrame(body, columns=range(width), dtype=str)
        frame = _without_unnamed_columns(frame, [h.strip() for h in header])
        tables[title] = Table(_("{file}, sheet {sheet}").format(file=path.name, sheet=title), frame)
    return tables
