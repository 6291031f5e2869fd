"""Marking what Partner and Public versions may show of the user's own words.

- :class:`SharingBox` is the small choice beside a text (a stakeholder's notes or next
  action, a log entry): *Internal only* (the default), *Share with partners*, *Share
  publicly*.
- :class:`SharingDialog` lists the map's own texts (the purpose, the names of categories
  and kinds the user made, snapshot names, plan-settings text), each with its box; the
  plan dialog opens it. Its changes are one undo step.

The marks are kept on the map (:mod:`stakeholder_mapper.core.sharing`) and applied by
every Partner and Public export.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.commands import Command
from ...core.i18n import N_, _
from ...core.model import StakeholderMap
from ...core.sharing import SHARING, SHARING_NAMES, SetSharing, map_texts
from .dialog_size import resize_within_screen

__all__ = ["SHARING_HELP", "SharingBox", "SharingDialog"]

#: The tooltip of every sharing box, and the dialog's lead: what a mark does.
SHARING_HELP = N_(
    "Who may read this text in exported plans and files. Internal only: the full version "
    "alone. Share with partners: partner versions too. Share publicly: public versions "
    "too. Phone numbers, e-mail addresses and personal names are removed from shared text."
)
#: The dialog's lead sentence.
DIALOG_LEAD = N_(
    "Texts you wrote for the whole map stay in the full (internal) version unless you "
    "share them. Unshared categories and kinds appear as “Group A”, “Tie kind 1” and so on."
)
#: Said when the map has no such text.
NOTHING_TO_MARK = N_(
    "This map has no purpose, own category or kind names, snapshots or plan texts to share."
)


class SharingBox(QComboBox):
    """The sharing mark of one text; ``marked`` tells a mark the user chose."""

    #: Emitted with the mark ("withheld", "partner" or "public") the user picked.
    marked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for mark in SHARING:
            self.addItem(_(SHARING_NAMES[mark]), mark)
        self.setToolTip(_(SHARING_HELP))
        self.setAccessibleName(_("Sharing"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Like the inspector's other boxes: the wheel scrolls the panel, not the mark.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.activated.connect(lambda _i: self.marked.emit(self.mark()))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    def mark(self) -> str:
        """The mark shown."""
        return str(self.currentData())

    def set_mark(self, mark: str) -> None:
        """Show ``mark`` without reporting it as the user's choice."""
        self.setCurrentIndex(max(0, self.findData(mark)))


class SharingDialog(QDialog):
    """Share or withhold the map's own texts; OK applies the changes as one undo step."""

    def __init__(
        self,
        smap: StakeholderMap,
        push: Callable[[Command], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("What shared versions show"))
        self.smap = smap
        self.push = push
        self.boxes: dict[str, SharingBox] = {}
        lead = QLabel(_(DIALOG_LEAD))
        lead.setWordWrap(True)
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        texts = map_texts(smap)
        for row, item in enumerate(texts):
            what = QLabel(_(item.what))
            what.setStyleSheet("color: #555555;")
            text = QLabel(item.text if len(item.text) <= 120 else item.text[:119] + "…")
            text.setWordWrap(True)
            box = SharingBox()
            box.set_mark(smap.sharing.get(item.key, "withheld"))
            self.boxes[item.key] = box
            grid.addWidget(what, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(box, row, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(texts) + 1, 1)  # rows stay together at the top
        if not texts:
            grid.addWidget(QLabel(_(NOTHING_TO_MARK)), 0, 0)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.windowTitle())
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 620, 420)

    def changes(self) -> dict[str, str]:
        """The marks the user changed, by key."""
        return {
            key: box.mark()
            for key, box in self.boxes.items()
            if box.mark() != self.smap.sharing.get(key, "withheld")
        }

    def accept(self) -> None:
        """Apply the changed marks (one undo step), then close."""
        changes = self.changes()
        if changes:
            self.push(SetSharing(self.smap, changes))
        super().accept()
