"""After "Open anyway", a save never silently replaces what another instance saved."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from stakeholder_mapper.core.model import MapInfo
from stakeholder_mapper.io.lock import LockInfo, lock_path
from stakeholder_mapper.io.project import load_map, save_map
from stakeholder_mapper.ui.files import autosave

from ..modals import Modals


@pytest.fixture(autouse=True)
def _recovery_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(autosave, "recovery_folder", lambda: tmp_path / "recovery")


@pytest.fixture
def other_instance() -> Iterator[LockInfo]:
    """Another running instance, as its lock file names it."""
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as child:
        try:
            yield dataclasses.replace(LockInfo.here(), pid=child.pid, user="juma")
        finally:
            child.kill()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers the changed-on-disk question with the button named in ``asked[0]`` and
    records the question's text after it."""
    answers: list[str] = []
    real_exec = QMessageBox.exec

    def exec_(box: QMessageBox) -> int:
        if box.windowTitle() != "Map changed on disk":
            return real_exec(box)
        answers.append(box.text())
        (button,) = [b for b in box.buttons() if b.text().replace("&", "") == answers[0]]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return answers


def _open_anyway(window, path: Path, holder: LockInfo) -> None:
    lock_path(path).write_bytes(holder.to_json())

    def anyway(box: QWidget) -> None:
        (button,) = [b for b in box.buttons() if b.text() == "Open anyway"]
        button.click()

    Modals([(QMessageBox, anyway)])
    assert window.open_path(path)


def _their_save(path: Path) -> bytes:
    """The other instance saves its own edit of the map."""
    theirs = load_map(path)
    theirs.info = MapInfo(title="Juma's edit")
    save_map(theirs, path)
    return path.read_bytes()


@pytest.mark.parametrize("answer", ["Cancel", "Overwrite", "Save as…"])
def test_saving_over_a_map_another_instance_saved_asks_first(
    qtbot, window, small_map, tmp_path, other_instance, asked, monkeypatch, answer
) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    _open_anyway(window, path, other_instance)
    theirs = _their_save(path)
    elsewhere = tmp_path / "mine.smap"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(elsewhere), ""))
    window.view.connect("youth", "mayor")
    asked.append(answer)

    saved = window.save()

    assert asked[1].startswith("city.smap was changed on disk on ")
    assert asked[1].endswith("after you opened or last saved it here.")
    if answer == "Overwrite":
        assert saved and load_map(path) == window.document.smap
    elif answer == "Save as…":
        assert saved and path.read_bytes() == theirs
        assert load_map(elsewhere) == window.document.smap
        assert window.document.path == elsewhere
    else:
        assert not saved and path.read_bytes() == theirs
        assert not window.document.undo_stack.isClean()
    window.document.undo_stack.setClean()


def test_saving_again_after_overwriting_does_not_ask_again(
    qtbot, window, small_map, tmp_path, other_instance, asked
) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    _open_anyway(window, path, other_instance)
    _their_save(path)
    window.view.connect("youth", "mayor")
    asked.append("Overwrite")
    assert window.save()
    window.view.connect("mayor", "youth")
    assert window.save()
    assert len(asked) == 2, "asked once, for the change the other instance made"
    assert load_map(path) == window.document.smap


def test_a_file_only_touched_or_unchanged_is_saved_without_asking(
    qtbot, window, small_map, tmp_path, asked
) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    assert window.open_path(path)
    later = path.stat().st_mtime + 60
    os.utime(path, (later, later))  # a backup tool touched it: same bytes
    window.view.connect("youth", "mayor")
    assert window.save()
    assert asked == [] and load_map(path) == window.document.smap


def test_the_settings_file_keeps_recent_map_paths_and_nothing_of_their_content(
    qtbot, window, small_map, tmp_path, settings
) -> None:
    """What the data-protection guide says the settings file holds: where maps are, the
    window's layout, never a stakeholder's name or a password."""
    path = tmp_path / "city.smap"
    small_map.stakeholders["mayor"] = dataclasses.replace(
        small_map.stakeholders["mayor"], person="Amina Yusuf"
    )
    save_map(small_map, path, "correct horse")
    Modals([(autosave.PasswordDialog, _type_password)])
    assert window.open_path(path)
    window.close()
    settings.store.sync()
    stored = (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert str(path.resolve()) in stored
    assert "Amina" not in stored and "Mayor" not in stored and "correct horse" not in stored


def _type_password(dialog: QWidget) -> None:
    dialog.field.setText("correct horse")
    dialog.accept()
