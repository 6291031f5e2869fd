"""A banner above the canvas while the map is open read-only.

It says what read-only means (changes tried are not saved to the file; Save as keeps
them in a new one) and offers Save as. It sits above the canvas, in the window's central
area, so it hides none of the map.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.i18n import _

__all__ = ["ReadOnlyBanner", "with_banner"]


class ReadOnlyBanner(QFrame):
    """Shown by :meth:`show_for` while the map is read-only; hidden by :meth:`clear`."""

    #: Emitted when the user asks to save a copy (the banner's Save as button).
    save_as_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read_only_banner")
        self.setStyleSheet(
            "#read_only_banner { background: #FFF4CE; border-bottom: 1px solid #C8A600; }"
            "#read_only_banner QLabel { color: #3B2F00; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.save_as_button = QPushButton(_("Save as…"))
        self.save_as_button.clicked.connect(self.save_as_requested)
        layout.addWidget(self.save_as_button)
        self.hide()

    def show_for(self, file_name: str) -> None:
        """Show the banner for the read-only map ``file_name``."""
        self.label.setText(
            _(
                "<b>Read-only:</b> changes you try here are not saved to {name}; "
                "use Save as to keep them in a new file."
            ).format(name=file_name)
        )
        self.show()

    def clear(self) -> None:
        """Hide the banner: the map is editable again."""
        self.hide()


def with_banner(banner: ReadOnlyBanner, canvas: QWidget) -> QWidget:
    """The window's central area: ``banner`` (when shown) above ``canvas``."""
    area = QWidget()
    layout = QVBoxLayout(area)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(banner)
    layout.addWidget(canvas, 1)
    return area
