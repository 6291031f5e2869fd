"""The main window's file protection: erase and save, read-only, passwords, recovery, lock."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from stakeholder_mapper.core.model import MapInfo, StakeholderMap
from stakeholder_mapper.io.lock import LockInfo, lock_path, read_lock
from stakeholder_mapper.io.project import backup_path, is_encrypted_file, load_map, save_map
from stakeholder_mapper.io.recovery import write_recovery
from stakeholder_mapper.ui.dialogs.privacy import ErasePersonDialog
from stakeholder_mapper.ui.files import autosave
from stakeholder_mapper.ui.files.autosave import NewPasswordDialog, PasswordDialog, RecoveryDialog

from ..modals import Modals


@pytest.fixture(autouse=True)
def _recovery_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    folder = tmp_path / "recovery"
    monkeypatch.setattr(autosave, "recovery_folder", lambda: folder)
    return folder


def _map_file(smap: StakeholderMap, tmp_path: Path, password: str | None = None) -> Path:
    smap.stakeholders["mayor"] = dataclasses.replace(
        smap.stakeholders["mayor"], person="Amina Yusuf", notes="Amina Yusuf chairs it."
    )
    path = tmp_path / "city.smap"
    save_map(smap, path, password)
    save_map(smap, path, password)  # a backup exists too
    return path


def test_erase_then_save_leaves_no_trace_and_no_backup(qtbot, window, small_map, tmp_path) -> None:
    path = _map_file(small_map, tmp_path)
    assert window.open_path(path)
    assert read_lock(path) == window.guard.lock.info
    window.document.selection.set(["mayor"])
    Modals([(ErasePersonDialog, lambda d: d.erase_button.click())])
    window.actions_by_name["erase_person"].trigger()
    assert window.document.smap.stakeholders["mayor"].person == ""
    window.actions_by_name["save"].trigger()
    assert b"Amina" not in path.read_bytes()
    assert not backup_path(path).exists()
    window.close()
    assert not lock_path(path).exists()


def test_a_map_open_elsewhere_opens_read_only_and_saves_under_another_name(
    qtbot, window, small_map, tmp_path, monkeypatch
) -> None:
    path = _map_file(small_map, tmp_path)
    other = tmp_path / "mine.smap"
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as child:
        try:
            holder = dataclasses.replace(LockInfo.here(), pid=child.pid)
            lock_path(path).write_bytes(holder.to_json())

            def read_only(box: QWidget) -> None:
                (button,) = [b for b in box.buttons() if b.text() == "Open read-only"]
                button.click()

            Modals([(QMessageBox, read_only)])
            assert window.open_path(path)
            assert "city.smap (read-only)" in window.windowTitle()
            before = path.read_bytes()
            monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
            window.view.connect("youth", "mayor")
            window.actions_by_name["save"].trigger()
            assert path.read_bytes() == before and read_lock(path) == holder
            assert load_map(other) == window.document.smap
            assert "mine.smap" in window.windowTitle() and "read-only" not in window.windowTitle()
        finally:
            child.kill()


@pytest.mark.usefixtures("fast_kdf")
def test_protected_map_asks_the_password_and_stays_protected(
    qtbot, window, small_map, tmp_path
) -> None:
    path = _map_file(small_map, tmp_path, "s3cret pass")

    def type_password(dialog: QWidget) -> None:
        dialog.field.setText("s3cret pass")
        dialog.accept()

    Modals([(PasswordDialog, type_password)])
    assert window.open_path(path)
    assert window.password == "s3cret pass"
    window.view.connect("youth", "mayor")
    window.actions_by_name["save"].trigger()
    assert is_encrypted_file(path) and load_map(path, "s3cret pass") == window.document.smap

    def remove(dialog: QWidget) -> None:
        dialog.remove.setChecked(True)
        dialog.accept()

    Modals([(NewPasswordDialog, remove)])
    window.actions_by_name["password"].trigger()
    assert window.password is None and not is_encrypted_file(path)
    window.close()


def test_start_up_offers_the_autosave_of_a_crashed_unsaved_map(
    qtbot, window, small_map, _recovery_folder
) -> None:
    crashed = StakeholderMap(MapInfo(title="Workshop, not yet saved"))
    write_recovery(crashed, None, folder=_recovery_folder)
    Modals([(RecoveryDialog, lambda d: d.recover_button.click())])
    assert window.check_recovery()
    assert window.document.smap.info.title == "Workshop, not yet saved"
    assert window.isWindowModified() and window.document.path is None
    assert "unsaved map" in window.windowTitle()


def test_a_map_only_opened_or_created_is_not_autosaved(qtbot, window, small_map, tmp_path) -> None:
    path = _map_file(small_map, tmp_path)
    assert window.open_path(path)
    assert not window.guard.autosaver.autosave_now()
    window.actions_by_name["new"].trigger()
    assert not window.guard.autosaver.autosave_now()
    assert window.show_unsaved(small_map, modified=True)
    assert window.guard.autosaver.autosave_now(), "an imported map is unsaved work"
    window.guard.autosaver.wait()
