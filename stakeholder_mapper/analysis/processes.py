"""How the analysis starts worker processes, and how those workers end with the app.

Shared by the betweenness workers (:mod:`.centrality`) and the process that computes a
whole map's metrics for the desktop app (:mod:`.metrics_process`): both need a start
method that is safe in a process with threads, quick, and that does not load Qt.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import sys
import threading
from multiprocessing.context import BaseContext

__all__ = ["exit_with_parent", "process_context"]

#: Loaded once by the fork server, so that each worker forked from it starts in
#: milliseconds: the metrics process's module brings the whole analysis (and no Qt);
#: matplotlib's Agg backend, half a second to import, is what the plan's figure workers
#: draw with (``io/plan/drawing_jobs.py``).
PRELOAD = [
    "stakeholder_mapper.analysis.metrics_process",
    "matplotlib.figure",
    "matplotlib.backends.backend_agg",
]


def exit_with_parent() -> None:
    """Stop this worker process as soon as the process that started it is gone.

    Run when a worker starts. If the app is killed mid-computation nothing tells the
    workers to stop, and they would wait for work forever (keeping the fork server and
    resource tracker alive); a daemon thread waits for the parent's end instead.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def wait_for_parent() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=wait_for_parent, name="exit with parent", daemon=True).start()


def process_context() -> BaseContext:
    """How worker processes start: forked from a server that has loaded the analysis.

    The server starts once per session and imports :data:`PRELOAD`, so a worker starts
    in milliseconds. Where there is no fork server (Windows), and in a frozen (bundled)
    app, whose executable acts as a worker once ``multiprocessing.freeze_support()``
    has run, a fresh interpreter is started per worker. Never a plain fork: the app has
    threads. The server does not load the caller's main script; each worker imports it,
    as with any start method but a plain fork, so a script needs a main guard.
    """
    frozen = getattr(sys, "frozen", False)
    if not frozen and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")
