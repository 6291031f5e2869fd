"""File → Export engagement plan…: choose sections, level, template and file, then write the
Word plan in the background (:class:`~stakeholder_mapper.ui.workers.background.BackgroundTask`) with
progress, and offer to open it. Cancel stops an export under way without writing a file;
a failure is shown as one sentence and leaves the dialog usable.

Hook it into a menu with::

    action.triggered.connect(lambda: run_plan_dialog(self, document.smap, document.path))

The choices (sections, version, author on the cover, who gets a sheet, the plan's
language) are remembered in the map's plan settings once a plan is written, and the next
dialog starts from them. The language belongs with the map rather than the app's settings:
a city's plan is written for its readers (the municipality, the partners), whoever opens
the map and in whatever language their window speaks; a plan in the interface's own
language is the default and is remembered only once the map has held another.
Writing a plan is no edit: the choices are not an undo step and do not mark the map
changed; they are saved with the map's next save. The sections chosen that the map holds
nothing for are named under the list, with where to fill them in.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.commands import Command, UpdatePlanSettings
from ...core.i18n import LANGUAGES, _, language
from ...core.model import StakeholderMap
from ...io.plan import DEFAULT_TEMPLATE, LEVEL_NAMES, LEVELS, SECTIONS, PlanOptions, write_plan
from ...io.plan.plan_content import missing_note
from ...io.redact import LEVEL_DESCRIPTIONS
from ..setup.folders import file_stem, output_folder
from ..workers.background import BackgroundTask, Report
from .dialog_size import resize_within_screen
from .export_dialog import overwrites_map
from .sharing import SharingDialog

__all__ = ["PlanDialog", "run_plan_dialog"]


class PlanCancelledError(Exception):
    """The user cancelled the export before the plan was saved."""


def _plan_job(
    smap: StakeholderMap, path: Path, options: PlanOptions, cancel: threading.Event
) -> Callable[[Report], Path]:
    """The work of one export, for :class:`BackgroundTask`: it touches no Qt object and
    stops at its next progress report once ``cancel`` is set (the file is written only
    at the end, so a cancelled export leaves no file)."""

    def work(report: Report) -> Path:
        def progress(fraction: float, message: str) -> None:
            if cancel.is_set():
                raise PlanCancelledError
            report(fraction, message)

        return write_plan(smap, path, options, progress)

    return work


class PlanDialog(QDialog):
    """Choices for one plan export; :attr:`written` holds the path once the plan is saved."""

    #: Emitted with the path of the plan once it is written.
    plan_written = Signal(str)

    def __init__(
        self,
        smap: StakeholderMap,
        map_path: str | Path | None,
        parent: QWidget | None = None,
        remember: bool = True,
        push: Callable[[Command], None] | None = None,
    ) -> None:
        """With ``remember`` the choices are kept in the map's plan settings once a plan
        is written (a read-only view passes False). ``push`` puts an edit on the map's
        undo stack: without it the shared texts cannot be marked from here."""
        super().__init__(parent)
        self.setWindowTitle(_("Export engagement plan"))
        self.smap = smap
        self.map_path = map_path
        self.remember = remember
        self.push = push
        self.stem = file_stem(Path(map_path).stem if map_path else smap.info.title)
        self.written: Path | None = None
        #: Writes the plan off the GUI thread and hands back progress, path or failure.
        self.task = BackgroundTask(self)
        self.task.progress.connect(self._on_progress)
        self.task.finished.connect(self._on_finished)
        self.task.failed.connect(self._on_failed)
        self._cancel = threading.Event()
        self._path_edited = False

        self.level = QComboBox()
        for level in LEVELS:
            self.level.addItem(_(LEVEL_NAMES[level]), level)
        self.level_help = QLabel()
        self.level_help.setWordWrap(True)
        self.author = QCheckBox(_("Name the map's author on the cover"))
        self.sheets = QComboBox()
        self.sheets.addItem(
            _("Stakeholders with engagement details; a table for other priorities"), "priority"
        )
        self.sheets.addItem(_("Every stakeholder"), "all")
        #: The plan's own language, the interface's unless chosen otherwise.
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(language()), 0))

        self.sections = QListWidget()
        for key, title in SECTIONS.items():
            item = QListWidgetItem(_(title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.sections.addItem(item)

        self.template = QLineEdit(str(DEFAULT_TEMPLATE))
        template_button = QPushButton(_("Choose…"))
        template_button.clicked.connect(self._on_choose_template)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template)
        template_row.addWidget(template_button)

        self.output = QLineEdit()
        self.output.textEdited.connect(self._on_output_edited)
        output_button = QPushButton(_("Choose…"))
        output_button.clicked.connect(self._on_choose_output)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output)
        output_row.addWidget(output_button)

        self.sharing_button = QPushButton(_("Shared texts…"))
        self.sharing_button.setToolTip(
            "Choose which of the map's own texts (purpose, category and kind names, snapshot "
            "names) partner and public versions may show."
        )
        self.sharing_button.setEnabled(push is not None)
        self.sharing_button.clicked.connect(self._on_sharing_clicked)
        level_row = QHBoxLayout()
        level_row.addWidget(self.level, 1)
        level_row.addWidget(self.sharing_button)

        form = QFormLayout()
        form.addRow(_("Version"), level_row)
        form.addRow("", self.level_help)
        form.addRow("", self.author)
        form.addRow(_("Engagement sheets"), self.sheets)
        form.addRow(_("Language"), self.language)
        form.addRow(_("Template"), template_row)
        form.addRow(_("Save as"), output_row)
        form.labelForField(template_row).setBuddy(self.template)
        form.labelForField(output_row).setBuddy(self.output)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.status = QLabel("")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Export"))
        self.buttons.accepted.connect(self._on_export)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        sections_label = QLabel(_("Sections"))
        sections_label.setBuddy(self.sections)
        layout.addWidget(sections_label)
        layout.addWidget(self.sections)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        layout.addWidget(self.missing)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self._prefill(smap.plan_settings)
        self.sections.itemChanged.connect(self._on_sections_changed)
        self._on_sections_changed()
        self.level.currentIndexChanged.connect(self._on_level_changed)
        self._on_level_changed()
        resize_within_screen(self, 560, 640)

    # -- choices ----------------------------------------------------------------------
    def chosen_level(self) -> str:
        """The export level picked in the dialog."""
        return self.level.currentData()

    def chosen_sections(self) -> tuple[str, ...]:
        """Ids of the ticked sections, in plan order."""
        items = (self.sections.item(i) for i in range(self.sections.count()))
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def options(self) -> PlanOptions:
        """The plan options the dialog describes."""
        return PlanOptions(
            sections=self.chosen_sections(),
            level=self.chosen_level(),
            template=Path(self.template.text().strip() or DEFAULT_TEMPLATE),
            show_author=self.author.isChecked() and self.chosen_level() == "full",
            sheets_for=self.sheets.currentData(),
            language=self.language.currentData(),
        )

    def remembered(self) -> dict[str, object]:
        """The choices to keep in the map's plan settings for the next plan."""
        choices = {
            "sections": list(self.chosen_sections()),
            "level": self.chosen_level(),
            "show_author": self.author.isChecked(),
            "sheets_for": self.sheets.currentData(),
        }
        chosen = self.language.currentData()
        if chosen != language() or "language" in self.smap.plan_settings:
            choices["language"] = chosen
        return choices

    def _prefill(self, settings: dict[str, object]) -> None:
        """Start from the choices made for the last plan; values this version does not
        know are ignored, so an older or hand-edited map still opens the dialog."""
        level = self.level.findData(settings.get("level"))
        if level >= 0:
            self.level.setCurrentIndex(level)
        sheets = self.sheets.findData(settings.get("sheets_for"))
        if sheets >= 0:
            self.sheets.setCurrentIndex(sheets)
        if isinstance(settings.get("show_author"), bool):
            self.author.setChecked(settings["show_author"])
        plan_language = self.language.findData(settings.get("language"))
        if plan_language >= 0:
            self.language.setCurrentIndex(plan_language)
        sections = settings.get("sections")
        if isinstance(sections, list) and any(key in SECTIONS for key in sections):
            for i in range(self.sections.count()):
                item = self.sections.item(i)
                ticked = item.data(Qt.ItemDataRole.UserRole) in sections
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _on_sections_changed(self, *_: object) -> None:
        note = missing_note(self.smap, self.chosen_sections())
        self.missing.setText(note)
        self.missing.setVisible(bool(note))

    def _on_level_changed(self) -> None:
        level = self.chosen_level()
        self.level_help.setText(_(LEVEL_DESCRIPTIONS[level]))
        self.author.setEnabled(level == "full")
        if not self._path_edited:
            self.output.setText(str(output_folder() / f"{self.stem}-plan-{level}.docx"))

    def _on_sharing_clicked(self) -> None:
        if self.push is not None:
            SharingDialog(self.smap, self.push, self).exec()

    def _on_output_edited(self) -> None:
        self._path_edited = True

    def _on_choose_template(self) -> None:
        path, _chosen_filter = QFileDialog.getOpenFileName(
            self, "Plan template", str(Path(self.template.text()).parent), "Word (*.docx)"
        )
        if path:
            self.template.setText(path)

    def _on_choose_output(self) -> None:
        path, _chosen_filter = QFileDialog.getSaveFileName(
            self, "Save the plan as", self.output.text(), "Word (*.docx)"
        )
        if path:
            self.output.setText(path if path.lower().endswith(".docx") else f"{path}.docx")
            self._path_edited = True

    # -- export -----------------------------------------------------------------------
    def _on_export(self) -> None:
        if not self.chosen_sections():
            self.status.setText(_("Tick at least one section."))
            return
        try:
            options = self.options()
        except ValueError as exc:
            self.status.setText(str(exc))
            return
        path = Path(self.output.text().strip())
        refusal = overwrites_map(path, self.map_path)
        if refusal:
            self.status.setText(refusal)
            return
        if path.parent == output_folder():
            path.parent.mkdir(parents=True, exist_ok=True)
        self._cancel = threading.Event()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(_("Writing the plan…"))
        self.task.start(_plan_job(self.smap.copy(), path, options, self._cancel))

    @property
    def writing(self) -> bool:
        """Whether a plan is being written."""
        return self.task.running

    def reject(self) -> None:
        """Cancel: stop a plan being written (the dialog stays open and says so), or close."""
        if self.writing:
            self._cancel.set()
            self.status.setText(_("Cancelling…"))
            return
        super().reject()

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(fraction * 100))
        if message and not self._cancel.is_set():
            self.status.setText(message)

    def _on_failed(self, message: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.progress.setValue(0)
        if self._cancel.is_set():
            self.status.setText(_("Export cancelled: no plan was written."))
        else:
            self.status.setText(f"The plan was not written: {message}")

    def _on_finished(self, path: Path) -> None:
        self.written = Path(path)
        choices = self.remembered()
        if self.remember and choices != self.smap.plan_settings:
            # Applied without the undo stack: writing a plan is no edit of the map.
            UpdatePlanSettings(self.smap, **choices).redo()
        self.progress.setValue(100)
        self.status.setText(f"Saved {path}")
        self.plan_written.emit(str(path))
        self.accept()

    def offer_to_open(self) -> bool:
        """Ask whether to open the written plan; opens it with the system's Word editor."""
        if self.written is None:
            return False
        answer = QMessageBox.question(
            self.parentWidget(),
            "Engagement plan saved",
            f"The plan was saved to {self.written}.\n\nOpen it now?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))


def run_plan_dialog(
    parent: QWidget | None,
    smap: StakeholderMap,
    map_path: str | Path | None,
    remember: bool = True,
    push: Callable[[Command], None] | None = None,
) -> Path | None:
    """Show the export dialog for ``smap``; returns the written plan's path, or None.

    With ``remember`` the choices made are kept in the map's plan settings (no undo
    step: writing a plan does not change the map)."""
    dialog = PlanDialog(smap, map_path, parent, remember, push)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    dialog.offer_to_open()
    return dialog.written
