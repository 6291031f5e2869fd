"""The plan's figures drawn in worker processes while the rest of the plan is written.

A large map's plan has an overview, a dozen coalition drawings and the power–interest
grid: about two thirds of the time to write the plan. Matplotlib holds the interpreter
lock while it draws, so threads would not help; two worker processes draw the figures
side by side while this process writes the other sections, and each section that shows
a figure waits for it (a :class:`~concurrent.futures.Future`). Workers come from the
analysis's fork server (:func:`~...analysis.processes.process_context`), which has
matplotlib loaded, so each starts in milliseconds rather than the second a fresh
interpreter needs to import it; they start before the map is analysed, so that the
fork server's own start (seconds, once per session, when the app has not started it for
the metrics yet) is spent while this process works. A plan with few figures draws them
here: starting workers would cost more than it saves. Each drawing is made in the
language the plan is written in (:func:`~...core.i18n.speaking` in the worker too: a
context variable does not cross to another process). No Qt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from types import TracebackType
from typing import ParamSpec

from ...analysis.processes import exit_with_parent, process_context
from ...core.i18n import language, speaking

__all__ = ["WORKERS", "DrawingJobs"]

#: Worker processes that draw a large plan's figures, at most (one per core).
WORKERS = 2

_P = ParamSpec("_P")


def _draw_speaking(code: str, draw: Callable[..., bytes], *args: object, **kwargs: object) -> bytes:
    """``draw`` with its labels, legends and axis titles in the language ``code``."""
    with speaking(code):
        return draw(*args, **kwargs)


def _workers() -> int:
    """How many processes to draw in: none (draw here) on one core or in a frozen
    (bundled) app, whose every worker would be a fresh start of its executable."""
    if getattr(sys, "frozen", False):
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not offered on macOS and Windows
        cores = os.cpu_count() or 1
    return min(WORKERS, cores) if cores > 1 else 0


class DrawingJobs:
    """Figures being drawn, in worker processes or here.

    Use it as a context manager: on leaving, the workers stop (after the drawings still
    wanted, or at once when an error ends the plan).
    """

    def __init__(self, many: bool) -> None:
        """Ready to draw; for ``many`` figures the workers start now, so that they are
        ready (and the fork server up, the first time) by the time the map is analysed."""
        workers = _workers() if many else 0
        self._pool: Executor | None = None
        if workers:
            self._pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=process_context(), initializer=exit_with_parent
            )
            for _worker in range(workers):  # each submission while none is idle starts one
                self._pool.submit(int)

    @property
    def in_workers(self) -> bool:
        """Whether the figures are drawn in worker processes."""
        return self._pool is not None

    def submit(
        self, draw: Callable[_P, bytes], *args: _P.args, **kwargs: _P.kwargs
    ) -> Future[bytes]:
        """Start drawing (here, at once, without workers), in the language of the moment;
        the PNG comes from the future."""
        if self._pool is not None:
            return self._pool.submit(_draw_speaking, language(), draw, *args, **kwargs)
        done: Future[bytes] = Future()
        done.set_result(draw(*args, **kwargs))
        return done

    def __enter__(self) -> DrawingJobs:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=kind is None, cancel_futures=kind is not None)
