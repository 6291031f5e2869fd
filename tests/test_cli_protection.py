"""The command line on password-protected and broken maps: no prompt, one line, exit 2."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from stakeholder_mapper.cli import PASSWORD_ENV, main
from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.io.project import is_encrypted_file, load_map, save_map

BROKEN = Path(__file__).resolve().parent / "data" / "broken"


@pytest.fixture(autouse=True)
def _no_password_in_environment(monkeypatch: pytest.MonkeyPatch, fast_kdf: None) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)


@pytest.fixture
def locked_map(small_map: StakeholderMap, tmp_path: Path) -> Path:
    path = tmp_path / "city.smap"
    save_map(small_map, path, "s3cret pass")
    return path


def _one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ")
    return err.strip()


def test_validate_reads_the_password_from_a_file(
    locked_map: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text("s3cret pass\n", encoding="utf-8")
    assert main(["validate", str(locked_map), "--password-file", str(secret)]) == 0
    assert "city.smap is valid: 4 stakeholders" in capsys.readouterr().out


def test_validate_reads_the_password_from_the_environment(
    locked_map: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "s3cret pass")
    assert main(["validate", str(locked_map)]) == 0
    assert "is valid" in capsys.readouterr().out


def test_missing_or_wrong_password_is_one_line(
    locked_map: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = locked_map.read_bytes()
    assert main(["validate", str(locked_map)]) == 2
    assert _one_line_error(capsys) == (
        "error: city.smap is protected by a password; pass --password-file FILE "
        f"or set {PASSWORD_ENV}."
    )
    monkeypatch.setenv(PASSWORD_ENV, "guess")
    assert main(["validate", str(locked_map)]) == 2
    assert _one_line_error(capsys) == "error: The password for city.smap is wrong."
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["validate", str(locked_map), "--password-file", str(empty)]) == 2
    assert "the password file" in _one_line_error(capsys)
    assert locked_map.read_bytes() == before


def test_import_protects_the_new_map_with_the_given_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "s.csv"
    table.write_text("id,name,category,person\nmayor,Mayor,municipal,Amina Yusuf\n")
    secret = tmp_path / "password.txt"
    secret.write_text("s3cret pass", encoding="utf-8")
    out = tmp_path / "city.smap"
    code = main(
        ["import", "--stakeholders", str(table), "-o", str(out), "--password-file", str(secret)]
    )
    assert code == 0
    assert "Saved" in capsys.readouterr().out
    assert is_encrypted_file(out) and b"Amina" not in out.read_bytes()
    assert load_map(out, "s3cret pass").stakeholders["mayor"].person == "Amina Yusuf"


@pytest.mark.parametrize("name", sorted(p.name for p in BROKEN.glob("*.smap")))
def test_validate_refuses_each_broken_file_in_one_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    shutil.copy2(BROKEN / name, path)
    before = path.read_bytes()
    assert main(["validate", str(path)]) == 2
    assert _one_line_error(capsys).startswith(f"error: {name}")
    assert path.read_bytes() == before
