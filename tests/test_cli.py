"""The command line: CSV import, validate, and one-line errors with exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from stakeholder_mapper.cli import main
from stakeholder_mapper.io.project import load_map, save_map

STAKEHOLDERS = """id,name,category,power,interest,position,trust,tags,district
mayor,Mayor of Marenza,Municipal authority,5,4,1,0,flood;heat,Centre
imam,Imam of the Old Port mosque,faith,3,4,2,2,,Old Port
coop,Women's cooperative,Savings groups,2,5,2,,,Riverside
branch,Marenza Red Crescent branch,redcross,3,5,2,2,,Centre
"""
RELATIONSHIPS = """source,target,kind,strength,valence,directed
branch,imam,trust,4,positive,true
imam,mayor,influence,5,,
coop,imam,collaboration,3,,
mayor,coop,conflict,2,negative,false
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_csv_pair(tmp_path, capsys):
    s = write(tmp_path, "s.csv", STAKEHOLDERS)
    r = write(tmp_path, "r.csv", RELATIONSHIPS)
    out = tmp_path / "city.smap"
    code = main(["import", "--stakeholders", str(s), "--relationships", str(r), "-o", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "Imported 4 stakeholders and 4 relationships." in printed
    assert "Created categories: Savings groups." in printed
    assert "Kept as custom attributes: district." in printed
    smap = load_map(out)
    mayor = smap.stakeholders["mayor"]
    assert (mayor.category, mayor.power, mayor.interest, mayor.position, mayor.trust) == (
        "municipal",
        5,
        4,
        1,
        0,
    )
    assert mayor.tags == ("flood", "heat")
    assert mayor.attributes == {"district": "Centre"}
    assert smap.stakeholders["coop"].trust is None, "an empty cell stays unknown, not 0"
    assert smap.categories[smap.stakeholders["coop"].category].name == "Savings groups"
    ties = {(x.source, x.target): x for x in smap.relationships.values()}
    assert ties["imam", "mayor"].strength == 5 and ties["imam", "mayor"].directed
    assert ties["coop", "imam"].directed is False, "collaboration is undirected by default"
    assert ties["mayor", "coop"].valence == "negative"


def test_bad_row_names_row_and_column(tmp_path, capsys):
    bad = STAKEHOLDERS.replace("imam,Imam of the Old Port mosque,faith,3", "imam,Imam,faith,seven")
    s = write(tmp_path, "s.csv", bad)
    out = tmp_path / "city.smap"
    code = main(["import", "--stakeholders", str(s), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        "error: s.csv, line 3, column 'power': 'seven' is not a whole number from 1 to 5.\n"
    )
    assert not out.exists(), "nothing is written when the import fails"


def test_unknown_stakeholder_in_relationship(tmp_path, capsys):
    s = write(tmp_path, "s.csv", STAKEHOLDERS)
    r = write(tmp_path, "r.csv", RELATIONSHIPS + "branch,ghost,trust,3,,\n")
    out = tmp_path / "city.smap"
    code = main(["import", "--stakeholders", str(s), "--relationships", str(r), "-o", str(out)])
    assert code == 2
    assert capsys.readouterr().err == (
        "error: r.csv, line 6, column 'target': no stakeholder has the id or name 'ghost'.\n"
    )
    args = ["import", "--stakeholders", str(s), "--relationships", str(r), "-o", str(out)]
    code = main([*args, "--skip-bad-rows"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "Rejected 1 row:" in printed
    assert "r.csv, line 6, column 'target': no stakeholder has the id or name 'ghost'" in printed
    assert len(load_map(out).relationships) == 4


def test_missing_required_column(tmp_path, capsys):
    s = write(tmp_path, "s.csv", "id,district\n1,Centre\n")
    assert main(["import", "--stakeholders", str(s), "-o", str(tmp_path / "x.smap")]) == 2
    assert capsys.readouterr().err == (
        "error: s.csv: required column 'name' is missing (columns found: id, district).\n"
    )


FRENCH_WITH_BOM = "\ufeffNom;Catégorie;Pouvoir\nMairie;municipal;5\n".encode()


@pytest.mark.parametrize("how", [["FILE"], ["--stakeholders", "FILE"]])
def test_french_headers_without_id_name_the_missing_column(how, tmp_path, capsys):
    source = tmp_path / "fr.csv"
    source.write_bytes(FRENCH_WITH_BOM)
    out = tmp_path / "fr.smap"
    args = [str(source) if a == "FILE" else a for a in how]
    assert main(["import", *args, "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        "error: fr.csv: required column 'id' is missing "
        "(columns found: Nom (name), Catégorie (category), Pouvoir (power)).\n"
    )
    assert source.read_bytes() == FRENCH_WITH_BOM and not out.exists()


def test_french_headers_with_id_import(tmp_path, capsys):
    source = tmp_path / "fr.csv"
    source.write_bytes("\ufeffIdentifiant;Nom;Catégorie;Pouvoir\nm;Mairie;municipal;5\n".encode())
    out = tmp_path / "fr.smap"
    assert main(["import", str(source), "-o", str(out)]) == 0
    mairie = load_map(out).stakeholders["m"]
    assert (mairie.label, mairie.category, mairie.power) == ("Mairie", "municipal", 5)


def test_kumu_csv_exports_import(tmp_path, capsys):
    elements = write(
        tmp_path,
        "elements.csv",
        "Label,Type,Description,Tags\n"
        "City Hall,Municipal authority,Main decision-maker,budget|heat\n"
        "Youth Network,Youth group,,volunteers\n",
    )
    connections = write(
        tmp_path,
        "connections.csv",
        "From,To,Type,Direction,Strength\nYouth Network,City Hall,Influence,directed,2\n",
    )
    before = (elements.read_bytes(), connections.read_bytes())
    out = tmp_path / "kumu.smap"
    args = ["--stakeholders", str(elements), "--relationships", str(connections)]
    assert main(["import", *args, "-o", str(out)]) == 0
    assert "Imported 2 stakeholders and 1 relationship." in capsys.readouterr().out
    smap = load_map(out)
    hall = smap.stakeholders["city-hall"]
    assert (hall.label, hall.category, hall.notes, hall.tags) == (
        "City Hall",
        "municipal",
        "Main decision-maker",
        ("budget", "heat"),
    )
    (tie,) = smap.relationships.values()
    assert (tie.source, tie.target, tie.kind, tie.strength, tie.directed) == (
        "youth-network",
        "city-hall",
        "influence",
        2,
        True,
    )
    assert (elements.read_bytes(), connections.read_bytes()) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [],
            "nothing to import; give FILE (.xlsx, .graphml, .gexf or .csv) or --stakeholders S.csv",
        ),
        (
            ["--relationships", "r.csv"],
            "--relationships goes with --stakeholders S.csv; give the stakeholders table too",
        ),
        (
            ["s.xlsx", "--stakeholders", "s.csv"],
            "give either FILE or --stakeholders (with --relationships), not both",
        ),
    ],
    ids=["no input", "relationships alone", "both"],
)
def test_import_names_what_is_wrong_with_the_inputs(args, message, tmp_path, capsys):
    assert main(["import", *args, "-o", str(tmp_path / "x.smap")]) == 2
    assert capsys.readouterr().err == f"error: {message}\n"


@pytest.mark.parametrize(
    "content",
    [b'{"format": "stakeholder-mapper", "format_version": 1, "stakeh', b"not json at all"],
)
def test_validate_damaged_map(tmp_path, capsys, content):
    path = tmp_path / "broken.smap"
    path.write_bytes(content)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: broken.smap is damaged")
    assert "Expecting" not in err and "Unterminated" not in err
    assert err.count("\n") == 1
    assert path.read_bytes() == content, "the input file is never modified"


def test_validate_good_map(tmp_path, capsys, small_map):
    save_map(small_map, tmp_path / "ok.smap")
    assert main(["validate", str(tmp_path / "ok.smap")]) == 0
    assert "ok.smap is valid: 4 stakeholders, 4 relationships" in capsys.readouterr().out


def test_usage_error_is_one_line(capsys):
    assert main(["import", "--stakeholders"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "expected one argument" in err


def test_installed_command_has_no_traceback(tmp_path):
    path = tmp_path / "broken.smap"
    path.write_bytes(b"{")
    result = subprocess.run(
        [sys.executable, "-m", "stakeholder_mapper.cli", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_counts_of_one_are_singular(tmp_path, capsys):
    s = write(tmp_path, "s.csv", "id,name,category\nmayor,Mayor,municipal\nimam,Imam,faith\n")
    r = write(tmp_path, "r.csv", "source,target\nimam,mayor\n")
    out = tmp_path / "city.smap"
    assert (
        main(["import", "--stakeholders", str(s), "--relationships", str(r), "-o", str(out)]) == 0
    )
    assert "Imported 2 stakeholders and 1 relationship." in capsys.readouterr().out
    s.write_text("id,name,category\nmayor,Mayor,municipal\n", encoding="utf-8")
    assert main(["import", "--stakeholders", str(s), "-o", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Imported 1 stakeholder and 0 relationships." in printed
    assert "city.smap is valid: 1 stakeholder, 0 relationships, 0 snapshots." in printed
