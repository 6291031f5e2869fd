"""GraphML (Cytoscape, yEd, igraph) and GEXF (Gephi) import and export.

Every stakeholder field is a node attribute and every relationship field an edge
attribute, under the column names of :mod:`.columns` (the name is written as
``label``, which all three tools show). Scales are typed integers and are left out when
unknown; engagement sheets and logs are JSON text. Categories and kinds travel as
``category_name``/``category_colour``/``category_shape`` and ``kind_*`` attributes, so
the file can be styled in the other tool and read back. Positions are GEXF
``viz:position`` and GraphML ``x``/``y`` attributes.

What each format carries: GraphML keeps the whole map except snapshots (map details,
every category and kind, and plan settings are graph attributes). GEXF has no graph
attributes: it keeps the title, purpose and date (in ``meta``), the categories and
kinds in use, and everything about stakeholders and relationships.

Direction: a map whose ties are all one-way is a directed graph, one whose ties are all
two-way an undirected graph. A map with both is written as a directed graph in which each
two-way tie is two arcs, one each way, both marked ``two_way=true`` and naming the tie in
``relationship``; the second arc's id is the tie's id with ``~reverse``. networkx refuses a
graph with both kinds and igraph holds one direction per graph, but every tool (networkx,
igraph, Gephi, Cytoscape, yEd) reads a directed graph; this app merges the two arcs back
into one two-way tie on import.

Files are parsed with ``defusedxml`` and any document type declaration is refused, so
entity-expansion ("billion laughs") and external-entity attacks stop at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..core.i18n import N_, _, system_error
from ..core.model import (
    Category,
    MapInfo,
    RelationshipKind,
    StakeholderMap,
)
from ..core.validation import ValidationError, dump_records, parse_record
from ..core.wording import counted
from .columns import RELATIONSHIP_COLUMNS, STAKEHOLDER_COLUMNS, match_columns
from .foreign import DEFAULT_WEIGHT
from .project import write_atomically
from .record_counts import xml_count_problem
from .redact import ExportLevel, redact_for_export
from .table_export import detail_values, relationship_rows, stakeholder_rows
from .table_import import ImportReport, Progress, apply_map_values, import_from_tables
from .tables import MAX_TABLE_BYTES, Table, TableImportError
from .xml_safe import xml_safe_text

__all__ = [
    "DATE_LEFT_OUT",
    "DETAILS_LEFT_OUT",
    "DYNAMIC_LAST_VALUE",
    "FILE_NOTE",
    "GROUPS_IMPORTED",
    "GROUP_ATTRIBUTE",
    "HYPEREDGES_LEFT_OUT",
    "RELATIONSHIP_ATTRIBUTE",
    "TWO_WAY_ATTRIBUTE",
    "export_gexf",
    "export_graphml",
    "gexf_bytes",
    "graphml_bytes",
    "import_gexf",
    "import_graphml",
]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_CREATOR = "Stakeholder Mapper"

_INT_COLUMNS = {"power", "influence", "votes", "interest", "position", "trust", "strength"}
_BOOL_COLUMNS = {"informed", "pinned", "directed", "kind_directed", "two_way"}
_FLOAT_COLUMNS = {"x", "y"}
_CATEGORY_COLUMNS = ("category_name", "category_colour", "category_shape")
_KIND_COLUMNS = ("kind_name", "kind_directed", "kind_valence", "kind_colour", "kind_style")
# GEXF viz shapes for ours; the others are drawn as discs by Gephi.
_VIZ_SHAPES = {"circle": "disc", "square": "square", "triangle": "triangle", "diamond": "diamond"}
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_LONG = re.compile(r"-?(0|[1-9][0-9]*)")
_DOUBLE = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
# Columns of the map's own fields, typed by what they are rather than by their values.
_KNOWN_COLUMNS = {
    *STAKEHOLDER_COLUMNS,
    *RELATIONSHIP_COLUMNS,
    "label",
    *_CATEGORY_COLUMNS,
    *_KIND_COLUMNS,
    "two_way",
    "relationship",
}
# Report sentences about a whole file, one constant each, with named placeholders.
#: Groups (yEd groups, nested graphs, GEXF hierarchies) and their members.
GROUPS_IMPORTED = N_(
    "{groups} holding {members} were imported as stakeholders; each member names its group "
    "in the attribute '{attribute}', and ties to and from groups are kept."
)
#: Hyperedges, which a relationship cannot hold.
HYPEREDGES_LEFT_OUT = N_(
    "{count} (a tie among more than two nodes) were left out: a relationship joins two "
    "stakeholders."
)
#: Graph details of another tool's GraphML that the map cannot take.
DETAILS_LEFT_OUT = N_("the graph's details were left out: {reason}")
#: A GEXF date that is not a date.
DATE_LEFT_OUT = N_("the file's date {date} is not a date and was left out.")
#: Attributes that change over time.
DYNAMIC_LAST_VALUE = N_("dynamic attributes ({names}) kept their last value.")
#: Any of the above, for the file it is about.
FILE_NOTE = N_("{file}: {note}")

#: The edge attributes that mark the two arcs of a two-way tie in a map with both kinds.
TWO_WAY_ATTRIBUTE = "two_way"
RELATIONSHIP_ATTRIBUTE = "relationship"
_REVERSE_SUFFIX = "~reverse"

#: The attribute in which a node of a group (yEd group, nested graph, GEXF hierarchy)
#: names its group.
GROUP_ATTRIBUTE = "group of"


# -- writing -------------------------------------------------------------------------------
def _xml_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return xml_safe_text(str(value))


def _graph_type(column: str, graphml: bool) -> str:
    if column in _INT_COLUMNS:
        return "int" if graphml else "integer"
    if column in _BOOL_COLUMNS:
        return "boolean"
    if column in _FLOAT_COLUMNS:
        return "double"
    return "string"


def _node_rows(smap: StakeholderMap) -> list[dict[str, Any]]:
    rows = []
    for row in stakeholder_rows(smap):
        category = smap.categories[row["category"]]
        row["category_name"] = category.name
        row["category_colour"] = category.colour
        row["category_shape"] = category.shape
        rows.append(row)
    return rows


def _edge_rows(smap: StakeholderMap) -> list[dict[str, Any]]:
    rows = []
    for row in relationship_rows(smap):
        kind = smap.kinds[row["kind"]]
        row.update(
            kind_name=kind.name,
            kind_directed=kind.directed,
            kind_valence=kind.valence,
            kind_colour=kind.colour,
            kind_style=kind.style,
        )
        rows.append(row)
    return rows


def _columns(rows: list[dict[str, Any]], skip: set[str]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(k for k in row if k not in skip))
    return list(seen)


def _present(value: Any) -> bool:
    return value is not None and value != ""


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _undirected(smap: StakeholderMap) -> bool:
    """Whether every tie of the map is two-way, so the file is an undirected graph."""
    return bool(smap.relationships) and not any(r.directed for r in smap.relationships.values())


def _arcs(smap: StakeholderMap) -> list[dict[str, Any]]:
    """The edge rows to write: in a map with both kinds, each two-way tie as two arcs.

    Most tools hold one direction per graph, so a mixed map is written as a directed
    graph; both arcs of a two-way tie carry ``two_way`` and the tie's id, by which
    :func:`_merge_two_way` makes them one tie again.
    """
    rows = _edge_rows(smap)
    if {r["directed"] for r in rows} != {True, False}:
        return rows
    arcs = []
    for row in rows:
        arcs.append(row)
        if row["directed"]:
            continue
        row[TWO_WAY_ATTRIBUTE] = True
        row[RELATIONSHIP_ATTRIBUTE] = row["id"]
        back = dict(row, source=row["target"], target=row["source"])
        back["id"] = row["id"] + _REVERSE_SUFFIX
        arcs.append(back)
    return arcs


def _numeric_columns(rows: list[dict[str, Any]], columns: list[str]) -> dict[str, str]:
    """The declared type (``long`` or ``double``) of custom columns holding numbers only.

    Custom attributes are text in the map; one whose every value is written as an integer
    is declared ``long``, one whose every value is a decimal number ``double``, so that a
    number another tool wrote goes back to it as a number. A leading zero (a code such as
    ``007``) keeps the attribute text. An original weight or size is always ``double``.
    """
    types = {}
    for column in columns:
        if column in _KNOWN_COLUMNS:
            continue
        values = [str(r[column]) for r in rows if _present(r.get(column))]
        if not values:
            continue
        if column in ("weight", "size"):
            if all(_number(v) is not None for v in values):
                types[column] = "double"
        elif all(_LONG.fullmatch(v) and abs(int(v)) < 2**63 for v in values):
            types[column] = "long"
        elif all(_DOUBLE.fullmatch(v) and _number(v) is not None for v in values):
            types[column] = "double"
    return types


def graphml_bytes(smap: StakeholderMap) -> bytes:
    """The map as a GraphML document (UTF-8)."""
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("xsi", _XSI)
    q = f"{{{GRAPHML_NS}}}"
    root = ET.Element(
        f"{q}graphml",
        {
            f"{{{_XSI}}}schemaLocation": f"{GRAPHML_NS} "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
        },
    )
    graph_values = {k: _xml_text(v) for k, v in detail_values(smap.info).items()}
    graph_values["categories"] = json.dumps(dump_records(Category, smap.categories.values()))
    graph_values["kinds"] = json.dumps(dump_records(RelationshipKind, smap.kinds.values()))
    graph_values["plan_settings"] = _xml_text(json.dumps(smap.plan_settings, ensure_ascii=False))
    graph_values["sharing"] = _xml_text(json.dumps(smap.sharing, ensure_ascii=False))
    graph_values["creator"] = _CREATOR
    nodes, edges = _node_rows(smap), _arcs(smap)
    node_columns = _columns(nodes, {"id"})
    node_columns = ["label" if c == "name" else c for c in node_columns]
    edge_columns = _columns(edges, {"id", "source", "target"})
    numeric = {
        "node": _numeric_columns(nodes, node_columns),
        "edge": _numeric_columns(edges, edge_columns),
    }
    keys: dict[tuple[str, str], str] = {}
    for scope, columns in (
        ("graph", list(graph_values)),
        ("node", node_columns),
        ("edge", edge_columns),
    ):
        for column in columns:
            key = f"{scope[0]}{len(keys)}"
            keys[scope, column] = key
            ET.SubElement(
                root,
                f"{q}key",
                {
                    "id": key,
                    "for": scope,
                    "attr.name": column,
                    "attr.type": "string"
                    if scope == "graph"
                    else numeric[scope].get(column) or _graph_type(column, True),
                },
            )
    edgedefault = "undirected" if _undirected(smap) else "directed"
    graph = ET.SubElement(root, f"{q}graph", {"id": "G", "edgedefault": edgedefault})
    for column, value in graph_values.items():
        ET.SubElement(graph, f"{q}data", {"key": keys["graph", column]}).text = value
    for row in nodes:
        node = ET.SubElement(graph, f"{q}node", {"id": row.pop("id")})
        row["label"] = row.pop("name")
        for column, value in row.items():
            if _present(value):
                data = ET.SubElement(node, f"{q}data", {"key": keys["node", column]})
                data.text = _xml_text(value)
    for row in edges:
        attrs = {"id": row.pop("id"), "source": row.pop("source"), "target": row.pop("target")}
        edge = ET.SubElement(graph, f"{q}edge", attrs)
        for column, value in row.items():
            if _present(value):
                data = ET.SubElement(edge, f"{q}data", {"key": keys["edge", column]})
                data.text = _xml_text(value)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _rgb(colour: str) -> dict[str, str]:
    return {
        "r": str(int(colour[1:3], 16)),
        "g": str(int(colour[3:5], 16)),
        "b": str(int(colour[5:7], 16)),
    }


def gexf_bytes(smap: StakeholderMap) -> bytes:
    """The map as a GEXF 1.3 document (UTF-8) for Gephi."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    ET.register_namespace("xsi", _XSI)
    q, v = f"{{{GEXF_NS}}}", f"{{{VIZ_NS}}}"
    root = ET.Element(
        f"{q}gexf",
        {"version": "1.3", f"{{{_XSI}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"},
    )
    meta_attrs = {"lastmodifieddate": smap.info.date.isoformat()} if smap.info.date else {}
    meta = ET.SubElement(root, f"{q}meta", meta_attrs)
    ET.SubElement(meta, f"{q}creator").text = _CREATOR
    ET.SubElement(meta, f"{q}title").text = _xml_text(smap.info.title)
    ET.SubElement(meta, f"{q}description").text = _xml_text(smap.info.purpose)
    default = "undirected" if _undirected(smap) else "directed"
    graph = ET.SubElement(root, f"{q}graph", {"defaultedgetype": default, "mode": "static"})
    nodes, edges = _node_rows(smap), _arcs(smap)
    node_columns = _columns(nodes, {"id", "name", "x", "y"})
    edge_columns = _columns(edges, {"id", "source", "target"})
    numeric = {
        "node": _numeric_columns(nodes, node_columns),
        "edge": _numeric_columns(edges, edge_columns),
    }
    for scope, columns in (("node", node_columns), ("edge", edge_columns)):
        attributes = ET.SubElement(graph, f"{q}attributes", {"class": scope, "mode": "static"})
        for column in columns:
            ET.SubElement(
                attributes,
                f"{q}attribute",
                {
                    "id": column,
                    "title": column,
                    "type": numeric[scope].get(column) or _graph_type(column, False),
                },
            )
    node_list = ET.SubElement(graph, f"{q}nodes")
    for row in nodes:
        node = ET.SubElement(
            node_list, f"{q}node", {"id": row.pop("id"), "label": _xml_text(row.pop("name"))}
        )
        x, y = row.pop("x"), row.pop("y")
        values = ET.SubElement(node, f"{q}attvalues")
        for column, value in row.items():
            if _present(value):
                ET.SubElement(values, f"{q}attvalue", {"for": column, "value": _xml_text(value)})
        ET.SubElement(node, f"{v}color", _rgb(row["colour"] or row["category_colour"]))
        if x is not None:
            # Gephi draws y upwards: a map drawn downwards is turned over for it.
            ET.SubElement(node, f"{v}position", {"x": repr(x), "y": repr(-y + 0.0), "z": "0.0"})
        size = _number(row.get("size")) or 10.0 + 4.0 * (row["power"] or 1)
        ET.SubElement(node, f"{v}size", {"value": repr(size)})
        ET.SubElement(node, f"{v}shape", {"value": _VIZ_SHAPES.get(row["category_shape"], "disc")})
    edge_list = ET.SubElement(graph, f"{q}edges")
    for row in edges:
        attrs = {
            "id": row.pop("id"),
            "source": row.pop("source"),
            "target": row.pop("target"),
            "weight": str(row["weight"])
            if _number(row.get("weight")) is not None
            else str(row["strength"]),
            "label": _xml_text(row["kind_name"]),
        }
        edge = ET.SubElement(edge_list, f"{q}edge", attrs)
        values = ET.SubElement(edge, f"{q}attvalues")
        for column, value in row.items():
            if _present(value):
                ET.SubElement(values, f"{q}attvalue", {"for": column, "value": _xml_text(value)})
        ET.SubElement(edge, f"{v}color", _rgb(row["kind_colour"]))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def export_graphml(smap: StakeholderMap, path: str | Path, *, level: ExportLevel = "full") -> None:
    """Write the map as GraphML, keeping only what the export ``level`` allows."""
    write_atomically(path, graphml_bytes(redact_for_export(smap, level)), backup=False)


def export_gexf(smap: StakeholderMap, path: str | Path, *, level: ExportLevel = "full") -> None:
    """Write the map as GEXF 1.3, keeping only what the export ``level`` allows."""
    write_atomically(path, gexf_bytes(redact_for_export(smap, level)), backup=False)


# -- reading -------------------------------------------------------------------------------
def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: ET.Element, name: str) -> Iterator[ET.Element]:
    return (child for child in element if _local(child.tag) == name)


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next(_children(element, name), None)


def _parse(path: Path, kind: str) -> ET.Element:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_TABLE_BYTES + 1)
    except OSError as exc:
        raise TableImportError(
            _("{name} cannot be read: {reason}.").format(name=path.name, reason=system_error(exc))
        ) from None
    if len(data) > MAX_TABLE_BYTES:
        raise TableImportError(
            _("{name} is larger than {size} MB.").format(
                name=path.name, size=MAX_TABLE_BYTES // 2**20
            )
        )
    if not data.strip():
        raise TableImportError(_("{name} is empty.").format(name=path.name))
    too_many = xml_count_problem(data, path.name)
    if too_many is not None:
        raise TableImportError(too_many)
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise TableImportError(
            _(
                "{name} is refused: it declares a document type or entities, which {format} "
                "files do not need and which can hide entity-expansion or external-file attacks."
            ).format(name=path.name, format=kind)
        ) from None
    except ET.ParseError as exc:
        line, column = exc.position
        raise TableImportError(
            _("{name} is not well-formed XML (line {line}, column {column}).").format(
                name=path.name, line=line, column=column
            )
        ) from None
    if _local(root.tag) != kind.casefold():
        raise TableImportError(
            _("{name} is not a {format} file (its root element is <{element}>).").format(
                name=path.name, format=kind, element=_local(root.tag)
            )
        )
    return root


def _table(rows: list[dict[str, str]], name: str, unit: str, first: list[str]) -> Table:
    import pandas as pd  # loaded once a file has passed its checks, not at start-up

    frame = pd.DataFrame(rows, dtype=str).fillna("") if rows else pd.DataFrame(columns=first)
    for column in first:
        if column not in frame.columns:
            frame[column] = ""
    return Table(name, frame, unit=unit, first_row=1)


def _known_records(
    rows: list[dict[str, str]], id_column: str, columns: tuple[str, ...]
) -> list[dict[str, str]]:
    """The category or kind records described by derived columns, first occurrence wins."""
    found: dict[str, dict[str, str]] = {}
    for row in rows:
        rid = row.get(id_column, "").strip()
        if rid and rid not in found and any(row.get(c) for c in columns):
            found[rid] = {c: row.get(c, "") for c in columns}
    return [{"id": rid, **values} for rid, values in found.items()]


def _define_categories(smap: StakeholderMap, rows: list[dict[str, str]]) -> None:
    for item in _known_records(rows, "category", _CATEGORY_COLUMNS):
        old = smap.categories.get(item["id"])
        data = {
            "id": item["id"],
            "name": item["category_name"] or (old.name if old else item["id"]),
        }
        if _COLOUR.fullmatch(item["category_colour"]):
            data["colour"] = item["category_colour"]
        if item["category_shape"]:
            data["shape"] = item["category_shape"]
        try:
            smap.categories[item["id"]] = parse_record(Category, data)
        except ValidationError:
            smap.categories[item["id"]] = Category(item["id"], data["name"])


def _define_kinds(smap: StakeholderMap, rows: list[dict[str, str]]) -> None:
    for item in _known_records(rows, "kind", _KIND_COLUMNS):
        old = smap.kinds.get(item["id"])
        data: dict[str, Any] = {
            "id": item["id"],
            "name": item["kind_name"] or (old.name if old else item["id"]),
        }
        if item["kind_directed"].casefold() in ("true", "false"):
            data["directed"] = item["kind_directed"].casefold() == "true"
        for field in ("valence", "colour", "style"):
            if item[f"kind_{field}"]:
                data[field] = item[f"kind_{field}"]
        try:
            smap.kinds[item["id"]] = parse_record(RelationshipKind, data)
        except ValidationError:
            smap.kinds[item["id"]] = RelationshipKind(item["id"], data["name"])


def _merge_two_way(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The edge rows with the two arcs of each two-way tie (see :func:`_arcs`) made one.

    An arc is merged only with the arc of the same tie running the other way; the
    marks are dropped, so a file without them comes through unchanged.
    """
    kept: list[dict[str, str]] = []
    first: dict[str, dict[str, str]] = {}
    for row in rows:
        two_way = row.pop(TWO_WAY_ATTRIBUTE, "").strip().casefold() == "true"
        rid = row.pop(RELATIONSHIP_ATTRIBUTE, "").strip()
        if two_way and rid:
            other = first.get(rid)
            ends = (row.get("source"), row.get("target"))
            if other is not None and ends == (other.get("target"), other.get("source")):
                continue
            first[rid] = row
            row["id"] = rid
            row["directed"] = "false"
        kept.append(row)
    return kept


def _separate_edge_ids(node_rows: list[dict[str, str]], edge_rows: list[dict[str, str]]) -> None:
    """Give edges whose id is also a node's id (normal in GraphML and GEXF) an id of their own.

    The two formats keep node and edge ids apart and networkx numbers both from 0; the
    map keeps one set of ids, so such an edge becomes ``e`` and its id, quietly.
    """
    nodes = {row.get("id", "") for row in node_rows}
    used = nodes | {row.get("id", "") for row in edge_rows}
    for row in edge_rows:
        rid = row.get("id", "")
        if rid and rid in nodes:
            new, n = f"e{rid}", 1
            while new in used:
                n += 1
                new = f"e{rid}-{n}"
            used.add(new)
            row["id"] = new


def _strip_derived(rows: list[dict[str, str]], columns: tuple[str, ...]) -> None:
    for row in rows:
        for column in columns:
            row.pop(column, None)


def _finish(
    smap: StakeholderMap,
    node_rows: list[dict[str, str]],
    edge_rows: list[dict[str, str]],
    name: str,
    skip_bad_rows: bool,
    progress: Progress | None,
    known: StakeholderMap | None,
    define: bool = True,
    foreign: _Foreign | None = None,
) -> tuple[StakeholderMap, ImportReport]:
    if not node_rows:
        raise TableImportError(_("{name} has no nodes.").format(name=name))
    foreign = foreign or _Foreign()
    edge_rows = _merge_two_way(edge_rows)
    _separate_edge_ids(node_rows, edge_rows)
    if define:
        _define_categories(smap, node_rows)
        _define_kinds(smap, edge_rows)
    _strip_derived(node_rows, _CATEGORY_COLUMNS)
    _strip_derived(edge_rows, _KIND_COLUMNS)
    for row in node_rows:
        label, other = row.pop("label", "").strip(), row.pop("name", "").strip()
        if label and other and label != other:
            row["attribute:name"] = other
        row["label"] = label or other or row["id"]
    nodes = _table(node_rows, _("{file}, nodes").format(file=name), "node", ["id", "label"])
    edges = _table(
        edge_rows, _("{file}, edges").format(file=name), "edge", ["id", "source", "target"]
    )
    node_columns = match_columns(nodes.headers, "stakeholders")
    node_columns["name"] = "label"
    edge_columns = match_columns(edges.headers, "relationships")
    smap, report = import_from_tables(
        nodes,
        edges,
        stakeholder_columns=node_columns,
        relationship_columns=edge_columns,
        smap=smap,
        skip_bad_rows=skip_bad_rows,
        require=("id", "name"),
        progress=progress,
        known=known,
        third_party=foreign.third_party,
        default_weight=foreign.default_weight,
    )
    report.adjusted[:0] = [_(FILE_NOTE).format(file=name, note=note) for note in foreign.notes]
    return smap, report


@dataclasses.dataclass
class _Foreign:
    """What a file from another tool needs said and done on import."""

    third_party: bool = False
    default_weight: str = DEFAULT_WEIGHT
    notes: list[str] = dataclasses.field(default_factory=list)


def _group_note(groups: int, members: int) -> str:
    return _(GROUPS_IMPORTED).format(
        groups=counted(groups, "group", "groups"),
        members=counted(members, "node", "nodes"),
        attribute=GROUP_ATTRIBUTE,
    )


def _graphml_keys(root: ET.Element) -> tuple[dict[str, tuple[str, str]], dict[str, dict[str, str]]]:
    keys: dict[str, tuple[str, str]] = {}
    defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}, "graph": {}}
    for key in _children(root, "key"):
        kid = key.get("id", "")
        scope = key.get("for", "all")
        name = key.get("attr.name") or key.get("yfiles.type") or kid
        keys[kid] = (scope, name)
        default = _child(key, "default")
        if default is not None and default.text is not None:
            for target in ("node", "edge", "graph") if scope == "all" else (scope,):
                if target in defaults:
                    defaults[target][name] = default.text
    return keys, defaults


def _yed_graphics(data: ET.Element, row: dict[str, str], label_tag: str) -> None:
    """Label, position and colour from yEd's or yFiles for HTML's node or edge graphics."""
    for element in data.iter():
        local = _local(element.tag)
        if local in (label_tag, "Label.Text") and element.text and element.text.strip():
            row.setdefault("label", element.text.strip())
        elif local == "Label" and element.get("Text", "").strip():
            row.setdefault("label", element.get("Text", "").strip())
        elif local in ("Geometry", "Rect") and "x" not in row:
            try:
                x = float(element.get("x", "")) + float(element.get("width", "0")) / 2
                y = float(element.get("y", "")) + float(element.get("height", "0")) / 2
            except ValueError:
                continue
            row["x"], row["y"] = repr(x), repr(y)
        elif local == "Fill" and "colour" not in row:
            colour = element.get("color", "")
            if _COLOUR.fullmatch(colour[:7]):
                row["colour"] = colour[:7].upper()


def _graphml_values(
    element: ET.Element, keys: dict[str, tuple[str, str]], defaults: dict[str, str]
) -> dict[str, str]:
    row = dict(defaults)
    for data in _children(element, "data"):
        _skip, name = keys.get(data.get("key", ""), ("", data.get("key", "")))
        if len(data):
            label_tag = "EdgeLabel" if _local(element.tag) == "edge" else "NodeLabel"
            _yed_graphics(data, row, label_tag)
        elif data.text is not None:
            row[name] = data.text
    if "label" not in row:
        desc = _child(element, "desc")
        if desc is not None and desc.text and desc.text.strip():
            row["label"] = desc.text.strip()
    return row


def _rgb_colour(row: dict[str, str]) -> None:
    """Gephi's GraphML colour (``r``, ``g``, ``b`` attributes) as the stakeholder's own."""
    try:
        parts = [int(float(row[c])) for c in "rgb"]
    except (KeyError, ValueError):
        return
    if all(0 <= p <= 255 for p in parts) and "colour" not in row:
        for c in "rgb":
            del row[c]
        row["colour"] = "#" + "".join(f"{p:02X}" for p in parts)


def _graphml_graph(
    graph: ET.Element,
    keys: dict[str, tuple[str, str]],
    defaults: dict[str, dict[str, str]],
    directed: bool,
    out: tuple[list[dict[str, str]], list[dict[str, str]]],
    group: str = "",
) -> int:
    """Nodes and edges of ``graph`` and of the graphs nested in its nodes; the groups."""
    node_rows, edge_rows = out
    groups = 0
    for node in _children(graph, "node"):
        row = _graphml_values(node, keys, defaults["node"])
        row["id"] = node.get("id", "")
        _rgb_colour(row)
        if group:
            row[GROUP_ATTRIBUTE] = group
        node_rows.append(row)
        for nested in _children(node, "graph"):
            groups += 1
            inner = nested.get("edgedefault")
            inner_directed = directed if inner is None else inner != "undirected"
            name = row.get("label") or row["id"]
            groups += _graphml_graph(nested, keys, defaults, inner_directed, out, name)
    for edge in _children(graph, "edge"):
        row = _graphml_values(edge, keys, defaults["edge"])
        for attr in ("source", "target"):
            row[attr] = edge.get(attr, "")
        if edge.get("id"):
            row["id"] = edge.get("id", "")
        if "directed" not in row:
            flag = edge.get("directed")
            row["directed"] = flag if flag else str(directed).casefold()
        edge_rows.append(row)
    return groups


def import_graphml(
    path: str | Path,
    *,
    smap: StakeholderMap | None = None,
    skip_bad_rows: bool = False,
    progress: Progress | None = None,
    known: StakeholderMap | None = None,
) -> tuple[StakeholderMap, ImportReport]:
    """Build a map from a GraphML file (ours, Cytoscape's, yEd's, igraph's, Gephi's).

    Node attributes are matched to stakeholder columns by name; others are kept as
    custom attributes. Nodes of nested graphs (yEd groups) are imported too: the group
    is a stakeholder and each member names it in the attribute ``group of``. Hyperedges
    are reported and left out. Strict by default, like the table import, for the app's
    own files; another tool's columns are read as :mod:`.foreign` describes.
    """
    path = Path(path)
    root = _parse(path, "GraphML")
    graph = _child(root, "graph")
    if graph is None:
        raise TableImportError(_("{name} has no <graph> element.").format(name=path.name))
    keys, defaults = _graphml_keys(root)
    smap = smap if smap is not None else StakeholderMap()
    graph_values = _graphml_values(graph, keys, defaults["graph"])
    foreign = _Foreign(third_party=not _is_ours(graph_values))
    foreign.default_weight = defaults["edge"].get("weight", DEFAULT_WEIGHT)
    define = _apply_graph_values(smap, graph_values, path.name, foreign)
    node_rows: list[dict[str, str]] = []
    edge_rows: list[dict[str, str]] = []
    directed = graph.get("edgedefault", "directed") != "undirected"
    groups = _graphml_graph(graph, keys, defaults, directed, (node_rows, edge_rows))
    if foreign.third_party and {("node", c) for c in "rgb"} <= set(keys.values()):
        # Gephi's GraphML (colour as r, g, b) keeps Gephi's y, which points upwards.
        for row in node_rows:
            y = _number(row.get("y"))
            if y is not None:
                row["y"] = repr(-y + 0.0)
    if groups:
        members = sum(1 for row in node_rows if GROUP_ATTRIBUTE in row)
        foreign.notes.append(_group_note(groups, members))
    hyperedges = sum(1 for e in root.iter() if _local(e.tag) == "hyperedge")
    if hyperedges:
        foreign.notes.append(
            _(HYPEREDGES_LEFT_OUT).format(count=counted(hyperedges, "hyperedge", "hyperedges"))
        )
    return _finish(
        smap, node_rows, edge_rows, path.name, skip_bad_rows, progress, known, define, foreign
    )


def _is_ours(graph_values: dict[str, str]) -> bool:
    """Whether a GraphML file is this app's: it says so, or carries the app's own settings."""
    if graph_values.get("creator") == _CREATOR:
        return True
    return any(
        str(graph_values.get(k) or "").strip() for k in ("categories", "kinds", "plan_settings")
    )


def _apply_graph_values(
    smap: StakeholderMap, values: dict[str, str], name: str, foreign: _Foreign
) -> bool:
    """Map details, categories and kinds from GraphML graph data; False if categories given.

    A bad value is fatal in the app's own file; another tool's is reported and left out.
    """
    try:
        given = apply_map_values(smap, values, f"{name}, graph")
    except ValidationError as exc:
        if not foreign.third_party:
            raise TableImportError(str(exc)) from None
        foreign.notes.append(_(DETAILS_LEFT_OUT).format(reason=exc))
        return True
    return given != {"categories", "kinds"}


def _gexf_attributes(graph: ET.Element) -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    declared: dict[str, tuple[dict[str, str], dict[str, str]]] = {
        "node": ({}, {}),
        "edge": ({}, {}),
    }
    for attributes in _children(graph, "attributes"):
        scope = attributes.get("class", "node")
        if scope not in declared:
            continue
        titles, defaults = declared[scope]
        for attribute in _children(attributes, "attribute"):
            aid = attribute.get("id", "")
            titles[aid] = attribute.get("title") or aid
            default = _child(attribute, "default")
            if default is not None and default.text is not None:
                defaults[titles[aid]] = default.text
    return declared


def _gexf_values(
    element: ET.Element, titles: dict[str, str], defaults: dict[str, str], dynamic: set[str]
) -> dict[str, str]:
    """Attribute values by title; of a dynamic attribute's values the last one is kept."""
    row = dict(defaults)
    holders = [element, *_children(element, "attvalues")]
    for holder in holders:
        for value in _children(holder, "attvalue"):
            key = value.get("for") or value.get("id") or ""
            title = titles.get(key, key)
            if any(value.get(a) for a in ("start", "end", "timestamp", "startopen", "endopen")):
                dynamic.add(title)
            row[title] = value.get("value", "")
    return row


def _hex(element: ET.Element) -> str:
    try:
        parts = [int(element.get(c, "0")) for c in "rgb"]
    except ValueError:
        return ""
    return "#" + "".join(f"{p:02X}" for p in parts) if all(0 <= p <= 255 for p in parts) else ""


def _gexf_date(text: str) -> dt.date | None:
    """A GEXF date as Gephi writes it: ISO, with a time zone ("2010-04-01+00:34") or not."""
    match = re.match(r"(\d{4}-\d{2}-\d{2})", text.strip())
    try:
        return dt.date.fromisoformat(match[1]) if match else None
    except ValueError:
        return None


def _gexf_meta(root: ET.Element, smap: StakeholderMap, foreign: _Foreign) -> None:
    meta = _child(root, "meta")
    if meta is None:
        return
    title, description = _child(meta, "title"), _child(meta, "description")
    creator = _child(meta, "creator")
    foreign.third_party = (creator.text or "").strip() != _CREATOR if creator is not None else True
    text = meta.get("lastmodifieddate", "")
    date = _gexf_date(text)
    if text and date is None:
        foreign.notes.append(_(DATE_LEFT_OUT).format(date=repr(text)))
    smap.info = MapInfo(
        title=(title.text or "").strip() if title is not None else MapInfo().title,
        purpose=(description.text or "") if description is not None else "",
        date=date,
    )


def _gexf_nodes(
    parent: ET.Element,
    declared: tuple[dict[str, str], dict[str, str]],
    dynamic: set[str],
    rows: list[dict[str, str]],
    looks: bool,
    group: str = "",
) -> int:
    """Rows of the nodes under ``parent`` and of their sub-nodes (a hierarchy); the groups.

    ``looks``: whether ``viz`` colours and sizes are the file's own (another tool's).
    """
    groups = 0
    for node_list in _children(parent, "nodes"):
        for node in _children(node_list, "node"):
            row = _gexf_values(node, *declared, dynamic)
            row["id"] = node.get("id", "")
            row["label"] = node.get("label", "")
            if group:
                row[GROUP_ATTRIBUTE] = group
            elif node.get("pid"):
                row[GROUP_ATTRIBUTE] = node.get("pid", "")
            for viz in node:
                local = _local(viz.tag)
                if local == "position" and "x" not in row:
                    row["x"] = viz.get("x", "")
                    # Gephi draws y upwards; the canvas draws it downwards.
                    y = _number(viz.get("y", ""))
                    row["y"] = repr(-y + 0.0) if y is not None else viz.get("y", "")
                elif not looks:
                    continue  # the app's own file: colour and size follow the category
                elif local == "color" and "colour" not in row:
                    row["colour"] = _hex(viz)
                elif local == "size" and "size" not in row:
                    row["size"] = viz.get("value", "")
            rows.append(row)
            if _child(node, "nodes") is not None:
                groups += 1
                name = row["label"] or row["id"]
                groups += _gexf_nodes(node, declared, dynamic, rows, looks, name)
    return groups


def import_gexf(
    path: str | Path,
    *,
    smap: StakeholderMap | None = None,
    skip_bad_rows: bool = False,
    progress: Progress | None = None,
    known: StakeholderMap | None = None,
) -> tuple[StakeholderMap, ImportReport]:
    """Build a map from a GEXF file (ours or Gephi's).

    Node attributes are matched to stakeholder columns by title; ``viz:position`` gives
    the canvas position (y turned as Gephi shows it), ``viz:color`` the stakeholder's own
    colour and ``viz:size`` its ``size`` attribute. Sub-nodes of a hierarchy are
    imported, naming their group in the attribute ``group of``; of a dynamic attribute
    the last value is kept; an unreadable date is reported, never fatal.
    """
    path = Path(path)
    root = _parse(path, "GEXF")
    graph = _child(root, "graph")
    if graph is None:
        raise TableImportError(_("{name} has no <graph> element.").format(name=path.name))
    smap = smap if smap is not None else StakeholderMap()
    foreign = _Foreign(third_party=True)
    _gexf_meta(root, smap, foreign)
    declared = _gexf_attributes(graph)
    dynamic: set[str] = set()
    node_rows: list[dict[str, str]] = []
    groups = _gexf_nodes(graph, declared["node"], dynamic, node_rows, foreign.third_party)
    if groups:
        members = sum(1 for row in node_rows if GROUP_ATTRIBUTE in row)
        foreign.notes.append(_group_note(groups, members))
    default_type = graph.get("defaultedgetype", "directed")
    edge_list = _child(graph, "edges")
    edge_rows = []
    for edge in _children(edge_list, "edge") if edge_list is not None else ():
        row = _gexf_values(edge, *declared["edge"], dynamic)
        for attr in ("id", "source", "target"):
            if edge.get(attr) is not None:
                row[attr] = edge.get(attr, "")
        if "directed" not in row:
            row["directed"] = str(edge.get("type", default_type) == "directed").casefold()
        if "strength" not in row and "weight" not in row and edge.get("weight"):
            row["weight"] = edge.get("weight", "")
        if "kind" not in row and edge.get("label"):
            row["kind"] = edge.get("label", "")
        edge_rows.append(row)
    if dynamic:
        foreign.notes.append(_(DYNAMIC_LAST_VALUE).format(names=", ".join(sorted(dynamic))))
    return _finish(
        smap, node_rows, edge_rows, path.name, skip_bad_rows, progress, known, True, foreign
    )
