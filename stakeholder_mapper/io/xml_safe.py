"""A copy of a map whose texts any XML writer can hold (the Word plan, above all).

A label with a control character (``"A\\x01B"``, from a paste or an old import) made
python-docx fail with "All strings must be XML compatible". The map keeps what the user
typed; writers work on this copy, where the characters of
:data:`~stakeholder_mapper.core.limits.XML_ILLEGAL` are removed from every text.
Ids and the references between records are left as they are (they are never printed),
so that the copy stays a consistent map.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..core.limits import XML_ILLEGAL
from ..core.model import StakeholderMap

__all__ = ["xml_safe_map", "xml_safe_text"]

# Fields and keys that hold ids: left alone so that references still match.
_REFERENCES = frozenset({"id", "source", "target", "category", "kind", "stakeholder"})


def xml_safe_text(text: str) -> str:
    """``text`` without the characters no XML document can hold."""
    return XML_ILLEGAL.sub("", text) if XML_ILLEGAL.search(text) else text


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return xml_safe_text(value)
    if isinstance(value, tuple | list):
        return type(value)(_clean(v) for v in value)
    if isinstance(value, dict):
        return {
            _clean(k) if isinstance(k, str) else k: v if k in _REFERENCES else _clean(v)
            for k, v in value.items()
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if f.name in _REFERENCES:
                continue
            old = getattr(value, f.name)
            new = _clean(old)
            if new != old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def xml_safe_map(smap: StakeholderMap) -> StakeholderMap:
    """A copy of ``smap`` with every text XML-safe; ``smap`` itself if nothing needs it."""
    clean = smap.copy()
    clean.info = _clean(smap.info)
    for name in ("categories", "kinds", "stakeholders", "relationships"):
        setattr(clean, name, {k: _clean(r) for k, r in getattr(smap, name).items()})
    clean.snapshots = [_clean(s) for s in smap.snapshots]
    clean.plan_settings = _clean(smap.plan_settings)
    return smap if clean == smap else clean
