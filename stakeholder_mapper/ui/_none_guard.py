"""Guard against reference-count bugs of PySide6 6.12 on Python 3.11.

PySide6 6.12.0 returns ``None`` from C++ methods without a return value (``setPos``,
``drawPath``, ``moveTo``...) without taking a new reference to it, and some calls made
by pyqtgraph through it drop references to ``True`` or ``False`` the same way. On
Python 3.12 and later these objects are immortal and nothing happens; on Python 3.11
each such call lowers their reference count by one, and after a few hundred thousand
calls (a few repaints of a large map) the interpreter aborts with "Fatal Python error:
none_dealloc: deallocating None" (or bool_dealloc). We give these singletons a
reference count so large that it can never reach zero, which is what Python 3.12 does
by design (PEP 683).
"""

from __future__ import annotations

import ctypes
import sys

__all__ = ["keep_none_alive"]

#: Added to each singleton's reference count once: 2**48 calls would take years.
_RESERVE = 1 << 48


def keep_none_alive() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal on Python < 3.12."""
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        if sys.getrefcount(singleton) < _RESERVE // 2:
            ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
