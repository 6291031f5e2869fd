"""The open map's file guard: Save, Save As, read-only, password change, recovery, close."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from stakeholder_mapper.core.commands import UpdateStakeholder
from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.core.privacy import ErasePerson
from stakeholder_mapper.io.lock import acquire_lock, lock_path, read_lock
from stakeholder_mapper.io.project import (
    MapFileError,
    WrongPassword,
    backup_path,
    is_encrypted_file,
    load_map,
    save_map,
)
from stakeholder_mapper.io.recovery import find_recoveries, recovery_path, write_recovery
from stakeholder_mapper.ui.document import UndoCommand
from stakeholder_mapper.ui.files.autosave import (
    NewPasswordDialog,
    OpenedMap,
    ProtectedFile,
    RecoveredMap,
)

from ..modals import Modals
from ..waits import BACKGROUND


@pytest.fixture
def opened(small_map: StakeholderMap, tmp_path: Path) -> OpenedMap:
    path = tmp_path / "city.smap"
    small_map.stakeholders["mayor"] = dataclasses.replace(
        small_map.stakeholders["mayor"], person="Amina Yusuf"
    )
    save_map(small_map, path)
    return OpenedMap(load_map(path), path, None, acquire_lock(path), read_only=False)


def _guard(qtbot, opened: OpenedMap, tmp_path: Path) -> tuple[ProtectedFile, QUndoStack]:
    stack = QUndoStack()
    guard = ProtectedFile(
        opened.smap, stack, opened.path, opened.password, opened.lock, folder=tmp_path / "data"
    )
    return guard, stack


def test_save_marks_clean_keeps_a_backup_and_drops_autosaves(
    qtbot, opened: OpenedMap, tmp_path: Path
) -> None:
    guard, stack = _guard(qtbot, opened, tmp_path)
    stack.push(UndoCommand(UpdateStakeholder(opened.smap, "mayor", power=5)))
    assert not stack.isClean()
    with qtbot.waitSignal(guard.autosaver.autosaved, timeout=BACKGROUND):
        guard.autosaver.autosave_now()
    assert recovery_path(opened.path).exists()
    guard.save()
    assert stack.isClean()
    assert load_map(opened.path).stakeholders["mayor"].power == 5
    assert load_map(backup_path(opened.path)).stakeholders["mayor"].power is None
    assert not recovery_path(opened.path).exists()
    guard.close()
    assert not lock_path(opened.path).exists()


def test_save_after_erasing_a_person_keeps_no_trace(
    qtbot, opened: OpenedMap, tmp_path: Path
) -> None:
    guard, stack = _guard(qtbot, opened, tmp_path)
    guard.save()  # a backup with the person now exists
    assert b"Amina" in backup_path(opened.path).read_bytes()
    stack.push(UndoCommand(ErasePerson(opened.smap, "mayor")))
    guard.save()
    assert b"Amina" not in opened.path.read_bytes()
    assert not backup_path(opened.path).exists()
    guard.close()


def test_save_as_moves_the_lock(qtbot, opened: OpenedMap, tmp_path: Path) -> None:
    guard, _ = _guard(qtbot, opened, tmp_path)
    other = tmp_path / "copy.smap"
    guard.save(other)
    assert guard.path == other and load_map(other) == opened.smap
    assert read_lock(other) == guard.lock.info and not lock_path(opened.path).exists()
    guard.close()
    assert not lock_path(other).exists()


def test_a_read_only_map_is_saved_only_under_another_name(
    qtbot, opened: OpenedMap, tmp_path: Path
) -> None:
    opened.lock.release()
    stack = QUndoStack()
    guard = ProtectedFile(opened.smap, stack, opened.path, read_only=True)
    assert guard.autosaver is None
    before = opened.path.read_bytes()
    with pytest.raises(MapFileError, match=r"^city\.smap is open read-only; save it under"):
        guard.save()
    assert opened.path.read_bytes() == before
    guard.save(tmp_path / "mine.smap")
    assert not guard.read_only and guard.autosaver is not None
    guard.close()


@pytest.mark.usefixtures("fast_kdf")
def test_change_and_remove_the_password(qtbot, opened: OpenedMap, tmp_path: Path) -> None:
    guard, _ = _guard(qtbot, opened, tmp_path)

    def type_new(dialog: QWidget) -> None:
        assert isinstance(dialog, NewPasswordDialog)
        dialog.first.setText("long secret phrase")
        dialog.second.setText("long secret phrase")
        dialog.accept()

    Modals([(NewPasswordDialog, type_new)])
    assert guard.change_password(None)
    assert is_encrypted_file(opened.path) and is_encrypted_file(backup_path(opened.path))
    assert load_map(opened.path, "long secret phrase") == opened.smap
    assert guard.autosaver.password == "long secret phrase"

    def remove(dialog: QWidget) -> None:
        dialog.remove.setChecked(True)
        dialog.accept()

    Modals([(NewPasswordDialog, remove)])
    assert guard.change_password(None)
    assert not is_encrypted_file(opened.path) and guard.password is None
    Modals([(NewPasswordDialog, lambda d: d.reject())])
    assert not guard.change_password(None)
    guard.close()


def _set_password(password: str):
    def type_new(dialog: QWidget) -> None:
        dialog.first.setText(password)
        dialog.second.setText(password)
        dialog.accept()

    Modals([(NewPasswordDialog, type_new)])


@pytest.mark.usefixtures("fast_kdf")
def test_changing_the_password_leaves_no_backup_under_the_old_one(
    qtbot, opened: OpenedMap, tmp_path: Path
) -> None:
    guard, stack = _guard(qtbot, opened, tmp_path)
    _set_password("first secret phrase")
    assert guard.change_password(None)
    guard.save()  # the backup now holds the map under the first password
    stack.push(UndoCommand(UpdateStakeholder(opened.smap, "mayor", power=5)))
    _set_password("second secret phrase")
    assert guard.change_password(None)
    assert stack.isClean()
    bak = backup_path(opened.path)
    for file in (opened.path, bak):
        with pytest.raises(WrongPassword):
            load_map(file, "first secret phrase")
    assert load_map(opened.path, "second secret phrase") == opened.smap
    assert load_map(bak, "second secret phrase").stakeholders["mayor"].power is None

    def remove(dialog: QWidget) -> None:
        dialog.remove.setChecked(True)
        dialog.accept()

    Modals([(NewPasswordDialog, remove)])
    assert guard.change_password(None)
    assert not is_encrypted_file(opened.path) and not is_encrypted_file(bak)
    assert load_map(bak).stakeholders["mayor"].power == 5
    guard.close()


def test_a_recovered_map_is_unsaved_until_saved_then_its_autosaves_go(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    write_recovery(small_map, None, folder=folder)
    (recovery,) = find_recoveries(folder=folder)
    stack = QUndoStack()
    guard = ProtectedFile.recovered(RecoveredMap(recovery.load(), None, None, recovery), stack)
    assert not stack.isClean() and guard.autosaver.dirty
    guard.save(tmp_path / "recovered.smap")
    assert stack.isClean()
    assert find_recoveries(tmp_path / "recovered.smap", folder) == []
    guard.close()


def test_detach_keeps_the_autosaves_and_releases_the_lock(
    qtbot, opened: OpenedMap, tmp_path: Path
) -> None:
    guard, stack = _guard(qtbot, opened, tmp_path)
    stack.push(UndoCommand(UpdateStakeholder(opened.smap, "mayor", power=2)))
    with qtbot.waitSignal(guard.autosaver.autosaved, timeout=BACKGROUND):
        guard.autosaver.autosave_now()
    guard.detach()
    assert recovery_path(opened.path).exists()
    assert not lock_path(opened.path).exists()
    stack.push(UndoCommand(UpdateStakeholder(opened.smap, "mayor", power=3)))
    assert not guard.autosaver.dirty  # no longer listening
