"""The native project file ``*.smap``: versioned UTF-8 JSON, validated on load, saved atomically.

Layout of a file (format_version 3)::

    {"format": "stakeholder-mapper", "format_version": 3,
     "map": {title, city, branch (a stakeholder id), author, purpose, date, classification,
             the plan's own sections: problem, ask, evidence, red_lines, movement,
             community, do_no_harm, resources, risks: [...], calendar: [...],
             indicators: [...], version, approver, distribution: [...], review_date},
     "categories": [...], "kinds": [...],
     "stakeholders": [... without person/contact ...],
     "personal_data": [{"stakeholder": id, "person": ..., "contact": ...}],
     "relationships": [...],
     "layout": {"positions": {id: [x, y]}, "pinned": [id, ...]},
     "snapshots": [{"id", "name", "created", "content": {same keys, no snapshots}}],
     "plan_settings": {...},
     "sharing": {key: "partner" | "public"}}

Personal data sits in its own section so that it can be reviewed, encrypted or left
out as a whole. A file may also be protected by a password as a whole: see
:mod:`stakeholder_mapper.io.encryption`. Hostile files are refused with one sentence:
the size of the file, of each text and of each number is bounded.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import glob
import json
import math
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pydantic_core

from ..core.i18n import N_, _, system_error
from ..core.limits import (
    MAX_DEPTH,
    MAX_RELATIONSHIPS,
    MAX_STAKEHOLDERS,
    MAX_TEXT_CHARS,
    too_many,
)
from ..core.model import (
    Category,
    MapInfo,
    Relationship,
    RelationshipKind,
    Snapshot,
    Stakeholder,
    StakeholderMap,
)
from ..core.sharing import sharing_problem
from ..core.validation import ValidationError, dump_record, dump_records, map_problems, parse_record
from ..core.wording import shown_name
from .bounded_json import parse_float, parse_int, reject_constant
from .encryption import decrypt, encrypt, is_encrypted
from .errors import DamagedMap, MapFileError, PasswordRequired, WrongPassword
from .file_stamp import FileStamp
from .lock import read_lock
from .record_counts import map_file_count_problem
from .sidecars import sidecar_name

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "MAX_TEXT_CHARS",
    "MIGRATIONS",
    "DamagedMap",
    "MapFileError",
    "PasswordRequired",
    "WrongPassword",
    "backup_path",
    "change_password",
    "document_to_map",
    "dumps_map",
    "import_only_reason",
    "is_encrypted_file",
    "load_map",
    "loads_map",
    "map_to_document",
    "remove_leftovers",
    "save_map",
    "snapshot_content",
    "snapshot_map",
    "write_atomically",
]

FORMAT = "stakeholder-mapper"
FORMAT_VERSION = 3
#: Largest project file we agree to read, against memory exhaustion by hostile files.
MAX_FILE_BYTES = 512 * 1024 * 1024
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _branch_by_id(content: Any) -> None:
    """Version 1 named our branch by its label; version 2 by its id (a label matching no
    stakeholder is kept, and names no branch)."""
    if not isinstance(content, dict) or not isinstance(content.get("map"), dict):
        return
    name = content["map"].get("branch")
    rows = content.get("stakeholders")
    if not isinstance(name, str) or not name.strip() or not isinstance(rows, list):
        return
    rows = [row for row in rows if isinstance(row, dict)]
    if any(row.get("id") == name for row in rows):
        return
    wanted = name.strip().casefold()
    for row in rows:
        label = row.get("label")
        if isinstance(label, str) and label.strip().casefold() == wanted:
            content["map"] = {**content["map"], "branch": row.get("id")}
            return


def _upgrade_1(doc: dict[str, Any]) -> dict[str, Any]:
    """1 → 2: the map names our branch by id and may hold the plan's own sections."""
    _branch_by_id(doc)
    snapshots = doc.get("snapshots")
    for item in snapshots if isinstance(snapshots, list) else ():
        if isinstance(item, dict):
            _branch_by_id(item.get("content"))
    return doc


def _upgrade_2(doc: dict[str, Any]) -> dict[str, Any]:
    """2 → 3: a stakeholder may have its own colour and a relationship attributes; a file
    without them reads as it is (the version tells an older application to update)."""
    return doc


#: Upgrades from an older ``format_version`` to the next one: ``{old: upgrade(doc) -> doc}``.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _upgrade_1,
    2: _upgrade_2,
}

_PERSONAL = ("person", "contact")


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
        "sharing": dict(smap.sharing),
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
    """The map serialised as the UTF-8 bytes of a (plain) ``.smap`` file."""
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


class _TooMany(ValidationError):  # noqa: N818 - reads as what the file holds
    """The map or a snapshot holds more records than a map may: not damage, refused."""

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(f"it holds more than {limit:,} {what}")
        self.what, self.limit = what, limit


def _check_count(doc: dict[str, Any], key: str, limit: int) -> None:
    """Refuse a section with more than ``limit`` records before any record is built."""
    records = doc.get(key)
    if isinstance(records, list) and len(records) > limit:
        raise _TooMany(key, limit)


def _content_to_map(doc: dict[str, Any]) -> StakeholderMap:
    _check_count(doc, "stakeholders", MAX_STAKEHOLDERS)
    _check_count(doc, "relationships", MAX_RELATIONSHIPS)
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
    sharing = doc.get("sharing", {})
    problem = sharing_problem(sharing)
    if problem:
        raise ValidationError(problem)
    smap.sharing = dict(sharing)
    problems = map_problems(smap, fields=False)
    if problems:
        raise ValidationError(problems[0])
    return smap


def _snapshot(item: Any, where: str) -> Snapshot:
    item = _expect(item, dict, where)
    content = _expect(item.get("content"), dict, f"{where}.content")
    try:
        _content_to_map(content)
    except _TooMany:
        raise
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


class _NewerVersion(ValidationError):  # noqa: N818 - reads as what the file is
    """The file is of a newer format version: not damaged, refused all the same."""


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
        raise _NewerVersion(
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


def _bad_text(text: str) -> bool:
    return len(text) > MAX_TEXT_CHARS or (not text.isascii() and bool(_SURROGATE.search(text)))


def _looks_unsafe(doc: Any) -> bool:
    """A quick pass of :func:`_document_problem` that finds no locations (fast on big maps)."""
    if type(doc) not in (dict, list, tuple):
        return type(doc) is str and _bad_text(doc)
    stack: list[tuple[Any, int]] = [(doc, 0)]
    push, pop = stack.append, stack.pop
    while stack:
        value, depth = pop()
        if depth >= MAX_DEPTH:
            return True
        if type(value) is dict:
            for key in value:
                if len(key) > MAX_TEXT_CHARS or (not key.isascii() and _SURROGATE.search(key)):
                    return True
            value = value.values()
        for item in value:
            kind = type(item)
            if kind is str:
                if len(item) > MAX_TEXT_CHARS or (not item.isascii() and _SURROGATE.search(item)):
                    return True
            elif kind is dict or kind is list or kind is tuple:
                push((item, depth + 1))
    return False


def _document_problem(doc: Any) -> str | None:
    """What makes a parsed document unsafe to keep, e.g. ``stakeholders[2].notes is ...``.

    Texts longer than :data:`MAX_TEXT_CHARS`, nesting deeper than :data:`MAX_DEPTH`
    and lone surrogates (``"\\ud800"``, which cannot be saved again) are refused.
    Walks without recursion, so deep nesting cannot crash it.
    """
    if not _looks_unsafe(doc):
        return None
    stack: list[tuple[str, Any, int]] = [("", doc, 0)]
    while stack:
        where, value, depth = stack.pop()
        place = where or "the file"
        if depth > MAX_DEPTH:
            section = re.split(r"[.\[]", place, maxsplit=1)[0]
            return f"{section} is nested more than {MAX_DEPTH} levels deep"
        if isinstance(value, str):
            if len(value) > MAX_TEXT_CHARS:
                return f"{place} is longer than {MAX_TEXT_CHARS:,} characters"
            if not value.isascii() and _SURROGATE.search(value):
                return f"{place} holds text that is not valid Unicode"
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                child = f"{where}.{key}" if where else key
                if len(key) > MAX_TEXT_CHARS or _SURROGATE.search(key):
                    return f"{place} has a field name that is too long or not valid Unicode"
                stack.append((child, item, depth + 1))
        elif isinstance(value, list | tuple):
            stack.extend(
                (f"{where}[{i}]", item, depth + 1) for i, item in reversed(list(enumerate(value)))
            )
    return None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_MAX_MESSAGE = 240


def _sentence(text: str) -> str:
    """One printable line ending with a full stop, short enough for a dialog or a terminal."""
    text = _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)
    if len(text) > _MAX_MESSAGE:
        text = text[: _MAX_MESSAGE - 1] + "…"
    return text if text.endswith((".", "!", "?")) else text + "."


#: A file whose lists and objects are nested deeper than any map (see core.limits.MAX_DEPTH).
NESTED_TOO_DEEPLY = N_("{name} is damaged or is not a map: it is nested too deeply.")


def _json_problem(name: str, text: str, exc: json.JSONDecodeError) -> str:
    """The JSON reader's complaint in words a user reads: empty, cut short, or not a map."""
    if not text.strip():
        return _("{name} is empty: it holds no map.").format(name=name)
    if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
        return _(
            "{name} is damaged: it breaks off at line {line}, as a file cut short by "
            "a full disk or an interrupted copy does."
        ).format(name=name, line=exc.lineno)
    return _(
        "{name} is damaged or is not a map: line {line}, column {column} does not "
        "follow the map format."
    ).format(name=name, line=exc.lineno, column=exc.colno)


def loads_map(data: bytes, name: str = "the file", password: str | None = None) -> StakeholderMap:
    """Parse the bytes of a ``.smap`` file; raise :class:`MapFileError` with one sentence.

    An encrypted file needs ``password``: without one :class:`PasswordRequired` is
    raised, with a wrong one :class:`WrongPassword`. A file that holds no valid map
    (cut short, not JSON, a bad field, a damaged encryption) raises :class:`DamagedMap`,
    so that the app can offer the backup and autosaves; a file of a newer version raises
    a plain :class:`MapFileError`.
    """
    if is_encrypted(data):
        try:
            data = decrypt(data, password, name)
        except (PasswordRequired, WrongPassword):
            raise
        except MapFileError as exc:
            raise DamagedMap(str(exc)) from None
    problem = map_file_count_problem(data, name)
    if problem is not None:
        raise MapFileError(problem)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DamagedMap(
            _("{name} is damaged or is not a map: byte {byte} is not UTF-8 text.").format(
                name=name, byte=exc.start
            )
        ) from None
    try:
        doc = json.loads(
            text,
            parse_constant=reject_constant,
            parse_int=parse_int,
            parse_float=parse_float,
            object_pairs_hook=_no_duplicate_keys,
        )
    except json.JSONDecodeError as exc:
        raise DamagedMap(_json_problem(name, text, exc)) from None
    except ValueError as exc:
        raise DamagedMap(_sentence(f"{name} is damaged or not a map: {exc}")) from None
    except RecursionError:
        raise DamagedMap(_(NESTED_TOO_DEEPLY).format(name=name)) from None
    del text
    problem = _document_problem(doc)
    if problem is not None:
        raise DamagedMap(_sentence(f"{name} cannot be opened: {problem}"))
    try:
        return document_to_map(doc)
    except _TooMany as exc:
        raise MapFileError(too_many(name, exc.what, exc.limit)) from None
    except _NewerVersion as exc:
        raise MapFileError(_sentence(f"{name} cannot be opened: {exc}")) from None
    except ValidationError as exc:
        raise DamagedMap(_sentence(f"{name} cannot be opened: {exc}")) from None
    except RecursionError:
        raise DamagedMap(_(NESTED_TOO_DEEPLY).format(name=name)) from None


def _too_large(name: str) -> str:
    return _("{name} is larger than {size} MB.").format(name=name, size=MAX_FILE_BYTES // 2**20)


def _read(path: Path) -> bytes:
    name = shown_name(path.name)
    try:
        with path.open("rb") as fh:
            # Ask for the file's size, not the limit: read(n) reserves n bytes at once.
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise MapFileError(_too_large(name))
            data = fh.read(size + 1)
            if len(data) > size:  # it grew while we read: take the rest, within the limit
                data += fh.read(MAX_FILE_BYTES + 1 - len(data))
    except OSError as exc:
        raise MapFileError(
            _("{name} cannot be read: {reason}.").format(name=name, reason=system_error(exc))
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise MapFileError(_too_large(name))
    return data


#: Files that are imported into a map, not opened as one, by what users call them.
_IMPORT_ONLY = {
    ".csv": "a spreadsheet",
    ".xlsx": "a spreadsheet",
    ".xls": "a spreadsheet",
    ".ods": "a spreadsheet",
    ".graphml": "a graph file",
    ".gexf": "a graph file",
}


def import_only_reason(path: str | os.PathLike[str]) -> str | None:
    """The sentence to show when ``path`` is a spreadsheet or graph file given as a map
    (it must be imported instead), else ``None``."""
    path = Path(path)
    what = _IMPORT_ONLY.get(path.suffix.casefold())
    if what is None:
        return None
    return (
        f"{shown_name(path.name)} is {what}, not a map: bring it in with File → Import "
        f"(command line: stakeholder-mapper import {shown_name(path.name)})."
    )


def load_map(path: str | os.PathLike[str], password: str | None = None) -> StakeholderMap:
    """Open a ``.smap`` file; raise :class:`MapFileError` with one sentence on any problem.

    A password-protected file needs ``password`` (see :func:`loads_map`). The file is
    only read, never written. A spreadsheet or graph file is refused with a sentence
    saying to import it.
    """
    path = Path(path)
    reason = import_only_reason(path)
    if reason is not None:
        raise MapFileError(reason)
    return loads_map(_read(path), shown_name(path.name), password)


def is_encrypted_file(path: str | os.PathLike[str]) -> bool:
    """Whether the file at ``path`` is a password-protected map (so the app asks first)."""
    try:
        with Path(path).open("rb") as fh:
            return is_encrypted(fh.read(64))
    except OSError:
        return False


def _target(path: Path) -> Path:
    """The file a save writes: the file a symbolic link points to (the link stays)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _temporary_prefix(path: Path) -> str:
    return sidecar_name(path.name, ".", ".", reserve=len(secrets.token_hex(4)) + len(".tmp"))


def _write_new(folder: Path, prefix: str, data: bytes, mode: int | None) -> tuple[Path, int]:
    """Write ``data`` to a new temporary file in ``folder``, flushed and fsynced.

    Returns its path and modification time (ns). It gets ``mode`` (the permissions of the
    file it will replace) or, for a new file, the usual permissions of new files.
    """
    while True:
        name = folder / f"{prefix}{secrets.token_hex(4)}.tmp"
        try:
            fh = open(name, "xb")  # noqa: SIM115 - closed below
        except FileExistsError:
            continue
        try:
            with fh:
                if mode is not None and hasattr(os, "fchmod"):
                    os.fchmod(fh.fileno(), mode)
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
                return name, os.fstat(fh.fileno()).st_mtime_ns
        except BaseException:
            with contextlib.suppress(OSError):
                name.unlink()
            raise


def _mode(path: Path) -> int | None:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None


def write_atomically(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    backup: bool = True,
    backup_data: bytes | None = None,
) -> FileStamp:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file.

    The data goes to a temporary file in the same folder, is flushed and fsynced, and
    replaces ``path`` in one rename. With ``backup``, the previous file is kept as
    ``path + ".bak"`` (or ``backup_data`` is written there instead, e.g. the previous
    file encrypted). The file keeps its permissions; through a symbolic link the file
    it points to is written and the link stays. Returns the stamp of what was written.
    Raises :class:`MapFileError`; on failure ``path`` is untouched and no temporary
    file is left.
    """
    path = Path(path)
    target = _target(path)
    bak = backup_path(target)
    if backup and target.exists() and bak.is_dir():
        raise MapFileError(
            f"{shown_name(path.name)} was not saved: its backup {shown_name(bak.name)} is a "
            "folder, so the previous version cannot be kept; rename that folder or save "
            "under another name."
        )
    written: list[Path] = []
    try:
        tmp, mtime_ns = _write_new(target.parent, _temporary_prefix(target), data, _mode(target))
        written.append(tmp)
        if backup and target.exists():
            bak_tmp = target.with_name(sidecar_name(target.name, ".", ".bak.tmp"))
            written.append(bak_tmp)
            if backup_data is None:
                shutil.copy2(target, bak_tmp)
            else:
                with bak_tmp.open("wb") as fh:
                    fh.write(backup_data)
                    fh.flush()
                    os.fsync(fh.fileno())
            os.replace(bak_tmp, bak)
            written.remove(bak_tmp)
        os.replace(tmp, target)
        written.remove(tmp)
        _fsync_folder(target.parent)
    except OSError as exc:
        raise MapFileError(
            f"{shown_name(path.name)} could not be saved: {exc.strerror or exc}."
        ) from None
    finally:
        for leftover in written:
            with contextlib.suppress(OSError):
                leftover.unlink()
    remove_leftovers(target)
    return FileStamp.of_bytes(data, mtime_ns)


def remove_leftovers(path: str | os.PathLike[str]) -> None:
    """Delete the temporary files that interrupted saves of ``path`` left behind.

    They may hold personal data since erased, or a plain copy of a map now protected, so
    they go whatever their age, when the map is opened or saved, unless another running
    instance has the map open (one of them may be its save in progress).
    """
    path = _target(Path(path))
    holder = read_lock(path)
    if holder is not None and not (holder.is_ours or holder.is_stale):
        return
    pattern = f"{glob.escape(_temporary_prefix(path))}*.tmp"
    bak_tmp = sidecar_name(path.name, ".", ".bak.tmp")
    for leftover in [*path.parent.glob(pattern), path.with_name(bak_tmp)]:
        with contextlib.suppress(OSError):
            if leftover.is_file() and not leftover.is_symlink():
                leftover.unlink()


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


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where the previous version of a map is kept: ``NAME.smap.bak`` beside it."""
    path = Path(path)
    return path.with_name(sidecar_name(path.name, after=".bak"))


def file_bytes(smap: StakeholderMap, password: str | None = None, name: str = "the map") -> bytes:
    """The complete content of a ``.smap`` file for the map, encrypted when ``password`` is set.

    Raises :class:`MapFileError` if a text is too long to be read back.
    """
    document = map_to_document(smap)
    problem = _document_problem(document)
    if problem is not None:
        raise MapFileError(f"{name} could not be saved: {problem}.")
    try:
        data = pydantic_core.to_json(document, indent=1, inf_nan_mode="strings")
    except pydantic_core.PydanticSerializationError as exc:
        raise MapFileError(f"{name} could not be saved: {exc}.") from None
    return encrypt(data, password) if password else data


def save_map(
    smap: StakeholderMap,
    path: str | os.PathLike[str],
    password: str | None = None,
    *,
    backup: bool = True,
) -> FileStamp:
    """Save the map to ``path`` atomically, keeping the previous file as ``NAME.smap.bak``.

    With ``password`` the file is encrypted; so is the backup, even when the previous
    file was not (a plain copy must not stay beside a protected map). With
    ``backup=False`` no backup is written and an old one is removed (after erasing
    personal data, the previous version must not survive). Returns the stamp of the
    file written.
    """
    path = Path(path)
    data = file_bytes(smap, password, shown_name(path.name))
    previous = None
    if backup and password and path.exists() and not is_encrypted_file(path):
        previous = encrypt(_read(path), password)
    stamp = write_atomically(path, data, backup=backup, backup_data=previous)
    if not backup:
        _remove_backup(path)
    return stamp


def _remove_backup(path: Path) -> None:
    bak = backup_path(_target(path))
    try:
        bak.unlink(missing_ok=True)
    except OSError as exc:
        raise MapFileError(
            f"{shown_name(bak.name)} could not be removed: {exc.strerror or exc}."
        ) from None


def change_password(
    path: str | os.PathLike[str],
    old_password: str | None,
    new_password: str | None,
    smap: StakeholderMap | None = None,
    *,
    backup: bool = True,
) -> FileStamp:
    """Set, change (``new_password``) or remove (``None``) the password of a saved map.

    Without ``smap`` the saved map is rewritten and its backup kept; with ``smap`` (the
    map open in the app) that content is saved and the file it replaces becomes the
    backup, as a save does. Either way every copy left beside the map is under the new
    password, or in the clear when it is removed: a backup that cannot be read with
    ``old_password`` is dropped, and so is any backup with ``backup=False`` (personal
    data erased since the last save). With a wrong ``old_password`` and no ``smap``,
    :class:`WrongPassword` is raised and nothing is written. Returns the map's stamp.

    The steps are ordered so that a crash at any point leaves no plain copy beside a
    protected map: with a new password the backup is rewritten (or removed) before the
    map; when the password is removed, the map is written in the clear first.
    """
    path = Path(path)
    bak = backup_path(_target(path))
    if smap is None:
        smap = load_map(path, old_password)
        source = bak
    else:
        source = path if path.exists() else bak
    previous = None
    if backup and source.exists():
        try:
            previous = file_bytes(load_map(source, old_password), new_password, bak.name)
        except MapFileError:
            previous = None  # an unreadable or foreign backup is dropped, not kept in the clear
    data = file_bytes(smap, new_password, shown_name(path.name))
    if new_password is None:
        stamp = write_atomically(path, data, backup=False)
    if previous is not None:
        write_atomically(bak, previous, backup=False)
    else:
        _remove_backup(path)
    if new_password is not None:
        stamp = write_atomically(path, data, backup=False)
    return stamp
