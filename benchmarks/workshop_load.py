"""Forty workshop participants rate at once from async clients on 127.0.0.1.

Each joins the room, then rates every opened stakeholder as fast as the server answers;
all forty start together. Prints the response times (median, p95, max) against the
100 ms target and checks that every rating arrived exactly once with the values sent.
Run: .venv/bin/python benchmarks/workshop_load.py
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time

import aiohttp

from stakeholder_mapper.workshop.room import Room
from stakeholder_mapper.workshop.server import RoomServer

PARTICIPANTS = 40
STAKEHOLDERS = 10
TARGET_P95_MS = 100.0


async def participant(
    session: aiohttp.ClientSession, base: str, code: str, n: int, start: asyncio.Event
) -> tuple[list[float], dict[str, dict[str, int]], str]:
    async with session.post(f"{base}api/join", json={"room": code, "nickname": f"P{n}"}) as r:
        token = (await r.json())["device"]
    headers = {"Authorization": f"Bearer {token}"}
    rng = random.Random(n)
    sent: dict[str, dict[str, int]] = {}
    times: list[float] = []
    await start.wait()
    for seq, sid in enumerate((f"s{i}" for i in range(STAKEHOLDERS)), start=1):
        values = {
            "power": rng.randint(1, 5),
            "interest": rng.randint(1, 5),
            "position": rng.randint(-2, 2),
            "influence": rng.randint(0, 10),
        }
        began = time.perf_counter()
        body = {"sequence": seq, "stakeholder": sid, **values}
        async with session.post(f"{base}api/rate", json=body, headers=headers) as r:
            assert r.status == 200, await r.text()
        times.append((time.perf_counter() - began) * 1000)
        sent[sid] = values
    return times, sent, f"P{n}"


async def run(base: str, code: str) -> list[tuple[list[float], dict, str]]:
    start = asyncio.Event()
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = [
            asyncio.create_task(participant(session, base, code, n, start))
            for n in range(PARTICIPANTS)
        ]
        await asyncio.sleep(0.5)
        start.set()
        return await asyncio.gather(*tasks)


def main() -> None:
    names = {f"s{i}": (f"Stakeholder {i}", "Civil society") for i in range(STAKEHOLDERS)}
    room = Room(names, {"influence": "Influence"})
    room.open(names)
    server = RoomServer(room, "127.0.0.1")
    server.start()
    try:
        results = asyncio.run(run(server.address, room.code))
    finally:
        server.stop()
    times = sorted(t for result in results for t in result[0])
    p95 = times[int(len(times) * 0.95) - 1]
    kept = dict(room.perspectives())
    lost = doubled = wrong = 0
    for _times, sent, name in results:
        mine = kept.get(name, {})
        lost += len(set(sent) - set(mine))
        wrong += sum(mine[sid] != values for sid, values in sent.items() if sid in mine)
    doubled = room.answer_count() - PARTICIPANTS * STAKEHOLDERS
    print(f"{PARTICIPANTS} participants x {STAKEHOLDERS} ratings = {len(times)} requests")
    print(
        f"response time ms: median {statistics.median(times):.1f}, p95 {p95:.1f}, "
        f"max {times[-1]:.1f} (target p95 < {TARGET_P95_MS:.0f}: ratio {p95 / TARGET_P95_MS:.2f})"
    )
    print(f"ratings kept {room.answer_count()}: lost {lost}, doubled {doubled}, wrong {wrong}")
    if lost or doubled or wrong:
        raise SystemExit("Ratings were lost, doubled or changed.")


if __name__ == "__main__":
    main()
