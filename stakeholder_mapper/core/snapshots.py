"""Undoable snapshot edits: take, rename, delete and restore named, dated copies of the map.

A snapshot's ``content`` is the map as the project file stores it (without snapshots).
Turning a map into that content and back is the file layer's job
(:func:`stakeholder_mapper.io.project.snapshot_content` and
:func:`~stakeholder_mapper.io.project.snapshot_map`), so the caller passes the content
or the restored map in and these commands stay free of file formats.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from .commands import Command
from .model import Snapshot, StakeholderMap
from .validation import ValidationError

__all__ = [
    "DeleteSnapshot",
    "RenameSnapshot",
    "RestoreSnapshot",
    "TakeSnapshot",
    "content_copy",
]


def _find(smap: StakeholderMap, snapshot_id: str) -> int:
    for index, snapshot in enumerate(smap.snapshots):
        if snapshot.id == snapshot_id:
            return index
    raise ValidationError(f"Snapshot {snapshot_id!r} is not in this map.")


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValidationError("A snapshot needs a name.")
    return name


class TakeSnapshot(Command):
    """Keep a named, dated copy of the map as it is now.

    ``content`` is the current map in project-file form (``snapshot_content(smap)``);
    ``created`` defaults to now, in local time with its UTC offset.
    """

    def __init__(
        self,
        smap: StakeholderMap,
        name: str,
        content: dict[str, Any],
        created: dt.datetime | None = None,
    ) -> None:
        if not isinstance(content, dict):
            raise ValidationError("A snapshot's content should be a map in project-file form.")
        used = {s.id for s in smap.snapshots}
        n = len(used) + 1
        while f"snap{n}" in used:
            n += 1
        when = created or dt.datetime.now().astimezone().replace(microsecond=0)
        self.smap = smap
        self.snapshot = Snapshot(f"snap{n}", _clean_name(name), when, content)
        self.text = f"Take snapshot {self.snapshot.name}"

    def redo(self) -> None:
        self.smap.set_snapshots([*self.smap.snapshots, self.snapshot])

    def undo(self) -> None:
        self.smap.set_snapshots([s for s in self.smap.snapshots if s.id != self.snapshot.id])


class RenameSnapshot(Command):
    """Give a snapshot another name."""

    def __init__(self, smap: StakeholderMap, snapshot_id: str, name: str) -> None:
        self.smap = smap
        self.old = smap.snapshots[_find(smap, snapshot_id)]
        self.new = dataclasses.replace(self.old, name=_clean_name(name))
        self.text = f"Rename snapshot {self.old.name} to {self.new.name}"

    def _put(self, snapshot: Snapshot) -> None:
        snapshots = list(self.smap.snapshots)
        snapshots[_find(self.smap, snapshot.id)] = snapshot
        self.smap.set_snapshots(snapshots)

    def redo(self) -> None:
        self._put(self.new)

    def undo(self) -> None:
        self._put(self.old)


class DeleteSnapshot(Command):
    """Remove a snapshot; undo puts it back in its place in the list."""

    def __init__(self, smap: StakeholderMap, snapshot_id: str) -> None:
        self.smap = smap
        self.index = _find(smap, snapshot_id)
        self.snapshot = smap.snapshots[self.index]
        self.text = f"Delete snapshot {self.snapshot.name}"

    def redo(self) -> None:
        self.smap.set_snapshots([s for s in self.smap.snapshots if s.id != self.snapshot.id])

    def undo(self) -> None:
        snapshots = list(self.smap.snapshots)
        snapshots.insert(self.index, self.snapshot)
        self.smap.set_snapshots(snapshots)


def content_copy(smap: StakeholderMap) -> StakeholderMap:
    """A copy of the map that later edits of ``smap`` do not reach (see
    :meth:`StakeholderMap.copy`)."""
    return smap.copy()


class RestoreSnapshot(Command):
    """Replace the whole map with a snapshot's content; undo brings the current map back.

    ``restored`` is the snapshot's content as a map (``snapshot_map(snapshot)``). The
    list of snapshots itself is kept as it is: restoring never loses a snapshot.
    """

    def __init__(self, smap: StakeholderMap, snapshot_id: str, restored: StakeholderMap) -> None:
        self.smap = smap
        self.snapshot = smap.snapshots[_find(smap, snapshot_id)]
        self.before = smap.copy()
        self.after = restored.copy()
        self.text = f"Restore snapshot {self.snapshot.name}"

    def _replace(self, content: StakeholderMap) -> None:
        fresh = content.copy()
        fresh.snapshots = list(self.smap.snapshots)
        self.smap.replace_content(fresh)

    def redo(self) -> None:
        self._replace(self.after)

    def undo(self) -> None:
        self._replace(self.before)
