"""Perspectives: each participant's ratings and the group median as snapshots of the map,
kept in the project file and compared with the map like any snapshot."""

from __future__ import annotations

import dataclasses
import datetime as dt

from stakeholder_mapper.analysis.compare import compare_maps
from stakeholder_mapper.core.model import Snapshot
from stakeholder_mapper.io.project import load_map, save_map, snapshot_content, snapshot_map
from stakeholder_mapper.workshop.perspectives import group_median, perspective_content


def test_a_perspective_replaces_only_what_was_rated(small_map):
    mayor = small_map.stakeholders["mayor"]
    small_map.stakeholders["mayor"] = dataclasses.replace(mayor, power=2, interest=4)
    content = snapshot_content(small_map)
    mine = perspective_content(content, {"mayor": {"power": 5, "interest": None}})
    seen = snapshot_map(Snapshot("p1", "Ana", dt.datetime(2026, 12, 5), mine))
    assert seen.stakeholders["mayor"].power == 5
    assert seen.stakeholders["mayor"].interest is None, "don't know is unknown, not 0"
    assert seen.stakeholders["imam"] == small_map.stakeholders["imam"]
    assert snapshot_content(small_map) == content, "the map's own content is untouched"


def test_group_median_rounds_halves_up_and_leaves_unknowns_unknown():
    everyone = [
        {"mayor": {"power": 2, "position": -2}},
        {"mayor": {"power": 3, "position": None}, "imam": {"power": 4}},
    ]
    assert group_median(everyone) == {
        "mayor": {"power": 3, "interest": None, "position": -2, "influence": None},
        "imam": {"power": 4, "interest": None, "position": None, "influence": None},
    }


def test_perspectives_are_saved_reopened_and_compared(small_map, tmp_path):
    content = snapshot_content(small_map)
    when = dt.datetime(2026, 12, 5, 10, 0, tzinfo=dt.UTC)
    ana_content = perspective_content(content, {"mayor": {"power": 5}})
    group_content = perspective_content(content, {"mayor": {"power": 3}})
    small_map.snapshots = [
        Snapshot("s1", "Workshop: Ana", when, ana_content),
        Snapshot("s2", "Workshop: group median", when, group_content),
    ]
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    again = load_map(path)
    assert [s.name for s in again.snapshots] == ["Workshop: Ana", "Workshop: group median"]
    ana, group = (snapshot_map(s) for s in again.snapshots)
    divergence = compare_maps(group, ana, brokerage=False)
    assert ana.stakeholders["mayor"].power == 5 and group.stakeholders["mayor"].power == 3
    assert [(d.id, d.field, d.before, d.after) for d in divergence.changed_stakeholders] == [
        ("mayor", "power", 3, 5)
    ]
