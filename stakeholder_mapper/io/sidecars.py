"""Names of the files kept beside a map: lock, backup, autosaves and temporary files.

Each is the map's file name with something before and after it. File systems refuse
names longer than 255 bytes, so for a long map name the middle is shortened: its start
is kept (the map stays recognisable) and a short hash of the whole name follows, so two
long names that start alike still get files of their own.
"""

from __future__ import annotations

import hashlib
import os

__all__ = ["MAX_NAME_BYTES", "sidecar_name"]

#: Longest file name (in bytes) that common file systems accept.
MAX_NAME_BYTES = 255
_HASH_CHARS = 8


def sidecar_name(name: str, before: str = "", after: str = "", reserve: int = 0) -> str:
    """``before + name + after``, leaving ``reserve`` bytes free for a caller's suffix.

    E.g. ``sidecar_name("city.smap", ".", ".recovery")`` is ``".city.smap.recovery"``;
    a 250-byte name becomes its first bytes, ``~`` and 8 hex digits of its SHA-256.
    """
    whole = before + name + after
    if len(os.fsencode(whole)) + reserve <= MAX_NAME_BYTES:
        return whole
    digest = hashlib.sha256(os.fsencode(name)).hexdigest()[:_HASH_CHARS]
    tag = f"~{digest}"
    room = MAX_NAME_BYTES - reserve - len(os.fsencode(before + tag + after))
    head = os.fsencode(name)[:room].decode("utf-8", errors="ignore")
    return before + head + tag + after
