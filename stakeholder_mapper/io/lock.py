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
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

from ..core.dates import local_time, time_of_day
from ..core.i18n import _, format_date, system_error
from ..core.wording import shown_name
from .errors import MapFileError
from .sidecars import sidecar_name

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
    """The lock file of a map: ``NAME.smap.lock`` beside it (beside the file a symbolic
    link points to, so that every name of the map has one lock)."""
    map_path = Path(map_path)
    if map_path.is_symlink():
        map_path = Path(os.path.realpath(map_path))
    return map_path.with_name(sidecar_name(map_path.name, after=".lock"))


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
        when = f"{format_date(moment, short=True)} {time_of_day(moment)}"
        return _("{user} on {computer} since {when}").format(
            user=self.user, computer=self.host, when=when
        )


def _parse(data: bytes) -> LockInfo | None:
    """The holder a lock file's bytes name, or ``None`` if they name nobody readable.

    The file may hold anything (a crash mid-write, another program, a hostile copy): a
    field of the wrong type, a process id that is not a whole number of at most 32 bits
    (``1e400``, ``4294967297``) or a time that is not one makes the lock unreadable.
    """
    try:
        raw = json.loads(data)
        pid = raw["pid"]
        if type(pid) is not int or not 0 < pid < 2**32:
            return None
        since = dt.datetime.fromisoformat(str(raw["time"]))
        since.astimezone()  # a time at the edge of the calendar cannot be shown here
        return LockInfo(host=str(raw["host"]), pid=pid, user=str(raw["user"]), time=since)
    except (ValueError, KeyError, TypeError, RecursionError, OverflowError):
        return None


def read_lock(map_path: str | os.PathLike[str]) -> LockInfo | None:
    """Who holds the map open, or ``None`` if nobody (or the lock file is unreadable)."""
    try:
        with lock_path(map_path).open("rb") as fh:
            return _parse(fh.read(_MAX_LOCK_BYTES))
    except OSError:
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
        with contextlib.suppress(OSError), _examined(self.path) as found:
            if found is not None and found[0] == self.info:
                self.path.unlink()

    def __enter__(self) -> MapLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


@contextlib.contextmanager
def _examined(path: Path) -> Iterator[tuple[LockInfo | None, float] | None]:
    """The lock file at ``path`` held still: its holder and age in seconds, or ``None``
    if there is no lock file.

    Every instance that removes a lock file (taking over a stale one, "open anyway",
    releasing its own) does so inside this block. The file is held with an exclusive
    advisory lock of the system (released by the system if the process dies) and is
    checked to be still the file at ``path``, so two instances cannot both remove the
    same stale lock and then each create its own: the second finds the first one's new
    file, or none, and judges that instead. Lock files are never written after they
    are created, so what is read here is what gets removed.
    """
    while True:
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            yield None
            return
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            held = os.fstat(fd)
            data = os.read(fd, _MAX_LOCK_BYTES)
            if fcntl is None:  # Windows cannot remove a file this process keeps open
                os.close(fd)
                fd = -1
            try:
                current = os.stat(path)
            except FileNotFoundError:
                current = None
            if current is None or (current.st_dev, current.st_ino) != (held.st_dev, held.st_ino):
                continue  # removed or replaced while we waited: look at what is there now
            yield _parse(data), time.time() - held.st_mtime
            return
        finally:
            if fd >= 0:
                os.close(fd)


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


def _refusal(
    map_path: Path, holder: LockInfo | None, age: float, force: bool
) -> MapFileError | None:
    """Why the lock found cannot be taken over, or ``None`` if it can."""
    name = shown_name(map_path.name)
    if holder is None:
        if force or age >= _FRESH_SECONDS:
            return None
        return MapFileError(
            _("{name} is being opened by another instance; try again.").format(name=name)
        )
    if holder.is_ours and not force:
        return MapLocked(
            _("{name} is already open in this instance of Stakeholder Mapper.").format(name=name),
            holder,
        )
    if holder.is_stale or force or holder.is_ours:
        return None
    return MapLocked(
        _("{name} is already open for editing by {holder}.").format(
            name=name, holder=holder.describe()
        ),
        holder,
    )


def acquire_lock(map_path: str | os.PathLike[str], *, force: bool = False) -> MapLock:
    """Lock the map for editing by this instance.

    The lock file is created exclusively (it exists, complete or being written, or it
    does not). A stale lock (its process is gone from this computer) or an unreadable
    one is replaced, by one instance only however many try at once. If another instance
    holds the map, :class:`MapLocked` is raised naming who and since when, unless
    ``force`` (the user chose "open anyway"). A folder where no lock can be written
    raises :class:`MapFileError`: the map can only be read.
    """
    map_path = Path(map_path)
    path = lock_path(map_path)
    info = LockInfo.here()
    name = shown_name(map_path.name)
    try:
        for _n in range(3):
            if _create(path, info):
                return MapLock(map_path, info)
            with _examined(path) as found:
                if found is not None:
                    refusal = _refusal(map_path, *found, force)
                    if refusal is not None:
                        raise refusal
                    path.unlink()
    except OSError as exc:
        raise MapFileError(
            _("{name} cannot be locked for editing: {reason}.").format(
                name=name, reason=system_error(exc)
            )
        ) from None
    raise MapFileError(
        _("{name} cannot be locked for editing: the lock keeps changing.").format(name=name)
    )
