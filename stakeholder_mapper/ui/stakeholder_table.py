"""The stakeholder table: a Qt model over the map's stakeholders (no copy of the data)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..core.model import ChangeKind, ModelChange, StakeholderMap

__all__ = ["StakeholderTableModel"]

_Index = QModelIndex | QPersistentModelIndex

#: (field, header) of each column, in display order.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("label", "Name"),
    ("category", "Category"),
    ("organisation", "Organisation"),
    ("level", "Level"),
    ("power", "Power"),
    ("interest", "Interest"),
    ("position", "Position"),
    ("trust", "Trust"),
)


class StakeholderTableModel(QAbstractTableModel):
    """Rows are the map's stakeholders in order; unknown values show as "unknown"."""

    def __init__(self, smap: StakeholderMap, parent: Any = None) -> None:
        super().__init__(parent)
        self._map = smap
        self._ids = list(smap.stakeholders)
        self._unsubscribe = smap.subscribe(self._on_model_change)

    def detach(self) -> None:
        """Stop listening to the map (before the map is replaced)."""
        self._unsubscribe()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][1]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        stakeholder = self._map.stakeholders[self._ids[index.row()]]
        name = COLUMNS[index.column()][0]
        value = getattr(stakeholder, name)
        if name == "category":
            category = self._map.categories.get(value)
            return category.name if category else value
        return "unknown" if value is None else str(value)

    def stakeholder_id(self, row: int) -> str:
        """The id of the stakeholder shown in ``row``."""
        return self._ids[row]

    def _on_model_change(self, change: ModelChange) -> None:
        if change.kind is ChangeKind.STAKEHOLDER_ADDED:
            self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids))
            self._ids.extend(change.ids)
            self.endInsertRows()
        elif change.kind is ChangeKind.STAKEHOLDER_REMOVED:
            for sid in change.ids:
                row = self._ids.index(sid)
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                self.endRemoveRows()
        elif change.kind is ChangeKind.STAKEHOLDER_CHANGED:
            for sid in change.ids:
                row = self._ids.index(sid)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        elif change.kind in (ChangeKind.RESET, ChangeKind.CATEGORY_CHANGED):
            self.beginResetModel()
            self._ids = list(self._map.stakeholders)
            self.endResetModel()
