"""The most trusted route between two stakeholders, listed and highlighted on the canvas.

Routes follow positive ties only, in their direction, and are ranked by cost: the total
distance (60 / strength per tie) plus what each go-between's standing with us and with
the next stakeholder takes away (see :mod:`stakeholder_mapper.analysis.routes`). Each
route shows its confidence; the chosen route's reasons are written under the list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...analysis.routes import (
    Confidence,
    Route,
    confidence,
    confidence_level,
    our_branch,
    trusted_routes,
)
from ...core.i18n import N_, _
from ...core.model import ChangeKind, ModelChange
from ..document import MapDocument

__all__ = ["ROUTE_ITEM", "ROUTE_NOTE", "RoutePanel"]

#: One listed route: the chain of names, its cost and its confidence (high, medium, low).
ROUTE_ITEM = N_("{names}  (cost {cost}, confidence {level})")
#: Under the list, for the chosen route: its confidence, why, and how routes are ranked.
ROUTE_NOTE = N_(
    "Confidence {level}: {reasons}. Routes are ranked by cost: 60 / strength per tie "
    "(12 for the strongest, 60 for the weakest), plus the go-betweens' standing with us "
    "and whether each tie is confirmed."
)


#: Changes that can alter a route; the others (layout, map details, plan choices,
#: snapshots, categories) leave the routes listed valid.
_ROUTE_CHANGES = (
    ChangeKind.STAKEHOLDER_ADDED,
    ChangeKind.STAKEHOLDER_REMOVED,
    ChangeKind.STAKEHOLDER_CHANGED,
    ChangeKind.RELATIONSHIP_ADDED,
    ChangeKind.RELATIONSHIP_REMOVED,
    ChangeKind.RELATIONSHIP_CHANGED,
    ChangeKind.KIND_ADDED,
    ChangeKind.KIND_REMOVED,
    ChangeKind.KIND_CHANGED,
    ChangeKind.RESET,
)


class RoutePanel(QWidget):
    """Pick two stakeholders; see up to three most trusted routes; the chosen one is drawn."""

    #: Emitted with the stakeholder ids of the route to highlight ([] to clear).
    highlight = Signal(list)

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.routes: list[Route] = []
        #: The confidence of each listed route, in the order of :attr:`routes`.
        self.confidences: list[Confidence] = []
        self.source = QComboBox()
        self.target = QComboBox()
        for box in (self.source, self.target):
            box.setEditable(True)
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            # As wide as the dock gives, not as the longest name: the dock never scrolls sideways.
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(12)
        find = QPushButton(_("Find routes"))
        self.find_button = find
        find.clicked.connect(self.find)
        # Enter in either box finds the routes, as the button does.
        for box in (self.source, self.target):
            box.lineEdit().returnPressed.connect(self.find)
        clear = QPushButton(_("Clear"))
        clear.clicked.connect(self.clear)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Routes found"))
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(40)
        self.list.currentRowChanged.connect(self._on_route_chosen)
        self.note = QLabel()
        self.note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("From"), self.source)
        form.addRow(_("To"), self.target)
        buttons = QHBoxLayout()
        buttons.addWidget(find)
        buttons.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        document.changed.connect(self._on_model_change)
        self._fill()

    def _fill(self) -> None:
        smap = self.document.smap
        for box in (self.source, self.target):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for s in sorted(smap.stakeholders.values(), key=lambda s: s.label.casefold()):
                box.addItem(s.label, s.id)
            index = box.findData(current)
            box.setCurrentIndex(index)
            box.blockSignals(False)
        if self.source.currentIndex() < 0:
            self.source.setCurrentIndex(self.source.findData(our_branch(smap)))

    def _on_model_change(self, change: ModelChange) -> None:
        if change.kind in (
            ChangeKind.STAKEHOLDER_ADDED,
            ChangeKind.STAKEHOLDER_REMOVED,
            ChangeKind.STAKEHOLDER_CHANGED,
            ChangeKind.RESET,
        ):
            self._fill()
        if change.kind is ChangeKind.INFO_CHANGED and "branch" in change.fields:
            # Our branch named (or changed) in Map details: routes start there.
            self.source.setCurrentIndex(self.source.findData(our_branch(self.document.smap)))
        if self.routes and change.kind in _ROUTE_CHANGES:
            self.note.setText(_("The map changed: find the routes again to update them."))

    def set_ends(self, source: str | None = None, target: str | None = None) -> None:
        """Choose the start and/or end stakeholder (by id)."""
        if source is not None:
            self.source.setCurrentIndex(self.source.findData(source))
        if target is not None:
            self.target.setCurrentIndex(self.target.findData(target))

    def take_focus(self) -> None:
        """Put the keyboard focus where the next keystroke belongs: the first end still to
        choose, else Find routes (Enter or Space runs it)."""
        for box in (self.source, self.target):
            if box.currentIndex() < 0 or not box.currentText().strip():
                box.setFocus(Qt.FocusReason.ShortcutFocusReason)
                box.lineEdit().selectAll()
                return
        self.find_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def find(self) -> list[Route]:
        """Compute and list the most trusted routes; highlight the best one."""
        smap = self.document.smap
        self.list.clear()
        self.routes = []
        self.confidences = []
        try:
            source, target = (
                self._chosen(self.source, _("From")),
                self._chosen(self.target, _("To")),
            )
        except LookupError as exc:
            self.note.setText(str(exc))
            self.highlight.emit([])
            return []
        if source == target:
            self.note.setText(_("Choose two different stakeholders."))
            self.highlight.emit([])
            return []
        self.routes = trusted_routes(smap, source, target, k=3)
        self.confidences = [confidence(smap, route) for route in self.routes]
        if not self.routes:
            self.note.setText(
                _("No route of positive ties leads from {source} to {target}.").format(
                    source=smap.stakeholders[source].label, target=smap.stakeholders[target].label
                )
            )
            self.highlight.emit([])
            return []
        for route, judged in zip(self.routes, self.confidences, strict=True):
            names = " → ".join(smap.stakeholders[i].label for i in route.stakeholders)
            self.list.addItem(
                _(ROUTE_ITEM).format(
                    names=names, cost=route.cost, level=confidence_level(judged.level)
                )
            )
            item = self.list.item(self.list.count() - 1)
            item.setToolTip(names)
            item.setData(Qt.ItemDataRole.UserRole, list(route.stakeholders))
        self.list.setCurrentRow(0)
        return self.routes

    def _chosen(self, box: QComboBox, end: str) -> str:
        """The stakeholder named by the text in ``box`` (typed, with or without Enter): the
        name in any case, or the start of exactly one name; the box then shows it in full."""
        text = box.currentText().strip()
        if not text:
            raise LookupError(_("Type or choose a stakeholder in {end}.").format(end=end))
        wanted = text.casefold()
        labels = [(box.itemText(i), i) for i in range(box.count())]
        matches = [i for label, i in labels if label.casefold() == wanted]
        if not matches:
            matches = [i for label, i in labels if label.casefold().startswith(wanted)]
        if not matches:
            raise LookupError(
                _("{end}: no stakeholder is called {found}.").format(end=end, found=repr(text))
            )
        if len(matches) > 1:
            names = ", ".join(box.itemText(i) for i in matches[:3])
            more = ", …" if len(matches) > 3 else ""
            raise LookupError(
                _("{end}: {found} could be {names}; type more of the name.").format(
                    end=end, found=repr(text), names=names + more
                )
            )
        box.setCurrentIndex(matches[0])
        return str(box.itemData(matches[0]))

    def clear(self) -> None:
        """Forget the routes and remove the highlight."""
        self.list.clear()
        self.routes = []
        self.confidences = []
        self.note.setText("")
        self.highlight.emit([])

    def _on_route_chosen(self, row: int) -> None:
        if 0 <= row < len(self.routes):
            judged = self.confidences[row]
            self.note.setText(
                _(ROUTE_NOTE).format(
                    level=confidence_level(judged.level), reasons="; ".join(judged.reasons)
                )
            )
            self.highlight.emit(list(self.routes[row].stakeholders))
