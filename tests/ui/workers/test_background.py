"""Background jobs: outcomes reach the GUI thread, stale runs are dropped, failures are told."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QThread

from stakeholder_mapper.ui.workers.background import BackgroundTask

from ..waits import BACKGROUND


def test_result_and_progress_arrive_on_the_gui_thread(qtbot) -> None:
    task = BackgroundTask()
    seen = []
    task.progress.connect(lambda f, m: seen.append(("progress", f, m)))
    task.finished.connect(
        lambda r: seen.append(
            ("done", r, QThread.currentThread() is QCoreApplication.instance().thread())
        )
    )
    gate = threading.Event()

    def work(report):
        report(0.5, "half way")
        gate.wait(10)
        return 42

    task.start(work)
    qtbot.waitUntil(lambda: bool(seen), timeout=BACKGROUND)
    assert seen == [("progress", 0.5, "half way")] and task.running
    gate.set()
    qtbot.waitUntil(lambda: not task.running, timeout=BACKGROUND)
    assert seen[-1] == ("done", 42, True)


def test_a_newer_run_drops_the_older_result(qtbot) -> None:
    task = BackgroundTask()
    results = []
    task.finished.connect(results.append)
    gate = threading.Event()
    task.start(lambda _r: gate.wait(10) and "old")
    task.start(lambda _r: "new")
    gate.set()
    task.wait()
    assert results == ["new"]


def test_any_exception_becomes_a_failure_sentence(qtbot) -> None:
    task = BackgroundTask()
    failures = []
    task.failed.connect(failures.append)
    task.start(lambda _r: 1 / 0, lambda exc: f"The sum could not be done: {exc}.")
    task.wait()
    assert failures == ["The sum could not be done: division by zero."]
    assert not task.running


class _Cycle:
    """An object that only the cyclic garbage collector can free."""

    def __init__(self) -> None:
        self.me = self


def test_garbage_made_by_a_worker_is_collected_on_the_gui_thread(qtbot) -> None:
    collecting_threads = []

    def note_thread(phase, info) -> None:
        if phase == "start":
            collecting_threads.append(threading.current_thread())

    def make_garbage(report) -> int:
        for _ in range(20 * gc.get_threshold()[0]):
            _Cycle()
        return 0

    task = BackgroundTask()
    gc.callbacks.append(note_thread)
    try:
        task.start(make_garbage)
        qtbot.waitUntil(lambda: not task.running, timeout=BACKGROUND)
        qtbot.waitUntil(lambda: bool(collecting_threads), timeout=BACKGROUND)
    finally:
        gc.callbacks.remove(note_thread)
    assert not gc.isenabled()
    assert set(collecting_threads) == {threading.main_thread()}
