"""The workshop room on the projector: the invitation (QR code, address, room code and the
count of who has joined), and once the facilitator reveals them, the group's answers."""

from __future__ import annotations

import io
from collections import Counter

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPixmap
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import _
from ...workshop.room import ANSWER_FIELDS
from .room_panel import FIELD_NAMES, RoomPanel, spread_text

__all__ = ["RoomProjection"]

#: Size of a QR code module on the projector, in pixels: readable from the back of a room.
QR_SCALE = 10


class RoomProjection(QWidget):
    """What the room sees of the session, drawn large over the presentation canvas."""

    def __init__(self, panel: RoomPanel, points: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("#ffffff"))
        self.setPalette(palette)
        big = QFont(self.font())
        big.setPointSize(points)
        self.setFont(big)
        self.qr = QLabel(self)
        self.address = QLabel(self)
        self.code = QLabel(self)
        self.count = QLabel(self)
        for label in (self.qr, self.address, self.code, self.count):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bold = QFont(big)
        bold.setBold(True)
        self.code.setFont(bold)
        self.results = QTableWidget(0, 1 + len(ANSWER_FIELDS), self)
        self.results.setHorizontalHeaderLabels(
            [_("Stakeholder"), *(_(FIELD_NAMES[name]) for name in ANSWER_FIELDS)]
        )
        self.results.verticalHeader().hide()
        self.results.setWordWrap(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.results.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.qr, 1)
        layout.addWidget(self.address)
        layout.addWidget(self.code)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)
        self._invitation = ""
        self._names_shown = True
        panel.room_changed.connect(self.refresh)
        self.refresh()

    def set_names_shown(self, shown: bool) -> None:
        """Name the stakeholders, or (names hidden in presentation) give their category."""
        self._names_shown = shown
        self.refresh()

    def refresh(self) -> None:
        """Show the invitation while answers are hidden, the answers once revealed."""
        panel, server, room = self.panel, self.panel.server, self.panel.room
        revealed = panel.reveal.isChecked() and room is not None
        inviting = server is not None and not revealed
        for widget in (self.qr, self.address, self.code):
            widget.setVisible(inviting)
        self.results.setVisible(revealed)
        self.count.setText(panel.count.text())
        if inviting and server.invitation != self._invitation:
            self._invitation = server.invitation
            buffer = io.BytesIO()
            segno.make(self._invitation, error="m").save(
                buffer, kind="png", scale=QR_SCALE, border=2
            )
            picture = QPixmap()
            picture.loadFromData(buffer.getvalue(), "PNG")
            self.qr.setPixmap(picture)
            self.address.setText(server.address)
            self.code.setText(panel.code.text())
        if not revealed:
            return
        smap = panel.document.smap
        opened = panel.opened()
        self.results.setRowCount(len(opened))
        numbers: Counter[str] = Counter()
        for row, (sid, neutral) in enumerate(opened):
            stakeholder = smap.stakeholders[sid]
            category = smap.categories.get(stakeholder.category)
            if self._names_shown or category is None:
                name = stakeholder.label
            else:
                # Names hidden: "Media 2", numbered within the category, as the plan does.
                numbers[category.name] += 1
                name = f"{category.name} {numbers[category.name]}"
            self.results.setItem(row, 0, QTableWidgetItem(name))
            spreads = room.spreads(neutral)
            for column, field in enumerate(ANSWER_FIELDS, start=1):
                self.results.setItem(row, column, QTableWidgetItem(spread_text(spreads[field])))
        self.results.resizeRowsToContents()
