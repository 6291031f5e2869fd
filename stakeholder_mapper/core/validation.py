"""Validation of records and of the whole map, with messages a user can act on.

Field types and scales are declared on the model's dataclasses and checked here with
pydantic; references between records (categories, kinds, endpoints) are checked by hand.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from pydantic import TypeAdapter
from pydantic import ValidationError as PydanticError

from .i18n import _
from .limits import (
    MAX_COORDINATE,
    MAX_DEPTH,
    MAX_NUMBER_DIGITS,
    MAX_RELATIONSHIPS,
    MAX_STAKEHOLDERS,
    MAX_TEXT_CHARS,
    too_many,
)
from .model import Category, Relationship, RelationshipKind, Stakeholder, StakeholderMap

__all__ = [
    "ValidationError",
    "check_record",
    "check_relationship",
    "check_stakeholder",
    "describe_errors",
    "dump_record",
    "dump_records",
    "map_problems",
    "parse_record",
    "plan_settings_problem",
    "position_problem",
    "text_length_problem",
]


class ValidationError(ValueError):
    """An edit or a file breaks a rule; the message is one plain sentence for the user."""


@cache
def _adapter(record_type: type) -> TypeAdapter:
    return TypeAdapter(record_type)


def _location(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def describe_errors(error: PydanticError, where: str = "") -> str:
    """One sentence naming the first offending field, what is wrong and the value found.

    In English, as pydantic words it, whatever the interface language: a sentence half in
    one language and half in another reads worse than one in English.
    """
    first = error.errors(include_url=False)[0]
    loc = _location(first["loc"])
    place = ".".join(p for p in (where, loc) if p)
    message = first["msg"].replace("Input should be", "should be")
    message = message.replace("Unexpected keyword argument", "is not a known field")
    message = message.replace("Field required", "is required")
    message = re.sub(
        r"^Tuple should have at most (\d+) items after validation, not (\d+)$",
        r"should have at most \1 entries, not \2",
        message,
    )
    value = first.get("input")
    got = f" (found {value!r})" if first["type"] not in ("missing",) and _short(value) else ""
    return f"{place}: {message}{got}" if place else f"{message}{got}"


def _short(value: Any) -> bool:
    return not isinstance(value, dict | list | tuple) and len(repr(value)) <= 80


def parse_record(record_type: type, data: Any, where: str = "") -> Any:
    """Build a record of ``record_type`` from plain data, or raise :class:`ValidationError`."""
    try:
        return _adapter(record_type).validate_python(data)
    except PydanticError as exc:
        raise ValidationError(describe_errors(exc, where)) from None


def check_record(record: Any, where: str = "") -> None:
    """Check the types and scales of one record's fields."""
    parse_record(type(record), dataclasses.asdict(record), where)


def dump_record(record: Any) -> dict[str, Any]:
    """The record as JSON-ready plain data (dates as ISO text, tuples as lists)."""
    return _adapter(type(record)).dump_python(record, mode="json")


def dump_records(record_type: type, records: Iterable[Any]) -> list[dict[str, Any]]:
    """Many records of one type as JSON-ready plain data, in one fast pass."""
    return _adapter(list[record_type]).dump_python(list(records), mode="json")


def check_stakeholder(smap: StakeholderMap, stakeholder: Stakeholder, fields: bool = True) -> None:
    """Raise :class:`ValidationError` if the stakeholder cannot be put on the map.

    With ``fields=False`` only the references to the rest of the map are checked.
    """
    if fields:
        # The place names a field in pydantic's English sentence (see describe_errors).
        check_record(stakeholder, f"Stakeholder {stakeholder.label or stakeholder.id!r}")
    if not stakeholder.label.strip():
        # Users know a stakeholder by its name; the id only names one read from a file.
        current = smap.stakeholders.get(stakeholder.id)
        if current is not None and current.label.strip():
            raise ValidationError(_needs_name(current.label))
        raise ValidationError(_needs_name(stakeholder.id))
    if stakeholder.category not in smap.categories:
        raise ValidationError(
            _("Stakeholder {name}: unknown category {category}.").format(
                name=repr(stakeholder.label), category=repr(stakeholder.category)
            )
        )


def _needs_name(name: str) -> str:
    return _("Stakeholder {name} needs a name.").format(name=repr(name))


def check_relationship(
    smap: StakeholderMap, relationship: Relationship, fields: bool = True
) -> None:
    """Raise :class:`ValidationError` if the relationship cannot be put on the map.

    With ``fields=False`` only the references to the rest of the map are checked.
    """
    if fields:
        check_record(relationship, f"Relationship {relationship.id!r}")
    for end in ("source", "target"):
        sid = getattr(relationship, end)
        if sid not in smap.stakeholders:
            message = (
                _("Relationship {id}: source {sid} is not a stakeholder on this map.")
                if end == "source"
                else _("Relationship {id}: target {sid} is not a stakeholder on this map.")
            )
            raise ValidationError(message.format(id=repr(relationship.id), sid=repr(sid)))
    if relationship.source == relationship.target:
        name = smap.stakeholders[relationship.source].label
        raise ValidationError(
            _("Relationship {id}: {name} cannot have a relationship with itself.").format(
                id=repr(relationship.id), name=repr(name)
            )
        )
    if relationship.kind not in smap.kinds:
        raise ValidationError(
            _("Relationship {id}: unknown relationship kind {kind}.").format(
                id=repr(relationship.id), kind=repr(relationship.kind)
            )
        )


def position_problem(sid: str, xy: tuple[float, float]) -> str | None:
    """What is wrong with a canvas position, or ``None``: finite, within ±MAX_COORDINATE."""
    if all(math.isfinite(v) and abs(v) <= MAX_COORDINATE for v in xy):
        return None
    return _(
        "layout.positions.{sid}: should be a pair of numbers between -{limit} and {limit} "
        "(found [{x}, {y}])."
    ).format(sid=sid, limit=f"{MAX_COORDINATE:,.0f}", x=f"{xy[0]:.6g}", y=f"{xy[1]:.6g}")


def text_length_problem(record: Any, where: str) -> str | None:
    """The first text of a record longer than :data:`MAX_TEXT_CHARS`, as a sentence, or ``None``."""
    stack: list[tuple[str, Any]] = [(where, record)]
    while stack:
        place, value = stack.pop()
        if isinstance(value, str):
            if len(value) > MAX_TEXT_CHARS:
                return _too_long(place)
        elif isinstance(value, tuple | list):
            stack.extend((f"{place}[{i}]", v) for i, v in enumerate(value))
        elif isinstance(value, dict):
            stack.extend((f"{place}.{k}", v) for k, v in value.items())
            stack.extend((_("{place} (a field name)").format(place=place), k) for k in value)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            stack.extend(
                (f"{place}.{f.name}", getattr(value, f.name)) for f in dataclasses.fields(value)
            )
    return None


def _too_long(place: str) -> str:
    return _("{place} is longer than {limit} characters.").format(
        place=place, limit=f"{MAX_TEXT_CHARS:,}"
    )


def plan_settings_problem(settings: Any) -> str | None:
    """What keeps the plan settings from being saved and read back, or ``None``.

    They are plain JSON data within the limits a project file is read with: nesting,
    digits of a number, finite numbers, length of a text (walked without recursion).
    """
    stack: list[tuple[str, Any, int]] = [("plan_settings", settings, 0)]
    while stack:
        place, value, depth = stack.pop()
        if depth >= MAX_DEPTH and isinstance(value, list | dict):
            # As a project file counts it: plan_settings itself is one level down.
            return _("plan_settings is nested more than {depth} levels deep.").format(
                depth=MAX_DEPTH
            )
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int):
            if abs(value) >= 10**MAX_NUMBER_DIGITS:
                return _("{place}: a number has more than {digits} digits.").format(
                    place=place, digits=MAX_NUMBER_DIGITS
                )
        elif isinstance(value, float):
            if not math.isfinite(value):
                return _("{place}: {value} is not a valid number.").format(place=place, value=value)
        elif isinstance(value, str):
            if len(value) > MAX_TEXT_CHARS:
                return _too_long(place)
        elif isinstance(value, list):
            stack.extend((f"{place}[{i}]", v, depth + 1) for i, v in enumerate(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str) or len(key) > MAX_TEXT_CHARS:
                    return _("{place} has a field name that is not a short text.").format(
                        place=place
                    )
                stack.append((f"{place}.{key}", item, depth + 1))
        else:
            return _("{place}: {type} is not plain data.").format(
                place=place, type=type(value).__name__
            )
    return None


def map_problems(smap: StakeholderMap, fields: bool = True) -> list[str]:
    """Every rule the map breaks, one sentence each; an empty list means the map is valid.

    ``fields=False`` skips the per-field checks (for records just parsed from a file,
    whose texts the reader has bounded already).
    """
    problems: list[str] = [
        too_many(_("The map"), what, limit)
        for what, records, limit in (
            ("stakeholders", smap.stakeholders, MAX_STAKEHOLDERS),
            ("relationships", smap.relationships, MAX_RELATIONSHIPS),
        )
        if len(records) > limit
    ]
    if fields:
        for section, records in (
            ("categories", smap.categories),
            ("kinds", smap.kinds),
            ("stakeholders", smap.stakeholders),
            ("relationships", smap.relationships),
        ):
            for key, record in records.items():
                problem = text_length_problem(record, f"{section}.{key}")
                if problem:
                    problems.append(problem)
        problem = text_length_problem(smap.info, "map")
        if problem:
            problems.append(problem)
    for sid, xy in smap.positions.items():
        problem = position_problem(sid, xy)
        if problem:
            problems.append(problem)
    problem = plan_settings_problem(smap.plan_settings)
    if problem:
        problems.append(problem)
    for record_type, records in (
        (Category, smap.categories),
        (RelationshipKind, smap.kinds),
    ):
        for key, record in records.items():
            if key != record.id:
                problems.append(
                    _("{type} {key} is stored under another id.").format(
                        type=record_type.__name__, key=repr(key)
                    )
                )
    for checker, records in (
        (check_stakeholder, smap.stakeholders),
        (check_relationship, smap.relationships),
    ):
        for key, record in records.items():
            if key != record.id:
                problems.append(
                    _("Record {id} is stored under id {key}.").format(
                        id=repr(record.id), key=repr(key)
                    )
                )
            try:
                checker(smap, record, fields)
            except ValidationError as exc:
                problems.append(str(exc))
    clash = smap.stakeholders.keys() & smap.relationships.keys()
    problems.extend(
        _("Duplicate id {id}: used by a stakeholder and a relationship.").format(id=repr(i))
        for i in clash
    )
    for sid in smap.positions.keys() - smap.stakeholders.keys():
        problems.append(
            _("Layout has a position for unknown stakeholder {sid}.").format(sid=repr(sid))
        )
    return problems
