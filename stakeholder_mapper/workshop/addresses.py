"""The computer's private-network addresses, for the facilitator to pick the room's network.

psutil lists every interface's addresses on Windows, macOS and Linux alike; the standard
library can only guess one address from the host name.
"""

from __future__ import annotations

import socket

import psutil

from .server import is_private

__all__ = ["private_addresses"]


def private_addresses() -> list[tuple[str, str]]:
    """(interface name, IPv4 address) of each private-network interface that is up, the
    loopback last: public addresses are never offered, so the room is not on the internet."""
    stats = psutil.net_if_stats()
    found: list[tuple[str, str]] = []
    for name, addresses in psutil.net_if_addrs().items():
        if name in stats and not stats[name].isup:
            continue
        for address in addresses:
            if address.family == socket.AF_INET and is_private(address.address):
                found.append((name, address.address))
    return sorted(found, key=lambda item: (item[1].startswith("127."), item[0]))
