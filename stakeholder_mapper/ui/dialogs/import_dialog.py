"""The import dialog: pick a file, map its columns, preview, check, read the report, import.

Spreadsheets (CSV pairs or an Excel workbook) get a column mapping matched automatically
from their headers (in English, French, Spanish or Russian), a preview of their first
rows, and a check that lists every row that would be rejected or changed, grouped by
kind (the report can be saved as a text file). GraphML and GEXF files keep their
attribute names. The user then imports the valid rows into a new map, or merges them
into the open map after confirming what the merge will do; the merge is one undoable
command. A new map is the default unless the open map is one the user made (opened
from a file or edited), never the sample shown at first start.

The main window calls :func:`run_import_dialog` and either opens
``outcome.new_map`` or pushes ``outcome.command`` on its undo stack.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.commands import Command
from ...core.i18n import N_, _, format_number, ngettext, pgettext
from ...core.model import StakeholderMap
from ...core.validation import ValidationError
from ...core.wording import counted
from ...io.columns import RELATIONSHIP_COLUMNS, STAKEHOLDER_COLUMNS, match_columns
from ...io.graph_formats import import_gexf, import_graphml
from ...io.merge import merge_command, prepare_import_map
from ...io.project import write_atomically
from ...io.table_import import (
    ImportReport,
    apply_map_sheet,
    find_workbook_sheets,
    import_from_tables,
)
from ...io.tables import DELIMITERS, ENCODINGS, Table, TableImportError, read_table, read_workbook
from ..document import MapDocument
from ..setup.folders import documents_folder
from ..workers.background import BackgroundTask
from .dialog_size import resize_within_screen

__all__ = [
    "REPORT_NOT_SAVED",
    "REPORT_SAVED",
    "ImportDialog",
    "ImportOutcome",
    "merge_by_default",
    "run_import_dialog",
]

#: The branch box: its entry for "none" and what it is for.
NO_BRANCH = N_("none named")
BRANCH_TIP = (
    "The stakeholder that is our own branch: routes, suggested messengers and the plan "
    "start there. It is never guessed; Map details changes it later."
)

#: What saving the report did.
REPORT_SAVED = N_("Report saved as {file}.")
REPORT_NOT_SAVED = N_("The report was not saved: {reason}.")

#: Rows shown in the preview tables.
PREVIEW_ROWS = 50
_FILE_FILTER = N_(
    "Tables and graphs (*.csv *.txt *.tsv *.xlsx *.xlsm *.xls *.ods *.graphml *.gexf);;"
    "CSV files (*.csv *.txt *.tsv);;Workbooks (*.xlsx *.xlsm *.xls *.ods);;"
    "GraphML (*.graphml);;GEXF (*.gexf)"
)
_IGNORE = "__ignore__"
_CUSTOM = "__custom__"
_NO_SHEET = "(none)"
_ROLES = {"stakeholders": STAKEHOLDER_COLUMNS, "relationships": RELATIONSHIP_COLUMNS}
_REJECTED = QColor("#F4C7C3")
_CHANGED = QColor("#FCE8B2")


def _separator_name(name: str) -> str:
    """A separator's name as the Separator choice shows it (the command line's value is
    ``name``)."""
    names = {
        "comma": pgettext("separator", "comma"),
        "semicolon": pgettext("separator", "semicolon"),
        "tab": pgettext("separator", "tab"),
        "bar": pgettext("separator", "bar"),
    }
    return names.get(name, name)


@dataclass
class ImportOutcome:
    """What the user chose: a new map to open, or a merge command to push (not yet applied)."""

    new_map: StakeholderMap | None
    command: Command | None
    report: ImportReport


def merge_by_default(document: MapDocument) -> bool:
    """Whether an import merges into the open map unless the user says otherwise.

    Only a map the user made is merged into by default: one opened from a file or
    edited. The sample shown at first start, or a new untouched map, is not.
    """
    return document.path is not None or not document.undo_stack.isClean()


def _format(path: Path) -> str:
    suffix = path.suffix.casefold()
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        return "xlsx"
    if suffix in (".graphml", ".gexf"):
        return suffix[1:]
    return "csv"


def _describe_failure(exc: Exception) -> str:
    """The sentence shown when reading or checking an import file failed."""
    if isinstance(exc, (TableImportError, ValidationError)):
        return str(exc)
    if isinstance(exc, OSError):
        return _("The file cannot be read: {reason}.").format(reason=exc.strerror or exc)
    return _("The file could not be imported: {reason}.").format(reason=exc or type(exc).__name__)


class _MappingTable(QTableWidget):
    """One row per column of the file: its header, an example value, and what it imports as."""

    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.role = role
        headers = [_("Column in the file"), _("Example"), _("Imported as")]
        self.setHorizontalHeaderLabels(headers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Wide enough for its headers in every language (they are longer in Russian).
        metrics = self.horizontalHeader().fontMetrics()
        self.setMinimumWidth(sum(metrics.horizontalAdvance(text) + 24 for text in headers) + 4)
        self.verticalHeader().setVisible(False)
        self.combos: dict[str, QComboBox] = {}

    def show_table(self, table: Table | None) -> None:
        """List the table's headers with the columns they were matched to."""
        self.setRowCount(0)
        self.combos = {}
        if table is None:
            return
        matched = {
            header: column for column, header in match_columns(table.headers, self.role).items()
        }
        self.setRowCount(len(table.headers))
        first = table.frame.iloc[0] if len(table.frame) else None
        for row, header in enumerate(table.headers):
            self.setItem(row, 0, QTableWidgetItem(header))
            example = "" if first is None else str(first.iloc[row])
            self.setItem(row, 1, QTableWidgetItem(example))
            combo = QComboBox()
            if self.role == "stakeholders":
                combo.addItem(_("custom attribute"), _CUSTOM)
            combo.addItem(_("(not imported)"), _IGNORE)
            for column in _ROLES[self.role]:
                combo.addItem(column, column)
            default = _CUSTOM if self.role == "stakeholders" else _IGNORE
            combo.setCurrentIndex(combo.findData(matched.get(header, default)))
            self.setCellWidget(row, 2, combo)
            self.combos[header] = combo

    def mapping(self) -> tuple[dict[str, str], list[str]]:
        """``({column: header}, [ignored headers])`` as the user set them."""
        columns: dict[str, str] = {}
        ignored = []
        for header, combo in self.combos.items():
            choice = combo.currentData()
            if choice == _IGNORE:
                ignored.append(header)
            elif choice != _CUSTOM:
                if choice in columns:
                    raise TableImportError(
                        _("Both {first} and {second} are imported as {field}; choose one.").format(
                            first=repr(columns[choice]), second=repr(header), field=repr(choice)
                        )
                    )
                columns[choice] = header
        return columns, ignored

    def set_choice(self, header: str, column: str | None) -> None:
        """Import ``header`` as ``column`` (``None``: not imported)."""
        combo = self.combos[header]
        combo.setCurrentIndex(combo.findData(column or _IGNORE))


def _preview(widget: QTableWidget, table: Table | None) -> None:
    widget.clear()
    if table is None:
        widget.setRowCount(0)
        widget.setColumnCount(0)
        return
    rows = table.frame.head(PREVIEW_ROWS)
    widget.setColumnCount(len(table.headers))
    widget.setRowCount(len(rows))
    widget.setHorizontalHeaderLabels(table.headers)
    widget.setVerticalHeaderLabels(
        [str(table.first_row + i) for i in range(len(rows))]  # spreadsheet line numbers
    )
    for r, values in enumerate(rows.itertuples(index=False, name=None)):
        for c, value in enumerate(values):
            widget.setItem(r, c, QTableWidgetItem(str(value)))


class ImportDialog(QDialog):
    """Import stakeholders and relationships into a new map or the open one."""

    def __init__(
        self,
        smap: StakeholderMap | None = None,
        parent: QWidget | None = None,
        *,
        merge: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import stakeholders and relationships"))
        resize_within_screen(self, 1000, 760)
        self.target = smap
        self.outcome: ImportOutcome | None = None
        self.tables: dict[str, Table | None] = {"stakeholders": None, "relationships": None}
        self.workbook: dict[str, Table] = {}
        self.checked: tuple[StakeholderMap, ImportReport] | None = None
        #: Reads and checks files off the GUI thread; a newer read drops an older one.
        self._job = BackgroundTask(self)
        self._job.progress.connect(self._on_job_progress)
        self._job.finished.connect(self._on_job_finished)
        self._job.failed.connect(self._on_job_failed)
        self._done: Callable[[Any], None] = lambda result: None
        #: Asks the user to confirm a merge; replaced in tests.
        self.confirm: Callable[[str], bool] = self._ask
        #: Asks where to save the report ("" to cancel); replaced in tests.
        self.report_path: Callable[[], str] = self._ask_report_path
        self._merge = merge
        self._build()
        self._update_buttons()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        files = QGroupBox(_("Files"))
        grid = QGridLayout(files)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(_("stakeholders table, Excel workbook, GraphML or GEXF"))
        self.file_edit.setReadOnly(True)
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._on_browse)
        file_label = QLabel(_("File:"))
        file_label.setBuddy(self.file_edit)
        grid.addWidget(file_label, 0, 0)
        grid.addWidget(self.file_edit, 0, 1)
        grid.addWidget(browse, 0, 2)
        self.relationships_edit = QLineEdit()
        self.relationships_edit.setReadOnly(True)
        self.relationships_edit.setPlaceholderText(_("optional CSV table of relationships"))
        self.relationships_browse = QPushButton(_("Browse…"))
        self.relationships_browse.clicked.connect(self._on_browse_relationships)
        relationships_label = QLabel(_("Relationships:"))
        relationships_label.setBuddy(self.relationships_edit)
        grid.addWidget(relationships_label, 1, 0)
        grid.addWidget(self.relationships_edit, 1, 1)
        grid.addWidget(self.relationships_browse, 1, 2)
        options = QHBoxLayout()
        self.encoding = QComboBox()
        self.encoding.addItem(_("detect"), None)
        for name in ENCODINGS:
            self.encoding.addItem(name, name)
        self.delimiter = QComboBox()
        self.delimiter.addItem(_("detect"), None)
        for name, char in DELIMITERS.items():
            self.delimiter.addItem(_separator_name(name), char)
        self.stakeholder_sheet = QComboBox()
        self.relationship_sheet = QComboBox()
        form = QFormLayout()
        form.addRow(_("Encoding:"), self.encoding)
        form.addRow(_("Separator:"), self.delimiter)
        sheets = QFormLayout()
        sheets.addRow(_("Stakeholders sheet:"), self.stakeholder_sheet)
        sheets.addRow(_("Relationships sheet:"), self.relationship_sheet)
        options.addLayout(form)
        options.addLayout(sheets)
        grid.addLayout(options, 2, 0, 1, 3)
        layout.addWidget(files)
        self.encoding.currentIndexChanged.connect(self._on_reading_options_changed)
        self.delimiter.currentIndexChanged.connect(self._on_reading_options_changed)
        self.stakeholder_sheet.currentIndexChanged.connect(self._on_sheet_changed)
        self.relationship_sheet.currentIndexChanged.connect(self._on_sheet_changed)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.tabs = QTabWidget()
        self.mappings: dict[str, _MappingTable] = {}
        self.previews: dict[str, QTableWidget] = {}
        for role, title in (
            ("stakeholders", _("Stakeholders")),
            ("relationships", _("Relationships")),
        ):
            page = QSplitter(Qt.Orientation.Horizontal)
            self.mappings[role] = _MappingTable(role)
            self.mappings[role].setObjectName(f"{role}_mapping")
            self.mappings[role].setAccessibleName(
                _("{table}: columns and what they are imported as").format(table=title)
            )
            preview = QTableWidget()
            preview.setObjectName(f"{role}_preview")
            preview.setAccessibleName(_("{table}: preview of the file").format(table=title))
            self.previews[role] = preview
            page.addWidget(self.mappings[role])
            page.addWidget(preview)
            page.setSizes([380, 600])
            self.tabs.addTab(page, title)
        splitter.addWidget(self.tabs)
        report_box = QWidget()
        report_layout = QVBoxLayout(report_box)
        report_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.check_button = QPushButton(_("Check"))
        self.check_button.setToolTip(_("Try the import and list every row rejected or changed"))
        self.check_button.clicked.connect(self.check)
        self.summary = QLabel(_("Choose a file to import."))
        self.summary.setWordWrap(True)
        self.save_report_button = QPushButton(_("Save report…"))
        self.save_report_button.setToolTip(_("Save the report as a text file"))
        self.save_report_button.clicked.connect(self.save_report)
        row.addWidget(self.check_button)
        row.addWidget(self.summary, 1)
        row.addWidget(self.save_report_button)
        report_layout.addLayout(row)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setObjectName("report")
        self.report_view.setAccessibleName(_("Import report"))
        report_layout.addWidget(self.report_view)
        self.save_report_button.setEnabled(False)
        self.report_view.textChanged.connect(
            lambda: self.save_report_button.setEnabled(bool(self.report_view.toPlainText()))
        )
        splitter.addWidget(report_box)
        splitter.setSizes([480, 220])
        layout.addWidget(splitter, 1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)

        destination = QHBoxLayout()
        self.new_map_button = QRadioButton(_("Into a new map"))
        self.merge_button = QRadioButton(_("Merge into the open map (matched by id, then by name)"))
        group = QButtonGroup(self)
        group.addButton(self.new_map_button)
        group.addButton(self.merge_button)
        self.merge_button.setEnabled(self.target is not None)
        merge = self.target is not None and self._merge
        (self.merge_button if merge else self.new_map_button).setChecked(True)
        group.buttonToggled.connect(self._on_destination_changed)
        destination.addWidget(self.new_map_button)
        destination.addWidget(self.merge_button)
        destination.addStretch(1)
        self.branch = QComboBox()
        self.branch.setToolTip(BRANCH_TIP)
        self.branch.setEnabled(False)
        self.branch.setMinimumContentsLength(24)
        self.branch.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        layout.addLayout(destination)
        branch_row = QHBoxLayout()
        branch_label = QLabel(_("Our branch:"))
        branch_label.setBuddy(self.branch)
        branch_row.addWidget(branch_label)
        branch_row.addWidget(self.branch)
        branch_row.addStretch(1)
        layout.addLayout(branch_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            _("Import valid rows"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.import_valid_rows)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # -- choosing files ------------------------------------------------------------------
    def _on_browse(self) -> None:
        path, _chosen_filter = QFileDialog.getOpenFileName(
            self, _("Import"), str(documents_folder()), _(_FILE_FILTER)
        )
        if path:
            self.load(path)

    def _relationships_folder(self) -> str:
        """The relationships file usually sits beside the stakeholders file."""
        return str(self.path.parent if self.path else documents_folder())

    def _on_browse_relationships(self) -> None:
        path, _chosen_filter = QFileDialog.getOpenFileName(
            self,
            _("Relationships"),
            self._relationships_folder(),
            _("CSV files (*.csv *.txt *.tsv)"),
        )
        if path:
            self.load_relationships(path)

    @property
    def path(self) -> Path | None:
        """The main file chosen."""
        return Path(self.file_edit.text()) if self.file_edit.text() else None

    @property
    def file_format(self) -> str:
        """``csv``, ``xlsx``, ``graphml`` or ``gexf``, from the file's extension."""
        return _format(self.path) if self.path else ""

    def load(self, path: str | Path) -> None:
        """Read ``path`` (in the background) and show its columns and first rows."""
        self.file_edit.setText(str(path))
        self.relationships_edit.clear()
        self.tables = {"stakeholders": None, "relationships": None}
        self.workbook = {}
        self._forget_result()
        fmt = self.file_format
        csv = fmt == "csv"
        for widget in (self.encoding, self.delimiter, self.relationships_browse):
            widget.setEnabled(csv)
        for widget in (self.stakeholder_sheet, self.relationship_sheet):
            widget.setEnabled(fmt == "xlsx")
        self.tabs.setEnabled(fmt in ("csv", "xlsx"))
        if fmt in ("graphml", "gexf"):
            self._show_tables()
            self.summary.setText(
                _(
                    "{name}: attributes keep their names. Press Check to see what "
                    "would be imported."
                ).format(name=Path(path).name)
            )
            self._update_buttons()
            return
        if fmt == "xlsx":
            self._run(lambda progress: read_workbook(path), self._on_workbook_read)
        else:
            self._read_csv("stakeholders", Path(path))

    def load_relationships(self, path: str | Path) -> None:
        """Read a CSV table of relationships to go with the stakeholders table."""
        self.relationships_edit.setText(str(path))
        self._forget_result()
        self._read_csv("relationships", Path(path))

    def _read_csv(self, role: str, path: Path) -> None:
        encoding, delimiter = self.encoding.currentData(), self.delimiter.currentData()

        def work(progress: Callable[[float], None]) -> Table:
            return read_table(path, encoding=encoding, delimiter=delimiter)

        self._run(work, lambda table: self._on_table_read(role, table))

    def _on_reading_options_changed(self) -> None:
        if self.file_format != "csv":
            return
        self._forget_result()
        if self.path:
            self._read_csv("stakeholders", self.path)
        if self.relationships_edit.text():
            self._read_csv("relationships", Path(self.relationships_edit.text()))

    def _on_table_read(self, role: str, table: Table) -> None:
        self.tables[role] = table
        if role == "stakeholders":
            self.summary.setText(
                ngettext(
                    "{name}: {n} row ({encoding}, separator {separator}).",
                    "{name}: {n} rows ({encoding}, separator {separator}).",
                    len(table.frame),
                ).format(
                    name=table.name,
                    n=len(table.frame),
                    encoding=table.encoding,
                    separator=repr(table.delimiter),
                )
            )
        self._show_tables()

    def _on_workbook_read(self, tables: dict[str, Table]) -> None:
        self.workbook = tables
        try:
            found = find_workbook_sheets(self.path or "", tables)
            chosen = (
                found.stakeholders.name,
                found.relationships.name if found.relationships else "",
            )
        except TableImportError as exc:
            self.summary.setText(_("{reason} Choose the sheets below.").format(reason=exc))
            chosen = ("", "")
        names = {t.name: sheet for sheet, t in tables.items()}
        for combo, name in zip(
            (self.stakeholder_sheet, self.relationship_sheet), chosen, strict=True
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_NO_SHEET, "")
            for sheet in tables:
                combo.addItem(sheet, sheet)
            combo.setCurrentIndex(max(combo.findData(names.get(name, "")), 0))
            combo.blockSignals(False)
        self._on_sheet_changed()

    def _on_sheet_changed(self) -> None:
        self._forget_result()
        for role, combo in (
            ("stakeholders", self.stakeholder_sheet),
            ("relationships", self.relationship_sheet),
        ):
            self.tables[role] = self.workbook.get(combo.currentData() or "")
        self._show_tables()

    def _show_tables(self) -> None:
        for role in ("stakeholders", "relationships"):
            self.mappings[role].show_table(self.tables[role])
            for combo in self.mappings[role].combos.values():
                combo.currentIndexChanged.connect(self._forget_result)
            _preview(self.previews[role], self.tables[role])
        self._update_buttons()

    # -- checking and importing ----------------------------------------------------------
    def _import_work(self) -> Callable[[Callable[[float], None]], Any]:
        """The import as a function of a progress callback, built from the current choices."""
        known = self.target if self.merge_button.isChecked() else None
        fresh = prepare_import_map(known) if known is not None else StakeholderMap()
        path, fmt = self.path, self.file_format
        if fmt in ("graphml", "gexf"):
            reader = import_graphml if fmt == "graphml" else import_gexf
            return lambda progress: reader(
                path, smap=fresh, skip_bad_rows=True, progress=progress, known=known
            )
        stakeholders = self.tables["stakeholders"]
        if stakeholders is None:
            raise TableImportError(_("Choose the table of stakeholders first."))
        s_columns, s_ignored = self.mappings["stakeholders"].mapping()
        s_table = dataclasses.replace(
            stakeholders, frame=stakeholders.frame.drop(columns=s_ignored)
        )
        r_table, r_columns = None, None
        if self.tables["relationships"] is not None:
            r_columns, r_ignored = self.mappings["relationships"].mapping()
            relationships = self.tables["relationships"]
            r_table = dataclasses.replace(
                relationships, frame=relationships.frame.drop(columns=r_ignored)
            )
        details = None
        if fmt == "xlsx" and known is None:
            details = (
                find_workbook_sheets(path or "", self.workbook).details if self.workbook else None
            )
        kumu = fmt == "xlsx" and self.stakeholder_sheet.currentText().casefold() == "elements"

        def work(progress: Callable[[float], None]) -> tuple[StakeholderMap, ImportReport]:
            if details is not None:
                apply_map_sheet(fresh, details)
            return import_from_tables(
                s_table,
                r_table,
                stakeholder_columns=s_columns,
                relationship_columns=r_columns,
                smap=fresh,
                skip_bad_rows=True,
                require=("name",),
                list_separator="|" if kumu else None,
                progress=progress,
                known=known,
            )

        return work

    def check(self) -> None:
        """Run the import (in the background) and show its report; nothing is changed yet."""
        try:
            work = self._import_work()
        except TableImportError as exc:
            self._show_failure(str(exc))
            return
        self._run(work, self._on_checked)

    def _on_checked(self, result: tuple[StakeholderMap, ImportReport]) -> None:
        self.checked = result
        report = result[1]
        rejected = len(report.rejected)
        self.summary.setText(
            _("{stakeholders} and {relationships} can be imported; {rejected} (see below).").format(
                stakeholders=counted(report.stakeholders, "stakeholder", "stakeholders"),
                relationships=counted(report.relationships, "relationship", "relationships"),
                rejected=ngettext(
                    "{count} row is rejected and {changed} changed",
                    "{count} rows are rejected and {changed} changed",
                    rejected,
                ).format(count=format_number(rejected), changed=format_number(len(report.changed))),
            )
        )
        # The summary above gives the counts; the report lists what was created and each row.
        details = report.lines()[1:] or [_("Every row can be imported as it is.")]
        self.report_view.setPlainText("\n".join(details))
        self._mark_rows(report)
        self._fill_branches(result[0])
        self._update_buttons()

    def _fill_branches(self, smap: StakeholderMap | None) -> None:
        """Offer the checked stakeholders as our branch (the one the file names first)."""
        self.branch.clear()
        self.branch.addItem(_(NO_BRANCH), "")
        for s in sorted(smap.stakeholders.values() if smap else (), key=lambda s: s.label):
            self.branch.addItem(s.label, s.id)
        if smap is not None:
            self.branch.setCurrentIndex(max(self.branch.findData(smap.info.branch), 0))

    def _mark_rows(self, report: ImportReport) -> None:
        """Tint the preview rows that were rejected (red) or changed (yellow)."""
        for role, table in self.tables.items():
            if table is None:
                continue
            preview = self.previews[role]
            for problems, colour in ((report.changed, _CHANGED), (report.rejected, _REJECTED)):
                for problem in problems:
                    row = problem.line - table.first_row
                    if problem.table != table.name or not 0 <= row < preview.rowCount():
                        continue
                    for column in range(preview.columnCount()):
                        item = preview.item(row, column)
                        if item is not None:
                            item.setBackground(colour)
                            item.setToolTip(problem.message)

    def _show_failure(self, message: str) -> None:
        self.checked = None
        self._fill_branches(None)
        self.summary.setText(message)
        self.report_view.setPlainText(message)
        self._update_buttons()

    def _forget_result(self, *_args: object) -> None:
        if self.checked is not None:
            self.checked = None
            self.summary.setText(_("The choices changed: press Check again."))
            self.report_view.clear()
            self._fill_branches(None)
        self._update_buttons()

    def _on_destination_changed(self, *_args: object) -> None:
        self._forget_result()

    def _update_buttons(self) -> None:
        busy = self._job.running
        has_input = self.tables["stakeholders"] is not None or self.file_format in (
            "graphml",
            "gexf",
        )
        self.check_button.setEnabled(has_input and not busy)
        ready = self.checked is not None and self.checked[1].stakeholders > 0 and not busy
        self.import_button.setEnabled(ready)
        # A merge keeps the open map's branch (Map details changes it).
        self.branch.setEnabled(ready and self.new_map_button.isChecked())

    def import_valid_rows(self) -> None:
        """Finish: a new map, or a merge the user confirms, then close the dialog."""
        if self.checked is None:
            return
        smap, report = self.checked
        if self.merge_button.isChecked() and self.target is not None:
            name = self.path.name if self.path else "file"
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                command, plan = merge_command(
                    self.target, smap, _("Import {name}").format(name=name)
                )
            except ValidationError as exc:
                self._show_failure(_("The merge is not possible: {reason}").format(reason=exc))
                return
            finally:
                QApplication.restoreOverrideCursor()
            if not self.confirm("\n".join([_("Merge into the open map?"), "", *plan.lines()])):
                return
            self.outcome = ImportOutcome(None, command, report)
        else:
            if self.path and smap.info.title == type(smap.info)().title:
                smap.info = dataclasses.replace(smap.info, title=self.path.stem)
            smap.info = dataclasses.replace(smap.info, branch=self.branch.currentData() or "")
            self.outcome = ImportOutcome(smap, None, report)
        self.accept()

    def save_report(self) -> None:
        """Write the report shown as a UTF-8 text file the user chooses."""
        path = self.report_path()
        if not path:
            return
        text = self.report_view.toPlainText() + "\n"
        try:
            write_atomically(path, text.encode("utf-8"), backup=False)
        except OSError as exc:
            self.summary.setText(_(REPORT_NOT_SAVED).format(reason=exc.strerror or exc))
            return
        self.summary.setText(_(REPORT_SAVED).format(file=Path(path).name))

    def _ask_report_path(self) -> str:
        source = self.path
        start = documents_folder() / f"{source.stem if source else 'import'} report.txt"
        path, _chosen_filter = QFileDialog.getSaveFileName(
            self, _("Save report"), str(start), _("Text (*.txt)")
        )
        return path

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, _("Merge the import"), text)
        return answer == QMessageBox.StandardButton.Yes

    # -- background jobs -----------------------------------------------------------------
    def _run(
        self, work: Callable[[Callable[[float], None]], Any], done: Callable[[Any], None]
    ) -> None:
        self._done = done
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._job.start(
            lambda report: work(lambda fraction: report(fraction, "")), _describe_failure
        )
        self._update_buttons()

    def _on_job_progress(self, fraction: float, _message: str) -> None:
        self.progress.setValue(int(fraction * 100))

    def _on_job_finished(self, result: object) -> None:
        self.progress.setVisible(False)
        self._done(result)
        self._update_buttons()

    def _on_job_failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self._show_failure(message)
        self._update_buttons()

    @property
    def busy(self) -> bool:
        """Whether a file is being read or checked."""
        return self._job.running


def run_import_dialog(parent: QWidget | None, document: MapDocument) -> ImportOutcome | None:
    """Show the import dialog over ``parent``; the ``document``'s map is the merge target.

    Returns ``None`` if the user cancelled. Otherwise ``outcome.new_map`` is a map to
    open (unsaved), or ``outcome.command`` is the merge to push on the undo stack.
    """
    dialog = ImportDialog(document.smap, parent, merge=merge_by_default(document))
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.outcome
    finally:
        dialog.deleteLater()
