"""The metrics dock: freshness, progress and cancel, the metrics table and a bar chart.

The table shows the last finished analysis, most important broker (highest betweenness)
first, categories by name; while the map has changed since, the panel says the figures
are stale. Clicking a row selects the stakeholder everywhere. The chart draws the top
stakeholders as horizontal bars, as many as its height lets be read, each named on the axis
(names shortened to the axis's width, so that pyqtgraph never drops one as too wide); it
is emptied when another map is shown. It is built just after the window first shows,
since pyqtgraph and numpy load with it.
"""

from __future__ import annotations

import math
import numbers
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...analysis.columns import METRIC_COLUMNS, column_header
from ...core.i18n import _, ngettext
from ...core.model import ChangeKind, ModelChange
from ..document import MapDocument
from ..workers.lazy_widget import LazyWidget
from ..workers.metrics_runner import MetricsResult, MetricsRunner
from .tables import ColumnFitter

if TYPE_CHECKING:
    import pandas as pd
    import pyqtgraph as pg

__all__ = ["MetricsPanel", "MetricsTableModel"]

_Index = QModelIndex | QPersistentModelIndex
_SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Columns shown, in order: who, then the metrics named in DESIGN §8.
SHOWN = ("name", "category", *METRIC_COLUMNS)
#: How many stakeholders the bar chart shows (fewer when it is too low to read them all).
TOP = 10
#: Height of one bar's row in the chart, in pixels, so that names do not overlap.
_BAR_ROW_PX = 18
_CHART_MIN_HEIGHT = 60
#: Width of the names' axis, and the widest a name may be drawn on it, in pixels.
_AXIS_PX = 175
_NAME_PX = 170


class MetricsTableModel(QAbstractTableModel):
    """A read-only view of the metrics table (one row per stakeholder)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        #: The metrics shown; None until the first analysis arrives (pandas loads with it).
        self.table: pd.DataFrame | None = None

    def set_table(self, table: pd.DataFrame, category_names: dict[str, str] | None = None) -> None:
        """Show a new metrics table, with categories named as in ``category_names``."""
        self.beginResetModel()
        self.table = table[[c for c in SHOWN if c in table.columns]]
        if category_names and "category" in self.table.columns:
            names = category_names
            self.table = self.table.assign(
                category=[names.get(c, c) for c in self.table["category"]]
            )
        self.endResetModel()

    def clear(self) -> None:
        """Show no figures (another map is shown and its analysis is not in yet)."""
        self.beginResetModel()
        self.table = None
        self.endResetModel()

    def stakeholder_id(self, row: int) -> str:
        """The id of the stakeholder in ``row``."""
        return str(self.table.index[row])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.table is None else len(self.table)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_header(str(self._columns()[section]))
        return None

    def _columns(self) -> list[str]:
        return list(SHOWN if self.table is None else self.table.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.table.iat[index.row(), index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, float):
                return "–" if math.isnan(value) else f"{value:.3g}"
            return str(value)
        number = isinstance(value, numbers.Real) and not isinstance(value, bool)
        if role == _SORT_ROLE:
            if number:
                return float("-inf") if math.isnan(value) else float(value)
            return str(value).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and number:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MetricsPanel(QWidget):
    """Shows the runner's latest results and whether they are fresh."""

    def __init__(
        self, document: MapDocument, runner: MetricsRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.runner = runner
        self.status = QLabel()
        # Long messages must not widen the dock (and so the window layout) as they change:
        # they wrap onto a second line instead.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.clicked.connect(runner.cancel)
        self.metric_box = QComboBox()
        for column in METRIC_COLUMNS:
            if column != "community":
                self.metric_box.addItem(column_header(column), column)
        self.metric_box.currentIndexChanged.connect(self._draw_chart)
        self.model = MetricsTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(_SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(SHOWN.index("betweenness"), Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(48)
        self.table.clicked.connect(self._on_row_clicked)
        self.table.activated.connect(self._on_row_clicked)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(_("Metrics table"))
        self.metric_box.setAccessibleName(_("Chart metric"))
        self.columns = ColumnFitter(self.table)
        #: Where the bar chart goes; see :attr:`chart`.
        self.chart_slot: LazyWidget[pg.PlotWidget] = LazyWidget(
            self._build_chart, _("Loading the chart…")
        )
        self.chart_slot.setMinimumHeight(_CHART_MIN_HEIGHT)
        self.chart_slot.built.connect(self._draw_chart)
        self._bars = 0
        #: The figures shown: the last analysis of the map now shown, if any.
        self._result: MetricsResult | None = None

        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_head = QHBoxLayout()
        self.chart_title = QLabel(ngettext("Top {n} by", "Top {n} by", TOP).format(n=TOP))
        # The count changes with the chart's height; the label's size must not follow it.
        self.chart_title.setFixedSize(self.chart_title.sizeHint())
        chart_head.addWidget(self.chart_title)
        chart_head.addWidget(self.metric_box, 1)
        chart_layout.addLayout(chart_head)
        chart_layout.addWidget(self.chart_slot)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(chart_box)
        split.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        runner.stale_changed.connect(self._on_state)
        runner.running_changed.connect(self._on_state)
        runner.progress.connect(lambda f: self.progress.setValue(round(100 * f)))
        runner.finished.connect(self._on_finished)
        runner.failed.connect(self._on_failed)
        document.changed.connect(self._on_model_change)
        self._message = ""
        self._on_state()
        if runner.result is not None:
            self._on_finished(runner.result)

    @property
    def chart(self) -> pg.PlotWidget:
        """The bar chart, built now if it was not yet."""
        return self.chart_slot.widget()

    def _build_chart(self) -> pg.PlotWidget:
        import pyqtgraph as pg

        chart = pg.PlotWidget(background="w")
        chart.setAccessibleName(_("Metrics chart"))
        chart.setMinimumHeight(_CHART_MIN_HEIGHT)
        chart.hideButtons()
        chart.setMouseEnabled(x=False, y=False)
        axis = chart.getAxis("left")
        axis.setStyle(tickTextWidth=_NAME_PX, autoExpandTextSpace=False, tickFont=chart.font())
        axis.setWidth(_AXIS_PX)
        chart.getAxis("bottom").enableAutoSIPrefix(False)
        chart.getViewBox().sigResized.connect(self._on_chart_resized)
        return chart

    def is_stale(self) -> bool:
        """Whether the panel says its figures are out of date."""
        return self.runner.stale

    def _on_state(self, *_args: object) -> None:
        running = self.runner.running
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.progress.setValue(0)
            text = _("Stale: the map changed, recomputing…")
        elif self.runner.stale:
            text = self._message or _("Stale: the map changed since these figures.")
        else:
            text = _("Up to date. Distances are 60 / strength, so equal routes tie exactly.")
        self.status.setText(text)
        self.status.setToolTip(text)
        self.status.setStyleSheet("color: #a15c00;" if self.runner.stale else "color: #1b5e20;")

    def _on_finished(self, result: MetricsResult) -> None:
        self._result = result
        self._message = ""
        names = {cid: c.name for cid, c in self.document.smap.categories.items()}
        self.model.set_table(result.metrics, names)
        self.table.setAccessibleDescription(
            ngettext(
                "Metrics of {n} stakeholder; a row's stakeholder is selected with Enter.",
                "Metrics of {n} stakeholders; a row's stakeholder is selected with Enter.",
                self.model.rowCount(),
            ).format(n=self.model.rowCount())
        )
        self._draw_chart()
        self._on_state()

    def _on_failed(self, message: str) -> None:
        self._message = message
        self._on_state()

    def bars_that_fit(self) -> int:
        """How many bars the chart can show with readable, non-overlapping names."""
        height = self.chart.getViewBox().height()
        return max(1, min(TOP, int(height // _BAR_ROW_PX)))

    def _on_chart_resized(self) -> None:
        if self.bars_that_fit() != self._bars:
            self._draw_chart()

    def _draw_chart(self) -> None:
        if not self.chart_slot.is_built():
            return  # drawn once built, from the results of then
        import pyqtgraph as pg

        self.chart.clear()
        names_axis = self.chart.getAxis("left")
        names_axis.setTicks([[]])
        self._bars = self.bars_that_fit()
        self.chart_title.setText(
            ngettext("Top {n} by", "Top {n} by", self._bars).format(n=self._bars)
        )
        result = self._result
        column = self.metric_box.currentData()
        if result is None or column not in result.metrics.columns:
            return
        values = result.metrics[column].astype(float).dropna().sort_values(ascending=False)
        values = values.head(self._bars)[::-1]
        if values.empty:
            return
        names = result.metrics.loc[values.index, "name"]
        ys = list(range(len(values)))
        self.chart.addItem(
            pg.BarGraphItem(x0=0, y=ys, height=0.7, width=list(values), brush="#0072B2")
        )
        metrics = QFontMetrics(names_axis.style["tickFont"])
        ticks = [
            (y, metrics.elidedText(str(name), Qt.TextElideMode.ElideRight, _NAME_PX))
            for y, name in zip(ys, names, strict=True)
        ]
        names_axis.setTicks([ticks])
        self.chart.setYRange(-0.6, len(values) - 0.4, padding=0)
        self.chart.setLabel("bottom", column_header(column))
        self.chart.setAccessibleDescription(
            _("{metric}, highest first: {values}.").format(
                metric=column_header(column),
                values=", ".join(
                    f"{name} {value:.3g}"
                    for name, value in zip(names[::-1], values[::-1], strict=True)
                ),
            )
        )

    def _on_model_change(self, change: ModelChange) -> None:
        """Another map is shown: its figures are not in yet, so none are shown."""
        if change.kind is ChangeKind.RESET:
            self._result = None
            self.model.clear()
            self._draw_chart()

    def _on_row_clicked(self, index: QModelIndex) -> None:
        row = self.proxy.mapToSource(index).row()
        self.document.selection.set([self.model.stakeholder_id(row)], origin=self)
