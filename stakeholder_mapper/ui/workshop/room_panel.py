"""The facilitator's side of a workshop room: invite (QR code, address, room code), open
stakeholders to the room, watch the answers' spread, adopt the group's values, accept or
reject proposed ties, reveal the results, and end the session.

The room (:mod:`stakeholder_mapper.workshop`) is served on its own thread; this panel
reads it on a timer, so no signal crosses threads. Nothing participants send reaches the
map until the facilitator adopts or accepts it, each as one undo step.
"""

from __future__ import annotations

import datetime as dt
import io
import math

import segno
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.commands import AddRelationship, Batch, UpdateStakeholder
from ...core.i18n import N_, _, format_date, system_error
from ...core.model import Relationship
from ...core.snapshots import TakeSnapshot
from ...io.project import snapshot_content
from ...workshop.addresses import private_addresses
from ...workshop.partner_view import PartnerView, partner_view
from ...workshop.perspectives import group_median, perspective_content
from ...workshop.room import ANSWER_FIELDS, Room, Spread
from ...workshop.server import RoomServer
from ..document import MapDocument

__all__ = ["FIELD_NAMES", "RoomPanel", "spread_text"]

#: How often the panel reads the room, in milliseconds.
REFRESH_MS = 500
#: The rated fields' names, translated where shown.
FIELD_NAMES = {
    "power": N_("Power"),
    "interest": N_("Interest"),
    "position": N_("Position"),
    "influence": N_("Influence"),
}


def _rounded(median: float) -> int:
    """The group's value to adopt: the median, halves rounded up (2.5 gives 3)."""
    return math.floor(median + 0.5)


def spread_text(spread: Spread) -> str:
    """A spread as the room reads it: ``4 (2…5) ⚠`` (median, lowest…highest, disagreement)."""
    if spread.median is None:
        return "–"
    median = f"{spread.median:g}"
    text = median if spread.low == spread.high else f"{median} ({spread.low}…{spread.high})"
    return f"{text} ⚠" if spread.disagree else text


class RoomPanel(QWidget):
    """Everything the facilitator needs to run a room, for a dock or the projector."""

    #: Emitted when answers arrive, with each opened stakeholder's ratings (one
    #: {field: value} per participant who rated it), for the grids' clouds.
    answers_changed = Signal(dict)
    #: Emitted when the session starts or ends, or the room changes (for the projector).
    room_changed = Signal()

    def __init__(self, document: MapDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.room: Room | None = None
        self.view: PartnerView | None = None
        self.server: RoomServer | None = None
        self._seen = -1

        self.network = QComboBox(self)
        self.network.setToolTip(_("The network the participants' phones are on"))
        for name, address in private_addresses():
            self.network.addItem(f"{address} ({name})", address)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a01010; font-weight: bold;")
        self.problem.hide()
        if not self.network.count():
            self._say(
                _("No private network found: connect this computer to the room's Wi-Fi or hotspot.")
            )
        self.start_button = QPushButton(_("Invite participants"), self)
        self.end_button = QPushButton(_("End the session"), self)
        self.qr = QLabel(self)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address = QLabel(self)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLabel(self)
        big = QFont(self.code.font())
        big.setPointSize(big.pointSize() * 2)
        big.setBold(True)
        for label in (self.address, self.code):
            label.setFont(big)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count = QLabel(self)
        self.open_button = QPushButton(_("Open the selected stakeholders to the room"), self)
        self.reveal = QCheckBox(_("Reveal the group's answers to the room"), self)
        self.table = QTableWidget(0, 2 + len(ANSWER_FIELDS), self)
        self.table.setHorizontalHeaderLabels(
            [_("Stakeholder"), *map(_, FIELD_NAMES.values()), _("Answers")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setToolTip(_("Median (lowest…highest); ⚠ where the room disagrees"))
        self.adopt_button = QPushButton(_("Adopt the group's values"), self)
        self.proposals = QListWidget(self)
        self.accept_button = QPushButton(_("Accept"), self)
        self.reject_button = QPushButton(_("Reject"), self)
        self.people = QListWidget(self)
        self.erase_button = QPushButton(_("Erase this participant's answers"), self)
        self.keep_button = QPushButton(_("Keep the answers as perspectives"), self)
        self.keep_button.setToolTip(
            _(
                "A snapshot per participant and one of the group median, to compare in "
                "Snapshots; delete a participant's snapshot to erase their answers"
            )
        )

        # The network on a row of its own, so a narrow dock needs no sideways scrolling.
        start = QHBoxLayout()
        start.addWidget(self.start_button)
        start.addWidget(self.end_button)
        decide = QHBoxLayout()
        decide.addWidget(self.accept_button)
        decide.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.network)
        layout.addLayout(start)
        layout.addWidget(self.problem)
        layout.addWidget(self.qr)
        layout.addWidget(self.address)
        layout.addWidget(self.code)
        layout.addWidget(self.count)
        layout.addWidget(self.open_button)
        layout.addWidget(self.reveal)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.adopt_button)
        layout.addWidget(QLabel(_("Proposed relationships"), self))
        layout.addWidget(self.proposals, 1)
        layout.addLayout(decide)
        layout.addWidget(QLabel(_("Participants"), self))
        layout.addWidget(self.people, 1)
        layout.addWidget(self.erase_button)
        layout.addWidget(self.keep_button)

        self.start_button.clicked.connect(self._on_start_clicked)
        self.end_button.clicked.connect(self.end)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.reveal.toggled.connect(self._on_reveal_toggled)
        self.adopt_button.clicked.connect(self._on_adopt_clicked)
        self.accept_button.clicked.connect(lambda: self._decide(True))
        self.reject_button.clicked.connect(lambda: self._decide(False))
        self.erase_button.clicked.connect(self._on_erase_clicked)
        self.keep_button.clicked.connect(self.keep_perspectives)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._show_running(False)

    # -- session ------------------------------------------------------------------------
    def start(self, host: str) -> None:
        """Open a room on ``host`` (a private address) with the map's Partner-level view."""
        self.end()
        self.view = partner_view(self.document.smap)
        self.room = Room(self.view.stakeholders, self.view.kinds)
        self.server = RoomServer(self.room, host)
        self.server.start()
        self.address.setText(self.server.address)
        self.code.setText(_("Room code: {code}").format(code=self.room.code))
        buffer = io.BytesIO()
        segno.make(self.server.invitation, error="m").save(buffer, kind="png", scale=6, border=2)
        picture = QPixmap()
        picture.loadFromData(buffer.getvalue(), "PNG")
        self.qr.setPixmap(picture)
        self._seen = -1
        self._timer.start()
        self._show_running(True)
        self.refresh()
        self.room_changed.emit()

    def end(self) -> None:
        """Stop the server: the room's pages go offline; the answers stay for a look."""
        self._timer.stop()
        if self.server is not None:
            self.server.stop()
            self.server = None
        self.qr.clear()
        self.address.clear()
        self.code.clear()
        self._show_running(False)
        self.room_changed.emit()

    def _show_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running and self.network.count() > 0)
        self.network.setEnabled(not running)
        for widget in (self.end_button, self.open_button, self.reveal):
            widget.setEnabled(running)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window ends the session, so no server outlives the app."""
        if event.type() == QEvent.Type.Close:
            self.end()
        return False

    # -- reading the room -------------------------------------------------------------
    def refresh(self) -> None:
        """Show the room's counts, spreads and proposals when something changed."""
        room = self.room
        if room is None or room.version == self._seen:
            return
        self._seen = room.version
        people = len(room.participants())
        self.count.setText(
            _("{people} participants · {answers} answers").format(
                people=people, answers=room.answer_count()
            )
        )
        smap = self.document.smap
        opened = self.opened()
        self.table.setRowCount(len(opened))
        for row, (sid, neutral) in enumerate(opened):
            name = QTableWidgetItem(smap.stakeholders[sid].label)
            name.setData(Qt.ItemDataRole.UserRole, sid)
            self.table.setItem(row, 0, name)
            spreads = room.spreads(neutral)
            for column, field in enumerate(ANSWER_FIELDS, start=1):
                self.table.setItem(row, column, QTableWidgetItem(spread_text(spreads[field])))
            answers = len(room.ratings(neutral, "power"))
            self.table.setItem(row, len(ANSWER_FIELDS) + 1, QTableWidgetItem(str(answers)))
        everyone = [ratings for _name, ratings in room.perspectives()]
        self.answers_changed.emit(
            {sid: [r[neutral] for r in everyone if neutral in r] for sid, neutral in opened}
        )
        self.room_changed.emit()
        self.people.clear()
        for number, (pid, nickname) in enumerate(room.participants(), start=1):
            item = QListWidgetItem(nickname or _("anonymous participant {n}").format(n=number))
            item.setData(Qt.ItemDataRole.UserRole, pid)
            self.people.addItem(item)
        self.proposals.clear()
        kinds = {k.id: k.name for k in smap.kinds.values()}
        view = self.view
        assert view is not None
        for proposal in room.proposals():
            source, target = (
                smap.stakeholders.get(view.from_room[proposal.source]),
                smap.stakeholders.get(view.from_room[proposal.target]),
            )
            if source is None or target is None:
                continue
            text = _("{source} → {target}: {kind}, strength {strength}").format(
                source=source.label,
                target=target.label,
                kind=kinds.get(view.kind_from_room[proposal.kind], proposal.kind),
                strength=proposal.strength,
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, proposal.id)
            self.proposals.addItem(item)

    # -- reactions ----------------------------------------------------------------------
    def _say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))

    def _on_start_clicked(self) -> None:
        host = self.network.currentData()
        if not host:
            return
        self._say("")
        try:
            self.start(host)
        except OSError as exc:
            self.end()
            self._say(
                _("The room could not open on {address}: {reason}").format(
                    address=host, reason=system_error(exc)
                )
            )

    def opened(self) -> list[tuple[str, str]]:
        """(map id, room id) of each stakeholder open in the room and still on the map."""
        if self.room is None or self.view is None:
            return []
        smap, back = self.document.smap, self.view.from_room
        return [(back[n], n) for n in self.room.opened if back[n] in smap.stakeholders]

    def _on_open_clicked(self) -> None:
        if self.room is None or self.view is None:
            return
        chosen = self.document.selection.stakeholders
        shown = [self.view.to_room[i] for i in chosen if i in self.view.to_room]
        self.room.open(shown)
        self._say(
            _("Confidential stakeholders are not opened to the room.")
            if len(shown) < len(chosen)
            else ""
        )
        self.refresh()

    def _on_reveal_toggled(self, shown: bool) -> None:
        if self.room is not None:
            self.room.reveal(shown)
            self.refresh()

    def adopt(self, stakeholder_ids: list[str]) -> None:
        """Write the group's medians into the map, every stakeholder at once, one undo step."""
        room, view, smap = self.room, self.view, self.document.smap
        if room is None or view is None:
            return
        steps = []
        for sid in stakeholder_ids:
            if sid not in view.to_room:
                continue
            values = {
                field: _rounded(spread.median)
                for field, spread in room.spreads(view.to_room[sid]).items()
                if spread.median is not None
            }
            if values and sid in smap.stakeholders:
                steps.append(lambda m, sid=sid, values=values: UpdateStakeholder(m, sid, **values))
        if steps:
            self.document.push(Batch.build(smap, _("Adopt the group's values"), steps))

    def _on_adopt_clicked(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        self.adopt([self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in rows])

    def _decide(self, accepted: bool) -> None:
        item = self.proposals.currentItem()
        if self.room is None or item is None:
            return
        proposal = self.room.decide(item.data(Qt.ItemDataRole.UserRole), accepted)
        if accepted and self.view is not None:
            smap, view = self.document.smap, self.view
            tie = Relationship(
                smap.new_id("r"),
                view.from_room[proposal.source],
                view.from_room[proposal.target],
                kind=view.kind_from_room[proposal.kind],
                strength=proposal.strength,
                confidence="assumed",
            )
            self.document.push(AddRelationship(smap, tie))
        self.refresh()

    def _on_erase_clicked(self) -> None:
        item = self.people.currentItem()
        if self.room is not None and item is not None:
            self.room.erase(item.data(Qt.ItemDataRole.UserRole))
            self.refresh()

    def keep_perspectives(self) -> None:
        """Keep each participant's ratings, and the group median, as snapshots of the map
        (one undo step), named by the session and the nickname or "anonymous participant"."""
        room, view = self.room, self.view
        if room is None or view is None:
            return
        everyone = [
            (nickname, {view.from_room[n]: values for n, values in ratings.items()})
            for nickname, ratings in room.perspectives()
        ]
        if not everyone:
            return
        smap = self.document.smap
        content = snapshot_content(smap)
        session = _("Workshop {date}").format(date=format_date(dt.date.today()))
        named: list[tuple[str, dict]] = []
        for number, (nickname, ratings) in enumerate(everyone, start=1):
            who = nickname or _("anonymous participant {n}").format(n=number)
            named.append((who, ratings))
        named.append((_("group median"), group_median([r for _who, r in everyone])))
        steps = [
            lambda m, who=who, ratings=ratings: TakeSnapshot(
                m,
                _("{session}: {name}").format(session=session, name=who),
                perspective_content(content, ratings),
            )
            for who, ratings in named
        ]
        self.document.push(Batch.build(smap, _("Keep the answers as perspectives"), steps))
