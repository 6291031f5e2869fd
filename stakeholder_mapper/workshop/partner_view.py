"""What a workshop room may show participants: the map at Partner level.

The room is built from :func:`stakeholder_mapper.io.redact.redact` at ``"partner"``, the
same rules as a Partner plan or export: confidential stakeholders left out, a label that
names a person replaced by the role or organisation, withheld category and kind names
replaced by neutral ones, and neutral ids (``s1``, ``s2``), since ids imported from a
spreadsheet are sometimes made from names. The view keeps the way back to the map's ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import StakeholderMap
from ..io.redact import RedactedIds, redact

__all__ = ["PartnerView", "partner_view"]


@dataclass(frozen=True)
class PartnerView:
    """The room's stakeholders and kinds under neutral ids, and the map's id of each."""

    #: Neutral id -> (name, category name) that participants see.
    stakeholders: dict[str, tuple[str, str]]
    #: Neutral kind id -> kind name.
    kinds: dict[str, str]
    #: Map id -> neutral id, and back.
    to_room: dict[str, str]
    from_room: dict[str, str]
    #: Neutral kind id -> the map's kind id.
    kind_from_room: dict[str, str]


def partner_view(smap: StakeholderMap) -> PartnerView:
    """The map as a workshop room shows it (Partner level, neutral ids)."""
    ids = RedactedIds()
    shown = redact(smap, "partner", ids)
    stakeholders: dict[str, tuple[str, str]] = {}
    for neutral in ids.stakeholders.values():
        s = shown.stakeholders[neutral]
        category = shown.categories.get(s.category)
        stakeholders[neutral] = (s.label, category.name if category else "")
    withheld = {ids.kind(old).id: old for old in list(ids.kinds)}
    kinds = {k.id: k.name for k in shown.kinds.values()}
    return PartnerView(
        stakeholders=stakeholders,
        kinds=kinds,
        to_room=dict(ids.stakeholders),
        from_room={new: old for old, new in ids.stakeholders.items()},
        kind_from_room={k: withheld.get(k, k) for k in kinds},
    )
