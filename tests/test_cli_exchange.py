"""The command line's exchange formats: export, import back, and bad files in one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from stakeholder_mapper.cli import main
from stakeholder_mapper.io.project import load_map, save_map


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "xlsx"])
def test_export_then_import_positional_file(fmt, small_map, tmp_path, capsys):
    save_map(small_map, tmp_path / "city.smap")
    exported = tmp_path / f"city.{fmt}"
    assert main(["export", str(tmp_path / "city.smap"), "--to", fmt, "-o", str(exported)]) == 0
    assert capsys.readouterr().out == f"Wrote {exported}.\n"
    back = tmp_path / "back.smap"
    assert main(["import", str(exported), "-o", str(back)]) == 0
    assert "Imported 4 stakeholders and 4 relationships." in capsys.readouterr().out
    smap = load_map(back)
    assert smap.stakeholders == small_map.stakeholders
    assert smap.relationships == small_map.relationships


def test_csv_export_writes_the_tables_beside_the_file(small_map, tmp_path, capsys):
    save_map(small_map, tmp_path / "city.smap")
    out = tmp_path / "out.csv"
    assert main(["export", str(tmp_path / "city.smap"), "--to", "csv", "-o", str(out)]) == 0
    siblings = tmp_path / "out_relationships.csv"
    metrics = tmp_path / "out_metrics.csv"
    assert capsys.readouterr().out == f"Wrote {out}, {siblings}, {metrics}.\n"
    back = tmp_path / "back.smap"
    args = ["import", "--stakeholders", str(out), "--relationships", str(siblings)]
    assert main([*args, "-o", str(back)]) == 0
    assert load_map(back).relationships == small_map.relationships


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    bomb = tmp_path / "bomb.graphml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><graphml>&b;</graphml>',
        encoding="utf-8",
    )
    book = Workbook()
    book.active.title = "Budget"
    book.active.append(["year", "amount"])
    book.save(tmp_path / "budget.xlsx")
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "map.docx").write_bytes(b"PK")
    return {
        "entity bomb": (bomb, "error: bomb.graphml is refused: it declares a document type"),
        "workbook without the sheets": (
            tmp_path / "budget.xlsx",
            "error: budget.xlsx has no 'Stakeholders' sheet",
        ),
        "empty file": (tmp_path / "empty.csv", "error: empty.csv is empty."),
        "unknown format": (tmp_path / "map.docx", "error: map.docx: cannot tell the format"),
    }


@pytest.mark.parametrize(
    "case", ["entity bomb", "workbook without the sheets", "empty file", "unknown format"]
)
def test_bad_file_is_one_line_and_writes_nothing(case, tmp_path, capsys):
    path, start = bad_inputs(tmp_path)[case]
    out = tmp_path / "out.smap"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(start)
    assert err.count("\n") == 1
    assert not out.exists()
    assert list(tmp_path.glob(".out.smap*")) == [], "no temporary file is left behind"


def test_file_and_tables_together_is_a_usage_error(tmp_path, capsys):
    args = ["import", "a.xlsx", "--stakeholders", "s.csv", "-o", str(tmp_path / "o.smap")]
    assert main(args) == 2
    assert "either FILE or --stakeholders" in capsys.readouterr().err


def test_hostile_file_gives_no_traceback_from_the_installed_command(tmp_path):
    path, _ = bad_inputs(tmp_path)["entity bomb"]
    result = subprocess.run(
        [sys.executable, "-m", "stakeholder_mapper.cli", "import", str(path), "-o", "x.smap"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_public_data_exports_are_refused(small_map, tmp_path, capsys):
    source = tmp_path / "city.smap"
    save_map(small_map, source)
    for fmt in ("csv", "xlsx", "graphml", "gexf", "png", "svg"):
        out = tmp_path / f"public.{fmt}"
        code = main(["export", str(source), "--to", fmt, "-o", str(out), "--level", "public"])
        err = capsys.readouterr().err
        assert code == 2, fmt
        assert err.startswith(
            "error: stakeholder-mapper export: argument --level: A Public export would show "
            "who is tied to whom"
        ), fmt
        assert err.count("\n") == 1, fmt
        assert not out.exists(), fmt


def test_export_help_offers_only_the_levels_export_accepts(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    shown = capsys.readouterr().out
    assert "--level {full,partner}" in shown
    assert "{full,partner,public}" not in shown
    assert main(["export", "m.smap", "--to", "csv", "-o", "x.csv", "--level", "secret"]) == 2
    assert capsys.readouterr().err == (
        "error: stakeholder-mapper export: argument --level: invalid choice: 'secret' "
        "(choose from 'full', 'partner')\n"
    )


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv", "xlsx", "png", "svg"])
def test_export_named_for_another_format_is_refused(fmt, small_map, tmp_path, capsys):
    source = tmp_path / "city.smap"
    save_map(small_map, source)
    before = source.read_bytes()
    wrong = "png" if fmt != "png" else "csv"
    code = main(["export", str(source), "--to", fmt, "-o", str(tmp_path / f"x.{wrong}")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert f"x.{wrong} does not end in .{fmt}, but --to {fmt} writes a .{fmt} file" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["city.smap"]
    assert source.read_bytes() == before


def test_missing_output_folder_is_named_in_one_sentence(small_map, tmp_path, capsys):
    source = tmp_path / "city.smap"
    save_map(small_map, source)
    table = tmp_path / "s.csv"
    table.write_text("id,name,category\nmayor,Mayor,municipal\n", encoding="utf-8")
    before = source.read_bytes(), table.read_bytes()
    missing = tmp_path / "no such folder"
    commands = [
        ["import", "--stakeholders", str(table), "-o", str(missing / "m.smap")],
        ["export", str(source), "--to", "csv", "-o", str(missing / "x.csv")],
        ["metrics", str(source), "-o", str(missing / "m.csv")],
        ["plan", str(source), "-o", str(missing / "p.docx")],
    ]
    for args in commands:
        assert main(args) == 2, args[0]
        err = capsys.readouterr().err
        name = Path(args[-1]).name
        assert err == (
            f"error: The folder {missing} does not exist; "
            f"create it or choose another place for {name}.\n"
        )
    assert not missing.exists()
    folder = tmp_path / "named like a file.csv"
    folder.mkdir()
    assert main(["export", str(source), "--to", "csv", "-o", str(folder)]) == 2
    assert capsys.readouterr().err == (
        f"error: {folder} is a folder; give the name of a file to write in it.\n"
    )
    assert (source.read_bytes(), table.read_bytes()) == before
