"""The import dialog with another tool's file: a grouped report that can be saved, and a
new map by default unless the open map is one the user made."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt

from stakeholder_mapper.core.commands import AddStakeholder
from stakeholder_mapper.core.model import Stakeholder
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP
from stakeholder_mapper.ui.dialogs.import_dialog import ImportDialog, merge_by_default
from stakeholder_mapper.ui.document import MapDocument

from ..waits import BACKGROUND

REAL = Path(__file__).parents[2] / "data" / "real"


def test_the_sample_is_not_merged_into_by_default(qtbot, tmp_path):
    sample = MapDocument(load_map(SAMPLE_MAP))
    assert not merge_by_default(sample), "the first start's sample is not the user's map"
    dialog = ImportDialog(sample.smap, merge=merge_by_default(sample))
    qtbot.addWidget(dialog)
    assert dialog.new_map_button.isChecked() and dialog.merge_button.isEnabled()
    sample.push(AddStakeholder(sample.smap, Stakeholder("new-radio", "New Radio", "media")))
    assert merge_by_default(sample), "once edited, the open map is the user's"
    opened = MapDocument(load_map(SAMPLE_MAP), tmp_path / "ours.smap")
    assert merge_by_default(opened)


def test_a_gephi_file_checks_with_a_grouped_report_that_can_be_saved(qtbot, tmp_path):
    dialog = ImportDialog(None)
    qtbot.addWidget(dialog)
    assert not dialog.save_report_button.isEnabled()
    dialog.load(REAL / "gephi-java.gexf")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=BACKGROUND)
    dialog.check()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=BACKGROUND)
    assert "1,538 stakeholders" in dialog.summary.text()
    text = dialog.report_view.toPlainText()
    assert len(text.splitlines()) < 15, "1,538 renamed edge ids are one line, not 1,538"
    saved = tmp_path / "report.txt"
    dialog.report_path = lambda: str(saved)
    assert dialog.save_report_button.isEnabled()
    qtbot.mouseClick(dialog.save_report_button, Qt.MouseButton.LeftButton)
    assert saved.read_text(encoding="utf-8") == text + "\n"
    assert dialog.summary.text() == "Report saved as report.txt."
    qtbot.waitExposed(dialog)
    dialog.grab().save("/tmp/rf-import-java.png")


def test_gephi_sizes_and_colours_are_drawn_after_an_import(qtbot, window, monkeypatch):
    import stakeholder_mapper.ui.dialogs.import_dialog as import_dialog_module
    from stakeholder_mapper.io.graph_formats import import_gexf
    from stakeholder_mapper.ui.dialogs.import_dialog import ImportOutcome

    smap, report = import_gexf(REAL / "gephi-les-miserables.gexf")
    monkeypatch.setattr(
        import_dialog_module,
        "run_import_dialog",
        lambda parent, document: ImportOutcome(smap, None, report),
    )
    window.actions_by_name["import"].trigger()
    scene = window.scene
    assert scene.size_by == "size"
    by_name = {s.label: s.id for s in window.document.smap.stakeholders.values()}
    big, small = scene.nodes[by_name["Valjean"]], scene.nodes[by_name["Napoleon"]]
    assert big.outline().boundingRect().width() > small.outline().boundingRect().width()
    myriel = window.document.smap.stakeholders[by_name["Myriel"]]
    assert scene.nodes[myriel.id].colour().name().upper() == myriel.colour == "#5B5BF5"


def test_an_imported_colour_is_edited_or_cleared_in_the_inspector(qtbot, window):
    from stakeholder_mapper.core.commands import UpdateStakeholder

    smap = window.document.smap
    sid = next(iter(smap.stakeholders))
    category_colour = smap.categories[smap.stakeholders[sid].category].colour
    window.document.push(UpdateStakeholder(smap, sid, colour="#FE6E06"))
    window.document.selection.set([sid])
    assert window.scene.nodes[sid].colour().name().upper() == "#FE6E06"
    editor = window.inspector.editor("colour")
    assert editor.text() == "#FE6E06"
    editor.setText("red")
    editor.editingFinished.emit()
    assert "#RRGGBB" in window.inspector.message.text()
    assert smap.stakeholders[sid].colour == "#FE6E06", "a bad colour changes nothing"
    editor.setText("")
    editor.editingFinished.emit()
    assert smap.stakeholders[sid].colour is None
    assert window.scene.nodes[sid].colour().name().upper() == category_colour.upper()
    window.document.undo_stack.undo()
    assert window.scene.nodes[sid].colour().name().upper() == "#FE6E06"


def test_sizes_from_an_imported_file_are_not_kept_for_the_next_map(qtbot, window, small_map):
    """Sizing by the imported file's sizes is for that map; another map opened after it
    is sized by power again, its menu ticked to match."""
    plain = small_map.copy()  # the window shows small_map itself: replacing changes it
    gephi = small_map.copy()
    for s in list(gephi.stakeholders.values()):
        gephi.stakeholders[s.id] = replace(s, attributes={**s.attributes, "size": "12.5"})
    window.document.replace(gephi, None)
    window.view_control.choose_size("size")
    assert window.scene.size_by == "size"
    window.document.replace(plain, None)
    assert window.scene.size_by == "power"
    ticked = [a.data() for a in window.size_group.actions() if a.isChecked()]
    assert ticked == ["power"]
    assert ("note", None, "size: power") in window.view.legend._columns[1]
