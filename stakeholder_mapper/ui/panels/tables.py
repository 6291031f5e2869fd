"""Stakeholder and relationship tables: Qt models over the map's records, no copy of the data.

Cells show and parse values through :mod:`stakeholder_mapper.ui.panels.fields`; an edit becomes an
``UpdateStakeholder`` / ``UpdateRelationship`` command, and editing a cell while several
rows are selected sets that column on every selected row as one undo step (a ``Batch``).
Typing a bad value leaves the map unchanged and shows one sentence saying why.

Columns are sized to what they hold (:func:`fit_columns`) and refitted when the table's
width changes, until the user sizes a column by hand.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.commands import Batch, Command, UpdateRelationship, UpdateStakeholder
from ...core.i18n import _, ngettext
from ...core.model import ChangeKind, ModelChange, StakeholderMap
from ...core.validation import ValidationError
from ..document import MapDocument
from ..setup.bidi import own_direction
from .fields import RELATIONSHIP_FIELDS, STAKEHOLDER_FIELDS, UNKNOWN, Field, changes_for
from .value_names import shown_value

__all__ = ["ColumnFitter", "RecordTableModel", "TablePanel", "fit_columns"]

_Index = QModelIndex | QPersistentModelIndex
#: Role giving a value Qt can sort on (numbers for scales, folded text otherwise).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role giving the record id of the row.
ID_ROLE = Qt.ItemDataRole.UserRole + 2

_KINDS = {
    "stakeholders": (
        ChangeKind.STAKEHOLDER_ADDED,
        ChangeKind.STAKEHOLDER_REMOVED,
        ChangeKind.STAKEHOLDER_CHANGED,
    ),
    "relationships": (
        ChangeKind.RELATIONSHIP_ADDED,
        ChangeKind.RELATIONSHIP_REMOVED,
        ChangeKind.RELATIONSHIP_CHANGED,
    ),
}


class RecordTableModel(QAbstractTableModel):
    """Rows are the map's stakeholders (or relationships) in map order."""

    #: Emitted with one sentence when typed text was refused.
    refused = Signal(str)

    def __init__(self, document: MapDocument, records: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.document = document
        self.records = records
        self.fields: tuple[Field, ...] = (
            STAKEHOLDER_FIELDS if records == "stakeholders" else RELATIONSHIP_FIELDS
        )
        self._ids = list(self._store())
        document.changed.connect(self._on_model_change)

    @property
    def smap(self) -> StakeholderMap:
        """The map shown."""
        return self.document.smap

    def _store(self) -> dict[str, Any]:
        return getattr(self.document.smap, self.records)

    def record_id(self, row: int) -> str:
        """The id of the record shown in ``row``."""
        return self._ids[row]

    def row_of(self, record_id: str) -> int:
        """The row showing ``record_id`` (ValueError if absent)."""
        return self._ids.index(record_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.fields[section].title
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.fields[index.column()].editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._store()[self._ids[index.row()]]
        field = self.fields[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = field.display(field.get(record), self.smap)
            if role == Qt.ItemDataRole.EditRole:
                return "" if text == "unknown" else text
            # Shown in the interface language; edited and read back as the map stores it.
            if text == UNKNOWN and field.get(record) is None:
                text = shown_value("")
            elif field.kind in ("choice", "bool"):
                text = shown_value(text)
            return text.replace("\n", " ")
        if role == SORT_ROLE:
            return field.sort_key(field.get(record), self.smap)
        if role == ID_ROLE:
            return record.id
        if role == Qt.ItemDataRole.ForegroundRole and field.get(record) is None:
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.TextAlignmentRole and field.kind == "int":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.set_column(index.column(), [self._ids[index.row()]], str(value))

    def set_column(self, column: int, record_ids: list[str], text: str) -> bool:
        """Set one column of several records from typed text, as one undo step.

        Returns False (and emits :attr:`refused`) if the text is not valid for every record.
        """
        field = self.fields[column]
        try:
            value = field.parse(text, self.smap)
        except ValidationError as exc:
            self.refused.emit(str(exc))
            return False
        store = self._store()
        changed = [i for i in record_ids if field.get(store[i]) != value]
        if not changed:
            return True
        update = UpdateStakeholder if self.records == "stakeholders" else UpdateRelationship

        def make() -> Command:
            if len(changed) == 1:
                rid = changed[0]
                return update(self.smap, rid, **changes_for(store[rid], field, value))
            steps = [
                (
                    lambda m, rid=rid: update(
                        m, rid, **changes_for(getattr(m, self.records)[rid], field, value)
                    )
                )
                for rid in changed
            ]
            if self.records == "stakeholders":
                label = ngettext(
                    "Set {field} of {n} stakeholder",
                    "Set {field} of {n} stakeholders",
                    len(changed),
                )
            else:
                label = ngettext(
                    "Set {field} of {n} relationship",
                    "Set {field} of {n} relationships",
                    len(changed),
                )
            return Batch.build(
                self.smap, label.format(field=field.title.lower(), n=len(changed)), steps
            )

        try:
            command = make()
        except ValidationError as exc:
            self.refused.emit(str(exc))
            return False
        self.document.push(command)
        return True

    def _on_model_change(self, change: ModelChange) -> None:
        added, removed, edited = _KINDS[self.records]
        if change.kind is added:
            self.beginInsertRows(
                QModelIndex(), len(self._ids), len(self._ids) + len(change.ids) - 1
            )
            self._ids.extend(change.ids)
            self.endInsertRows()
        elif change.kind is removed:
            for record_id in change.ids:
                row = self._ids.index(record_id)
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._ids[row]
                self.endRemoveRows()
        elif change.kind is edited or (
            self.records == "relationships" and change.kind is ChangeKind.STAKEHOLDER_CHANGED
        ):
            if change.kind is edited:
                rows = [self._ids.index(i) for i in change.ids]
            else:
                rows = range(len(self._ids))
            if rows:
                self.dataChanged.emit(
                    self.index(min(rows), 0), self.index(max(rows), len(self.fields) - 1)
                )
        elif change.kind in (
            ChangeKind.RESET,
            ChangeKind.CATEGORY_CHANGED,
            ChangeKind.KIND_CHANGED,
        ):
            self.beginResetModel()
            self._ids = list(self._store())
            self.endResetModel()


class _Delegate(QStyledItemDelegate):
    """Commits an edit to every selected row of the edited column."""

    def __init__(self, table: _Table) -> None:
        super().__init__(table)
        self.table = table

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            text = editor.currentText()
        else:
            text = editor.text() if isinstance(editor, QLineEdit) else editor.property("text")
        self.table.commit(index, str(text))

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        field = self.table.panel.model.fields[index.column()]
        if field.kind in ("category", "kind"):
            box = _choice_editor(parent, field, self.table.panel.model.smap)
            # Enter on the completion list reaches the box's line only, past the
            # delegate's own watch: commit from there.
            box.lineEdit().returnPressed.connect(lambda: self._close(box))
            return box
        return QLineEdit(parent)

    def _close(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        own_direction(option)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findText(text))
            editor.setEditText(text)
            editor.lineEdit().selectAll()
        else:
            editor.setText(text)


def _choice_editor(parent: QWidget, field: Field, smap: StakeholderMap) -> QComboBox:
    """A cell editor offering the map's categories (or kinds): the list opens with Alt+Down
    or F4, and typing completes any word of a name, so "Emerg" finds "Emergency & public
    services"; a unique start is accepted as typed (see :meth:`Field.parse`)."""
    names = [c.name for c in (smap.categories if field.kind == "category" else smap.kinds).values()]
    box = QComboBox(parent)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.addItems(names)
    box.setAccessibleName(field.title)
    completer = QCompleter(names, box)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    box.setCompleter(completer)
    return box


#: Rows read to measure a column, and the widest a column is made before free room is shared.
_SAMPLE_ROWS = 150
_WIDEST = 220


def fit_columns(table: QTableView) -> None:
    """Size each column to its header and the text of its first rows (at most
    :data:`_WIDEST` pixels), then share any room left over among the columns whose text
    was cut, so that no text is cut while space is unused."""
    model = table.model()
    header = table.horizontalHeader()
    columns, rows = model.columnCount(), min(model.rowCount(), _SAMPLE_ROWS)
    if not columns:
        return
    cells, titles = table.fontMetrics(), header.fontMetrics()
    wanted = []
    for column in range(columns):
        title = model.headerData(column, Qt.Orientation.Horizontal) or ""
        width = titles.horizontalAdvance(str(title)) + 24  # room for the sort arrow
        for row in range(rows):
            text = model.index(row, column).data()
            if text is not None:
                width = max(width, cells.horizontalAdvance(str(text)) + 14)
        wanted.append(width)
    widths = [min(width, _WIDEST) for width in wanted]
    free = table.viewport().width() - sum(widths)
    cut = [c for c in range(columns) if wanted[c] > widths[c]]
    while free > 0 and cut:
        share = free // len(cut) or free
        for column in list(cut):
            grow = min(share, wanted[column] - widths[column], free)
            widths[column] += grow
            free -= grow
            if widths[column] >= wanted[column]:
                cut.remove(column)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)


class ColumnFitter:
    """Keeps a table's columns fitted (:func:`fit_columns`) when the table is shown,
    resized or refilled, until the user drags a column's edge."""

    def __init__(self, table: QTableView) -> None:
        self.table = table
        self.user_sized = False
        self._fitting = False
        self._fit_rows()
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().sectionResized.connect(self._on_section_resized)
        table.model().modelReset.connect(self.fit)
        table.viewport().installEventFilter(_ResizeWatcher(table, self.fit))
        table.installEventFilter(_FontWatcher(table, self._on_font_changed))

    def _fit_rows(self) -> None:
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)

    def _on_font_changed(self) -> None:
        """Rows and columns grow or shrink with the text (View → Text size)."""
        self._fit_rows()
        self.fit()

    def fit(self) -> None:
        """Fit the columns now, unless the user has sized them."""
        if self.user_sized or not self.table.isVisible():
            return
        self._fitting = True
        try:
            fit_columns(self.table)
        finally:
            self._fitting = False

    def _on_section_resized(self, *_args: object) -> None:
        buttons = QApplication.mouseButtons()
        if not self._fitting and buttons & Qt.MouseButton.LeftButton:
            self.user_sized = True


class _ResizeWatcher(QObject):
    """Calls back when the watched widget is shown or changes width."""

    def __init__(self, parent: QWidget, callback: Any) -> None:
        super().__init__(parent)
        self._callback = callback
        self._width = -1

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            width = watched.width()
            if width != self._width:
                self._width = width
                self._callback()
        return False


class _FontWatcher(QObject):
    """Calls back when the watched widget's font changes."""

    def __init__(self, parent: QWidget, callback: Any) -> None:
        super().__init__(parent)
        self._callback = callback

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self._callback()
        return False


class _Table(QTableView):
    def __init__(self, panel: TablePanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setItemDelegate(_Delegate(self))

    def commit(self, index: QModelIndex, text: str) -> None:
        rows = {i.row() for i in self.selectionModel().selectedRows()}
        if index.row() not in rows:
            rows = {index.row()}
        proxy = self.panel.proxy
        ids = [proxy.index(row, 0).data(ID_ROLE) for row in sorted(rows)]
        self.panel.model.set_column(proxy.mapToSource(index).column(), ids, text)


class TablePanel(QWidget):
    """A filter box, the sortable table and a line for refused edits."""

    def __init__(self, document: MapDocument, records: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.records = records
        self.model = RecordTableModel(document, records, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(
            _("Filter stakeholders…") if records == "stakeholders" else _("Filter relationships…")
        )
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = _Table(self)
        self.table.setModel(self.proxy)
        # Rows start in map order: with no sort column, enabling sorting sorts nothing
        # (sorting a large map by its first column took seconds before the window showed).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(48)
        # Tab leaves the table for the next control; the arrow keys move between cells.
        self.table.setTabKeyNavigation(False)
        if records == "stakeholders":
            self.table.setAccessibleName(_("Stakeholders table"))
            self.filter_box.setAccessibleName(_("Filter stakeholders"))
        else:
            self.table.setAccessibleName(_("Relationships table"))
            self.filter_box.setAccessibleName(_("Filter relationships"))
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._describe)
        self._describe()
        self.columns = ColumnFitter(self.table)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self.model.refused.connect(self._on_refused)
        self.document.changed.connect(lambda _c: self.message.hide())
        self._syncing = False
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        document.selection.changed.connect(self._on_shared_selection_changed)

    def _describe(self, *_args: object) -> None:
        """The table's summary for a screen reader: rows shown of all, and the columns."""
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        summary = ngettext(
            "{shown} of {total} row shown; columns: {columns}.",
            "{shown} of {total} rows shown; columns: {columns}.",
            total,
        )
        columns = ", ".join(field.title for field in self.model.fields)
        self.table.setAccessibleDescription(
            summary.format(shown=shown, total=total, columns=columns)
        )

    def _on_refused(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows, in table order."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.proxy.index(row, 0).data(ID_ROLE) for row in rows]

    def _on_table_selection_changed(self, *_args: object) -> None:
        if self._syncing:
            return
        ids = self.selected_ids()
        selection = self.document.selection
        if self.records == "stakeholders":
            selection.set(ids, selection.relationships if not ids else (), origin=self)
        else:
            selection.set(selection.stakeholders if not ids else (), ids, origin=self)

    def _on_shared_selection_changed(self, origin: object) -> None:
        if origin is self:
            return
        wanted = getattr(self.document.selection, self.records)
        selection = QItemSelection()
        for record_id in wanted:
            try:
                row = self.model.row_of(record_id)
            except ValueError:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                selection.select(index, index)
        self._syncing = True
        try:
            self.table.selectionModel().select(
                selection,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            if wanted and not selection.isEmpty():
                self.table.scrollTo(selection.indexes()[0])
        finally:
            self._syncing = False
