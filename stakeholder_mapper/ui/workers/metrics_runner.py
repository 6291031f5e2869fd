"""Live metrics: recomputed in the background after edits, debounced, stale results dropped.

After each edit that can change a metric the runner waits ~400 ms for more edits, copies
the map (records are immutable, so copying the dictionaries is enough), and computes the
metrics, readings and findings in a :class:`QThreadPool` worker. On maps of more than
:data:`PROCESS_ABOVE` stakeholders that worker only drives a separate process that does
the computing (:class:`~stakeholder_mapper.analysis.metrics_process.MetricsProcess`):
igraph and pandas hold Python's global lock for seconds at a time, which in a thread
would freeze the window. When no process can start, the worker computes itself.
The worker touches no widget: it fills a plain outcome object that a timer on the GUI
thread polls, and a result is used only if the map has not changed since its run
started. Long runs report progress and can be cancelled (a separate process is ended).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ...analysis.progress import Cancelled
from ...core.i18n import _
from ...core.model import ChangeKind, ModelChange, StakeholderMap
from ..document import MapDocument
from .background import start_in_pool

if TYPE_CHECKING:
    import pandas as pd

    from ...analysis.readings import Reading

__all__ = ["DEBOUNCE_MS", "PROCESS_ABOVE", "MetricsResult", "MetricsRunner"]

#: Quiet time after the last edit before metrics are recomputed.
DEBOUNCE_MS = 400
#: How often the GUI thread looks for finished analyses while one runs.
POLL_MS = 30
#: Maps with more stakeholders than this are analysed in a separate process. Measured
#: with a thread (benchmarks/startup.py, 2 cores under load): up to 500 stakeholders the
#: window waited at most about 70 ms; from 600 on, over a second.
PROCESS_ABOVE = 500

#: Changes that can alter a metric (moving a node on the canvas cannot).
_RELEVANT = {
    ChangeKind.STAKEHOLDER_ADDED,
    ChangeKind.STAKEHOLDER_REMOVED,
    ChangeKind.STAKEHOLDER_CHANGED,
    ChangeKind.RELATIONSHIP_ADDED,
    ChangeKind.RELATIONSHIP_REMOVED,
    ChangeKind.RELATIONSHIP_CHANGED,
    ChangeKind.CATEGORY_ADDED,
    ChangeKind.CATEGORY_REMOVED,
    ChangeKind.KIND_ADDED,
    ChangeKind.KIND_REMOVED,
    ChangeKind.KIND_CHANGED,
    ChangeKind.RESET,
}


@dataclass(frozen=True)
class MetricsResult:
    """One finished analysis of the map."""

    metrics: pd.DataFrame
    readings: dict[str, Reading]
    findings: list[str]


@dataclass
class _Outcome:
    """What a job reports, read by the GUI thread (the worker touches no Qt object)."""

    generation: int
    progress: float = 0.0
    done: bool = False
    result: MetricsResult | None = None
    error: str | None = None
    cancelled: bool = False


class _Job(QRunnable):
    """One analysis; the pool owns and deletes it. It only writes to its :class:`_Outcome`."""

    def __init__(self, smap: StakeholderMap, outcome: _Outcome, runner: MetricsRunner) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.smap = smap
        self.outcome = outcome
        self._runner = runner

    def _stop(self) -> bool:
        return self._runner.wanted != self.outcome.generation

    def _progress(self, fraction: float) -> None:
        self.outcome.progress = fraction

    def run(self) -> None:
        outcome = self.outcome
        try:
            # The analysis modules load igraph, numpy and pandas, which take longer to import
            # than the window takes to show: they are imported here, in the worker, on the
            # first run, which the window starts once it has been painted.
            from ...analysis.metrics_process import MetricsProcess, ProcessUnavailableError, analyse

            analysis = None
            if len(self.smap.stakeholders) > PROCESS_ABOVE:
                try:
                    analysis = MetricsProcess(self.smap).result(self._progress, self._stop)
                except ProcessUnavailableError:
                    analysis = None  # computed in this worker instead
            if analysis is None:
                analysis = analyse(self.smap, self._progress, self._stop)
            outcome.result = MetricsResult(*analysis)
        except Cancelled:
            outcome.cancelled = True
        except Exception as exc:  # the window must survive any analysis failure
            outcome.error = _("The analysis failed: {reason}").format(reason=exc)
        finally:
            outcome.done = True


class MetricsRunner(QObject):
    """Keeps :attr:`result` in step with the document's map, in the background."""

    #: Emitted with True when the shown results no longer match the map, False when fresh.
    stale_changed = Signal(bool)
    #: Emitted with the fraction done (0–1) of the running analysis.
    progress = Signal(float)
    #: Emitted with a :class:`MetricsResult` when fresh results arrive.
    finished = Signal(object)
    #: Emitted with one sentence when the analysis failed or was cancelled.
    failed = Signal(str)
    #: Emitted with True when a run starts and False when it ends.
    running_changed = Signal(bool)

    def __init__(self, document: MapDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.result: MetricsResult | None = None
        self.stale = True
        #: Generation of the run whose result is wanted; a job stops when it differs.
        self.wanted = 0
        #: Outcomes of the jobs started and not yet collected.
        self._outcomes: list[_Outcome] = []
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        #: Collects finished jobs on the GUI thread (no signal crosses threads).
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)
        document.changed.connect(self._on_model_change)

    @property
    def running(self) -> bool:
        """Whether an analysis is under way."""
        return bool(self._outcomes)

    def _on_model_change(self, change: ModelChange) -> None:
        if change.kind not in _RELEVANT:
            return
        # A job started before this edit analyses the old map: it must not count as fresh.
        self.wanted += 1
        self._set_stale(True)
        self.schedule()

    def schedule(self) -> None:
        """Recompute after :data:`DEBOUNCE_MS` of quiet (restarts the wait)."""
        self._timer.start()

    def run_now(self) -> None:
        """Start an analysis of the map as it is now; older runs are abandoned."""
        self._timer.stop()
        self.wanted += 1
        outcome = _Outcome(self.wanted)
        self._outcomes.append(outcome)
        self.running_changed.emit(True)
        start_in_pool(self.pool, _Job(self.document.smap.copy(), outcome, self))
        self._poll.start()

    def cancel(self) -> None:
        """Stop the running analysis; the shown results stay marked stale."""
        self._timer.stop()
        self.wanted += 1

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle and its results are delivered (scripts, closing)."""
        idle = self.pool.waitForDone(msecs)
        self._collect()
        return idle

    def _collect(self) -> None:
        for outcome in [o for o in self._outcomes if o.done]:
            self._outcomes.remove(outcome)
            current = outcome.generation == self.wanted
            if outcome.result is not None and current:
                self.result = outcome.result
                self._set_stale(False)
                self.finished.emit(outcome.result)
            elif outcome.error is not None and current:
                self.failed.emit(outcome.error)
            elif not self._outcomes and not self._timer.isActive() and not current:
                self.failed.emit(
                    _("The analysis was cancelled; the figures shown are out of date.")
                )
        latest = next((o for o in self._outcomes if o.generation == self.wanted), None)
        if latest is not None:
            self.progress.emit(latest.progress)
        if not self._outcomes and self._poll.isActive():
            self._poll.stop()
            self.running_changed.emit(False)

    def _set_stale(self, stale: bool) -> None:
        if stale != self.stale:
            self.stale = stale
            self.stale_changed.emit(stale)
