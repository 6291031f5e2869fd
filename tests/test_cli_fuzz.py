"""The command line under random input files: exit 0 or 2 with one line, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stakeholder_mapper.cli import PASSWORD_ENV, main

FUZZ = settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
GRAPHML = (
    '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
    '<key id="label" for="node" attr.name="label" attr.type="string"/>'
    '<graph edgedefault="directed"><node id="a"><data key="label">Mayor</data></node>'
    '<node id="b"><data key="label">Imam</data></node><edge source="a" target="b"/></graph>'
    "</graphml>"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-fuzz")


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code = main(argv)
    err = capsys.readouterr().err
    assert code in (0, 2)
    if code == 2:
        assert err.count("\n") == 1 and err.startswith("error: ")
    assert "Traceback" not in err


@FUZZ
@given(data=st.binary(max_size=400))
def test_validate_random_bytes(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, data: bytes
) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    path = folder / "fuzz.smap"
    path.write_bytes(data)
    _run(["validate", str(path)], capsys)
    assert path.read_bytes() == data


@FUZZ
@given(
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=6), c, max_size=3),
        max_leaves=12,
    ),
    key=st.sampled_from(["map", "stakeholders", "relationships", "layout", "snapshots"]),
)
def test_validate_wrong_sections(
    folder: Path, capsys: pytest.CaptureFixture[str], value: object, key: str
) -> None:
    path = folder / "fuzz.smap"
    path.write_text(
        json.dumps({"format": "stakeholder-mapper", "format_version": 1, key: value}),
        encoding="utf-8",
    )
    _run(["validate", str(path)], capsys)


@FUZZ
@given(
    cut=st.integers(0, len(GRAPHML)),
    junk=st.binary(max_size=20),
    suffix=st.sampled_from([".graphml", ".gexf", ".xlsx", ".csv"]),
)
def test_import_damaged_files(
    folder: Path, capsys: pytest.CaptureFixture[str], cut: int, junk: bytes, suffix: str
) -> None:
    source = folder / f"in{suffix}"
    source.write_bytes(GRAPHML.encode()[:cut] + junk)
    _run(["import", str(source), "-o", str(folder / "out.smap")], capsys)
