"""The bundled Noto fonts in Qt: registered once, used by the app and everything it draws.

A system font differs from machine to machine (DejaVu on a bare Linux, Segoe UI on
Windows), and with it the width of every name on the map, where labels wrap and which
ones fit. Drawing with the bundled fonts makes maps, pictures and tests the same
everywhere; Noto Sans Arabic covers Arabic names.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from ...paths import FONT_FAMILIES, FONT_FILES

__all__ = ["bundled_families", "drawing_font", "use_bundled_fonts"]


@cache
def bundled_families() -> tuple[str, ...]:
    """Register the bundled font files with Qt (once); returns their family names.

    Needs a QGuiApplication. Raises RuntimeError if a file cannot be loaded, which
    means the installation is damaged.
    """
    for path in FONT_FILES:
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            raise RuntimeError(f"The font file {path} cannot be loaded.")
    return FONT_FAMILIES


def drawing_font(pixel_size: int, bold: bool = False) -> QFont:
    """The bundled font at ``pixel_size`` pixels, for names and text drawn on the map."""
    font = QFont()
    font.setFamilies(list(bundled_families()))
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    return font


def use_bundled_fonts(app: QGuiApplication) -> None:
    """Make the bundled font the application's font, at the platform's usual size."""
    font = QFont(app.font())
    font.setFamilies(list(bundled_families()))
    app.setFont(font)
