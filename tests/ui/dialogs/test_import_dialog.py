"""The import dialog driven like a user: choose files, check, read the report, import, undo."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt

from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.ui.dialogs.dialog_size import DIALOG_MAX_SHARE
from stakeholder_mapper.ui.dialogs.import_dialog import ImportDialog
from stakeholder_mapper.ui.document import MapDocument

from ..waits import BACKGROUND

FRENCH = (
    "Identifiant;Nom;Catégorie;Pouvoir;Confiance;Quartier\n"
    "pref;Préfecture;Autorité nationale;5;0;Centre\n"
    "mairie;Mairie;municipal;9;1;Centre\n"
    "croix;Croix-Rouge locale;redcross;3;2;Nord\n"
)
LEFT = Qt.MouseButton.LeftButton
TIES = "De;À;Type;Force\ncroix;pref;influence;3\ncroix;fantome;trust;2\nmairie;pref;trust;4\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    people, ties = tmp_path / "acteurs.csv", tmp_path / "liens.csv"
    people.write_bytes(FRENCH.encode("cp1252"))
    ties.write_bytes(TIES.encode("cp1252"))
    return people, ties


def open_dialog(qtbot, smap: StakeholderMap | None = None) -> ImportDialog:
    dialog = ImportDialog(smap)
    qtbot.addWidget(dialog)
    return dialog


def wait(qtbot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=BACKGROUND)


def load(qtbot, dialog: ImportDialog, files: tuple[Path, Path]) -> None:
    dialog.load(files[0])
    wait(qtbot, dialog)
    dialog.load_relationships(files[1])
    wait(qtbot, dialog)


def choices(dialog: ImportDialog, role: str) -> dict[str, str]:
    return {h: c.currentText() for h, c in dialog.mappings[role].combos.items()}


def test_columns_are_matched_from_french_headers(qtbot, files):
    dialog = open_dialog(qtbot)
    load(qtbot, dialog, files)
    assert choices(dialog, "stakeholders") == {
        "Identifiant": "id",
        "Nom": "name",
        "Catégorie": "category",
        "Pouvoir": "power",
        "Confiance": "trust",
        "Quartier": "custom attribute",
    }
    assert choices(dialog, "relationships") == {
        "De": "source",
        "À": "target",
        "Type": "kind",
        "Force": "strength",
    }
    preview = dialog.previews["stakeholders"]
    assert preview.item(0, 1).text() == "Préfecture", "cp1252 accents read correctly"
    assert preview.verticalHeaderItem(0).text() == "2", "rows are numbered like the file's lines"
    assert "cp1252, separator ';'" in dialog.summary.text()
    assert not dialog.import_button.isEnabled(), "nothing to import before the check"


def test_check_shows_every_rejected_row_then_imports_the_valid_ones(qtbot, files):
    dialog = open_dialog(qtbot)
    load(qtbot, dialog, files)
    qtbot.mouseClick(dialog.check_button, LEFT)
    wait(qtbot, dialog)
    report = dialog.report_view.toPlainText()
    assert "acteurs.csv, line 3, column 'power': '9' is not a whole number from 1 to 5" in report
    assert "liens.csv, line 3, column 'target': no stakeholder has the id or name 'fantome'" in (
        report
    )
    assert "liens.csv, line 4, column 'source': no stakeholder has the id or name 'mairie'" in (
        report
    ), "a tie to a rejected stakeholder is rejected too"
    assert dialog.summary.text().startswith(
        "2 stakeholders and 1 relationship can be imported; 3 rows are rejected"
    )
    preview = dialog.previews["stakeholders"]
    assert preview.item(1, 0).toolTip() == "'9' is not a whole number from 1 to 5"
    assert preview.item(0, 0).toolTip() == "", "valid rows are not marked"
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, LEFT)
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    outcome = dialog.outcome
    assert outcome.command is None
    smap = outcome.new_map
    assert sorted(smap.stakeholders) == ["croix", "pref"]
    assert smap.stakeholders["pref"].attributes == {"Quartier": "Centre"}
    assert smap.info.title == "acteurs"
    (tie,) = smap.relationships.values()
    assert (tie.source, tie.target) == ("croix", "pref")


def test_changing_the_mapping_asks_for_a_new_check(qtbot, files):
    dialog = open_dialog(qtbot)
    load(qtbot, dialog, files)
    dialog.check()
    wait(qtbot, dialog)
    dialog.mappings["stakeholders"].set_choice("Pouvoir", None)
    assert dialog.summary.text() == "The choices changed: press Check again."
    assert not dialog.import_button.isEnabled()
    dialog.check()
    wait(qtbot, dialog)
    assert "3 stakeholders" in dialog.summary.text(), "power is no longer read: no rejection"


def test_merge_is_confirmed_and_one_undo_reverts_it(qtbot, files, small_map):
    document = MapDocument(small_map)
    before = StakeholderMap()
    before.replace_content(copy.deepcopy(small_map))
    dialog = open_dialog(qtbot, small_map)
    assert dialog.merge_button.isChecked(), "an open map is merged into by default"
    asked = []
    dialog.confirm = lambda text: asked.append(text) or True
    load(qtbot, dialog, files)
    dialog.check()
    wait(qtbot, dialog)
    dialog.import_valid_rows()
    assert asked and "2 new stakeholders" in asked[0]
    outcome = dialog.outcome
    assert outcome.new_map is None and outcome.command.text == "Import acteurs.csv"
    assert small_map == before, "the dialog changes nothing itself"
    document.push(outcome.command)
    assert {"pref", "croix"} <= set(small_map.stakeholders)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert small_map == before
    document.undo_stack.redo()
    assert small_map.stakeholders["croix"].label == "Croix-Rouge locale"


def test_declined_merge_keeps_the_dialog_open(qtbot, files, small_map):
    dialog = open_dialog(qtbot, small_map)
    dialog.confirm = lambda text: False
    load(qtbot, dialog, files)
    dialog.check()
    wait(qtbot, dialog)
    dialog.import_valid_rows()
    assert dialog.outcome is None and dialog.isVisible() is False and dialog.result() == 0


def test_kumu_workbook_sheets_are_found(qtbot, tmp_path):
    book = Workbook()
    book.active.title = "Elements"
    book.active.append(["Label", "Type", "Tags"])
    book.active.append(["City Hall", "Municipal authority", "budget|heat"])
    book.active.append(["Youth Network", "Youth group", ""])
    connections = book.create_sheet("Connections")
    connections.append(["From", "To", "Direction"])
    connections.append(["Youth Network", "City Hall", "mutual"])
    book.save(tmp_path / "kumu.xlsx")
    dialog = open_dialog(qtbot)
    dialog.load(tmp_path / "kumu.xlsx")
    wait(qtbot, dialog)
    assert dialog.stakeholder_sheet.currentText() == "Elements"
    assert dialog.relationship_sheet.currentText() == "Connections"
    dialog.check()
    wait(qtbot, dialog)
    dialog.import_valid_rows()
    smap = dialog.outcome.new_map
    assert smap.stakeholders["city-hall"].tags == ("budget", "heat")
    (tie,) = smap.relationships.values()
    assert tie.directed is False


def test_unreadable_file_is_reported_in_the_dialog(qtbot, tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    dialog = open_dialog(qtbot)
    dialog.load(tmp_path / "empty.csv")
    wait(qtbot, dialog)
    assert dialog.summary.text() == "empty.csv is empty."
    assert not dialog.check_button.isEnabled() and not dialog.import_button.isEnabled()


def test_dialog_renders(qtbot, files, tmp_path):
    dialog = open_dialog(qtbot)
    load(qtbot, dialog, files)
    dialog.check()
    wait(qtbot, dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    image = dialog.grab()
    # Its designed 1000 x 760, or as much of the screen as a dialog may take.
    free = dialog.screen().availableGeometry()
    assert image.width() == min(1000, int(free.width() * DIALOG_MAX_SHARE))
    assert image.height() == min(760, int(free.height() * DIALOG_MAX_SHARE))
    image.save(str(tmp_path / "import_dialog.png"))


def test_branch_is_picked_after_the_check_never_guessed(qtbot, files, tmp_path):
    dialog = open_dialog(qtbot)
    load(qtbot, dialog, files)
    assert not dialog.branch.isEnabled(), "nothing to pick before the check"
    dialog.check()
    wait(qtbot, dialog)
    assert dialog.branch.isEnabled()
    offered = [dialog.branch.itemData(i) for i in range(dialog.branch.count())]
    assert offered == ["", "croix", "pref"], "none first, then the imported stakeholders"
    assert dialog.branch.currentData() == "", "the Red Cross stakeholder is not taken for us"
    dialog.branch.setCurrentIndex(dialog.branch.findData("croix"))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "import_branch.png"))
    qtbot.mouseClick(dialog.import_button, LEFT)
    assert dialog.outcome.new_map.info.branch == "croix"


def test_a_merge_keeps_the_open_maps_branch(qtbot, files, small_map):
    dialog = open_dialog(qtbot, small_map)
    load(qtbot, dialog, files)
    dialog.check()
    wait(qtbot, dialog)
    assert dialog.merge_button.isChecked()
    assert not dialog.branch.isEnabled()
    dialog.new_map_button.setChecked(True)
    dialog.check()
    wait(qtbot, dialog)
    assert dialog.branch.isEnabled()


def test_excel_trailing_separator_adds_no_column_to_the_mapping(qtbot, tmp_path):
    # Excel's ';' CSV in Windows-1252 often ends every line with a separator.
    people, ties = tmp_path / "acteurs.csv", tmp_path / "liens.csv"
    people.write_bytes(FRENCH.replace("\n", ";\n").encode("cp1252"))
    ties.write_bytes(TIES.replace("\n", ";\n").encode("cp1252"))
    dialog = open_dialog(qtbot)
    load(qtbot, dialog, (people, ties))
    assert list(choices(dialog, "stakeholders")) == [
        "Identifiant",
        "Nom",
        "Catégorie",
        "Pouvoir",
        "Confiance",
        "Quartier",
    ]
    assert list(choices(dialog, "relationships")) == ["De", "À", "Type", "Force"]
    assert dialog.previews["stakeholders"].columnCount() == 6
