"""``stakeholder-mapper metrics``: exact columns, CSV and JSON, options, bad input."""

from __future__ import annotations

import io
import json
import math

import pandas as pd
import pytest

from stakeholder_mapper.analysis.metrics import compute_metrics
from stakeholder_mapper.analysis.views import GraphView
from stakeholder_mapper.cli import main
from stakeholder_mapper.core.model import RelationshipKind
from stakeholder_mapper.io.project import save_map

COLUMNS = [
    "id",
    "name",
    "category",
    "betweenness",
    "gf_coordinator",
    "gf_itinerant",
    "gf_gatekeeper",
    "gf_representative",
    "gf_liaison",
    "gf_total",
    "constraint",
    "effective_size",
    "in_degree",
    "out_degree",
    "pagerank",
    "community",
    "gf_coordinator_z",
    "gf_itinerant_z",
    "gf_gatekeeper_z",
    "gf_representative_z",
    "gf_liaison_z",
    "gf_total_z",
]


@pytest.fixture
def city(build_map):
    return build_map(
        [
            ("branch", "redcross", {"attributes": {"district": "north"}}),
            ("imam", "faith", {"attributes": {"district": "north"}}),
            ("mayor", "municipal", {"attributes": {"district": "centre"}}),
            ("youth", "youth", {"attributes": {"district": "south"}}),
            ("press", "media"),
        ],
        [
            ("branch", "imam", {"strength": 4, "kind": "trust"}),
            ("imam", "mayor", {"strength": 5}),
            ("youth", "imam", {"strength": 2}),
            ("branch", "youth", {"strength": 1, "kind": "collaboration", "directed": False}),
            ("mayor", "press", {"kind": "conflict", "valence": "negative", "directed": False}),
        ],
    )


@pytest.fixture
def map_file(city, tmp_path):
    path = tmp_path / "city.smap"
    save_map(city, path)
    return path


def _run(capsys, *args):
    code = main(["metrics", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_csv_has_exactly_the_export_columns(capsys, map_file, city):
    code, out, err = _run(capsys, map_file)
    assert code == 0 and err == ""
    table = pd.read_csv(io.StringIO(out), keep_default_na=False, na_values=[""])
    assert list(table.columns) == COLUMNS
    assert table["id"].tolist() == ["branch", "imam", "mayor", "youth", "press"]
    expected = compute_metrics(city)
    for column in COLUMNS[3:]:
        assert table[column].tolist() == pytest.approx(
            expected[column].astype(float).tolist(), nan_ok=True
        ), column
    # press has no positive tie: constraint undefined, written as an empty cell.
    assert math.isnan(table.loc[4, "constraint"])


def test_json_records_with_null_for_undefined_values(capsys, map_file, city):
    code, out, _ = _run(capsys, map_file, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [list(row) for row in rows] == [COLUMNS] * 5
    press = rows[4]
    assert press["id"] == "press" and press["constraint"] is None
    assert press["gf_total_z"] is not None  # defined (sd > 0), just zero brokerage
    expected = compute_metrics(city)
    assert rows[1]["betweenness"] == pytest.approx(expected.loc["imam", "betweenness"], rel=1e-14)


def test_options_change_the_view_and_the_groups(capsys, map_file, city, tmp_path):
    output = tmp_path / "out.csv"
    code, out, _ = _run(
        capsys,
        map_file,
        "--kinds",
        "influence, trust",
        "--min-strength",
        "2",
        "--group-by",
        "district",
        "--all-ties",
        "-o",
        output,
    )
    assert code == 0 and "5 stakeholders" in out
    table = pd.read_csv(output, keep_default_na=False, na_values=[""])
    view = GraphView(kinds=frozenset({"influence", "trust"}), min_strength=2, positive_only=False)
    expected = compute_metrics(city, view, group_by="district")
    assert table["gf_total"].tolist() == expected["gf_total"].tolist()
    assert table["in_degree"].tolist() == [0, 2, 1, 0, 0]
    assert list(table.columns) == COLUMNS


def test_all_ties_counts_negative_ties(capsys, map_file):
    _, positive, _ = _run(capsys, map_file, "--format", "json")
    _, everything, _ = _run(capsys, map_file, "--format", "json", "--all-ties")
    assert json.loads(positive)[4]["in_degree"] == 0
    assert json.loads(everything)[4]["in_degree"] == 1


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--kinds", "trust,friendship"], "'friendship'"),
        (["--group-by", "religion"], "'religion'"),
        (["--min-strength", "9"], "--min-strength"),
        (["--min-strength", "strong"], "--min-strength"),
        (["--format", "xml"], "--format"),
        (["--kinds", " , "], "--kinds"),
    ],
)
def test_bad_options_exit_2_with_one_line(capsys, map_file, args, named):
    code, out, err = _run(capsys, map_file, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and named in err
    assert "Traceback" not in err


def test_missing_or_damaged_map_and_output_over_the_map(capsys, map_file, tmp_path):
    code, _, err = _run(capsys, tmp_path / "nowhere.smap")
    assert code == 2 and "nowhere.smap" in err and err.count("\n") == 1
    broken = tmp_path / "broken.smap"
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = _run(capsys, broken)
    assert code == 2 and "broken.smap" in err and err.count("\n") == 1
    before = map_file.read_bytes()
    code, _, err = _run(capsys, map_file, "-o", map_file)
    assert code == 2 and "must not be the map" in err
    assert map_file.read_bytes() == before


def test_password_protected_map(capsys, city, tmp_path):
    path = tmp_path / "locked.smap"
    save_map(city, path, "correct horse")
    code, _, err = _run(capsys, path)
    assert code == 2 and "password" in err and err.count("\n") == 1
    secret = tmp_path / "password.txt"
    secret.write_text("correct horse\n", encoding="utf-8")
    code, out, _ = _run(capsys, path, "--password-file", secret)
    assert code == 0 and out.splitlines()[0] == ",".join(COLUMNS)


def test_kinds_by_id_or_name_in_any_case(capsys, map_file):
    _, by_id, _ = _run(capsys, map_file, "--kinds", "trust,influence")
    code, any_case, err = _run(capsys, map_file, "--kinds", "TRUST, Influence")
    assert code == 0 and err == "" and any_case == by_id
    code, by_name, err = _run(capsys, map_file, "--kinds", "Formal authority / reporting line")
    assert code == 0 and err == ""
    assert pd.read_csv(io.StringIO(by_name))["in_degree"].tolist() == [0] * 5


def test_kinds_naming_two_kinds_is_refused(capsys, city, tmp_path):
    # A kind whose name is another kind's id: the exact id wins; other spellings are unclear.
    city.kinds["alliance"] = RelationshipKind("alliance", "Trust")
    path = tmp_path / "city.smap"
    save_map(city, path)
    code, _, err = _run(capsys, path, "--kinds", "trust")
    assert code == 0 and err == ""
    code, out, err = _run(capsys, path, "--kinds", "TRUST")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "'TRUST' matches several kinds" in err and "alliance (Trust)" in err


def test_grouping_by_tags_says_why_and_what_can_be_used(capsys, map_file):
    code, out, err = _run(capsys, map_file, "--group-by", "tags")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "a stakeholder can have several tags" in err
    assert "category, level" in err and "(this map has: district)" in err


def test_negative_kinds_without_all_ties_are_named_on_stderr(capsys, map_file):
    code, out, err = _run(capsys, map_file, "--kinds", "conflict")
    assert code == 0 and out.startswith("id,name,category,")
    assert err == (
        "note: negative ties are left out unless --all-ties is given "
        "(1 negative tie of conflict left out).\n"
    )
    code, out, err = _run(capsys, map_file, "--kinds", "conflict", "--all-ties")
    assert code == 0 and err == ""
    assert pd.read_csv(io.StringIO(out))["in_degree"].tolist() == [0, 0, 1, 0, 1]


def test_csv_file_has_a_byte_order_mark_for_excel(capsys, build_map, tmp_path):
    names = {"a": "Société Amélie", "b": "Организация", "c": "الهلال الأحمر"}
    smap = build_map(
        [(sid, "ngo", {"label": name}) for sid, name in names.items()], [("a", "b"), ("b", "c")]
    )
    path = tmp_path / "intl.smap"
    save_map(smap, path)
    before = path.read_bytes()
    code, out, _ = _run(capsys, path, "-o", tmp_path / "m.csv")
    assert code == 0 and out == f"Wrote the metrics of 3 stakeholders to {tmp_path / 'm.csv'}.\n"
    written = (tmp_path / "m.csv").read_bytes()
    assert written.startswith(b"\xef\xbb\xbfid,name,category,")
    table = pd.read_csv(tmp_path / "m.csv", encoding="utf-8-sig")
    assert table["name"].tolist() == list(names.values())
    # JSON files and the screen get no mark; a .json file name chooses JSON.
    _run(capsys, path, "-o", tmp_path / "m.json")
    assert [r["name"] for r in json.loads((tmp_path / "m.json").read_bytes())] == list(
        names.values()
    )
    _, screen, _ = _run(capsys, path)
    assert screen.startswith("id,name,category,")
    assert path.read_bytes() == before


def test_output_named_for_another_format_is_refused(capsys, map_file, tmp_path):
    before = map_file.read_bytes()
    for args, named in (
        (["--format", "json", "-o", tmp_path / "m.csv"], "m.csv does not end in .json"),
        (["-o", tmp_path / "m.xlsx"], "m.xlsx does not end in .csv"),
        (["--format", "csv", "-o", tmp_path / "m.json"], "m.json does not end in .csv"),
    ):
        code, out, err = _run(capsys, map_file, *args)
        assert code == 2 and out == "" and err.count("\n") == 1 and named in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["city.smap"]
    assert map_file.read_bytes() == before


def test_one_stakeholder_is_not_written_as_plural(capsys, build_map, tmp_path):
    path = tmp_path / "one.smap"
    save_map(build_map([("branch", "redcross")]), path)
    code, out, _ = _run(capsys, path, "-o", tmp_path / "m.csv")
    assert code == 0 and "the metrics of 1 stakeholder to" in out
