"""Exports read back give the same map; other tools' parsers see every attribute."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

import igraph
import pytest
from openpyxl import load_workbook

from stakeholder_mapper.core.model import MapInfo
from stakeholder_mapper.io.columns import RELATIONSHIP_COLUMNS
from stakeholder_mapper.io.graph_formats import (
    export_gexf,
    export_graphml,
    import_gexf,
    import_graphml,
)
from stakeholder_mapper.io.table_export import csv_paths, export_csv, export_xlsx
from stakeholder_mapper.io.table_import import import_tables, import_workbook
from stakeholder_mapper.io.tables import TableImportError


def test_xlsx_round_trip_is_lossless(rich_map, tmp_path):
    export_xlsx(rich_map, tmp_path / "map.xlsx")
    back, report = import_workbook(tmp_path / "map.xlsx")
    assert back == rich_map
    assert report.rejected == [] and report.changed == []


def test_xlsx_has_one_sheet_per_table_and_formulas_stay_text(rich_map, tmp_path):
    export_xlsx(rich_map, tmp_path / "map.xlsx")
    book = load_workbook(tmp_path / "map.xlsx")
    assert book.sheetnames == ["Stakeholders", "Relationships", "Metrics", "Map"]
    sheet = book["Stakeholders"]
    header = [c.value for c in sheet[1]]
    tsg = [c for c in sheet[3]]
    assert tsg[header.index("name")].value == "Союз жильцов"
    cell = sheet.cell(2, header.index("notes") + 1)
    assert cell.data_type == "s" and cell.value.startswith("Line one")
    injected = dataclasses.replace(rich_map.stakeholders["imam"], notes="=HYPERLINK(1)")
    rich_map.stakeholders["imam"] = injected
    export_xlsx(rich_map, tmp_path / "map.xlsx")
    cell = load_workbook(tmp_path / "map.xlsx")["Stakeholders"].cell(5, header.index("notes") + 1)
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s"), "text, not a formula"


def test_partner_level_export_leaves_out_personal_data(rich_map, tmp_path):
    export_xlsx(rich_map, tmp_path / "partner.xlsx", level="partner")
    back, _ = import_workbook(tmp_path / "partner.xlsx")
    assert all(not s.person and not s.contact for s in back.stakeholders.values())
    assert all(s.trust is None for s in back.stakeholders.values())
    assert "Ana Pérez" not in (tmp_path / "partner.xlsx").read_bytes().decode("latin-1")


def test_csv_export_writes_sibling_tables_that_read_back(rich_map, tmp_path):
    written = export_csv(rich_map, tmp_path / "city.csv")
    paths = csv_paths(tmp_path / "city.csv")
    assert written == [paths["stakeholders"], paths["relationships"], paths["metrics"]]
    assert paths["relationships"].name == "city_relationships.csv"
    assert paths["relationships"].read_text("utf-8-sig").splitlines()[0] == ",".join(
        RELATIONSHIP_COLUMNS
    )
    back, _ = import_tables(*written[:2])
    assert back.stakeholders == rich_map.stakeholders
    assert back.relationships == rich_map.relationships
    assert back.positions == rich_map.positions and back.pinned == rich_map.pinned


def test_graphml_round_trip_is_lossless(rich_map, tmp_path):
    export_graphml(rich_map, tmp_path / "map.graphml")
    back, report = import_graphml(tmp_path / "map.graphml")
    assert back == rich_map
    assert report.rejected == [] and report.changed == []


def test_gexf_round_trip_keeps_everything_gexf_can_carry(rich_map, tmp_path):
    # GEXF has no graph attributes: city, branch, author, plan settings and sharing marks
    # stay behind.
    rich_map.info = MapInfo(title=rich_map.info.title, purpose="Heat", date=rich_map.info.date)
    rich_map.plan_settings = {}
    rich_map.sharing = {}
    export_gexf(rich_map, tmp_path / "map.gexf")
    back, report = import_gexf(tmp_path / "map.gexf")
    assert back == rich_map
    assert report.rejected == [] and report.changed == []


def test_graphml_is_read_by_igraph_with_every_attribute(rich_map, tmp_path):
    export_graphml(rich_map, tmp_path / "map.graphml")
    graph = igraph.Graph.Read_GraphML(str(tmp_path / "map.graphml"))
    # Four ties, two of them two-way: each of those is two arcs, one each way.
    assert graph.is_directed() and graph.vcount() == 4 and graph.ecount() == 6
    mayor = graph.vs.find(id="mayor")
    expected = {
        "label": "Mayor of Marenza",
        "category": "municipal",
        "organisation": "City hall",
        "role": "Mayor",
        "level": "city",
        "power": 5,
        "influence": 12,
        "votes": 7,
        "interest": 3,
        "position": 1,
        "trust": -1,
        "focal_point": "Branch director",
        "principles": "1; 11",
        "tags": '["decision-maker", "elected", "budget, planning"]',
        "sensitivity": "confidential",
        "review_date": "2026-06-30",
        "source": "Workshop 2026-02",
        "informed": True,
        "person": "Ana Pérez",
        "contact": "ana@example.org",
        "x": 120.5,
        "y": -40.25,
        "pinned": True,
        "district": "Centre",
        "attribute:power": "custom value",
        "category_name": "City hall",
        "category_colour": "#0072B2",
    }
    assert {k: mayor[k] for k in expected} == expected
    assert '"mou_status": "drafting"' in mayor["engagement"]
    assert '"summary": "First visit"' in mayor["log"]
    # Found by its ends: igraph 1.0 fills the edge "id" attribute with node ids.
    edge = graph.es[graph.get_eid(graph.vs.find(id="imam").index, mayor.index)]
    assert {k: edge[k] for k in ("kind", "strength", "directed", "notes", "confidence")} == {
        "kind": "advice",
        "strength": 5,
        "directed": True,
        "notes": "Weekly",
        "confidence": "assumed",
    }


def test_gexf_is_well_formed_gexf_13_with_viz(rich_map, tmp_path):
    export_gexf(rich_map, tmp_path / "map.gexf")
    root = ET.parse(tmp_path / "map.gexf").getroot()
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    mayor = root.find(".//g:node[@id='mayor']", ns)
    assert mayor.get("label") == "Mayor of Marenza"
    # The canvas draws y downwards, Gephi upwards: Gephi shows the mayor above the middle.
    assert mayor.find("viz:position", ns).attrib == {"x": "120.5", "y": "40.25", "z": "0.0"}
    assert mayor.find("viz:color", ns).attrib == {"r": "0", "g": "114", "b": "178"}
    assert mayor.find("viz:shape", ns).get("value") == "square"
    # A map with one-way and two-way ties is a directed graph; a two-way tie is two arcs.
    assert root.find("g:graph", ns).get("defaultedgetype") == "directed"
    conflict = root.find(".//g:edge[@id='r3']", ns)
    back = root.find(".//g:edge[@id='r3~reverse']", ns)
    ends = (conflict.get("source"), conflict.get("target"))
    assert ends == (back.get("target"), back.get("source"))
    assert conflict.get("weight") == back.get("weight") == "2"


def test_metrics_sheet_and_table_carry_the_analysis(small_map, tmp_path):
    export_xlsx(small_map, tmp_path / "map.xlsx")
    sheet = load_workbook(tmp_path / "map.xlsx")["Metrics"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = rows[0]
    assert header[:5] == ["id", "name", "category", "betweenness", "gf_coordinator"]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    # The imam is on the only most-trusted route branch→mayor and youth→mayor:
    # 2 of the (4-1)(4-2) = 6 ordered pairs of others.
    assert by_id["imam"]["betweenness"] == pytest.approx(1 / 3)
    assert (by_id["imam"]["in_degree"], by_id["imam"]["out_degree"]) == (2, 1)
    assert by_id["mayor"]["betweenness"] == 0
    written = export_csv(small_map, tmp_path / "city.csv")
    lines = written[2].read_text("utf-8-sig").splitlines()
    assert lines[0].startswith("id,name,category,betweenness,")
    imam = next(line for line in lines if line.startswith("imam,"))
    assert imam.split(",")[3] == "0.3333333333333333"


GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def _graphml_with(path, name: str, text: str) -> None:
    ET.register_namespace("", GRAPHML[1:-1])
    tree = ET.parse(path)
    (key,) = [k.get("id") for k in tree.iter(f"{GRAPHML}key") if k.get("attr.name") == name]
    graph = tree.getroot().find(f"{GRAPHML}graph")
    (data,) = [d for d in graph.findall(f"{GRAPHML}data") if d.get("key") == key]
    data.text = text
    tree.write(path, xml_declaration=True, encoding="utf-8")


def _xlsx_with(path, name: str, text: str) -> None:
    book = load_workbook(path)
    sheet = book["Map"]
    (row,) = [r for r in sheet.iter_rows() if r[0].value == name]
    row[1].value = text
    book.save(path)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("categories", "[{not json", "categories: is not valid JSON"),
        ("kinds", '[{"id": "trust"}]', "kinds"),
        ("plan_settings", "[1, 2]", "plan_settings: should be an object"),
    ],
)
@pytest.mark.parametrize("form", ["graphml", "xlsx"])
def test_bad_map_setting_is_named_in_either_format(rich_map, tmp_path, form, name, text, message):
    path = tmp_path / f"map.{form}"
    if form == "graphml":
        export_graphml(rich_map, path)
        _graphml_with(path, name, text)
        read = import_graphml
    else:
        export_xlsx(rich_map, path)
        _xlsx_with(path, name, text)
        read = import_workbook
    with pytest.raises(TableImportError, match=message) as caught:
        read(path)
    assert str(caught.value).startswith(f"map.{form}") or str(caught.value).startswith("Map")
    assert "\n" not in str(caught.value)
