"""The pinned Qt binding keeps Python's reference counts right.

PySide6 6.12.0 returned ``None`` from methods without a return value (``setPos``,
``moveTo``...) without taking a reference to it: on Python 3.11 every call lowered None's
reference count by one, and a few repaints of a large map aborted the interpreter with
"none_dealloc: deallocating None". pyproject.toml pins a version without the bug; this test
fails if an upgrade brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QGraphicsRectItem

CALLS = 300


def test_calls_without_a_return_value_leave_none_referenced(qapp) -> None:
    item = QGraphicsRectItem(0, 0, 10, 10)
    path = QPainterPath()
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for i in range(CALLS):
        item.setPos(float(i), 1.0)
        item.setVisible(True)
        path.moveTo(float(i), 2.0)
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    # A few references come and go with the interpreter's own work; the bug lost one a call.
    assert all(abs(a - b) < CALLS // 10 for a, b in zip(after, before, strict=True))
