"""Autosave and crash recovery files, without Qt (the desktop app drives them on a timer).

A map saved as ``NAME.smap`` autosaves to ``.NAME.smap.recovery`` beside it; a map not
yet saved autosaves to ``unsaved-HOST-PID.smap.recovery`` in the user data folder the
app passes in. The last :data:`KEEP_VERSIONS` autosaves are kept (``.recovery``,
``.recovery.1``, ...), newest first, so a bad edit just before a crash can be skipped.
Each recovery file is a complete ``.smap`` file, encrypted with the map's password when
the map has one. After a clean save or close the recovery files are removed; any left
at start-up mean a crash, and :func:`find_recoveries` lists them with their times.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path

from ..core.i18n import _, system_error
from ..core.model import StakeholderMap
from ..core.wording import shown_name
from .errors import MapFileError
from .lock import process_alive, read_lock
from .project import file_bytes, is_encrypted_file, load_map, write_atomically
from .sidecars import sidecar_name

__all__ = [
    "KEEP_VERSIONS",
    "Recovery",
    "find_recoveries",
    "recovery_path",
    "remove_recoveries",
    "write_recovery",
    "write_recovery_data",
]

#: How many autosaves of one map are kept.
KEEP_VERSIONS = 3
_SUFFIX = ".recovery"
_UNSAVED = re.compile(r"^unsaved-(?P<host>.+)-(?P<pid>\d+)\.smap\.recovery(?:\.(?P<n>\d+))?$")


def _host() -> str:
    return re.sub(r"[^0-9A-Za-z_.]+", "_", socket.gethostname()) or "host"


def recovery_path(
    map_path: str | os.PathLike[str] | None, folder: str | os.PathLike[str] | None = None
) -> Path:
    """Where the newest autosave of a map goes.

    Beside a saved map (``.NAME.smap.recovery``, the name shortened with a hash if it
    would pass 255 bytes); for a map never saved (``map_path``
    is ``None``), ``unsaved-HOST-PID.smap.recovery`` in ``folder``.
    """
    if map_path is not None:
        map_path = Path(map_path)
        reserve = len(f".{KEEP_VERSIONS}")  # room for the older versions' number
        return map_path.with_name(sidecar_name(map_path.name, ".", _SUFFIX, reserve))
    if folder is None:
        raise ValueError("A map that was never saved needs a folder for its recovery file.")
    return Path(folder) / f"unsaved-{_host()}-{os.getpid()}.smap{_SUFFIX}"


def _versions(newest: Path) -> list[Path]:
    return [newest] + [newest.with_name(f"{newest.name}.{n}") for n in range(1, KEEP_VERSIONS)]


def write_recovery_data(data: bytes, target: Path) -> None:
    """Write ``data`` (a complete ``.smap`` file) as the newest autosave at ``target``.

    Older autosaves move down one place; the oldest beyond :data:`KEEP_VERSIONS` goes.
    Safe to run off the GUI thread: it touches no map, only files.
    """
    versions = _versions(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for older, newer in zip(reversed(versions[1:]), reversed(versions[:-1]), strict=True):
            if newer.exists():
                os.replace(newer, older)
    except OSError as exc:
        raise MapFileError(
            _("{name} could not be saved: {reason}.").format(
                name=shown_name(target.name), reason=system_error(exc)
            )
        ) from None
    write_atomically(target, data, backup=False)


def write_recovery(
    smap: StakeholderMap,
    map_path: str | os.PathLike[str] | None,
    password: str | None = None,
    *,
    folder: str | os.PathLike[str] | None = None,
) -> Path:
    """Autosave the map to its recovery file (encrypted with ``password`` if given).

    ``map_path`` is the map's file, or ``None`` for a map never saved, which then needs
    ``folder`` (the user data folder). Returns the file written. The map file itself is
    not touched.
    """
    target = recovery_path(map_path, folder)
    write_recovery_data(file_bytes(smap, password, target.name), target)
    return target


@dataclass(frozen=True)
class Recovery:
    """One autosaved version found at start-up: where, when, and for which map."""

    path: Path
    saved: dt.datetime
    map_path: Path | None
    encrypted: bool

    @property
    def name(self) -> str:
        """The map's file name, or "unsaved map"."""
        return self.map_path.name if self.map_path else _("unsaved map")

    def load(self, password: str | None = None) -> StakeholderMap:
        """The autosaved map (needs the map's password if it was encrypted)."""
        return load_map(self.path, password)

    def discard(self) -> None:
        """Delete this autosave."""
        with contextlib.suppress(OSError):
            self.path.unlink()

    def discard_all_versions(self) -> None:
        """Delete this autosave and the other kept versions of the same map and session."""
        newest = self.path.with_name(re.sub(r"\.\d+$", "", self.path.name))
        for path in _versions(newest):
            with contextlib.suppress(OSError):
                path.unlink()


def _recovery(path: Path, map_path: Path | None) -> Recovery | None:
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return None
    saved = dt.datetime.fromtimestamp(mtime).astimezone()
    return Recovery(path, saved, map_path, is_encrypted_file(path))


def find_recoveries(
    map_path: str | os.PathLike[str] | None = None,
    folder: str | os.PathLike[str] | None = None,
) -> list[Recovery]:
    """Autosaves left by a crash, newest first.

    With ``map_path``: the versions beside that map, unless another running instance
    has the map open (its autosaves are live, not left over). With ``folder``: the
    autosaves of unsaved maps whose instance no longer runs. Both may be given.
    """
    found: list[Recovery] = []
    if map_path is not None:
        map_path = Path(map_path)
        holder = read_lock(map_path)
        if holder is None or holder.is_stale or holder.is_ours:
            for path in _versions(recovery_path(map_path)):
                recovery = _recovery(path, map_path)
                if recovery is not None:
                    found.append(recovery)
    if folder is not None and Path(folder).is_dir():
        for path in Path(folder).iterdir():
            match = _UNSAVED.match(path.name)
            if not match:
                continue
            pid = int(match["pid"])
            if match["host"] == _host() and pid != os.getpid() and process_alive(pid):
                continue
            recovery = _recovery(path, None)
            if recovery is not None:
                found.append(recovery)
    return sorted(found, key=lambda r: r.saved, reverse=True)


def remove_recoveries(
    map_path: str | os.PathLike[str] | None, folder: str | os.PathLike[str] | None = None
) -> None:
    """Delete every autosave this instance wrote for the map (after a clean save or close)."""
    for path in _versions(recovery_path(map_path, folder)):
        with contextlib.suppress(OSError):
            path.unlink()
