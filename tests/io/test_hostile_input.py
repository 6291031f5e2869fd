"""Hostile and broken map files: one clear sentence, bounded memory, the file untouched.

The corpus is ``tests/data/broken/``; the loader is also fuzzed with hypothesis.
"""

from __future__ import annotations

import json
import shutil
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.io.project import (
    MAX_TEXT_CHARS,
    MapFileError,
    dumps_map,
    load_map,
    loads_map,
)

BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken"

#: Every file of the corpus and the start of the sentence it must give.
EXPECTED = {
    "bad_snapshot.smap": "cannot be opened: snapshots[0].created: should be a date and time.",
    "dangling_relationship.smap": "cannot be opened: Relationship 'r1': target 'ghost' is not",
    "deep_nesting.smap": "is damaged or is not a map: it is nested too deeply.",
    "deep_nesting_shallow_enough_for_json.smap": (
        "cannot be opened: plan_settings is nested more than 64 levels deep."
    ),
    "duplicate_keys.smap": "is damaged or not a map: duplicate key 'stakeholders'.",
    "empty.smap": "is empty: it holds no map.",
    "encrypted_costly_kdf.smap": "is damaged: its encryption header is not valid.",
    "encrypted_truncated.smap": "is damaged: its encryption header is incomplete.",
    "huge_float.smap": "is damaged or not a map: the number 1e999 is too large.",
    "huge_integer.smap": "is damaged or not a map: a number has 5000 digits",
    "infinity.smap": "is damaged or not a map: Infinity is not a valid number.",
    "invalid_utf8.smap": "is damaged or is not a map: byte 75 is not UTF-8 text.",
    "lone_surrogate.smap": "cannot be opened: map.title holds text that is not valid Unicode.",
    "nan.smap": "is damaged or not a map: NaN is not a valid number.",
    "newer_version.smap": "cannot be opened: it was saved by a newer version",
    "not_json.smap": "is damaged or is not a map: byte 0 is not UTF-8 text.",
    "out_of_scale.smap": "cannot be opened: stakeholders[0].trust: should be less than or equal",
    "personal_data_for_nobody.smap": "personal_data: stakeholder 'ghost' is not on the map.",
    "root_is_a_list.smap": "cannot be opened: file: should be an object.",
    "truncated.smap": "is damaged: it breaks off at line 1, as a file cut short by",
    "unknown_field.smap": "cannot be opened: stakeholders[0].religion: is not a known field",
    "utf16.smap": "is damaged or is not a map: byte 0 is not UTF-8 text.",
    "version_not_a_number.smap": "format_version: should be a whole number of at least 1.",
    "wrong_format_marker.smap": "this is not a Stakeholder Mapper file (no 'format' marker).",
    "wrong_type_power.smap": "stakeholders[0].power: should be a valid integer",
    "wrong_type_stakeholders.smap": "cannot be opened: stakeholders: should be a list.",
}


def _assert_one_sentence(message: str, file_name: str, data: bytes = b"") -> None:
    assert message.startswith(file_name)
    assert "\n" not in message and message.endswith(".")
    assert len(message) < 250
    assert "Traceback" not in message
    # No validation library internals, unless the file itself says "pydantic" (a key the
    # message names back to the user).
    assert "pydantic" not in message or b"pydantic" in data


def test_corpus_is_complete() -> None:
    assert sorted(p.name for p in BROKEN.glob("*.smap")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_file_is_refused_clearly_within_bounded_memory(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    shutil.copy2(BROKEN / name, path)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    tracemalloc.start()
    try:
        with pytest.raises(MapFileError) as info:
            load_map(path, "any password")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(info.value)
    assert EXPECTED[name] in message
    _assert_one_sentence(message, name)
    assert peak < 4 * len(before[0]) + 8 * 2**20
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_a_100_mb_string_is_refused_using_about_three_times_the_file(tmp_path: Path) -> None:
    path = tmp_path / "huge_string.smap"
    with path.open("wb") as fh:
        fh.write(b'{"format": "stakeholder-mapper", "format_version": 1, "map": {"title": "')
        fh.write(b"x" * 100_000_000)
        fh.write(b'"}}')
    size = path.stat().st_size
    tracemalloc.start()
    try:
        with pytest.raises(MapFileError) as info:
            load_map(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(info.value) == (
        f"huge_string.smap cannot be opened: map.title is longer than {MAX_TEXT_CHARS:,} "
        "characters."
    )
    # The bytes, the decoded text and the parsed string: nothing else of that size.
    assert peak < 3.2 * size
    assert path.stat().st_size == size


# -- fuzzing -----------------------------------------------------------------------------
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


def _base_file() -> bytes:
    smap = StakeholderMap()
    for sid, label, category in (
        ("mayor", "Mayor", "municipal"),
        ("imam", "Imam", "faith"),
        ("youth", "Youth council", "youth"),
        ("branch", "City branch", "redcross"),
    ):
        smap.stakeholders[sid] = Stakeholder(sid, label, category, person=f"{label} person")
    smap.relationships["r1"] = Relationship("r1", "branch", "imam", strength=4)
    smap.positions["mayor"] = (10.0, -5.0)
    return dumps_map(smap)


BASE = _base_file()


def _check_load(data: bytes) -> None:
    try:
        smap = loads_map(data, "fuzz.smap")
    except MapFileError as exc:
        _assert_one_sentence(str(exc), "fuzz.smap", data)
        return
    # Whatever loads can be saved and loads back the same.
    assert loads_map(dumps_map(smap), "again.smap") == smap


@settings(max_examples=150)
@given(st.binary(max_size=300))
def test_fuzz_random_bytes(data: bytes) -> None:
    _check_load(data)


@settings(max_examples=150)
@given(
    section=st.sampled_from(
        [
            "map",
            "categories",
            "kinds",
            "stakeholders",
            "personal_data",
            "relationships",
            "layout",
            "snapshots",
            "plan_settings",
            "format_version",
        ]
    ),
    value=json_values,
)
def test_fuzz_a_section_replaced_by_any_json(section: str, value: object) -> None:
    doc = json.loads(BASE)
    doc[section] = value
    _check_load(json.dumps(doc).encode())


@settings(max_examples=200)
@given(
    field=st.sampled_from(
        [
            "id",
            "label",
            "category",
            "power",
            "influence",
            "position",
            "trust",
            "principles",
            "tags",
            "review_date",
            "informed",
            "engagement",
            "log",
            "attributes",
            "level",
        ]
    ),
    value=json_values,
    which=st.integers(min_value=0, max_value=3),
)
def test_fuzz_a_stakeholder_field_replaced_by_any_json(
    field: str, value: object, which: int
) -> None:
    doc = json.loads(BASE)
    doc["stakeholders"][which][field] = value
    _check_load(json.dumps(doc).encode())


@settings(max_examples=150)
@given(cut=st.integers(min_value=0, max_value=10_000), flip=st.integers(0, 255))
def test_fuzz_truncated_and_corrupted_files(cut: int, flip: int) -> None:
    data = bytearray(BASE)
    cut %= len(data)
    _check_load(bytes(data[:cut]))
    data[cut] ^= flip
    _check_load(bytes(data))
