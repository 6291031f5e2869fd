"""What the Partner and Public versions say where they withhold something, and how the
Public version prints counts. No Qt.

A reader must not learn from a shared version what it leaves out: "No progress markers
recorded yet" would be false where they were only withheld, "No trusted route yet"
changes with the attitudes the version hides, and a count of 1 in a Public table points
at one actor. Every sentence is whole, with named placeholders, for the message
catalogue.
"""

from __future__ import annotations

from ...core.i18n import N_, _, format_number, ngettext
from ...core.wording import counted

__all__ = [
    "FEWER_THAN",
    "FEWER_THAN_COUNTED",
    "MIN_PUBLIC_COUNT",
    "NOT_SHARED_ROW",
    "NO_ACTIONS_SHARED",
    "NO_NEXT_ACTION_SHARED",
    "NO_ROUTE_SHARED",
    "NO_ROUTE_SHARED_CELL",
    "NO_ROUTE_SHARED_SHORT",
    "PROGRESS_WITHHELD",
    "PUBLIC_METHOD",
    "PURPOSE_WITHHELD",
    "SHARED_TEXT_NOTE",
    "SMALL_COUNTS_NOTE",
    "TABLE_COUNTS_NOTE",
    "UNSHARED_FOR_CLOSE",
    "public_count",
    "public_counted",
]

#: The smallest count a Public version prints; smaller ones (but 0) read "fewer than 3".
MIN_PUBLIC_COUNT = 3
FEWER_THAN = N_("fewer than {threshold}")
FEWER_THAN_COUNTED = N_("fewer than {threshold} {nouns}")
#: A count whose noun takes the form that "fewer than 3" needs: the plural in English,
#: French and Spanish, the genitive plural in Russian, the plural in Arabic.
_MANY = 5
#: Said once under each Public table, figure or sentence that suppresses small counts.
SMALL_COUNTS_NOTE = N_(
    "Counts of 1 or 2 are shown as “fewer than 3” so that no single stakeholder can be recognised."
)
#: Said once under each Public table or figure of counts (see :mod:`.disclosure`).
TABLE_COUNTS_NOTE = N_(
    "Counts of 1 or 2 are shown as “<3” so that no single stakeholder can be recognised; "
    "where a total would let a reader work one out, a second count is shown as “≥3” (or "
    "“c”, withheld) and totals are given as ranges."
)
#: The annex of a shared version on the user's own words.
SHARED_TEXT_NOTE = N_(
    "The branch's own texts appear only where it marked them for this version; groups and "
    "kinds of ties it did not mark are called “Group A”, “Tie kind 1” and so on."
)
#: Where the map's purpose is recorded but not marked for this version.
PURPOSE_WITHHELD = N_("The purpose recorded by the branch is not shared in this version.")
#: Where progress markers may be recorded but are never shared below Full.
PROGRESS_WITHHELD = N_(
    "What the branch expects, would like and would love to see each stakeholder do is not "
    "shared in this version."
)
#: Where a shared version has no next action for a stakeholder: none recorded, or not
#: marked for sharing; it cannot tell which.
NO_NEXT_ACTION_SHARED = N_("No next action shared in this version.")
NO_ACTIONS_SHARED = N_("No next actions are shared in this version.")
#: The sheet row listing the fields a shared version shows empty.
NOT_SHARED_ROW = N_("Not shared in this version")
UNSHARED_FOR_CLOSE = N_(
    "No next action is shared in this version for {count} to manage closely: {names}."
)
#: A Partner version's word for a stakeholder without a suggested first contact: the
#: same whatever the attitudes behind it.
NO_ROUTE_SHARED = N_("The first contact is to be agreed with the branch.")
NO_ROUTE_SHARED_CELL = N_("to be agreed with the branch")
NO_ROUTE_SHARED_SHORT = N_("first contact to be agreed with the branch")
#: The Public annex's method: the ratings it shows, nothing of the attitudes recorded.
PUBLIC_METHOD = N_(
    "Stakeholders and their relationships were recorded by branch staff and workshop "
    "participants. Power, interest and relationship strength are rated on 1–5; ratings are "
    "judgements, not measurements. Unknown values stay unknown and are never counted as zero."
)


def public_count(n: int) -> str:
    """A count as a Public version prints it: '0', '3', '12', or 'fewer than 3' for 1 and 2."""
    if 0 < n < MIN_PUBLIC_COUNT:
        return _(FEWER_THAN).format(threshold=MIN_PUBLIC_COUNT)
    return format_number(n)


def public_counted(n: int, noun: str, plural: str | None = None) -> str:
    """:func:`~stakeholder_mapper.core.wording.counted` with small counts suppressed:
    '4 stakeholders', 'fewer than 3 stakeholders'."""
    if 0 < n < MIN_PUBLIC_COUNT:
        nouns = ngettext(noun, plural or f"{noun}s", _MANY)
        return _(FEWER_THAN_COUNTED).format(threshold=MIN_PUBLIC_COUNT, nouns=nouns)
    return counted(n, noun, plural)
