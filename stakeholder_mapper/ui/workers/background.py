"""Run one function at a time in a thread pool and hand its outcome to the GUI thread.

The worker touches no Qt object: it fills a plain :class:`Outcome` that a timer on the
GUI thread polls (a Qt signal emitted from a worker thread crashed PySide6 6.12 under
load). Starting a new run makes the result of any earlier one stale: it is dropped. Any
exception in the function becomes a failure message, so no dialog is left busy.

Every job is started through :func:`start_in_pool`, which first confines Python's garbage
collector to the GUI thread. Python collects reference cycles in whichever thread happens
to allocate when a generation fills up; when that is a worker and a cycle holds a Qt
object, Qt destroys a GUI object from the wrong thread and the process aborts. So, as
Anki does, automatic collection is switched off and a timer on the GUI thread collects
with the thresholds Python itself would use.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

__all__ = ["POLL_MS", "BackgroundTask", "Outcome", "Report", "start_in_pool"]

#: How often the GUI thread looks at a running job.
POLL_MS = 30

#: How often the GUI thread checks whether a garbage collection is due.
GC_CHECK_MS = 250
#: The longest the GUI thread goes without collecting the youngest garbage, whatever the
#: allocation counts say (they can read low for a long time after a large map is freed).
GC_MAX_INTERVAL_S = 5.0


class _GuiThreadCollector(QObject):
    """Collects garbage on the GUI thread, as often as automatic collection would."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(_GuiThreadCollector.__name__)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self, interval=GC_CHECK_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()
        self._last = time.monotonic()

    def collect_if_due(self) -> None:
        counts = gc.get_count()
        generation = -1
        for level, (count, threshold) in enumerate(zip(counts, self._thresholds, strict=True)):
            if count <= threshold:
                break
            generation = level
        if generation < 0 and time.monotonic() - self._last > GC_MAX_INTERVAL_S:
            generation = 0
        if generation >= 0:
            gc.collect(generation)
            self._last = time.monotonic()


def start_in_pool(pool: QThreadPool, job: QRunnable) -> None:
    """Start ``job`` in ``pool`` with garbage collection confined to the GUI thread."""
    app = QCoreApplication.instance()
    if app is not None and app.findChild(QObject, _GuiThreadCollector.__name__) is None:
        _GuiThreadCollector(app)
    pool.start(job)


#: What a job calls to report progress: (fraction done 0–1, what it is doing).
Report = Callable[[float, str], None]


@dataclass
class Outcome:
    """What one run reports; written by the worker, read by the GUI thread."""

    generation: int
    progress: tuple[float, str] | None = None
    done: bool = False
    result: object = None
    error: str | None = None
    _reported: tuple[float, str] | None = field(default=None, repr=False)


class _Runnable(QRunnable):
    def __init__(
        self,
        work: Callable[[Report], object],
        outcome: Outcome,
        describe: Callable[[Exception], str] | None,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.work, self.outcome, self.describe = work, outcome, describe

    def _report(self, fraction: float, message: str = "") -> None:
        self.outcome.progress = (fraction, message)

    def run(self) -> None:
        try:
            self.outcome.result = self.work(self._report)
        except Exception as exc:  # shown as a sentence; the window must survive
            message = self.describe(exc) if self.describe is not None else ""
            self.outcome.error = message or str(exc) or type(exc).__name__
        finally:
            self.outcome.done = True


class BackgroundTask(QObject):
    """Runs ``work(report)`` off the GUI thread; only the latest run's outcome is delivered."""

    #: (fraction 0–1, what is being done) of the latest run.
    progress = Signal(float, str)
    #: The latest run's return value.
    finished = Signal(object)
    #: Why the latest run failed, as the exception's message.
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool if pool is not None else QThreadPool.globalInstance()
        self._generation = 0
        self._pending: list[Outcome] = []
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._collect)

    @property
    def running(self) -> bool:
        """Whether the latest run has not been delivered yet."""
        return any(o.generation == self._generation for o in self._pending)

    def start(
        self, work: Callable[[Report], object], describe: Callable[[Exception], str] | None = None
    ) -> None:
        """Run ``work`` in the pool; an earlier run still going will be ignored.

        ``describe`` turns an exception into the failure sentence (default: its message).
        """
        self._generation += 1
        outcome = Outcome(self._generation)
        self._pending.append(outcome)
        start_in_pool(self.pool, _Runnable(work, outcome, describe))
        self._poll.start()

    def drop(self) -> None:
        """Ignore whatever the running job reports (the dialog closed, the input changed)."""
        self._generation += 1

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle and deliver the outcome (closing, scripts, tests)."""
        idle = self.pool.waitForDone(msecs)
        self._collect()
        return idle

    def _collect(self) -> None:
        for outcome in list(self._pending):
            current = outcome.generation == self._generation
            if current and outcome.progress is not None and outcome.progress != outcome._reported:
                outcome._reported = outcome.progress
                self.progress.emit(*outcome.progress)
            if not outcome.done:
                continue
            self._pending.remove(outcome)
            if not current:
                continue
            if outcome.error is not None:
                self.failed.emit(outcome.error)
            else:
                self.finished.emit(outcome.result)
        if not self._pending:
            self._poll.stop()
