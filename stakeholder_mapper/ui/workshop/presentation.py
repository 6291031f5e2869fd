"""Presentation mode (F5) for workshops: the canvas alone, full screen, readable from the back.

Entering remembers the window exactly (geometry, window state, docks, toolbars, menu
and status bar, and the canvas's zoom and scroll position), hides everything but the
central widget, goes full screen and shows a slim bar along the top edge; the views
keep the map below it. Esc (or the bar's Leave) puts the window back as it was.
Esc leaves only when no panel has the keyboard: the quick-entry bar keeps Esc for itself.

Names and scores can be hidden until the facilitator reveals them: they start hidden
when the map holds confidential stakeholders, and the bar then says so in large type
with the keys that reveal them (N for names, S for scores). Leaving shows the names
again on the facilitator's screen, so while names are hidden leaving takes a second
Esc (or a second click on Leave): the first one only asks on the bar.

The views react to :attr:`PresentationMode.style_changed`: a canvas switches to large
labels and high contrast, hides names or scores as told.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QTransform
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStatusBar,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import N_, _
from ...core.model import StakeholderMap

__all__ = ["PresentationMode", "PresentationStyle"]

#: Label size on the canvas in presentation mode, in points (about 27 px at 96 dpi).
PRESENTATION_LABEL_PT = 20
#: Size of the bar's buttons and of its hint, in points.
BAR_BUTTON_PT = 16
HINT_PT = 20
#: How long a first Esc waits for the second one while names are hidden, in ms.
CONFIRM_LEAVE_MS = 4000
CONFIRM_LEAVE_HINT = N_("Names will show when you leave — press Esc again to leave")


@dataclass(frozen=True)
class PresentationStyle:
    """How views should draw: ``active`` means large labels and high contrast.

    ``top_margin`` is the height of the bar along the top edge, in pixels: views keep
    their content below it.
    """

    active: bool = False
    show_names: bool = True
    show_scores: bool = True
    label_pt: int = PRESENTATION_LABEL_PT
    top_margin: int = 0


@dataclass
class _SavedView:
    """Zoom and scroll position of a graphics view, and the viewport size they belong to."""

    transform: QTransform
    scroll: tuple[int, int]
    viewport: QSize


@dataclass
class _SavedLayout:
    geometry: QByteArray
    state: QByteArray
    window_state: Qt.WindowState
    menu_visible: bool
    status_visible: bool
    docks: dict[str, bool]
    toolbars: dict[str, bool]
    view: _SavedView | None


class _TopBar(QFrame):
    """A slim dark bar along the top edge: a large hint on the left, the buttons on the right."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presentationBar")
        self.setStyleSheet(
            "#presentationBar { background: rgb(25, 25, 25); }"
            f" QToolButton {{ color: white; background: transparent; padding: 4px 12px;"
            f" font-size: {BAR_BUTTON_PT}pt;"
            " border: 1px solid #888; border-radius: 5px; }"
            " QToolButton:checked { background: #0072B2; border-color: #0072B2; }"
            " QToolButton:disabled { color: #777; border-color: #555; }"
            f" #presentationHint {{ color: #FFD54F; font-weight: bold; font-size: {HINT_PT}pt; }}"
        )
        self.hint = QLabel(self)
        self.hint.setObjectName("presentationHint")
        hint_font = QFont(self.font())
        hint_font.setPointSize(HINT_PT)
        hint_font.setBold(True)
        self.hint.setFont(hint_font)
        self.buttons: list[QToolButton] = []
        self.row = QHBoxLayout()
        self.row.setSpacing(8)
        self.row.addStretch(1)
        self.below = QHBoxLayout()
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 4, 12, 4)
        column.setSpacing(2)
        column.addLayout(self.row)
        column.addLayout(self.below)

    def add(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.row.addWidget(button)
        self.buttons.append(button)
        return button

    def place(self) -> None:
        """Span the top edge; the hint shares the buttons' line when it fits, else goes below."""
        parent = self.parentWidget()
        if parent is None:
            return
        width = parent.width()
        margins = self.layout().contentsMargins()
        buttons = sum(b.sizeHint().width() + self.row.spacing() for b in self.buttons)
        room = width - margins.left() - margins.right() - buttons - 24
        fits = QFontMetrics(self.hint.font()).horizontalAdvance(self.hint.text()) <= room
        self.hint.setWordWrap(False)
        for layout in (self.row, self.below):
            layout.removeWidget(self.hint)
        if fits:
            self.row.insertWidget(0, self.hint)
        else:
            self.hint.setWordWrap(True)
            self.below.addWidget(self.hint)
        self.hint.setVisible(bool(self.hint.text()))
        layout = self.layout()
        layout.activate()
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        self.setGeometry(0, 0, width, max(height, layout.totalSizeHint().height()))
        self.raise_()


class PresentationMode(QObject):
    """Enters and leaves presentation mode for a main window (F5 and Esc)."""

    #: Emitted with a :class:`PresentationStyle` when entering, leaving, revealing or hiding.
    style_changed = Signal(object)

    def __init__(self, window: QMainWindow, smap: StakeholderMap | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.smap = smap
        self.style = PresentationStyle()
        self._saved: _SavedLayout | None = None
        self._view_to_restore: _SavedView | None = None

        self.toggle_action = QAction(_("Presentation mode"), window)
        self.toggle_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.toggle_action.setCheckable(True)
        self.toggle_action.setToolTip(
            _("Full-screen canvas with large labels for a projector (F5)")
        )
        self.toggle_action.triggered.connect(self._on_toggle_triggered)
        self.leave_action = QAction(_("Leave (Esc)"), window)
        self.leave_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.leave_action.setEnabled(False)
        self.leave_action.triggered.connect(self.request_leave)
        self._confirm_leave = QTimer(self)
        self._confirm_leave.setSingleShot(True)
        self._confirm_leave.setInterval(CONFIRM_LEAVE_MS)
        self._confirm_leave.timeout.connect(self._update_bar_texts)
        self.names_action = QAction(_("Show names (N)"), window)
        self.names_action.setShortcut(QKeySequence(Qt.Key.Key_N))
        self.names_action.setCheckable(True)
        self.names_action.setEnabled(False)
        self.names_action.setToolTip(_("Reveal or hide the stakeholders' names (N)"))
        self.names_action.toggled.connect(self._on_reveal_toggled)
        self.scores_action = QAction(_("Show scores (S)"), window)
        self.scores_action.setShortcut(QKeySequence(Qt.Key.Key_S))
        self.scores_action.setCheckable(True)
        self.scores_action.setEnabled(False)
        self.scores_action.setToolTip(_("Reveal or hide scores, towers' heights and votes (S)"))
        self.scores_action.toggled.connect(self._on_reveal_toggled)
        for action in (
            self.toggle_action,
            self.leave_action,
            self.names_action,
            self.scores_action,
        ):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)

        self.bar = _TopBar(window)
        self.bar.add(self.names_action)
        self.bar.add(self.scores_action)
        self._leave_button = self.bar.add(self.leave_action)
        self.bar.hide()
        self.bar.installEventFilter(self)
        window.installEventFilter(self)

    @property
    def active(self) -> bool:
        """Whether the window is in presentation mode."""
        return self._saved is not None

    @property
    def hint(self) -> str:
        """What the bar tells the room about hidden names or scores (empty when nothing is)."""
        return self.bar.hint.text()

    def add_tool(self, action: QAction) -> None:
        """Offer ``action`` on the bar (e.g. quick entry, towers), before Leave."""
        button = self.bar.add(action)
        self.bar.row.removeWidget(button)
        self.bar.row.insertWidget(self.bar.row.indexOf(self._leave_button), button)

    @property
    def leave_pending(self) -> bool:
        """Whether a first Esc asked to leave while names are hidden and waits for a second."""
        return self._confirm_leave.isActive()

    # -- entering and leaving -----------------------------------------------------------
    def request_leave(self) -> None:
        """Leave (Esc, Leave, F5), asking once more first while names are hidden:
        leaving shows them again on this screen."""
        if not self.active:
            return
        if self.names_action.isChecked() or self.leave_pending:
            self.leave()
            return
        self._confirm_leave.start()
        self._update_bar_texts()

    def enter(self) -> None:
        """Hide everything but the canvas and go full screen, remembering the layout."""
        if self.active:
            return
        window = self.window
        docks = {d.objectName(): d.isVisible() for d in window.findChildren(QDockWidget)}
        toolbars = {t.objectName(): t.isVisible() for t in window.findChildren(QToolBar)}
        self._view_to_restore = None
        self._saved = _SavedLayout(
            geometry=window.saveGeometry(),
            state=window.saveState(),
            window_state=window.windowState(),
            menu_visible=window.menuBar().isVisible() if window.menuWidget() else False,
            status_visible=window.statusBar().isVisible() if self._has_status() else False,
            docks=docks,
            toolbars=toolbars,
            view=self._save_view(),
        )
        for dock in window.findChildren(QDockWidget):
            dock.hide()
        for toolbar in window.findChildren(QToolBar):
            toolbar.hide()
        if window.menuWidget():
            window.menuBar().hide()
        if self._has_status():
            window.statusBar().hide()
        reveal = not self._is_sensitive()
        for action in (self.names_action, self.scores_action):
            action.blockSignals(True)
            action.setChecked(reveal)
            action.blockSignals(False)
            action.setEnabled(True)
        self._update_bar_texts()
        self.leave_action.setEnabled(True)
        self.toggle_action.setChecked(True)
        window.showFullScreen()
        self.bar.show()
        self.bar.place()
        self._emit_style()

    def leave(self) -> None:
        """Put the window back exactly as it was before :meth:`enter`, zoom and scroll too."""
        saved, self._saved = self._saved, None
        if saved is None:
            return
        self._confirm_leave.stop()
        window = self.window
        self.bar.hide()
        for action in (self.leave_action, self.names_action, self.scores_action):
            action.setEnabled(False)
        self.toggle_action.setChecked(False)
        if not saved.window_state & Qt.WindowState.WindowFullScreen:
            window.showNormal()
        window.restoreGeometry(saved.geometry)
        window.restoreState(saved.state)
        for dock in window.findChildren(QDockWidget):
            if dock.objectName() in saved.docks:
                dock.setVisible(saved.docks[dock.objectName()])
        for toolbar in window.findChildren(QToolBar):
            if toolbar.objectName() in saved.toolbars:
                toolbar.setVisible(saved.toolbars[toolbar.objectName()])
        if window.menuWidget():
            window.menuBar().setVisible(saved.menu_visible)
        if self._has_status():
            window.statusBar().setVisible(saved.status_visible)
        self._emit_style()
        window.layout().activate()
        self._view_to_restore = saved.view
        self._restore_view()

    # -- the canvas's zoom and scroll ------------------------------------------------------
    def _view(self) -> QGraphicsView | None:
        central = self.window.centralWidget()
        if isinstance(central, QGraphicsView) or central is None:
            return central
        return central.findChild(QGraphicsView)

    def _save_view(self) -> _SavedView | None:
        view = self._view()
        if view is None:
            return None
        return _SavedView(
            transform=view.transform(),
            scroll=(view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
            viewport=view.viewport().size(),
        )

    def _restore_view(self) -> None:
        """Zoom and scroll back once the viewport has its old size again.

        A window manager may resize the window a little later than asked: until the
        viewport is back to its old size the view is restored again on each resize.
        """
        view, saved = self._view(), self._view_to_restore
        if view is None or saved is None:
            return
        view.setTransform(saved.transform)
        view.horizontalScrollBar().setValue(saved.scroll[0])
        view.verticalScrollBar().setValue(saved.scroll[1])
        if view.viewport().size() == saved.viewport:
            self._view_to_restore = None
        else:
            view.viewport().installEventFilter(self)

    # -- helpers ----------------------------------------------------------------------
    def _has_status(self) -> bool:
        status = self.window.findChild(
            QStatusBar, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        return status is not None

    def _is_sensitive(self) -> bool:
        return self.smap is not None and any(
            s.sensitivity == "confidential" for s in self.smap.stakeholders.values()
        )

    def _update_bar_texts(self) -> None:
        names, scores = self.names_action.isChecked(), self.scores_action.isChecked()
        self.names_action.setText(_("Hide names (N)") if names else _("Show names (N)"))
        self.scores_action.setText(_("Hide scores (S)") if scores else _("Show scores (S)"))
        if not names and not scores:
            hint = _("Names and scores hidden — N shows names, S shows scores")
        elif not names:
            hint = _("Names hidden — press N to show them")
        elif not scores:
            hint = _("Scores hidden — press S to show them")
        else:
            hint = ""
        if self.leave_pending:
            hint = _(CONFIRM_LEAVE_HINT)
        sensitive = self._is_sensitive()
        self.bar.hint.setToolTip(
            _("Hidden because the map has confidential stakeholders") if sensitive else ""
        )
        self.bar.hint.setText(hint)
        if self.active:
            self.bar.place()

    def _emit_style(self) -> None:
        active = self.active
        self.style = PresentationStyle(
            active=active,
            show_names=not active or self.names_action.isChecked(),
            show_scores=not active or self.scores_action.isChecked(),
            top_margin=self.bar.height() if active else 0,
        )
        self.style_changed.emit(self.style)

    def _on_toggle_triggered(self) -> None:
        if self.active:
            self.toggle_action.setChecked(True)
            self.request_leave()
        else:
            self.enter()

    def _on_reveal_toggled(self, _checked: bool) -> None:
        self._confirm_leave.stop()
        self._update_bar_texts()
        if self.active:
            self._emit_style()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.window and self.active:
                self.bar.place()
            if watched is self.bar and self.active and self.style.top_margin != self.bar.height():
                self._emit_style()
            view = self._view()
            if view is not None and watched is view.viewport():
                if self._view_to_restore is None:
                    view.viewport().removeEventFilter(self)
                else:
                    self._restore_view()
        return False
