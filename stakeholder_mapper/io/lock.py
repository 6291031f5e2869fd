"""One editor per map: a lock file beside the map while it is open for editing.

``NAME.smap.lock`` holds who opened the map (host, process id, user, time). Another
instance that finds it offers to open the map read-only. A lock left by a crashed
process on the same computer (its process is gone) is stale and taken over silently; a
lock from another computer cannot be checked, so the user decides.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
from dataclasses import asdict, dataclass
from pathlib import Path

from ..core.dates import local_time, short_date, time_of_day
from .errors import MapFileError

__all__ = [
    "LockInfo",
    "MapLock",
    "MapLocked",
    "acquire_lock",
    "lock_path",
    "process_alive",
    "read_lock",
]

_MAX_LOCK_BYTES = 4096
# Largest process id a computer hands out: Windows ids are 32-bit unsigned, POSIX ones
# fit a signed 32-bit pid_t. A larger number in a lock file names no process here.
_MAX_PID = 2**32 - 1 if os.name == "nt" else 2**31 - 1
# An unreadable lock younger than this may be one that another instance is writing.
_FRESH_SECONDS = 5.0


def lock_path(map_path: str | os.PathLike[str]) -> Path:
    """The lock file of a map: ``NAME.smap.lock`` beside it."""
    map_path = Path(map_path)
    return map_path.with_name(map_path.name + ".lock")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or password database
        return "unknown user"


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (errs towards "alive").

    An id no computer hands out (0, negative, beyond 32 bits) names no process.
    """
    if not 0 < pid <= _MAX_PID:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class LockInfo:
    """Who holds a map open: computer, process, user and since when."""

    host: str
    pid: int
    user: str
    time: dt.datetime

    @classmethod
    def here(cls) -> LockInfo:
        """A lock for this process, now."""
        return cls(socket.gethostname(), os.getpid(), _user(), dt.datetime.now().astimezone())

    def to_json(self) -> bytes:
        """The lock file's content."""
        return json.dumps({**asdict(self), "time": self.time.isoformat()}).encode("utf-8")

    @property
    def is_ours(self) -> bool:
        """Whether this process holds the lock."""
        return self.host == socket.gethostname() and self.pid == os.getpid()

    @property
    def is_stale(self) -> bool:
        """Whether the lock was left by a process that no longer runs on this computer."""
        return self.host == socket.gethostname() and not process_alive(self.pid)

    def describe(self) -> str:
        """E.g. ``"amina on LAPTOP-3 since 25 Nov 2026 14:03"``, for the read-only offer."""
        moment = local_time(self.time)
        when = f"{short_date(moment)} {time_of_day(moment)}"
        return f"{self.user} on {self.host} since {when}"


def read_lock(map_path: str | os.PathLike[str]) -> LockInfo | None:
    """Who holds the map open, or ``None`` if nobody (or the lock file is unreadable).

    The file may hold anything (a crash mid-write, another program, a hostile copy): a
    field of the wrong type, a process id that is not a whole number of at most 32 bits
    (``1e400``, ``4294967297``) or a time that is not one makes the lock unreadable.
    """
    try:
        with lock_path(map_path).open("rb") as fh:
            raw = json.loads(fh.read(_MAX_LOCK_BYTES))
        pid = raw["pid"]
        if type(pid) is not int or not 0 < pid < 2**32:
            return None
        time = dt.datetime.fromisoformat(str(raw["time"]))
        time.astimezone()  # a time at the edge of the calendar cannot be shown here
        return LockInfo(host=str(raw["host"]), pid=pid, user=str(raw["user"]), time=time)
    except (OSError, ValueError, KeyError, TypeError, RecursionError, OverflowError):
        return None


class MapLocked(MapFileError):  # noqa: N818 - reads as the state of the map
    """The map is open in another instance; ``holder`` says who has it."""

    def __init__(self, message: str, holder: LockInfo) -> None:
        super().__init__(message)
        self.holder = holder


class MapLock:
    """The lock this instance holds on a map; :meth:`release` it when the map is closed."""

    def __init__(self, map_path: Path, info: LockInfo) -> None:
        self.map_path = map_path
        self.path = lock_path(map_path)
        self.info = info

    def release(self) -> None:
        """Remove the lock file if it is still ours (safe to call twice)."""
        if read_lock(self.map_path) == self.info:
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> MapLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _age_seconds(path: Path) -> float:
    try:
        return dt.datetime.now().timestamp() - path.stat().st_mtime
    except OSError:
        return _FRESH_SECONDS


def _create(path: Path, info: LockInfo) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    try:
        os.write(fd, info.to_json())
        os.fsync(fd)
    finally:
        os.close(fd)
    return True


def acquire_lock(map_path: str | os.PathLike[str], *, force: bool = False) -> MapLock:
    """Lock the map for editing by this instance.

    A stale lock (its process is gone from this computer) or an unreadable one is
    replaced. If another instance holds the map, :class:`MapLocked` is raised naming
    who and since when, unless ``force`` (the user chose "open anyway"). A folder where
    no lock can be written raises :class:`MapFileError`: the map can only be read.
    """
    map_path = Path(map_path)
    path = lock_path(map_path)
    info = LockInfo.here()
    try:
        for _ in range(3):
            if _create(path, info):
                return MapLock(map_path, info)
            holder = read_lock(map_path)
            if holder is not None and not (holder.is_stale or force or holder.is_ours):
                raise MapLocked(
                    f"{map_path.name} is already open for editing by {holder.describe()}.",
                    holder,
                )
            if holder is not None and holder.is_ours and not force:
                raise MapLocked(
                    f"{map_path.name} is already open in this instance of Stakeholder Mapper.",
                    holder,
                )
            if holder is None and not force and _age_seconds(path) < _FRESH_SECONDS:
                raise MapFileError(
                    f"{map_path.name} is being opened by another instance; try again."
                )
            # Remove the stale lock only if it is still the one just read.
            if read_lock(map_path) == holder:
                path.unlink(missing_ok=True)
    except OSError as exc:
        raise MapFileError(
            f"{map_path.name} cannot be locked for editing: {exc.strerror or exc}."
        ) from None
    raise MapFileError(f"{map_path.name} cannot be locked for editing: the lock keeps changing.")
