"""The room's rules: tokens, spreads, votes, proposals and erasure, without a network."""

from __future__ import annotations

import pytest

from stakeholder_mapper.workshop.room import CODE_TRIES, DOTS, Room, RoomError, spread

from .conftest import KINDS, STAKEHOLDERS


def _rate(room: Room, token: str, seq: int, sid: str, **values: int | None) -> None:
    room.rate(token, seq, {"stakeholder": sid, **values})


def test_room_token_and_code_are_long_random_and_different_each_time():
    a, b = Room(STAKEHOLDERS, KINDS), Room(STAKEHOLDERS, KINDS)
    assert len(a.token) >= 22 and a.token != b.token  # 16 bytes of base64: 128 bits
    assert len(a.code) == 6 and a.code.isdigit()


def test_spread_gives_median_range_and_flags_disagreement():
    assert spread([2, 3, 3, None], (1, 5)) == spread([3, 2, 3], (1, 5))
    calm = spread([2, 3, 3], (1, 5))
    assert (calm.count, calm.median, calm.low, calm.high, calm.disagree) == (3, 3, 2, 3, False)
    split = spread([-2, 2, 1, None], (-2, 2))
    assert (split.count, split.median, split.disagree) == (3, 1, True)
    assert spread([None, None], (1, 5)).median is None
    one_outlier = spread([1, 4, 4, 4, 5, 4, 4, 4], (1, 5))
    assert (one_outlier.low, one_outlier.high, one_outlier.disagree) == (1, 5, False)
    assert spread([1, 2, 4, 4, 5, 4, 4, 4], (1, 5)).disagree, "a quarter on each side"
    assert not spread([3, 4, 5, 5], (1, 5)).disagree, "nobody below the middle"


def test_ratings_replace_earlier_ones_and_spreads_follow(room):
    ana = room.join(room.code, "Ana", "10.0.0.2")
    ben = room.join(room.token, "", "10.0.0.3")
    _rate(room, ana.token, 1, "mayor", power=5, position=-2)
    _rate(room, ana.token, 2, "mayor", power=4, position=-2)
    _rate(room, ben.token, 1, "mayor", power=1, position=None)
    spreads = room.spreads("mayor")
    assert (spreads["power"].median, spreads["power"].low, spreads["power"].high) == (2.5, 1, 4)
    assert spreads["power"].disagree
    assert spreads["position"].count == 1 and spreads["interest"].count == 0
    assert room.answer_count() == 2
    assert room.perspectives() == [
        ("Ana", {"mayor": {"power": 4, "interest": None, "position": -2, "influence": None}}),
        ("", {"mayor": {"power": 1, "interest": None, "position": None, "influence": None}}),
    ]


def test_a_participant_sees_only_opened_stakeholders_by_name_and_category(room):
    ana = room.join(room.code, "Ana", "10.0.0.2")
    view = room.view(ana.token)
    assert view["stakeholders"] == [
        {"id": "mayor", "name": "Mayor", "category": "Municipal authority"},
        {"id": "imam", "name": "Imam of the central mosque", "category": "Faith leader"},
    ]
    with pytest.raises(RoomError, match="unknown_stakeholder"):
        _rate(room, ana.token, 1, "youth", power=3)
    assert view["revealed"] is None
    _rate(room, ana.token, 1, "mayor", power=3)
    room.reveal(True)
    assert room.view(ana.token)["revealed"]["mayor"]["power"] == 3


def test_dot_votes_are_bounded_by_each_participants_dots(room):
    ana = room.join(room.code, "Ana", "10.0.0.2")
    room.vote(ana.token, 1, {"stakeholder": "mayor", "dots": DOTS - 1})
    with pytest.raises(RoomError, match="no_dots_left"):
        room.vote(ana.token, 2, {"stakeholder": "imam", "dots": 2})
    room.vote(ana.token, 3, {"stakeholder": "imam", "dots": 1})
    room.vote(ana.token, 4, {"stakeholder": "mayor", "dots": 2})
    assert room.votes() == {"mayor": 2, "imam": 1}


def test_proposals_wait_for_the_facilitator_and_erasing_forgets_a_participant(room):
    ana = room.join(room.code, "Ana", "10.0.0.2")
    proposal = room.propose(
        ana.token, 1, {"source": "mayor", "target": "imam", "kind": "trust", "strength": 4}
    )
    assert room.proposals() == [proposal]
    assert room.decide(proposal.id, accepted=False).status == "rejected"
    assert room.proposals() == []
    _rate(room, ana.token, 2, "mayor", power=2)
    pid = room.participants()[0][0]
    room.erase(pid)
    assert room.participants() == [] and room.ratings("mayor", "power") == []
    with pytest.raises(RoomError, match="bad_token"):
        room.view(ana.token)


def test_wrong_codes_from_one_address_must_wait(room):
    for _try in range(CODE_TRIES):
        with pytest.raises(RoomError, match="bad_room"):
            room.join("123456" if room.code != "123456" else "654321", "", "10.0.0.9")
    with pytest.raises(RoomError, match="too_many_tries"):
        room.join(room.code, "", "10.0.0.9")
    assert room.join(room.code, "", "10.0.0.10").nickname == ""
