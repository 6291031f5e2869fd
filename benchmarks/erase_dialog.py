"""How long typing other spellings in the "Erase personal data" dialog holds the window.

Each key only restarts a short timer; the erasure preview is worked out once typing
pauses, off the GUI thread. Prints the longest time a key held the GUI thread, the time of
one preview in the worker, and how many previews ran. Run from the repository:

    QT_QPA_PLATFORM=offscreen python benchmarks/erase_dialog.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.protection import big_map
from stakeholder_mapper.ui.dialogs import privacy


def main() -> None:
    app = QApplication.instance() or QApplication([])
    smap = big_map()
    previews: list[float] = []
    erasure = privacy._erasure

    def timed_erasure(*args):
        start = time.perf_counter()
        result = erasure(*args)
        previews.append(time.perf_counter() - start)
        return result

    privacy._erasure = timed_erasure
    start = time.perf_counter()
    dialog = privacy.ErasePersonDialog(smap, "s0")
    print(f"open the dialog (first preview): {time.perf_counter() - start:.2f} s")
    longest = 0.0
    for key in "Hali Okafor":
        start = time.perf_counter()
        QTest.keyClicks(dialog.also, key)
        longest = max(longest, time.perf_counter() - start)
    print(f"longest key press on the GUI thread: {longest * 1000:.1f} ms")
    while dialog.preview_stale:
        app.processEvents()
        time.sleep(0.01)
    print(f"previews worked out after typing 11 keys: {len(previews) - 1}")
    print(f"one preview in the worker: {previews[-1]:.2f} s")


if __name__ == "__main__":
    main()
