"""A room on two opened stakeholders, served on 127.0.0.1 for the test's length."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from stakeholder_mapper.workshop.room import Room
from stakeholder_mapper.workshop.server import RoomServer

STAKEHOLDERS = {
    "mayor": ("Mayor", "Municipal authority"),
    "imam": ("Imam of the central mosque", "Faith leader"),
    "youth": ("Youth council", "Youth group"),
}
KINDS = {"influence": "Influence", "trust": "Trust"}


@pytest.fixture
def room() -> Room:
    made = Room(STAKEHOLDERS, KINDS)
    made.open(["mayor", "imam"])
    return made


@pytest.fixture
def server(room: Room) -> Iterator[RoomServer]:
    running = RoomServer(room, "127.0.0.1")
    running.start()
    yield running
    running.stop()


class Client:
    """A phone's requests, as plain HTTP: (status, decoded JSON)."""

    def __init__(self, server: RoomServer) -> None:
        self.base = server.address.rstrip("/")
        self.token: str | None = None

    def raw(
        self, method: str, path: str, data: bytes | None = None, token: str | None = None
    ) -> tuple[int, Any]:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(self.base + path, data, headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def post(self, path: str, body: Any) -> tuple[int, Any]:
        return self.raw("POST", path, json.dumps(body).encode(), self.token)

    def state(self) -> tuple[int, Any]:
        return self.raw("GET", "/api/state", None, self.token)

    def join(self, credential: str, nickname: str = "") -> Client:
        status, body = self.post("/api/join", {"room": credential, "nickname": nickname})
        assert status == 200, body
        self.token = body["device"]
        return self


@pytest.fixture
def phone(server: RoomServer, room: Room) -> Client:
    return Client(server).join(room.code, "Ana")
