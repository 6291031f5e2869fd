"""A map that cannot be opened or written as usual: plain sentences, and what can rescue it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.io import file_access
from stakeholder_mapper.io.errors import DamagedMap, MapFileError
from stakeholder_mapper.io.file_access import read_only_reason, unwritable_output_reason
from stakeholder_mapper.io.project import backup_path, dumps_map, load_map, save_map
from stakeholder_mapper.io.recovery import write_recovery
from stakeholder_mapper.io.rescue import rescue_copies, rescue_hint

BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken"
#: Words of Python's JSON reader that a user should never read.
PARSER_WORDS = ("Expecting", "Unterminated", "delimiter", "char ", "position", "JSONDecode")


def _damaged(small_map: StakeholderMap, tmp_path: Path, cut: int = 200) -> Path:
    """city.smap cut short after ``cut`` bytes, with a backup of the whole map beside it."""
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    save_map(small_map, path)  # the first version becomes city.smap.bak
    path.write_bytes(dumps_map(small_map)[:cut])
    return path


@pytest.mark.parametrize(
    ("data", "start"),
    [
        (b'{"format": "stakeholder-mapper", "format_version": 1, "stakeh', "is damaged: it breaks"),
        (b'{"format": "stakeholder-mapper", "format_version": 1,\n "map": {"ti', "line 2"),
        (b"<html>not a map</html>", "is damaged or is not a map: line 1, column 1"),
        (b"", "is empty"),
        (b"\xff\xd8\xff\xe0 a photo", "is damaged or is not a map: byte 0"),
    ],
)
def test_a_damaged_map_is_named_in_one_plain_sentence(data: bytes, start: str, tmp_path) -> None:
    path = tmp_path / "city.smap"
    path.write_bytes(data)
    with pytest.raises(DamagedMap) as caught:
        load_map(path)
    message = str(caught.value)
    assert message.startswith("city.smap ") and start in message
    assert message.endswith(".") and message.count(". ") == 0 and "\n" not in message
    assert not any(word in message for word in PARSER_WORDS)


def test_every_broken_file_but_a_newer_version_is_damaged(tmp_path: Path) -> None:
    """Damage offers the backup; a map from a newer version is not damage and does not."""
    for source in sorted(BROKEN.glob("*.smap")):
        path = tmp_path / source.name
        shutil.copy2(source, path)
        with pytest.raises(MapFileError) as caught:
            load_map(path, "any password")
        is_damage = isinstance(caught.value, DamagedMap)
        assert is_damage == (source.name != "newer_version.smap"), source.name


def test_the_backup_and_autosaves_of_a_damaged_map_are_found_and_open(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = _damaged(small_map, tmp_path)
    edited = small_map.copy()
    edited.info = type(edited.info)(title="With the last edits")
    write_recovery(edited, path)
    copies = rescue_copies(path)
    assert [(c.kind, c.path.name) for c in copies] == [
        ("backup", "city.smap.bak"),
        ("autosave", ".city.smap.recovery"),
    ]
    assert copies[0].load() == small_map
    assert copies[1].load().info.title == "With the last edits"
    hint = rescue_hint(path)
    assert hint.startswith("Your work may be in the backup city.smap.bak (saved ")
    assert "and the autosave .city.smap.recovery (saved " in hint and hint.count(". ") == 0


def test_nothing_to_rescue_gives_no_hint(tmp_path: Path) -> None:
    path = tmp_path / "city.smap"
    path.write_bytes(b"{")
    assert rescue_copies(path) == [] and rescue_hint(path) == ""


def test_the_command_line_names_the_damage_and_the_backup(
    small_map: StakeholderMap, tmp_path: Path, capsys
) -> None:
    path = _damaged(small_map, tmp_path)
    before = path.read_bytes()
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: city.smap is damaged: it breaks off at line ")
    assert "Your work may be in the backup city.smap.bak (saved " in err
    assert err.count("\n") == 1 and not any(word in err for word in PARSER_WORDS)
    assert path.read_bytes() == before and load_map(backup_path(path)) == small_map
    assert main(["validate", str(backup_path(path))]) == 0


def _unwritable(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """Make the system answer that ``paths`` cannot be written (tests run as any user)."""
    refused = {os.path.abspath(p) for p in paths}
    real = file_access.can_write
    monkeypatch.setattr(
        file_access, "can_write", lambda p: os.path.abspath(p) not in refused and real(p)
    )


def test_a_map_in_a_folder_that_cannot_be_written_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "city.smap"
    path.write_bytes(b"{}")
    assert read_only_reason(path) is None
    _unwritable(monkeypatch, tmp_path)
    assert read_only_reason(path) == (
        "city.smap is in a folder you cannot write to; it opens read-only."
    )


def test_a_read_only_file_opens_read_only(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "city.smap"
    path.write_bytes(b"{}")
    _unwritable(monkeypatch, path)
    assert read_only_reason(path) == "city.smap is a read-only file; it opens read-only."
    assert unwritable_output_reason(path) == (
        "city.smap is a read-only file; choose another name for it."
    )


def test_the_command_line_refuses_to_write_where_it_cannot_in_one_sentence(
    small_map: StakeholderMap, tmp_path: Path, monkeypatch, capsys
) -> None:
    source = tmp_path / "city.smap"
    save_map(small_map, source)
    shared = tmp_path / "shared"
    shared.mkdir()
    _unwritable(monkeypatch, shared)
    assert main(["export", str(source), "--to", "graphml", "-o", str(shared / "c.graphml")]) == 2
    assert capsys.readouterr().err == (
        "error: c.graphml is in a folder you cannot write to; choose another place for it.\n"
    )
    assert list(shared.iterdir()) == []
