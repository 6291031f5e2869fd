"""Erase-person confirmation, review reminders, and no backup after an erasure."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt

from stakeholder_mapper.core.commands import UpdateStakeholder
from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.ui.dialogs import privacy
from stakeholder_mapper.ui.dialogs.privacy import (
    PREVIEW_PENDING,
    ErasePersonDialog,
    ReviewDueDialog,
    erased_since_save,
)
from stakeholder_mapper.ui.document import MapDocument

from ..waits import BACKGROUND


def _people(smap: StakeholderMap) -> StakeholderMap:
    s = smap.stakeholders
    s["mayor"] = dataclasses.replace(
        s["mayor"],
        person="Amina Yusuf",
        contact="amina@example.org",
        notes="Mama Amina to her voters; Amina Yusuf in the minutes.",
        review_date=dt.date(2026, 1, 10),
    )
    s["imam"] = dataclasses.replace(s["imam"], review_date=dt.date(2026, 3, 1))
    s["youth"] = dataclasses.replace(s["youth"], review_date=dt.date(2027, 1, 1))
    return smap


def test_erase_dialog_summarises_and_takes_other_spellings(qtbot, small_map) -> None:
    _people(small_map)
    dialog = ErasePersonDialog(small_map, "mayor")
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == (
        "2 name or contact texts will be erased from 1 record of the map and 0 snapshots."
    )
    dialog.also.setText("Mama Amina; ")
    assert dialog.summary.text().startswith("3 name or contact texts")
    assert dialog.erase_button.isEnabled()
    command = dialog.command()
    assert command is not None
    command.redo()
    assert (
        small_map.stakeholders["mayor"].notes == "[erased] to her voters; [erased] in the minutes."
    )


def _count_erasures(monkeypatch) -> list[tuple[str, ...]]:
    """The other spellings of each erasure the dialog works out, in order."""
    built: list[tuple[str, ...]] = []

    class Counted(privacy.ErasePerson):
        def __init__(self, smap, stakeholder_id, also=()) -> None:
            built.append(tuple(also))
            super().__init__(smap, stakeholder_id, also)

    monkeypatch.setattr(privacy, "ErasePerson", Counted)
    return built


def test_typing_other_spellings_works_out_one_preview_off_the_gui_thread(
    qtbot, small_map, monkeypatch
) -> None:
    _people(small_map)
    built = _count_erasures(monkeypatch)
    dialog = ErasePersonDialog(small_map, "mayor")
    qtbot.addWidget(dialog)
    assert built == [()]
    qtbot.keyClicks(dialog.also, "Mama Amina")
    # Nothing is worked out while typing goes on: the summary says the preview is coming.
    assert built == [()]
    assert dialog.preview_stale and dialog.summary.text() == PREVIEW_PENDING
    assert dialog.preview_timer.isActive()
    qtbot.waitUntil(lambda: not dialog.preview_stale, timeout=BACKGROUND)
    assert built == [(), ("Mama Amina",)]
    assert dialog.summary.text().startswith("3 name or contact texts")
    assert not dialog.preview_timer.isActive() and not dialog.preview.running


def test_erase_right_after_typing_uses_the_text_typed(qtbot, small_map, monkeypatch) -> None:
    _people(small_map)
    built = _count_erasures(monkeypatch)
    dialog = ErasePersonDialog(small_map, "mayor")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.also, "Mama")
    qtbot.waitUntil(lambda: not dialog.preview_stale, timeout=BACKGROUND)
    qtbot.keyClicks(dialog.also, "; voters")  # Erase before the new preview is ready
    assert dialog.preview_stale and dialog.erase_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=BACKGROUND):
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert built[-1] == ("Mama", "voters")
    command = dialog.command()
    assert command is not None and built[-1] == ("Mama", "voters")
    command.redo()
    notes = small_map.stakeholders["mayor"].notes
    assert notes == "[erased] [erased] to her [erased]; [erased] in the minutes."
    # A preview started earlier (or none at all) never replaces the erasure chosen.
    dialog.preview.wait()
    qtbot.wait(2 * privacy.PREVIEW_DELAY_MS)
    assert dialog.command() is command


def test_erase_dialog_explains_when_there_is_nothing_to_erase(qtbot, small_map) -> None:
    dialog = ErasePersonDialog(small_map, "imam")
    qtbot.addWidget(dialog)
    assert "has no personal name or contact details" in dialog.summary.text()
    assert not dialog.erase_button.isEnabled() and dialog.command() is None


def test_save_after_an_erasure_keeps_no_backup(qtbot, small_map) -> None:
    _people(small_map)
    document = MapDocument(small_map)
    assert not erased_since_save(document.undo_stack)
    document.push(UpdateStakeholder(small_map, "imam", power=3))
    assert not erased_since_save(document.undo_stack)
    dialog = ErasePersonDialog(small_map, "mayor")
    qtbot.addWidget(dialog)
    document.push(dialog.command())
    assert erased_since_save(document.undo_stack)
    document.undo_stack.setClean()  # saved
    assert not erased_since_save(document.undo_stack)
    document.undo_stack.undo()  # the saved file has no trace; the .bak must not get one
    assert erased_since_save(document.undo_stack)


def test_review_dialog_lists_due_stakeholders_oldest_first(qtbot, small_map) -> None:
    _people(small_map)
    dialog = ReviewDueDialog(small_map, dt.date(2026, 3, 1))
    qtbot.addWidget(dialog)
    rows = [
        [dialog.table.topLevelItem(i).text(c) for c in range(4)]
        for i in range(dialog.table.topLevelItemCount())
    ]
    assert rows == [
        ["Mayor", "2026-01-10", "50 days", "yes"],
        ["Imam of the central mosque", "2026-03-01", "due today", ""],
    ]
    assert dialog.chosen() == "mayor" and dialog.erase_button.isEnabled()
    dialog.table.setCurrentItem(dialog.table.topLevelItem(1))
    assert dialog.chosen() == "imam"


def test_review_dialog_with_nothing_due(qtbot, small_map) -> None:
    dialog = ReviewDueDialog(small_map, dt.date(2026, 3, 1))
    qtbot.addWidget(dialog)
    assert dialog.table.topLevelItemCount() == 0 and dialog.chosen() is None
    assert not dialog.erase_button.isEnabled()
