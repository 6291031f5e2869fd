"""Canvas labels stay readable: a label that would overlap a more important stakeholder's
label moves above its node or is hidden, and comes back on selection, hover and zoom-in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from stakeholder_mapper.core.commands import MoveStakeholders
from stakeholder_mapper.core.model import Stakeholder, StakeholderMap
from stakeholder_mapper.ui.canvas.items import ABOVE, BELOW, HIDDEN, LABEL_SCREEN_PX, NodeItem
from stakeholder_mapper.ui.window.main_window import MainWindow

from ..conftest import node_point, open_window


def _window(qtbot, settings, smap: StakeholderMap) -> MainWindow:
    win = open_window(qtbot, smap, settings)
    win.view.sync_detail()
    return win


@pytest.fixture
def crowd(qtbot, settings) -> MainWindow:
    """The mayor (power 5) and the council (4) on the same spot, a football club (1) just
    beside them: its node is clear of theirs, its label would overlap both of theirs."""
    smap = StakeholderMap()
    for sid, label, power in (
        ("mayor", "Mayor of the city", 5),
        ("council", "City council", 4),
        ("club", "Football club", 1),
    ):
        smap.stakeholders[sid] = Stakeholder(sid, label, "municipal", power=power)
        smap.positions[sid] = (0.0, 0.0)
    smap.positions["club"] = (50.0, 0.0)
    return _window(qtbot, settings, smap)


def _places(win: MainWindow) -> dict[str, str]:
    return {sid: node.label_place for sid, node in win.scene.nodes.items()}


def test_stacked_labels_go_below_then_above_then_hide(crowd: MainWindow) -> None:
    assert _places(crowd) == {"mayor": BELOW, "council": ABOVE, "club": HIDDEN}
    club = crowd.scene.nodes["club"]
    assert not club.label_visible()
    below, above = crowd.scene.nodes["mayor"], crowd.scene.nodes["council"]
    drawn_below = below.label_rect(BELOW).translated(below.pos())
    drawn_above = above.label_rect(ABOVE).translated(above.pos())
    assert not drawn_below.intersects(drawn_above)


def test_selecting_a_hidden_label_shows_it_first(crowd: MainWindow) -> None:
    crowd.document.selection.set(["club"])
    assert _places(crowd) == {"club": BELOW, "mayor": ABOVE, "council": HIDDEN}
    assert crowd.scene.nodes["club"].zValue() > crowd.scene.nodes["mayor"].zValue()
    crowd.document.selection.set([])
    assert _places(crowd) == {"mayor": BELOW, "council": ABOVE, "club": HIDDEN}


def test_hovering_a_node_shows_its_hidden_label(qtbot, crowd: MainWindow) -> None:
    club = crowd.scene.nodes["club"]
    assert club.label_place == HIDDEN and not club.label_visible()
    viewport = crowd.view.viewport()
    QTest.mouseMove(viewport, node_point(crowd, "club") + QPoint(0, 300))
    QTest.mouseMove(viewport, node_point(crowd, "club"))
    qtbot.waitUntil(lambda: club.hovered)
    assert club.label_visible() and club.zValue() > crowd.scene.nodes["mayor"].zValue()
    QTest.mouseMove(viewport, node_point(crowd, "club") + QPoint(0, 300))
    qtbot.waitUntil(lambda: not club.hovered)
    assert not club.label_visible()


def test_zooming_in_brings_crowded_labels_back(qtbot, settings) -> None:
    smap = StakeholderMap()
    for sid, label, power in (
        ("a", "Harbour master", 5),
        ("b", "Port workers union", 4),
        ("c", "Fish market traders", 3),
    ):
        smap.stakeholders[sid] = Stakeholder(sid, label, "private", power=power)
    win = _window(qtbot, settings, smap)
    width = max(node.label_rect(BELOW).width() for node in win.scene.nodes.values())
    gap = width * 0.75  # labels of neighbours overlap, those two apart do not
    positions = {"a": (0.0, 0.0), "b": (gap, 0.0), "c": (2 * gap, 0.0)}
    win.document.try_edit(lambda: MoveStakeholders(win.document.smap, positions))
    assert _places(win) == {"a": BELOW, "b": ABOVE, "c": BELOW}
    win.view.zoom_by(0.5)
    assert NodeItem.label_scale > 1.0, "zoomed out, labels grow in scene units"
    assert NodeItem.label_px * NodeItem.label_scale * win.view.zoom_level() >= LABEL_SCREEN_PX
    assert _places(win)["c"] == HIDDEN
    win.view.zoom_by(2.0)
    assert NodeItem.label_scale == 1.0
    assert _places(win) == {"a": BELOW, "b": ABOVE, "c": BELOW}


def test_a_clicked_node_with_a_hidden_label_is_selected_and_labelled(crowd: MainWindow) -> None:
    viewport = crowd.view.viewport()
    QTest.mouseClick(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        node_point(crowd, "club"),
    )
    assert crowd.document.selection.stakeholders == ("club",)
    assert crowd.scene.nodes["club"].label_place == BELOW


def test_no_drawn_label_lies_under_another_node(qtbot, settings) -> None:
    """A less important node right under a name: the name moves above or hides, never under it."""
    smap = StakeholderMap()
    for sid, label, power, spot in (
        ("bank", "Coastal Commercial Bank", 5, (0.0, 0.0)),
        ("guild", "Fishers guild", 1, (0.0, 40.0)),
        ("radio", "Radio", 1, (0.0, -40.0)),
    ):
        smap.stakeholders[sid] = Stakeholder(sid, label, "private", power=power)
        smap.positions[sid] = spot
    win = _window(qtbot, settings, smap)
    nodes = win.scene.nodes
    for node in nodes.values():
        if node.label_place == HIDDEN:
            continue
        drawn = node.label_rect(node.label_place).translated(node.pos())
        for other in nodes.values():
            if other is not node:
                shape = other.outline().boundingRect().translated(other.pos())
                assert not drawn.intersects(shape.adjusted(3, 3, -3, -3)), (node.sid, other.sid)
    assert nodes["bank"].label_place == HIDDEN
    win.document.selection.set(["bank"])
    assert nodes["bank"].label_place != HIDDEN


def test_a_name_cut_to_its_lines_ends_in_an_ellipsis(qtbot, settings) -> None:
    smap = StakeholderMap()
    long_name = "Marenza Chamber of Commerce, Industry, Fisheries and Port Services Association"
    smap.stakeholders["chamber"] = Stakeholder("chamber", long_name, "private")
    smap.stakeholders["mayor"] = Stakeholder("mayor", "Mayor", "municipal")
    win = _window(qtbot, settings, smap)
    chamber, mayor = win.scene.nodes["chamber"], win.scene.nodes["mayor"]
    assert chamber.shown_label.endswith("…")
    assert long_name.startswith(chamber.shown_label[:-1].rstrip())
    assert mayor.shown_label == "Mayor"
    assert long_name in win.view.tooltip_for(chamber)


def test_a_name_that_fits_its_lines_is_shown_whole(qtbot, settings) -> None:
    smap = StakeholderMap()
    name = "Marenza Fire and Rescue Service"
    smap.stakeholders["fire"] = Stakeholder("fire", name, "emergency")
    win = _window(qtbot, settings, smap)
    node = win.scene.nodes["fire"]
    assert node.shown_label == name
    assert node.label_rect(BELOW).height() / node.label_scale >= 2 * node.label_px


def test_a_label_hidden_by_the_declutter_is_no_longer_drawn(qtbot, settings) -> None:
    smap = StakeholderMap()
    smap.stakeholders["port"] = Stakeholder("port", "Harbour master", "private", power=3)
    smap.positions["port"] = (0.0, 0.0)
    win = _window(qtbot, settings, smap)
    node = win.scene.nodes["port"]
    label = win.view.mapFromScene(node.label_rect(BELOW).translated(node.pos())).boundingRect()

    def dark_pixels() -> int:
        picture = win.view.viewport().grab().toImage()
        return sum(
            1
            for x in range(label.left() + 2, label.right() - 2)
            for y in range(label.top() + 2, label.bottom() - 2)
            if picture.pixelColor(x, y).lightness() < 100
        )

    assert node.label_place == BELOW and dark_pixels() > 20
    node.set_label_place(HIDDEN)
    assert dark_pixels() == 0
