"""Sharing marks: saved with the map, undone like any edit, withheld by default."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest

from stakeholder_mapper.core.model import LogEntry, StakeholderMap
from stakeholder_mapper.core.privacy import ErasePerson
from stakeholder_mapper.core.sharing import (
    SetSharing,
    category_key,
    info_key,
    log_key,
    reaches,
    stakeholder_key,
)
from stakeholder_mapper.core.validation import ValidationError
from stakeholder_mapper.io.errors import MapFileError
from stakeholder_mapper.io.project import dumps_map, loads_map


def test_texts_are_withheld_until_marked() -> None:
    smap = StakeholderMap()
    key = stakeholder_key("mayor", "next_action")
    assert [reaches(smap, key, level) for level in ("full", "partner", "public")] == [
        True,
        False,
        False,
    ]
    smap.sharing[key] = "partner"
    assert [reaches(smap, key, level) for level in ("full", "partner", "public")] == [
        True,
        True,
        False,
    ]
    smap.sharing[key] = "public"
    assert reaches(smap, key, "public")


def test_marks_round_trip_through_the_project_file_and_old_files_have_none() -> None:
    smap = StakeholderMap()
    smap.sharing = {info_key("purpose"): "public", category_key("orsan"): "partner"}
    again = loads_map(dumps_map(smap))
    assert again.sharing == smap.sharing and again == smap
    doc = json.loads(dumps_map(StakeholderMap()))
    del doc["sharing"]
    assert loads_map(json.dumps(doc).encode()).sharing == {}


def test_a_bad_mark_in_a_file_is_refused_with_one_sentence() -> None:
    doc = json.loads(dumps_map(StakeholderMap()))
    doc["sharing"] = {"map/purpose": "everyone"}
    message = "sharing.map/purpose: should be one of withheld, partner, public."
    with pytest.raises(MapFileError, match=re.escape(message)):
        loads_map(json.dumps(doc).encode())


def test_setting_marks_is_one_undoable_edit() -> None:
    smap = StakeholderMap()
    key = info_key("purpose")
    smap.sharing[key] = "partner"
    command = SetSharing(smap, {key: "withheld", category_key("media"): "public"})
    command.redo()
    assert smap.sharing == {category_key("media"): "public"}  # withheld is no mark at all
    command.undo()
    assert smap.sharing == {key: "partner"}
    with pytest.raises(ValidationError, match="should be one of"):
        SetSharing(smap, {key: "friends"})


def test_an_edited_log_entry_loses_its_mark() -> None:
    entry = LogEntry(dt.date(2026, 3, 1), summary="Met the unit")
    edited = LogEntry(dt.date(2026, 3, 1), summary="Met the unit head, Leila Orsan")
    assert log_key("dmu", entry) == log_key(
        "dmu", LogEntry(dt.date(2026, 3, 1), summary="Met the unit")
    )
    assert log_key("dmu", entry) != log_key("dmu", edited)


def test_erasing_a_person_keeps_the_other_marks(small_map: StakeholderMap) -> None:
    small_map.stakeholders["mayor"] = dataclasses.replace(
        small_map.stakeholders["mayor"], person="Amina Yusuf"
    )
    small_map.sharing = {stakeholder_key("imam", "notes"): "partner", info_key("purpose"): "public"}
    command = ErasePerson(small_map, "mayor")
    command.redo()
    assert small_map.sharing == {
        stakeholder_key("imam", "notes"): "partner",
        info_key("purpose"): "public",
    }
