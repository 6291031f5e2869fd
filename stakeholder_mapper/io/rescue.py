"""What can rescue the work when a map cannot be opened: its backup and its autosaves.

A save keeps the previous file as ``NAME.smap.bak`` and the app autosaves unsaved edits
to ``.NAME.smap.recovery`` (and older versions) beside the map. When the map itself is
damaged (cut short, not JSON, a bad field), these copies usually hold the work: the
desktop app offers to open each one, and the command line names them. Nothing here
writes or deletes a file.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from ..core.dates import local_time, time_of_day
from ..core.i18n import _, format_date, format_list, ngettext
from ..core.model import StakeholderMap
from .project import backup_path, is_encrypted_file, load_map
from .recovery import find_recoveries

__all__ = ["RescueCopy", "rescue_copies", "rescue_hint"]


@dataclass(frozen=True)
class RescueCopy:
    """A copy of a map that may hold its work: the backup or one autosave."""

    #: The copy's file.
    path: Path
    #: ``"backup"`` (the file before the last save) or ``"autosave"`` (unsaved edits).
    kind: str
    #: When the copy was written.
    saved: dt.datetime
    #: Whether it is protected by the map's password.
    encrypted: bool

    def when(self) -> str:
        """E.g. ``"4 Dec 2026 14:03"``, for a button or a line of text."""
        moment = local_time(self.saved)
        return f"{format_date(moment, short=True)} {time_of_day(moment)}"

    def describe(self) -> str:
        """E.g. ``"the backup city.smap.bak (saved 4 Dec 2026 14:03)"``."""
        sentence = (
            _("the backup {name} (saved {when})")
            if self.kind == "backup"
            else _("the autosave {name} (saved {when})")
        )
        return sentence.format(name=self.path.name, when=self.when())

    def load(self, password: str | None = None) -> StakeholderMap:
        """The map this copy holds; raises :class:`~.errors.MapFileError` in one sentence."""
        return load_map(self.path, password)


def _saved(path: Path) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except (OSError, OverflowError, ValueError):
        return None


def rescue_copies(map_path: str | os.PathLike[str]) -> list[RescueCopy]:
    """The backup of ``map_path`` (if any), then its autosaves, newest first.

    Autosaves that another running instance is still writing are left out (see
    :func:`~.recovery.find_recoveries`).
    """
    map_path = Path(map_path)
    copies: list[RescueCopy] = []
    bak = backup_path(map_path)
    saved = _saved(bak) if bak.is_file() else None
    if saved is not None:
        copies.append(RescueCopy(bak, "backup", saved, is_encrypted_file(bak)))
    copies.extend(
        RescueCopy(r.path, "autosave", r.saved, r.encrypted) for r in find_recoveries(map_path)
    )
    return copies


def rescue_hint(map_path: str | os.PathLike[str]) -> str:
    """One sentence naming the copies that may hold the work of a damaged map, or ``""``.

    E.g. ``"Your work may be in the backup city.smap.bak (saved 4 Dec 2026 14:03) and
    1 autosave: open one in Stakeholder Mapper, or copy it and give it a .smap name."``
    """
    copies = rescue_copies(map_path)
    if not copies:
        return ""
    autosaves = [c for c in copies if c.kind == "autosave"]
    parts = [c.describe() for c in copies if c.kind == "backup"]
    if autosaves:
        newest = autosaves[0]
        parts.append(
            newest.describe()
            if len(autosaves) == 1
            else ngettext(
                "{n} autosave, the newest {name} (saved {when})",
                "{n} autosaves, the newest {name} (saved {when})",
                len(autosaves),
            ).format(n=len(autosaves), name=newest.path.name, when=newest.when())
        )
    sentence = (
        _(
            "Your work may be in {copies}: open it in Stakeholder Mapper, or copy it to a new "
            "name ending in .smap."
        )
        if len(copies) == 1
        else _(
            "Your work may be in {copies}: open one in Stakeholder Mapper, or copy it to a new "
            "name ending in .smap."
        )
    )
    return sentence.format(copies=format_list(parts))
