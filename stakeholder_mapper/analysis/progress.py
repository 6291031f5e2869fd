"""Reporting progress and honouring cancellation in long computations."""

from __future__ import annotations

__all__ = ["Cancelled"]


class Cancelled(Exception):  # noqa: N818 - the name reads as what happened, like asyncio's
    """The user cancelled the computation before it finished; no result is given."""
