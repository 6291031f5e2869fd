"""The two-scale grids stay legible: coincident points are spread for display only, names
and quadrant titles are neither clipped nor drawn over points or each other."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from stakeholder_mapper.core.model import Stakeholder, StakeholderMap
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP
from stakeholder_mapper.ui.document import MapDocument
from stakeholder_mapper.ui.panels.grids import (
    INFLUENCE_POSITION,
    POWER_INTEREST,
    SPREAD,
    GridSpec,
    ScaleGrid,
)


def _grid(qtbot, smap: StakeholderMap, spec: GridSpec, width: int, height: int) -> ScaleGrid:
    grid = ScaleGrid(MapDocument(smap), spec)
    qtbot.addWidget(grid)
    grid.resize(width, height)
    grid.show()
    qtbot.waitExposed(grid)
    return grid


def _pixel(grid: ScaleGrid, x: float, y: float):
    return grid.plot.mapFromScene(grid.plot.plotItem.vb.mapViewToScene(QPointF(x, y)))


def _text_rects(grid: ScaleGrid) -> list[QRectF]:
    return [item.sceneBoundingRect() for item in grid.titles + grid._labels if item.toPlainText()]


@pytest.mark.parametrize("spec", [POWER_INTEREST, INFLUENCE_POSITION])
@pytest.mark.parametrize("size", [(330, 420), (1000, 700)])
def test_sample_grid_text_is_inside_and_clear_of_points(qtbot, spec, size) -> None:
    smap = load_map(SAMPLE_MAP)
    grid = _grid(qtbot, smap, spec, *size)
    box = grid.plot.plotItem.vb.sceneBoundingRect()
    rects = _text_rects(grid)
    assert len(grid.titles) == 4 and all(t.toPlainText() for t in grid.titles)
    for rect in rects:
        assert box.contains(rect), "text is clipped at the plot's edge"
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b), "two texts overlap"
    for sid in smap.stakeholders:
        spot = grid.spot(sid)
        if spot is None:
            continue
        centre = grid.plot.plotItem.vb.mapViewToScene(QPointF(*spot))
        symbol = QRectF(centre.x() - 5, centre.y() - 5, 10, 10)
        assert not any(rect.intersects(symbol) for rect in rects), "text over a point"


def test_titles_are_shortened_when_narrow_and_whole_when_wide(qtbot) -> None:
    grid = _grid(qtbot, load_map(SAMPLE_MAP), INFLUENCE_POSITION, 300, 400)
    assert grid.titles[0].toPlainText().endswith("…")
    grid.resize(1200, 700)
    qtbot.waitUntil(lambda: not grid.titles[0].toPlainText().endswith("…"))
    assert [t.toPlainText() for t in grid.titles] == list(INFLUENCE_POSITION.quadrants)


def test_stacked_points_are_spread_but_keep_their_values(qtbot) -> None:
    smap = StakeholderMap()
    for i in range(7):
        smap.stakeholders[f"s{i}"] = Stakeholder(
            f"s{i}", f"Trader {i}", "private", power=4, interest=2
        )
    grid = _grid(qtbot, smap, POWER_INTEREST, 800, 600)
    spots = [grid.spot(f"s{i}") for i in range(7)]
    assert len(set(spots)) == 7
    for x, y in spots:
        assert (x - 2) ** 2 + (y - 4) ** 2 <= SPREAD**2 + 1e-9
    pixels = [_pixel(grid, *spot) for spot in spots]
    for a, b in itertools.combinations(pixels, 2):
        assert (a - b).manhattanLength() >= 10, "spread points are told apart on screen"
    assert all((s.power, s.interest) == (4, 2) for s in smap.stakeholders.values())
    again = ScaleGrid(MapDocument(smap), POWER_INTEREST)
    assert [again.spot(f"s{i}") for i in range(7)] == spots, "the spread is the same each time"
    again.deleteLater()


def test_dragging_a_spread_point_sets_the_cell_it_is_dropped_on(qtbot) -> None:
    smap = StakeholderMap()
    for i in range(5):
        smap.stakeholders[f"s{i}"] = Stakeholder(
            f"s{i}", f"Trader {i}", "private", power=4, interest=2
        )
    grid = _grid(qtbot, smap, POWER_INTEREST, 800, 600)
    document = grid.document
    start, end = _pixel(grid, *grid.spot("s3")), _pixel(grid, 5.2, 1.1)
    viewport = grid.plot.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(viewport, start + (end - start) * step / 10)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert (smap.stakeholders["s3"].power, smap.stakeholders["s3"].interest) == (1, 5)
    assert grid.spot("s3") == (5.0, 1.0)
    others = [s for sid, s in smap.stakeholders.items() if sid != "s3"]
    assert all((s.power, s.interest) == (4, 2) for s in others)
    document.undo_stack.undo()
    assert (smap.stakeholders["s3"].power, smap.stakeholders["s3"].interest) == (4, 2)


def test_a_selected_point_without_room_is_named_above_it_inside_the_plot(qtbot) -> None:
    smap = load_map(SAMPLE_MAP)
    grid = _grid(qtbot, smap, POWER_INTEREST, 330, 420)
    crowded = next(sid for sid in smap.stakeholders if grid.spot(sid) and grid.spot(sid)[0] > 4.6)
    grid.document.selection.set([crowded])
    named = [label for label in grid._labels if label.zValue() == 20]
    assert len(named) == 1
    text = named[0].toPlainText()
    assert text.rstrip("…") in smap.stakeholders[crowded].label
    box = grid.plot.plotItem.vb.sceneBoundingRect()
    assert box.contains(named[0].sceneBoundingRect())
