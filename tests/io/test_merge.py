"""Merging an import into the open map: match by id then name, one undo step."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

from stakeholder_mapper.core.commands import Batch
from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.io.merge import merge_command, prepare_import_map
from stakeholder_mapper.io.table_import import import_from_tables
from stakeholder_mapper.io.tables import read_table


def _copy(smap: StakeholderMap) -> StakeholderMap:
    clone = StakeholderMap()
    clone.replace_content(copy.deepcopy(smap))
    return clone


def _import(smap: StakeholderMap, tmp_path: Path, people: str, ties: str) -> StakeholderMap:
    (tmp_path / "s.csv").write_text(people, encoding="utf-8")
    (tmp_path / "r.csv").write_text(ties, encoding="utf-8")
    incoming, _ = import_from_tables(
        read_table(tmp_path / "s.csv"),
        read_table(tmp_path / "r.csv"),
        smap=prepare_import_map(smap),
        require=("name",),
        known=smap,
    )
    return incoming


def test_merge_matches_by_id_then_name_and_undoes_in_one_step(small_map, tmp_path):
    small_map.positions["mayor"] = (1.0, 2.0)
    incoming = _import(
        small_map,
        tmp_path,
        "id,name,category,power,trust,x,y\n"
        "mayor,Mayor of Marenza,municipal,,-1,50,50\n"  # by id; empty power keeps the map's
        "yc,YOUTH COUNCIL,Youth group,4,,10,20\n"  # by name, whatever the case
        "radio,Radio Marenza,Media,3,1,30,40\n",  # new
        "source,target,kind,strength\n"
        "branch,imam,influence,5\n"  # same ends and kind as r1: updated
        "radio,yc,information,2\n",  # new, its ends mapped to the map's ids
    )
    before = _copy(small_map)
    command, plan = merge_command(small_map, incoming, "Import people.csv")
    assert isinstance(command, Batch) and command.text == "Import people.csv"
    assert small_map == before, "building the merge changes nothing"
    assert plan.added == ["radio"]
    assert plan.matched_by_id == ["mayor"]
    assert plan.matched_by_name == [("YOUTH COUNCIL", "Youth council")]
    assert plan.lines()[0].startswith("1 new stakeholder; 1 matched by id and 1 by name")

    command.redo()
    mayor = small_map.stakeholders["mayor"]
    assert (mayor.label, mayor.power, mayor.trust) == ("Mayor of Marenza", None, -1)
    assert small_map.positions["mayor"] == (1.0, 2.0), "a placed stakeholder stays put"
    assert small_map.stakeholders["youth"].power == 4
    assert small_map.stakeholders["youth"].label == "Youth council", "same name, map's spelling"
    assert small_map.positions["radio"] == (30.0, 40.0)
    assert small_map.positions["youth"] == (10.0, 20.0)
    assert small_map.relationships["r1"].strength == 5
    (new_tie,) = [r for r in small_map.relationships.values() if r.kind == "information"]
    assert (new_tie.source, new_tie.target) == ("radio", "youth")
    assert len(small_map.relationships) == 5

    command.undo()
    assert small_map == before
    command.redo()
    assert small_map.stakeholders["radio"].label == "Radio Marenza"


def test_empty_cells_never_erase_and_ids_never_clash(small_map, tmp_path):
    small_map.stakeholders["mayor"] = dataclasses.replace(small_map.stakeholders["mayor"], power=5)
    incoming = _import(
        small_map,
        tmp_path,
        "id,name,category\nmayor,Mayor,municipal\nr1,Port authority,municipal\n",
        "id,source,target\nr1x,mayor,r1\n",
    )
    command, plan = merge_command(small_map, incoming)
    command.redo()
    assert small_map.stakeholders["mayor"].power == 5
    assert plan.updated == []
    port = next(s for s in small_map.stakeholders.values() if s.label == "Port authority")
    assert port.id == "r1-2", "the relationship r1 keeps its id"
    assert small_map.relationships["r1x"].target == "r1-2"


def test_unspecified_category_does_not_overwrite(small_map, tmp_path):
    incoming = _import(small_map, tmp_path, "id,name\nimam,Imam\n", "source,target\n")
    command, plan = merge_command(small_map, incoming)
    assert plan.categories_added == []
    command.redo()
    assert small_map.stakeholders["imam"].category == "faith"
    assert "unspecified" not in small_map.categories
