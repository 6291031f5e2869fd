"""The docks are readable on the sample map in a laptop-sized window: tables show several
rows, no column text is cut while room is left unused, and the metrics dock lists the
most important broker first, by category name, with a chart whose names do not overlap."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF, Qt

from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP
from stakeholder_mapper.ui.panels.metrics_panel import SHOWN
from stakeholder_mapper.ui.panels.tables import TablePanel
from stakeholder_mapper.ui.window.main_window import MainWindow

from ..waits import BACKGROUND


@pytest.fixture(params=[(1280, 800), (1600, 1000), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def sample_window(request, qtbot, settings) -> MainWindow:
    win = MainWindow(load_map(SAMPLE_MAP), SAMPLE_MAP, settings=settings)
    qtbot.addWidget(win, before_close_func=lambda w: w.document.undo_stack.setClean())
    win.resize(*request.param)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(
        lambda: win.metrics.result is not None and not win.metrics.running, timeout=BACKGROUND
    )
    return win


def _visible_rows(table) -> int:
    return table.viewport().height() // table.verticalHeader().defaultSectionSize()


def _check_columns(table) -> None:
    model, header = table.model(), table.horizontalHeader()
    metrics = table.fontMetrics()
    used = sum(header.sectionSize(c) for c in range(model.columnCount()))
    if used >= table.viewport().width():
        return  # every pixel is used; cut text is then unavoidable
    for column in range(model.columnCount()):
        for row in range(model.rowCount()):
            text = str(model.index(row, column).data() or "")
            assert metrics.horizontalAdvance(text) <= header.sectionSize(column), (
                f"{text!r} is cut in column {column} while room is unused"
            )


@pytest.mark.parametrize("records", ["stakeholders", "relationships"])
def test_record_tables_show_rows_and_whole_text(qtbot, sample_window, records) -> None:
    dock = sample_window.docks[records]
    dock.raise_()
    panel = dock.widget()
    assert isinstance(panel, TablePanel)
    qtbot.waitUntil(panel.table.isVisible)
    assert _visible_rows(panel.table) >= 5
    _check_columns(panel.table)


def test_metrics_list_brokers_first_by_category_name(qtbot, sample_window) -> None:
    sample_window.docks["metrics"].raise_()
    panel = sample_window.metrics_panel
    qtbot.waitUntil(panel.table.isVisible)
    table = panel.runner.result.metrics
    column = SHOWN.index("betweenness")
    shown = [
        float(panel.proxy.index(row, column).data(Qt.ItemDataRole.UserRole + 1))
        for row in range(panel.proxy.rowCount())
    ]
    assert shown == sorted(table["betweenness"], reverse=True)
    first = panel.proxy.index(0, SHOWN.index("name")).data()
    assert first == table.sort_values("betweenness", ascending=False)["name"].iloc[0]
    names = {c.name for c in sample_window.document.smap.categories.values()}
    categories = {
        panel.proxy.index(row, SHOWN.index("category")).data()
        for row in range(panel.proxy.rowCount())
    }
    assert categories <= names
    assert _visible_rows(panel.table) >= 5
    _check_columns(panel.table)


def test_metrics_chart_names_do_not_overlap(qtbot, sample_window) -> None:
    sample_window.docks["metrics"].raise_()
    panel = sample_window.metrics_panel
    qtbot.waitUntil(panel.chart.isVisible)
    axis = panel.chart.getAxis("left")
    ticks = axis._tickLevels[0]
    assert 3 <= len(ticks) <= 10
    assert panel.chart_title.text() == f"Top {len(ticks)} by"
    box = panel.chart.getViewBox()
    ys = [box.mapViewToScene(QPointF(0, y)).y() for y, _name in ticks]
    gaps = [abs(b - a) for a, b in itertools.pairwise(ys)]
    assert min(gaps) >= panel.chart.fontMetrics().height()
    top = panel.runner.result.metrics.sort_values("betweenness", ascending=False)["name"]
    assert ticks[-1][1].rstrip("…") in top.iloc[0]


def test_docks_are_not_squeezed(qtbot, sample_window) -> None:
    canvas = sample_window.view.viewport()
    width, height = sample_window.width(), sample_window.height()
    assert canvas.width() >= width * 0.4 and canvas.height() >= height * 0.45
    for name in ("inspector", "power_interest", "stakeholders", "legend"):
        dock = sample_window.docks[name]
        assert dock.width() >= 240 and dock.height() >= 150, name
