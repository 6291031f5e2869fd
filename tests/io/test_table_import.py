"""Importing tables: header matching, row reports, Excel and Kumu workbooks, hostile files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import Workbook

from stakeholder_mapper.io.columns import match_columns
from stakeholder_mapper.io.table_import import (
    TableImportError,
    import_tables,
    import_workbook,
)


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def workbook(tmp_path: Path, name: str, sheets: dict[str, list[list]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(tmp_path / name)
    return tmp_path / name


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (
            ["Identifiant", "Nom", "Catégorie", "Pouvoir", "Intérêt", "Confiance", "Étiquettes"],
            ["id", "name", "category", "power", "interest", "trust", "tags"],
        ),
        (
            ["ID", "Nombre", "Categoría", "Poder", "Interés", "Posición", "Confianza", "Notas"],
            ["id", "name", "category", "power", "interest", "position", "trust", "notes"],
        ),
        (
            ["Ид", "Название", "Категория", "Власть", "Интерес", "Позиция", "Доверие", "Теги"],
            ["id", "name", "category", "power", "interest", "position", "trust", "tags"],
        ),
        (
            ["Label", "Type", "Description", "Tags", "Organization"],
            ["name", "category", "notes", "tags", "organisation"],
        ),
        (
            ["المعرف", "الاسم", "الفئة", "النفوذ", "الاهتمام", "الموقف", "الثقة", "ملاحظات"],
            ["id", "name", "category", "power", "interest", "position", "trust", "notes"],
        ),
    ],
    ids=["French", "Spanish", "Russian", "Kumu and US spelling", "Arabic"],
)
def test_headers_are_matched_in_five_languages(headers, expected):
    found = match_columns(headers, "stakeholders")
    assert found == dict(zip(expected, headers, strict=True))


def test_exact_column_name_wins_over_a_synonym():
    found = match_columns(["Type", "category", "Description", "notes"], "stakeholders")
    assert found["category"] == "category"
    assert found["notes"] == "notes"
    assert "Type" not in found.values(), "the other header stays a custom attribute"


def test_relationship_headers_are_matched():
    found = match_columns(["De", "À", "Type", "Force", "Signe"], "relationships")
    assert found == {
        "source": "De",
        "target": "À",
        "kind": "Type",
        "strength": "Force",
        "valence": "Signe",
    }


def test_cyrillic_cp1251_semicolon_file_imports(tmp_path):
    s = write(
        tmp_path,
        "s.csv",
        "Ид;Название;Категория;Власть;Доверие\n"
        "mer;Мэрия города;Муниципальная власть;5;-1\n"
        "sov;Совет молодёжи;Молодёжная группа;2;2\n",
        "cp1251",
    )
    r = write(tmp_path, "r.csv", "От;Кому;Сила\nsov;Мэрия города;4\n", "cp1251")
    smap, report = import_tables(s, r)
    assert smap.stakeholders["mer"].label == "Мэрия города"
    assert smap.stakeholders["mer"].trust == -1
    # "Молодёжная группа" is the app's own Russian name for its youth groups.
    assert report.created_categories == ["Муниципальная власть"]
    assert smap.stakeholders["sov"].category == "youth"
    (tie,) = smap.relationships.values()
    assert (tie.source, tie.target, tie.strength) == ("sov", "mer", 4), "a name finds its id"


def test_arabic_csv_imports_whatever_its_hamza_and_final_letters(tmp_path):
    s = write(
        tmp_path,
        "s.csv",
        # "الفئه" and "الاهتمام" written without taa marbuta or hamza, as keyboards often do.
        "المعرف,الاسم,الفئه,النفوذ,الاهتمام,الثقة,ملاحظات\n"
        "baldia,بلدية المدينة,سلطة محلية,5,4,-1,زيارة في مارس\n"
        "shabab,مجلس الشباب,مجموعة شبابية,2,5,2,\n",
    )
    r = write(tmp_path, "r.csv", "من,إلى,القوة,موجهة\nshabab,بلدية المدينة,4,نعم\n")
    smap, report = import_tables(s, r)
    mayor = smap.stakeholders["baldia"]
    assert (mayor.label, mayor.power, mayor.interest, mayor.trust) == ("بلدية المدينة", 5, 4, -1)
    assert mayor.notes == "زيارة في مارس"
    # "مجموعة شبابية" is the app's own Arabic name for its youth groups.
    assert report.created_categories == ["سلطة محلية"]
    assert smap.stakeholders["shabab"].category == "youth"
    assert report.custom_columns == []
    (tie,) = smap.relationships.values()
    assert (tie.source, tie.target, tie.strength, tie.directed) == ("shabab", "baldia", 4, True)


def test_arabic_workbook_sheets_are_found(tmp_path):
    path = workbook(
        tmp_path,
        "m.xlsx",
        {
            "أصحاب المصلحة": [["المعرف", "الاسم", "الفئة"], ["baldia", "بلدية المدينة", "سلطة"]],
            "العلاقات": [["من", "إلى"], ["baldia", "بلدية المدينة"]],
        },
    )
    smap, report = import_workbook(path)
    assert [s.label for s in smap.stakeholders.values()] == ["بلدية المدينة"]
    assert len(report.left_out) == 1, "the relationships sheet was read: its self-loop is named"


def test_utf16_tab_separated_file_from_excel_imports(tmp_path):
    text = "id\tname\tcategory\tnotes\r\nm\tMayor\tmunicipal\tVisited\r\n"
    s = write(tmp_path, "s.txt", text, "utf-16")
    smap, _ = import_tables(s)
    assert smap.stakeholders["m"].notes == "Visited"


def test_wrong_separator_is_named(tmp_path):
    s = write(tmp_path, "s.csv", "id;name;category\nm;Mayor;municipal\n")
    with pytest.raises(TableImportError) as caught:
        import_tables(s, delimiter=",")
    assert str(caught.value) == (
        "s.csv: required column 'name' is missing (columns found: id;name;category); "
        "the separator looks like ';', not ','."
    )


def test_separator_hint_only_when_a_header_holds_another_separator(tmp_path):
    s = write(tmp_path, "s.csv", "Nom;Catégorie;Pouvoir\nMairie;municipal;5\n", "utf-8-sig")
    with pytest.raises(TableImportError) as caught:
        import_tables(s)
    assert str(caught.value) == (
        "s.csv: required column 'id' is missing "
        "(columns found: Nom (name), Catégorie (category), Pouvoir (power))."
    )


def test_kumu_elements_csv_gets_ids_from_labels(tmp_path):
    s = write(tmp_path, "e.csv", "Label,Type,Description\nCity Hall,municipal,Decides\nRadio,,\n")
    smap, report = import_tables(s)
    assert sorted(smap.stakeholders) == ["city-hall", "radio"]
    assert smap.stakeholders["city-hall"].notes == "Decides"
    assert smap.categories[smap.stakeholders["radio"].category].name == "Unspecified"
    assert [str(p) for p in report.changed] == [
        "e.csv, line 3, column 'category': the category was empty; set to Unspecified"
    ]


def test_table_without_label_or_id_still_needs_an_id(tmp_path):
    s = write(tmp_path, "s.csv", "name,category\nMayor,municipal\n")
    with pytest.raises(TableImportError, match=r"required column 'id' is missing"):
        import_tables(s)


def test_unknown_stakeholder_is_reported_and_other_rows_imported(tmp_path):
    s = write(tmp_path, "s.csv", "id,name,category\na,A,ngo\nb,B,ngo\n")
    r = write(tmp_path, "r.csv", "source,target\na,b\na,ghost\nb,a\n")
    with pytest.raises(TableImportError, match=r"^r.csv, line 3, column 'target': no stake"):
        import_tables(s, r)
    smap, report = import_tables(s, r, skip_bad_rows=True)
    assert len(smap.relationships) == 2
    assert [str(p) for p in report.rejected] == [
        "r.csv, line 3, column 'target': no stakeholder has the id or name 'ghost'"
    ]
    assert "Rejected 1 row:" in report.lines()


def test_every_rejected_and_changed_row_is_reported(tmp_path):
    s = write(
        tmp_path,
        "s.csv",
        "id,name,category,power,review_date,principles\n"
        "a,Mayor,municipal,5,,\n"
        "a,Deputy mayor,municipal,4,,\n"  # duplicate id
        ",Imam,,3,,\n"  # id and category generated
        "c,,faith,2,,\n"  # empty name
        "d,Mayor,municipal,9,,\n"  # out of scale
        "e,Mayor,municipal,3,2026-13-01,\n"  # not a date
        "f,Mayor,municipal,,2026-04-01,1;13\n"  # no such principle
        "g,mayor,municipal,,,1; 11\n",  # same name as line 2
    )
    smap, report = import_tables(s, skip_bad_rows=True)
    assert [str(p) for p in report.rejected] == [
        "s.csv, line 3, column 'id': duplicate id 'a' (also line 2)",
        "s.csv, line 5, column 'name': the name is empty",
        "s.csv, line 6, column 'power': '9' is not a whole number from 1 to 5",
        "s.csv, line 7, column 'review_date': '2026-13-01' is not a date (write it as YYYY-MM-DD)",
        "s.csv, line 8, column 'principles': '13' is not a principle number from 1 to 12",
    ]
    assert [str(p) for p in report.changed] == [
        "s.csv, line 4, column 'category': the category was empty; set to Unspecified",
        "s.csv, line 4, column 'id': the id was empty; 'Imam' was given the id 'imam'",
        "s.csv, line 9, column 'name': another stakeholder is also named 'mayor' (line 2); "
        "relationships that give this name go to the first one",
    ]
    assert sorted(smap.stakeholders) == ["a", "g", "imam"]
    assert smap.stakeholders["g"].principles == (1, 11)
    assert smap.categories[smap.stakeholders["imam"].category].name == "Unspecified"


def test_kumu_workbook_imports_elements_and_connections(tmp_path):
    path = workbook(
        tmp_path,
        "kumu.xlsx",
        {
            "Elements": [
                ["Label", "Type", "Description", "Tags", "Website"],
                ["City Hall", "Municipal authority", "Main decision-maker", "budget|heat", "x.org"],
                ["Youth Network", "Youth group", None, "volunteers", None],
                ["Radio Marenza", "Media", None, None, None],
            ],
            "Connections": [
                ["From", "To", "Type", "Direction", "Strength", "Description"],
                ["Youth Network", "City Hall", "Influence", "directed", 2, "Petitions"],
                ["Radio Marenza", "Youth Network", "Collaboration", "mutual", 4, None],
                ["Radio Marenza", "Nobody", "Influence", "directed", 1, None],
            ],
        },
    )
    smap, report = import_workbook(path, skip_bad_rows=True)
    hall = smap.stakeholders["city-hall"]
    assert (hall.label, hall.category, hall.notes) == (
        "City Hall",
        "municipal",
        "Main decision-maker",
    )
    assert hall.tags == ("budget", "heat")
    assert hall.attributes == {"Website": "x.org"}
    ties = {(r.source, r.target): r for r in smap.relationships.values()}
    petition = ties["youth-network", "city-hall"]
    assert (petition.kind, petition.strength, petition.directed, petition.notes) == (
        "influence",
        2,
        True,
        "Petitions",
    )
    assert ties["radio-marenza", "youth-network"].directed is False, "mutual is undirected"
    assert [str(p) for p in report.rejected] == [
        "kumu.xlsx, sheet Connections, line 4, column 'target': "
        "no stakeholder has the id or name 'Nobody'"
    ]


def test_workbook_without_the_expected_sheets_is_refused(tmp_path):
    path = workbook(tmp_path, "odd.xlsx", {"Budget": [["year", "amount"], [2026, 10]]})
    with pytest.raises(TableImportError) as caught:
        import_workbook(path)
    assert str(caught.value) == (
        "odd.xlsx has no 'Stakeholders' sheet (or Kumu 'Elements' sheet); sheets found: 'Budget'."
    )


def test_workbook_with_translated_sheet_names(tmp_path):
    path = workbook(
        tmp_path,
        "es.xlsx",
        {
            "Actores": [["ID", "Nombre", "Categoría"], ["alc", "Alcaldía", "municipal"]],
            "Relaciones": [["Desde", "Hacia", "Fuerza"], ["alc", "cruz", 3]],
        },
    )
    with pytest.raises(TableImportError, match="Relaciones, line 2, column 'target'"):
        import_workbook(path)


def test_header_only_stakeholder_table_is_refused(tmp_path):
    s = write(tmp_path, "s.csv", "id,name,category\n")
    with pytest.raises(TableImportError, match=r"^s.csv has a header line but no rows\.$"):
        import_tables(s)


def test_rejected_rows_create_nothing_and_names_in_any_script_make_ids(tmp_path):
    path = workbook(
        tmp_path,
        "ru.xlsx",
        {
            "Elements": [["Label", "Type"], ["Мэрия", "Власть"], ["Совет молодёжи", "Молодёжь"]],
            "Connections": [
                ["From", "To", "Type", "Strength"],
                ["Совет молодёжи", "Нет такого", "Давление", 2],
                ["Совет молодёжи", "Мэрия", "Influence!", 2],
            ],
        },
    )
    smap, report = import_workbook(path, skip_bad_rows=True)
    assert sorted(smap.stakeholders) == ["мэрия", "совет-молодёжи"]
    assert report.created_kinds == ["Influence!"], "the rejected row created no kind"
    assert smap.kinds["influence"].name == "Influence", "the default kind is left alone"
    (tie,) = smap.relationships.values()
    assert tie.kind == "influence-2"


def test_a_partners_file_lands_in_the_same_categories_and_kinds_in_any_language(
    tmp_path: Path,
) -> None:
    """A French partner's file names the app's own categories and kinds in French; an app
    speaking English (or Arabic) puts them in the same categories and kinds, creating none."""
    s = write(
        tmp_path,
        "s.csv",
        "id,name,category\nm,Mairie,Autorité municipale\nj,Journal,Médias\nr,Radio,وسائل الإعلام\n",
    )
    r = write(tmp_path, "r.csv", "source,target,kind\nm,j,confiance\nj,r,Financement\n")
    smap, report = import_tables(s, r)
    assert report.created_categories == [] and report.created_kinds == []
    assert [smap.stakeholders[i].category for i in "mjr"] == ["municipal", "media", "media"]
    assert sorted(rel.kind for rel in smap.relationships.values()) == ["funding", "trust"]


def test_a_category_renamed_by_the_user_is_not_found_by_its_old_translations(
    tmp_path: Path,
) -> None:
    from stakeholder_mapper.core.model import StakeholderMap

    mine = StakeholderMap()
    mine.categories["media"] = dataclasses.replace(mine.categories["media"], name="Press")
    s = write(tmp_path, "s.csv", "id,name,category\nj,Journal,Médias\n")
    smap, report = import_tables(s, smap=mine)
    assert report.created_categories == ["Médias"]
    assert smap.stakeholders["j"].category != "media"
