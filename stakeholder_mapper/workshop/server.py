"""The room's web server: aiohttp on its own thread and event loop, on a private address.

aiohttp is chosen because one asyncio loop serves 40 phones polling and sending at once
without a thread each, it limits request bodies itself (``client_max_size``), it is
actively maintained, and the same library gives the load test its async clients. The
server writes no access log: nothing a participant sends (names of stakeholders) or their
device token ends up in a log, and no stakeholder data ever travels in a URL.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from ..paths import WORKSHOP_PAGE_DIR
from .page_messages import page_messages
from .room import Room, RoomError

__all__ = ["ADDRESS_BURST", "MAX_BODY", "RATE_BURST", "RATE_PER_S", "RoomServer", "is_private"]

#: Largest request body accepted, in bytes: a rating is about 120.
MAX_BODY = 4096
#: Requests one device may make in a burst, then per second.
RATE_BURST = 30
RATE_PER_S = 10.0
#: The same for requests without a device token (the page, its words, joining), per
#: address: more, since several phones may share one address behind a router.
ADDRESS_BURST = 120
ADDRESS_PER_S = 20.0
#: The page's files, by the name the page asks for, with their type.
_FILES = {
    "": ("index.html", "text/html"),
    "page.js": ("page.js", "text/javascript"),
    "page.css": ("page.css", "text/css"),
}
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_private(host: str) -> bool:
    """Whether ``host`` is a private-network or loopback address (never a public one)."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if address.is_unspecified or address.is_link_local or address.is_multicast:
        return False
    return address.is_loopback or address.is_private


def _error(code: str, status: int) -> web.Response:
    return web.json_response({"error": code}, status=status, headers=_HEADERS)


class _Buckets:
    """A token bucket per key: ``burst`` requests at once, then ``per_s`` a second."""

    def __init__(self, burst: int, per_s: float) -> None:
        self._buckets: dict[str, tuple[float, float]] = {}
        self.burst, self.per_s = float(burst), per_s

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        level, last = self._buckets.get(key, (self.burst, now))
        level = min(self.burst, level + (now - last) * self.per_s)
        if level < 1:
            self._buckets[key] = (level, now)
            return False
        self._buckets[key] = (level - 1, now)
        return True


class RoomServer:
    """Serves one :class:`Room` on ``host`` until :meth:`stop`."""

    def __init__(self, room: Room, host: str, port: int = 0) -> None:
        if not is_private(host):
            raise ValueError(f"{host} is not a private-network address.")
        self.room = room
        self.host = host
        self.port = port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._devices = _Buckets(RATE_BURST, RATE_PER_S)
        self._addresses = _Buckets(ADDRESS_BURST, ADDRESS_PER_S)

    @property
    def address(self) -> str:
        """The short address participants type: ``http://192.168.1.20:8765/``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def invitation(self) -> str:
        """The QR code's link: the address with the room token after ``#``, which a browser
        never sends to a server, so the token is in no request line or log."""
        return f"{self.address}#{self.room.token}"

    def start(self) -> None:
        """Listen (on a free port if none was given) and serve on a background thread."""
        ready = threading.Event()
        failure: list[BaseException] = []
        loop = self._loop = asyncio.new_event_loop()

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._open())
            except BaseException as exc:  # reported to the caller of start()
                failure.append(exc)
            ready.set()
            if not failure:
                loop.run_forever()
            loop.run_until_complete(self._close())
            loop.close()

        self._thread = threading.Thread(target=run, name="workshop-room", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            self._thread.join(timeout=10)
            self._thread = None
            raise failure[0]

    def stop(self) -> None:
        """Stop serving and free the port; participants' pages show they are offline."""
        if self._thread is None or self._loop is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    async def _open(self) -> None:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        app.router.add_get("/", self._page)
        app.router.add_get("/{name:page\\.(js|css)}", self._page)
        app.router.add_get("/api/messages/{lang}", self._messages)
        app.router.add_post("/api/join", self._join)
        app.router.add_get("/api/state", self._state)
        app.router.add_post("/api/rate", self._action)
        app.router.add_post("/api/propose", self._action)
        app.router.add_post("/api/vote", self._action)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, backlog=256)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def _close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Refuse peers outside private networks, floods and oversize or unknown requests,
        each with a short code the page turns into a sentence."""
        if not is_private(request.remote or ""):
            return _error("forbidden", 403)
        device = request.headers.get("Authorization", "")
        buckets = self._devices if device else self._addresses
        if not buckets.allow(device or request.remote or ""):
            return _error("too_many_requests", 429)
        if (request.content_length or 0) > MAX_BODY:
            return _error("too_large", 413)
        try:
            response = await handler(request)
        except web.HTTPRequestEntityTooLarge:
            return _error("too_large", 413)
        except web.HTTPNotFound:
            return _error("not_found", 404)
        except web.HTTPMethodNotAllowed:
            return _error("not_found", 405)
        except RoomError as exc:
            return _error(exc.code, exc.status)
        for name, value in _HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    async def _page(self, request: web.Request) -> web.Response:
        name, content_type = _FILES[request.match_info.get("name", "")]
        body = (WORKSHOP_PAGE_DIR / name).read_bytes()
        return web.Response(body=body, content_type=content_type, charset="utf-8")

    async def _messages(self, request: web.Request) -> web.Response:
        return web.json_response(page_messages(request.match_info["lang"]))

    @staticmethod
    async def _body(request: web.Request) -> dict[str, Any]:
        try:
            body = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError):
            raise RoomError("bad_json") from None
        if not isinstance(body, dict):
            raise RoomError("bad_json")
        return body

    @staticmethod
    def _token(request: web.Request) -> str | None:
        scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
        return token if scheme == "Bearer" and token else None

    async def _join(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        participant = self.room.join(
            body.get("room"), body.get("nickname", ""), request.remote or ""
        )
        return web.json_response({"device": participant.token, "nickname": participant.nickname})

    async def _state(self, request: web.Request) -> web.Response:
        return web.json_response(self.room.view(self._token(request)))

    async def _action(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        token, sequence = self._token(request), body.get("sequence")
        if sequence is None:
            raise RoomError("bad_sequence")
        what = request.path.rsplit("/", 1)[-1]
        if what == "rate":
            self.room.rate(token, sequence, body)
        elif what == "propose":
            self.room.propose(token, sequence, body)
        else:
            self.room.vote(token, sequence, body)
        return web.json_response({"ok": True, "sequence": sequence})
