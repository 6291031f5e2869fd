"""View → Text size and View → High contrast: applied to docks, tables and the map, and
remembered for the next start."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QApplication

from stakeholder_mapper.core.styles import relative_luminance
from stakeholder_mapper.ui.canvas.items import CanvasTheme, NodeItem
from stakeholder_mapper.ui.setup.settings import HIGH_CONTRAST, TEXT_SIZE
from stakeholder_mapper.ui.window import appearance as appearance_module

from ..conftest import open_window


@pytest.fixture
def fresh_appearance():
    """No appearance carried over from another test, and the system's look put back after."""
    appearance_module._current = None
    yield
    current = appearance_module._current
    if current is not None:
        current.set_text_size("normal", remember=False)
        current.set_high_contrast(False, remember=False)
    appearance_module._current = None


def _action(window, name: str) -> QAction:
    """The View menu's entry ``name`` (text_size_normal, ..., high_contrast)."""
    return next(a for a in window.findChildren(QAction) if a.objectName() == name)


def _label_height(node: NodeItem) -> float:
    """The node's label height at the zoom's label scale of 1 (the view enlarges labels
    when zoomed out, a separate matter)."""
    return node.label_rect().height() / node.label_scale


def _contrast(a, b) -> float:
    lighter, darker = sorted((relative_luminance(a.name()), relative_luminance(b.name())))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def test_larger_text_grows_docks_tables_and_map_labels(
    qtbot, small_map, settings, fresh_appearance
) -> None:
    window = open_window(qtbot, small_map, settings)
    app = QApplication.instance()
    system_points = app.font().pointSizeF()
    table = window.stakeholder_table.table
    row_height = table.verticalHeader().defaultSectionSize()
    node = window.scene.nodes["mayor"]
    label_height = _label_height(node)
    _action(window, "text_size_larger").trigger()
    assert app.font().pointSizeF() == pytest.approx(1.5 * system_points)
    assert window.docks["inspector"].widget().font().pointSizeF() == pytest.approx(
        1.5 * system_points
    )
    assert NodeItem.label_px == round(1.5 * 12)
    assert _label_height(node) > 1.3 * label_height
    assert table.verticalHeader().defaultSectionSize() > 1.3 * row_height
    assert settings.get(TEXT_SIZE) == "larger"
    _action(window, "text_size_normal").trigger()
    assert app.font().pointSizeF() == pytest.approx(system_points)
    assert _label_height(node) == pytest.approx(label_height)


def test_text_size_is_remembered_at_the_next_start(
    qtbot, small_map, settings, fresh_appearance
) -> None:
    settings.set(TEXT_SIZE, "large")
    app = QApplication.instance()
    system_points = app.font().pointSizeF()
    window = open_window(qtbot, small_map, settings)
    assert app.font().pointSizeF() == pytest.approx(1.25 * system_points)
    assert _action(window, "text_size_large").isChecked()


def test_high_contrast_turns_windows_and_map_black_on_white(
    qtbot, small_map, settings, fresh_appearance
) -> None:
    window = open_window(qtbot, small_map, settings)
    app = QApplication.instance()
    system = QPalette(app.palette())
    action = _action(window, "high_contrast")
    action.trigger()
    palette = app.palette()
    for text, back in (
        (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
        (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
        (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
        (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    ):
        assert _contrast(palette.color(text), palette.color(back)) >= 7.0
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert _contrast(disabled, palette.color(QPalette.ColorRole.Base)) >= 7.0
    assert window.view.backgroundBrush().color().name() == "#ffffff"
    assert CanvasTheme.outline.name() == "#000000" and CanvasTheme.outline_width >= 2
    edge = window.scene.edges["r2"]
    assert edge._pen.widthF() == pytest.approx(0.6 + 0.8 * 5 + CanvasTheme.extra_line_width)
    grid = window.power_interest
    assert grid.plot.getAxis("left").textPen().color().name() == "#000000"
    assert all(title.color.name() == "#000000" for title in grid.titles)
    assert settings.get(HIGH_CONTRAST) is True
    action.trigger()
    assert all(title.color.name() == "#555555" for title in grid.titles)
    assert app.palette().color(QPalette.ColorRole.Window) == system.color(QPalette.ColorRole.Window)
    assert window.view.backgroundBrush().color() == CanvasTheme.background
    assert CanvasTheme.outline_width < 2
    assert settings.get(HIGH_CONTRAST) is False


def test_high_contrast_is_remembered_at_the_next_start(
    qtbot, small_map, settings, fresh_appearance
) -> None:
    settings.set(HIGH_CONTRAST, True)
    window = open_window(qtbot, small_map, settings)
    assert _action(window, "high_contrast").isChecked()
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).name() == "#ffffff"
    assert window.view.backgroundBrush().color().name() == "#ffffff"


def test_a_stored_bool_read_back_from_the_settings_file(settings) -> None:
    settings.set(HIGH_CONTRAST, True)
    settings.store.sync()
    reread = type(settings)(
        type(settings.store)(settings.store.fileName(), settings.store.format())
    )
    assert reread.get(HIGH_CONTRAST) is True
