"""The CSV importer under random input: it imports or refuses with one line, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stakeholder_mapper.core.validation import map_problems
from stakeholder_mapper.io.table_import import (
    RELATIONSHIP_COLUMNS,
    STAKEHOLDER_COLUMNS,
    TableImportError,
    import_tables,
)

cells = st.one_of(
    st.sampled_from(["", "mayor", "imam", "5", "-2", "7", "1.0", "x", "media", "city", "true"]),
    st.text(max_size=12),
)


def _csv(columns: list[str], rows: list[list[str]], delimiter: str) -> str:
    def quote(cell: str) -> str:
        if any(c in cell for c in (delimiter, '"', "\n", "\r")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    lines = [delimiter.join(quote(c) for c in columns)]
    lines += [delimiter.join(quote(c) for c in row) for row in rows]
    return "\n".join(lines) + "\n"


@st.composite
def tables(draw: st.DrawFn, known: tuple[str, ...]) -> str:
    columns = draw(
        st.lists(st.sampled_from([*known, "district", "Name ", "extra"]), min_size=1, max_size=8)
    )
    rows = draw(st.lists(st.lists(cells, min_size=len(columns), max_size=len(columns)), max_size=6))
    return _csv(columns, rows, draw(st.sampled_from([",", ";", "\t"])))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _check(folder: Path, stakeholders: bytes, relationships: bytes | None, lenient: bool) -> None:
    s, r = folder / "s.csv", folder / "r.csv"
    s.write_bytes(stakeholders)
    if relationships is not None:
        r.write_bytes(relationships)
    try:
        smap, report = import_tables(
            s, r if relationships is not None else None, skip_bad_rows=lenient
        )
    except TableImportError as exc:
        message = str(exc)
        assert "\n" not in message and message.strip() == message and message
        return
    assert map_problems(smap) == []
    assert report.stakeholders == len(smap.stakeholders)
    assert report.relationships == len(smap.relationships)
    assert all("\n" not in str(p) for p in report.rejected)


@settings(
    max_examples=150,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    stakeholders=tables(STAKEHOLDER_COLUMNS),
    relationships=st.none() | tables(RELATIONSHIP_COLUMNS),
    lenient=st.booleans(),
)
def test_fuzz_csv_tables(
    folder: Path, stakeholders: str, relationships: str | None, lenient: bool
) -> None:
    _check(
        folder,
        stakeholders.encode("utf-8", "surrogatepass"),
        None if relationships is None else relationships.encode("utf-8", "surrogatepass"),
        lenient,
    )


@settings(
    max_examples=100,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.binary(max_size=200), lenient=st.booleans())
def test_fuzz_csv_bytes(folder: Path, data: bytes, lenient: bool) -> None:
    _check(folder, b"id,name,category\n" + data, None, lenient)


def test_bytes_undefined_in_both_code_pages_still_read(tmp_path: Path) -> None:
    table = tmp_path / "s.csv"
    table.write_bytes(b"id,name,category\nmayor,Mayor \x81\x98,municipal\n")
    smap, _ = import_tables(table)
    assert smap.stakeholders["mayor"].label == "Mayor \x81\x98"
