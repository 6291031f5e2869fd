"""The facilitator's room panel: invite, open, watch the spread, adopt, accept, end."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from stakeholder_mapper.core.commands import UpdateStakeholder
from stakeholder_mapper.io.project import snapshot_map
from stakeholder_mapper.ui.document import MapDocument
from stakeholder_mapper.ui.workshop.room_panel import RoomPanel


@pytest.fixture
def panel(small_map, qtbot):
    widget = RoomPanel(MapDocument(small_map))
    qtbot.addWidget(widget)
    widget.resize(520, 900)
    widget.show()
    widget.start("127.0.0.1")
    yield widget
    widget.end()


def _rate(panel: RoomPanel, nickname: str, sid: str, **values: int | None) -> None:
    room = panel.room
    participant = room.join(room.code, nickname, "10.0.0.2")
    room.rate(participant.token, 1, {"stakeholder": panel.view.to_room[sid], **values})


def test_invite_shows_a_qr_code_the_address_and_the_room_code(panel):
    assert panel.server.running
    assert panel.address.text() == panel.server.address
    assert panel.code.text() == f"Room code: {panel.room.code}"
    image: QImage = panel.qr.pixmap().toImage()
    assert image.width() >= 150, "large enough to scan from the back of the room"
    assert panel.start_button.isEnabled() is False and panel.end_button.isEnabled()


def test_spread_is_shown_and_the_group_value_adopted_as_one_undo_step(panel, qtbot):
    document = panel.document
    document.selection.set(("mayor", "youth"))
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    to_room = panel.view.to_room
    assert panel.room.opened == (to_room["mayor"], to_room["youth"])
    assert not {"mayor", "youth"} & set(panel.room.opened), "the map's ids stay on the computer"
    _rate(panel, "Ana", "mayor", power=5, interest=2, position=-2)
    _rate(panel, "Ben", "mayor", power=2, interest=None, position=1)
    _rate(panel, "", "mayor", power=3, interest=2, position=2)
    qtbot.waitUntil(lambda: panel.count.text() == "3 participants · 3 answers", timeout=3000)
    assert panel.table.item(0, 0).text() == "Mayor"
    assert panel.table.item(0, 1).text() == "3 (2…5) ⚠"
    assert panel.table.item(0, 2).text() == "2"
    assert panel.table.item(0, 5).text() == "3"
    before = document.smap.stakeholders["mayor"]
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.adopt_button, Qt.MouseButton.LeftButton)
    mayor = document.smap.stakeholders["mayor"]
    assert (mayor.power, mayor.interest, mayor.position) == (3, 2, 1)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.smap.stakeholders["mayor"] == before


def test_a_proposed_tie_reaches_the_map_only_when_accepted(panel, qtbot):
    document = panel.document
    document.selection.set(("mayor", "youth"))
    panel._on_open_clicked()
    room = panel.room
    ana = room.join(room.code, "Ana", "10.0.0.2")
    to_room = panel.view.to_room
    body = {"source": to_room["youth"], "target": to_room["mayor"], "kind": "influence"}
    body["strength"] = 4
    room.propose(ana.token, 1, body)
    room.propose(ana.token, 2, {**body, "strength": 1})
    ties = dict(document.smap.relationships)
    qtbot.waitUntil(lambda: panel.proposals.count() == 2, timeout=3000)
    assert panel.proposals.item(0).text() == "Youth council → Mayor: Influence, strength 4"
    panel.proposals.setCurrentRow(1)
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert document.smap.relationships == ties
    panel.proposals.setCurrentRow(0)
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    added = [r for r in document.smap.relationships.values() if r.id not in ties]
    assert [(r.source, r.target, r.strength, r.confidence) for r in added] == [
        ("youth", "mayor", 4, "assumed")
    ]
    assert panel.proposals.count() == 0 and document.undo_stack.count() == 1


def test_ending_the_session_stops_the_server(panel, qtbot):
    server = panel.server
    qtbot.mouseClick(panel.end_button, Qt.MouseButton.LeftButton)
    assert not server.running and panel.server is None
    assert panel.qr.pixmap().isNull() and panel.start_button.isEnabled()


def test_closing_the_window_stops_the_room(window, qtbot):
    panel = window.workshop.room
    panel.start("127.0.0.1")
    server = panel.server
    assert server.running
    window.document.undo_stack.setClean()
    window.close()
    assert not server.running


def test_answers_are_kept_as_perspectives_and_a_participant_erased(panel, qtbot):
    document = panel.document
    document.selection.set(("mayor",))
    panel._on_open_clicked()
    _rate(panel, "Ana", "mayor", power=5, position=-2)
    _rate(panel, "", "mayor", power=2, position=None)
    _rate(panel, "Eve", "mayor", power=1, position=2)
    qtbot.waitUntil(lambda: panel.people.count() == 3, timeout=3000)
    assert [panel.people.item(n).text() for n in range(3)] == [
        "Ana",
        "anonymous participant 2",
        "Eve",
    ]
    panel.people.setCurrentRow(2)
    qtbot.mouseClick(panel.erase_button, Qt.MouseButton.LeftButton)
    assert panel.people.count() == 2 and panel.room.ratings(
        panel.view.to_room["mayor"], "power"
    ) == [5, 2]
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    names = [s.name.split(": ", 1)[1] for s in document.smap.snapshots]
    assert names == ["Ana", "anonymous participant 2", "group median"]
    assert document.undo_stack.count() == 1
    views = [snapshot_map(s).stakeholders["mayor"] for s in document.smap.snapshots]
    assert [(v.power, v.position) for v in views] == [(5, -2), (2, None), (4, -2)]
    assert document.smap.stakeholders["mayor"].power is None, "the map itself is unchanged"


def test_the_rooms_ratings_show_as_a_cloud_on_both_grids(window, qtbot):
    panel = window.workshop.room
    panel.start("127.0.0.1")
    window.document.selection.set(("mayor", "imam"))
    panel._on_open_clicked()
    _rate(panel, "Ana", "mayor", power=5, interest=2, position=-2)
    _rate(panel, "Ben", "mayor", power=5, interest=2, position=1)
    _rate(panel, "", "mayor", power=1, interest=None, position=1)
    _rate(panel, "Eve", "imam", power=3, interest=3, position=0)
    clouds = window.workshop._clouds
    qtbot.waitUntil(lambda: len(clouds) == 2 and clouds[0].count == 3, timeout=3000)
    power_interest, influence_position = clouds
    assert power_interest.grid is window.power_interest
    # The unknown interest leaves one of the mayor's three ratings off the power-interest grid.
    points = list(zip(*power_interest.item.getData(), strict=True))
    assert sorted((round(x), round(y)) for x, y in points) == [(2, 5), (2, 5), (3, 3)]
    assert all((x, y) != (2, 5) for x, y in points), "off the map point's centre"
    assert sorted(
        (round(x), round(y)) for x, y in zip(*influence_position.item.getData(), strict=True)
    ) == [(-2, 5), (0, 3), (1, 1), (1, 5)]
    panel.end()


def test_a_room_that_cannot_open_says_why_in_one_sentence(small_map, qtbot):
    widget = RoomPanel(MapDocument(small_map))
    qtbot.addWidget(widget)
    widget.network.clear()
    widget.network.addItem("10.254.254.254 (gone)", "10.254.254.254")  # not this computer's
    widget._show_running(False)
    qtbot.mouseClick(widget.start_button, Qt.MouseButton.LeftButton)
    assert widget.problem.text().startswith("The room could not open on 10.254.254.254: ")
    assert widget.server is None and widget.start_button.isEnabled()


def test_the_projector_shows_the_invitation_then_the_revealed_answers(qtbot, window):
    window.document.push(
        UpdateStakeholder(window.document.smap, "youth", sensitivity="confidential")
    )
    tools = window.workshop
    assert not tools.room_action.isEnabled(), "no room, nothing to show"
    tools.room.start("127.0.0.1")
    assert tools.room_action.isEnabled()
    qtbot.keyClick(window.view, Qt.Key.Key_F5)
    tools.room_action.trigger()
    projection = tools.present_room
    assert projection.isVisible() and projection.geometry().height() > 300
    assert projection.code.text() == f"Room code: {tools.room.room.code}"
    assert projection.address.text() == tools.room.server.address
    assert projection.qr.pixmap().width() >= 250 and not projection.results.isVisible()
    window.document.selection.set(("mayor",))
    tools.room._on_open_clicked()
    _rate(tools.room, "Ana", "mayor", power=4, interest=2)
    _rate(tools.room, "Ben", "mayor", power=1, interest=2)
    tools.room.reveal.setChecked(True)
    assert projection.results.isVisible() and not projection.qr.isVisible()
    row = [projection.results.item(0, c).text() for c in range(3)]
    assert row == ["Municipal authority 1", "2.5 (1…4) ⚠", "2"], "names hidden: the category"
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert projection.results.item(0, 0).text() == "Mayor"
    assert projection.count.text() == "2 participants · 2 answers"
    qtbot.keyClick(projection.results, Qt.Key.Key_Escape)
    assert not projection.isVisible() and not tools.room_action.isChecked()
    tools.room.end()
    assert not tools.room_action.isEnabled()


def test_the_room_shows_the_partner_view_and_never_a_confidential_stakeholder(panel, qtbot):
    document = panel.document
    smap = document.smap
    document.push(UpdateStakeholder(smap, "imam", sensitivity="confidential"))
    panel.start("127.0.0.1")
    document.selection.set(("mayor", "imam"))
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert panel.problem.text() == "Confidential stakeholders are not opened to the room."
    room = panel.room
    ana = room.join(room.code, "Ana", "10.0.0.2")
    shown = room.view(ana.token)["stakeholders"]
    assert [(s["name"], s["category"]) for s in shown] == [("Mayor", "Municipal authority")]
    assert "imam" not in panel.view.to_room
