"""A progress bar in the status bar for work the window does in the background.

While a large map's ties are still being drawn, or metrics are being computed for longer
than :data:`METRICS_SHOWN_AFTER_MS` (a small map's quick recount after each edit does
not flash a bar), the bar says which and how far along it is; it hides when nothing is
running. The window stays usable meanwhile: this only reports.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressBar, QWidget

from ...core.i18n import _, format_number
from ..canvas import MapScene
from ..workers.metrics_runner import MetricsRunner

__all__ = ["METRICS_SHOWN_AFTER_MS", "BackgroundProgress"]

#: How long a metrics run goes unreported in the status bar.
METRICS_SHOWN_AFTER_MS = 1000


class BackgroundProgress(QProgressBar):
    """Shows the drawing of a large map's ties, then the metrics run, as a percentage."""

    def __init__(self, scene: MapScene, metrics: MetricsRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(0, 100)
        self.setMaximumWidth(260)
        # No taller than a line of status text: showing the bar must not make the status bar,
        # and so the window's layout and its saved dock sizes, change.
        self.setMaximumHeight(self.fontMetrics().height())
        self.setTextVisible(True)
        self._drawing: tuple[int, int] | None = None
        self._metrics: float | None = None
        self._metrics_due = QTimer(self, singleShot=True, interval=METRICS_SHOWN_AFTER_MS)
        self._metrics_due.timeout.connect(self._update)
        scene.building.connect(self._on_building)
        metrics.running_changed.connect(self._on_metrics_running)
        metrics.progress.connect(self._on_metrics_progress)
        self.hide()

    def _on_building(self, done: int, total: int) -> None:
        self._drawing = (done, total) if done < total else None
        self._update()

    def _on_metrics_running(self, running: bool) -> None:
        self._metrics = 0.0 if running else None
        if running:
            self._metrics_due.start()
        else:
            self._metrics_due.stop()
            self._update()

    def _on_metrics_progress(self, fraction: float) -> None:
        if self._metrics is not None:
            self._metrics = fraction
            if not self._metrics_due.isActive():
                self._update()

    def _update(self) -> None:
        if self._drawing is not None:
            done, total = self._drawing
            self.setFormat(
                _("Drawing ties: {done} of {total}").format(
                    done=format_number(done), total=format_number(total)
                )
            )
            self.setValue(round(100 * done / total))
        metrics = self._metrics is not None and not self._metrics_due.isActive()
        if self._drawing is None and metrics:
            self.setFormat(_("Computing metrics: %p %"))
            self.setValue(round(100 * self._metrics))
        self.setVisible(self._drawing is not None or metrics)
