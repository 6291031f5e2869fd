"""Reading CSV files whatever their encoding and separator, and Excel sheets as text."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest
from openpyxl import Workbook

from stakeholder_mapper.io.table_import import import_tables
from stakeholder_mapper.io.tables import (
    TableImportError,
    decode_text,
    read_table,
    read_workbook,
    sniff_delimiter,
)

FRENCH = (
    "id;nom;catégorie\n"
    "pref;Préfecture de région;Autorité nationale\n"
    "c1;Comité de quartier;Leader communautaire\n"
)
RUSSIAN = (
    "id;имя;категория\n"
    "mer;Мэрия города;Муниципальная власть\n"
    "sov;Совет молодёжи;Молодёжная группа\n"
)


@pytest.mark.parametrize(
    ("text", "data", "expected"),
    [
        (FRENCH, FRENCH.encode("utf-8"), "utf-8"),
        (FRENCH, codecs.BOM_UTF8 + FRENCH.encode("utf-8"), "utf-8"),
        (RUSSIAN, RUSSIAN.encode("utf-16"), "utf-16"),
        (RUSSIAN, RUSSIAN.encode("utf-16-le"), "utf-16"),
        (FRENCH, FRENCH.encode("cp1252"), "cp1252"),
        (RUSSIAN, RUSSIAN.encode("cp1251"), "cp1251"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 with BOM", "utf-16 without BOM", "cp1252", "cp1251"],
)
def test_encoding_is_detected(text, data, expected):
    decoded, used, notes = decode_text(data, "t.csv")
    assert decoded == text
    assert used == expected
    assert notes == []


def test_short_cyrillic_and_western_files_are_told_apart():
    assert decode_text("Мэр".encode("cp1251"), "t.csv")[1] == "cp1251"
    assert decode_text("Café".encode("cp1252"), "t.csv")[1] == "cp1252"
    assert decode_text("Año nuevo, señor".encode("cp1252"), "t.csv")[1] == "cp1252"


def test_mixed_encodings_are_read_line_by_line_and_noted():
    data = (
        b"id,name,category\n"
        + "a,Préfecture,national\n".encode()
        + "b,Comité,community\n".encode("cp1252")
        + "c,Мэрия,municipal\n".encode()
    )
    text, used, notes = decode_text(data, "t.csv")
    assert text.splitlines()[1:] == [
        "a,Préfecture,national",
        "b,Comité,community",
        "c,Мэрия,municipal",
    ]
    assert used == "utf-8 with cp1252 lines"
    assert notes == [(3, "this line is not UTF-8 like the rest; it was read as cp1252")]


def test_chosen_encoding_that_does_not_fit_is_named():
    with pytest.raises(TableImportError, match=r"t.csv cannot be read as utf-8 \(byte 3\)"):
        decode_text(b"id;\xe9", "t.csv", "utf-8")


def test_binary_data_is_not_a_table():
    with pytest.raises(TableImportError, match="binary data"):
        decode_text(b"PK\x03\x04\x00\x00\x00\x08\x00\x00\x00\x00\x00\x01", "t.csv")


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_separator_is_sniffed_from_the_header(delimiter, tmp_path):
    text = delimiter.join(["id", "name", "category", "notes"]) + "\n"
    text += delimiter.join(["m", "Mayor", "municipal", '"Met in May, June; July"']) + "\n"
    assert sniff_delimiter(text) == delimiter
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["id", "name", "category", "notes"]
    assert table.frame.iloc[0].tolist() == ["m", "Mayor", "municipal", "Met in May, June; July"]


def test_empty_file_is_reported(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"\xef\xbb\xbf  \n\n")
    with pytest.raises(TableImportError, match=r"^empty.csv is empty\.$"):
        read_table(path)


def test_ragged_rows_are_reported_with_their_line(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,name,category\na,A,x\nb,B,x,extra,more\n", encoding="utf-8")
    with pytest.raises(TableImportError, match=r"t\.csv is not a readable table: .*line 3"):
        read_table(path)


def test_workbook_sheets_are_read_as_text(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "People"
    sheet.append(["id", "name", None, "power", "share", "informed", "review", "name"])
    sheet.append(["007", "Mayor", "x", 5, 0.25, True, dt.date(2026, 1, 2), "Maire"])
    sheet.append([None, None, None, None, None, None, None, None])
    book.create_sheet("Empty")
    book.save(tmp_path / "b.xlsx")
    tables = read_workbook(tmp_path / "b.xlsx")
    assert list(tables) == ["People"], "empty sheets are left out"
    table = tables["People"]
    assert table.name == "b.xlsx, sheet People"
    assert table.headers == [
        "id",
        "name",
        "Column 3",
        "power",
        "share",
        "informed",
        "review",
        "name (2)",
    ]
    assert table.frame.values.tolist() == [
        ["007", "Mayor", "x", "5", "0.25", "true", "2026-01-02", "Maire"]
    ]


def test_text_file_named_xlsx_is_refused(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("id,name\n", encoding="utf-8")
    with pytest.raises(TableImportError, match=r"fake.xlsx cannot be read: it is not an Excel"):
        read_workbook(path)


def test_excel_semicolon_csv_with_a_trailing_separator_has_no_extra_column(tmp_path):
    # Excel's ';' CSV in Windows-1252 often ends every line with a separator.
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "id;name;power;\r\nmayor;Maire de Marenza;5;\r\nimam;Imam;3;\r\n".encode("cp1252")
    )
    table = read_table(path)
    assert table.headers == ["id", "name", "power"]
    assert table.frame.values.tolist() == [
        ["mayor", "Maire de Marenza", "5"],
        ["imam", "Imam", "3"],
    ]


def test_a_column_without_a_header_but_with_values_is_named_by_its_place(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,name,,power,\nmayor,Mayor,north,5,\nimam,Imam,,3,\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["id", "name", "Column 3", "power"]
    assert table.frame["Column 3"].tolist() == ["north", ""]


def test_import_report_names_no_empty_column(tmp_path):
    stakeholders = tmp_path / "s.csv"
    stakeholders.write_bytes(
        "id;name;power;\r\nmayor;Maire;5;\r\nimam;Imam;3;\r\n".encode("cp1252")
    )
    smap, report = import_tables(stakeholders)
    assert report.custom_columns == []
    assert not any("Unnamed" in line or "custom" in line for line in report.lines())
    assert smap.stakeholders["mayor"].attributes == {}
