"""A banner across the top of the canvas while the map is open read-only.

It says what read-only means (changes are not saved to the file; Save as keeps them in
a new one) and offers Save as. It sits in the canvas's top margin, so it hides none of
the map and the canvas stays the window's central widget (presentation mode needs it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QHBoxLayout, QLabel, QPushButton

__all__ = ["ReadOnlyBanner"]


class ReadOnlyBanner(QFrame):
    """Shown above the canvas ``view`` by :meth:`show_for`; hidden by :meth:`clear`."""

    #: Emitted when the user asks to save a copy (the banner's Save as button).
    save_as_requested = Signal()

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self._view = view
        self.setObjectName("read_only_banner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#read_only_banner { background: #FFF4CE; border-bottom: 1px solid #C8A600; }"
            "#read_only_banner QLabel { color: #3B2F00; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.save_as_button = QPushButton("Save as…")
        self.save_as_button.clicked.connect(self.save_as_requested)
        layout.addWidget(self.save_as_button)
        view.installEventFilter(self)
        self.hide()

    def show_for(self, file_name: str) -> None:
        """Show the banner for the read-only map ``file_name``."""
        self.label.setText(
            f"<b>Read-only:</b> changes you try here are not saved to {file_name}; "
            "use Save as to keep them in a new file."
        )
        self.show()
        self._place()

    def clear(self) -> None:
        """Hide the banner (the map is editable again) and give its room back to the canvas."""
        self.hide()
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        """Fit the banner to the view's width and reserve its height above the canvas."""
        height = 0
        if self.isVisible():
            width = self._view.width()
            height = self.layout().totalHeightForWidth(width)
            self.setGeometry(0, 0, width, height)
            self.raise_()
        self._view.setViewportMargins(0, height, 0, 0)
