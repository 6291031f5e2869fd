"""Numbers another tool wrote go back to it as numbers, not as text."""

from __future__ import annotations

from pathlib import Path

import igraph
import networkx as nx
import pytest

from stakeholder_mapper.io.graph_formats import (
    export_gexf,
    export_graphml,
    import_gexf,
    import_graphml,
)

GEPHI = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><creator>Gephi 0.10.1</creator></meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node" mode="static">
      <attribute id="0" title="degree" type="long"/>
      <attribute id="1" title="betweenness" type="double"/>
      <attribute id="2" title="code" type="string"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="3" title="meetings" type="long"/>
    </attributes>
    <nodes>
      <node id="a" label="Mayor"><attvalues><attvalue for="0" value="1"/>
        <attvalue for="1" value="0.0"/><attvalue for="2" value="007"/></attvalues></node>
      <node id="b" label="Imam"><attvalues><attvalue for="0" value="12"/>
        <attvalue for="1" value="2.5"/><attvalue for="2" value="12"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="e1" source="a" target="b"><attvalues><attvalue for="3" value="3"/></attvalues>
      </edge>
    </edges>
  </graph>
</gexf>
"""

GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="degree" attr.type="long"/>
  <key id="d1" for="node" attr.name="betweenness" attr.type="double"/>
  <key id="d2" for="node" attr.name="code" attr.type="string"/>
  <key id="d3" for="edge" attr.name="meetings" attr.type="long"/>
  <graph edgedefault="directed">
    <node id="a"><data key="d0">1</data><data key="d1">0.0</data><data key="d2">007</data></node>
    <node id="b"><data key="d0">12</data><data key="d1">2.5</data><data key="d2">12</data></node>
    <edge id="e1" source="a" target="b"><data key="d3">3</data></edge>
  </graph>
</graphml>
"""


def _read(path: Path) -> nx.Graph:
    return nx.read_graphml(path) if path.suffix == ".graphml" else nx.read_gexf(path)


@pytest.mark.parametrize("source", ["gephi.gexf", "other.graphml"])
@pytest.mark.parametrize("target", ["back.gexf", "back.graphml"])
def test_long_and_double_attributes_are_written_back_as_numbers(source, target, tmp_path):
    path = tmp_path / source
    path.write_text(GEPHI if source.endswith("gexf") else GRAPHML, encoding="utf-8")
    smap, _report = (import_gexf if source.endswith("gexf") else import_graphml)(path)
    (export_gexf if target.endswith("gexf") else export_graphml)(smap, tmp_path / target)
    graph = _read(tmp_path / target)
    mayor, imam = graph.nodes["a"], graph.nodes["b"]
    assert (mayor["degree"], imam["degree"]) == (1, 12)
    assert type(mayor["degree"]) is int
    assert (mayor["betweenness"], imam["betweenness"]) == (0.0, 2.5)
    assert type(mayor["betweenness"]) is float
    # A code with a leading zero is text, and so are the other values of its attribute.
    assert (mayor["code"], imam["code"]) == ("007", "12")
    ((_a, _b, tie),) = list(graph.edges(data=True))
    assert tie["meetings"] == 3 and type(tie["meetings"]) is int


def test_igraph_reads_the_numbers_as_numbers(tmp_path):
    (tmp_path / "gephi.gexf").write_text(GEPHI, encoding="utf-8")
    smap, _report = import_gexf(tmp_path / "gephi.gexf")
    export_graphml(smap, tmp_path / "back.graphml")
    graph = igraph.Graph.Read_GraphML(str(tmp_path / "back.graphml"))
    assert sorted(graph.vs["degree"]) == [1, 12]
    assert sorted(graph.vs["betweenness"]) == [0.0, 2.5]
    assert graph.es["meetings"] == [3]
