"""The engagement log of the selected stakeholder: dated meetings, letters, calls and events.

A table lists the interactions in date order; the form below adds one, or edits or
deletes the one selected in the table, and says who may read it in shared versions.
Each edit is one undo step. The plan's progress
section reads the same log.
"""

from __future__ import annotations

import datetime as dt
import typing

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.engagement_log import AddLogEntry, RemoveLogEntry, UpdateLogEntry
from ...core.i18n import N_, _, ngettext
from ...core.model import ChangeKind, InteractionKind, LogEntry, ModelChange
from ...core.sharing import SetSharing, log_key
from ..dialogs.sharing import SHARING_HELP, SharingBox
from ..document import MapDocument
from .value_names import shown_value

__all__ = ["EngagementLogEditor"]

KINDS: tuple[str, ...] = typing.get_args(InteractionKind)
#: Why an entry's mark goes when the entry is edited (the mark names what was shared).
EDITED_ENTRY = N_("An edited entry is internal only until shared again.")
_COLUMNS = (N_("Date"), N_("Kind"), N_("What happened"), N_("Outcome"), N_("Next step"))


class EngagementLogEditor(QWidget):
    """Shows and edits the log of the first selected stakeholder."""

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.stakeholder_id: str | None = None
        self.title = QLabel(self)
        self.table = QTableWidget(0, len(_COLUMNS), self)
        self.table.setAccessibleName(_("Engagement log"))
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalHeaderLabels([_(column) for column in _COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate.currentDate())
        self.kind = QComboBox(self)
        for kind in KINDS:
            self.kind.addItem(shown_value(kind), kind)
        self.summary = QLineEdit(self)
        self.outcome = QLineEdit(self)
        self.next_step = QLineEdit(self)
        #: Who may read the selected entry in exported plans and files.
        self.sharing = SharingBox(self)
        self.sharing.setToolTip(_(SHARING_HELP) + " " + _(EDITED_ENTRY))
        self.add_button = QPushButton(_("Add"), self)
        self.save_button = QPushButton(_("Save changes"), self)
        self.delete_button = QPushButton(_("Delete"), self)

        form = QFormLayout()
        form.addRow(_("Date"), self.date)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("What happened"), self.summary)
        form.addRow(_("Outcome"), self.outcome)
        form.addRow(_("Next step"), self.next_step)
        form.addRow(_("Shared"), self.sharing)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_entry)
        self.save_button.clicked.connect(self.save_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.sharing.marked.connect(self._on_sharing_marked)
        self.table.itemSelectionChanged.connect(self._on_row_selected)
        document.changed.connect(self._on_model_change)
        document.selection.changed.connect(self._on_selection_changed)
        self._on_selection_changed(None)

    def show_stakeholder(self, stakeholder_id: str | None) -> None:
        """Show the log of ``stakeholder_id`` (None: nothing selected)."""
        if stakeholder_id not in self.document.smap.stakeholders:
            stakeholder_id = None
        self.stakeholder_id = stakeholder_id
        self._fill()

    def _fill(self) -> None:
        smap = self.document.smap
        stakeholder = smap.stakeholders.get(self.stakeholder_id or "")
        row = self.current_row()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        enabled = stakeholder is not None
        for widget in (self.table, self.add_button, self.date, self.kind, self.summary):
            widget.setEnabled(enabled)
        if stakeholder is None:
            self.title.setText(_("Select a stakeholder to see its engagement log."))
            self.table.blockSignals(False)
            self._update_buttons()
            return
        self.title.setText(
            ngettext(
                "<b>{name}</b>: {n} interaction",
                "<b>{name}</b>: {n} interactions",
                len(stakeholder.log),
            ).format(name=stakeholder.label, n=len(stakeholder.log))
        )
        for entry in stakeholder.log:
            r = self.table.rowCount()
            self.table.insertRow(r)
            values = (
                entry.date.isoformat(),
                shown_value(entry.kind),
                entry.summary,
                entry.outcome,
                entry.next_step,
            )
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        if row is not None and row < self.table.rowCount():
            self.table.selectRow(row)
        self.table.blockSignals(False)
        self._update_buttons()

    def current_row(self) -> int | None:
        """The index of the selected log entry, if any."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        chosen = self.stakeholder_id is not None and self.current_row() is not None
        self.save_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.sharing.setEnabled(chosen)
        entry = self._selected_entry()
        self.sharing.set_mark(
            self.document.smap.sharing.get(self._key(entry), "withheld") if entry else "withheld"
        )

    def _selected_entry(self) -> LogEntry | None:
        stakeholder = self.document.smap.stakeholders.get(self.stakeholder_id or "")
        row = self.current_row()
        if stakeholder is None or row is None or row >= len(stakeholder.log):
            return None
        return stakeholder.log[row]

    def _key(self, entry: LogEntry) -> str:
        return log_key(self.stakeholder_id or "", entry)

    def _form_values(self) -> dict[str, object]:
        qdate = self.date.date()
        return {
            "date": dt.date(qdate.year(), qdate.month(), qdate.day()),
            "kind": self.kind.currentData(),
            "summary": self.summary.text().strip(),
            "outcome": self.outcome.text().strip(),
            "next_step": self.next_step.text().strip(),
        }

    # -- edits ------------------------------------------------------------------------
    def add_entry(self) -> bool:
        """Log the interaction described in the form."""
        sid = self.stakeholder_id
        if sid is None:
            return False
        entry = LogEntry(**self._form_values())  # type: ignore[arg-type]
        return self.document.try_edit(lambda: AddLogEntry(self.document.smap, sid, entry))

    def save_entry(self) -> bool:
        """Replace the selected entry by the form's values."""
        sid, row = self.stakeholder_id, self.current_row()
        if sid is None or row is None:
            return False
        values = self._form_values()
        return self.document.try_edit(
            lambda: UpdateLogEntry(self.document.smap, sid, row, **values)
        )

    def delete_entry(self) -> bool:
        """Delete the selected entry."""
        sid, row = self.stakeholder_id, self.current_row()
        if sid is None or row is None:
            return False
        return self.document.try_edit(lambda: RemoveLogEntry(self.document.smap, sid, row))

    # -- reactions --------------------------------------------------------------------
    def _on_row_selected(self) -> None:
        row = self.current_row()
        self._update_buttons()
        stakeholder = self.document.smap.stakeholders.get(self.stakeholder_id or "")
        if row is None or stakeholder is None or row >= len(stakeholder.log):
            return
        entry = stakeholder.log[row]
        self.date.setDate(QDate(entry.date.year, entry.date.month, entry.date.day))
        self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
        self.summary.setText(entry.summary)
        self.outcome.setText(entry.outcome)
        self.next_step.setText(entry.next_step)

    def _on_sharing_marked(self, mark: str) -> None:
        entry = self._selected_entry()
        if entry is not None:
            key = self._key(entry)
            self.document.try_edit(lambda: SetSharing(self.document.smap, {key: mark}))

    def _on_selection_changed(self, _origin: object) -> None:
        chosen = self.document.selection.stakeholders
        self.show_stakeholder(chosen[0] if chosen else None)

    def _on_model_change(self, change: ModelChange) -> None:
        if change.kind is ChangeKind.RESET or (
            change.kind is ChangeKind.STAKEHOLDER_CHANGED and self.stakeholder_id in change.ids
        ):
            self.show_stakeholder(self.stakeholder_id)
        elif change.kind is ChangeKind.SHARING_CHANGED:
            self._update_buttons()
