"""The map's cues beyond colour, as drawn: letter badges on the stakeholders, and a legend
made from the very looks the canvas gives its ties (conflict and distrust apart)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from stakeholder_mapper.core.commands import AddRelationship
from stakeholder_mapper.core.model import Relationship, StakeholderMap
from stakeholder_mapper.core.styles import category_badges
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP
from stakeholder_mapper.ui.canvas.items import NodeItem

from ..conftest import open_window


def _tie_rows(window) -> dict[str, tuple]:
    """The legend's tie rows: name -> (kind id, negative)."""
    return {
        text: (record[0].id, record[1])
        for column in window.view.legend._columns
        for role, record, text in column
        if role == "tie"
    }


def test_the_legend_lists_every_look_the_map_draws_and_no_other(qtbot, settings) -> None:
    smap = load_map(SAMPLE_MAP)
    window = open_window(qtbot, smap, settings)
    window.scene.finish_building()
    drawn = {}
    for edge in window.scene.edges.values():
        relationship = smap.relationships[edge.rid]
        drawn[(relationship.kind, relationship.valence == "negative")] = edge.look
    rows = _tie_rows(window)
    assert sorted(rows.values()) == sorted(drawn)
    # Each row is drawn with the look of the canvas's ties of that kind and valence.
    legend = window.view.legend
    for kind_id, negative in rows.values():
        assert legend.look_of(kind_id, negative) == drawn[(kind_id, negative)]
    # The sample's distrust and conflict: two rows, two different line styles.
    assert rows["Trust (negative)"] == ("trust", True)
    assert rows["Conflict"] == ("conflict", True)
    distrust, conflict = drawn[("trust", True)], drawn[("conflict", True)]
    assert (distrust.dashes, distrust.marker) != (conflict.dashes, conflict.marker)
    # Categories: the legend's badges are the ones on the nodes.
    badges = category_badges(smap.categories.values())
    for node in window.scene.nodes.values():
        assert node.badge == badges[smap.stakeholders[node.sid].category]
    listed = [r.id for c in legend._columns for role, r, _t in c if role == "category"]
    assert set(listed) == {s.category for s in smap.stakeholders.values()}


def test_a_new_negative_tie_adds_its_legend_row(qtbot, small_map: StakeholderMap, settings):
    window = open_window(qtbot, small_map, settings)
    assert "Influence (negative)" not in _tie_rows(window)
    smap = window.document.smap
    tie = Relationship("r9", "mayor", "youth", valence="negative")
    window.document.push(AddRelationship(smap, tie))
    assert _tie_rows(window)["Influence (negative)"] == ("influence", True)


def _dark_pixels_inside(node: NodeItem) -> int:
    """Black pixels within the middle of the drawn node (a black letter on a yellow fill)."""
    image = QImage(80, 80, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(40, 40)
    node.paint(painter, QStyleOptionGraphicsItem())
    painter.end()
    inner = QRectF(-8, -8, 16, 16).translated(QPointF(40, 40)).toRect()
    return sum(
        1
        for x in range(inner.left(), inner.right())
        for y in range(inner.top(), inner.bottom())
        if QColor(image.pixel(x, y)).lightness() < 60
    )


def test_a_node_draws_its_badge_in_a_contrasting_colour(qtbot) -> None:
    plain, badged = NodeItem("a"), NodeItem("b")
    plain.configure("", "#F0E442", "circle", 20.0, False)
    badged.configure("", "#F0E442", "circle", 20.0, False, badge="Y")
    assert _dark_pixels_inside(plain) == 0
    assert _dark_pixels_inside(badged) > 20


def test_distrust_and_conflict_look_different_on_the_canvas(qtbot, small_map, settings) -> None:
    small_map.relationships["r5"] = Relationship(
        "r5", "mayor", "youth", kind="conflict", valence="negative", directed=False
    )
    small_map.relationships["r6"] = Relationship(
        "r6", "mayor", "branch", kind="trust", valence="negative"
    )
    window = open_window(qtbot, small_map, settings)
    conflict, distrust = window.scene.edges["r5"], window.scene.edges["r6"]
    assert conflict.look.negative and distrust.look.negative
    assert conflict.look.dashes != distrust.look.dashes
    assert conflict.colour() != distrust.colour()
    assert conflict.directed != distrust.directed
