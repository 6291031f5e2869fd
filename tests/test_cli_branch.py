"""Our branch is named, never guessed: ``import --branch ID`` for every import form."""

from __future__ import annotations

from stakeholder_mapper.cli import main
from stakeholder_mapper.io.project import load_map

from .test_cli import RELATIONSHIPS, STAKEHOLDERS, write

#: A National Society HQ more powerful than the branch: the guess this rule forbids.
WITH_HQ = STAKEHOLDERS + "hq,National Society headquarters,redcross,5,3,1,2,,Capital\n"


def test_import_csv_without_branch_names_none_even_with_red_cross_units(tmp_path):
    s = write(tmp_path, "s.csv", WITH_HQ)
    out = tmp_path / "city.smap"
    assert main(["import", "--stakeholders", str(s), "-o", str(out)]) == 0
    assert load_map(out).info.branch == ""


def test_import_csv_with_branch_flag(tmp_path):
    s = write(tmp_path, "s.csv", WITH_HQ)
    r = write(tmp_path, "r.csv", RELATIONSHIPS)
    out = tmp_path / "city.smap"
    args = ["import", "--stakeholders", str(s), "--relationships", str(r), "-o", str(out)]
    assert main([*args, "--branch", "branch"]) == 0
    assert load_map(out).info.branch == "branch"


def test_unknown_branch_id_is_one_sentence_exit_2_and_nothing_written(tmp_path, capsys):
    s = write(tmp_path, "s.csv", WITH_HQ)
    out = tmp_path / "city.smap"
    code = main(["import", "--stakeholders", str(s), "-o", str(out), "--branch", "Branch"])
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: --branch 'Branch' is not the id of a stakeholder imported from s.csv."]
    assert not out.exists()
