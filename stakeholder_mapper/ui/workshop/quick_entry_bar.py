"""The quick-entry bar: type ``Name; category`` or ``A > B`` and Enter, or paste a list.

The grammar lives in :mod:`stakeholder_mapper.core.quick_entry`; this bar only offers
completions, pushes the resulting command (one undo step), and shows problems inline
rather than in a dialog, so a facilitator never loses the room's flow: an unknown name
gets an "Add ..." button, a typo (in a name, a kind or a category) a "Use ..." button
that puts the corrected line back for a look before Enter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import N_, _
from ...core.model import ChangeKind, ModelChange
from ...core.quick_entry import QuickEntryError, completions, quick_entry
from ..document import MapDocument

__all__ = ["QuickEntryBar"]

_CATEGORY_CHANGES = (
    ChangeKind.CATEGORY_ADDED,
    ChangeKind.CATEGORY_REMOVED,
    ChangeKind.CATEGORY_CHANGED,
    ChangeKind.RESET,
)
PLACEHOLDER = N_("Name; category   ·   A > B   ·   A -> B trust 4   ·   paste a list")


_MAP_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class _EntryLine(QLineEdit):
    """A line edit that hands multi-line pastes to the bar instead of flattening them,
    keeps Esc to itself so it never reaches a window shortcut (such as leaving
    presentation mode) while the facilitator types, sends Enter to the bar itself (with
    the highlighted completion, if any) and Undo/Redo to the map rather than the text."""

    #: Emitted with the clipboard text when it holds several lines.
    pasted_lines = Signal(str)
    #: Emitted when Esc is pressed in the line (its completion popup included).
    escaped = Signal()
    #: Emitted on Enter with the line to add: the highlighted completion or the text.
    entered = Signal(str)
    #: Emitted with True for Undo and False for Redo pressed in the line.
    map_undo = Signal(bool)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (event.key() == Qt.Key.Key_Escape or any(map(event.matches, _MAP_KEYS)))
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.escaped.emit()
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            event.accept()
            self.map_undo.emit(True)
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            event.accept()
            self.map_undo.emit(False)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # Accepted here, so the completer never puts its choice back into the line
            # after the line was added and cleared (the next typed line would join it).
            event.accept()
            self.entered.emit(self._chosen_line())
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if "\n" in text.strip():
                self.pasted_lines.emit(text)
                return
        super().keyPressEvent(event)

    def _chosen_line(self) -> str:
        """The highlighted completion while the popup shows one, else the typed text."""
        completer = self.completer()
        popup = completer.popup()
        text = self.text()
        if popup.isVisible():
            index = popup.currentIndex()
            popup.hide()
            if index.isValid():
                return str(index.data())
        return text


class QuickEntryBar(QWidget):
    """An entry line with completions, the category for new names, and an inline message."""

    #: Emitted with the ids of the stakeholders added by an entry (e.g. to select them).
    added = Signal(tuple)
    #: Emitted when Esc is pressed with nothing left to close or clear: put the bar away.
    dismissed = Signal()

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._pending = ""
        self.line = _EntryLine(self)
        self.line.setAccessibleName(_("Quick entry"))
        self.line.setPlaceholderText(_(PLACEHOLDER))
        self.line.setClearButtonEnabled(True)
        self._choices = QStringListModel(self)
        completer = QCompleter(self._choices, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.line.setCompleter(completer)
        self.category = QComboBox(self)
        self.category.setAccessibleName(_("Category for new names"))
        self.category.setToolTip(_("Category for names typed without one, and for names added"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.action = QPushButton(self)
        self.action.hide()
        self.message.hide()

        self.title = QLabel(_("Quick entry:"), self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title)
        row.addWidget(self.line, 1)
        row.addWidget(QLabel(_("new names in"), self))
        row.addWidget(self.category)
        row.addStretch(0)
        self._row = row
        self._notice = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._notice.setContentsMargins(0, 0, 0, 0)
        self._notice.addWidget(self.message, 1)
        self._notice.addWidget(self.action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(row)
        layout.addLayout(self._notice)

        self.line.textEdited.connect(self._on_text_edited)
        self.line.entered.connect(self._on_entered)
        self.line.map_undo.connect(self._on_map_undo)
        self.line.pasted_lines.connect(self.submit)
        self.line.escaped.connect(self._on_escape)
        self.action.clicked.connect(self._on_action_clicked)
        document.changed.connect(self._on_model_change)
        self._fill_categories()

    def set_point_size(self, points: int) -> None:
        """Write everything in the bar at ``points`` (e.g. large on a projector)."""
        for widget in (self, *self.findChildren(QWidget)):
            font = QFont(widget.font())
            font.setPointSize(points)
            widget.setFont(font)
        self.updateGeometry()

    def set_stacked(self, stacked: bool) -> None:
        """Give the entry line a row of its own, and the message the bar's whole width
        with its offer below it (large text on a projector), or put them back side by side."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        if stacked:
            self._row.removeWidget(self.line)
            self.title.hide()
            layout.insertWidget(0, self.line)
            self._notice.setDirection(QBoxLayout.Direction.TopToBottom)
        else:
            layout.removeWidget(self.line)
            self.title.show()
            self._row.insertWidget(1, self.line, 1)
            self._notice.setDirection(QBoxLayout.Direction.LeftToRight)
        self.updateGeometry()

    def height_for(self, width: int) -> int:
        """The bar's height at ``width``, its wrapped message included."""
        layout = self.layout()
        if layout.hasHeightForWidth():
            return max(layout.totalHeightForWidth(width), self.sizeHint().height())
        return self.sizeHint().height()

    # -- entering -------------------------------------------------------------------------
    def submit(self, text: str, create_missing: bool = False) -> bool:
        """Add what ``text`` describes as one undo step; on a problem show it and add nothing."""
        category = self.category.currentData()
        try:
            entry = quick_entry(
                self.document.smap,
                text,
                default_category=category,
                create_missing_in=category if create_missing else None,
            )
        except QuickEntryError as exc:
            self._show_problem(text, exc)
            return False
        self.document.push(entry.command)
        self._pending = ""
        self.line.clear()
        self._hide_message()
        if entry.updated or entry.unchanged or entry.skipped_header:
            # Say what happened to ties already on the map and to a skipped header row.
            self.message.setText(entry.summary)
            self.message.setStyleSheet("color: #1a5e20; font-weight: bold;")
            self.message.show()
        self.added.emit(entry.stakeholders)
        return True

    def _show_problem(self, text: str, exc: QuickEntryError) -> None:
        self._pending = text
        self.message.setText(str(exc))
        self.message.setStyleSheet("color: #a01010; font-weight: bold;")
        self.message.show()
        fixed = exc.fixed
        if fixed is None and exc.suggestion and exc.missing:
            fixed = text.replace(exc.missing[0], exc.suggestion, 1)
        self.action.setProperty("fixed", fixed)
        self.action.setProperty("missing", list(exc.missing))
        if fixed:
            self.action.setText(_("Use '{name}'").format(name=exc.suggestion))
        elif exc.missing:
            category = self.category.currentText()
            if len(exc.missing) == 1:
                text = _("Add '{name}' as {category}").format(
                    name=exc.missing[0], category=category
                )
            else:
                text = _("Add them as {category}").format(category=category)
            self.action.setText(text)
        self.action.setVisible(bool(fixed or exc.missing))

    def _hide_message(self) -> None:
        self.message.hide()
        self.action.hide()

    def _on_action_clicked(self) -> None:
        fixed = self.action.property("fixed")
        missing = self.action.property("missing") or []
        if fixed:
            if "\n" in fixed:
                self.submit(fixed)
            else:
                self.line.setText(fixed)
                self._hide_message()
                self.line.setFocus()
        elif missing:
            self.submit(self._pending, create_missing=True)

    def _on_escape(self) -> None:
        """Esc closes one thing at a time: the completions, then the text and its
        message, then the bar itself (:attr:`dismissed`)."""
        popup = self.line.completer().popup()
        if popup.isVisible():
            popup.hide()
        elif self.line.text() or self.message.isVisible():
            self.line.clear()
            self._pending = ""
            self._hide_message()
        else:
            self.dismissed.emit()

    def _on_entered(self, text: str) -> None:
        if text != self.line.text():
            self.line.setText(text)
        if text.strip():
            self.submit(text)

    def _on_map_undo(self, undo: bool) -> None:
        """Ctrl+Z in the bar takes back the map's last edit (the tie just added)."""
        stack = self.document.undo_stack
        if undo:
            stack.undo()
        else:
            stack.redo()

    # -- completions ------------------------------------------------------------------
    def _on_text_edited(self, text: str) -> None:
        self._hide_message()
        self._choices.setStringList(completions(self.document.smap, text))

    def _fill_categories(self) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        for category in self.document.smap.categories.values():
            self.category.addItem(category.name, category.id)
        index = self.category.findData(current if current is not None else "community")
        self.category.setCurrentIndex(max(index, 0))
        self.category.blockSignals(False)

    def _on_model_change(self, change: ModelChange) -> None:
        if change.kind in _CATEGORY_CHANGES:
            self._fill_categories()
