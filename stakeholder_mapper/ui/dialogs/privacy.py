"""Dialogs for the people on the map: erase a person's data, and the review reminders.

- :class:`ErasePersonDialog` shows what erasing a stakeholder's personal data will
  change, takes other spellings to erase with it, and gives the undoable command. Working
  out the erasure takes a second or two on a large map, so while the user types other
  spellings the preview waits for a pause and is worked out off the GUI thread.
- :class:`ReviewDueDialog` lists the stakeholders whose review date has come, so that
  each is checked, updated or erased (retention).
- :func:`erased_since_save` tells the Save action to write no backup, so the previous
  version (which still holds the erased person) does not survive the save.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import N_, _, ngettext
from ...core.model import StakeholderMap
from ...core.privacy import ErasePerson, overdue_reviews
from ...core.validation import ValidationError
from ..workers.background import BackgroundTask

__all__ = ["PREVIEW_DELAY_MS", "ErasePersonDialog", "ReviewDueDialog", "erased_since_save"]

#: How long typing in "other spellings" must pause before the preview is worked out again.
PREVIEW_DELAY_MS = 300

#: What the summary says while the preview for the text typed is being worked out.
PREVIEW_PENDING = N_("Working out what will be erased…")


def erased_since_save(undo_stack: QUndoStack) -> bool:
    """Whether an applied :class:`ErasePerson` lies between the last save and now.

    The Save action then calls ``save_map(..., backup=False)``, which also deletes the
    old ``.bak``. Works with undo commands that keep the core command as ``.command``.
    """
    clean, index = undo_stack.cleanIndex(), undo_stack.index()
    start = 0 if clean < 0 else min(clean, index)
    end = index if clean < 0 else max(clean, index)
    for i in range(start, end):
        command = getattr(undo_stack.command(i), "command", None)
        if isinstance(command, ErasePerson):
            return True
    return False


class ErasePersonDialog(QDialog):
    """Confirms erasing one stakeholder's personal data everywhere, snapshots included."""

    def __init__(
        self, smap: StakeholderMap, stakeholder_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.smap, self.stakeholder_id = smap, stakeholder_id
        stakeholder = smap.stakeholders[stakeholder_id]
        self.setWindowTitle(_("Erase personal data"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Erase the personal name and contact details of {name} from the "
                "whole map, every snapshot included. Each place they appear in a text becomes "
                "[erased]. The stakeholder stays on the map. You can undo until you close the "
                "map; saving keeps no backup of the previous version."
            ).format(name=stakeholder.label)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.also = QLineEdit()
        self.also.setPlaceholderText(_("Other spellings or nicknames to erase, separated by ;"))
        self.also.setAccessibleName(self.also.placeholderText())
        self.also.textChanged.connect(self._text_changed)
        layout.addWidget(self.also)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(
            _("Erase"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.erase_button.clicked.connect(self._erase)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        #: Restarted at each key, so the preview is worked out once typing pauses.
        self.preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self._start_preview)
        #: Works out the preview off the GUI thread; only the latest one is shown.
        self.preview = BackgroundTask(self)
        self.preview.finished.connect(self._show_preview)
        self.preview.failed.connect(self.summary.setText)
        self._command: ErasePerson | None = None
        #: The other spellings ``_command`` was built with (None: none built yet).
        self._command_for: tuple[str, ...] | None = None
        self._show(_erasure(smap, stakeholder_id, ()))

    def _extra(self) -> tuple[str, ...]:
        return tuple(t.strip() for t in self.also.text().split(";") if t.strip())

    @property
    def preview_stale(self) -> bool:
        """Whether the summary shown is not yet that of the text in the field."""
        return self._command_for != self._extra()

    def _text_changed(self) -> None:
        self.preview.drop()
        if not self.also.isModified():
            # Set by the program (not typed): a single change, previewed at once.
            self.preview_timer.stop()
            self._show(_erasure(self.smap, self.stakeholder_id, self._extra()))
            return
        self.summary.setText(_(PREVIEW_PENDING))
        # Erase works out the erasure for the text typed when the preview is not ready.
        self.erase_button.setEnabled(self._command is not None or bool(self._extra()))
        self.preview_timer.start()

    def _start_preview(self) -> None:
        smap, sid, extra = self.smap, self.stakeholder_id, self._extra()
        self.preview.start(lambda _report: _erasure(smap, sid, extra))

    def _show_preview(self, preview: object) -> None:
        if isinstance(preview, _Preview) and preview.extra == self._extra():
            self._show(preview)

    def _show(self, preview: _Preview) -> None:
        self._command, self._command_for = preview.command, preview.extra
        self.summary.setText(preview.summary)
        # Longer sentences (other languages, many places) need more lines: grow to show them.
        needed = self.layout().totalHeightForWidth(self.width())
        self.resize(self.width(), max(self.height(), needed))
        self.erase_button.setEnabled(preview.command is not None)

    def _erase(self) -> None:
        if self.command() is not None:
            self.accept()

    def done(self, result: int) -> None:
        """Closes the dialog; a preview still pending is no longer wanted."""
        self.preview_timer.stop()
        self.preview.drop()
        super().done(result)

    def command(self) -> ErasePerson | None:
        """The erasure to push on the undo stack (``None`` if there is nothing to erase).

        Always that of the text now in the field: when its preview is not ready, the
        erasure is worked out here, so Erase never acts on spellings typed earlier.
        """
        if self.preview_stale:
            self.preview_timer.stop()
            self.preview.drop()
            self._show(_erasure(self.smap, self.stakeholder_id, self._extra()))
        return self._command


@dataclass(frozen=True)
class _Preview:
    """An erasure worked out for one set of other spellings, and what the dialog says."""

    extra: tuple[str, ...]
    command: ErasePerson | None
    summary: str


def _erasure(smap: StakeholderMap, stakeholder_id: str, extra: tuple[str, ...]) -> _Preview:
    """The erasure with ``extra`` spellings and its summary (runs in a worker; no Qt)."""
    try:
        command = ErasePerson(smap, stakeholder_id, also=extra)
    except ValidationError as exc:
        return _Preview(extra, None, str(exc))
    return _Preview(extra, command, command.summary())


class ReviewDueDialog(QDialog):
    """The stakeholders whose review date has come, longest overdue first."""

    def __init__(self, smap: StakeholderMap, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Reviews due"))
        self.due = overdue_reviews(smap, today)
        layout = QVBoxLayout(self)
        text = QLabel(
            ngettext(
                "{n} stakeholder should be reviewed: check each with its source and update it, "
                "delete it if it no longer matters, or erase the person's data; then set the "
                "next review date.",
                "{n} stakeholders should be reviewed: check each with its source and update it, "
                "delete it if it no longer matters, or erase the person's data; then set the "
                "next review date.",
                len(self.due),
            ).format(n=len(self.due))
            if self.due
            else _("No review is due.")
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.table = QTreeWidget()
        self.table.setAccessibleName(_("Reviews due"))
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [_("Stakeholder"), _("Review date"), _("Overdue"), _("Personal data")]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for s in self.due:
            days = (today - s.review_date).days if s.review_date else 0
            self.table.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        s.label,
                        s.review_date.isoformat() if s.review_date else "",
                        _("due today")
                        if days == 0
                        else ngettext("{n} day", "{n} days", days).format(n=days),
                        _("yes") if (s.person or s.contact) else "",
                    ]
                )
            )
        for column in range(4):
            self.table.resizeColumnToContents(column)
        if self.due:
            self.table.setCurrentItem(self.table.topLevelItem(0))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.erase_button = buttons.addButton(
            _("Erase personal data…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.erase_button.setEnabled(any(s.person or s.contact for s in self.due))
        self.erase_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 320)

    def chosen(self) -> str | None:
        """Id of the selected stakeholder (accepted: erase its personal data next)."""
        row = self.table.indexOfTopLevelItem(self.table.currentItem())
        return self.due[row].id if row >= 0 else None
