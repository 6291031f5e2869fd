"""Brokers at a glance: once metrics are in, the canvas sizes stakeholders by brokerage
(betweenness: the share of most trusted routes between others that pass through them)
and always names our branch, the top brokers and the most powerful.

View → Size by brokerage (Ctrl+B) switches between brokerage and power; the choice is
remembered. A size picked in View → Size stakeholders by (interest, a role count…) is
left alone: the toggle only moves between power and brokerage.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ...analysis.key_stakeholders import always_named
from ...core.i18n import _
from ..canvas.scene import MapScene
from ..setup.settings import SIZE_BY, Settings
from ..workers.metrics_runner import MetricsResult, MetricsRunner

__all__ = ["BROKERAGE", "BrokerView"]

#: The metrics column the canvas sizes stakeholders by to show brokerage.
BROKERAGE = "betweenness"


class BrokerView(QObject):
    """Owns the brokerage toggle and keeps the canvas's sizes and always-named labels in
    step with the latest metrics."""

    def __init__(
        self,
        window: QWidget,
        settings: Settings,
        runner: MetricsRunner,
        scene: MapScene,
        choose_size: Callable[[str], None],
    ) -> None:
        """``choose_size`` sizes the canvas by a column name and ticks it in the Size menu."""
        super().__init__(window)
        self.settings = settings
        self.runner = runner
        self.scene = scene
        self._choose_size = choose_size
        self.action = QAction(_("Size by &brokerage"), window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Ctrl+B"))
        self.action.setToolTip(
            _(
                "Size stakeholders by brokerage (how many most trusted routes between others "
                "pass through them) instead of power (Ctrl+B)"
            )
        )
        self.action.setChecked(settings.get(SIZE_BY) != "power")
        self.action.toggled.connect(self._on_toggled)
        runner.finished.connect(self._on_metrics)

    @property
    def brokerage(self) -> bool:
        """Whether the canvas is to show brokerage rather than power."""
        return self.action.isChecked()

    def apply(self) -> None:
        """Size by brokerage or power as the toggle says (brokerage once metrics are in),
        unless another size was picked from the Size menu."""
        if self.scene.size_by not in ("power", BROKERAGE):
            return
        result = self.runner.result
        ready = result is not None and BROKERAGE in result.metrics.columns
        self._choose_size(BROKERAGE if self.brokerage and ready else "power")

    def follow_menu(self, action: QAction) -> None:
        """Tick or untick the toggle when brokerage or power is picked from the Size menu,
        so that the next metrics keep the size picked."""
        if action.data() in (BROKERAGE, "power"):
            self.action.setChecked(action.data() == BROKERAGE)

    def _on_toggled(self, checked: bool) -> None:
        self.settings.set(SIZE_BY, "brokerage" if checked else "power")
        if self.scene.size_by not in ("power", BROKERAGE):
            self._choose_size("power")  # the toggle always moves between these two
        self.apply()

    def _on_metrics(self, result: MetricsResult) -> None:
        brokerage = None
        if BROKERAGE in result.metrics.columns:
            brokerage = {str(k): float(v) for k, v in result.metrics[BROKERAGE].items()}
        self.scene.set_key_stakeholders(always_named(self.scene.smap, brokerage))
        self.apply()
