"""Count limits: a file with more stakeholders or relationships than a map may hold is
refused in one sentence, counted before the big structure is built, by every importer
and by ``validate`` alike. The limits are made small here; benchmarks/million.py runs the
real ones on a million rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stakeholder_mapper.cli import main
from stakeholder_mapper.core import limits, validation
from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.core.validation import map_problems
from stakeholder_mapper.io import graph_formats, project, record_counts, table_import, tables
from stakeholder_mapper.io.errors import DamagedMap, MapFileError
from stakeholder_mapper.io.project import load_map, save_map
from stakeholder_mapper.io.tables import TableImportError

STAKEHOLDERS, RELATIONSHIPS = 5, 8


@pytest.fixture(autouse=True)
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """At most 5 stakeholders and 8 relationships, and every project file streamed."""
    for module in (limits, validation, project, record_counts, tables, table_import):
        if hasattr(module, "MAX_STAKEHOLDERS"):
            monkeypatch.setattr(module, "MAX_STAKEHOLDERS", STAKEHOLDERS)
        if hasattr(module, "MAX_RELATIONSHIPS"):
            monkeypatch.setattr(module, "MAX_RELATIONSHIPS", RELATIONSHIPS)
    monkeypatch.setattr(
        record_counts,
        "_MAP_RECORDS",
        {
            key: (what, STAKEHOLDERS if what == "stakeholders" else RELATIONSHIPS)
            for key, (what, _limit) in record_counts._MAP_RECORDS.items()
        },
    )
    monkeypatch.setattr(record_counts, "STREAM_CHECK_BYTES", 0)


def _one_sentence(message: str) -> None:
    assert message.endswith(".") and "\n" not in message and ". " not in message


def _csv(path: Path, rows: int) -> Path:
    lines = ["id,name,category"] + [f"s{i},Stakeholder {i},ngo" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _gexf(path: Path, nodes: int) -> Path:
    body = "".join(f'<node id="s{i}" label="Stakeholder {i}"/>' for i in range(nodes))
    path.write_text(
        '<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3">'
        f"<graph><nodes>{body}</nodes><edges/></graph></gexf>",
        encoding="utf-8",
    )
    return path


def _map(stakeholders: int, relationships: int = 0) -> StakeholderMap:
    smap = StakeholderMap()
    for i in range(stakeholders):
        smap.stakeholders[f"s{i}"] = Stakeholder(id=f"s{i}", label=f"S{i}", category="ngo")
    for i in range(relationships):
        smap.relationships[f"r{i}"] = Relationship(id=f"r{i}", source="s0", target="s1")
    return smap


def test_a_csv_beyond_the_limit_is_refused_before_the_table_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pandas as pd

    def never(*_args, **_kwargs):
        raise AssertionError("the table was built")

    monkeypatch.setattr(pd, "read_csv", never)
    path = _csv(tmp_path / "people.csv", STAKEHOLDERS + 1)
    with pytest.raises(TableImportError) as caught:
        table_import.import_tables(path)
    assert str(caught.value) == (
        "people.csv holds more than 5 stakeholders, the most a map may hold; "
        "split it by region or by category."
    )
    _one_sentence(str(caught.value))


def test_a_csv_at_the_limit_imports_and_the_map_validates(tmp_path: Path, capsys) -> None:
    path = _csv(tmp_path / "people.csv", STAKEHOLDERS)
    out = tmp_path / "city.smap"
    assert main(["import", "--stakeholders", str(path), "-o", str(out)]) == 0
    assert len(load_map(out).stakeholders) == STAKEHOLDERS
    assert main(["validate", str(out)]) == 0
    assert "city.smap is valid: 5 stakeholders" in capsys.readouterr().out


def test_rows_spanning_lines_are_counted_as_rows(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    rows = [f's{i},"Stakeholder\n{i}",ngo' for i in range(STAKEHOLDERS)]
    path.write_text("id,name,category\n" + "\n".join(rows) + "\n", encoding="utf-8")
    smap, _report = table_import.import_tables(path)
    assert len(smap.stakeholders) == STAKEHOLDERS


def test_a_relationships_csv_beyond_its_limit_is_refused(tmp_path: Path) -> None:
    people = _csv(tmp_path / "people.csv", 2)
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target\n" + "s0,s1\n" * (RELATIONSHIPS + 1), encoding="utf-8")
    with pytest.raises(TableImportError, match=r"^ties\.csv holds more than 8 relationships"):
        table_import.import_tables(people, ties)


def test_a_workbook_counts_its_filled_rows(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Stakeholders"
    sheet.append(["id", "name", "category"])
    for i in range(STAKEHOLDERS):  # blank rows between: the sheet spans 41 rows
        for column, value in enumerate((f"s{i}", f"Stakeholder {i}", "ngo"), start=1):
            sheet.cell(row=2 + 10 * i, column=column, value=value)
    book.save(tmp_path / "people.xlsx")
    assert len(tables.read_workbook(tmp_path / "people.xlsx")["Stakeholders"].frame) == 41
    smap, _report = table_import.import_workbook(tmp_path / "people.xlsx")
    assert len(smap.stakeholders) == STAKEHOLDERS
    sheet.append(["extra", "Extra", "ngo"])
    book.save(tmp_path / "more.xlsx")
    with pytest.raises(TableImportError) as caught:
        table_import.import_workbook(tmp_path / "more.xlsx")
    assert str(caught.value).startswith(
        "more.xlsx, sheet Stakeholders holds more than 5 stakeholders, the most a map may hold"
    )


def test_a_gexf_beyond_the_limit_is_refused_before_the_tree_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*_args, **_kwargs):
        raise AssertionError("the tree was built")

    monkeypatch.setattr(graph_formats, "fromstring", never)
    path = _gexf(tmp_path / "graph.gexf", STAKEHOLDERS + 1)
    with pytest.raises(TableImportError) as caught:
        graph_formats.import_gexf(path)
    assert str(caught.value).startswith("graph.gexf holds more than 5 stakeholders, the most")
    _one_sentence(str(caught.value))


def test_a_gexf_at_the_limit_imports(tmp_path: Path) -> None:
    smap, _report = graph_formats.import_gexf(_gexf(tmp_path / "graph.gexf", STAKEHOLDERS))
    assert len(smap.stakeholders) == STAKEHOLDERS


def test_a_gexf_with_a_doctype_is_still_refused_by_the_full_parse(tmp_path: Path) -> None:
    path = tmp_path / "graph.gexf"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY a "aaaa">]>'
        '<gexf><graph><nodes><node id="a" label="&a;"/></nodes></graph></gexf>',
        encoding="utf-8",
    )
    with pytest.raises(TableImportError, match="declares a document type or entities"):
        graph_formats.import_gexf(path)


def test_a_map_file_beyond_the_limit_is_refused_before_json_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    path = tmp_path / "city.smap"
    save_map(_map(STAKEHOLDERS), path)
    doc = json.loads(path.read_bytes())
    doc["stakeholders"].append({"id": "extra", "label": "Extra", "category": "ngo"})
    path.write_text(json.dumps(doc), encoding="utf-8")

    def never(*_args, **_kwargs):
        raise AssertionError("the whole document was parsed")

    monkeypatch.setattr(json, "loads", never)
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert not isinstance(caught.value, DamagedMap), "a backup would not help"
    assert str(caught.value) == (
        "city.smap holds more than 5 stakeholders, the most a map may hold; "
        "split it by region or by category."
    )
    assert main(["validate", str(path)]) == 2
    assert capsys.readouterr().err == f"error: {caught.value}\n"


def test_a_snapshot_beyond_the_limit_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "city.smap"
    save_map(_map(2), path)
    doc = json.loads(path.read_bytes())
    content = json.loads(project.dumps_map(_map(STAKEHOLDERS + 1)))
    doc["snapshots"] = [
        {"id": "q1", "name": "Q1", "created": "2026-03-01T10:00:00", "content": content}
    ]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(MapFileError, match=r"^city\.smap holds more than 5 stakeholders"):
        load_map(path)


def test_small_files_are_counted_after_parsing_with_the_same_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_counts, "STREAM_CHECK_BYTES", 2**30)
    path = tmp_path / "city.smap"
    path.write_bytes(project.dumps_map(_map(3, RELATIONSHIPS + 1)))
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert str(caught.value) == (
        "city.smap holds more than 8 relationships, the most a map may hold; "
        "split it by region or by category."
    )


def test_validate_applies_the_same_limit_to_a_map_in_memory() -> None:
    assert map_problems(_map(STAKEHOLDERS)) == []
    assert map_problems(_map(STAKEHOLDERS + 1)) == [
        "The map holds more than 5 stakeholders, the most a map may hold; "
        "split it by region or by category."
    ]
