"""igraph's random numbers drawn from a seeded generator: reproducible results.

igraph draws random numbers from one process-wide generator, so a call that must give
the same result for the same seed swaps in a seeded one for its duration, one call at a
time (community detection, layouts).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import igraph as ig

__all__ = ["seeded_igraph"]

_RANDOM_LOCK = threading.Lock()


@contextmanager
def seeded_igraph(seed: int) -> Iterator[None]:
    """Run the body with igraph drawing from ``random.Random(seed)``; one body at a time."""
    with _RANDOM_LOCK:
        ig.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            ig.set_random_number_generator(random)
