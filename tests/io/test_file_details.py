"""Saving respects the file as the user set it up: permissions, links, long and odd names."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.model import MapInfo, StakeholderMap
from stakeholder_mapper.io.lock import acquire_lock, lock_path
from stakeholder_mapper.io.project import (
    MapFileError,
    backup_path,
    change_password,
    load_map,
    save_map,
)
from stakeholder_mapper.io.recovery import find_recoveries, recovery_path, write_recovery


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _map(title: str) -> StakeholderMap:
    return StakeholderMap(MapInfo(title=title))


@pytest.mark.usefixtures("fast_kdf")
@pytest.mark.parametrize("mode", [0o664, 0o640, 0o600])
def test_saving_keeps_the_files_permissions(tmp_path: Path, mode: int) -> None:
    """On a shared folder teammates keep the access they had (0664 stays 0664)."""
    path = tmp_path / "city.smap"
    save_map(_map("v1"), path)
    path.chmod(mode)
    save_map(_map("v2"), path)
    assert _mode(path) == mode and _mode(backup_path(path)) == mode
    save_map(_map("v3"), path, "correct horse")
    assert _mode(path) == mode
    change_password(path, "correct horse", None)
    assert _mode(path) == mode and load_map(path).info.title == "v3"


def test_saving_through_a_link_writes_the_file_it_points_to(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "city.smap"
    save_map(_map("v1"), target)
    link = tmp_path / "city.smap"
    link.symlink_to(target)
    save_map(_map("v2"), link)
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert load_map(target).info.title == "v2"
    assert load_map(backup_path(target)).info.title == "v1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["city.smap", "shared"]
    lock = acquire_lock(link)  # one lock whichever name opens the map
    assert lock_path(link) == lock_path(target) == shared / "city.smap.lock"
    lock.release()


@pytest.mark.parametrize("size", [235, 241, 250, 255])
def test_long_map_names_get_backups_locks_and_autosaves_that_fit(tmp_path: Path, size) -> None:
    """File systems refuse names over 255 bytes; the files beside the map shorten the
    name with a hash and keep its start, so the map stays recognisable."""
    stem = ("Plan d'engagement — quartier Nord " * 10).encode()[: size - len(".smap")]
    name = stem.decode("utf-8", errors="ignore") + ".smap"
    name = name.replace(" .smap", "x.smap")
    path = tmp_path / name
    save_map(_map("v1"), path)
    save_map(_map("v2"), path)
    write_recovery(_map("v3"), path)
    write_recovery(_map("v4"), path)  # the previous autosave moves to .recovery.1
    with acquire_lock(path):
        names = [p.name for p in tmp_path.iterdir()]
        assert len(names) == 5, names  # map, backup, two autosaves, lock
        assert all(len(os.fsencode(n)) <= 255 for n in names)
        assert all(n.lstrip(".").startswith(name[:100]) for n in names)
    assert load_map(backup_path(path)).info.title == "v1"
    assert [r.load().info.title for r in find_recoveries(path)] == ["v4", "v3"]
    assert recovery_path(path).name != recovery_path(tmp_path / (name[:-6] + "y.smap")).name


def test_a_backup_that_is_a_folder_stops_the_save_before_anything_is_written(
    tmp_path: Path,
) -> None:
    """Saving without the backup the guide promises would lose the previous version
    unannounced; refusing keeps both the file and the folder and says what to do."""
    path = tmp_path / "city.smap"
    save_map(_map("v1"), path)
    backup_path(path).mkdir()
    (backup_path(path) / "keep.txt").write_text("mine")
    before = path.read_bytes()
    with pytest.raises(MapFileError) as raised:
        save_map(_map("v2"), path)
    assert str(raised.value) == (
        "city.smap was not saved: its backup city.smap.bak is a folder, so the previous "
        "version cannot be kept; rename that folder or save under another name."
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["city.smap", "city.smap.bak"]
    assert (backup_path(path) / "keep.txt").read_text() == "mine"


def test_a_full_disk_while_keeping_the_backup_leaves_no_partial_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "city.smap"
    save_map(_map("v1"), path)
    save_map(_map("v2"), path)

    def full_disk(src, dst, **_kwargs):
        Path(dst).write_bytes(Path(src).read_bytes()[:10])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("shutil.copy2", full_disk)
    with pytest.raises(MapFileError, match=r"^city\.smap could not be saved: No space left"):
        save_map(_map("v3"), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["city.smap", "city.smap.bak"]
    assert load_map(path).info.title == "v2" and load_map(backup_path(path)).info.title == "v1"


@pytest.mark.parametrize("odd", ["a\nb.smap", "tab\there.smap", "bell\x07.smap", "ls\u2028.smap"])
def test_a_control_character_in_a_name_gives_one_line_naming_it_with_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], odd: str
) -> None:
    path = tmp_path / odd
    save_map(_map("v1"), path)
    backup_path(path).mkdir()
    with pytest.raises(MapFileError) as raised:  # as a dialog shows it
        save_map(_map("v2"), path)
    assert str(raised.value).startswith(f"{odd!r} was not saved: its backup ")
    assert str(raised.value).isprintable()
    assert main(["validate", str(tmp_path / ("missing" + odd))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err[:-1].isprintable()
    assert repr("missing" + odd) in err
