"""The inspector: every attribute of the selected stakeholder or relationship, editable.

Each field commits on its own (Enter, leaving the field, or choosing from a list) as one
``UpdateStakeholder`` / ``UpdateRelationship`` command; the form reloads from the map's
notifications, so undo shows at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.commands import UpdateRelationship, UpdateStakeholder
from ...core.i18n import _, ngettext
from ...core.model import ChangeKind, ModelChange
from ...core.sharing import STAKEHOLDER_SHAREABLE, SetSharing, stakeholder_key
from ...core.validation import ValidationError
from ..dialogs.sharing import SharingBox
from ..document import MapDocument
from .fields import RELATIONSHIP_FIELDS, STAKEHOLDER_FIELDS, UNKNOWN, Field, changes_for
from .value_names import shown_value

__all__ = ["Inspector"]


class _LongText(QPlainTextEdit):
    """A multi-line field that commits when it loses focus."""

    committed = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()


class _ScaleBox(QSpinBox):
    """A spin box for a scale whose lowest entry means unknown: clearing the text or typing
    "unknown" chooses it, as the user guide says (leave a value empty for unknown).

    The mouse wheel changes it only once it has the keyboard focus (a click or Tab):
    otherwise scrolling the inspector over it silently rewrote the stakeholder's scores.
    """

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the inspector scrolls instead

    def _unknown(self, typed: str) -> bool:
        """Whether ``typed`` means unknown: empty, or the word in English or shown."""
        shown = self.specialValueText().casefold()
        return bool(shown) and typed in ("", UNKNOWN, shown)

    def validate(self, text: str, pos: int) -> object:
        typed = text.strip().casefold()
        if self._unknown(typed):
            return QValidator.State.Acceptable, text, pos
        shown = self.specialValueText().casefold()
        if shown and typed.isalpha() and (UNKNOWN.startswith(typed) or shown.startswith(typed)):
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def valueFromText(self, text: str) -> int:
        if self._unknown(text.strip().casefold()):
            return self.minimum()
        return super().valueFromText(text)


class _ChoiceBox(QComboBox):
    """A list of choices the mouse wheel changes only once it has the keyboard focus."""

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the inspector scrolls instead


class _Editor:
    """One field's widget: shows a value as text and reports typed text to ``commit``."""

    def __init__(self, field: Field, commit: Callable[[Field, str], None]) -> None:
        self.field = field
        self._commit = commit
        kind = field.kind
        if kind == "int":
            box = _ScaleBox()
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            low = field.low if field.low is not None else 0
            box.setRange(low - 1 if field.optional else low, field.high or 1000)
            if field.optional:
                box.setSpecialValueText(shown_value(""))
            box.setKeyboardTracking(False)
            box.valueChanged.connect(lambda _v: self._emit())
            self.widget: QWidget = box
        elif kind in ("choice", "category", "kind", "bool"):
            box = _ChoiceBox()
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            box.activated.connect(lambda _i: self._emit())
            self.widget = box
        elif kind == "longtext":
            edit = _LongText()
            edit.setFixedHeight(54)
            edit.setTabChangesFocus(True)
            edit.committed.connect(self._emit)
            self.widget = edit
        elif kind == "stakeholder":
            self.widget = QLabel()
        else:
            line = QLineEdit()
            if kind == "date":
                line.setPlaceholderText(_("YYYY-MM-DD"))
            elif kind == "colour":
                line.setPlaceholderText(_("the category's"))
            elif kind in ("tags", "principles"):
                line.setPlaceholderText(_("separated by commas"))
            line.editingFinished.connect(self._emit)
            self.widget = line
        self.widget.setObjectName(field.name)
        self.widget.setAccessibleName(field.title)
        self._loading = False

    def load(self, text: str, choices: list[tuple[str, str]]) -> None:
        """Show ``text``; ``choices`` are (text, shown) pairs for list fields."""
        self._loading = True
        try:
            widget = self.widget
            if isinstance(widget, QSpinBox):
                widget.setValue(widget.minimum() if text in ("", UNKNOWN) else int(text))
            elif isinstance(widget, QComboBox):
                widget.clear()
                for value, shown in choices:
                    widget.addItem(shown, value)
                widget.setCurrentIndex(max(0, widget.findData(text)))
            elif isinstance(widget, QPlainTextEdit):
                if widget.toPlainText() != text:
                    widget.setPlainText(text)
            else:
                widget.setText(text)
        finally:
            self._loading = False

    def text(self) -> str:
        """What the user typed or chose, as text for :meth:`Field.parse`."""
        widget = self.widget
        if isinstance(widget, QSpinBox):
            return (
                ""
                if widget.value() == widget.minimum() and self.field.optional
                else str(widget.value())
            )
        if isinstance(widget, QComboBox):
            return str(widget.currentData())
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()

    def _emit(self) -> None:
        if not self._loading:
            self._commit(self.field, self.text())


class Inspector(QWidget):
    """Shows the attributes of the one selected stakeholder or relationship."""

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.record_id: str | None = None
        self.records = ""
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.editors: dict[str, _Editor] = {}
        #: Who may read each free-text field of the shown stakeholder, by field name.
        self.sharing_boxes: dict[str, SharingBox] = {}
        self._forms: dict[str, QWidget] = {}
        for records, fields in (
            ("stakeholders", STAKEHOLDER_FIELDS),
            ("relationships", RELATIONSHIP_FIELDS),
        ):
            form_widget = QWidget()
            form = QFormLayout(form_widget)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for field in fields:
                if field.name == "engagement.stage":
                    heading = QLabel(_("Engagement"))
                    heading.setStyleSheet("font-weight: bold; margin-top: 8px;")
                    form.addRow(heading)
                editor = _Editor(field, self._commit)
                self.editors[f"{records}:{field.name}"] = editor
                shared = field.name.removeprefix("engagement.")
                if records == "stakeholders" and shared in STAKEHOLDER_SHAREABLE:
                    form.addRow(field.title, self._with_sharing(editor.widget, shared))
                else:
                    form.addRow(field.title, editor.widget)
            self._forms[records] = form_widget
        scroll = QScrollArea()
        scroll.setAccessibleName(_("Inspector"))
        scroll.setWidgetResizable(True)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.title)
        body_layout.addWidget(self.message)
        for form_widget in self._forms.values():
            body_layout.addWidget(form_widget)
        body_layout.addStretch(1)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        document.selection.changed.connect(self._on_selection_changed)
        document.changed.connect(self._on_model_change)
        self._on_selection_changed(None)

    def _with_sharing(self, editor: QWidget, name: str) -> QWidget:
        """The editor of a stakeholder's free text with, under it, who may read it."""
        box = SharingBox()
        box.setObjectName(f"sharing:{name}")
        box.marked.connect(lambda mark: self._on_sharing_marked(name, mark))
        self.sharing_boxes[name] = box
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignRight)
        return row

    def editor(self, field_name: str) -> QWidget:
        """The widget editing ``field_name`` of the shown record (for keyboard use and tests)."""
        return self.editors[f"{self.records}:{field_name}"].widget

    def _on_selection_changed(self, _origin: object) -> None:
        selection = self.document.selection
        self.message.hide()
        count = len(selection.stakeholders) + len(selection.relationships)
        if count == 1 and selection.stakeholders:
            self.records, self.record_id = "stakeholders", selection.stakeholders[0]
        elif count == 1:
            self.records, self.record_id = "relationships", selection.relationships[0]
        else:
            self.records, self.record_id = "", None
            self.title.setText(
                _("Select a stakeholder or a relationship to see and edit its details.")
                if count == 0
                else ngettext(
                    "{n} item selected. To change one column for all of them, "
                    "edit it in the table with the rows selected.",
                    "{n} items selected. To change one column for all of them, "
                    "edit it in the table with the rows selected.",
                    count,
                ).format(n=count)
            )
        for records, form_widget in self._forms.items():
            form_widget.setVisible(records == self.records)
        self._load()

    def _on_model_change(self, change: ModelChange) -> None:
        if change.kind in (ChangeKind.RESET, ChangeKind.SHARING_CHANGED) or (
            self.record_id is not None and self.record_id in change.ids
        ):
            self._load()

    def _on_sharing_marked(self, name: str, mark: str) -> None:
        if self.record_id is None or self.records != "stakeholders":
            return
        key = stakeholder_key(self.record_id, name)
        if mark != self.document.smap.sharing.get(key, "withheld"):
            self.document.try_edit(lambda: SetSharing(self.document.smap, {key: mark}))

    def _load(self) -> None:
        if self.record_id is None:
            return
        smap = self.document.smap
        store = getattr(smap, self.records)
        record = store.get(self.record_id)
        if record is None:
            return
        if self.records == "stakeholders":
            self.title.setText(record.label)
            fields = STAKEHOLDER_FIELDS
        else:
            kind = smap.kinds.get(record.kind)
            self.title.setText(
                f"{smap.stakeholders[record.source].label} → "
                f"{smap.stakeholders[record.target].label} ({kind.name if kind else record.kind})"
            )
            fields = RELATIONSHIP_FIELDS
        for field in fields:
            value = field.get(record)
            self.editors[f"{self.records}:{field.name}"].load(
                _as_text(field, value, smap), _choices(field, smap)
            )
        if self.records == "stakeholders":
            for name, box in self.sharing_boxes.items():
                box.set_mark(smap.sharing.get(stakeholder_key(record.id, name), "withheld"))

    def _commit(self, field: Field, text: str) -> None:
        if self.record_id is None:
            return
        smap = self.document.smap
        record = getattr(smap, self.records).get(self.record_id)
        if record is None:
            return
        try:
            value = field.parse(text, smap)
        except ValidationError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return
        if value == field.get(record):
            return
        self.message.hide()
        update = UpdateStakeholder if self.records == "stakeholders" else UpdateRelationship
        record_id = self.record_id
        if not self.document.try_edit(
            lambda: update(smap, record_id, **changes_for(record, field, value))
        ):
            self._load()


def _as_text(field: Field, value: Any, smap: Any) -> str:
    if field.kind in ("category", "kind"):
        return value
    if field.kind == "bool":
        return "" if value is None else ("yes" if value else "no")
    if field.kind == "choice":
        return "" if value is None else value
    if value is None:
        return ""
    return field.display(value, smap)


def _choices(field: Field, smap: Any) -> list[tuple[str, str]]:
    if field.kind == "category":
        return [(c.id, c.name) for c in smap.categories.values()]
    if field.kind == "kind":
        return [(k.id, k.name) for k in smap.kinds.values()]
    values: tuple[str, ...] = ()
    if field.kind == "bool":
        values = ("yes", "no")
    elif field.kind == "choice":
        values = field.choices
    else:
        return []
    return [(v, shown_value(v)) for v in (("", *values) if field.optional else values)]
