"""A map's metrics, readings and findings, computed here or in a separate process.

igraph, pandas and numpy hold Python's global lock for up to seconds at a time, so in a
thread of the desktop app they keep the window from answering. :class:`MetricsProcess`
runs :func:`analyse` in a process of its own instead: the map goes in as chunks of
records, each pickled on its own so the sending thread lets others run in between;
progress comes back as messages; the result comes back as one pickled tuple. The
process imports no Qt and ends with the app (:func:`.processes.exit_with_parent`).

Example::

    >>> from stakeholder_mapper.core.model import StakeholderMap
    >>> metrics, readings, findings = analyse(StakeholderMap())
    >>> len(metrics)
    0
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable
from itertools import islice
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from ..core.i18n import language, speaking
from ..core.model import StakeholderMap
from .metrics import compute_metrics
from .processes import exit_with_parent, process_context
from .progress import Cancelled
from .readings import Reading, map_findings, stakeholder_readings

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Analysis", "MetricsProcess", "ProcessUnavailableError", "analyse"]

#: What a run gives: the metrics table, each stakeholder's reading, the map's findings.
Analysis = tuple["pd.DataFrame", dict[str, Reading], list[str]]

#: Records per message when the map is sent: pickling one chunk holds the lock ~10 ms.
CHUNK = 500
_LOST = "The metrics process ended without an answer."
#: How long the driving thread waits for a message before it checks for cancellation.
POLL_S = 0.05


def analyse(
    smap: StakeholderMap,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Analysis:
    """Metrics (:func:`.metrics.compute_metrics`), readings and findings of ``smap``.

    What the desktop app shows after each edit, computed in one go so that a worker
    thread or process hands it back whole. ``progress`` and ``cancelled`` are passed to
    :func:`.metrics.compute_metrics`; :class:`.progress.Cancelled` is raised when
    ``cancelled()`` turns true.
    """
    metrics = compute_metrics(smap, progress=progress, cancelled=cancelled)
    if cancelled is not None and cancelled():
        raise Cancelled("The metrics computation was cancelled.")
    return metrics, stakeholder_readings(smap, metrics), map_findings(smap, metrics)


class ProcessUnavailableError(RuntimeError):
    """The separate process could not start, or ended without an answer."""


def _chunks(items: Iterable[Any]) -> Iterable[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def _send_map(connection: Connection, smap: StakeholderMap) -> None:
    """Send what the analysis reads of ``smap`` (not positions, snapshots or plan settings)."""
    connection.send((smap.info, smap.categories, smap.kinds))
    for records in (smap.stakeholders, smap.relationships):
        connection.send(len(records))
        for chunk in _chunks(records.items()):
            connection.send(chunk)


def _receive_map(connection: Connection) -> StakeholderMap:
    info, categories, kinds = connection.recv()
    smap = StakeholderMap(info)
    smap.categories, smap.kinds = categories, kinds
    for records in (smap.stakeholders, smap.relationships):
        count = connection.recv()
        while len(records) < count:
            records.update(connection.recv())
    return smap


def _serve(connection: Connection, code: str) -> None:
    """The separate process: receive a map, send progress and then the analysis or error,
    its readings and findings in the language ``code`` of the process that asked."""
    exit_with_parent()
    try:
        smap = _receive_map(connection)
        with speaking(code):
            analysis = analyse(smap, lambda fraction: connection.send(("progress", fraction)))
        answer = ("done", analysis)
    except Exception as exc:  # the app shows it as a sentence, as from its own thread
        answer = ("error", exc)
    try:
        connection.send(answer)
    except (pickle.PicklingError, TypeError, AttributeError):
        connection.send(("error", RuntimeError(str(answer[1]))))
    connection.close()


class MetricsProcess:
    """:func:`analyse` running in a separate process, driven by one thread of the caller.

    Starting sends the map; :meth:`result` waits for the answer. Raises
    :class:`ProcessUnavailableError` when the process cannot start or dies without an
    answer, so the caller can compute in its own process instead.
    """

    def __init__(self, smap: StakeholderMap) -> None:
        context = process_context()
        try:
            self._connection, child = context.Pipe()
            self._process = context.Process(
                target=_serve, args=(child, language()), name="stakeholder-mapper metrics"
            )
            self._process.start()
        except Exception as exc:  # no process allowed, no fork server, no resources
            raise ProcessUnavailableError(str(exc)) from exc
        child.close()
        try:
            _send_map(self._connection, smap)
        except OSError as exc:  # the process died before it read the map
            self.stop()
            raise ProcessUnavailableError(str(exc)) from exc

    @property
    def pid(self) -> int | None:
        """The process's id (tests check the work is done elsewhere)."""
        return self._process.pid

    @property
    def exitcode(self) -> int | None:
        """None while the process runs; 0 when it answered; negative when it was stopped."""
        return self._process.exitcode

    def result(
        self,
        progress: Callable[[float], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Analysis:
        """Wait for the analysis, calling ``progress(fraction)`` as the process reports.

        When ``cancelled()`` turns true the process is stopped and
        :class:`.progress.Cancelled` raised. An error in the analysis is raised here.
        """
        try:
            while True:
                if cancelled is not None and cancelled():
                    raise Cancelled("The metrics computation was cancelled.")
                if not self._connection.poll(POLL_S):
                    if not self._process.is_alive() and not self._connection.poll(0):
                        raise ProcessUnavailableError(_LOST)
                    continue
                try:
                    kind, value = self._connection.recv()
                except (EOFError, OSError) as exc:
                    raise ProcessUnavailableError(_LOST) from exc
                if kind == "progress":
                    if progress is not None:
                        progress(value)
                elif kind == "error":
                    raise value
                else:
                    return value
        finally:
            self.stop()

    def stop(self) -> None:
        """End the process (its betweenness workers follow it) and free the pipe."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._connection.close()
