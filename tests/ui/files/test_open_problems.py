"""Dialogs a user meets on opening: a damaged map offers its backup and autosaves; a map
that cannot be written opens read-only, shows it, and Save goes straight to Save as."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from stakeholder_mapper.core.model import MapInfo, StakeholderMap
from stakeholder_mapper.io import file_access
from stakeholder_mapper.io.lock import lock_path
from stakeholder_mapper.io.project import (
    backup_path,
    dumps_map,
    is_encrypted_file,
    load_map,
    save_map,
)
from stakeholder_mapper.io.recovery import recovery_path, write_recovery
from stakeholder_mapper.ui.files.autosave import PasswordDialog

from ..modals import Modals

PARSER_WORDS = ("Expecting", "Unterminated", "delimiter", "JSONDecode")


def _damaged(smap: StakeholderMap, tmp_path: Path) -> Path:
    """city.smap cut short, with a backup of ``smap`` beside it."""
    path = tmp_path / "city.smap"
    save_map(smap, path)
    save_map(smap, path)
    path.write_bytes(dumps_map(smap)[:150])
    return path


def _autosave(smap: StakeholderMap, path: Path, title: str) -> None:
    edited = smap.copy()
    edited.info = MapInfo(title=title)
    write_recovery(edited, path)


@dataclass
class Seen:
    """What a message box showed (the box itself may be gone once answered)."""

    title: str
    text: str
    informative: str
    buttons: list[str]


def _click(prefix: str, seen: list[Seen]) -> Callable[[QWidget], None]:
    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        buttons = [b.text() for b in box.buttons()]
        seen.append(Seen(box.windowTitle(), box.text(), box.informativeText(), buttons))
        (button,) = [b for b in box.buttons() if b.text().startswith(prefix)]
        button.click()

    return act


def _kinds(shown: Seen) -> list[str]:
    return [text.split(" (")[0] for text in shown.buttons]


def test_a_damaged_map_offers_its_backup_and_opens_it_as_an_unsaved_map(
    qtbot, window, small_map, tmp_path, monkeypatch
) -> None:
    path = _damaged(small_map, tmp_path)
    damaged = path.read_bytes()
    _autosave(small_map, path, "Edits kept by the autosave")
    seen: list[Seen] = []
    Modals([(QMessageBox, _click("Open backup (", seen))])
    assert window.open_path(path)
    (box,) = seen
    assert box.title == "Damaged map"
    assert box.text.startswith("city.smap is damaged: it breaks off at line ")
    assert not any(word in box.text for word in PARSER_WORDS)
    assert _kinds(box) == ["Open backup", "Open autosave", "Close"]
    assert window.document.path is None and window.isWindowModified()
    assert window.document.smap == load_map(backup_path(path))
    assert not lock_path(path).exists()

    starts: list[str] = []

    def save_as(_parent, _caption, start, *_args, **_kwargs):
        starts.append(start)
        return start, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.actions_by_name["save"].trigger()
    rescued = tmp_path / "city (rescued).smap"
    assert starts == [str(rescued)]
    assert load_map(rescued) == window.document.smap and path.read_bytes() == damaged
    assert not window.isWindowModified()


def test_when_the_backup_is_damaged_too_the_autosave_is_offered(
    qtbot, window, small_map, tmp_path
) -> None:
    path = _damaged(small_map, tmp_path)
    backup_path(path).write_bytes(b'{"format": "stakeholder-mapper", "for')
    _autosave(small_map, path, "Edits kept by the autosave")
    seen: list[Seen] = []
    Modals(
        [
            (QMessageBox, _click("Open backup (", seen)),
            (QMessageBox, _click("Open autosave (", seen)),
        ]
    )
    assert window.open_path(path)
    assert seen[1].text.startswith("city.smap.bak is damaged: it breaks off")
    assert _kinds(seen[1]) == ["Open autosave", "Close"]
    assert window.document.smap.info.title == "Edits kept by the autosave"
    assert window.document.path is None
    assert recovery_path(path).exists(), "the autosave stays until the map is saved"


def test_a_damaged_map_with_nothing_to_rescue_says_so_and_keeps_the_open_map(
    qtbot, window, tmp_path
) -> None:
    path = tmp_path / "city.smap"
    path.write_bytes(b"<html>")
    before = window.document.smap.copy()
    seen: list[Seen] = []
    Modals([(QMessageBox, _click("OK", seen))])
    assert not window.open_path(path)
    assert "no backup or autosave" in seen[0].informative
    assert window.document.smap == before and not lock_path(path).exists()


@pytest.fixture
def shared_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder the system says the user cannot write to (tests may run as any user)."""
    shared = tmp_path / "shared"
    shared.mkdir()
    real = file_access.can_write
    refused = os.path.abspath(shared)

    def can_write(path: str | os.PathLike[str]) -> bool:
        return os.path.abspath(path) != refused and real(path)

    monkeypatch.setattr(file_access, "can_write", can_write)
    return shared


def test_a_map_in_a_folder_that_cannot_be_written_opens_read_only_and_shows_it(
    qtbot, window, small_map, tmp_path, shared_folder, monkeypatch
) -> None:
    path = shared_folder / "city.smap"
    save_map(small_map, path)
    before = path.read_bytes()
    seen: list[Seen] = []
    Modals([(QMessageBox, _click("Open read-only", seen))])
    assert window.open_path(path)
    assert seen[0].title == "Read-only map"
    assert seen[0].text == "city.smap is in a folder you cannot write to; it opens read-only."
    assert "city.smap (read-only)" in window.windowTitle()
    banner = window.read_only_banner
    assert banner.isVisible() and "Read-only:" in banner.label.text()
    banner_bottom = banner.mapTo(window, banner.rect().bottomLeft()).y()
    assert banner_bottom < window.view.viewport().mapTo(window, QPoint(0, 0)).y()
    assert not lock_path(path).exists()

    window.view.connect("youth", "mayor")
    starts: list[str] = []
    answers = [str(path), str(tmp_path / "mine")]

    def save_as(_parent, _caption, start, *_args, **_kwargs):
        starts.append(start)
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    Modals([(QMessageBox, _click("OK", seen))])
    window.actions_by_name["save"].trigger()
    assert Path(starts[0]).name == "city (copy).smap"
    assert Path(starts[0]).parent != shared_folder
    assert seen[1].text == "city.smap is open read-only; save the map under another name."
    assert path.read_bytes() == before
    assert load_map(tmp_path / "mine.smap") == window.document.smap
    assert "read-only" not in window.windowTitle() and not banner.isVisible()


def test_a_map_open_elsewhere_keeps_its_title_and_the_banner_says_read_only(
    qtbot, window, small_map, tmp_path, monkeypatch
) -> None:
    """A lock that cannot be written is not "already open": the title says what it is."""
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    real_open = os.open

    def refuse(name, flags, mode=0o777):
        if str(name).endswith(".lock"):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, flags, mode)

    monkeypatch.setattr(os, "open", refuse)
    seen: list[Seen] = []
    Modals([(QMessageBox, _click("Open read-only", seen))])
    assert window.open_path(path)
    assert seen[0].title != "Map already open"
    assert window.read_only_banner.isVisible()


@pytest.mark.usefixtures("fast_kdf")
def test_a_protected_map_cut_short_opens_its_backup_with_the_password_and_stays_protected(
    qtbot, window, small_map, tmp_path, monkeypatch
) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path, "s3cret pass")
    save_map(small_map, path, "s3cret pass")
    path.write_bytes(path.read_bytes()[:-40])

    def type_password(dialog: QWidget) -> None:
        assert isinstance(dialog, PasswordDialog)
        dialog.field.setText("s3cret pass")
        dialog.accept()

    seen: list[Seen] = []
    Modals(
        [
            (PasswordDialog, type_password),
            (QMessageBox, _click("Open backup (", seen)),
            (PasswordDialog, type_password),
        ]
    )
    assert window.open_path(path)
    assert seen[0].text.startswith("city.smap has been altered or damaged since it was saved")
    assert window.document.smap == small_map and window.password == "s3cret pass"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _p, _c, start, *a, **k: (start, ""))
    window.actions_by_name["save"].trigger()
    rescued = tmp_path / "city (rescued).smap"
    assert is_encrypted_file(rescued) and load_map(rescued, "s3cret pass") == small_map


def test_saving_into_a_folder_that_cannot_be_written_says_so_in_plain_words(
    qtbot, window, shared_folder, monkeypatch
) -> None:
    window.view.connect("youth", "mayor")
    before = window.document.smap.copy()
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *_args, **_kwargs: (str(shared_folder / "city.smap"), ""),
    )
    seen: list[Seen] = []
    Modals([(QMessageBox, _click("OK", seen))])
    window.actions_by_name["save_as"].trigger()
    assert seen[0].text == (
        "city.smap is in a folder you cannot write to; choose another place for it."
    )
    assert list(shared_folder.iterdir()) == []
    assert window.document.smap == before and not window.document.undo_stack.isClean()
