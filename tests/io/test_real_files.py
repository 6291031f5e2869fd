"""Real network files from other tools (tests/data/real, see SOURCES.md) import whole.

Each file's stakeholders and ties are held against counts read independently (igraph
for GraphML, the raw XML for GEXF, the csv module for Gephi's tables), and each map is
exported back to GraphML and GEXF and read again by networkx and igraph with the same
counts and directedness.
"""

from __future__ import annotations

import csv
import dataclasses
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
import pytest
from openpyxl import Workbook

from stakeholder_mapper.io.graph_formats import (
    export_gexf,
    export_graphml,
    import_gexf,
    import_graphml,
)
from stakeholder_mapper.io.merge import merge_command
from stakeholder_mapper.io.project import load_map, save_map
from stakeholder_mapper.io.table_export import csv_paths, export_csv, export_xlsx
from stakeholder_mapper.io.table_import import import_tables, import_workbook
from stakeholder_mapper.io.tables import TableImportError

REAL = Path(__file__).parent.parent / "data" / "real"
GRAPHS = sorted(p.name for p in REAL.iterdir() if p.suffix in (".graphml", ".gexf"))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _expected(path: Path) -> tuple[int, int, bool]:
    """Nodes, ties between two different nodes, and directedness, read without the app."""
    if path.suffix == ".graphml":
        graph = _igraph(path)
        loops = sum(graph.is_loop())
        return graph.vcount(), graph.ecount() - loops, graph.is_directed()
    root = ET.parse(path).getroot()
    nodes = [e for e in root.iter() if _local(e.tag) == "node"]
    edges = [e for e in root.iter() if _local(e.tag) == "edge"]
    ties = sum(1 for e in edges if e.get("source") != e.get("target"))
    graph = next(e for e in root.iter() if _local(e.tag) == "graph")
    return len(nodes), ties, graph.get("defaultedgetype", "directed") != "undirected"


def _igraph(path: Path) -> igraph.Graph:
    """The file as igraph reads it; its warnings about yFiles' own keys are not ours."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return igraph.Graph.Read_GraphML(str(path))


def _import(path: Path):
    reader = import_graphml if path.suffix == ".graphml" else import_gexf
    return reader(path)


def test_the_collection_holds_at_least_fifteen_small_files():
    files = [p for p in REAL.iterdir() if p.name != "SOURCES.md"]
    assert len(files) >= 15
    assert all(p.stat().st_size < 2**20 for p in files)
    sources = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    assert all(p.name in sources for p in files), "every file has its source and licence"


@pytest.mark.parametrize("name", GRAPHS)
def test_real_file_imports_whole_and_goes_back_out(name, tmp_path):
    path = REAL / name
    smap, report = _import(path)
    nodes, ties, directed = _expected(path)
    assert (len(smap.stakeholders), len(smap.relationships)) == (nodes, ties)
    assert {r.directed for r in smap.relationships.values()} <= {directed}
    assert len(report.lines()) < 15, "the report is grouped, never a line per row"
    export_graphml(smap, tmp_path / "back.graphml")
    export_gexf(smap, tmp_path / "back.gexf")
    for graph in (nx.read_graphml(tmp_path / "back.graphml"), nx.read_gexf(tmp_path / "back.gexf")):
        assert (graph.number_of_nodes(), graph.number_of_edges()) == (nodes, ties)
        assert graph.is_directed() == directed or not ties
    again = _igraph(tmp_path / "back.graphml")
    assert (again.vcount(), again.ecount()) == (nodes, ties)
    assert again.is_directed() == directed or not ties


def test_gephi_tables_import_without_a_category_column():
    nodes, edges = REAL / "gephi-nodes-table.csv", REAL / "gephi-edges-table.csv"
    with nodes.open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh) if any(c.strip() for c in r)][1:]
    with edges.open(encoding="utf-8") as fh:
        ties = list(csv.DictReader(fh))
    smap, report = import_tables(nodes, edges)
    assert sorted(smap.stakeholders) == sorted(r[0] for r in rows)
    assert len(smap.relationships) == len(ties)
    assert {s.category for s in smap.stakeholders.values()} == {"unspecified"}
    assert smap.stakeholders["2"].label == "2", "a blank Gephi label is the node's id"
    assert any("no category column" in line for line in report.lines())


def test_les_miserables_keeps_its_strongest_ties_and_their_weights():
    smap, report = import_gexf(REAL / "gephi-les-miserables.gexf")
    by_name = {s.label: s.id for s in smap.stakeholders.values()}
    ends = {by_name["Cosette"], by_name["Valjean"]}
    (tie,) = [r for r in smap.relationships.values() if {r.source, r.target} == ends]
    assert (tie.strength, float(tie.attributes["weight"])) == (5, 31.0)
    weights = {
        float(r.attributes.get("weight", 1)): r.strength for r in smap.relationships.values()
    }
    assert weights[1.0] == 1, "an edge without a weight takes the file's default, 1"
    ranked = [weights[w] for w in sorted(weights)]
    assert ranked == sorted(ranked), "a heavier tie is never weaker"
    assert any("ranked onto strength 1 to 5" in line for line in report.lines())


def test_exported_weights_are_the_files_own(tmp_path):
    smap, _ = import_graphml(REAL / "igraph-test.graphml")
    export_graphml(smap, tmp_path / "back.graphml")
    graph = nx.read_graphml(tmp_path / "back.graphml")
    # Three edges gave no weight: they took the file's default, 1, and say so.
    assert sorted(w for *_, w in graph.edges(data="weight")) == [1, 1, 1, 1, 1, 1.1, 2]
    assert not graph.is_directed()


def test_gephi_java_dates_colours_and_positions(tmp_path):
    smap, report = import_gexf(REAL / "gephi-java.gexf")
    applet = next(s for s in smap.stakeholders.values() if s.label == "java.applet.Applet")
    assert applet.colour == "#FE6E06"
    # 1,538 edge ids are also node ids, as GEXF allows: renamed without a word.
    assert not any("stakeholder's id" in line for line in report.lines())
    assert not set(smap.relationships) & set(smap.stakeholders)
    context = next(s for s in smap.stakeholders.values() if s.label == "java.applet.AppletContext")
    assert smap.positions[context.id] == (203.91348, 335.2617), "y as Gephi shows it"
    assert smap.info.date is not None and smap.info.date.isoformat() == "2010-04-01"
    export_gexf(smap, tmp_path / "back.gexf")
    back = nx.read_gexf(tmp_path / "back.gexf")
    assert back.nodes[context.id]["viz"]["position"]["y"] == pytest.approx(-335.2617)
    assert back.nodes[applet.id]["viz"]["color"] == {"r": 254, "g": 110, "b": 6, "a": 1.0}


def test_polinode_position_is_kept_as_an_attribute_and_its_date_reported():
    smap, report = import_gexf(REAL / "graphology-case.gexf")
    assert "VP" in {s.attributes.get("Position") for s in smap.stakeholders.values()}
    assert all(s.position is None for s in smap.stakeholders.values())
    lines = report.lines()
    assert any("'02-05-2014' is not a date" in line for line in lines)
    assert any("'Position' was kept as a custom attribute" in line for line in lines)


def test_jung_hyperedges_are_counted_and_left_out():
    smap, report = import_graphml(REAL / "jung-hyper.graphml")
    assert (len(smap.stakeholders), len(smap.relationships)) == (7, 1)
    assert any("3 hyperedges" in line and "left out" in line for line in report.lines())


def test_yfiles_for_html_labels_name_the_stakeholders():
    smap, _ = import_graphml(REAL / "igraph-yfiles-for-html.graphml")
    assert "Top left rounded rectangle" in {s.label for s in smap.stakeholders.values()}


def test_a_self_loop_is_left_out_even_in_a_strict_import():
    smap, report = import_gexf(REAL / "gephi-data.gexf")
    assert len(smap.stakeholders) == 1 and not smap.relationships
    assert len(report.left_out) == 1 and "self-loop" in report.left_out[0].message


def test_yed_groups_and_nested_graphs_import_every_node(tmp_path):
    path = tmp_path / "groups.graphml"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0" yfiles.foldertype="group">
      <data key="d6"><y:ProxyAutoBoundsNode><y:Realizers><y:GroupNode>
        <y:Fill color="#F5F5F5"/><y:NodeLabel>City hall</y:NodeLabel>
      </y:GroupNode></y:Realizers></y:ProxyAutoBoundsNode></data>
      <graph edgedefault="directed" id="n0:">
        <node id="n0::n0"><data key="d6"><y:ShapeNode><y:Fill color="#FF0000"/>
          <y:NodeLabel>Mayor</y:NodeLabel></y:ShapeNode></data></node>
        <node id="n0::n1"/>
      </graph>
    </node>
    <node id="n1"/>
    <edge source="n1" target="n0"/>
    <edge source="n0::n0" target="n1"/>
    <hyperedge><endpoint node="n1"/><endpoint node="n0::n0"/><endpoint node="n0::n1"/></hyperedge>
  </graph>
</graphml>""",
        encoding="utf-8",
    )
    smap, report = import_graphml(path)
    assert len(smap.stakeholders) == 4 and len(smap.relationships) == 2
    mayor = smap.stakeholders["n0::n0"]
    assert (mayor.label, mayor.attributes["group of"], mayor.colour) == (
        "Mayor",
        "City hall",
        "#FF0000",
    )
    lines = report.lines()
    assert any("1 group holding 2 nodes" in line for line in lines)
    assert any("1 hyperedge" in line for line in lines)


def test_a_gexf_hierarchy_imports_every_node(tmp_path):
    path = tmp_path / "hierarchy.gexf"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="undirected">
    <nodes>
      <node id="a" label="Municipality">
        <nodes><node id="b" label="Mayor"/><node id="c" label="Council"/></nodes>
      </node>
      <node id="d" label="Red Cross branch"/>
    </nodes>
    <edges><edge source="d" target="b"/><edge source="d" target="a"/></edges>
  </graph>
</gexf>""",
        encoding="utf-8",
    )
    smap, _ = import_gexf(path)
    assert sorted(smap.stakeholders) == ["a", "b", "c", "d"]
    assert smap.stakeholders["c"].attributes["group of"] == "Municipality"
    assert len(smap.relationships) == 2


def test_words_fill_a_translated_scale_and_the_apps_own_columns_stay_strict(tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("id,name,Pouvoir\na,Mairie,élevé\nb,Jeunes,Faible\n", encoding="utf-8")
    smap, report = import_tables(people)
    assert (smap.stakeholders["a"].power, smap.stakeholders["b"].power) == (4, 2)
    assert any("the words in 'Pouvoir' were read as power" in line for line in report.lines())
    own = tmp_path / "own.csv"
    own.write_text("id,name,power\na,Mairie,High\n", encoding="utf-8")
    with pytest.raises(TableImportError, match="line 2, column 'power'"):
        import_tables(own)


def test_the_separator_sniffer_skips_quoted_text(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text('"Last, First";id;name\n"Doe, Jane";a;Mairie\n', encoding="utf-8")
    smap, _ = import_tables(path)
    assert smap.stakeholders["a"].attributes == {"Last, First": "Doe, Jane"}


def test_a_kumu_workbook_keeps_its_influence_words_and_weights(tmp_path):
    book = Workbook()
    elements = book.active
    elements.title = "Elements"
    for row in (
        ["Label", "Type", "Influence", "Power"],
        ["City hall", "Municipal authority", "High", "High"],
        ["Youth council", "Youth group", "Low", "Medium"],
        ["Radio Delta", "Media", "Medium", "very high"],
    ):
        elements.append(row)
    connections = book.create_sheet("Connections")
    for row in (
        ["From", "To", "Type", "Strength"],
        ["Youth council", "City hall", "Influence", 8],
        ["Radio Delta", "City hall", "Influence", 0.5],
        ["City hall", "City hall", "Influence", 1],
    ):
        connections.append(row)
    book.save(tmp_path / "kumu.xlsx")
    smap, report = import_workbook(tmp_path / "kumu.xlsx")
    hall = smap.stakeholders["city-hall"]
    assert (hall.influence, hall.attributes["Influence"], hall.power) == (None, "High", 4)
    assert smap.stakeholders["radio-delta"].power == 5
    strengths = {
        r.source: (r.strength, r.attributes["Strength"]) for r in smap.relationships.values()
    }
    assert strengths == {"youth-council": (5, "8"), "radio-delta": (1, "0.5")}
    assert len(report.left_out) == 1, "the self-loop is left out, not fatal"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "stakeholder_mapper.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_strict_cli_imports_a_real_file_and_refuses_bad_own_values(tmp_path):
    out = tmp_path / "java.smap"
    done = _cli("import", str(REAL / "gephi-java.gexf"), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "1,538 stakeholders" in done.stdout and len(done.stdout.splitlines()) < 15
    broken = tmp_path / "broken.gexf"
    broken.write_text((REAL / "gexf-primer-simple.gexf").read_text()[:-30], encoding="utf-8")
    bad = tmp_path / "own.csv"
    bad.write_text("id,name,power\na,City hall,High\n", encoding="utf-8")
    for args in ((str(broken),), ("--stakeholders", str(bad))):
        done = _cli("import", *args, "-o", str(tmp_path / "x.smap"))
        assert done.returncode == 2
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_a_file_with_many_categories_is_reported_in_a_short_line(tmp_path):
    people = tmp_path / "people.csv"
    rows = "".join(f"s{i},Actor {i},Type {i}\n" for i in range(40))
    people.write_text("id,name,category\n" + rows, encoding="utf-8")
    smap, report = import_tables(people)
    assert len(smap.categories) >= 40
    (line,) = [line for line in report.lines() if line.startswith("Created categories")]
    assert line.endswith("Type 11 and 28 more.")


def test_the_cli_refuses_an_import_that_rejects_every_stakeholder(tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("id,name,power\na,City hall,9\nb,Radio,7\n", encoding="utf-8")
    out = tmp_path / "out.smap"
    done = _cli("import", "--stakeholders", str(people), "--skip-bad-rows", "-o", str(out))
    assert done.returncode == 2 and not out.exists()
    assert done.stderr.strip().splitlines() == [
        "error: people.csv: every stakeholder row was rejected, so nothing was imported (the "
        "first: people.csv, line 2, column 'power': '9' is not a whole number from 1 to 5)."
    ]


def test_merging_a_weighted_file_adds_its_weights_to_the_maps_ties():
    bare, _ = import_graphml(REAL / "igraph-test.graphml")
    for rid, tie in list(bare.relationships.items()):
        bare.relationships[rid] = dataclasses.replace(tie, attributes={"seen": "workshop"})
    incoming, _ = import_graphml(REAL / "igraph-test.graphml")
    command, plan = merge_command(bare, incoming, "Import igraph-test.graphml")
    assert plan.relationships_updated == 7 and plan.relationships_added == 0
    command.redo()
    tie = next(r for r in bare.relationships.values() if {r.source, r.target} == {"n5", "n4"})
    assert tie.attributes == {"seen": "workshop", "weight": "1.1"}
    command.undo()
    assert tie.id in bare.relationships and bare.relationships[tie.id].attributes == {
        "seen": "workshop"
    }


def test_an_imported_map_keeps_colours_weights_and_sizes_in_every_own_format(tmp_path):
    smap, _ = import_gexf(REAL / "gephi-les-miserables.gexf")
    save_map(smap, tmp_path / "m.smap")
    assert load_map(tmp_path / "m.smap") == smap
    export_xlsx(smap, tmp_path / "m.xlsx")
    export_csv(smap, tmp_path / "m.csv", metrics=False)
    back, _ = import_workbook(tmp_path / "m.xlsx")
    assert back.stakeholders == smap.stakeholders
    assert back.relationships == smap.relationships
    tables = csv_paths(tmp_path / "m.csv")
    back, _ = import_tables(tables["stakeholders"], tables["relationships"])
    assert back.stakeholders == smap.stakeholders
    assert back.relationships == smap.relationships
    export_graphml(smap, tmp_path / "m.graphml")
    back, _ = import_graphml(tmp_path / "m.graphml")
    assert back == smap


def test_gephis_graphml_keeps_its_colours_sizes_and_y_as_gephi_shows_it():
    smap, _ = import_graphml(REAL / "graphology-miserables.graphml")
    valjean = smap.stakeholders["11"]
    assert (valjean.colour, valjean.attributes["size"]) == ("#F55B5B", "100.0")
    assert smap.positions["11"] == (-87.93029, -6.8120565)
