"""Every control a keyboard reaches has a name a screen reader can speak: in the main window
with each of its panels in front, and in every dialog, each tab of it in turn."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QDialog, QPushButton, QTabWidget, QWidget

from stakeholder_mapper.core.commands import UpdateStakeholder
from stakeholder_mapper.ui.dialogs.export_dialog import ExportDialog
from stakeholder_mapper.ui.dialogs.help import show_about, show_shortcuts
from stakeholder_mapper.ui.dialogs.import_dialog import ImportDialog
from stakeholder_mapper.ui.dialogs.map_details import MapDetailsDialog
from stakeholder_mapper.ui.dialogs.plan_dialog import PlanDialog
from stakeholder_mapper.ui.dialogs.privacy import ErasePersonDialog, ReviewDueDialog
from stakeholder_mapper.ui.dialogs.sharing import SharingDialog
from stakeholder_mapper.ui.files.autosave import NewPasswordDialog, PasswordDialog
from stakeholder_mapper.ui.window.actions import shortcut_actions
from stakeholder_mapper.ui.window.main_window import MainWindow


def unnamed_controls(top: QWidget) -> list[str]:
    """The shown controls of ``top`` that take the keyboard focus but have no accessible
    name (as assistive technology reads it: a label's buddy and a button's text count)."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if (
            widget.focusPolicy() == Qt.FocusPolicy.NoFocus
            or not widget.isVisible()
            or widget.focusProxy() is not None
        ):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if not interface.text(QAccessible.Text.Name).strip():
            chain, up = [], widget
            while up is not None and len(chain) < 4:
                chain.append(type(up).__name__)
                up = up.parentWidget()
            found.append(" in ".join(chain))
    return found


def test_every_control_of_the_main_window_has_a_name(qtbot, window: MainWindow) -> None:
    window.metrics.run_now()
    qtbot.waitUntil(lambda: window.metrics.result is not None, timeout=20000)
    window.power_interest, window.influence_position, window.metrics_panel.chart  # noqa: B018
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    docks = [*window.panel_keys.docks.values()]
    missing: dict[str, list[str]] = {}
    for dock in docks:
        dock.show()
        dock.raise_()
        qtbot.wait(20)
        names = unnamed_controls(window)
        if names:
            missing[dock.windowTitle()] = names
    assert missing == {}
    assert window.view.accessibleName() != ""


def _dialogs(window: MainWindow) -> list[Callable[[], QDialog]]:
    smap, document = window.document.smap, window.document
    return [
        lambda: show_about(window),
        lambda: show_shortcuts(window, shortcut_actions(window)),
        lambda: PlanDialog(smap, None, window, push=document.push),
        lambda: ExportDialog(smap, window.scene, parent=window),
        lambda: ImportDialog(smap, window),
        lambda: MapDetailsDialog(document, window),
        lambda: ErasePersonDialog(smap, "mayor", window),
        lambda: ReviewDueDialog(smap, dt.date(2030, 1, 1), window),
        lambda: SharingDialog(smap, document.push, window),
        lambda: PasswordDialog("city.smap", parent=window),
        lambda: NewPasswordDialog("city.smap", has_password=True, parent=window),
    ]


@pytest.mark.parametrize("number", range(11))
def test_every_dialog_has_a_title_a_default_button_and_named_controls(
    qtbot, window: MainWindow, number: int
) -> None:
    dialog = _dialogs(window)[number]()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle().strip()
    # Enter does the dialog's main thing: one shown button is the default.
    defaults = [b.text() for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert len(defaults) == 1
    missing = {}
    pages = [(dialog.windowTitle(), None, -1)]
    for tabs in dialog.findChildren(QTabWidget):
        pages += [(tabs.tabText(i), tabs, i) for i in range(tabs.count())]
    for title, tabs, index in pages:
        if tabs is not None:
            tabs.setCurrentIndex(index)
            qtbot.wait(10)
        names = unnamed_controls(dialog)
        if names:
            missing[title] = names
    dialog.close()
    assert missing == {}


def test_tables_charts_and_grids_carry_a_summary(qtbot, window: MainWindow) -> None:
    window.document.push(UpdateStakeholder(window.document.smap, "mayor", power=5, interest=4))
    grid = window.power_interest
    assert "Manage closely: Mayor." in grid.plot.accessibleDescription()
    assert "Monitor: nobody." in grid.plot.accessibleDescription()
    panel = window.stakeholder_table
    assert panel.table.accessibleDescription().startswith("4 of 4 rows shown; columns: Name,")
    panel.filter_box.setText("imam")
    assert panel.table.accessibleDescription().startswith("1 of 4 rows shown")
    window.metrics.run_now()
    qtbot.waitUntil(lambda: window.metrics.result is not None, timeout=20000)
    chart = window.metrics_panel.chart
    qtbot.waitUntil(lambda: chart.accessibleDescription() != "")
    summary = chart.accessibleDescription()
    assert summary.startswith("betweenness, highest first: Imam of the central mosque 0.333")
    assert window.metrics_panel.table.accessibleDescription().startswith(
        "Metrics of 4 stakeholders"
    )
