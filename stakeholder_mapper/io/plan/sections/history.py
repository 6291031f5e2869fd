"""The engagement history: what the stakeholders' logs record, summed up, and the latest
interactions (the Full version only: the log names people and outcomes)."""

from __future__ import annotations

from collections import Counter

from ....core.i18n import N_, _, pgettext
from ....core.wording import counted
from ..context import PlanContext
from ..options import SECTIONS
from ..wording import date_or_blank, names_list
from ..writer import PlanWriter

__all__ = ["write"]

#: Latest interactions listed at most.
MAX_LATEST = 12
#: The summary ({...}: counts, names and dates).
SUMMARY = N_(
    "The log records {interactions} with {stakeholders} between {first} and {last}: {kinds}."
)


def _kind_word(kind: str) -> str:
    """An interaction kind as the table names it, in the plan's language (a context of its
    own: the same English words are counted elsewhere, '3 meetings')."""
    words = {
        "meeting": pgettext("interaction kind", "meeting"),
        "letter": pgettext("interaction kind", "letter"),
        "call": pgettext("interaction kind", "call"),
        "event": pgettext("interaction kind", "event"),
        "email": pgettext("interaction kind", "e-mail"),
    }
    return words.get(kind, pgettext("interaction kind", "other interaction"))


def _kind_count(kind: str, n: int) -> str:
    """'3 meetings', '1 e-mail' in the plan's language and its plural form for ``n``."""
    if kind == "meeting":
        return counted(n, "meeting", "meetings")
    if kind == "letter":
        return counted(n, "letter", "letters")
    if kind == "call":
        return counted(n, "call", "calls")
    if kind == "event":
        return counted(n, "event", "events")
    if kind == "email":
        return counted(n, "e-mail", "e-mails")
    return counted(n, "other interaction", "other interactions")


#: The table's header.
HEADER = (N_("Date"), N_("Stakeholder"), N_("Kind"), N_("What happened"), N_("Outcome"))


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.set_landscape(False)
    w.heading(_(SECTIONS["history"]))
    entries = [(entry, sid) for sid, s in plan.smap.stakeholders.items() for entry in s.log]
    entries.sort(key=lambda pair: pair[0].date)
    kinds = Counter(entry.kind for entry, _sid in entries)
    w.para(
        _(SUMMARY).format(
            interactions=counted(len(entries), "interaction", "interactions"),
            stakeholders=counted(
                len({sid for _entry, sid in entries}), "stakeholder", "stakeholders"
            ),
            first=date_or_blank(entries[0][0].date),
            last=date_or_blank(entries[-1][0].date),
            kinds=names_list([_kind_count(kind, n) for kind, n in kinds.most_common()]),
        )
    )
    latest = entries[-MAX_LATEST:][::-1]
    if len(entries) > MAX_LATEST:
        w.para(_("The {count} latest:").format(count=MAX_LATEST))
    w.table(
        [_(h) for h in HEADER],
        [
            (
                date_or_blank(entry.date),
                plan.facts.label(sid),
                _kind_word(entry.kind),
                entry.summary,
                entry.outcome,
            )
            for entry, sid in latest
        ],
        [2.3, 3.2, 1.8, 4.5, 3.6],
    )
