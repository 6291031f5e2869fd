"""Autosave timer, recovery offer, read-only offer for locked maps, and password dialogs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from stakeholder_mapper.core.commands import UpdateStakeholder
from stakeholder_mapper.core.model import MapInfo, StakeholderMap
from stakeholder_mapper.io.lock import LockInfo, lock_path, read_lock
from stakeholder_mapper.io.project import is_encrypted_file, load_map, save_map
from stakeholder_mapper.io.recovery import (
    Recovery,
    find_recoveries,
    recovery_path,
    write_recovery,
)
from stakeholder_mapper.ui.files.autosave import (
    Autosaver,
    NewPasswordDialog,
    PasswordDialog,
    RecoveryDialog,
    offer_recovery,
    open_map_for_editing,
    recovery_folder,
)

from ..modals import Modals
from ..waits import BACKGROUND


def _type_password(text: str) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, PasswordDialog)
        dialog.field.setText(text)
        dialog.accept()

    return act


def _click(label: str) -> Callable[[QWidget], None]:
    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        (button,) = [b for b in box.buttons() if b.text() == label]
        button.click()

    return act


def _edit(smap: StakeholderMap, power: int) -> None:
    UpdateStakeholder(smap, "mayor", power=power).redo()


def test_autosave_after_a_pause_in_editing(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    saved = path.read_bytes()
    saver = Autosaver(small_map, path, folder=tmp_path / "data", idle_ms=20)
    assert not saver.autosave_now()  # nothing to save yet
    with qtbot.waitSignal(saver.autosaved, timeout=BACKGROUND) as blocker:
        _edit(small_map, 4)
    assert blocker.args == [tmp_path / ".city.smap.recovery"]
    assert load_map(blocker.args[0]).stakeholders["mayor"].power == 4
    assert path.read_bytes() == saved
    saver.close()
    assert not recovery_path(path).exists()


def test_autosave_every_few_minutes_even_while_editing(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    saver = Autosaver(small_map, None, folder=tmp_path, interval_ms=30, idle_ms=60_000)
    with qtbot.waitSignal(saver.autosaved, timeout=BACKGROUND) as blocker:
        _edit(small_map, 2)
    assert blocker.args[0].parent == tmp_path and blocker.args[0].name.startswith("unsaved-")
    assert load_map(blocker.args[0]).stakeholders["mayor"].power == 2
    saver.close()


@pytest.mark.usefixtures("fast_kdf")
def test_autosave_of_an_encrypted_map_is_encrypted(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    saver = Autosaver(small_map, path, "s3cret pass", folder=tmp_path / "data")
    _edit(small_map, 5)
    with qtbot.waitSignal(saver.autosaved, timeout=BACKGROUND):
        assert saver.autosave_now()
    assert is_encrypted_file(saver.target) and b"Mayor" not in saver.target.read_bytes()
    assert load_map(saver.target, "s3cret pass").stakeholders["mayor"].power == 5
    saver.close()


def test_saving_an_unsaved_map_removes_its_autosave(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    saver = Autosaver(small_map, None, folder=folder)
    _edit(small_map, 3)
    with qtbot.waitSignal(saver.autosaved, timeout=BACKGROUND):
        saver.autosave_now()
    assert len(find_recoveries(folder=folder)) == 1
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    saver.saved(path)
    assert find_recoveries(path, folder) == []
    assert saver.target == recovery_path(path) and not saver.dirty
    saver.close()


def test_autosave_failure_is_reported_and_retried(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    saver = Autosaver(small_map, None, folder=blocked)
    _edit(small_map, 1)
    with qtbot.waitSignal(saver.failed, timeout=BACKGROUND) as blocker:
        saver.autosave_now()
    assert "could not be saved" in blocker.args[0]
    assert saver.dirty  # tried again at the next tick
    saver.close()


def test_recovery_folder_is_in_the_user_data_location() -> None:
    assert recovery_folder().name == "recovery"


def _three_versions(smap: StakeholderMap, path: Path) -> None:
    """Autosave versions 1, 2, 3 of the map, two minutes apart."""
    for n in (1, 2, 3):
        smap.info = MapInfo(title=f"version {n}")
        written = write_recovery(smap, path)
        for older in written.parent.glob(".city.smap.recovery*"):
            stat = older.stat()
            os.utime(older, (stat.st_atime, stat.st_mtime - 120))


def test_recovery_dialog_lists_each_version_with_its_time(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    _three_versions(small_map, path)
    recoveries = find_recoveries(path)
    dialog = RecoveryDialog(recoveries)
    qtbot.addWidget(dialog)
    assert dialog.table.topLevelItemCount() == 3
    rows = [dialog.table.topLevelItem(i) for i in range(3)]
    assert [r.text(1) for r in rows] == ["city.smap"] * 3
    for row, recovery in zip(rows, recoveries, strict=True):
        assert row.text(0).endswith(recovery.saved.strftime("%H:%M:%S"))
    assert dialog.chosen() is recoveries[0]
    dialog.table.setCurrentItem(rows[1])
    assert dialog.chosen() is recoveries[1]


def test_recovery_times_are_read_on_the_local_clock_and_calendar(
    qtbot, tmp_path: Path, time_zone
) -> None:
    time_zone("<+14>-14")  # Kiritimati, UTC+14: the local date is often a day after UTC's
    now = dt.datetime.now(dt.UTC)
    saved = [now, now - dt.timedelta(days=1), dt.datetime(2026, 11, 5, 19, 30, tzinfo=dt.UTC)]
    dialog = RecoveryDialog(
        [Recovery(tmp_path / f"r{i}", t, None, False) for i, t in enumerate(saved)]
    )
    qtbot.addWidget(dialog)
    clock = now.astimezone().strftime("%H:%M:%S")
    assert [dialog.table.topLevelItem(i).text(0) for i in range(3)] == [
        f"Today {clock}",
        f"Yesterday {clock}",
        "6 Nov 2026 09:30:00",
    ]


def test_offer_recovery_restores_the_chosen_version(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    _three_versions(small_map, path)

    def pick_second(dialog: QWidget) -> None:
        assert isinstance(dialog, RecoveryDialog)
        dialog.table.setCurrentItem(dialog.table.topLevelItem(1))
        dialog.recover_button.click()

    Modals([(RecoveryDialog, pick_second)])
    recovered = offer_recovery(None, path, tmp_path / "data")
    assert recovered is not None
    assert recovered.smap.info.title == "version 2"
    assert recovered.path == path and recovered.password is None


@pytest.mark.usefixtures("fast_kdf")
def test_offer_recovery_asks_the_password_again_when_wrong(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    write_recovery(small_map, None, "s3cret pass", folder=folder)
    prompts: list[str] = []

    def wrong(dialog: QWidget) -> None:
        prompts.append(dialog.problem.text())
        _type_password("guess")(dialog)

    def right(dialog: QWidget) -> None:
        prompts.append(dialog.problem.text())
        _type_password("s3cret pass")(dialog)

    Modals(
        [
            (RecoveryDialog, lambda d: d.recover_button.click()),
            (PasswordDialog, wrong),
            (PasswordDialog, right),
        ]
    )
    recovered = offer_recovery(None, None, folder)
    assert recovered is not None and recovered.smap == small_map
    assert recovered.path is None and recovered.password == "s3cret pass"
    assert prompts == ["", "That password is wrong; try again."]


def test_discard_all_deletes_the_autosaves(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    write_recovery(small_map, path)
    Modals(
        [
            (RecoveryDialog, lambda d: d.discard_button.click()),
            (QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click()),
        ]
    )
    assert offer_recovery(None, path, tmp_path / "data") is None
    assert find_recoveries(path) == []


def test_nothing_to_recover_shows_nothing(tmp_path: Path) -> None:
    assert offer_recovery(None, tmp_path / "city.smap", tmp_path / "data") is None


def test_a_map_open_elsewhere_is_offered_read_only(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as child:
        try:
            holder = dataclasses.replace(LockInfo.here(), pid=child.pid, user="juma")
            lock_path(path).write_bytes(holder.to_json())
            texts: list[str] = []

            def read_only(box: QWidget) -> None:
                texts.append(box.text())
                _click("Open read-only")(box)

            Modals([(QMessageBox, read_only)])
            opened = open_map_for_editing(None, path)
            assert opened is not None and opened.read_only and opened.lock is None
            assert opened.smap == small_map
            assert texts[0].startswith("city.smap is already open for editing by juma on ")
            assert read_lock(path) == holder

            Modals([(QMessageBox, _click("Open anyway"))])
            opened = open_map_for_editing(None, path)
            assert opened is not None and not opened.read_only
            assert opened.lock is not None and read_lock(path) == opened.lock.info
            opened.lock.release()
        finally:
            child.kill()


@pytest.mark.usefixtures("fast_kdf")
def test_open_for_editing_locks_and_asks_the_password(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path, "s3cret pass")
    Modals([(PasswordDialog, _type_password("s3cret pass"))])
    opened = open_map_for_editing(None, path)
    assert opened is not None and opened.smap == small_map
    assert opened.password == "s3cret pass" and not opened.read_only
    assert opened.lock is not None and read_lock(path) == opened.lock.info
    opened.lock.release()

    Modals([(PasswordDialog, lambda d: d.reject())])
    assert open_map_for_editing(None, path) is None
    assert not lock_path(path).exists()  # cancelled: the lock is released


def test_new_password_dialog_checks_length_and_repetition(qtbot) -> None:
    dialog = NewPasswordDialog("city.smap", has_password=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.first.setText("short")
    assert not ok.isEnabled() and "at least 8" in dialog.problem.text()
    dialog.first.setText("long enough pass")
    dialog.second.setText("long enough pas")
    assert not ok.isEnabled() and dialog.problem.text() == "The two passwords differ."
    dialog.second.setText("long enough pass")
    assert ok.isEnabled() and dialog.new_password() == "long enough pass"
    dialog.remove.setChecked(True)
    assert ok.isEnabled() and dialog.new_password() is None
    assert not dialog.first.isEnabled()
    assert not NewPasswordDialog("new.smap", has_password=False).remove.isVisibleTo(dialog)


def test_password_dialog_hides_what_is_typed(qtbot) -> None:
    dialog = PasswordDialog("city.smap", "The password for city.smap is wrong.")
    qtbot.addWidget(dialog)
    dialog.field.setText("secret")
    assert dialog.field.displayText() != "secret"
    assert dialog.problem.text() == "The password for city.smap is wrong."


def test_offer_recovery_can_leave_out_unsaved_maps(
    qtbot, small_map: StakeholderMap, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    write_recovery(small_map, None, folder=folder)
    assert offer_recovery(None, tmp_path / "city.smap", folder, unsaved=False) is None
    assert len(find_recoveries(folder=folder)) == 1
