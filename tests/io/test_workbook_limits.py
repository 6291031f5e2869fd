"""Hostile workbooks end in one sentence before any reader sees them; real ones still read.

Every file is generated here (zipfile, a few XML strings, a small OLE2 container): a far
cell that would make the reader allocate 512 GB and abort the process, zip bombs, zips
that lie about their sizes, .ods repeat counts and .xls dimension records.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from stakeholder_mapper.core.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_SHEET_CELLS,
    MAX_WORKBOOK_PARTS,
)
from stakeholder_mapper.io.table_import import import_workbook
from stakeholder_mapper.io.tables import TableImportError, read_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>name</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>category</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>mayor</t></is></c>'
    '<c r="B2" t="inlineStr"><is><t>Mayor</t></is></c>'
    '<c r="C2" t="inlineStr"><is><t>municipal</t></is></c></row>'
)


def _xlsx(path: Path, sheet_data: str, *, extra: dict[str, bytes] | None = None) -> Path:
    """A minimal workbook with one sheet "Stakeholders" holding ``sheet_data``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.'
            'openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0"?><Relationships xmlns="{RELS}"><Relationship Id="rId1" '
            f'Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>'
            '<sheet name="Stakeholders" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0"?><Relationships xmlns="{RELS}"><Relationship Id="rId1" '
            f'Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>{sheet_data}'
            "</sheetData></worksheet>",
        )
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def _refused(path: Path) -> str:
    with pytest.raises(TableImportError) as info:
        read_workbook(path)
    message = str(info.value)
    assert message.startswith(path.name) and message.endswith(".") and "\n" not in message
    return message


def test_a_cell_at_xfd1048576_is_refused_in_a_sentence(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "far.xlsx", HEADER + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    assert path.stat().st_size < 2000
    assert _refused(path) == (
        f"far.xlsx is refused: a sheet reaches cell XFD1048576, 17,179,869,184 cells in all, "
        f"more than the {MAX_SHEET_CELLS:,} cells a sheet may span."
    )


def test_the_far_cell_no_longer_aborts_the_command_line(tmp_path: Path) -> None:
    """In a child process: before the check, the reader aborted it (exit 134)."""
    path = _xlsx(
        tmp_path / "far.xlsx", HEADER + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "stakeholder_mapper.cli",
            "import",
            str(path),
            "-o",
            str(tmp_path / "o.smap"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert run.stderr.startswith("error: far.xlsx is refused: a sheet reaches cell XFD1048576")
    assert run.stderr.count("\n") == 1
    assert not (tmp_path / "o.smap").exists()


@pytest.mark.parametrize(
    ("cells", "corner"),
    [
        # Cells without a position follow the previous one, rows follow the previous row.
        ('<row r="1048576"><c><v>1</v></c><c r="XFC1048576"/><c><v>2</v></c></row>', "XFD1048576"),
        # Any namespace prefix: the reader looks at local names.
        ('<x:row r="900000"><x:c r="ZZ900000"><x:v>1</x:v></x:c></x:row>', "ZZ900000"),
        # Leading zeros make a short row number look long.
        (
            '<row r="900000"><c r="ZZ0000001"><v>1</v></c><c r="ZZ900000"><v>1</v></c></row>',
            "ZZ900000",
        ),
        # An "r=" inside another attribute's value is not the position.
        ('<row r="5"><c t="n" s=" r=\'A1\'" r="XFD5000"><v>1</v></c></row>', "XFD5000"),
    ],
)
def test_cells_are_placed_as_the_reader_places_them(
    tmp_path: Path, cells: str, corner: str
) -> None:
    path = _xlsx(tmp_path / "odd.xlsx", HEADER + cells)
    assert f"reaches cell {corner}," in _refused(path)


def test_rows_without_numbers_are_counted_across_chunks(tmp_path: Path) -> None:
    """Many rows without a number, then one wide row of cells without positions."""
    rows = "".join(f'<row><c r="A1"><v>{i * 7919 % 100_003}</v></c></row>' for i in range(400_000))
    wide = "<row>" + "<c><v>1</v></c>" * 20 + "</row>"
    path = _xlsx(tmp_path / "chunks.xlsx", HEADER + rows + wide)
    assert "reaches cell T400003," in _refused(path)


def test_formatting_far_away_does_not_count(tmp_path: Path) -> None:
    """A styled empty cell (``<c r=.. s=../>``) is not read, so it is no reason to refuse."""
    path = _xlsx(
        tmp_path / "styled.xlsx", HEADER + '<row r="1048576"><c r="XFD1048576" s="1"/></row>'
    )
    assert list(read_workbook(path)["Stakeholders"].frame["name"]) == ["Mayor"]


def test_a_real_workbook_near_the_limit_reads(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Stakeholders"
    sheet.append(["id", "name", "category"])
    sheet.append(["mayor", "Mayor", "municipal"])
    sheet.cell(row=MAX_SHEET_CELLS // 10, column=10, value="far but within the limit")
    book.save(tmp_path / "real.xlsx")
    table = read_workbook(tmp_path / "real.xlsx")["Stakeholders"]
    # Columns with neither header nor value are left out; the far cell's column is kept.
    assert table.frame.shape == (MAX_SHEET_CELLS // 10 - 1, 4)
    assert table.headers == ["id", "name", "category", "Column 10"]
    assert table.frame.iloc[0, 1] == "Mayor"
    assert table.frame["Column 10"].iloc[-1] == "far but within the limit"


def test_a_zip_bomb_is_refused_by_its_ratio(tmp_path: Path) -> None:
    filler = b"<!--" + b" " * 30 * 2**20 + b"-->"
    path = _xlsx(tmp_path / "bomb.xlsx", HEADER, extra={"xl/media/filler.xml": filler})
    assert path.stat().st_size < 100_000
    message = _refused(path)
    assert "its part xl/media/filler.xml unpacks" in message
    assert f"real workbooks pack less than {MAX_COMPRESSION_RATIO} times" in message


def _lie_about_size(path: Path, part: str, declared: int) -> None:
    """Rewrite the uncompressed size of ``part`` in the local and central headers."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    at = 0
    while (at := data.find(name, at + 1)) > 0:
        if data[at - 30 : at - 26] == b"PK\x03\x04":
            struct.pack_into("<I", data, at - 30 + 22, declared)
        elif data[at - 46 : at - 42] == b"PK\x01\x02":
            struct.pack_into("<I", data, at - 46 + 24, declared)
    path.write_bytes(bytes(data))


def test_a_zip_that_understates_its_sizes_is_measured(tmp_path: Path) -> None:
    """The sizes a zip declares can lie: the parts are inflated and measured."""
    filler = b"<!--" + b" " * 30 * 2**20 + b"-->"
    path = _xlsx(tmp_path / "liar.xlsx", HEADER, extra={"xl/media/filler.xml": filler})
    _lie_about_size(path, "xl/media/filler.xml", 100)
    with zipfile.ZipFile(path) as z:
        assert z.getinfo("xl/media/filler.xml").file_size == 100
    assert "unpacks" in _refused(path)


def test_too_many_parts_are_refused(tmp_path: Path) -> None:
    extra = {f"xl/junk/{i}.bin": b"" for i in range(MAX_WORKBOOK_PARTS)}
    path = _xlsx(tmp_path / "parts.xlsx", HEADER, extra=extra)
    assert _refused(path) == (
        f"parts.xlsx is refused: it has {MAX_WORKBOOK_PARTS + 5:,} parts, more than the "
        f"{MAX_WORKBOOK_PARTS:,} a workbook may have."
    )


def test_a_declared_size_over_the_limit_is_refused_at_once(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "declared.xlsx", HEADER, extra={"xl/media/x.xml": b"<x/>"})
    _lie_about_size(path, "xl/media/x.xml", 0xFFFFFFF0)
    assert "it unpacks to 4,096 MB, more than the 512 MB a workbook may hold" in _refused(path)


# -- OpenDocument -------------------------------------------------------------------------
ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _cell(text: str, repeat: int = 1) -> str:
    times = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (
        f'<table:table-cell office:value-type="string"{times}><text:p>{text}</text:p>'
        "</table:table-cell>"
    )


def _ods(path: Path, rows: str) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
            'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
            '"text/xml"/></manifest:manifest>',
        )
        z.writestr(
            "content.xml",
            f'<?xml version="1.0"?><office:document-content {ODS_NS}><office:body>'
            f'<office:spreadsheet><table:table table:name="Stakeholders">{rows}</table:table>'
            "</office:spreadsheet></office:body></office:document-content>",
            compress_type=zipfile.ZIP_DEFLATED,
        )
    return path


ODS_HEADER = (
    f"<table:table-row>{_cell('id')}{_cell('name')}{_cell('category')}</table:table-row>"
    f"<table:table-row>{_cell('mayor')}{_cell('Mayor')}{_cell('municipal')}</table:table-row>"
)


def test_an_ods_reads_with_its_trailing_empty_repeats(tmp_path: Path) -> None:
    """LibreOffice ends every sheet with a million empty repeated rows: not a reason to refuse."""
    empty = (
        '<table:table-row table:number-rows-repeated="1048574">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    path = _ods(tmp_path / "real.ods", ODS_HEADER + empty)
    assert list(read_workbook(path)["Stakeholders"].frame["name"]) == ["Mayor"]


@pytest.mark.parametrize(
    ("rows", "corner"),
    [
        (
            f'<table:table-row table:number-rows-repeated="1000000">{_cell("x", 16384)}'
            "</table:table-row>",
            "XFD1000002",
        ),
        (
            '<table:table-row table:number-rows-repeated="999998"><table:table-cell/>'
            f"</table:table-row><table:table-row><table:table-cell table:number-columns-repeated="
            f'"9"/>{_cell("x")}</table:table-row>',
            "J1000001",
        ),
        (
            "<table:table-row table:style-name='a>b number-rows-repeated=\"1\"' "
            f'table:number-rows-repeated="1000000">{_cell("x", 10)}</table:table-row>',
            "J1000002",
        ),
    ],
)
def test_ods_repeat_counts_are_checked(tmp_path: Path, rows: str, corner: str) -> None:
    path = _ods(tmp_path / "repeats.ods", ODS_HEADER + rows)
    assert f"reaches cell {corner}," in _refused(path)


# -- legacy .xls ----------------------------------------------------------------------------
def _ole(stream: bytes) -> bytes:
    """A minimal OLE2 compound file (version 3) holding one stream named "Workbook"."""
    stream = stream.ljust(4096, b"\0")  # at least 4 KB: kept in normal sectors
    sectors = -(-len(stream) // 512)
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = (
        struct.pack(
            "<8s16sHHHHH6sIIIIIIIII",
            bytes.fromhex("d0cf11e0a1b11ae1"),
            b"\0" * 16,
            0x3E,
            3,
            0xFFFE,
            9,
            6,
            b"\0" * 6,
            0,
            1,
            1,
            0,
            4096,
            end,
            0,
            end,
            0,
        )
        + struct.pack("<I", 0)
        + struct.pack("<I", free) * 108
    )
    fat = [fat_sector, end, *range(3, 2 + sectors), end]
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff")

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        return struct.pack(
            "<64sHBBIII16sIQQIQ",
            encoded,
            len(encoded),
            kind,
            1,
            free,
            free,
            child,
            b"\0" * 16,
            0,
            0,
            0,
            start,
            size,
        )

    directory = (
        entry("Root Entry", 5, 1, end, 0)
        + entry("Workbook", 2, free, 2, len(stream))
        + entry("", 0, free, 0, 0) * 2
    )
    return header + fat_bytes + directory + stream.ljust(sectors * 512, b"\0")


def _biff(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def test_an_xls_with_a_huge_dimensions_record_is_refused(tmp_path: Path) -> None:
    stream = (
        _biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x10, 0, 0, 0, 0))
        + _biff(0x0200, struct.pack("<IIHHH", 0, 0xFFFFFFFF, 0, 0xFFFF, 0))
        + _biff(0x000A, b"")
    )
    path = tmp_path / "dims.xls"
    path.write_bytes(_ole(stream))
    assert "is refused: a sheet reaches" in _refused(path)


def test_an_xls_cell_far_away_is_refused(tmp_path: Path) -> None:
    stream = (
        _biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x10, 0, 0, 0, 0))
        + _biff(0x0203, struct.pack("<HHHd", 65535, 255, 0, 1.0))
        + _biff(0x000A, b"")
    )
    path = tmp_path / "far.xls"
    path.write_bytes(_ole(stream))
    assert "reaches cell IV65536, 16,777,216 cells in all" in _refused(path)


def test_the_import_says_the_same_sentence(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "far.xlsx", HEADER + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    with pytest.raises(TableImportError, match=r"^far.xlsx is refused: a sheet reaches cell XFD"):
        import_workbook(path)
