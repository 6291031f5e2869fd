"""The main window's size, place and dock arrangement, fitted to the screen it opens on.

The first time the app opens on a screen, the window fits the screen's *available* area
(the desktop minus task bars and panels, in logical pixels, so HiDPI scaling counts):
on a screen with room to spare it opens at a comfortable size, centred; on a smaller
one (a laptop, a projector, a 4K screen at 200 %) it opens maximised, which lets the
window manager fit the title bar and frame exactly, while the size it returns to when
un-maximised still fits the screen. Side docks share one tabbed column on narrow
screens, so the map keeps most of the width; panels larger than their dock scroll.

Size, place and docks are remembered per screen (its name and logical size): moving
from the projector back to the laptop brings back the laptop's layout. A remembered
size never puts the window beyond the screen, and a window moved to a screen it does
not fit (or whose resolution drops) is brought inside.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

from PySide6.QtCore import QMargins, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QWidget

from ..setup.settings import DOCK_STATE, WINDOW_GEOMETRY, Settings

__all__ = [
    "COMFORTABLE",
    "WIDE_MIN_WIDTH",
    "DockSizes",
    "PanelScroll",
    "WindowLayout",
    "dock_sizes",
    "first_placement",
    "fit_inside",
    "screen_key",
    "scrolling",
]

#: The window's size on a screen with room to spare, in logical pixels.
COMFORTABLE = QSize(1600, 1000)
#: A screen's available area at least this large has room to spare around a comfortable
#: window; on smaller ones (full HD included) the window opens maximised.
ROOMY = QSize(1920, 1200)
#: Room kept in an un-maximised window's size for the frame (each side) and the title bar.
FRAME, TITLE_BAR = 8, 32
#: Windows at least this wide keep docks on both sides; narrower ones tab them on the left.
WIDE_MIN_WIDTH = 1500
#: Share of the window's width the side column may take at most on a narrow screen.
NARROW_SIDE_SHARE = 0.35
#: Share of the window's height the tables below the map take at most.
TABLES_MAX_SHARE = 0.3
#: Table rows the tables dock shows when the height allows it.
TABLE_ROWS = 5
#: A panel whose minimum size is larger than this is put in a scroll area of its dock.
SCROLL_ABOVE = QSize(240, 200)
#: A panel in a scroll area keeps its whole minimum size up to this share of the screen's
#: width and height; beyond it, its dock may be smaller and scrolls.
PANEL_MAX_SHARE = 0.35


@dataclass(frozen=True)
class DockSizes:
    """How the docks are laid out for one window size."""

    #: Right-hand docks share the left column as tabs (narrow windows).
    tabbed: bool
    #: Width of the left column (inspector, legend, and on narrow windows the grids).
    left: int
    #: Width of the right column (0 when tabbed).
    right: int
    #: Height of the tables below the map.
    tables: int


def first_placement(available: QRect) -> tuple[QRect, bool]:
    """The window's geometry (without frame) the first time it opens on a screen whose
    available area is ``available``, and whether it opens maximised.

    A screen with room around the comfortable size gets that size, centred; a smaller
    one gets a maximised window whose normal size still fits inside the screen.
    """
    if available.width() >= ROOMY.width() and available.height() >= ROOMY.height():
        rect = QRect(0, 0, COMFORTABLE.width(), COMFORTABLE.height())
        rect.moveCenter(available.center())
        return rect, False
    inside = available.marginsRemoved(QMargins(FRAME, TITLE_BAR, FRAME, FRAME))
    return inside, True


def fit_inside(frame: QRect, available: QRect, margins: QMargins) -> QRect:
    """The geometry (without frame) that keeps a window whose frame is ``frame`` and whose
    frame margins are ``margins`` inside ``available``: shrunk if larger, moved if out."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    left = min(max(frame.left(), available.left()), available.right() + 1 - width)
    top = min(max(frame.top(), available.top()), available.bottom() + 1 - height)
    return QRect(left, top, width, height).marginsRemoved(margins)


def dock_sizes(window: QSize, legend: QSize, tables_rows: int) -> DockSizes:
    """Dock sizes for a window of size ``window`` showing a legend of size ``legend``,
    where ``tables_rows`` is the tables dock's height for :data:`TABLE_ROWS` rows.

    Wide windows keep the inspector and legend on the left, the grids on the right;
    narrow ones put every side dock in one left column so the map keeps the width.
    The tables get a quarter of the height, five rows where that leaves the map room.
    """
    width, height = window.width(), window.height()
    left = max(width // 5, legend.width() + 24)
    tables = min(max(height // 4, tables_rows), int(height * TABLES_MAX_SHARE))
    if width >= WIDE_MIN_WIDTH:
        return DockSizes(tabbed=False, left=left, right=width // 5, tables=tables)
    left = min(max(width // 4, legend.width() + 24), int(width * NARROW_SIDE_SHARE))
    return DockSizes(tabbed=True, left=left, right=0, tables=tables)


def screen_key(screen: QScreen) -> str:
    """The part of a settings key that names ``screen``: its name and logical size,
    with characters the settings file treats specially replaced (``HDMI-1_1920x1080``)."""
    size = screen.geometry().size()
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", screen.name()) or "screen"
    return f"{name}_{size.width()}x{size.height()}"


class PanelScroll(QScrollArea):
    """A dock panel's scroll area: on a screen with room it asks for the panel's whole
    minimum size, so nothing scrolls; where that would take more than
    :data:`PANEL_MAX_SHARE` of the screen, it lets the dock be smaller and scrolls."""

    def minimumSizeHint(self) -> QSize:
        panel = self.widget()
        wanted = panel.minimumSizeHint().expandedTo(panel.minimumSize())
        screen = self.screen().availableGeometry().size()
        most = QSize(int(screen.width() * PANEL_MAX_SHARE), int(screen.height() * PANEL_MAX_SHARE))
        return wanted.boundedTo(most).expandedTo(super().minimumSizeHint())


def scrolling(panel: QWidget) -> PanelScroll:
    """``panel`` in a frameless :class:`PanelScroll`."""
    scroll = PanelScroll()
    scroll.setWidget(panel)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    return scroll


class WindowLayout(QObject):
    """Fits ``window`` to its screen, arranges its docks for the width and remembers both
    per screen in ``settings``.

    ``anchor`` is the dock the side docks are tabbed with on narrow windows, ``legend``
    the legend's dock, ``tables`` the first dock of the tables under the map; ``order``
    lists docks in the order their tabs take (docks not in it follow).
    """

    def __init__(
        self,
        window: QMainWindow,
        settings: Settings,
        anchor: QDockWidget,
        legend: QDockWidget,
        tables: QDockWidget,
        order: list[QDockWidget] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.anchor, self.legend, self.tables = anchor, legend, tables
        self.order = order or []
        #: Whether the first show maximises the window (no saved layout, small screen).
        self.maximise = False
        self._arranged = False
        self._restored = False
        self._watched: QScreen | None = None

    # -- start-up ---------------------------------------------------------------------------
    def restore(self, screen: QScreen | None = None) -> None:
        """Put the window on ``screen`` (default: the one under the mouse) with the size,
        place and docks remembered for it, or fitted to it the first time."""
        screen = screen or QGuiApplication.screenAt(QCursor.pos())
        screen = screen or QGuiApplication.primaryScreen()
        window = self.window
        self.make_docks_scroll()
        window.setScreen(screen)
        key = screen_key(screen)
        # Docks first: the docks shown decide the smallest size the window can take.
        state = self.settings.get(DOCK_STATE.for_screen(key))
        self._arranged = not state.isEmpty() and window.restoreState(state)
        window.layout().activate()
        geometry = self.settings.get(WINDOW_GEOMETRY.for_screen(key))
        self._restored = not geometry.isEmpty() and window.restoreGeometry(geometry)
        if not self._restored:
            rect, self.maximise = first_placement(screen.availableGeometry())
            window.setGeometry(rect)

    def show(self) -> None:
        """Show the window, maximised when :meth:`restore` chose so."""
        if self.maximise:
            self.window.showMaximized()
        else:
            self.window.show()

    def make_docks_scroll(self) -> None:
        """Put each dock panel larger than :data:`SCROLL_ABOVE` in a scroll area, so a
        small screen scrolls the panel instead of being pushed off the screen."""
        for dock in self.window.findChildren(QDockWidget):
            panel = dock.widget()
            if panel is None or isinstance(panel, QScrollArea):
                continue
            wanted = panel.minimumSizeHint().expandedTo(panel.minimumSize())
            if wanted.width() > SCROLL_ABOVE.width() or wanted.height() > SCROLL_ABOVE.height():
                dock.setWidget(scrolling(panel))

    def first_show(self) -> None:
        """Arrange and size the docks for the window's width (unless a saved layout was
        restored) and start following the screen. Call from the first ``showEvent``."""
        handle = self.window.windowHandle()
        if handle is not None:
            handle.screenChanged.connect(self._on_screen_changed)
        self._watch(self.window.screen())
        if self._restored:
            self._keep_inside()
        if self._arranged:
            return
        self._arranged = True
        legend = self.legend.widget().widget().sizeHint()
        sizes = dock_sizes(self.window.size(), legend, self._tables_rows())
        if sizes.tabbed:
            self._tab_side_docks()
        self._size_docks(sizes)
        QTimer.singleShot(0, self._fit_legend)

    def save(self) -> None:
        """Remember the window's size, place and docks for the screen it is on."""
        key = screen_key(self.window.screen())
        self.settings.set(WINDOW_GEOMETRY.for_screen(key), self.window.saveGeometry())
        self.settings.set(DOCK_STATE.for_screen(key), self.window.saveState())

    # -- arranging ----------------------------------------------------------------------------
    def _tab_side_docks(self) -> None:
        """Every right-hand dock joins the anchor's tabs; the left column runs to the bottom."""
        window = self.window
        window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        docks = window.findChildren(QDockWidget)
        docks.sort(key=lambda d: self.order.index(d) if d in self.order else len(self.order))
        for dock in docks:
            if window.dockWidgetArea(dock) == right and not dock.isFloating():
                # Qt only tabs a dock that already sits in a tab group once it is taken out.
                hidden = dock.isHidden()
                window.removeDockWidget(dock)
                window.addDockWidget(left, dock)
                window.tabifyDockWidget(self.anchor, dock)
                dock.setHidden(hidden)
        self.anchor.raise_()

    def _size_docks(self, sizes: DockSizes) -> None:
        window = self.window
        horizontal = Qt.Orientation.Horizontal
        if sizes.tabbed:
            window.resizeDocks([self.anchor], [sizes.left], horizontal)
        else:
            right = next(
                (
                    d
                    for d in window.findChildren(QDockWidget)
                    if d.isVisible()
                    and window.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea
                ),
                None,
            )
            docks, widths = [self.anchor], [sizes.left]
            if right is not None:
                docks.append(right)
                widths.append(sizes.right)
            window.resizeDocks(docks, widths, horizontal)
        vertical = Qt.Orientation.Vertical
        window.resizeDocks([self.tables], [sizes.tables], vertical)
        # The size given includes the tabs under the tables: give their height on top.
        window.layout().activate()
        tabs = sizes.tables - self.tables.height()
        if tabs > 0:
            most = int(window.height() * TABLES_MAX_SHARE)
            window.resizeDocks([self.tables], [min(sizes.tables + tabs, most)], vertical)

    def _tables_rows(self) -> int:
        """The tables dock's height when its table shows :data:`TABLE_ROWS` rows."""
        window = self.window
        window.layout().activate()
        table = getattr(self.tables.widget(), "table", None)
        if table is None:
            return self.tables.height()
        row = table.verticalHeader().defaultSectionSize()
        # The horizontal scroll bar may appear once the dock is narrower.
        bar = table.horizontalScrollBar()
        bar = 0 if bar.isVisible() else bar.sizeHint().height()
        return self.tables.height() - table.viewport().height() + TABLE_ROWS * row + bar

    def _fit_legend(self) -> None:
        """Give the legend dock the legend's height (at most half its column)."""
        left = [self.anchor, self.legend]
        column = sum(dock.height() for dock in left)
        legend = self.legend.widget()
        wanted = legend.widget().sizeHint().height() + self.legend.height() - legend.height()
        wanted = min(wanted + 2, column // 2)
        self.window.resizeDocks(left, [column - wanted, wanted], Qt.Orientation.Vertical)

    # -- following the screen -------------------------------------------------------------------
    def _watch(self, screen: QScreen | None) -> None:
        if self._watched is not None:
            # An unplugged screen took its connections with it.
            with contextlib.suppress(RuntimeError):
                self._watched.availableGeometryChanged.disconnect(self._keep_inside)
        self._watched = screen
        if screen is not None:
            screen.availableGeometryChanged.connect(self._keep_inside)

    def _on_screen_changed(self, screen: QScreen | None) -> None:
        self._watch(screen)
        for scroll in self.window.findChildren(PanelScroll):
            scroll.updateGeometry()  # their minimum follows the screen's size
        self._keep_inside()

    def _keep_inside(self) -> None:
        """Bring a window that no longer fits its screen back inside it."""
        window = self.window
        screen = window.screen()
        if screen is None or window.isMaximized() or window.isFullScreen():
            return
        available = screen.availableGeometry()
        frame = window.frameGeometry()
        if available.contains(frame):
            return
        geometry = window.geometry()
        margins = QMargins(
            geometry.left() - frame.left(),
            geometry.top() - frame.top(),
            frame.right() - geometry.right(),
            frame.bottom() - geometry.bottom(),
        )
        window.setGeometry(fit_inside(frame, available, margins))
