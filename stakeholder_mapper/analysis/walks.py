"""Two-step walks a -> b -> c enumerated in bounded batches of numpy arrays.

Brokerage (i -> j -> k) and Burt's measures (triangles i - q - j) both look at every
neighbour of a neighbour. Expanding them all at once takes memory in proportion to the
sum of squared degrees, which one very popular stakeholder can make huge; batches keep
it bounded while staying vectorised.

Example::

    >>> import numpy as np
    >>> first, degree = np.array([0, 2, 3]), np.array([2, 1, 0])  # successors of 0, 1, 2
    >>> [(a.tolist(), p.tolist()) for a, p in two_step_batches(first, degree, np.array([0, 1]))]
    [([0, 0, 1], [0, 1, 2])]
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

__all__ = ["BATCH_SIZE", "two_step_batches"]

#: Largest number of two-step walks expanded at once (an item with more comes alone).
BATCH_SIZE = 1 << 21


def two_step_batches(
    first: np.ndarray, degree: np.ndarray, heads: np.ndarray, batch_size: int | None = None
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """For each item ``a`` (an arc or half-edge) ending at node ``heads[a]``, every
    position of that node's successors, ``first[h] .. first[h] + degree[h] - 1``.

    Yields pairs ``(items, positions)`` of equal length, at most ``batch_size`` long
    (default :data:`BATCH_SIZE`; longer only when one item alone has more successors),
    covering every pair exactly once.
    """
    batch_size = BATCH_SIZE if batch_size is None else batch_size
    repeats = degree[heads]
    ends = np.cumsum(repeats)
    start = 0
    while start < len(heads):
        before = ends[start - 1] if start else 0
        stop = max(int(np.searchsorted(ends, before + batch_size, side="right")), start + 1)
        counts = repeats[start:stop]
        items = np.repeat(np.arange(start, stop), counts)
        offset = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        yield items, np.repeat(first[heads[start:stop]], counts) + offset
        start = stop
