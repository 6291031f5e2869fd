"""Whether a map can be written where it is, said before anything tries and fails.

A map in a folder the user cannot write to (a shared drive opened read-only, a CD, a
folder of another user) or a file marked read-only cannot be saved in place, nor can
its lock, backup and autosaves be written beside it. The app opens such a map
read-only and says why in one sentence; the command line refuses to write there with
the same sentence.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..core.i18n import _

__all__ = ["can_write", "read_only_reason", "unwritable_output_reason"]


def can_write(path: str | os.PathLike[str]) -> bool:
    """Whether this user may write to ``path`` (a file or a folder), as the system says.

    A read-only file system answers no even to an administrator.
    """
    return os.access(path, os.W_OK)


def read_only_reason(map_path: str | os.PathLike[str]) -> str | None:
    """The sentence telling why the map opens read-only, or ``None`` if it can be written.

    E.g. ``"city.smap is in a folder you cannot write to; it opens read-only."``
    """
    map_path = Path(map_path)
    folder = map_path.absolute().parent
    if folder.is_dir() and not can_write(folder):
        return _("{name} is in a folder you cannot write to; it opens read-only.").format(
            name=map_path.name
        )
    if map_path.is_file() and not can_write(map_path):
        return _("{name} is a read-only file; it opens read-only.").format(name=map_path.name)
    return None


def unwritable_output_reason(output: str | os.PathLike[str]) -> str | None:
    """The sentence telling why a command cannot write ``output``, or ``None``.

    E.g. ``"city.smap is in a folder you cannot write to; choose another place for it."``
    """
    output = Path(output)
    folder = output.absolute().parent
    if folder.is_dir() and not can_write(folder):
        return _("{name} is in a folder you cannot write to; choose another place for it.").format(
            name=output.name
        )
    if output.is_file() and not can_write(output):
        return _("{name} is a read-only file; choose another name for it.").format(name=output.name)
    return None
