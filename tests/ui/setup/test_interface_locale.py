"""The app formats numbers, dates and system messages in its English, whatever the computer's
locale (the second CI run is under fr_FR)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QLocale

from stakeholder_mapper.io.errors import MapFileError
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.ui.dialogs.export_dialog import ExportDialog
from stakeholder_mapper.ui.document import MapDocument
from stakeholder_mapper.ui.panels.engagement_log_editor import EngagementLogEditor


def test_fields_show_latin_digits_and_english_numbers(qtbot, small_map, tmp_path) -> None:
    editor = EngagementLogEditor(MapDocument(small_map))
    qtbot.addWidget(editor)
    editor.date.setDate(QDate(2026, 11, 5))
    assert editor.date.text() == "2026-11-05"  # as the log's table and the plan write it
    dialog = ExportDialog(small_map, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.width_box.setValue(2400)
    assert dialog.width_box.text() == "2400 px"
    assert QLocale().toString(1234.5, "f", 1) == "1,234.5"


def test_system_messages_inside_sentences_are_english(qapp, tmp_path) -> None:
    with pytest.raises(MapFileError, match=r"^nothing\.smap cannot be read: No such file"):
        load_map(tmp_path / "nothing.smap")
