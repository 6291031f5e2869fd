"""Every keyboard shortcut in the main window does one thing: no two actions share a key."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QAction, QKeySequence

from stakeholder_mapper.ui.window.main_window import MainWindow


def test_no_shortcut_is_ambiguous(qtbot, window: MainWindow) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if key:
                owners[key].add(action.text().replace("&", ""))
    clashes = {key: names for key, names in owners.items() if len(names) > 1}
    assert clashes == {}
