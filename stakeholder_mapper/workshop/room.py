"""The state of one workshop session, shared by the web server's thread and the window.

Every method takes the room's lock, so that 40 phones rating at once and the facilitator
reading the spread never see half an answer. Participants are known by a device token
(from :mod:`secrets`, 256 bits) that the page keeps and sends back in a header; the room
itself by a 128-bit token in the QR link and a 6-digit code typed by hand. A participant
sees only the stakeholders the facilitator opens, by name and category (Partner level).
"""

from __future__ import annotations

import secrets
import statistics
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ANSWER_FIELDS",
    "DOTS",
    "Participant",
    "Proposal",
    "Room",
    "RoomError",
    "Spread",
    "spread",
]

#: What a participant rates, with the bounds of each scale (``None`` is "don't know").
ANSWER_FIELDS: Mapping[str, tuple[int, int]] = {
    "power": (1, 5),
    "interest": (1, 5),
    "position": (-2, 2),
    "influence": (0, 10),
}
#: Dot votes each participant may cast across the opened stakeholders.
DOTS = 5
NICKNAME_LENGTH = 40
MAX_PARTICIPANTS = 200
MAX_PROPOSALS_EACH = 30
#: The room is split when at least this share of its ratings lies below the scale's middle
#: and as large a share above it.
DISAGREEMENT_SHARE = 0.25
#: Wrong room codes tolerated from one address before it must wait.
CODE_TRIES = 5
CODE_WAIT_S = 60.0


class RoomError(ValueError):
    """A request the room refuses; ``code`` names the reason for the page's message."""

    def __init__(self, code: str, status: int = 400) -> None:
        super().__init__(code)
        self.code = code
        self.status = status


@dataclass
class Participant:
    """One device in the room; ``nickname`` is empty for an anonymous participant."""

    id: str
    token: str
    nickname: str = ""
    last_sequence: int = 0
    ratings: dict[str, dict[str, int | None]] = field(default_factory=dict)
    votes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Proposal:
    """A relationship a participant proposes, waiting for the facilitator."""

    id: str
    participant: str
    source: str
    target: str
    kind: str
    strength: int
    status: str = "waiting"


@dataclass(frozen=True)
class Spread:
    """How the room rated one field of one stakeholder."""

    count: int
    median: float | None
    low: int | None
    high: int | None
    disagree: bool


def spread(values: Iterable[int | None], bounds: tuple[int, int]) -> Spread:
    """Median, range and a disagreement flag of the ratings given ("don't know" left out).

    The flag rises when the room is split: at least a quarter of the ratings below the
    scale's middle and a quarter above it (on 1–5, some say 1 or 2 and some 4 or 5; on
    −2…+2, some opponent and some supporter). One outlier in a large room does not raise it.

    >>> spread([1, 4, None], (1, 5))
    Spread(count=2, median=2.5, low=1, high=4, disagree=True)
    """
    known = sorted(v for v in values if v is not None)
    if not known:
        return Spread(0, None, None, None, False)
    middle = (bounds[0] + bounds[1]) / 2
    least = DISAGREEMENT_SHARE * len(known)
    below = sum(v < middle for v in known)
    above = sum(v > middle for v in known)
    disagree = len(known) > 1 and below >= least and above >= least
    return Spread(len(known), statistics.median(known), known[0], known[-1], disagree)


def _integer(value: Any, bounds: tuple[int, int], name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RoomError(f"bad_{name}")
    if not bounds[0] <= value <= bounds[1]:
        raise RoomError(f"bad_{name}")
    return value


class Room:
    """One session: tokens, participants, what is opened, answers, proposals and votes."""

    def __init__(self, stakeholders: Mapping[str, tuple[str, str]], kinds: Mapping[str, str]):
        """``stakeholders`` maps id to (name, category name) and ``kinds`` id to name:
        the Partner-level view of the map that participants may see once opened."""
        self.token = secrets.token_urlsafe(16)
        self.code = f"{secrets.randbelow(10**6):06d}"
        self._lock = threading.Lock()
        self._stakeholders = dict(stakeholders)
        self._kinds = dict(kinds)
        self._participants: dict[str, Participant] = {}
        self._by_token: dict[str, Participant] = {}
        self._opened: tuple[str, ...] = ()
        self._proposals: dict[str, Proposal] = {}
        self._revealed = False
        self._failed_codes: dict[str, list[float]] = {}
        #: Grows on every change, so the window redraws only when something happened.
        self.version = 0

    # -- facilitator ---------------------------------------------------------------------
    def open(self, ids: Iterable[str]) -> None:
        """Show these stakeholders to the room (one, or a batch), in this order."""
        with self._lock:
            self._opened = tuple(i for i in dict.fromkeys(ids) if i in self._stakeholders)
            self.version += 1

    def reveal(self, shown: bool) -> None:
        """Show (or hide again) the group's medians on every participant's page."""
        with self._lock:
            self._revealed = shown
            self.version += 1

    def decide(self, proposal_id: str, accepted: bool) -> Proposal:
        """Mark a proposal accepted or rejected; the window adds an accepted tie itself."""
        with self._lock:
            old = self._proposals[proposal_id]
            new = Proposal(**{**old.__dict__, "status": "accepted" if accepted else "rejected"})
            self._proposals[proposal_id] = new
            self.version += 1
            return new

    def erase(self, participant_id: str) -> None:
        """Forget a participant: their ratings, votes and waiting proposals."""
        with self._lock:
            gone = self._participants.pop(participant_id, None)
            if gone is not None:
                self._by_token.pop(gone.token, None)
            self._proposals = {
                k: p for k, p in self._proposals.items() if p.participant != participant_id
            }
            self.version += 1

    @property
    def opened(self) -> tuple[str, ...]:
        with self._lock:
            return self._opened

    def participants(self) -> list[tuple[str, str]]:
        """(id, nickname) of everyone who joined, in the order they joined."""
        with self._lock:
            return [(p.id, p.nickname) for p in self._participants.values()]

    def answer_count(self) -> int:
        """How many stakeholder ratings the room has sent."""
        with self._lock:
            return sum(len(p.ratings) for p in self._participants.values())

    def ratings(self, stakeholder_id: str, name: str) -> list[int | None]:
        """Every participant's value of field ``name`` for one stakeholder."""
        with self._lock:
            return [
                p.ratings[stakeholder_id].get(name)
                for p in self._participants.values()
                if stakeholder_id in p.ratings
            ]

    def spreads(self, stakeholder_id: str) -> dict[str, Spread]:
        """The room's spread of each rated field of one stakeholder."""
        return {
            name: spread(self.ratings(stakeholder_id, name), bounds)
            for name, bounds in ANSWER_FIELDS.items()
        }

    def perspectives(self) -> list[tuple[str, dict[str, dict[str, int | None]]]]:
        """Each participant's nickname (empty if anonymous) and ratings, to keep in the map."""
        with self._lock:
            return [
                (p.nickname, {sid: dict(r) for sid, r in p.ratings.items()})
                for p in self._participants.values()
                if p.ratings
            ]

    def votes(self) -> dict[str, int]:
        """Dots per stakeholder, summed over the room."""
        with self._lock:
            total: dict[str, int] = {}
            for p in self._participants.values():
                for sid, dots in p.votes.items():
                    total[sid] = total.get(sid, 0) + dots
            return total

    def proposals(self, status: str = "waiting") -> list[Proposal]:
        with self._lock:
            return [p for p in self._proposals.values() if p.status == status]

    # -- participants --------------------------------------------------------------------
    def join(self, credential: Any, nickname: Any, address: str) -> Participant:
        """Admit a device that shows the room token or code; a wrong code counts against
        its address, which must wait after :data:`CODE_TRIES` misses."""
        if not isinstance(nickname, str) or len(nickname) > NICKNAME_LENGTH:
            raise RoomError("bad_nickname")
        nickname = " ".join(nickname.split())
        if any(not ch.isprintable() for ch in nickname):
            raise RoomError("bad_nickname")
        if not isinstance(credential, str) or len(credential) > 64:
            raise RoomError("bad_room", 403)
        now = time.monotonic()
        with self._lock:
            misses = [t for t in self._failed_codes.get(address, []) if now - t < CODE_WAIT_S]
            if len(misses) >= CODE_TRIES:
                raise RoomError("too_many_tries", 429)
            if not (
                secrets.compare_digest(credential, self.token)
                or secrets.compare_digest(credential, self.code)
            ):
                self._failed_codes[address] = [*misses, now]
                raise RoomError("bad_room", 403)
            if len(self._participants) >= MAX_PARTICIPANTS:
                raise RoomError("room_full", 403)
            participant = Participant(secrets.token_hex(6), secrets.token_urlsafe(32), nickname)
            self._participants[participant.id] = participant
            self._by_token[participant.token] = participant
            self.version += 1
            return participant

    def _device(self, token: Any, sequence: Any) -> Participant:
        """The participant behind ``token``, after checking the request is a new one."""
        if not isinstance(token, str):
            raise RoomError("bad_token", 401)
        participant = self._by_token.get(token)
        if participant is None:
            raise RoomError("bad_token", 401)
        if sequence is not None:
            if isinstance(sequence, bool) or not isinstance(sequence, int):
                raise RoomError("bad_sequence")
            if sequence <= participant.last_sequence:
                raise RoomError("replayed", 409)
        return participant

    def _accept(self, participant: Participant, sequence: int) -> None:
        participant.last_sequence = sequence
        self.version += 1

    def _opened_id(self, value: Any) -> str:
        if not isinstance(value, str) or value not in self._opened:
            raise RoomError("unknown_stakeholder", 404)
        return value

    def view(self, token: Any) -> dict[str, Any]:
        """What one participant's page shows: the opened stakeholders (name and category),
        the kinds of tie, their own answers and votes, and the medians once revealed."""
        with self._lock:
            me = self._device(token, None)
            shown = [
                {"id": i, "name": self._stakeholders[i][0], "category": self._stakeholders[i][1]}
                for i in self._opened
            ]
            result: dict[str, Any] = {
                "nickname": me.nickname,
                "sequence": me.last_sequence,
                "stakeholders": shown,
                "kinds": [{"id": k, "name": n} for k, n in self._kinds.items()],
                "ratings": {i: me.ratings[i] for i in self._opened if i in me.ratings},
                "votes": {i: me.votes.get(i, 0) for i in self._opened},
                "dots": DOTS,
                "revealed": None,
            }
        if self._revealed:
            result["revealed"] = {
                i: {name: s.median for name, s in self.spreads(i).items()} for i in self._opened
            }
        return result

    def rate(self, token: Any, sequence: Any, body: Mapping[str, Any]) -> None:
        """Keep one participant's ratings of one opened stakeholder (replacing earlier ones)."""
        with self._lock:
            me = self._device(token, sequence)
            sid = self._opened_id(body.get("stakeholder"))
            values: dict[str, int | None] = {}
            for name, bounds in ANSWER_FIELDS.items():
                value = body.get(name)
                values[name] = None if value is None else _integer(value, bounds, name)
            me.ratings[sid] = values
            self._accept(me, sequence)

    def propose(self, token: Any, sequence: Any, body: Mapping[str, Any]) -> Proposal:
        """Queue a relationship between two opened stakeholders for the facilitator."""
        with self._lock:
            me = self._device(token, sequence)
            source = self._opened_id(body.get("source"))
            target = self._opened_id(body.get("target"))
            if source == target:
                raise RoomError("same_stakeholder")
            kind = body.get("kind")
            if not isinstance(kind, str) or kind not in self._kinds:
                raise RoomError("unknown_kind", 404)
            strength = _integer(body.get("strength"), (1, 5), "strength")
            mine = sum(p.participant == me.id for p in self._proposals.values())
            if mine >= MAX_PROPOSALS_EACH:
                raise RoomError("too_many_proposals", 429)
            proposal = Proposal(secrets.token_hex(6), me.id, source, target, kind, strength)
            self._proposals[proposal.id] = proposal
            self._accept(me, sequence)
            return proposal

    def vote(self, token: Any, sequence: Any, body: Mapping[str, Any]) -> None:
        """Set how many of their dots a participant puts on one opened stakeholder."""
        with self._lock:
            me = self._device(token, sequence)
            sid = self._opened_id(body.get("stakeholder"))
            dots = _integer(body.get("dots"), (0, DOTS), "dots")
            others = sum(n for k, n in me.votes.items() if k != sid)
            if others + dots > DOTS:
                raise RoomError("no_dots_left")
            me.votes[sid] = dots
            self._accept(me, sequence)
