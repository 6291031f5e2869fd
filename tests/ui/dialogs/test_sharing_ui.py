"""Marking texts for partner and public versions in the app: beside the text in the
inspector, on a log entry, and for the map's own texts from the plan dialog."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt

from stakeholder_mapper.core.model import Category, LogEntry, StakeholderMap
from stakeholder_mapper.core.sharing import (
    category_key,
    info_key,
    log_key,
    snapshot_key,
    stakeholder_key,
)
from stakeholder_mapper.ui.dialogs.plan_dialog import PlanDialog
from stakeholder_mapper.ui.dialogs.sharing import SharingBox, SharingDialog
from stakeholder_mapper.ui.document import MapDocument
from stakeholder_mapper.ui.panels.engagement_log_editor import EngagementLogEditor
from stakeholder_mapper.ui.panels.inspector import Inspector
from stakeholder_mapper.ui.workshop.snapshots_panel import SnapshotPanel


def _choose(qtbot, box: SharingBox, mark: str) -> None:
    """Pick ``mark`` with the keyboard, as a user tabbing into the box would."""
    box.setFocus()
    while box.mark() != mark:
        qtbot.keyClick(
            box, Qt.Key.Key_Down if box.currentIndex() < box.findData(mark) else Qt.Key.Key_Up
        )


@pytest.fixture
def document(qtbot, small_map: StakeholderMap) -> MapDocument:
    small_map.stakeholders["mayor"] = dataclasses.replace(
        small_map.stakeholders["mayor"],
        notes="Meets us monthly",
        log=(LogEntry(dt.date(2026, 3, 1), summary="Briefed on the MoU"),),
    )
    return MapDocument(small_map)


def test_the_inspector_marks_a_stakeholders_text_and_undo_takes_it_back(
    qtbot, document: MapDocument
) -> None:
    inspector = Inspector(document)
    qtbot.addWidget(inspector)
    inspector.show()
    document.selection.set(["mayor"])
    box = inspector.findChild(SharingBox, "sharing:next_action")
    assert box.mark() == "withheld"  # the default
    _choose(qtbot, box, "partner")
    key = stakeholder_key("mayor", "next_action")
    assert document.smap.sharing == {key: "partner"}
    assert document.undo_stack.count() == 1
    # Another stakeholder's box shows its own mark, not the mayor's.
    document.selection.set(["imam"])
    assert box.mark() == "withheld"
    document.selection.set(["mayor"])
    assert box.mark() == "partner"
    document.undo_stack.undo()
    assert document.smap.sharing == {} and box.mark() == "withheld"
    # Only free text can be shared: no box beside the objective or the scores.
    names = {b.objectName() for b in inspector.findChildren(SharingBox)}
    shareable = ("notes", "key_messages", "channel", "next_action", "timing_window", "messenger")
    assert names == {f"sharing:{n}" for n in shareable}


def test_a_log_entry_is_shared_from_the_log_editor(qtbot, document: MapDocument) -> None:
    editor = EngagementLogEditor(document)
    qtbot.addWidget(editor)
    editor.show()
    document.selection.set(["mayor"])
    assert not editor.sharing.isEnabled()  # no entry chosen yet
    editor.table.selectRow(0)
    assert editor.sharing.isEnabled()
    _choose(qtbot, editor.sharing, "public")
    entry = document.smap.stakeholders["mayor"].log[0]
    assert document.smap.sharing == {log_key("mayor", entry): "public"}


def test_the_dialog_shares_the_maps_own_texts_in_one_undo_step(
    qtbot, document: MapDocument
) -> None:
    smap = document.smap
    smap.info = dataclasses.replace(smap.info, purpose="Agree the shelter MoU")
    smap.categories["orsan"] = Category("orsan", "Orsan family network")
    dialog = SharingDialog(smap, document.push)
    qtbot.addWidget(dialog)
    # Built-in categories and kinds are the app's words: nothing to mark there.
    assert set(dialog.boxes) == {info_key("purpose"), category_key("orsan")}
    _choose(qtbot, dialog.boxes[info_key("purpose")], "public")
    _choose(qtbot, dialog.boxes[category_key("orsan")], "partner")
    assert smap.sharing == {}  # nothing applied before OK
    dialog.accept()
    assert smap.sharing == {info_key("purpose"): "public", category_key("orsan"): "partner"}
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert smap.sharing == {}


def test_a_snapshot_name_is_shared_from_the_snapshot_panel(qtbot, document: MapDocument) -> None:
    panel = SnapshotPanel(document)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.take("Before Orsan meeting")
    snapshot = document.smap.snapshots[0]
    panel.select(snapshot.id)
    assert panel.sharing.isEnabled() and panel.sharing.mark() == "withheld"
    _choose(qtbot, panel.sharing, "partner")
    assert document.smap.sharing == {snapshot_key(snapshot.id): "partner"}
    panel.select()
    assert not panel.sharing.isEnabled()
    document.undo_stack.undo()
    panel.select(snapshot.id)
    assert panel.sharing.mark() == "withheld"


def test_the_plan_dialog_opens_the_shared_texts(
    qtbot, document: MapDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    smap = document.smap
    smap.info = dataclasses.replace(smap.info, purpose="Agree the shelter MoU")

    def exec_sharing(dialog: SharingDialog) -> int:
        # The user shares the purpose with partners and presses OK.
        _choose(qtbot, dialog.boxes[info_key("purpose")], "partner")
        dialog.accept()
        return 1

    monkeypatch.setattr(SharingDialog, "exec", exec_sharing)
    plan = PlanDialog(smap, None, push=document.push)
    qtbot.addWidget(plan)
    qtbot.mouseClick(plan.sharing_button, Qt.MouseButton.LeftButton)
    assert smap.sharing == {info_key("purpose"): "partner"}
    read_only = PlanDialog(smap, None)
    qtbot.addWidget(read_only)
    assert not read_only.sharing_button.isEnabled()  # nowhere to record the marks
