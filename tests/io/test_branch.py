"""The branch a file names: by id, or by label in older files; a name matching no
stakeholder is reported and no branch is set."""

from __future__ import annotations

import dataclasses
import json

import pytest

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.limits import MAX_PLAN_ITEMS
from stakeholder_mapper.core.model import MapInfo
from stakeholder_mapper.io.errors import MapFileError
from stakeholder_mapper.io.graph_formats import export_gexf, export_graphml
from stakeholder_mapper.io.project import FORMAT_VERSION, dumps_map, load_map, loads_map
from stakeholder_mapper.io.table_export import export_xlsx
from stakeholder_mapper.io.table_import import import_workbook
from stakeholder_mapper.io.tables import TableImportError, read_workbook


def test_version_1_file_naming_the_branch_by_label_opens_with_its_id(rich_map, tmp_path):
    doc = json.loads(dumps_map(rich_map))
    doc["format_version"] = 1
    doc["map"] = {k: doc["map"][k] for k in ("title", "city", "author", "purpose", "date")}
    doc["map"]["branch"] = "red crescent BRANCH "
    path = tmp_path / "old.smap"
    path.write_text(json.dumps(doc), encoding="utf-8")
    smap = load_map(path)
    assert smap.info.branch == "branch"
    assert smap.info.risks == () and smap.info.problem == ""
    assert json.loads(dumps_map(smap))["format_version"] == FORMAT_VERSION == 3


def test_plan_fields_survive_save_and_reopen(rich_map, tmp_path):
    back = loads_map(dumps_map(rich_map))
    assert back.info == rich_map.info
    assert back.info.risks[0].impact == "high"
    assert back.info.distribution == ("Branch board", "National Society HQ, 'HD unit'; legal")


def test_map_sheet_branch_by_label_is_turned_into_the_id(rich_map, tmp_path):
    path = tmp_path / "map.xlsx"
    export_xlsx(rich_map, path)
    rows = read_workbook(path)["Map"].frame
    assert rows[rows.iloc[:, 0] == "branch"].iloc[0, 1] == "branch"
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book["Map"]
    for row in sheet.iter_rows():
        if row[0].value == "branch":
            row[1].value = "Red Crescent branch"
    book.save(path)
    smap, report = import_workbook(path)
    assert smap.info.branch == "branch"
    assert report.branch_dropped == ""


def test_map_sheet_branch_matching_nobody_is_reported_not_guessed(rich_map, tmp_path):
    rich_map.info = MapInfo(title="T", branch="North branch")
    path = tmp_path / "map.xlsx"
    export_xlsx(rich_map, path)
    smap, report = import_workbook(path)
    assert smap.info.branch == ""
    assert report.lines()[-1] == (
        "The branch named in the file, 'North branch', is not a stakeholder of the map: "
        "no branch is set (choose it in Map details or with --branch)."
    )


@pytest.mark.parametrize("suffix", ["xlsx", "graphml", "gexf"])
def test_branch_flag_for_file_imports(rich_map, tmp_path, suffix):
    rich_map.info = dataclasses.replace(rich_map.info, branch="")
    source = tmp_path / f"map.{suffix}"
    {"xlsx": export_xlsx, "graphml": export_graphml, "gexf": export_gexf}[suffix](rich_map, source)
    out = tmp_path / "city.smap"
    assert main(["import", str(source), "-o", str(out)]) == 0
    assert load_map(out).info.branch == ""
    assert main(["import", str(source), "-o", str(out), "--branch", "imam"]) == 0
    assert load_map(out).info.branch == "imam"


@pytest.mark.parametrize("suffix", ["xlsx", "graphml"])
def test_map_sheet_and_graph_data_carry_the_branch(rich_map, tmp_path, suffix):
    source = tmp_path / f"map.{suffix}"
    (export_xlsx if suffix == "xlsx" else export_graphml)(rich_map, source)
    out = tmp_path / "city.smap"
    assert main(["import", str(source), "-o", str(out)]) == 0
    assert load_map(out).info.branch == "branch"


def test_a_plan_list_beyond_the_limit_is_refused_in_one_sentence(rich_map, tmp_path):
    doc = json.loads(dumps_map(rich_map))
    doc["map"]["calendar"] = [{"date": "2027-01-01", "what": "Vote"}] * (MAX_PLAN_ITEMS + 1)
    path = tmp_path / "big.smap"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    message = str(caught.value)
    assert f"map.calendar: should have at most {MAX_PLAN_ITEMS} entries, not 501" in message
    assert "\n" not in message


def test_a_bad_risk_in_the_map_sheet_names_the_setting(rich_map, tmp_path):
    path = tmp_path / "map.xlsx"
    export_xlsx(rich_map, path)
    import openpyxl

    book = openpyxl.load_workbook(path)
    for row in book["Map"].iter_rows():
        if row[0].value == "risks":
            row[1].value = '[{"description": "Cut", "likelihood": "certain"}]'
    book.save(path)
    with pytest.raises(TableImportError, match=r"risks\[0\]\.likelihood: should be 'low', "):
        import_workbook(path)
