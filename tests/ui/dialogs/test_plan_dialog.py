"""The plan export dialog: choices reach the plan, the export runs in the background."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from stakeholder_mapper.core.i18n import language
from stakeholder_mapper.core.model import Stakeholder, StakeholderMap
from stakeholder_mapper.io.plan import SECTIONS
from stakeholder_mapper.io.plan.plan_content import FIELDS
from stakeholder_mapper.io.project import load_map, save_map
from stakeholder_mapper.ui.dialogs import plan_dialog
from stakeholder_mapper.ui.dialogs.plan_dialog import PlanDialog
from stakeholder_mapper.ui.setup.folders import output_folder

from ..waits import BACKGROUND


@pytest.fixture
def dialog(qtbot, small_map: StakeholderMap) -> PlanDialog:
    small_map.stakeholders["branch"] = Stakeholder(
        "branch", "Red Crescent city branch", "redcross", person="Amina Haddad"
    )
    dlg = PlanDialog(small_map, "/maps/old-town.smap")
    qtbot.addWidget(dlg)
    return dlg


def test_default_file_goes_to_the_exports_folder_and_follows_the_level(
    dialog: PlanDialog,
) -> None:
    assert Path(dialog.output.text()) == output_folder() / "old-town-plan-full.docx"
    dialog.level.setCurrentIndex(dialog.level.findData("partner"))
    assert Path(dialog.output.text()) == output_folder() / "old-town-plan-partner.docx"
    assert not dialog.author.isEnabled()
    assert "no personal names" in dialog.level_help.text()


def test_export_writes_the_chosen_sections_and_level(
    qtbot, dialog: PlanDialog, tmp_path: Path
) -> None:
    dialog.level.setCurrentIndex(dialog.level.findData("partner"))
    for i in range(dialog.sections.count()):
        item = dialog.sections.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("figures", "sheets"):
            item.setCheckState(Qt.CheckState.Unchecked)
    target = tmp_path / "plan.docx"
    dialog.output.setText(str(target))
    export = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(dialog.plan_written, timeout=BACKGROUND):
        export.click()
        assert dialog.writing and not export.isEnabled()
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).isEnabled()
    assert dialog.written == target
    assert dialog.progress.value() == 100
    doc = Document(str(target))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert SECTIONS["figures"] not in headings and SECTIONS["sheets"] not in headings
    assert SECTIONS["priority"] in headings
    assert "Amina Haddad" not in doc.element.xml
    assert doc.sections[0].footer.paragraphs[-1].text.startswith("Partner version")


def test_the_plan_is_written_in_the_language_chosen_in_the_dialog(
    qtbot, dialog: PlanDialog, tmp_path: Path
) -> None:
    assert dialog.language.currentData() == "en"  # the interface language by default
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    target = tmp_path / "plan-ar.docx"
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.plan_written, timeout=BACKGROUND):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    headings = [p.text for p in Document(str(target)).paragraphs if p.style.name == "Heading 1"]
    assert "الملخص التنفيذي" in headings and SECTIONS["summary"] not in headings
    assert language() == "en"  # the window keeps its language


@pytest.mark.usefixtures("fast_kdf")
def test_the_plans_language_is_remembered_with_the_map(
    qtbot, dialog: PlanDialog, tmp_path: Path
) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    dialog.output.setText(str(tmp_path / "plan-ru.docx"))
    with qtbot.waitSignal(dialog.plan_written, timeout=BACKGROUND):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.smap.plan_settings["language"] == "ru"

    path = tmp_path / "city.smap"
    save_map(dialog.smap, path, "long secret phrase")
    reopened = load_map(path, "long secret phrase")
    second = PlanDialog(reopened, path)
    qtbot.addWidget(second)
    assert second.language.currentData() == "ru"  # in an English window
    assert second.options().language == "ru"

    # Back to the interface's language: remembered too, not left in Russian.
    second.language.setCurrentIndex(second.language.findData("en"))
    second.output.setText(str(tmp_path / "plan-en.docx"))
    with qtbot.waitSignal(second.plan_written, timeout=BACKGROUND):
        second.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert reopened.plan_settings["language"] == "en"
    third = PlanDialog(reopened, path)
    qtbot.addWidget(third)
    assert third.language.currentData() == "en"


def test_failure_is_reported_in_the_dialog(qtbot, dialog: PlanDialog, tmp_path: Path) -> None:
    dialog.template.setText(str(tmp_path / "missing.docx"))
    dialog.output.setText(str(tmp_path / "plan.docx"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: "not written" in dialog.status.text(), timeout=BACKGROUND)
    assert "does not exist" in dialog.status.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert dialog.written is None and not dialog.writing


def test_offer_to_open_respects_the_answer(
    dialog: PlanDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.written = tmp_path / "plan.docx"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert dialog.offer_to_open() is False


def test_plan_refuses_to_overwrite_the_open_map(qtbot, small_map, tmp_path: Path) -> None:
    map_file = tmp_path / "city.smap"
    map_file.write_bytes(b"the map")
    dialog = PlanDialog(small_map, map_file)
    qtbot.addWidget(dialog)
    for target in (map_file, tmp_path / "plan.smap"):
        dialog.output.setText(str(target))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        assert not dialog.writing and dialog.written is None
        assert "choose another" in dialog.status.text()
    assert map_file.read_bytes() == b"the map" and not (tmp_path / "plan.smap").exists()


def test_an_unexpected_failure_is_shown_and_leaves_the_dialog_usable(
    qtbot, dialog: PlanDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args) -> None:
        raise KeyError("figures")

    monkeypatch.setattr(plan_dialog, "write_plan", broken)
    dialog.output.setText(str(tmp_path / "plan.docx"))
    export = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    export.click()
    qtbot.waitUntil(export.isEnabled, timeout=BACKGROUND)
    assert dialog.status.text() == "The plan was not written: 'figures'"
    assert dialog.written is None


def test_cancel_stops_the_export_and_writes_no_file(
    qtbot, dialog: PlanDialog, tmp_path: Path
) -> None:
    target = tmp_path / "plan.docx"
    dialog.output.setText(str(target))
    dialog.show()
    export = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    export.click()
    assert dialog.writing
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.isVisible()  # the first Cancel stops the export, not the dialog
    qtbot.waitUntil(lambda: not dialog.writing, timeout=BACKGROUND)
    assert dialog.status.text() == "Export cancelled: no plan was written."
    assert export.isEnabled() and dialog.written is None
    assert not target.exists() and not list(tmp_path.iterdir())
    # Once idle, Cancel closes the dialog.
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    assert dialog.result() == dialog.DialogCode.Rejected


@pytest.mark.usefixtures("fast_kdf")
def test_choices_are_remembered_and_come_back_after_reopening_the_file(
    qtbot, dialog: PlanDialog, tmp_path: Path
) -> None:
    smap = dialog.smap
    dialog.level.setCurrentIndex(dialog.level.findData("partner"))
    dialog.sheets.setCurrentIndex(dialog.sheets.findData("all"))
    for i in range(dialog.sections.count()):
        item = dialog.sections.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in ("figures", "risks"):
            item.setCheckState(Qt.CheckState.Unchecked)
    dialog.output.setText(str(tmp_path / "plan.docx"))
    with qtbot.waitSignal(dialog.plan_written, timeout=BACKGROUND):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    chosen = [key for key in SECTIONS if key not in ("figures", "risks")]
    assert smap.plan_settings == {
        "sections": chosen,
        "level": "partner",
        "show_author": False,
        "sheets_for": "all",
    }

    path = tmp_path / "city.smap"
    save_map(smap, path, "long secret phrase")
    reopened = load_map(path, "long secret phrase")
    assert reopened.plan_settings == smap.plan_settings
    second = PlanDialog(reopened, path)
    qtbot.addWidget(second)
    assert second.chosen_level() == "partner"
    assert second.sheets.currentData() == "all"
    assert list(second.chosen_sections()) == chosen
    assert Path(second.output.text()) == output_folder() / "city-plan-partner.docx"

    smap.plan_settings = {}
    third = PlanDialog(smap, path)
    qtbot.addWidget(third)
    assert third.chosen_level() == "full" and len(third.chosen_sections()) == len(SECTIONS)


def test_a_read_only_view_remembers_nothing(qtbot, small_map, tmp_path: Path) -> None:
    dialog = PlanDialog(small_map, None, remember=False)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(tmp_path / "plan.docx"))
    with qtbot.waitSignal(dialog.plan_written, timeout=BACKGROUND):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert small_map.plan_settings == {}


def test_exporting_from_the_window_neither_marks_the_map_changed_nor_clears_the_route(
    qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.document.undo_stack.setClean()
    window.route_panel.set_ends(source="branch", target="mayor")
    window.route_panel.find()
    route = window.scene.route
    assert route, "a route is shown"
    note = window.route_panel.note.text()

    def export(self) -> int:
        self.output.setText(str(tmp_path / "plan.docx"))
        with qtbot.waitSignal(self.plan_written, timeout=BACKGROUND):
            self.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        return self.result()

    monkeypatch.setattr(PlanDialog, "exec", export)
    monkeypatch.setattr(PlanDialog, "offer_to_open", lambda self: False)
    window.actions_by_name["plan"].trigger()
    assert (tmp_path / "plan.docx").exists()
    assert window.document.smap.plan_settings["level"] == "full", "the choices are kept"
    assert window.document.undo_stack.isClean()
    assert window.document.undo_stack.count() == 0
    assert not window.isWindowModified()
    assert window.scene.route == route
    assert window.route_panel.note.text() == note


def test_the_dialog_names_the_chosen_sections_without_data(qtbot, small_map) -> None:
    small_map.info = dataclasses.replace(small_map.info, problem="Floods every spring.")
    dialog = PlanDialog(small_map, None)
    qtbot.addWidget(dialog)
    text = dialog.missing.text()
    assert "Problem and headline ask" not in text
    assert "“Risk register”" in text and "“Indicators”" in text
    assert "Ctrl+Shift+D" in text
    for i in range(dialog.sections.count()):
        item = dialog.sections.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in FIELDS:
            item.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.missing.text() == "" and not dialog.missing.isVisibleTo(dialog)


def test_author_choice_is_remembered_for_the_full_version(
    qtbot, dialog: PlanDialog, tmp_path: Path
) -> None:
    dialog.author.setChecked(True)
    dialog.output.setText(str(tmp_path / "plan.docx"))
    with qtbot.waitSignal(dialog.plan_written, timeout=BACKGROUND):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.smap.plan_settings["show_author"] is True
    again = PlanDialog(dialog.smap, "/maps/old-town.smap")
    qtbot.addWidget(again)
    assert again.author.isChecked() and again.options().show_author
