"""A map with one-way and two-way ties, exported so that every common tool reads it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import igraph
import networkx as nx
import pytest

from stakeholder_mapper.cli import main
from stakeholder_mapper.io.graph_formats import (
    export_gexf,
    export_graphml,
    import_gexf,
    import_graphml,
)
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.io.redact import redact_for_export

SAMPLE = Path(__file__).parents[2] / "resources" / "samples" / "marenza.smap"
FORMATS = {"graphml": (export_graphml, import_graphml), "gexf": (export_gexf, import_gexf)}


def _counts(smap) -> tuple[int, int, int]:
    """Stakeholders, one-way ties and two-way ties of a map."""
    one_way = sum(1 for r in smap.relationships.values() if r.directed)
    return len(smap.stakeholders), one_way, len(smap.relationships) - one_way


def test_sample_map_has_both_kinds_of_tie():
    _nodes, one_way, two_way = _counts(load_map(SAMPLE))
    assert one_way > 0 and two_way > 0


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_command_line_export_of_a_mixed_map_is_read_by_networkx(fmt, tmp_path, capsys):
    out = tmp_path / f"m.{fmt}"
    assert main(["export", str(SAMPLE), "--to", fmt, "-o", str(out)]) == 0
    capsys.readouterr()
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    nodes, one_way, two_way = _counts(load_map(SAMPLE))
    assert graph.is_directed()
    # Each two-way tie is two arcs, one each way.
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (nodes, one_way + 2 * two_way)
    arcs = [(u, v, d.get("relationship")) for u, v, d in graph.edges(data=True) if d.get("two_way")]
    expected = [
        ends
        for rid, r in load_map(SAMPLE).relationships.items()
        if not r.directed
        for ends in ((r.source, r.target, rid), (r.target, r.source, rid))
    ]
    assert sorted(arcs) == sorted(expected)


def test_mixed_graphml_is_read_by_igraph_with_both_arcs(tmp_path):
    smap = load_map(SAMPLE)
    export_graphml(smap, tmp_path / "m.graphml")
    graph = igraph.Graph.Read_GraphML(str(tmp_path / "m.graphml"))
    nodes, one_way, two_way = _counts(smap)
    assert graph.is_directed()
    assert (graph.vcount(), graph.ecount()) == (nodes, one_way + 2 * two_way)
    marked = [e["relationship"] for e in graph.es if e["two_way"]]
    assert sorted(marked) == sorted(
        rid for rid, r in smap.relationships.items() if not r.directed for _arc in range(2)
    )


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("level", ["full", "partner"])
def test_mixed_map_reads_back_as_the_same_ties(fmt, level, tmp_path):
    export, read = FORMATS[fmt]
    shown = redact_for_export(load_map(SAMPLE), level)
    export(load_map(SAMPLE), tmp_path / f"m.{fmt}", level=level)
    back, report = read(tmp_path / f"m.{fmt}")
    assert back.relationships == shown.relationships
    assert _counts(back) == _counts(shown)
    assert report.rejected == [] and report.changed == []


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_uniform_maps_are_written_one_edge_per_tie(fmt, tmp_path):
    export, _read = FORMATS[fmt]
    smap = load_map(SAMPLE)
    for rid in list(smap.relationships):
        if smap.relationships[rid].directed:
            smap.delete_relationship(rid)
    out = tmp_path / f"u.{fmt}"
    export(smap, out)
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert not graph.is_directed()
    assert graph.number_of_edges() == len(smap.relationships)


def test_mixed_gexf_is_directed_without_per_edge_types(tmp_path):
    export_gexf(load_map(SAMPLE), tmp_path / "m.gexf")
    root = ET.parse(tmp_path / "m.gexf").getroot()
    graph = root.find("{http://gexf.net/1.3}graph")
    assert graph.get("defaultedgetype") == "directed"
    assert all(e.get("type") is None for e in graph.iter("{http://gexf.net/1.3}edge"))
