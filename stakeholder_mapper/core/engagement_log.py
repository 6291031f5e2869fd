"""Undoable edits of a stakeholder's engagement log: dated meetings, letters, calls, events.

The log is kept in date order (entries of the same day in the order they were added),
which is the order the inspector shows and the plan's progress section reads.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .commands import Command
from .model import LogEntry, StakeholderMap
from .validation import ValidationError, check_record

__all__ = ["AddLogEntry", "RemoveLogEntry", "UpdateLogEntry"]


def _sorted(entries: list[LogEntry]) -> tuple[LogEntry, ...]:
    return tuple(sorted(entries, key=lambda e: e.date))


class _LogEdit(Command):
    def __init__(self, smap: StakeholderMap, stakeholder_id: str) -> None:
        if stakeholder_id not in smap.stakeholders:
            raise ValidationError(f"Stakeholder {stakeholder_id!r} is not on the map.")
        self.smap = smap
        self.old = smap.stakeholders[stakeholder_id]
        self.new = self.old

    def _entry(self, index: int) -> LogEntry:
        if not 0 <= index < len(self.old.log):
            raise ValidationError(f"{self.old.label} has no log entry number {index + 1}.")
        return self.old.log[index]

    def _set_log(self, entries: list[LogEntry]) -> None:
        self.new = dataclasses.replace(self.old, log=_sorted(entries))

    def redo(self) -> None:
        self.smap.put_stakeholder(self.new)

    def undo(self) -> None:
        self.smap.put_stakeholder(self.old)


class AddLogEntry(_LogEdit):
    """Record one interaction with a stakeholder."""

    def __init__(self, smap: StakeholderMap, stakeholder_id: str, entry: LogEntry) -> None:
        super().__init__(smap, stakeholder_id)
        check_record(entry, f"Log entry for {self.old.label!r}")
        self._set_log([*self.old.log, entry])
        self.text = f"Log {entry.kind} with {self.old.label}"


class UpdateLogEntry(_LogEdit):
    """Change fields of one log entry (``index`` counts from 0 in the stored date order)."""

    def __init__(
        self, smap: StakeholderMap, stakeholder_id: str, index: int, **changes: Any
    ) -> None:
        super().__init__(smap, stakeholder_id)
        entry = self._entry(index)
        unknown = set(changes) - set(LogEntry.__dataclass_fields__)
        if unknown:
            raise ValidationError(f"Unknown log entry field {sorted(unknown)[0]!r}.")
        edited = dataclasses.replace(entry, **changes)
        check_record(edited, f"Log entry for {self.old.label!r}")
        entries = list(self.old.log)
        entries[index] = edited
        self._set_log(entries)
        self.text = f"Edit log entry of {self.old.label}"


class RemoveLogEntry(_LogEdit):
    """Delete one log entry (``index`` counts from 0 in the stored date order)."""

    def __init__(self, smap: StakeholderMap, stakeholder_id: str, index: int) -> None:
        super().__init__(smap, stakeholder_id)
        self._entry(index)
        entries = list(self.old.log)
        del entries[index]
        self._set_log(entries)
        self.text = f"Delete log entry of {self.old.label}"
