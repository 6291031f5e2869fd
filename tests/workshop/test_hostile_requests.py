"""Hostile requests to the room's server are refused with a code, and change nothing."""

from __future__ import annotations

import json
import urllib.request

import pytest

from stakeholder_mapper.workshop.server import MAX_BODY, RATE_BURST, RoomServer

from .conftest import Client

GOOD = {"stakeholder": "mayor", "power": 3, "interest": 4, "position": 1, "influence": 2}


def test_the_page_and_its_words_are_served_with_strict_headers(server):
    client = Client(server)
    with urllib.request.urlopen(server.address, timeout=10) as response:
        assert response.status == 200
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        assert response.headers["Referrer-Policy"] == "no-referrer"
        page = response.read().decode()
    assert "http" not in page.replace('name="viewport"', ""), "nothing from the internet"
    status, words = client.raw("GET", "/api/messages/fr")
    assert status == 200 and words["join"] == "Rejoindre" and words["dir"] == "ltr"
    assert client.raw("GET", "/api/messages/ar")[1]["dir"] == "rtl"


def test_no_token_or_a_wrong_token_is_refused(server, room):
    client = Client(server)
    assert client.state() == (401, {"error": "bad_token"})
    client.token = "x" * 43
    assert client.post("/api/rate", {**GOOD, "sequence": 1}) == (401, {"error": "bad_token"})
    assert client.post("/api/join", {"room": "not the room"}) == (403, {"error": "bad_room"})
    assert room.answer_count() == 0


def test_huge_bodies_and_bad_json_are_refused(phone, room):
    huge = json.dumps({**GOOD, "sequence": 1, "notes": "x" * (MAX_BODY * 4)}).encode()
    status, body = phone.raw("POST", "/api/rate", huge, phone.token)
    assert (status, body) == (413, {"error": "too_large"})
    for bad in (b"{not json", b"[1, 2]", b"\xff\xfe", b""):
        assert phone.raw("POST", "/api/rate", bad, phone.token) == (400, {"error": "bad_json"})
    assert room.answer_count() == 0


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("power", 6, "bad_power"),
        ("power", 0, "bad_power"),
        ("interest", 2.5, "bad_interest"),
        ("position", -3, "bad_position"),
        ("position", True, "bad_position"),
        ("influence", 11, "bad_influence"),
        ("influence", "7", "bad_influence"),
        ("stakeholder", "youth", "unknown_stakeholder"),
        ("stakeholder", "nobody", "unknown_stakeholder"),
        ("sequence", "1", "bad_sequence"),
    ],
)
def test_out_of_range_values_and_unknown_ids_are_refused(phone, room, field, value, code):
    status, body = phone.post("/api/rate", {"sequence": 1, **GOOD, field: value})
    assert body == {"error": code} and status in (400, 404)
    assert room.answer_count() == 0


def test_a_replayed_request_is_refused_and_counted_once(phone, room):
    assert phone.post("/api/rate", {**GOOD, "sequence": 1})[0] == 200
    assert phone.post("/api/rate", {**GOOD, "sequence": 1, "power": 1}) == (
        409,
        {"error": "replayed"},
    )
    assert room.ratings("mayor", "power") == [3]


def test_bad_proposals_and_votes_are_refused(phone, room):
    tie = {"source": "mayor", "target": "imam", "kind": "trust", "strength": 3}
    cases = [
        ({**tie, "kind": "bribery"}, "unknown_kind"),
        ({**tie, "target": "mayor"}, "same_stakeholder"),
        ({**tie, "strength": 9}, "bad_strength"),
        ({**tie, "source": "youth"}, "unknown_stakeholder"),
    ]
    for n, (body, code) in enumerate(cases, start=1):
        assert phone.post("/api/propose", {**body, "sequence": n})[1] == {"error": code}
    assert room.proposals() == []
    assert phone.post("/api/vote", {"stakeholder": "mayor", "dots": 99, "sequence": 9})[1] == {
        "error": "bad_dots"
    }
    assert room.votes() == {}


def test_a_long_or_unprintable_nickname_is_refused(server, room):
    client = Client(server)
    for name in ("x" * 41, "Ana\x00", 42):
        status, body = client.post("/api/join", {"room": room.code, "nickname": name})
        assert (status, body) == (400, {"error": "bad_nickname"})
    assert room.participants() == []


def test_a_flood_from_one_device_is_slowed_down(phone):
    statuses = [phone.state()[0] for _ in range(RATE_BURST + 10)]
    assert statuses.count(429) >= 5 and statuses[0] == 200


def test_a_reconnecting_participant_resumes_with_their_answers(server, phone):
    assert phone.post("/api/rate", {**GOOD, "sequence": 1})[0] == 200
    again = Client(server)
    again.token = phone.token
    status, view = again.state()
    assert status == 200 and view["ratings"]["mayor"]["power"] == 3 and view["sequence"] == 1


def test_public_addresses_are_refused(room):
    for host in ("8.8.8.8", "0.0.0.0", "example.org"):
        with pytest.raises(ValueError, match="not a private-network address"):
            RoomServer(room, host)
