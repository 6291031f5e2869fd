"""Live metrics: recomputed in a worker thread after edits, debounced, stale results dropped.

After each edit that can change a metric the runner waits ~400 ms for more edits, copies
the map (records are immutable, so copying the dictionaries is enough), and computes the
metrics, readings and findings in a :class:`QThreadPool` worker. The worker touches no
widget; results come back through a signal and are used only if no newer run started.
Long runs report progress and can be cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from ..analysis.metrics import compute_metrics
from ..analysis.progress import Cancelled
from ..analysis.readings import Reading, map_findings, stakeholder_readings
from ..core.model import ChangeKind, ModelChange, StakeholderMap
from .document import MapDocument

__all__ = ["DEBOUNCE_MS", "MetricsResult", "MetricsRunner", "copy_for_analysis"]

#: Quiet time after the last edit before metrics are recomputed.
DEBOUNCE_MS = 400

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


def copy_for_analysis(smap: StakeholderMap) -> StakeholderMap:
    """A copy of the map's content safe to read in another thread while the map is edited."""
    copy = StakeholderMap(smap.info)
    copy.categories = dict(smap.categories)
    copy.kinds = dict(smap.kinds)
    copy.stakeholders = dict(smap.stakeholders)
    copy.relationships = dict(smap.relationships)
    return copy


class _Signals(QObject):
    progress = Signal(int, float)
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)


class _Job(QRunnable):
    def __init__(self, smap: StakeholderMap, generation: int, runner: MetricsRunner) -> None:
        super().__init__()
        self.smap = smap
        self.generation = generation
        self.signals = _Signals()
        self._runner = runner

    def _stop(self) -> bool:
        return self._runner.wanted != self.generation

    def run(self) -> None:
        try:
            metrics = compute_metrics(
                self.smap,
                progress=lambda f: self.signals.progress.emit(self.generation, f),
                cancelled=self._stop,
            )
            if self._stop():
                raise Cancelled
            result = MetricsResult(
                metrics,
                stakeholder_readings(self.smap, metrics),
                map_findings(self.smap, metrics),
            )
        except Cancelled:
            self.signals.cancelled.emit(self.generation)
            return
        except Exception as exc:  # the window must survive any analysis failure
            self.signals.failed.emit(self.generation, f"The analysis failed: {exc}")
            return
        self.signals.finished.emit(self.generation, result)


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
        self._running: dict[int, _Job] = {}
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        document.changed.connect(self._on_model_change)

    @property
    def running(self) -> bool:
        """Whether an analysis is under way."""
        return bool(self._running)

    def _on_model_change(self, change: ModelChange) -> None:
        if change.kind not in _RELEVANT:
            return
        self._set_stale(True)
        self.schedule()

    def schedule(self) -> None:
        """Recompute after :data:`DEBOUNCE_MS` of quiet (restarts the wait)."""
        self._timer.start()

    def run_now(self) -> None:
        """Start an analysis of the map as it is now; older runs are abandoned."""
        self._timer.stop()
        self.wanted += 1
        job = _Job(copy_for_analysis(self.document.smap), self.wanted, self)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        job.signals.cancelled.connect(self._on_cancelled)
        self._running[job.generation] = job
        self.running_changed.emit(True)
        self.pool.start(job)

    def cancel(self) -> None:
        """Stop the running analysis; the shown results stay marked stale."""
        self._timer.stop()
        self.wanted += 1

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (for scripts and shutting down)."""
        return self.pool.waitForDone(msecs)

    def _done(self, generation: int) -> bool:
        self._running.pop(generation, None)
        if not self._running:
            self.running_changed.emit(False)
        return generation == self.wanted

    def _on_progress(self, generation: int, fraction: float) -> None:
        if generation == self.wanted:
            self.progress.emit(fraction)

    def _on_finished(self, generation: int, result: MetricsResult) -> None:
        if not self._done(generation):
            return
        self.result = result
        self._set_stale(False)
        self.finished.emit(result)

    def _on_failed(self, generation: int, message: str) -> None:
        if self._done(generation):
            self.failed.emit(message)

    def _on_cancelled(self, generation: int) -> None:
        if self._done(generation) or not self._running:
            self.failed.emit("The analysis was cancelled; the figures shown are out of date.")

    def _set_stale(self, stale: bool) -> None:
        if stale != self.stale:
            self.stale = stale
            self.stale_changed.emit(stale)
