"""Checks a workbook's size before any reader sees it: zip bombs and far-away cells.

The workbook reader (python-calamine) allocates the whole area from the first to the
last cell of a sheet at once, and holds what it unpacks: a 1.5 KB workbook with one
cell at XFD1048576 asks for 512 GB and aborts the process, and a few megabytes of zip
unpack to gigabytes. So before reading, this module

- counts the zip's parts and inflates each one (discarding the bytes), measuring the
  real unpacked size and compression ratio: the sizes a zip declares can lie;
- while inflating, finds the cells of every sheet as the reader places them: the
  ``r`` attributes of ``<row>`` and ``<c>`` in .xlsx sheets (cells without one follow
  the previous), the row and column repeat counts of .ods tables;
- for a legacy .xls (an OLE2 container, not a zip), reads the BIFF records of the
  workbook stream: the declared dimensions and every cell's row and column.

Everything is compared with :mod:`stakeholder_mapper.core.limits`; the first limit
passed is refused in one sentence naming the file and what is too big.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

import olefile

from ..core.i18n import N_, _, format_number, system_error
from ..core.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_SHEET_CELLS,
    MAX_WORKBOOK_PARTS,
    MAX_WORKBOOK_UNPACKED,
)

__all__ = ["WorkbookTooBig", "check_workbook"]

_CHUNK = 1 << 20
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Start and end tags of rows and cells, whatever their namespace prefix.
_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
# Attributes one by one (so that an "r=" inside another attribute's value is not taken
# for the position); the last group of each kind holds the ``r`` value.
_VALUE = rb"""(?:"[^"]*"|'[^']*')"""
_OTHER = rb"[^\s=/>]+\s*=\s*" + _VALUE
_XLSX_TAG = re.compile(
    rb"<(?:"
    + _PREFIX
    + rb"(row)(?:\s+(?:r\s*=\s*[\"']([0-9]*)[\"']|"
    + _OTHER
    + rb"))*|"
    + _PREFIX
    + rb"c(?:\s+(?:r\s*=\s*[\"']([A-Za-z]*)([0-9]*)[\"']|"
    + _OTHER
    + rb"))*)\s*(/?)>|<(/)"
    + _PREFIX
    + rb"row\s*>"
)
# The form every common writer uses (Excel, LibreOffice, openpyxl): no namespace prefix
# and the position first. When every cell of a chunk has it, a quick scan suffices.
_ATTRS = rb"""(?:[^>"'/]+|"[^"]*"|'[^']*'|/(?!>))*"""
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"' + _ATTRS + rb"(/?)>")
_ANY_CELL = re.compile(rb"<c[\s/>]")
_ANY_ROW = re.compile(rb"<row[\s/>]")
_PREFIXED = re.compile(rb":(?:c[\s/>]|row[\s/>])")
# Attributes may hold ">" inside quotes; a repeat count is taken at its largest, so that
# one written inside another attribute's value cannot hide the real one.
_ODS_TAG = re.compile(
    rb"<(/?)(?:[A-Za-z_][\w.-]*:)?(table|table-row|table-cell|covered-table-cell)(?=[\s/>])("
    + _ATTRS
    + rb")(/?)>"
)
_ROWS_REPEATED = re.compile(rb"""number-rows-repeated\s*=\s*["'](\d+)["']""")
_COLUMNS_REPEATED = re.compile(rb"""number-columns-repeated\s*=\s*["'](\d+)["']""")
_VALUE_TYPE = re.compile(rb"value-type\s*=")
# BIFF records that place a cell: each starts with its row and column (two u16).
_BIFF_DIMENSIONS = 0x0200
_BIFF_CELLS = {0x0006, 0x00BD, 0x00D6, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E}
_BIFF_BOF, _BIFF_EOF = 0x0809, 0x000A
# More digits than any row or column number: read as "too far" without converting.
_MAX_INDEX_DIGITS = 9

#: A file that is neither a zip nor an OLE2 workbook.
NOT_A_WORKBOOK = N_("{name} cannot be read: it is not an Excel workbook.")


class WorkbookTooBig(Exception):  # noqa: N818 - reads as what the file is
    """The workbook passes a limit; the message is one sentence naming file and limit."""


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_index(letters: bytes) -> int:
    index = 0
    for byte in letters.upper():
        index = index * 26 + byte - 64
    return index - 1


def _number(digits: bytes) -> int:
    return 10**_MAX_INDEX_DIGITS if len(digits) > _MAX_INDEX_DIGITS else int(digits)


class _Area:
    """The area from A1 to the farthest cell seen, refused once it passes the limit."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows = 0
        self.columns = 0

    def reach(self, rows: int, columns: int) -> None:
        self.rows = max(self.rows, rows)
        self.columns = max(self.columns, columns)
        if self.rows * self.columns > MAX_SHEET_CELLS:
            if self.columns > 10**6 or self.rows >= 10**_MAX_INDEX_DIGITS:
                corner = _("row {row} and column {column}").format(
                    row=format_number(self.rows), column=format_number(self.columns)
                )
            else:
                corner = _("cell {cell}").format(
                    cell=f"{_column_letters(self.columns - 1)}{self.rows}"
                )
            raise WorkbookTooBig(
                _(
                    "{name} is refused: a sheet reaches {corner}, {cells} cells in all, more "
                    "than the {limit} cells a sheet may span."
                ).format(
                    name=self.name,
                    corner=corner,
                    cells=format_number(self.rows * self.columns),
                    limit=format_number(MAX_SHEET_CELLS),
                )
            )


def _farthest(cells: list[tuple[bytes, bytes, bytes]]) -> tuple[int, int]:
    """The farthest row and column (counted from 1) of cells given as (letters, digits, _)."""
    if not cells:
        return 0, 0
    columns, rows, _values = zip(*cells, strict=True)
    # Letters have no zero, so the longest and then greatest is the farthest column;
    # row numbers may have leading zeros ("007"), so they are compared as numbers.
    far_column = max(set(columns), key=lambda c: (len(c), c))
    return max(map(int, set(rows))), _column_index(far_column) + 1


class _XlsxCells:
    """Follows the reader's placing of .xlsx cells through a part's XML, chunk by chunk.

    A row's ``r`` sets the current row and its end moves to the next; a cell's ``r``
    places it and the next cell without one goes one column further. A cell element
    without content (``<c r="Z9" s="1"/>``, formatting only) is not kept by the reader.
    """

    def __init__(self, area: _Area) -> None:
        self.area = area
        self.row = 0
        self.column = 0

    def feed(self, text: bytes) -> None:
        # Rows must carry their number too: the walk that follows a chunk starts from
        # the last row and must know where it is.
        if not _PREFIXED.search(text) and text.count(b'<row r="') == len(_ANY_ROW.findall(text)):
            cells = _PLAIN_CELL.findall(text)
            if len(cells) == len(_ANY_CELL.findall(text)):
                self._feed_plain(text, cells)
                return
        self._feed_any(text)

    def _feed_plain(self, text: bytes, cells: list[tuple[bytes, bytes, bytes]]) -> None:
        """Every cell is placed by its own ``r``: the farthest row and column suffice.

        Cells without content are counted too at first (fast); only if that passes the
        limit are they left out, as the reader leaves them out.
        """
        if cells:
            far_row, far_column = _farthest(cells)
            if far_row * far_column > MAX_SHEET_CELLS and any(c[2] for c in cells):
                far_row, far_column = _farthest([c for c in cells if not c[2]])
            if far_row:
                self.area.reach(far_row, far_column)
        # Where the next chunk goes on, should its cells have no position of their own.
        self._feed_any(text[max(text.rfind(b"<row"), text.rfind(b"</row"), 0) :])

    def _feed_any(self, text: bytes) -> None:
        row, column, far_row, far_column = self.row, self.column, 0, 0
        for is_row, row_number, letters, digits, closed, row_end in _XLSX_TAG.findall(text):
            if is_row:
                if row_number:
                    row = _number(row_number) - 1
                if closed:
                    row, column = row + 1, 0
            elif row_end:
                row, column = row + 1, 0
            else:
                cell_row = row
                if letters and digits:
                    cell_row, column = _number(digits) - 1, _column_index(letters)
                if not closed:  # a cell with a value or a formula inside
                    far_row = max(far_row, cell_row + 1)
                    far_column = max(far_column, column + 1)
                column += 1
        self.row, self.column = row, column
        if far_row:
            self.area.reach(far_row, far_column)


class _OdsCells:
    """Follows rows and cells of the tables in an .ods ``content.xml``, with repeats."""

    def __init__(self, area: _Area) -> None:
        self.area = area
        self.rows = 0
        self.row_repeats = 1
        self.column = 0
        self.width = 0

    def feed(self, text: bytes) -> None:
        for end, tag, attrs, closed in _ODS_TAG.findall(text):
            if tag == b"table":
                if not end:
                    self.rows = 0
            elif tag == b"table-row":
                if not end:
                    self.row_repeats = max(map(_number, _ROWS_REPEATED.findall(attrs)), default=1)
                    self.column = self.width = 0
                if end or closed:
                    self.rows += self.row_repeats
                    if self.width:
                        self.area.reach(self.rows, self.width)
            elif not end:
                self.column += max(map(_number, _COLUMNS_REPEATED.findall(attrs)), default=1)
                if not closed or _VALUE_TYPE.search(attrs):
                    self.width = self.column


def _inflate(
    fh: object, info: zipfile.ZipInfo, name: str, budget: int, feed: Callable[[bytes], None]
) -> int:
    """Inflate one zip part from its raw bytes, passing the XML to ``feed``; its real size."""
    fh.seek(info.header_offset)  # type: ignore[attr-defined]
    local = fh.read(30)  # type: ignore[attr-defined]
    if len(local) < 30 or local[:4] != _ZIP_MAGIC:
        raise WorkbookTooBig(_(NOT_A_WORKBOOK).format(name=name))
    skip = sum(struct.unpack("<HH", local[26:30]))
    fh.seek(info.header_offset + 30 + skip)  # type: ignore[attr-defined]
    if info.compress_type == zipfile.ZIP_STORED:
        inflater = None
    elif info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-15)
    else:
        raise WorkbookTooBig(
            _(
                "{name} cannot be read: its part {part} is packed with a method workbooks do "
                "not use."
            ).format(name=name, part=info.filename)
        )
    left, size, tail = info.compress_size, 0, b""
    while left > 0 or (inflater is not None and inflater.unconsumed_tail):
        if inflater is not None and inflater.unconsumed_tail:
            piece = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
        else:
            raw = fh.read(min(_CHUNK, left))  # type: ignore[attr-defined]
            if not raw:
                break
            left -= len(raw)
            piece = raw if inflater is None else inflater.decompress(raw, _CHUNK)
        size += len(piece)
        if size > _CHUNK and size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            # Refused as soon as what came out passes the ratio, before the rest inflates.
            raise WorkbookTooBig(
                _(
                    "{name} is refused: its part {part} unpacks more than {ratio} times its "
                    "packed size, as only files made to exhaust memory do (real workbooks pack "
                    "less than {ratio} times)."
                ).format(name=name, part=info.filename, ratio=MAX_COMPRESSION_RATIO)
            )
        if size > budget:
            raise WorkbookTooBig(
                _(
                    "{name} is refused: it unpacks to more than {limit} MB, more than a "
                    "workbook may hold."
                ).format(name=name, limit=MAX_WORKBOOK_UNPACKED // 2**20)
            )
        cut = piece.rfind(b">") + 1
        if cut:
            feed(tail + piece[:cut])
            tail = piece[cut:]
        else:
            tail += piece
        if inflater is not None and inflater.eof:
            break
    return size


def _check_zip(path: Path, name: str) -> None:
    try:
        with zipfile.ZipFile(path) as book:
            parts = book.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise WorkbookTooBig(_(NOT_A_WORKBOOK).format(name=name)) from None
    if len(parts) > MAX_WORKBOOK_PARTS:
        raise WorkbookTooBig(
            _(
                "{name} is refused: it has {parts} parts, more than the {limit} a workbook may "
                "have."
            ).format(
                name=name, parts=format_number(len(parts)), limit=format_number(MAX_WORKBOOK_PARTS)
            )
        )
    declared = sum(p.file_size for p in parts)
    if declared > MAX_WORKBOOK_UNPACKED:
        raise WorkbookTooBig(
            _(
                "{name} is refused: it unpacks to {size} MB, more than the {limit} MB a "
                "workbook may hold."
            ).format(
                name=name,
                size=format_number(declared / 2**20, 0),
                limit=MAX_WORKBOOK_UNPACKED // 2**20,
            )
        )
    budget = MAX_WORKBOOK_UNPACKED
    with path.open("rb") as fh:
        for part in parts:
            area = _Area(name)
            feeder: Callable[[bytes], None] = lambda _text: None  # noqa: E731
            if part.filename.casefold().endswith(".xml"):
                feeder = (
                    _OdsCells(area) if part.filename == "content.xml" else _XlsxCells(area)
                ).feed
            size = _inflate(fh, part, name, budget, feeder)
            budget -= size


def _biff_records(stream: bytes) -> Iterable[tuple[int, bytes]]:
    at = 0
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        yield kind, stream[at + 4 : at + 4 + length]
        at += 4 + length


def _check_xls(path: Path, name: str) -> None:
    try:
        with olefile.OleFileIO(str(path)) as ole:
            stream_name = next(
                (s for s in ("Workbook", "Book") if ole.exists(s)),
                None,
            )
            if stream_name is None:
                return  # an encrypted OOXML workbook or another document: the reader says
            size = ole.get_size(stream_name)
            if size > MAX_WORKBOOK_UNPACKED:
                raise WorkbookTooBig(
                    _(
                        "{name} is refused: its workbook stream holds {size} MB, more than the "
                        "{limit} MB a workbook may hold."
                    ).format(
                        name=name,
                        size=format_number(size / 2**20, 0),
                        limit=MAX_WORKBOOK_UNPACKED // 2**20,
                    )
                )
            stream = ole.openstream(stream_name).read()
    except (OSError, ValueError, struct.error):
        raise WorkbookTooBig(_(NOT_A_WORKBOOK).format(name=name)) from None
    area = _Area(name)
    for kind, data in _biff_records(stream):
        if kind == _BIFF_BOF:
            area = _Area(name)
        elif kind == _BIFF_DIMENSIONS and len(data) >= 12:
            # BIFF8: first row, last row + 1 (u32), first column, last column + 1 (u16).
            _skip, rows, _skip2, columns = struct.unpack_from("<IIHH", data)
            area.reach(rows, columns)
        elif kind == _BIFF_DIMENSIONS and len(data) >= 8:
            _skip, rows, _skip2, columns = struct.unpack_from("<HHHH", data)
            area.reach(rows, columns)
        elif kind in _BIFF_CELLS and len(data) >= 4:
            row, column = struct.unpack_from("<HH", data)
            area.reach(row + 1, column + 1)


def check_workbook(path: str | Path) -> None:
    """Refuse a workbook whose parts or sheets pass the limits, before any reader sees it.

    Raises :class:`WorkbookTooBig` with one sentence; a file that is neither a zip nor an
    OLE2 container is refused as not a workbook.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            magic = fh.read(8)
    except OSError as exc:
        raise WorkbookTooBig(
            _("{name} cannot be read: {reason}.").format(name=path.name, reason=system_error(exc))
        ) from None
    if magic.startswith(_ZIP_MAGIC):
        _check_zip(path, path.name)
    elif magic == _OLE_MAGIC:
        _check_xls(path, path.name)
    else:
        raise WorkbookTooBig(_(NOT_A_WORKBOOK).format(name=path.name))
