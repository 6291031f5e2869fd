"""The native project file ``*.smap``: versioned UTF-8 JSON, validated on load, saved atomically.

Layout of a file (format_version 1)::

    {"format": "stakeholder-mapper", "format_version": 1,
     "map": {title, city, branch, author, purpose, date},
     "categories": [...], "kinds": [...],
     "stakeholders": [... without person/contact ...],
     "personal_data": [{"stakeholder": id, "person": ..., "contact": ...}],
     "relationships": [...],
     "layout": {"positions": {id: [x, y]}, "pinned": [id, ...]},
     "snapshots": [{"id", "name", "created", "content": {same keys, no snapshots}}],
     "plan_settings": {...}}

Personal data sits in its own section so that it can be reviewed, encrypted or left
out as a whole.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pydantic_core

from ..core.model import (
    Category,
    MapInfo,
    Relationship,
    RelationshipKind,
    Snapshot,
    Stakeholder,
    StakeholderMap,
)
from ..core.validation import ValidationError, dump_record, dump_records, map_problems, parse_record

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "MapFileError",
    "document_to_map",
    "dumps_map",
    "load_map",
    "loads_map",
    "map_to_document",
    "save_map",
    "snapshot_content",
    "snapshot_map",
]

FORMAT = "stakeholder-mapper"
FORMAT_VERSION = 1
#: Largest project file we agree to read, against memory exhaustion by hostile files.
MAX_FILE_BYTES = 512 * 1024 * 1024

#: Upgrades from an older ``format_version`` to the next one: ``{old: upgrade(doc) -> doc}``.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}

_PERSONAL = ("person", "contact")


class MapFileError(Exception):
    """A project file cannot be read or written; the message is one sentence for the user."""


# -- map -> document -----------------------------------------------------------------------
def _content(smap: StakeholderMap) -> dict[str, Any]:
    stakeholders, personal = [], []
    for row in dump_records(Stakeholder, smap.stakeholders.values()):
        extra = {key: row.pop(key) for key in _PERSONAL}
        stakeholders.append(row)
        if any(extra.values()):
            personal.append({"stakeholder": row["id"], **extra})
    return {
        "map": dump_record(smap.info),
        "categories": dump_records(Category, smap.categories.values()),
        "kinds": dump_records(RelationshipKind, smap.kinds.values()),
        "stakeholders": stakeholders,
        "personal_data": personal,
        "relationships": dump_records(Relationship, smap.relationships.values()),
        "layout": {
            "positions": {sid: [x, y] for sid, (x, y) in smap.positions.items()},
            "pinned": sorted(smap.pinned),
        },
        "plan_settings": smap.plan_settings,
    }


def snapshot_content(smap: StakeholderMap) -> dict[str, Any]:
    """The map as a snapshot keeps it: the project-file content without snapshots.

    The result shares nothing with the map, so later edits do not reach the snapshot.
    """
    content = _content(smap)
    content["plan_settings"] = copy.deepcopy(content["plan_settings"])
    return content


def snapshot_map(snapshot: Snapshot) -> StakeholderMap:
    """The map a snapshot holds (for restoring or comparing); raises ValidationError if damaged."""
    return _content_to_map(snapshot.content)


def map_to_document(smap: StakeholderMap) -> dict[str, Any]:
    """The map as the JSON-ready document written to a ``.smap`` file."""
    doc = {"format": FORMAT, "format_version": FORMAT_VERSION}
    doc.update(_content(smap))
    doc["snapshots"] = [
        {
            "id": snap.id,
            "name": snap.name,
            "created": snap.created.isoformat(),
            "content": snap.content,
        }
        for snap in smap.snapshots
    ]
    return doc


def dumps_map(smap: StakeholderMap) -> bytes:
    """The map serialised as the UTF-8 bytes of a ``.smap`` file."""
    return pydantic_core.to_json(map_to_document(smap), indent=1, inf_nan_mode="strings")


# -- document -> map -----------------------------------------------------------------------
def _expect(value: Any, kind: type, where: str) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        names = {dict: "an object", list: "a list", str: "text", int: "a whole number"}
        raise ValidationError(f"{where}: should be {names.get(kind, kind.__name__)}.")
    return value


def _records(doc: dict[str, Any], key: str, record_type: type) -> dict[str, Any]:
    records: dict[str, Any] = {}
    for i, item in enumerate(_expect(doc.get(key, []), list, key)):
        record = parse_record(record_type, item, f"{key}[{i}]")
        if record.id in records:
            raise ValidationError(f"{key}[{i}].id: duplicate id {record.id!r}.")
        records[record.id] = record
    return records


def _content_to_map(doc: dict[str, Any]) -> StakeholderMap:
    smap = StakeholderMap(parse_record(MapInfo, doc.get("map", {}), "map"))
    if "categories" in doc:
        smap.categories = _records(doc, "categories", Category)
    if "kinds" in doc:
        smap.kinds = _records(doc, "kinds", RelationshipKind)
    personal: dict[str, dict[str, Any]] = {}
    for i, item in enumerate(_expect(doc.get("personal_data", []), list, "personal_data")):
        item = dict(_expect(item, dict, f"personal_data[{i}]"))
        sid = _expect(item.pop("stakeholder", None), str, f"personal_data[{i}].stakeholder")
        personal[sid] = item
    rows = _expect(doc.get("stakeholders", []), list, "stakeholders")
    for i, row in enumerate(rows):
        row = _expect(row, dict, f"stakeholders[{i}]")
        sid = row.get("id")
        if isinstance(sid, str) and sid in personal:
            row = {**row, **personal.pop(sid)}
        s = parse_record(Stakeholder, row, f"stakeholders[{i}]")
        if s.id in smap.stakeholders:
            raise ValidationError(f"stakeholders[{i}].id: duplicate id {s.id!r}.")
        smap.stakeholders[s.id] = s
    if personal:
        raise ValidationError(
            f"personal_data: stakeholder {next(iter(personal))!r} is not on the map."
        )
    smap.relationships = _records(doc, "relationships", Relationship)
    layout = _expect(doc.get("layout", {}), dict, "layout")
    for sid, xy in _expect(layout.get("positions", {}), dict, "layout.positions").items():
        where = f"layout.positions.{sid}"
        if not (
            isinstance(xy, list)
            and len(xy) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in xy)
            and all(math.isfinite(v) for v in xy)
        ):
            raise ValidationError(f"{where}: should be a pair of finite numbers [x, y].")
        smap.positions[sid] = (float(xy[0]), float(xy[1]))
    for i, sid in enumerate(_expect(layout.get("pinned", []), list, "layout.pinned")):
        smap.pinned.add(_expect(sid, str, f"layout.pinned[{i}]"))
    smap.plan_settings = _expect(doc.get("plan_settings", {}), dict, "plan_settings")
    problems = map_problems(smap, fields=False)
    if problems:
        raise ValidationError(problems[0])
    return smap


def _snapshot(item: Any, where: str) -> Snapshot:
    item = _expect(item, dict, where)
    content = _expect(item.get("content"), dict, f"{where}.content")
    try:
        _content_to_map(content)
    except ValidationError as exc:
        raise ValidationError(f"{where}.content.{exc}") from None
    try:
        created = dt.datetime.fromisoformat(_expect(item.get("created"), str, f"{where}.created"))
    except ValueError:
        raise ValidationError(f"{where}.created: should be a date and time.") from None
    return Snapshot(
        id=_expect(item.get("id"), str, f"{where}.id"),
        name=_expect(item.get("name"), str, f"{where}.name"),
        created=created,
        content=content,
    )


def document_to_map(doc: Any) -> StakeholderMap:
    """Build a map from a parsed ``.smap`` document, migrating older versions.

    Raises :class:`ValidationError` naming the first offending field.
    """
    doc = _expect(doc, dict, "file")
    if doc.get("format") != FORMAT:
        raise ValidationError("this is not a Stakeholder Mapper file (no 'format' marker).")
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValidationError("format_version: should be a whole number of at least 1.")
    if version > FORMAT_VERSION:
        raise ValidationError(
            f"it was saved by a newer version of Stakeholder Mapper (file format {version}, "
            f"this version reads up to {FORMAT_VERSION}); please update the application."
        )
    while version < FORMAT_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
    smap = _content_to_map(doc)
    snapshots = _expect(doc.get("snapshots", []), list, "snapshots")
    smap.snapshots = [_snapshot(item, f"snapshots[{i}]") for i, item in enumerate(snapshots)]
    return smap


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a valid number")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def loads_map(data: bytes, name: str = "the file") -> StakeholderMap:
    """Parse the bytes of a ``.smap`` file; raise :class:`MapFileError` with one sentence."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MapFileError(
            f"{name} is not UTF-8 text (bad byte at position {exc.start})."
        ) from None
    try:
        doc = json.loads(
            text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys
        )
    except json.JSONDecodeError as exc:
        raise MapFileError(
            f"{name} is damaged or not a map: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from None
    except ValueError as exc:
        raise MapFileError(f"{name} is damaged or not a map: {exc}.") from None
    except RecursionError:
        raise MapFileError(f"{name} is damaged or not a map: it is nested too deeply.") from None
    try:
        return document_to_map(doc)
    except ValidationError as exc:
        raise MapFileError(f"{name} cannot be opened: {exc}") from None
    except RecursionError:
        raise MapFileError(f"{name} cannot be opened: it is nested too deeply.") from None


def load_map(path: str | os.PathLike[str]) -> StakeholderMap:
    """Open a ``.smap`` file; raise :class:`MapFileError` with one sentence on any problem."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise MapFileError(f"{path.name} cannot be read: {exc.strerror or exc}.") from None
    if len(data) > MAX_FILE_BYTES:
        raise MapFileError(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB.")
    return loads_map(data, path.name)


def write_atomically(path: str | os.PathLike[str], data: bytes, *, backup: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file.

    The data goes to a temporary file in the same folder, is flushed and fsynced, and
    replaces ``path`` in one rename. With ``backup``, the previous file is kept as
    ``path + ".bak"``. Raises :class:`MapFileError`; on failure ``path`` is untouched.
    """
    path = Path(path)
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        ) as tmp:
            tmp_name = tmp.name
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        if backup and path.exists():
            bak = path.with_name(path.name + ".bak")
            bak_tmp = bak.with_name(f".{bak.name}.tmp")
            shutil.copy2(path, bak_tmp)
            os.replace(bak_tmp, bak)
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_folder(path.parent)
    except OSError as exc:
        raise MapFileError(f"{path.name} could not be saved: {exc.strerror or exc}.") from None
    finally:
        if tmp_name is not None:
            Path(tmp_name).unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_map(smap: StakeholderMap, path: str | os.PathLike[str]) -> None:
    """Save the map to ``path`` atomically, keeping the previous file as ``NAME.smap.bak``."""
    write_atomically(path, dumps_map(smap))
