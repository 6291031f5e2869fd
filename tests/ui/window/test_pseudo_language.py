"""Every window and dialog in the pseudo-language: no text left in English, none cut off.

The pseudo-language ``en_XA`` writes every message of the catalogue accented, 40 % longer
and in brackets, so that a text a reader sees in plain English bypassed the catalogue, and a
text too long for its label or button would be cut in a longer language too. The windows are
those of ``scripts/language_screenshots.py`` (``scripts/every_window.py``), at 1366 x 768.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from stakeholder_mapper.core.i18n import set_language
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP
from stakeholder_mapper.ui.setup.interface_language import apply_to_qt
from stakeholder_mapper.ui.window.main_window import MainWindow

_SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "every_window.py"
_spec = importlib.util.spec_from_file_location("every_window", _SCRIPT)
every_window = importlib.util.module_from_spec(_spec)
sys.modules["every_window"] = every_window
_spec.loader.exec_module(every_window)


@pytest.fixture
def pseudo(qapp) -> Iterator[None]:
    """The interface in the pseudo-language for one test; English again after it."""
    set_language("en_XA")
    apply_to_qt(qapp)
    yield
    set_language("en")
    apply_to_qt(qapp)


@pytest.fixture
def sample_window(qtbot, settings, pseudo) -> MainWindow:
    """The main window on the sample map at a branch laptop's 1366 x 768."""
    window = MainWindow(load_map(SAMPLE_MAP), SAMPLE_MAP, settings=settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.metrics.wait()
    return window


def test_every_window_is_translated_and_nothing_is_cut_off(sample_window) -> None:
    data = every_window.map_words(sample_window.document.smap)
    english, cut, seen = [], [], []
    for name, top in every_window.every_window(sample_window, wait=60):
        seen.append(name)
        for where, text in every_window.visible_texts(top):
            if every_window.untranslated(text, data):
                english.append(f"{name}, {where}: {text[:100]!r}")
        cut += [f"{name}: {problem}" for problem in every_window.clipped(top)]
    assert len([name for name in seen if name.startswith("menu-")]) == 7
    for expected in (
        "main",
        "import-1",
        "export",
        "plan",
        "details-1",
        "sharing",
        "erase",
        "reviews",
        "password",
        "new-password",
        "recovery",
        "about",
        "shortcuts",
        "damaged",
        "read-only",
        "inspector-stakeholder",
    ):
        assert expected in seen
    assert english == []
    assert cut == []


def test_the_check_finds_english_and_cut_off_text(qtbot, pseudo) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    from stakeholder_mapper.core.i18n import _

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    layout.addWidget(QLabel(_("Save the map")))
    layout.addWidget(QLabel("Recover one to continue"))
    button = QPushButton(_("Open read-only"))
    button.setFixedWidth(40)
    layout.addWidget(button)
    top.show()
    qtbot.waitExposed(top)
    found = [
        text
        for _where, text in every_window.visible_texts(top)
        if every_window.untranslated(text, frozenset())
    ]
    assert found == ["Recover one to continue"]
    (cut,) = every_window.clipped(top)
    assert "Ö" in cut or "ö" in cut, "the pseudo-translated button is named"
