"""stakeholder-mapper layout: lays out the unpinned stakeholders and writes a map that reopens."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import networkx as nx
import pytest

from stakeholder_mapper.analysis.layout_quality import close_pairs, edge_crossings
from stakeholder_mapper.cli import main
from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.io.lock import LockInfo, lock_path
from stakeholder_mapper.io.project import is_encrypted_file, load_map, save_map


def _spring_crossings(smap) -> int:
    graph = nx.Graph()
    graph.add_nodes_from(smap.stakeholders)
    for r in smap.relationships.values():
        weight = graph.get_edge_data(r.source, r.target, {"weight": 0})["weight"]
        graph.add_edge(r.source, r.target, weight=weight + r.strength)
    ties = [(r.source, r.target) for r in smap.relationships.values()]
    return edge_crossings(nx.spring_layout(graph, seed=7), ties)


@pytest.mark.parametrize("n", [60, 300])
def test_layout_writes_a_map_that_reopens_laid_out(generated_map, tmp_path, capsys, n) -> None:
    source, output = tmp_path / "city.smap", tmp_path / "laid_out.smap"
    smap = generated_map(n)
    save_map(smap, source)
    before = source.read_bytes()
    assert main(["layout", str(source), "-o", str(output)]) == 0
    assert f"Laid out {n} stakeholders" in capsys.readouterr().out
    assert source.read_bytes() == before  # -o leaves the map itself alone
    back = load_map(output)
    assert set(back.positions) == set(smap.stakeholders)
    assert close_pairs(back.positions, 0.3) == 0
    ties = [(r.source, r.target) for r in back.relationships.values()]
    assert edge_crossings(back.positions, ties) <= 0.9 * _spring_crossings(smap)
    assert back.stakeholders == smap.stakeholders and back.relationships == smap.relationships


def test_layout_in_place_keeps_pins_and_a_backup(generated_map, tmp_path) -> None:
    path = tmp_path / "city.smap"
    smap = generated_map(60)
    smap.positions["s3"] = (1234.0, -567.0)
    smap.pinned.add("s3")
    save_map(smap, path)
    assert main(["layout", str(path)]) == 0
    back = load_map(path)
    assert back.positions["s3"] == (1234.0, -567.0)
    assert set(back.positions) == set(smap.stakeholders)
    assert load_map(path.with_name("city.smap.bak")).positions == {"s3": (1234.0, -567.0)}


def test_new_only_keeps_placed_stakeholders(generated_map, tmp_path) -> None:
    path = tmp_path / "city.smap"
    smap = generated_map(60)
    smap.positions.update({"s0": (0.0, 0.0), "s1": (500.0, 0.0)})
    save_map(smap, path)
    assert main(["layout", str(path), "--new-only"]) == 0
    back = load_map(path)
    assert back.positions["s0"] == (0.0, 0.0) and back.positions["s1"] == (500.0, 0.0)
    assert set(back.positions) == set(smap.stakeholders)


def test_same_map_same_layout(generated_map, tmp_path) -> None:
    save_map(generated_map(60), tmp_path / "a.smap")
    assert main(["layout", str(tmp_path / "a.smap"), "-o", str(tmp_path / "b.smap")]) == 0
    assert main(["layout", str(tmp_path / "a.smap"), "-o", str(tmp_path / "c.smap")]) == 0
    assert load_map(tmp_path / "b.smap").positions == load_map(tmp_path / "c.smap").positions


def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys) -> None:
    assert main(["layout", str(tmp_path / "missing.smap")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.smap" in err
    (tmp_path / "bad.smap").write_text("{not json", "utf-8")
    assert main(["layout", str(tmp_path / "bad.smap")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    save_map(StakeholderMap(), tmp_path / "ok.smap")
    assert main(["layout", str(tmp_path / "ok.smap"), "-o", str(tmp_path / "out.csv")]) == 2
    assert "out.csv does not end in .smap" in capsys.readouterr().err


def test_layout_refuses_a_map_another_instance_is_editing(generated_map, tmp_path, capsys) -> None:
    path = tmp_path / "city.smap"
    save_map(generated_map(60), path)
    before = path.read_bytes()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as child:
        try:
            holder = dataclasses.replace(LockInfo.here(), pid=child.pid, user="amina")
            lock_path(path).write_bytes(holder.to_json())
            assert main(["layout", str(path)]) == 2
        finally:
            child.kill()
    assert capsys.readouterr().err.count("\n") == 1
    assert path.read_bytes() == before


def test_an_encrypted_map_stays_encrypted(generated_map, tmp_path, fast_kdf) -> None:
    path, secret = tmp_path / "city.smap", tmp_path / "password.txt"
    secret.write_text("opensesame\n", "utf-8")
    save_map(generated_map(60), path, "opensesame")
    assert main(["layout", str(path), "--password-file", str(secret)]) == 0
    assert len(load_map(path, "opensesame").positions) == 60
    assert is_encrypted_file(path)
