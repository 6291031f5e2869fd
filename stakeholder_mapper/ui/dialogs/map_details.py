"""The Map details dialog: what the map is about, which stakeholder is our branch, and the
engagement plan's own sections (problem and ask, red lines, risks, calendar, indicators,
document control...).

Every tab edits :class:`~stakeholder_mapper.core.model.MapInfo`; OK applies all the
changes as one :class:`~stakeholder_mapper.core.commands.UpdateMapInfo`, one undo step.
A value the map cannot hold (a date that is no date) is named in one sentence and the
dialog stays open with everything typed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.commands import UpdateMapInfo
from ...core.i18n import N_, _, pgettext
from ...core.model import RATINGS, CalendarEvent, Indicator, MapInfo, Risk
from ...core.validation import ValidationError, parse_record
from ..document import MapDocument
from .dialog_size import resize_within_screen

__all__ = ["MapDetailsDialog", "RecordTable", "run_map_details"]


def _rating_name(rating: str) -> str:
    """A risk's likelihood or impact as its choice box shows it; stored in English."""
    names = {
        "": pgettext("rating", "unknown"),
        "low": pgettext("rating", "low"),
        "medium": pgettext("rating", "medium"),
        "high": pgettext("rating", "high"),
    }
    return names[rating]


#: The choices of the classification box: (text, value).
CLASSIFICATIONS: tuple[tuple[str, str | None], ...] = (
    (N_("Automatic: confidential when a stakeholder is, else internal"), None),
    (N_("Internal (still confidential when a stakeholder is)"), "internal"),
    (N_("Confidential"), "confidential"),
)
#: Columns of the record tables that take the spare width (the others are sized by hand).
WIDE_COLUMNS = ("description", "mitigation", "what", "name")
#: Columns chosen from the ratings low, medium, high.
RATING_COLUMNS = ("likelihood", "impact")
#: The branch box's entry for "no branch".
NO_BRANCH = N_("None named (routes and suggested messengers are left out of the plan)")

#: Free-text fields by tab: (field, label, hint).
TEXT_TABS: dict[str, tuple[tuple[str, str, str], ...]] = {
    N_("Problem and ask"): (
        (
            "problem",
            N_("Problem statement"),
            N_("What is wrong, for whom, and why it matters now."),
        ),
        ("ask", N_("Headline ask"), N_("The one decision or change we ask for.")),
        (
            "evidence",
            N_("Evidence for the ask"),
            N_("Figures, assessments and sources behind it."),
        ),
        (
            "red_lines",
            N_("Red lines"),
            N_(
                "What the branch will not do or accept, to stay neutral, impartial and independent."
            ),
        ),
    ),
    N_("Role and safeguards"): (
        (
            "movement",
            N_("Auxiliary role and Movement coordination"),
            N_(
                "The legal basis of the auxiliary role; who in the Movement is informed or "
                "consulted (headquarters, IFRC, ICRC)."
            ),
        ),
        (
            "community",
            N_("Community engagement and accountability"),
            N_(
                "How the communities concerned are heard and informed, and how they can "
                "give feedback."
            ),
        ),
        (
            "do_no_harm",
            N_("Do no harm and protection"),
            N_("Who could be put at risk by this engagement, and how we prevent it."),
        ),
        ("resources", N_("Resources and roles"), N_("People, time and budget, and who does what.")),
    ),
}


def _qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate.currentDate()


class _OptionalDate(QWidget):
    """A date that may be unset: a check box and a date box."""

    def __init__(self, value: dt.date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(_("Set"), self)
        self.edit = QDateEdit(_qdate(value), self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.known.toggled.connect(self.edit.setEnabled)
        self.known.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)

    def value(self) -> dt.date | None:
        """The date chosen, or None when unset."""
        return self.edit.date().toPython() if self.known.isChecked() else None


class RecordTable(QWidget):
    """A table of records (risks, calendar events, indicators) with Add and Remove.

    Cells are typed as text (dates as YYYY-MM-DD); rating columns are choice boxes.
    Rows left blank are dropped; a bad cell is named in one sentence by :meth:`records`.
    """

    def __init__(
        self,
        record_type: type,
        columns: tuple[tuple[str, str], ...],
        records: tuple[Any, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record_type = record_type
        self.fields = [name for name, _ in columns]
        self.table = QTableWidget(0, len(columns), self)
        self.table.setHorizontalHeaderLabels([header for _, header in columns])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column, name in enumerate(self.fields):
            wide = name in WIDE_COLUMNS
            mode = QHeaderView.ResizeMode.Stretch if wide else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(column, mode)
        for record in records:
            self.add_row(dataclasses.asdict(record))
        add = QPushButton(_("Add"), self)
        add.clicked.connect(lambda: self.add_row({}))
        remove = QPushButton(_("Remove"), self)
        remove.clicked.connect(self._on_remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        for column, name in enumerate(self.fields):
            if name not in WIDE_COLUMNS:
                self.table.setColumnWidth(column, 100 if name in RATING_COLUMNS else 130)
        # Long texts wrap in their cells, which grow to show them whole.
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(lambda _item: self.table.resizeRowsToContents())
        header.sectionResized.connect(lambda *_args: self.table.resizeRowsToContents())

    def add_row(self, values: dict[str, Any]) -> None:
        """Append a row holding ``values`` (field name to value)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, name in enumerate(self.fields):
            value = values.get(name)
            if name in RATING_COLUMNS:
                box = QComboBox(self.table)
                for rating in ("", *RATINGS):
                    box.addItem(_rating_name(rating), rating)
                box.setCurrentIndex(max(0, box.findData(value or "")))
                self.table.setCellWidget(row, column, box)
            else:
                text = value.isoformat() if isinstance(value, dt.date) else (value or "")
                self.table.setItem(row, column, QTableWidgetItem(str(text)))

    def _on_remove(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def cell(self, row: int, column: int) -> str:
        """The text of a cell (a choice box's choice, "" for unknown)."""
        box = self.table.cellWidget(row, column)
        if isinstance(box, QComboBox):
            return box.currentData()
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def records(self, where: str) -> tuple[Any, ...]:
        """The rows as records; raises :class:`ValidationError` naming the first bad cell."""
        found = []
        for row in range(self.table.rowCount()):
            values = {name: self.cell(row, c) for c, name in enumerate(self.fields)}
            if not any(values.values()):
                continue
            data = {name: value or self._blank(name) for name, value in values.items()}
            found.append(
                parse_record(
                    self.record_type, data, _("{table}, row {row}").format(table=where, row=row + 1)
                )
            )
        return tuple(found)

    def _blank(self, name: str) -> str | None:
        """What an empty cell means: unknown (None) where the field allows it, else ""."""
        return None if self.record_type.__dataclass_fields__[name].default is None else ""


class MapDetailsDialog(QDialog):
    """Edit the map's details and the plan's own sections; OK is one undo step."""

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Map details"))
        self.document = document
        info = document.smap.info
        self.tabs = QTabWidget(self)
        self.texts: dict[str, QPlainTextEdit | QLineEdit] = {}

        page = QWidget(self)
        form = QFormLayout(page)
        for name, label in (("title", _("Title")), ("city", _("City")), ("author", _("Author"))):
            self.texts[name] = QLineEdit(getattr(info, name), page)
            form.addRow(label, self.texts[name])
        self.branch = QComboBox(page)
        self.branch.addItem(_(NO_BRANCH), "")
        for s in sorted(document.smap.stakeholders.values(), key=lambda s: s.label.casefold()):
            self.branch.addItem(s.label, s.id)
        named = document.smap.find_stakeholder(info.branch) if info.branch.strip() else None
        self.branch.setCurrentIndex(max(self.branch.findData(named.id if named else ""), 0))
        self.branch.setToolTip(
            _(
                "The stakeholder that is our own branch: routes and suggested messengers start "
                "there. It is never guessed."
            )
        )
        form.insertRow(2, _("Our branch"), self.branch)
        self.texts["purpose"] = QPlainTextEdit(info.purpose, page)
        form.addRow(_("Purpose"), self.texts["purpose"])
        self.date = _OptionalDate(info.date, page)
        form.addRow(_("Date of the map"), self.date)
        self.date.edit.setAccessibleName(_("Date of the map"))
        self.classification = QComboBox(page)
        for text, value in CLASSIFICATIONS:
            self.classification.addItem(_(text), value)
        self.classification.setCurrentIndex(
            max(self.classification.findData(info.classification), 0)
        )
        form.addRow(_("Classification"), self.classification)
        self.tabs.addTab(page, _("Map"))

        for tab, fields in TEXT_TABS.items():
            page = QWidget(self)
            form = QFormLayout(page)
            for name, label, hint in fields:
                edit = QPlainTextEdit(getattr(info, name), page)
                edit.setPlaceholderText(_(hint))
                edit.setToolTip(_(hint))
                self.texts[name] = edit
                form.addRow(_(label), edit)
            self.tabs.addTab(page, _(tab))

        self.risks = RecordTable(
            Risk,
            (
                ("description", _("Risk")),
                ("likelihood", _("Likelihood")),
                ("impact", _("Impact")),
                ("mitigation", _("Mitigation")),
                ("owner", _("Owner")),
            ),
            info.risks,
            self,
        )
        self.tabs.addTab(self.risks, _("Risks"))
        self.risks.table.setAccessibleName(_("Risks"))
        self.calendar = RecordTable(
            CalendarEvent,
            (("date", _("Date (YYYY-MM-DD)")), ("what", _("What (budget vote, election...)"))),
            info.calendar,
            self,
        )
        self.tabs.addTab(self.calendar, _("Calendar"))
        self.calendar.table.setAccessibleName(_("Calendar"))
        self.indicators = RecordTable(
            Indicator,
            (
                ("name", _("Indicator")),
                ("baseline", _("Baseline")),
                ("target", _("Target")),
                ("by", _("By (YYYY-MM-DD)")),
            ),
            info.indicators,
            self,
        )
        self.tabs.addTab(self.indicators, _("Indicators"))
        self.indicators.table.setAccessibleName(_("Indicators"))

        page = QWidget(self)
        form = QFormLayout(page)
        self.texts["version"] = QLineEdit(info.version, page)
        form.addRow(_("Version"), self.texts["version"])
        self.texts["approver"] = QLineEdit(info.approver, page)
        form.addRow(_("Approved by"), self.texts["approver"])
        self.review_date = _OptionalDate(info.review_date, page)
        form.addRow(_("Review date"), self.review_date)
        self.review_date.edit.setAccessibleName(_("Review date"))
        self.distribution = QPlainTextEdit("\n".join(info.distribution), page)
        self.distribution.setPlaceholderText(_("One recipient per line"))
        form.addRow(_("Distribution list"), self.distribution)
        self.tabs.addTab(page, _("Document control"))

        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B00020")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        resize_within_screen(self, 760, 560)

    def chosen(self) -> MapInfo:
        """The details as the dialog holds them; raises :class:`ValidationError`."""
        values: dict[str, Any] = {
            name: edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
            for name, edit in self.texts.items()
        }
        values["branch"] = self.branch.currentData()
        values["date"] = self.date.value()
        values["classification"] = self.classification.currentData()
        values["review_date"] = self.review_date.value()
        values["distribution"] = tuple(
            line.strip() for line in self.distribution.toPlainText().splitlines() if line.strip()
        )
        values["risks"] = self.risks.records(_("Risks"))
        values["calendar"] = self.calendar.records(_("Calendar"))
        values["indicators"] = self.indicators.records(_("Indicators"))
        return dataclasses.replace(self.document.smap.info, **values)

    def accept(self) -> None:
        """Apply the changes as one undo step, or name what is wrong and stay open."""
        try:
            new = self.chosen()
            old = self.document.smap.info
            changes = {
                name: getattr(new, name)
                for name in MapInfo.__dataclass_fields__
                if getattr(new, name) != getattr(old, name)
            }
            command = UpdateMapInfo(self.document.smap, **changes) if changes else None
        except ValidationError as exc:
            self.problem.setText(_("Not saved: {reason}").format(reason=exc))
            self.problem.show()
            return
        if command is not None:
            self.document.push(command)
        super().accept()


def run_map_details(document: MapDocument, parent: QWidget | None = None) -> bool:
    """Show the Map details dialog; returns whether the user pressed OK."""
    dialog = MapDetailsDialog(document, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
