"""GraphML and GEXF from other tools, and hostile or broken XML, refused with one sentence."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from stakeholder_mapper.io.graph_formats import import_gexf, import_graphml
from stakeholder_mapper.io.tables import TableImportError

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE graphml [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
 <key id="d0" for="node" attr.name="label" attr.type="string"/>
 <graph edgedefault="directed"><node id="a"><data key="d0">&lol9;</data></node></graph>
</graphml>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE gexf [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
 <graph><nodes><node id="a" label="&secret;"/></nodes></graph>
</gexf>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_entity_bomb_is_refused_before_expansion(tmp_path):
    path = write(tmp_path, "bomb.graphml", BILLION_LAUGHS)
    with pytest.raises(TableImportError) as caught:
        import_graphml(path)
    assert str(caught.value).startswith(
        "bomb.graphml is refused: it declares a document type or entities"
    )


def test_external_entity_is_refused(tmp_path):
    path = write(tmp_path, "leak.gexf", EXTERNAL_ENTITY)
    with pytest.raises(TableImportError, match=r"^leak\.gexf is refused"):
        import_gexf(path)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("cut.graphml", "<graphml><graph><node id='a'>", r"not well-formed XML \(line 1"),
        ("empty.graphml", "", r"^empty.graphml is empty\.$"),
        ("wrong.graphml", "<gexf/>", r"is not a GraphML file \(its root element is <gexf>\)"),
        ("nograph.gexf", "<gexf/>", "has no <graph> element"),
        ("nonodes.gexf", "<gexf><graph><nodes/></graph></gexf>", "has no nodes"),
    ],
)
def test_broken_files_are_named(tmp_path, name, text, message):
    path = write(tmp_path, name, text)
    reader = import_graphml if name.endswith("graphml") else import_gexf
    with pytest.raises(TableImportError, match=message):
        reader(path)


def test_graphml_written_by_networkx_imports_with_custom_attributes(tmp_path):
    graph = nx.DiGraph()
    graph.add_node("n1", name="City council", type="Municipal authority", district="North")
    graph.add_node("n2", name="Harbour workers' union", type="Civil society / NGO")
    graph.add_edge("n2", "n1", weight=4)
    nx.write_graphml(graph, tmp_path / "nx.graphml")
    smap, report = import_graphml(tmp_path / "nx.graphml")
    council = smap.stakeholders["n1"]
    assert (council.label, council.category, council.attributes) == (
        "City council",
        "municipal",
        {"district": "North"},
    )
    (tie,) = smap.relationships.values()
    assert (tie.source, tie.target, tie.strength, tie.directed) == ("n2", "n1", 4, True)
    assert report.custom_columns == ["district"]


def test_yed_labels_and_geometry_are_read(tmp_path):
    path = write(
        tmp_path,
        "yed.graphml",
        """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <graph edgedefault="undirected" id="G">
    <node id="n0"><data key="d6"><y:ShapeNode>
      <y:Geometry height="30.0" width="60.0" x="10.0" y="20.0"/>
      <y:NodeLabel>Governor</y:NodeLabel></y:ShapeNode></data></node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Port authority</y:NodeLabel>
      </y:ShapeNode></data></node>
    <edge id="e0" source="n0" target="n1"/>
  </graph>
</graphml>""",
    )
    smap, _ = import_graphml(path)
    assert smap.stakeholders["n0"].label == "Governor"
    assert smap.positions["n0"] == (40.0, 35.0)
    assert smap.relationships["e0"].directed is False, "the graph's edge default applies"


def test_gephi_gexf_12_imports_positions_and_weights(tmp_path):
    path = write(
        tmp_path,
        "gephi.gexf",
        """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz"
      version="1.2">
  <meta><creator>Gephi 0.10.1</creator></meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static">
      <attribute id="modularity_class" title="Modularity Class" type="integer"/>
    </attributes>
    <nodes>
      <node id="0" label="Mayor"><attvalues><attvalue for="modularity_class" value="1"/>
        </attvalues><viz:position x="-12.5" y="3.0" z="0.0"/><viz:color r="0" g="114" b="178"/>
      </node>
      <node id="1" label="Imam"/>
    </nodes>
    <edges><edge id="0" source="0" target="1" weight="2.0"/></edges>
  </graph>
</gexf>""",
    )
    smap, report = import_gexf(path)
    assert smap.stakeholders["0"].label == "Mayor"
    assert smap.stakeholders["0"].attributes == {"Modularity Class": "1"}
    # Gephi draws y upwards, the canvas downwards: the point stays where Gephi showed it.
    assert smap.positions == {"0": (-12.5, -3.0)}
    assert smap.stakeholders["0"].colour == "#0072B2"
    (tie,) = smap.relationships.values()
    assert (tie.source, tie.target, tie.strength, tie.directed) == ("0", "1", 2, False)
    assert report.created_categories == ["Unspecified"]
    # Edge ids equal to node ids are normal in GEXF: the edge gets its own id, unreported.
    assert tie.id == "e0" and report.changed == []


def test_edge_ids_equal_to_node_ids_are_not_reported(tmp_path):
    # networkx numbers nodes and edges from 0 alike, as GEXF and GraphML allow.
    graph = nx.relabel_nodes(nx.karate_club_graph(), str)
    nx.write_gexf(graph, tmp_path / "karate.gexf")
    smap, report = import_gexf(tmp_path / "karate.gexf")
    assert report.changed == []
    assert not any("stakeholder's id" in line for line in report.lines())
    assert len(smap.relationships) == graph.number_of_edges()
    assert not set(smap.relationships) & set(smap.stakeholders)
    ends = {frozenset((r.source, r.target)) for r in smap.relationships.values()}
    assert ends == {frozenset(e) for e in graph.edges}


def test_report_on_a_graph_file_speaks_of_nodes_and_edges(tmp_path):
    graph = nx.relabel_nodes(nx.karate_club_graph(), str)
    graph.add_edge("0", "0")
    nx.write_graphml(graph, tmp_path / "karate.graphml")
    _smap, report = import_graphml(tmp_path / "karate.graphml")
    lines = report.lines()
    assert "karate.graphml, nodes: the nodes have no category; they are all 'Unspecified'." in lines
    assert "Left out 1 edge the map cannot hold:" in lines
    assert not any("column" in line or " row" in line for line in lines), lines
