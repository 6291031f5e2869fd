"""The editable fields of stakeholders and relationships, shown and parsed the same way everywhere.

Tables and the inspector use these descriptions to show a value as text and to turn what
the user typed back into a value, with one plain sentence when the text is not valid.
Engagement fields are addressed as ``"engagement.<name>"``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from ...core.i18n import N_, _
from ...core.model import (
    ENGAGEMENT_STAGES,
    LEVELS,
    MOU_STATUSES,
    SCALES,
    SENSITIVITIES,
    Relationship,
    Stakeholder,
    StakeholderMap,
)
from ...core.quick_entry import QuickEntryError, match_category, match_kind
from ...core.validation import ValidationError

__all__ = [
    "COLOUR_FORMAT",
    "RELATIONSHIP_FIELDS",
    "STAKEHOLDER_FIELDS",
    "UNKNOWN",
    "Field",
    "changes_for",
]

UNKNOWN = "unknown"
#: A colour typed in another form than #RRGGBB.
COLOUR_FORMAT = N_(
    "{field} should be written #RRGGBB, or empty for the category's (found {found})."
)


@dataclass(frozen=True)
class Field:
    """One editable field: its name on the record, its header, and how it is typed.

    ``kind`` is one of ``text``, ``longtext``, ``int``, ``choice``, ``tags``, ``principles``,
    ``bool``, ``date``, ``colour`` (``#RRGGBB``), ``category``, ``kind``, ``stakeholder``
    (read-only reference).
    """

    name: str
    header: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    optional: bool = True
    editable: bool = True

    @property
    def title(self) -> str:
        """The header as the user reads it, in the interface language."""
        return _(self.header)

    def get(self, record: Any) -> Any:
        """The field's value on ``record`` (following ``engagement.``)."""
        for part in self.name.split("."):
            record = getattr(record, part)
        return record

    def display(self, value: Any, smap: StakeholderMap) -> str:
        """The value as text for a table cell."""
        if value is None:
            return UNKNOWN if self.kind in ("int", "choice", "bool") else ""
        if self.kind == "category":
            category = smap.categories.get(value)
            return category.name if category else value
        if self.kind == "kind":
            kind = smap.kinds.get(value)
            return kind.name if kind else value
        if self.kind == "stakeholder":
            stakeholder = smap.stakeholders.get(value)
            return stakeholder.label if stakeholder else value
        if self.kind in ("tags", "principles"):
            return ", ".join(str(v) for v in value)
        if self.kind == "bool":
            return "yes" if value else "no"
        if self.kind == "int" and self.low is not None and self.low < 0 and value > 0:
            return f"+{value}"
        return str(value)

    def sort_key(self, value: Any, smap: StakeholderMap) -> Any:
        """A value Qt can compare for sorting: numbers for scales, folded text otherwise."""
        if self.kind == "int":
            return float("-inf") if value is None else float(value)
        return self.display(value, smap).casefold()

    def parse(self, text: str, smap: StakeholderMap) -> Any:
        """Turn typed text into a value; raise :class:`ValidationError` naming the field."""
        text = text.strip()
        if self.kind in ("text", "longtext"):
            return text
        if text == "" or text.casefold() == UNKNOWN:
            if self.kind in ("tags", "principles"):
                return ()
            if self.optional:
                return None
            raise ValidationError(_("{field} cannot be empty.").format(field=self.title))
        if self.kind == "int":
            try:
                value = int(text)
            except ValueError:
                raise ValidationError(self._range_message(text)) from None
            if (self.low is not None and value < self.low) or (
                self.high is not None and value > self.high
            ):
                raise ValidationError(self._range_message(text))
            return value
        if self.kind == "choice":
            for choice in self.choices:
                if choice.casefold() == text.casefold():
                    return choice
            raise ValidationError(
                _("{field} should be one of {choices} (found {found}).").format(
                    field=self.title, choices=", ".join(self.choices), found=repr(text)
                )
            )
        if self.kind == "category":
            names = {c.id: c.name for c in smap.categories.values()}
            return _lookup(text, names, self.title, partial(match_category, smap))
        if self.kind == "kind":
            names = {k.id: k.name for k in smap.kinds.values()}
            return _lookup(text, names, self.title, partial(match_kind, smap))
        if self.kind == "tags":
            return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))
        if self.kind == "principles":
            try:
                numbers = tuple(sorted({int(p) for p in text.split(",") if p.strip()}))
            except ValueError:
                numbers = (0,)
            if any(not 1 <= n <= 12 for n in numbers):
                raise ValidationError(
                    _(
                        "{field} should be numbers from 1 to 12 separated by commas "
                        "(found {found})."
                    ).format(field=self.title, found=repr(text))
                )
            return numbers
        if self.kind == "bool":
            if text.casefold() in ("yes", "true", "1", "y"):
                return True
            if text.casefold() in ("no", "false", "0", "n"):
                return False
            raise ValidationError(
                _("{field} should be yes or no (found {found}).").format(
                    field=self.title, found=repr(text)
                )
            )
        if self.kind == "colour":
            if not re.fullmatch(r"#[0-9a-fA-F]{6}", text):
                raise ValidationError(_(COLOUR_FORMAT).format(field=self.title, found=repr(text)))
            return text.upper()
        if self.kind == "date":
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                raise ValidationError(
                    _("{field} should be a date like 2027-03-31 (found {found}).").format(
                        field=self.title, found=repr(text)
                    )
                ) from None
        raise ValidationError(_("{field} cannot be edited here.").format(field=self.title))

    def _range_message(self, text: str) -> str:
        if self.optional:
            message = _(
                "{field} should be a whole number from {low} to {high}, or empty for unknown "
                "(found {found})."
            )
        else:
            message = _("{field} should be a whole number from {low} to {high} (found {found}).")
        return message.format(field=self.title, low=self.low, high=self.high, found=repr(text))


def _lookup(text: str, names: dict[str, str], header: str, match: Callable[[str], str]) -> str:
    """The id named by ``text``: an id, a name, or the start of only one of them, as quick
    entry reads it (``match``), so that "Emerg" is understood in a table cell too."""
    try:
        return match(text)
    except QuickEntryError:
        wanted = text.casefold()
        starts = [
            name
            for key, name in names.items()
            if key.casefold().startswith(wanted)
            or any(word.casefold().startswith(wanted) for word in name.split())
        ]
    if len(starts) > 1:
        more = ", …" if len(starts) > 3 else ""
        raise ValidationError(
            _("{end}: {found} could be {names}; type more of the name.").format(
                end=header, found=repr(text), names=", ".join(starts[:3]) + more
            )
        )
    raise ValidationError(
        _("{field}: there is no {found} on this map.").format(field=header, found=repr(text))
    )


def _scale(name: str, header: str) -> Field:
    low, high = SCALES[name]
    return Field(name, header, "int", low=low, high=high)


#: Stakeholder fields in the order of the table columns and the inspector form.
STAKEHOLDER_FIELDS: tuple[Field, ...] = (
    Field("label", N_("Name"), optional=False),
    Field("category", N_("Category"), "category", optional=False),
    Field("organisation", N_("Organisation")),
    Field("role", N_("Role")),
    Field("level", N_("Level"), "choice", LEVELS),
    _scale("power", N_("Power")),
    Field("influence", N_("Influence tower"), "int", low=0, high=1000),
    _scale("interest", N_("Interest")),
    _scale("position", N_("Position")),
    _scale("trust", N_("Trust in us")),
    Field("focal_point", N_("Focal point")),
    Field("tags", N_("Tags"), "tags"),
    Field("principles", N_("Principles"), "principles"),
    Field("sensitivity", N_("Sensitivity"), "choice", SENSITIVITIES, optional=False),
    Field("review_date", N_("Review date"), "date"),
    Field("source", N_("Source")),
    Field("informed", N_("Informed"), "bool"),
    # A colour from Gephi or yEd, drawn over the category's; empty for the category's.
    Field("colour", N_("Own colour"), "colour"),
    Field("notes", N_("Notes"), "longtext"),
    Field("engagement.stage", N_("Engagement stage"), "choice", ENGAGEMENT_STAGES),
    Field("engagement.mou_status", N_("MoU status"), "choice", MOU_STATUSES, optional=False),
    Field("engagement.objective", N_("Objective"), "longtext"),
    Field("engagement.desired_change", N_("Desired change"), "longtext"),
    Field("engagement.ask", N_("The ask"), "longtext"),
    Field("engagement.key_messages", N_("Key messages"), "longtext"),
    Field("engagement.approach", N_("Approach"), "longtext"),
    Field("engagement.messenger", N_("Messenger")),
    Field("engagement.channel", N_("Channel")),
    Field("engagement.owner", N_("Owner")),
    Field("engagement.next_action", N_("Next action")),
    Field("engagement.due_date", N_("Due date"), "date"),
    Field("engagement.timing_window", N_("Timing window")),
    Field("engagement.expect_to_see", N_("Expect to see"), "longtext"),
    Field("engagement.like_to_see", N_("Like to see"), "longtext"),
    Field("engagement.love_to_see", N_("Love to see"), "longtext"),
    Field("engagement.risks", N_("Risks"), "longtext"),
)

#: Relationship fields in the order of the table columns and the inspector form.
RELATIONSHIP_FIELDS: tuple[Field, ...] = (
    Field("source", N_("From"), "stakeholder", editable=False),
    Field("target", N_("To"), "stakeholder", editable=False),
    Field("kind", N_("Kind"), "kind", optional=False),
    Field("strength", N_("Strength"), "int", low=1, high=5, optional=False),
    Field("valence", N_("Valence"), "choice", ("positive", "negative"), optional=False),
    Field("directed", N_("Directed"), "bool", optional=False),
    Field("confidence", N_("Confidence"), "choice", ("confirmed", "assumed"), optional=False),
    Field("notes", N_("Notes"), "longtext"),
)


def changes_for(record: Stakeholder | Relationship, field: Field, value: Any) -> dict[str, Any]:
    """The keyword changes of an ``Update*`` command that set ``field`` to ``value``."""
    if field.name.startswith("engagement."):
        name = field.name.split(".", 1)[1]
        return {"engagement": dataclasses.replace(record.engagement, **{name: value})}
    return {field.name: value}
