"""Hostile inputs through the command line: one line on stderr, exit 2, never a traceback.

Each input once crashed a command with a Python traceback (ValueError past 4,300 digits,
RecursionError, MemoryError from scrypt, OverflowError from a lock's process id) or read
without end (``--password-file /dev/zero``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from stakeholder_mapper.cli import PASSWORD_ENV, main
from stakeholder_mapper.core.limits import MAX_PASSWORD_FILE_BYTES
from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.io.encryption import MAGIC
from stakeholder_mapper.io.project import load_map, save_map

DIGITS = "1" * 5000
DEEP = "[" * 100_000 + "]" * 100_000


@pytest.fixture(autouse=True)
def _no_password_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)


def _error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "Traceback" not in err
    assert len(err) < 300
    return err.strip()


def _import(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    output = tmp_path / "out.smap"
    message = _error(["import", str(path), "-o", str(output)], capsys)
    assert not output.exists()
    return message


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("power", DIGITS, "column 'power': '11111111111111111111111111111111111111111111111111111"),
        ("principles", DIGITS, "column 'principles': '1111111111"),
        ("engagement", DEEP, "column 'engagement': is nested more than 64 levels deep."),
        ("log", f'[{{"date": "2026-01-01", "n": {DIGITS}}}]', "a number has 5000 digits"),
    ],
)
def test_csv_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str, value: str, expected: str
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        f"id,name,category,{column}\nmayor,Mayor,municipal,"
        + '"'
        + value.replace('"', '""')
        + '"\n'
    )
    message = _import(path, tmp_path, capsys)
    assert message.startswith("error: people.csv, line 2, ") and expected in message


def test_a_tags_cell_nested_100000_deep_is_a_text_tag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tags are text: a cell that is not a JSON list of texts is split like any other."""
    path = tmp_path / "people.csv"
    path.write_text(f"id,name,category,tags\nmayor,Mayor,municipal,{DEEP}\n")
    assert main(["import", "--stakeholders", str(path), "-o", str(tmp_path / "o.smap")]) == 0
    assert load_map(tmp_path / "o.smap").stakeholders["mayor"].tags == (DEEP,)


GRAPHML = (
    '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    '<key id="g0" for="graph" attr.name="plan_settings" attr.type="string"/>'
    '<key id="d0" for="node" attr.name="label" attr.type="string"/>'
    '<key id="d1" for="node" attr.name="power" attr.type="int"/>'
    '<graph edgedefault="directed"><data key="g0">{settings}</data>'
    '<node id="a"><data key="d0">Mayor</data><data key="d1">{power}</data></node>'
    '<node id="b"><data key="d0">Imam</data></node><edge source="a" target="b"/></graph></graphml>'
)


@pytest.mark.parametrize(
    ("settings", "power", "expected"),
    [
        ("{}", DIGITS, "nodes, node 1, attribute 'power': '1111"),
        (f'{{"x": {DIGITS}}}', "3", "graph, plan_settings: a number has 5000 digits"),
        (DEEP, "3", "graph, plan_settings: is nested more than 64 levels deep."),
    ],
)
def test_graphml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], settings: str, power: str, expected: str
) -> None:
    path = tmp_path / "net.graphml"
    path.write_text(GRAPHML.format(settings=settings, power=power))
    assert expected in _import(path, tmp_path, capsys)


def test_gexf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "net.gexf"
    path.write_text(
        '<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3">'
        "<meta><creator>Stakeholder Mapper</creator></meta><graph>"
        '<attributes class="node"><attribute id="0" title="trust" type="integer"/></attributes>'
        f'<nodes><node id="a" label="Mayor"><attvalues><attvalue for="0" value="{DIGITS}"/>'
        '</attvalues></node><node id="b" label="Imam"/></nodes><edges/></graph></gexf>'
    )
    assert "net.gexf, nodes, node 1, attribute 'trust': '111" in _import(path, tmp_path, capsys)


def test_workbook_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Stakeholders"
    sheet.append(["id", "name", "category", "power", "engagement"])
    sheet.append(["mayor", "Mayor", "municipal", "3", "[" * 20000 + "]" * 20000])
    book.save(tmp_path / "book.xlsx")
    message = _import(tmp_path / "book.xlsx", tmp_path, capsys)
    assert message == (
        "error: book.xlsx, sheet Stakeholders, line 2, column 'engagement': "
        "is nested more than 64 levels deep."
    )


@pytest.mark.parametrize(("n", "r"), [(2**17, 1), (2**16, 1)])
def test_scrypt_settings_scrypt_refuses_are_refused_before_deriving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], n: int, r: int
) -> None:
    header = {
        "cipher": "AES-256-GCM",
        "kdf": "scrypt",
        "n": n,
        "r": r,
        "p": 1,
        "salt": "A" * 22 + "==",
        "nonce": "A" * 16,
        "check": "A" * 22 + "==",
    }
    path = tmp_path / "enc.smap"
    path.write_bytes(MAGIC + json.dumps(header).encode() + b"\n" + b"x" * 64)
    secret = tmp_path / "pw.txt"
    secret.write_text("pw\n")
    assert _error(["validate", str(path), "--password-file", str(secret)], capsys) == (
        "error: enc.smap is damaged: its encryption header is not valid."
    )


def test_password_file_without_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    smap = tmp_path / "city.smap"
    save_map(StakeholderMap(), smap)
    source = "/dev/zero" if os.path.exists("/dev/zero") else None
    if source is None:  # the same file, bounded: no line break in far more than the limit
        source = str(tmp_path / "zeros")
        Path(source).write_bytes(b"\0" * (MAX_PASSWORD_FILE_BYTES * 4))
    assert _error(["validate", str(smap), "--password-file", source], capsys) == (
        f"error: the password file {source} has no line break in its first "
        f"{MAX_PASSWORD_FILE_BYTES} bytes; put the password alone on its first line"
    )


def test_a_long_password_file_with_the_password_on_its_first_line_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fast_kdf: None
) -> None:
    smap = tmp_path / "city.smap"
    save_map(StakeholderMap(), smap, "s3cret")
    secret = tmp_path / "pw.txt"
    secret.write_text("s3cret\n" + "comment\n" * 10_000)
    assert main(["validate", str(smap), "--password-file", str(secret)]) == 0


def test_a_computer_without_the_memory_scrypt_asks_for_gets_a_sentence(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    fast_kdf: None,
) -> None:
    """Settings within bounds can still need more memory than is free (a small laptop)."""
    from cryptography.hazmat.primitives.kdf import scrypt

    smap = tmp_path / "enc.smap"
    save_map(StakeholderMap(), smap, "pw")

    class LowMemoryScrypt:
        def __init__(self, **_: object) -> None:
            pass

        def derive(self, _: bytes) -> bytes:
            raise MemoryError("Not enough memory to derive key.")

    # Patched where it is defined: the key is derived through a lazy import of it.
    monkeypatch.setattr(scrypt, "Scrypt", LowMemoryScrypt)
    secret = tmp_path / "pw.txt"
    secret.write_text("pw\n")
    assert _error(["validate", str(smap), "--password-file", str(secret)], capsys) == (
        "error: enc.smap cannot be opened on this computer: its encryption settings "
        "(scrypt n=32768, r=8, p=1) need more memory than is free."
    )
