"""Imports adjust what the model cannot hold, report it, and write what validate accepts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.limits import MAX_COORDINATE, MAX_TEXT_CHARS
from stakeholder_mapper.core.model import Stakeholder, StakeholderMap
from stakeholder_mapper.core.validation import map_problems
from stakeholder_mapper.io.project import MapFileError, load_map
from stakeholder_mapper.io.table_export import export_xlsx
from stakeholder_mapper.io.table_import import TableImportError, import_tables


def test_far_positions_are_moved_to_the_limit_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "far.csv"
    path.write_text("id,name,category,x,y\na,A,media,1e308,-5\nb,B,media,3,-1e12\n")
    smap, report = import_tables(path)
    assert smap.positions == {"a": (MAX_COORDINATE, -5.0), "b": (3.0, -MAX_COORDINATE)}
    assert [str(p) for p in report.changed] == [
        "far.csv, line 2, column 'x': the position (1e+308, -5) is beyond ±10,000,000 and "
        "was moved to (1e+07, -5)",
        "far.csv, line 3, column 'y': the position (3, -1e+12) is beyond ±10,000,000 and "
        "was moved to (3, -1e+07)",
    ]
    assert map_problems(smap) == []


def test_control_characters_are_removed_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "ctrl.csv"
    path.write_text("id,name,category,notes\na,A\x01\x02B,media,one\x0btwo\tthree\n")
    smap, report = import_tables(path)
    assert smap.stakeholders["a"].label == "AB"
    assert smap.stakeholders["a"].notes == "onetwo\tthree"
    assert [str(p) for p in report.changed] == [
        "ctrl.csv, line 2, column 'name': control characters that no document can hold were "
        "removed",
        "ctrl.csv, line 2, column 'notes': control characters that no document can hold were "
        "removed",
    ]


def test_a_text_beyond_the_limit_rejects_its_row(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(f"id,name,category,notes\na,A,media,{'x' * (MAX_TEXT_CHARS + 1)}\nb,B,media,\n")
    with pytest.raises(TableImportError, match=r"^long.csv, line 2, column 'notes': the text is"):
        import_tables(path)
    smap, report = import_tables(path, skip_bad_rows=True)
    assert list(smap.stakeholders) == ["b"]
    assert [p.line for p in report.rejected] == [2]


def test_import_of_a_100_digit_plan_setting_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It wrote a map that validate then refused."""
    path = tmp_path / "p.graphml"
    path.write_text(
        '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="g0" for="graph" attr.name="plan_settings" attr.type="string"/>'
        '<key id="d0" for="node" attr.name="label" attr.type="string"/><graph>'
        f'<data key="g0">{{"x": {"9" * 100}}}</data><node id="a"><data key="d0">A</data></node>'
        "</graph></graphml>"
    )
    assert main(["import", str(path), "-o", str(tmp_path / "p.smap")]) == 2
    assert capsys.readouterr().err == (
        "error: p.graphml, graph, plan_settings: a number has 100 digits, more than any map "
        "needs.\n"
    )
    assert not (tmp_path / "p.smap").exists()


def test_what_import_writes_validate_accepts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("id,name,category,x,y,notes\na,A\x07,media,-1e300,1e300,\x1b[31mred\n")
    assert main(["import", "--stakeholders", str(path), "-o", str(tmp_path / "o.smap")]) == 0
    assert main(["validate", str(tmp_path / "o.smap")]) == 0
    assert load_map(tmp_path / "o.smap").stakeholders["a"].notes == "[31mred"


def test_a_text_longer_than_an_excel_cell_is_said_not_cut(tmp_path: Path) -> None:
    smap = StakeholderMap()
    smap.stakeholders["a"] = Stakeholder("a", "A", "media", notes="x" * 40_000)
    with pytest.raises(MapFileError) as info:
        export_xlsx(smap, tmp_path / "m.xlsx")
    assert str(info.value) == (
        "m.xlsx was not written: sheet Stakeholders, line 2, column 'notes' holds 40,000 "
        "characters, more than the 32,767 an Excel cell can hold; export as CSV or GraphML "
        "to keep the text whole."
    )
    assert not (tmp_path / "m.xlsx").exists()


def _graphml_with_settings(path: Path, settings: str) -> Path:
    path.write_text(
        '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="g0" for="graph" attr.name="plan_settings" attr.type="string"/>'
        '<key id="d0" for="node" attr.name="label" attr.type="string"/><graph>'
        f'<data key="g0">{settings}</data><node id="a"><data key="d0">A</data></node>'
        "</graph></graphml>"
    )
    return path


@pytest.mark.parametrize(("depth", "imported"), [(64, True), (65, False)])
def test_import_validate_and_open_agree_on_nesting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int, imported: bool
) -> None:
    """Plan settings nested 64 levels deep (the settings object and 63 lists in it) import,
    validate and open; one level more is refused by the import, as by the loader."""
    settings = '{"x": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"
    source = _graphml_with_settings(tmp_path / "deep.graphml", settings)
    output = tmp_path / "deep.smap"
    code = main(["import", str(source), "-o", str(output)])
    if imported:
        assert code == 0
        assert main(["validate", str(output)]) == 0
        assert load_map(output).plan_settings == json.loads(settings)
    else:
        assert code == 2 and not output.exists()
        assert "plan_settings: is nested more than 64 levels deep." in capsys.readouterr().err
