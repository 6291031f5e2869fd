"""The snapshot panel: take, rename, restore and delete snapshots, and compare them.

Select one snapshot and press Compare to see what changed since then; select two to
compare them with each other (older first). The differences appear as a table under
the list and are offered to the canvas (:attr:`SnapshotPanel.comparison_changed`) so
that it can mark added stakeholders green and show removed ones as ghosts.
"""

from __future__ import annotations

import dataclasses
import math
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...analysis.compare import MapComparison, brokerage_moves, compare_maps
from ...analysis.views import AnalysisInputError
from ...core.dates import local_time, time_of_day
from ...core.i18n import N_, _, format_date, ngettext
from ...core.model import ChangeKind, ModelChange, Snapshot, StakeholderMap
from ...core.sharing import SetSharing, snapshot_key
from ...core.snapshots import (
    DeleteSnapshot,
    RenameSnapshot,
    RestoreSnapshot,
    TakeSnapshot,
    content_copy,
)
from ...core.validation import ValidationError
from ...io.project import snapshot_content, snapshot_map
from ..dialogs.sharing import SHARING_HELP, SharingBox
from ..document import MapDocument
from ..workers.background import BackgroundTask

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ComparisonTableModel", "ComparisonView", "SnapshotPanel"]

_Index = QModelIndex | QPersistentModelIndex
#: Pause after the last edit before a comparison with now is brought up to date.
REFRESH_MS = 300
_HEADERS = {
    "change": N_("Change"),
    "what": N_("What"),
    "name": N_("Stakeholder or relationship"),
    "field": N_("Field"),
    "before": N_("Before"),
    "after": N_("After"),
}


def _shown(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return _("unknown")
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) or _("none")
    return str(value)


def _brokerage_moves(before: StakeholderMap, after: StakeholderMap) -> tuple:
    """The brokerage movers between two map copies; none when a map cannot be analysed."""
    try:
        return brokerage_moves(before, after)
    except AnalysisInputError:
        return ()


class ComparisonTableModel(QAbstractTableModel):
    """A read-only table over :meth:`MapComparison.table` (the id column is left out)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        #: The differences shown (pandas loads with the first comparison); None when none.
        self.frame: pd.DataFrame | None = None

    def set_comparison(self, comparison: MapComparison | None) -> None:
        """Show ``comparison`` (or nothing)."""
        self.beginResetModel()
        self.frame = comparison.table()[list(_HEADERS)] if comparison else None
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.frame is None else len(self.frame)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(list(_HEADERS.values())[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.frame.iat[index.row(), index.column()]
        column = self.frame.columns[index.column()]
        if column in ("before", "after") and self.frame.iat[index.row(), 0] in ("added", "removed"):
            return ""
        return _shown(value)


class ComparisonView(QWidget):
    """A headline of what changed, the supporters/opponents totals, and the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.model = ComparisonTableModel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName(_("Changes since the snapshot"))
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines = QListWidget(self)
        self.lines.setAccessibleName(_("Changes since the snapshot"))
        self.lines.setWordWrap(True)
        self.lines.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.lines, 1)
        self.comparison: MapComparison | None = None
        self.set_comparison(None, "")

    def set_point_size(self, points: int, compact: bool = False) -> None:
        """Make the headline and the table larger (for a projector) or smaller.

        ``compact`` shows one plain line per difference instead of the table, for a side
        panel on a projector.
        """
        font = QFont(self.font())
        font.setPointSize(points)
        for widget in (self.table, self.table.horizontalHeader(), self.headline, self.lines):
            widget.setFont(font)
        self.table.setVisible(not compact)
        self.lines.setVisible(compact)
        self._fit_columns()

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()

    def set_comparison(self, comparison: MapComparison | None, title: str) -> None:
        """Show a comparison under ``title`` ("Workshop 1 → now")."""
        self.comparison = comparison
        self.model.set_comparison(comparison)
        self.lines.clear()
        if comparison is not None:
            self.lines.addItems([d.sentence() for d in comparison.rows()])
        if comparison is None:
            self.headline.setText(_("Select one snapshot to compare with now, or two to compare."))
            return
        added = len(comparison.added_stakeholders)
        removed = len(comparison.removed_stakeholders)
        changed = len({d.id for d in comparison.changed_stakeholders})
        moved = len(comparison.quadrant_moves)
        counts = [
            ngettext("{n} added", "{n} added", added).format(n=added) if added else "",
            ngettext("{n} removed", "{n} removed", removed).format(n=removed) if removed else "",
            ngettext("{n} changed", "{n} changed", changed).format(n=changed) if changed else "",
            ngettext("{n} moved quadrant", "{n} moved quadrant", moved).format(n=moved)
            if moved
            else "",
        ]
        people = ", ".join(text for text in counts if text) or _("no changes")
        before, after = comparison.support_before, comparison.support_after
        self.headline.setText(
            _(
                "<b>{title}</b><br>Stakeholders: {people}. Relationships: {added} added, "
                "{removed} removed, {changed} changed.<br>Influence of supporters "
                "{supporters_before} → {supporters_after}, of opponents {opponents_before} → "
                "{opponents_after}."
            ).format(
                title=title,
                people=people,
                added=len(comparison.added_relationships),
                removed=len(comparison.removed_relationships),
                changed=len({d.id for d in comparison.changed_relationships}),
                supporters_before=before.supporters,
                supporters_after=after.supporters,
                opponents_before=before.opponents,
                opponents_after=after.opponents,
            )
        )
        if comparison.brokerage_moves:
            top = comparison.brokerage_moves[0]
            self.headline.setText(
                self.headline.text()
                + _("<br>Biggest brokerage change: {name}.").format(name=top.name)
            )
        self._fit_columns()


#: What a snapshot's sharing mark covers.
SNAPSHOT_SHARING = N_("Unshared, plans call the snapshot by its number.")


class SnapshotPanel(QWidget):
    """List, take, rename, restore, delete and compare the map's snapshots."""

    #: Emitted with (comparison, map before) when a comparison is shown, (None, None) when cleared.
    comparison_changed = Signal(object, object)

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Snapshots"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.take_button = QPushButton(_("Take snapshot…"), self)
        self.restore_button = QPushButton(_("Restore"), self)
        self.rename_button = QPushButton(_("Rename…"), self)
        self.delete_button = QPushButton(_("Delete"), self)
        self.compare_button = QPushButton(_("Compare"), self)
        #: Whether partner and public plans may show the selected snapshot's name.
        self.sharing = SharingBox(self)
        self.sharing.setToolTip(_(SHARING_HELP) + " " + _(SNAPSHOT_SHARING))
        self.clear_button = QPushButton(_("Clear comparison"), self)
        self.comparison = ComparisonView(self)
        self._compared: tuple[str, str | None] | None = None
        #: What the shown comparison compares ("Workshop 1 → now").
        self.title = ""
        #: Whether the brokerage movers of the shown comparison are still being computed.
        self.brokerage_pending = False
        #: Computes brokerage movers off the GUI thread; a newer comparison drops an older one.
        self._brokerage = BackgroundTask(self)
        self._brokerage.finished.connect(self._on_brokerage_finished)
        self._brokerage.failed.connect(self._on_brokerage_failed)
        self._before: StakeholderMap | None = None
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._on_refresh_timeout)

        buttons = QHBoxLayout()
        for button in (
            self.take_button,
            self.restore_button,
            self.rename_button,
            self.delete_button,
        ):
            buttons.addWidget(button)
        compare = QHBoxLayout()
        compare.addWidget(self.compare_button)
        compare.addWidget(self.clear_button)
        compare.addStretch(1)
        compare.addWidget(self.sharing)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(compare)
        layout.addWidget(self.comparison, 2)

        self.take_button.clicked.connect(self._on_take_clicked)
        self.restore_button.clicked.connect(self.restore_selected)
        self.rename_button.clicked.connect(self._on_rename_clicked)
        self.delete_button.clicked.connect(self.delete_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.clear_button.clicked.connect(self.clear_comparison)
        self.sharing.marked.connect(self._on_sharing_marked)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        document.changed.connect(self._on_model_change)
        self._fill()

    # -- list -------------------------------------------------------------------------
    def _fill(self) -> None:
        chosen = set(self.selected_ids())
        self.list.clear()
        for snapshot in self.document.smap.snapshots:
            created = local_time(snapshot.created)
            when = f"{format_date(created, short=True)} {time_of_day(created)}"
            item = QListWidgetItem(f"{snapshot.name}  —  {when}")
            item.setData(Qt.ItemDataRole.UserRole, snapshot.id)
            self.list.addItem(item)
            item.setSelected(snapshot.id in chosen)
        self._update_buttons()

    def selected_ids(self) -> list[str]:
        """Ids of the selected snapshots, in list (= time) order."""
        order = [s.id for s in self.document.smap.snapshots]
        ids = [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]
        return sorted(ids, key=lambda i: order.index(i) if i in order else len(order))

    def select(self, *snapshot_ids: str) -> None:
        """Select the given snapshots in the list."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setSelected(item.data(Qt.ItemDataRole.UserRole) in snapshot_ids)

    def _snapshot(self, snapshot_id: str) -> Snapshot:
        return next(s for s in self.document.smap.snapshots if s.id == snapshot_id)

    def _update_buttons(self) -> None:
        n = len(self.list.selectedItems())
        for button in (self.restore_button, self.rename_button):
            button.setEnabled(n == 1)
        self.delete_button.setEnabled(n == 1)
        self.compare_button.setEnabled(n in (1, 2))
        self.compare_button.setText(_("Compare the two") if n == 2 else _("Compare with now"))
        self.sharing.setEnabled(n == 1)
        ids = self.selected_ids()
        key = snapshot_key(ids[0]) if n == 1 else ""
        self.sharing.set_mark(self.document.smap.sharing.get(key, "withheld"))

    def _on_sharing_marked(self, mark: str) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            key = snapshot_key(ids[0])
            self.document.try_edit(lambda: SetSharing(self.document.smap, {key: mark}))

    # -- edits ------------------------------------------------------------------------
    def take(self, name: str) -> bool:
        """Keep a snapshot of the map as it is now under ``name`` (one undo step)."""
        smap = self.document.smap
        return self.document.try_edit(lambda: TakeSnapshot(smap, name, snapshot_content(smap)))

    def restore_selected(self) -> bool:
        """Replace the map by the selected snapshot (undoable)."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return False
        snapshot = self._snapshot(ids[0])
        return self.document.try_edit(
            lambda: RestoreSnapshot(self.document.smap, snapshot.id, snapshot_map(snapshot))
        )

    def rename_selected(self, name: str) -> bool:
        """Rename the selected snapshot."""
        ids = self.selected_ids()
        return len(ids) == 1 and self.document.try_edit(
            lambda: RenameSnapshot(self.document.smap, ids[0], name)
        )

    def delete_selected(self) -> bool:
        """Delete the selected snapshot (undoable)."""
        ids = self.selected_ids()
        return len(ids) == 1 and self.document.try_edit(
            lambda: DeleteSnapshot(self.document.smap, ids[0])
        )

    def _on_take_clicked(self) -> None:
        default = _("Snapshot {number}").format(number=len(self.document.smap.snapshots) + 1)
        name, ok = QInputDialog.getText(
            self, _("Take snapshot"), _("Name of the snapshot:"), text=default
        )
        if ok:
            self.take(name)

    def _on_rename_clicked(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        old = self._snapshot(ids[0]).name
        name, ok = QInputDialog.getText(self, _("Rename snapshot"), _("New name:"), text=old)
        if ok:
            self.rename_selected(name)

    # -- comparison -------------------------------------------------------------------
    def compare_selected(self) -> MapComparison | None:
        """Compare the selected snapshot with now, or two selected snapshots (older first)."""
        ids = self.selected_ids()
        if len(ids) not in (1, 2):
            return None
        self._compared = (ids[0], ids[1] if len(ids) == 2 else None)
        return self._show_comparison()

    def clear_comparison(self) -> None:
        """Stop showing a comparison (table and canvas)."""
        self._compared = None
        self._refresh.stop()
        self._brokerage.drop()
        self.brokerage_pending = False
        self.title = ""
        self.comparison.set_comparison(None, "")
        self.comparison_changed.emit(None, None)

    def _show_comparison(self) -> MapComparison | None:
        assert self._compared is not None
        first, second = self._compared
        try:
            before = snapshot_map(self._snapshot(first))
            after: StakeholderMap = (
                snapshot_map(self._snapshot(second)) if second else self.document.smap
            )
        except (StopIteration, ValidationError):
            self.clear_comparison()
            return None
        result = compare_maps(before, after, brokerage=False)
        title = _("{before} → {after}").format(
            before=self._snapshot(first).name,
            after=self._snapshot(second).name if second else _("now"),
        )
        self.title = title
        self._before = before
        self.comparison.set_comparison(result, title)
        self.comparison_changed.emit(result, before)
        later = after if second else content_copy(after)
        self.brokerage_pending = True
        self._brokerage.start(lambda _report: _brokerage_moves(before, later))
        return result

    def _on_brokerage_failed(self, message: str) -> None:
        self.brokerage_pending = False
        self.comparison.headline.setText(
            self.comparison.headline.text()
            + _("<br>Brokerage changes could not be computed: {reason}").format(
                reason=escape(message)
            )
        )

    def _on_brokerage_finished(self, moves: tuple) -> None:
        current = self.comparison.comparison
        self.brokerage_pending = False
        if current is None or self._compared is None:
            return
        result = dataclasses.replace(current, brokerage_moves=moves)
        self.comparison.set_comparison(result, self.title)
        self.comparison_changed.emit(result, self._before)

    def _on_model_change(self, change: ModelChange) -> None:
        if change.kind is ChangeKind.SHARING_CHANGED:
            self._update_buttons()
            return
        if change.kind is ChangeKind.POSITIONS_CHANGED:
            return
        whole = change.kind in (ChangeKind.SNAPSHOTS_CHANGED, ChangeKind.RESET)
        if whole:
            self._fill()
        if self._compared is None:
            return
        if whole:
            self._refresh.stop()
            self._show_comparison()
        elif self._compared[1] is None:
            # Comparing with now: edits come in bursts (typing, + presses), so wait a moment.
            self._refresh.start()

    def _on_refresh_timeout(self) -> None:
        if self._compared is not None:
            self._show_comparison()
