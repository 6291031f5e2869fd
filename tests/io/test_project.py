"""Project files: lossless round trip, atomic save with backup, clear refusal of bad files."""

from __future__ import annotations

import datetime as dt
import json
import os
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stakeholder_mapper.core.model import (
    ENGAGEMENT_STAGES,
    LEVELS,
    MOU_STATUSES,
    SENSITIVITIES,
    Engagement,
    LogEntry,
    MapInfo,
    Relationship,
    Snapshot,
    Stakeholder,
    StakeholderMap,
)
from stakeholder_mapper.io import project
from stakeholder_mapper.io.project import (
    FORMAT_VERSION,
    MapFileError,
    dumps_map,
    load_map,
    loads_map,
    map_to_document,
    save_map,
)

text = st.text(max_size=20)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


def scale(low: int, high: int):
    return st.none() | st.integers(low, high)


engagements = st.builds(
    Engagement,
    objective=text,
    ask=text,
    key_messages=text,
    owner=text,
    due_date=st.none() | dates,
    stage=st.none() | st.sampled_from(ENGAGEMENT_STAGES),
    mou_status=st.sampled_from(MOU_STATUSES),
    risks=text,
)
log_entries = st.builds(
    LogEntry,
    date=dates,
    kind=st.sampled_from(["meeting", "letter", "call", "event"]),
    summary=text,
    outcome=text,
)


@st.composite
def maps(draw) -> StakeholderMap:
    smap = StakeholderMap(
        MapInfo(title=draw(text), city=draw(text), purpose=draw(text), date=draw(st.none() | dates))
    )
    categories = list(smap.categories)
    ids = draw(
        st.lists(st.text(string.ascii_lowercase, min_size=1, max_size=6), unique=True, max_size=8)
    )
    for sid in ids:
        smap.stakeholders[sid] = Stakeholder(
            id=sid,
            label=draw(st.text(min_size=1, max_size=20).filter(str.strip)),
            category=draw(st.sampled_from(categories)),
            level=draw(st.none() | st.sampled_from(LEVELS)),
            power=draw(scale(1, 5)),
            influence=draw(st.none() | st.integers(0, 1000)),
            interest=draw(scale(1, 5)),
            position=draw(scale(-2, 2)),
            trust=draw(scale(-2, 2)),
            principles=tuple(draw(st.lists(st.integers(1, 12), max_size=3))),
            tags=tuple(draw(st.lists(text, max_size=3))),
            notes=draw(text),
            sensitivity=draw(st.sampled_from(SENSITIVITIES)),
            review_date=draw(st.none() | dates),
            informed=draw(st.none() | st.booleans()),
            person=draw(text),
            contact=draw(text),
            engagement=draw(engagements),
            log=tuple(draw(st.lists(log_entries, max_size=2))),
            attributes=draw(st.dictionaries(text, text, max_size=2)),
        )
        if draw(st.booleans()):
            xy = st.floats(-1e6, 1e6, allow_nan=False)
            smap.positions[sid] = (draw(xy), draw(xy))
            if draw(st.booleans()):
                smap.pinned.add(sid)
    if len(ids) >= 2:
        pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1])
        for n, (source, target) in enumerate(draw(st.lists(pairs, max_size=10))):
            smap.relationships[f"r{n}"] = Relationship(
                id=f"r{n}",
                source=source,
                target=target,
                kind=draw(st.sampled_from(list(smap.kinds))),
                strength=draw(st.integers(1, 5)),
                valence=draw(st.sampled_from(["positive", "negative"])),
                directed=draw(st.booleans()),
                notes=draw(text),
                confidence=draw(st.sampled_from(["confirmed", "assumed"])),
            )
    return smap


@settings(max_examples=60)
@given(maps())
def test_any_valid_map_survives_save_and_load(tmp_path_factory, smap):
    path = tmp_path_factory.mktemp("roundtrip") / "map.smap"
    save_map(smap, path)
    assert load_map(path) == smap


def test_snapshots_round_trip(small_map, tmp_path):
    content = {k: v for k, v in map_to_document(small_map).items() if k != "format"}
    small_map.snapshots.append(
        Snapshot("snap1", "Before workshop", dt.datetime(2026, 10, 1, 9, 30), content)
    )
    save_map(small_map, tmp_path / "m.smap")
    loaded = load_map(tmp_path / "m.smap")
    assert loaded.snapshots == small_map.snapshots
    assert loaded == small_map


def test_personal_data_is_stored_apart(small_map, tmp_path):
    small_map.stakeholders["mayor"] = Stakeholder(
        "mayor", "Mayor", "municipal", person="Ana Petrova", contact="+000 555 0101"
    )
    doc = json.loads(dumps_map(small_map))
    assert all("person" not in row and "contact" not in row for row in doc["stakeholders"])
    assert doc["personal_data"] == [
        {"stakeholder": "mayor", "person": "Ana Petrova", "contact": "+000 555 0101"}
    ]


def test_file_is_versioned_utf8_json(small_map, tmp_path):
    small_map.stakeholders["mayor"] = Stakeholder("mayor", "Мэр — رئيس البلدية", "municipal")
    save_map(small_map, tmp_path / "m.smap")
    raw = (tmp_path / "m.smap").read_bytes()
    doc = json.loads(raw.decode("utf-8"))
    assert doc["format"] == "stakeholder-mapper"
    assert doc["format_version"] == FORMAT_VERSION
    assert "Мэр — رئيس البلدية".encode() in raw
    assert load_map(tmp_path / "m.smap").stakeholders["mayor"].label == "Мэр — رئيس البلدية"


def test_save_keeps_previous_file_as_backup(small_map, tmp_path):
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    first = path.read_bytes()
    small_map.info = MapInfo(title="Second version")
    save_map(small_map, path)
    assert (tmp_path / "city.smap.bak").read_bytes() == first
    assert load_map(path).info.title == "Second version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["city.smap", "city.smap.bak"]


def test_crash_mid_write_leaves_old_file_intact(small_map, tmp_path, monkeypatch):
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    before = path.read_bytes()
    small_map.info = MapInfo(title="Never saved")

    def crash(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(project.os, "fsync", crash)
    with pytest.raises(MapFileError, match=r"city\.smap could not be saved: No space left"):
        save_map(small_map, path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load_map(path).info.title == "Untitled map"
    assert [p.name for p in tmp_path.iterdir()] == ["city.smap"], "no temporary file left behind"


def test_rename_is_the_only_moment_the_file_changes(small_map, tmp_path, monkeypatch):
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    before = path.read_bytes()
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(path.read_bytes() == before)
        real_replace(src, dst)

    monkeypatch.setattr(project.os, "replace", spy)
    small_map.info = MapInfo(title="New")
    save_map(small_map, path)
    assert seen == [True, True], "the map file is untouched until the final rename"
    assert load_map(path).info.title == "New"


def _doc(small_map) -> dict:
    return json.loads(dumps_map(small_map))


def test_newer_version_is_refused(small_map, tmp_path):
    doc = _doc(small_map)
    doc["format_version"] = FORMAT_VERSION + 1
    path = tmp_path / "future.smap"
    path.write_text(json.dumps(doc))
    with pytest.raises(MapFileError) as caught:
        load_map(path)
    assert str(caught.value) == (
        f"future.smap cannot be opened: it was saved by a newer version of Stakeholder Mapper "
        f"(file format {FORMAT_VERSION + 1}, this version reads up to {FORMAT_VERSION}); "
        "please update the application."
    )


def test_older_version_is_migrated(small_map, monkeypatch):
    doc = _doc(small_map)
    doc["format_version"] = FORMAT_VERSION
    for row in doc["stakeholders"]:
        row["name"] = row.pop("label")

    def rename_name_to_label(old: dict) -> dict:
        for row in old["stakeholders"]:
            row["label"] = row.pop("name")
        return old

    monkeypatch.setattr(project, "FORMAT_VERSION", FORMAT_VERSION + 1)
    monkeypatch.setitem(project.MIGRATIONS, FORMAT_VERSION, rename_name_to_label)
    loaded = loads_map(json.dumps(doc).encode())
    assert loaded.stakeholders == small_map.stakeholders


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["stakeholders"][1].update(power=9),
            r"stakeholders\[1\]\.power: should be less",
        ),
        (lambda d: d["stakeholders"][0].pop("label"), r"stakeholders\[0\]\.label: is required"),
        (lambda d: d["stakeholders"][2].update(category="x"), r"unknown category 'x'"),
        (lambda d: d["relationships"][0].update(target="ghost"), r"target 'ghost' is not"),
        (
            lambda d: d["stakeholders"].append(dict(d["stakeholders"][0])),
            r"stakeholders\[4\]\.id: duplicate id 'mayor'",
        ),
        (lambda d: d.update(format="excel"), r"not a Stakeholder Mapper file"),
        (lambda d: d.update(format_version="1"), r"format_version: should be a whole number"),
        (lambda d: d.update(stakeholders={}), r"stakeholders: should be a list"),
        (
            lambda d: d["layout"]["positions"].update(mayor=[1, "a"]),
            r"layout\.positions\.mayor: should be a pair of finite numbers",
        ),
        (
            lambda d: d["personal_data"].append({"stakeholder": "ghost", "person": "X"}),
            r"personal_data: stakeholder 'ghost' is not on the map",
        ),
    ],
)
def test_invalid_content_names_the_field(small_map, mutate, message):
    doc = _doc(small_map)
    mutate(doc)
    with pytest.raises(MapFileError, match=message):
        loads_map(json.dumps(doc).encode(), "m.smap")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'{"format": "stakeholder-mapper", "format_',
            r"^m\.smap is damaged: it breaks off at line 1, ",
        ),
        (
            b"PK\x03\x04 not json",
            r"^m\.smap is damaged or is not a map: line 1, column 1 does not follow the map "
            r"format\.$",
        ),
        (b'{"a": 1, "a": 2}', r"duplicate key 'a'"),
        (b'{"x": NaN}', r"NaN is not a valid number"),
        (b"\xff\xfe\xfa", r"byte 0 is not UTF-8 text"),
        (b"[" * 100000 + b"]" * 100000, r"nested too deeply"),
        (b"[]", r"file: should be an object"),
    ],
)
def test_damaged_files_give_one_sentence(data, message):
    with pytest.raises(MapFileError, match=message) as caught:
        loads_map(data, "m.smap")
    assert "\n" not in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(MapFileError, match=r"nothing\.smap cannot be read: No such file"):
        load_map(tmp_path / "nothing.smap")


def test_a_file_with_the_same_tie_twice_still_opens(small_map, tmp_path):
    """Quick entry and the canvas no longer double a tie, but older files may hold one."""
    small_map.relationships["r9"] = Relationship("r9", "imam", "mayor", strength=2)
    project.save_map(small_map, tmp_path / "doubled.smap")
    loaded = project.load_map(tmp_path / "doubled.smap")
    assert (loaded.relationships["r2"].strength, loaded.relationships["r9"].strength) == (5, 2)
