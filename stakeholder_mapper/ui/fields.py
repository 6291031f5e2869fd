"""The editable fields of stakeholders and relationships, shown and parsed the same way everywhere.

Tables and the inspector use these descriptions to show a value as text and to turn what
the user typed back into a value, with one plain sentence when the text is not valid.
Engagement fields are addressed as ``"engagement.<name>"``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..core.model import (
    ENGAGEMENT_STAGES,
    LEVELS,
    MOU_STATUSES,
    SCALES,
    SENSITIVITIES,
    Relationship,
    Stakeholder,
    StakeholderMap,
)
from ..core.validation import ValidationError

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
COLOUR_FORMAT = "{field} should be written #RRGGBB, or empty for the category's (found {found})."


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
            raise ValidationError(f"{self.header} cannot be empty.")
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
                f"{self.header} should be one of {', '.join(self.choices)} (found {text!r})."
            )
        if self.kind == "category":
            return _lookup(text, {c.id: c.name for c in smap.categories.values()}, self.header)
        if self.kind == "kind":
            return _lookup(text, {k.id: k.name for k in smap.kinds.values()}, self.header)
        if self.kind == "tags":
            return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))
        if self.kind == "principles":
            try:
                numbers = tuple(sorted({int(p) for p in text.split(",") if p.strip()}))
            except ValueError:
                numbers = (0,)
            if any(not 1 <= n <= 12 for n in numbers):
                raise ValidationError(
                    f"{self.header} should be numbers from 1 to 12 separated by commas "
                    f"(found {text!r})."
                )
            return numbers
        if self.kind == "bool":
            if text.casefold() in ("yes", "true", "1", "y"):
                return True
            if text.casefold() in ("no", "false", "0", "n"):
                return False
            raise ValidationError(f"{self.header} should be yes or no (found {text!r}).")
        if self.kind == "colour":
            if not re.fullmatch(r"#[0-9a-fA-F]{6}", text):
                raise ValidationError(COLOUR_FORMAT.format(field=self.header, found=repr(text)))
            return text.upper()
        if self.kind == "date":
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                raise ValidationError(
                    f"{self.header} should be a date like 2027-03-31 (found {text!r})."
                ) from None
        raise ValidationError(f"{self.header} cannot be edited here.")

    def _range_message(self, text: str) -> str:
        unknown = ", or empty for unknown" if self.optional else ""
        return (
            f"{self.header} should be a whole number from {self.low} to {self.high}"
            f"{unknown} (found {text!r})."
        )


def _lookup(text: str, names: dict[str, str], header: str) -> str:
    wanted = text.casefold()
    for key, name in names.items():
        if wanted in (key.casefold(), name.casefold()):
            return key
    raise ValidationError(f"{header}: there is no {text!r} on this map.")


def _scale(name: str, header: str) -> Field:
    low, high = SCALES[name]
    return Field(name, header, "int", low=low, high=high)


#: Stakeholder fields in the order of the table columns and the inspector form.
STAKEHOLDER_FIELDS: tuple[Field, ...] = (
    Field("label", "Name", optional=False),
    Field("category", "Category", "category", optional=False),
    Field("organisation", "Organisation"),
    Field("role", "Role"),
    Field("level", "Level", "choice", LEVELS),
    _scale("power", "Power"),
    Field("influence", "Influence tower", "int", low=0, high=1000),
    _scale("interest", "Interest"),
    _scale("position", "Position"),
    _scale("trust", "Trust in us"),
    Field("focal_point", "Focal point"),
    Field("tags", "Tags", "tags"),
    Field("principles", "Principles", "principles"),
    Field("sensitivity", "Sensitivity", "choice", SENSITIVITIES, optional=False),
    Field("review_date", "Review date", "date"),
    Field("source", "Source"),
    Field("informed", "Informed", "bool"),
    # A colour from Gephi or yEd, drawn over the category's; empty for the category's.
    Field("colour", "Own colour", "colour"),
    Field("notes", "Notes", "longtext"),
    Field("engagement.stage", "Engagement stage", "choice", ENGAGEMENT_STAGES),
    Field("engagement.mou_status", "MoU status", "choice", MOU_STATUSES, optional=False),
    Field("engagement.objective", "Objective", "longtext"),
    Field("engagement.desired_change", "Desired change", "longtext"),
    Field("engagement.ask", "The ask", "longtext"),
    Field("engagement.key_messages", "Key messages", "longtext"),
    Field("engagement.approach", "Approach", "longtext"),
    Field("engagement.messenger", "Messenger"),
    Field("engagement.channel", "Channel"),
    Field("engagement.owner", "Owner"),
    Field("engagement.next_action", "Next action"),
    Field("engagement.due_date", "Due date", "date"),
    Field("engagement.timing_window", "Timing window"),
    Field("engagement.expect_to_see", "Expect to see", "longtext"),
    Field("engagement.like_to_see", "Like to see", "longtext"),
    Field("engagement.love_to_see", "Love to see", "longtext"),
    Field("engagement.risks", "Risks", "longtext"),
)

#: Relationship fields in the order of the table columns and the inspector form.
RELATIONSHIP_FIELDS: tuple[Field, ...] = (
    Field("source", "From", "stakeholder", editable=False),
    Field("target", "To", "stakeholder", editable=False),
    Field("kind", "Kind", "kind", optional=False),
    Field("strength", "Strength", "int", low=1, high=5, optional=False),
    Field("valence", "Valence", "choice", ("positive", "negative"), optional=False),
    Field("directed", "Directed", "bool", optional=False),
    Field("confidence", "Confidence", "choice", ("confirmed", "assumed"), optional=False),
    Field("notes", "Notes", "longtext"),
)


def changes_for(record: Stakeholder | Relationship, field: Field, value: Any) -> dict[str, Any]:
    """The keyword changes of an ``Update*`` command that set ``field`` to ``value``."""
    if field.name.startswith("engagement."):
        name = field.name.split(".", 1)[1]
        return {"engagement": dataclasses.replace(record.engagement, **{name: value})}
    return {field.name: value}
