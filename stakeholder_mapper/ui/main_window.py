"""The main window: the open map's stakeholders, titled with the map's name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QTableView

from ..core.model import StakeholderMap
from .stakeholder_table import StakeholderTableModel

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """Shows one map; the window title names the map and its file."""

    def __init__(self, smap: StakeholderMap, path: Path | None = None) -> None:
        super().__init__()
        self.smap = smap
        self.path = path
        self.table_model = StakeholderTableModel(smap, self)
        self.table = QTableView(self)
        self.table.setModel(self.table_model)
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.setCentralWidget(self.table)
        self.resize(1200, 800)
        self._update_title()

    def _update_title(self) -> None:
        name = self.path.name if self.path else "unsaved"
        self.setWindowTitle(f"{self.smap.info.title} — {name} — Stakeholder Mapper")
