"""The export dialog: choose a format, what the export may show, and the file.

Formats: Excel workbook, CSV tables, GraphML, GEXF, and the network figure as PNG, SVG
or PDF. The figure is drawn from the canvas scene given, so it shows exactly what the
canvas shows (filters, focus, node sizes). The main window calls
:func:`run_export_dialog`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ...core.i18n import N_, _
from ...core.model import StakeholderMap
from ...core.validation import ValidationError
from ...io.errors import MapFileError
from ...io.graph_formats import export_gexf, export_graphml
from ...io.redact import EXPORT_LEVELS, LEVEL_DESCRIPTIONS, redact_for_export
from ...io.table_export import export_csv, export_xlsx
from ..canvas import MapScene
from ..canvas.figure import render_scene
from ..document import MapDocument
from ..setup.folders import output_folder

__all__ = ["EXPORT_CHOICES", "ExportDialog", "run_export_dialog"]

#: Format id -> (name shown, file extension).
EXPORT_CHOICES: dict[str, tuple[str, str]] = {
    "xlsx": (N_("Excel workbook (stakeholders, relationships, metrics)"), ".xlsx"),
    "csv": (N_("CSV tables (stakeholders, relationships, metrics)"), ".csv"),
    "graphml": (N_("GraphML for Cytoscape, yEd, igraph"), ".graphml"),
    "gexf": (N_("GEXF for Gephi"), ".gexf"),
    "png": (N_("Network figure as PNG image"), ".png"),
    "svg": (N_("Network figure as SVG drawing"), ".svg"),
    "pdf": (N_("Network figure as PDF"), ".pdf"),
}
_FIGURES = ("png", "svg", "pdf")


def overwrites_map(path: Path, map_path: str | Path | None) -> str:
    """Why writing an export to ``path`` would destroy a map file, or "" when it would not."""
    if path.suffix.lower() == ".smap":
        return _("{name} is a map file name; choose another name so no map is overwritten.").format(
            name=path.name
        )
    if map_path is not None and path.resolve() == Path(map_path).resolve():
        return _("{name} is the open map; choose another file.").format(name=path.name)
    return ""


class ExportDialog(QDialog):
    """Export the open map; :attr:`written` lists the files written once accepted."""

    def __init__(
        self,
        smap: StakeholderMap,
        scene: MapScene | None = None,
        folder: Path | None = None,
        parent: QWidget | None = None,
        map_path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export"))
        self.smap = smap
        self.map_path = map_path
        self.scene = scene
        self.folder = folder or output_folder()
        self.written: list[Path] = []
        form = QFormLayout(self)
        self.format = QComboBox()
        for key, (name, _skip) in EXPORT_CHOICES.items():
            self.format.addItem(_(name), key)
        self.level = QComboBox()
        for level in EXPORT_LEVELS:
            self.level.addItem(_(LEVEL_DESCRIPTIONS[level]).split(":")[0].strip(), level)
            self.level.setItemData(
                self.level.count() - 1, _(LEVEL_DESCRIPTIONS[level]), Qt.ItemDataRole.ToolTipRole
            )
        self.width_box = QSpinBox()
        self.width_box.setRange(400, 20000)
        self.width_box.setSingleStep(200)
        self.width_box.setValue(2400)
        self.width_box.setSuffix(" px")
        self.file_edit = QLineEdit()
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._on_browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B00020")
        form.addRow(_("Format:"), self.format)
        form.addRow(_("Show:"), self.level)
        form.addRow(_("Image width:"), self.width_box)
        form.addRow(_("File:"), row)
        form.labelForField(row).setBuddy(self.file_edit)
        form.addRow(self.note)
        form.addRow(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._on_format_changed)
        self.level.currentIndexChanged.connect(self._on_format_changed)
        self._on_format_changed()

    @property
    def chosen_format(self) -> str:
        """The format id chosen (``xlsx``, ``csv``, ``graphml``, ...)."""
        return self.format.currentData()

    def _on_format_changed(self) -> None:
        fmt = self.chosen_format
        self.width_box.setEnabled(fmt == "png")
        suffix = EXPORT_CHOICES[fmt][1]
        current = self.file_edit.text()
        stem = Path(current).stem if current else (self.smap.info.title or "map")
        self.file_edit.setText(
            str((Path(current).parent if current else self.folder) / (stem + suffix))
        )
        notes = {
            "csv": _(
                "The relationships and metrics go to files ending in _relationships.csv "
                "and _metrics.csv beside the one chosen."
            ),
            "gexf": _(
                "GEXF keeps the map's title, purpose and date but not its city, branch or author."
            ),
        }
        note = notes.get(fmt, "")
        if fmt in _FIGURES:
            note = _(
                "At Full the figure shows what the canvas shows now, with its legend; at "
                "Partner and Public it shows the whole map, unfiltered, without personal details."
            )
        self.note.setText(note)
        self.message.clear()

    def _on_browse(self) -> None:
        fmt = self.chosen_format
        name, suffix = EXPORT_CHOICES[fmt]
        path, _chosen_filter = QFileDialog.getSaveFileName(
            self, _("Export"), self.file_edit.text(), f"{_(name)} (*{suffix})"
        )
        if path:
            self.file_edit.setText(path if path.endswith(suffix) else path + suffix)

    def export(self) -> None:
        """Write the chosen export; on failure show why and stay open."""
        text = self.file_edit.text().strip()
        if not text:
            self.message.setText(_("Choose a file to write."))
            return
        path, fmt, level = Path(text), self.chosen_format, self.level.currentData()
        refusal = overwrites_map(path, self.map_path)
        if refusal:
            self.message.setText(refusal)
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.written = self._write(path, fmt, level)
        except (MapFileError, ValidationError, OSError) as exc:
            self.message.setText(str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()

    def _write(self, path: Path, fmt: str, level: str) -> list[Path]:
        if fmt in _FIGURES:
            scene = self.scene
            if scene is None or level != "full":
                scene = MapScene(MapDocument(redact_for_export(self.smap, level), parent=self))
            render_scene(scene, path, fmt, self.width_box.value())
            return [path]
        if fmt == "csv":
            return export_csv(self.smap, path, level=level)
        writer = {"xlsx": export_xlsx, "graphml": export_graphml, "gexf": export_gexf}[fmt]
        writer(self.smap, path, level=level)
        return [path]


def run_export_dialog(
    parent: QWidget | None,
    smap: StakeholderMap,
    scene: MapScene | None = None,
    folder: Path | None = None,
    map_path: Path | None = None,
) -> list[Path]:
    """Ask how to export ``smap`` and write it; returns the files written (empty if cancelled).

    Pass the canvas ``scene`` so that a Full figure shows exactly what the canvas shows
    (a Partner or Public figure is drawn from the redacted map, unfiltered). Pass the open
    map's ``map_path`` so that no export can overwrite it.
    """
    dialog = ExportDialog(smap, scene, folder, parent, map_path)
    try:
        dialog.exec()
        return dialog.written
    finally:
        dialog.deleteLater()
