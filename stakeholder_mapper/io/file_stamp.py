"""What a map file held when this instance last read or wrote it, to notice later changes.

Two instances may edit one map when a user chose "Open anyway". Before a save replaces
the file, its stamp is compared with the one taken when the map was opened or last
saved: if another instance or program changed it meanwhile, the user is asked instead
of that work being silently replaced.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..core.dates import local_time, time_of_day
from ..core.i18n import _, format_date
from ..core.wording import shown_name
from .errors import MapFileError

__all__ = ["FileStamp", "MapChangedOnDisk", "check_unchanged"]

_CHUNK = 1 << 20


@dataclass(frozen=True)
class FileStamp:
    """A file's size, modification time (ns) and SHA-256 of its content."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of_file(cls, path: str | os.PathLike[str]) -> FileStamp | None:
        """The stamp of the file at ``path`` now, or ``None`` if there is none to read."""
        digest = hashlib.sha256()
        try:
            with Path(path).open("rb") as fh:
                status = os.fstat(fh.fileno())
                while chunk := fh.read(_CHUNK):
                    digest.update(chunk)
        except OSError:
            return None
        return cls(status.st_size, status.st_mtime_ns, digest.hexdigest())

    @classmethod
    def of_bytes(cls, data: bytes, mtime_ns: int) -> FileStamp:
        """The stamp of a file just written with ``data`` (its time read by the writer)."""
        return cls(len(data), mtime_ns, hashlib.sha256(data).hexdigest())

    def same_content(self, other: FileStamp) -> bool:
        """Whether both stamps are of the same bytes (a new time alone is no change)."""
        return (self.size, self.sha256) == (other.size, other.sha256)

    @property
    def modified(self) -> dt.datetime:
        """When the file was last written, on this computer's clock."""
        return dt.datetime.fromtimestamp(self.mtime_ns / 1e9).astimezone()


class MapChangedOnDisk(MapFileError):  # noqa: N818 - reads as the state of the file
    """The map file was changed by someone else since this instance read or wrote it."""


def check_unchanged(path: Path, known: FileStamp | None) -> None:
    """Raise :class:`MapChangedOnDisk` if the file at ``path`` is no longer what ``known``
    stamped; a file that is gone, or was never read (``known`` is ``None``), passes."""
    if known is None:
        return
    now = FileStamp.of_file(path)
    if now is None or now.same_content(known):
        return
    moment = local_time(now.modified)
    raise MapChangedOnDisk(
        _(
            "{name} was changed on disk on {date} at {time}, after you opened or last saved it "
            "here."
        ).format(
            name=shown_name(path.name),
            date=format_date(moment, short=True),
            time=time_of_day(moment),
        )
    )
