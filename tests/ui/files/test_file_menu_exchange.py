"""File menu: Import, Export and Export engagement plan reach the map through the real dialogs;
the app opens the sample map as an unsaved copy so the bundled file is never overwritten."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from stakeholder_mapper.core.commands import AddStakeholder, Batch
from stakeholder_mapper.core.model import Stakeholder, StakeholderMap
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.io.table_import import ImportReport, import_workbook
from stakeholder_mapper.paths import SAMPLE_MAP
from stakeholder_mapper.ui.app import build_window
from stakeholder_mapper.ui.dialogs import import_dialog as import_dialog_module
from stakeholder_mapper.ui.dialogs.export_dialog import ExportDialog
from stakeholder_mapper.ui.dialogs.import_dialog import ImportOutcome
from stakeholder_mapper.ui.dialogs.plan_dialog import PlanDialog
from stakeholder_mapper.ui.window.main_window import MainWindow

from ..modals import Modals
from ..waits import BACKGROUND


def test_export_menu_writes_the_open_map(qtbot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "city.xlsx"

    def export_workbook(dialog: ExportDialog) -> None:
        dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
        dialog.file_edit.setText(str(target))
        dialog.export()

    modals = Modals([(ExportDialog, export_workbook)])
    window.actions_by_name["export"].trigger()
    assert not modals.steps
    back, _ = import_workbook(target)
    assert back.stakeholders == window.document.smap.stakeholders


def test_plan_menu_writes_the_plan_of_the_open_map(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "plan.docx"

    def write_plan(dialog: PlanDialog) -> None:
        for i in range(dialog.sections.count()):
            item = dialog.sections.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in ("figures", "sheets"):
                item.setCheckState(Qt.CheckState.Unchecked)
        dialog.output.setText(str(target))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    def do_not_open(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.No).click()

    modals = Modals([(PlanDialog, write_plan), (QMessageBox, do_not_open)])
    window.actions_by_name["plan"].trigger()
    qtbot.waitUntil(lambda: not modals.steps, timeout=BACKGROUND)
    text = "\n".join(cell.text for t in Document(str(target)).tables for cell in t._cells)
    for stakeholder in window.document.smap.stakeholders.values():
        assert stakeholder.label in text


def test_import_merge_is_one_undo_step(qtbot, window: MainWindow, monkeypatch) -> None:
    smap = window.document.smap
    merge = Batch.build(
        smap,
        "Import 2 stakeholders",
        [
            lambda m: AddStakeholder(m, Stakeholder("radio", "Radio Delta FM", "media")),
            lambda m: AddStakeholder(m, Stakeholder("bank", "Delta Microfinance", "financial")),
        ],
    )
    monkeypatch.setattr(
        import_dialog_module,
        "run_import_dialog",
        lambda parent, target: ImportOutcome(None, merge, ImportReport()),
    )
    window.actions_by_name["import"].trigger()
    assert {"radio", "bank"} <= set(smap.stakeholders)
    assert set(window.scene.nodes) >= {"radio", "bank"}
    window.actions_by_name["undo"].trigger()
    assert not {"radio", "bank"} & set(smap.stakeholders)


def test_import_as_new_map_is_unsaved_work(qtbot, window: MainWindow, monkeypatch) -> None:
    imported = StakeholderMap()
    imported.stakeholders["radio"] = Stakeholder("radio", "Radio Delta FM", "media")
    monkeypatch.setattr(
        import_dialog_module,
        "run_import_dialog",
        lambda parent, target: ImportOutcome(imported, None, ImportReport()),
    )
    window.actions_by_name["import"].trigger()
    assert list(window.document.smap.stakeholders) == ["radio"]
    assert window.document.path is None
    assert window.isWindowModified(), "closing must ask to save an imported map"


def test_no_map_named_opens_a_copy_of_the_sample(qtbot, tmp_path: Path, monkeypatch) -> None:
    bundled = SAMPLE_MAP.read_bytes()
    window = build_window(None)
    qtbot.addWidget(window)
    assert window.document.path is None
    assert window.document.smap == load_map(SAMPLE_MAP)
    target = tmp_path / "my-city.smap"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    assert window.save()
    assert load_map(target) == load_map(SAMPLE_MAP)
    assert SAMPLE_MAP.read_bytes() == bundled
    window.guard.close()


def test_the_map_fills_the_canvas_when_the_window_first_shows(qtbot) -> None:
    window = build_window(None)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    view = window.view

    def fitted() -> bool:
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        return shown.contains(window.scene.itemsBoundingRect()) and shown.width() < 4 * (
            window.scene.itemsBoundingRect().width()
        )

    qtbot.waitUntil(fitted, timeout=BACKGROUND)
    window.guard.close()
