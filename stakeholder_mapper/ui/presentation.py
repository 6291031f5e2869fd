"""Presentation mode (F5) for workshops: the canvas alone, full screen, readable from the back.

Entering remembers the window exactly (geometry, full-screen state, docks, toolbars,
menu and status bar), hides everything but the central widget, goes full screen and
shows a small floating toolbar. Esc (or the toolbar's Leave) puts the window back as it
was. Names and scores can be hidden until the facilitator reveals them: they start
hidden when the map holds confidential stakeholders.

The views react to :attr:`PresentationMode.style_changed`: a canvas switches to large
labels and high contrast, hides names or scores as told.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QStatusBar,
    QToolBar,
    QToolButton,
    QWidget,
)

from ..core.model import StakeholderMap

__all__ = ["PresentationMode", "PresentationStyle"]

#: Label size on the canvas in presentation mode, in points (about 24 px at 96 dpi).
PRESENTATION_LABEL_PT = 20


@dataclass(frozen=True)
class PresentationStyle:
    """How views should draw: ``active`` means large labels and high contrast."""

    active: bool = False
    show_names: bool = True
    show_scores: bool = True
    label_pt: int = PRESENTATION_LABEL_PT


@dataclass
class _SavedLayout:
    geometry: QByteArray
    state: QByteArray
    window_state: Qt.WindowState
    menu_visible: bool
    status_visible: bool
    docks: dict[str, bool]
    toolbars: dict[str, bool]


class _FloatingBar(QFrame):
    """A small dark toolbar floating over the top-right corner of the canvas."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presentationBar")
        self.setStyleSheet(
            "#presentationBar { background: rgba(20, 20, 20, 215); border-radius: 8px; }"
            " QToolButton { color: white; background: transparent; padding: 6px 12px;"
            " border: 1px solid #777; border-radius: 5px; }"
            " QToolButton:checked { background: #0072B2; border-color: #0072B2; }"
        )
        font = QFont(self.font())
        font.setPointSize(16)
        self.setFont(font)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(8, 6, 8, 6)
        self.row.setSpacing(8)

    def add(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.row.addWidget(button)
        return button

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.adjustSize()
        self.move(parent.width() - self.width() - 16, 16)
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

        self.toggle_action = QAction("Presentation mode", window)
        self.toggle_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.toggle_action.setCheckable(True)
        self.toggle_action.setToolTip("Full-screen canvas with large labels for a projector (F5)")
        self.toggle_action.triggered.connect(self._on_toggle_triggered)
        self.leave_action = QAction("Leave (Esc)", window)
        self.leave_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.leave_action.setEnabled(False)
        self.leave_action.triggered.connect(self.leave)
        self.names_action = QAction("Names", window)
        self.names_action.setCheckable(True)
        self.names_action.setToolTip("Reveal or hide the stakeholders' names")
        self.names_action.toggled.connect(self._on_reveal_toggled)
        self.scores_action = QAction("Scores", window)
        self.scores_action.setCheckable(True)
        self.scores_action.setToolTip("Reveal or hide scores, towers' heights and votes")
        self.scores_action.toggled.connect(self._on_reveal_toggled)
        for action in (self.toggle_action, self.leave_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)

        self.bar = _FloatingBar(window)
        self.bar.add(self.names_action)
        self.bar.add(self.scores_action)
        self._leave_button = self.bar.add(self.leave_action)
        self.bar.hide()
        window.installEventFilter(self)

    @property
    def active(self) -> bool:
        """Whether the window is in presentation mode."""
        return self._saved is not None

    def add_tool(self, action: QAction) -> None:
        """Offer ``action`` on the floating toolbar (e.g. quick entry, towers), before Leave."""
        button = self.bar.add(action)
        self.bar.row.removeWidget(button)
        self.bar.row.insertWidget(self.bar.row.indexOf(self._leave_button), button)

    # -- entering and leaving -----------------------------------------------------------
    def enter(self) -> None:
        """Hide everything but the canvas and go full screen, remembering the layout."""
        if self.active:
            return
        window = self.window
        docks = {d.objectName(): d.isVisible() for d in window.findChildren(QDockWidget)}
        toolbars = {t.objectName(): t.isVisible() for t in window.findChildren(QToolBar)}
        self._saved = _SavedLayout(
            geometry=window.saveGeometry(),
            state=window.saveState(),
            window_state=window.windowState(),
            menu_visible=window.menuBar().isVisible() if window.menuWidget() else False,
            status_visible=window.statusBar().isVisible() if self._has_status() else False,
            docks=docks,
            toolbars=toolbars,
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
        self.leave_action.setEnabled(True)
        self.toggle_action.setChecked(True)
        window.showFullScreen()
        self.bar.show()
        self.bar.place()
        self._emit_style()

    def leave(self) -> None:
        """Put the window back exactly as it was before :meth:`enter`."""
        saved, self._saved = self._saved, None
        if saved is None:
            return
        window = self.window
        self.bar.hide()
        self.leave_action.setEnabled(False)
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

    def _emit_style(self) -> None:
        self.style = PresentationStyle(
            active=self.active,
            show_names=not self.active or self.names_action.isChecked(),
            show_scores=not self.active or self.scores_action.isChecked(),
        )
        self.style_changed.emit(self.style)

    def _on_toggle_triggered(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    def _on_reveal_toggled(self, _checked: bool) -> None:
        if self.active:
            self._emit_style()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize and self.active:
            self.bar.place()
        return False
