"""Lay out the map from the window: progress and cancel on a large map; quick-added
stakeholders spread out around the middle of the view."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QProgressDialog, QPushButton

from stakeholder_mapper.analysis.layout_quality import edge_crossings
from stakeholder_mapper.core.placement import SPACING, drawn_positions
from stakeholder_mapper.ui.window.map_layout import PROGRESS_FROM

from ..conftest import open_window
from ..waits import BACKGROUND


def test_eight_quick_added_stakeholders_spread_out_instead_of_a_diagonal_string(
    qtbot, window
) -> None:
    add = window.actions_by_name["add"]
    for _ in range(8):
        add.trigger()
        qtbot.keyClick(window.view.viewport(), "\x1b")  # leave the name as it is
    smap = window.document.smap
    new = [sid for sid, s in smap.stakeholders.items() if s.label.startswith("New stakeholder")]
    assert len(new) == 8
    drawn = drawn_positions(smap.stakeholders, smap.positions)
    # Clear of each other and of everyone already on the map, room for a name each.
    for sid in new:
        for other, xy in drawn.items():
            if other != sid:
                assert math.dist(drawn[sid], xy) >= SPACING - 1e-6
    # Not a string: the new ones are spread in both directions around the view's middle.
    xs = [drawn[sid][0] for sid in new]
    ys = [drawn[sid][1] for sid in new]
    assert max(xs) - min(xs) < 6 * SPACING and max(ys) - min(ys) < 6 * SPACING
    assert abs(_correlation(xs, ys)) < 0.9


def _correlation(xs: list[float], ys: list[float]) -> float:
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sx = math.sqrt(sum((x - mx) ** 2 for x in xs))
    sy = math.sqrt(sum((y - my) ** 2 for y in ys))
    return cov / (sx * sy)


def test_a_large_map_shows_progress_and_lays_out_with_fewer_crossings(
    qtbot, generated_map, settings
) -> None:
    smap = generated_map(PROGRESS_FROM)
    window = open_window(qtbot, smap, settings)
    ties = [(r.source, r.target) for r in smap.relationships.values()]
    before = edge_crossings(drawn_positions(smap.stakeholders, smap.positions), ties)
    window.actions_by_name["layout"].trigger()
    assert not window.actions_by_name["layout"].isEnabled()
    dialog = window.findChild(QProgressDialog)
    assert dialog is not None and dialog.maximum() == 100
    qtbot.waitUntil(lambda: window.actions_by_name["layout"].isEnabled(), timeout=BACKGROUND)
    assert (
        window.findChild(QProgressDialog) is None
        or not window.findChild(QProgressDialog).isVisible()
    )
    assert window.document.undo_stack.count() == 1
    after = edge_crossings(dict(smap.positions), ties)
    assert after < before
    # The canvas draws each stakeholder where the layout put it.
    assert all(window.scene.nodes[sid].pos().toTuple() == xy for sid, xy in smap.positions.items())


def test_cancel_leaves_the_map_as_it_was(qtbot, generated_map, settings) -> None:
    smap = generated_map(PROGRESS_FROM)
    window = open_window(qtbot, smap, settings)
    before = dict(smap.positions)
    window.actions_by_name["layout"].trigger()
    window.findChild(QProgressDialog).findChild(QPushButton).click()
    assert window.actions_by_name["layout"].isEnabled()
    assert "cancelled" in window.statusBar().currentMessage()
    window.map_layout.task.wait()
    qtbot.wait(50)
    assert smap.positions == before
    assert window.document.undo_stack.count() == 0
