"""Text size and high contrast for the whole app: View → Text size and View → High contrast.

The app starts from the system's font size (the platform's font, drawn with the bundled
family), and a larger text size scales it for docks, tables, dialogs and the map's labels.
High contrast is for projectors and low vision: black text on white, a dark selection,
borders drawn black, and on the map black outlines, opaque label backs and thicker ties.
Both choices are remembered in the settings and applied at start, before the first window
(Qt keeps a dock's title font from when the dock was made, so after a change of text size
during a session the dock titles follow at the next start).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QActionGroup, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from ...core.i18n import N_, _
from ..canvas.items import CanvasTheme, NodeItem
from ..setup.settings import HIGH_CONTRAST, TEXT_SIZE, Settings

__all__ = ["TEXT_SIZES", "Appearance", "high_contrast_palette"]

#: The offered text sizes: name, menu entry and factor of the system's size.
TEXT_SIZES: dict[str, tuple[str, float]] = {
    "normal": (N_("&Normal"), 1.0),
    "large": (N_("&Large"), 1.25),
    "larger": (N_("L&arger"), 1.5),
}


def high_contrast_palette() -> QPalette:
    """Black on white with a dark-blue selection; disabled text stays readable (7:1)."""
    palette = QPalette()
    black, white = QColor("#000000"), QColor("#ffffff")
    roles = {
        QPalette.ColorRole.Window: white,
        QPalette.ColorRole.WindowText: black,
        QPalette.ColorRole.Base: white,
        QPalette.ColorRole.AlternateBase: QColor("#ececec"),
        QPalette.ColorRole.Text: black,
        QPalette.ColorRole.Button: white,
        QPalette.ColorRole.ButtonText: black,
        QPalette.ColorRole.BrightText: white,
        QPalette.ColorRole.Highlight: QColor("#00007a"),
        QPalette.ColorRole.HighlightedText: white,
        QPalette.ColorRole.ToolTipBase: white,
        QPalette.ColorRole.ToolTipText: black,
        QPalette.ColorRole.PlaceholderText: QColor("#4d4d4d"),
        QPalette.ColorRole.Link: QColor("#0000cc"),
        QPalette.ColorRole.LinkVisited: QColor("#551a8b"),
        # Frames, separators and bevels: Fusion draws borders from these.
        QPalette.ColorRole.Light: white,
        QPalette.ColorRole.Midlight: QColor("#d9d9d9"),
        QPalette.ColorRole.Mid: black,
        QPalette.ColorRole.Dark: black,
        QPalette.ColorRole.Shadow: black,
    }
    for role, colour in roles.items():
        palette.setColor(role, colour)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#595959"))
    return palette


class Appearance:
    """Applies and remembers the text size and the high-contrast theme.

    Created once per app (``for_app``) before the first window, which then adds the two
    View menu entries with :meth:`add_to_menu`.
    """

    def __init__(self, app: QApplication, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        #: The system's font and palette, before any change of ours.
        self.system_font = QFont(app.font())
        self.system_palette = QPalette(app.palette())
        self.text_size = "normal"
        self.high_contrast = False
        #: The menu entries of every window, kept checked alike.
        self._size_actions: list[QAction] = []
        self._contrast_actions: list[QAction] = []

    @classmethod
    def for_app(cls, settings: Settings) -> Appearance:
        """The app's one Appearance, made and applied from the settings on first use."""
        global _current
        app = QApplication.instance()
        appearance = _current
        if appearance is None or appearance.app is not app:
            appearance = _current = cls(app, settings)
            size = settings.get(TEXT_SIZE)
            appearance.set_text_size(size if size in TEXT_SIZES else "normal", remember=False)
            appearance.set_high_contrast(settings.get(HIGH_CONTRAST), remember=False)
        appearance.settings = settings
        return appearance

    def set_text_size(self, name: str, remember: bool = True) -> None:
        """Scale the app's text by the factor of ``name`` (normal, large or larger)."""
        factor = TEXT_SIZES[name][1]
        self.text_size = name
        font = QFont(self.system_font)
        if font.pointSizeF() > 0:
            font.setPointSizeF(self.system_font.pointSizeF() * factor)
        else:
            font.setPixelSize(round(self.system_font.pixelSize() * factor))
        self.app.setFont(font)
        NodeItem.text_factor = factor
        if remember:
            self.settings.set(TEXT_SIZE, name)
        for action in self._size_actions:
            action.setChecked(action.objectName() == f"text_size_{name}")
        self._refresh_widgets()

    def set_high_contrast(self, on: bool, remember: bool = True) -> None:
        """Switch the high-contrast theme on or off, windows and map alike."""
        self.high_contrast = on
        self.app.setPalette(high_contrast_palette() if on else self.system_palette)
        CanvasTheme.use(on)
        if remember:
            self.settings.set(HIGH_CONTRAST, on)
        for action in self._contrast_actions:
            action.setChecked(on)
        self._refresh_widgets()

    def _refresh_widgets(self) -> None:
        """Deliver the new font and palette now: maps, grids and tables restyle themselves
        on their font or palette change event."""
        for kind in (QEvent.Type.ApplicationFontChange, QEvent.Type.ApplicationPaletteChange):
            QApplication.sendPostedEvents(None, kind.value)
        for widget in QApplication.allWidgets():
            if widget.styleSheet():
                # A style sheet fixes the font it was polished with: polish it again.
                widget.setStyleSheet(widget.styleSheet())

    def add_to_menu(self, menu: QMenu, parent: QWidget) -> None:
        """Add View → Text size (normal, large, larger) and View → High contrast."""
        sizes = menu.addMenu(_("&Text size"))
        group = QActionGroup(parent)
        for name, (text, _factor) in TEXT_SIZES.items():
            action = QAction(_(text), parent, checkable=True)
            action.setObjectName(f"text_size_{name}")
            action.setChecked(name == self.text_size)
            action.triggered.connect(lambda _checked=False, n=name: self.set_text_size(n))
            group.addAction(action)
            sizes.addAction(action)
            self._size_actions.append(action)
        contrast = QAction(_("&High contrast"), parent, checkable=True)
        contrast.setObjectName("high_contrast")
        contrast.setStatusTip(_("For projectors and low vision: black on white, thick outlines"))
        contrast.setChecked(self.high_contrast)
        contrast.toggled.connect(self._on_contrast_toggled)
        menu.addAction(contrast)
        self._contrast_actions.append(contrast)

    def _on_contrast_toggled(self, on: bool) -> None:
        if on != self.high_contrast:
            self.set_high_contrast(on)


#: The running app's Appearance (see :meth:`Appearance.for_app`).
_current: Appearance | None = None
