"""Betweenness worker processes: when they are used, falling back, and not outliving the app."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import Future
from pathlib import Path

import igraph as ig
import numpy as np
import pytest

from stakeholder_mapper.analysis import Cancelled, centrality
from stakeholder_mapper.analysis.centrality import betweenness_arrays, start_betweenness

SOURCE_ROOT = str(Path(centrality.__file__).resolve().parents[2])


@pytest.fixture
def graph() -> ig.Graph:
    return ig.Graph.Erdos_Renyi(n=60, m=180, directed=True)


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Two cores; the returned list holds the one-minute load average to report."""
    load = [0.0]
    monkeypatch.setattr(centrality.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(centrality.os, "getloadavg", lambda: (load[0], load[0], load[0]))
    monkeypatch.delattr(sys, "frozen", raising=False)
    return load


@pytest.mark.parametrize(("load", "processes"), [(0.0, 2), (0.9, 2), (1.0, 2), (1.1, 1), (2.5, 1)])
def test_workers_are_used_when_the_load_leaves_a_core_free(two_cores, load, processes):
    two_cores[0] = load
    assert centrality._processes() == processes


def test_a_frozen_app_counts_in_its_own_process(two_cores, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert centrality._processes() == 1


class _Pool:
    """Stands in for the process pool: ``submit`` runs ``outcome(function, args)``."""

    def __init__(self, outcome, **options) -> None:
        self.outcome = outcome
        self._processes: dict[int, object] = {}

    def submit(self, function, *args) -> Future:
        future: Future = Future()
        self.outcome(future, function, args)
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def _counted_here(graph: ig.Graph, monkeypatch) -> np.ndarray:
    """Betweenness in the same slices as the workers get, counted in this process."""
    monkeypatch.setattr(centrality, "_processes", lambda: 1)
    return betweenness_arrays(graph, None, sliced_above=4, parallel_above=4)


def _use_pool(monkeypatch, outcome) -> None:
    monkeypatch.setattr(centrality, "_processes", lambda: 2)
    monkeypatch.setattr(
        centrality, "ProcessPoolExecutor", lambda **options: _Pool(outcome, **options)
    )


def test_workers_that_cannot_start_leave_the_counting_to_this_process(graph, monkeypatch):
    expected = _counted_here(graph, monkeypatch)
    np.testing.assert_allclose(expected, betweenness_arrays(graph, None), rtol=1e-12)

    def fork_server_gone(future, function, args):
        raise EOFError("the fork server hung up")

    _use_pool(monkeypatch, fork_server_gone)
    job = start_betweenness(graph, None, sliced_above=4, parallel_above=4)
    assert not job.in_background
    seen: list[float] = []
    np.testing.assert_array_equal(job.result(progress=seen.append), expected)
    assert seen == sorted(seen) and seen[-1] == 1.0


def test_workers_that_fail_leave_the_rest_to_this_process(graph, monkeypatch):
    expected = _counted_here(graph, monkeypatch)
    calls = []

    def fail_after_five(future, function, args):
        calls.append(1)
        if len(calls) <= 5:
            future.set_result(function(*args))
        else:
            future.set_exception(RuntimeError("the worker could not import the app"))

    _use_pool(monkeypatch, fail_after_five)
    with start_betweenness(graph, None, sliced_above=4, parallel_above=4) as job:
        assert job.in_background
        np.testing.assert_array_equal(job.result(), expected)


def test_cancelling_while_workers_count_still_stops(graph, monkeypatch):
    _use_pool(monkeypatch, lambda future, function, args: future.set_result(function(*args)))

    def cancel(fraction: float) -> None:
        raise Cancelled("The metrics computation was cancelled.")

    with (
        start_betweenness(graph, None, sliced_above=4, parallel_above=4) as job,
        pytest.raises(Cancelled),
    ):
        job.result(progress=cancel)


def _run_script(tmp_path: Path, code: str, **options) -> subprocess.Popen:
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(code), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": SOURCE_ROOT}
    return subprocess.Popen(
        [sys.executable, str(script)], env=env, text=True, stdout=subprocess.PIPE, **options
    )


START_WORKERS = """
    import igraph as ig
    from stakeholder_mapper.analysis import centrality

    def start():
        centrality._processes = lambda: 2
        graph = ig.Graph.Ring(200, directed=True)
        return centrality.start_betweenness(graph, None, sliced_above=4, parallel_above=4)
"""


def test_the_fork_server_does_not_run_the_callers_main_script(tmp_path):
    # As with any multiprocessing use, each worker imports the main script (hence the
    # main guard); the fork server, which outlives the job, must not run it.
    child = _run_script(
        tmp_path,
        START_WORKERS
        + """
    import os
    # One write per line: the workers write to the same pipe.
    os.write(1, f"main script ran in {os.getpid()}\\n".encode())
    if __name__ == "__main__":
        with start() as job:
            os.write(1, f"workers {' '.join(map(str, job._pool._processes))}\\n".encode())
            os.write(1, f"sum {job.result(normalized=False).sum()}\\n".encode())
    """,
    )
    output, _ = child.communicate(timeout=60)
    assert child.returncode == 0
    lines = output.splitlines()
    workers = next(line.split()[1:] for line in lines if line.startswith("workers"))
    ran_in = {line.split()[-1] for line in lines if line.startswith("main script ran")}
    assert ran_in <= {str(child.pid), *workers}
    # 200 stakeholders in a one-way ring: routes of lengths 2 to 199 from each start.
    assert lines[-1] == f"sum {200 * 199 * 198 / 2}"


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def test_workers_stop_when_the_app_is_killed(tmp_path):
    child = _run_script(
        tmp_path,
        START_WORKERS
        + """
    import sys
    if __name__ == "__main__":
        job = start()
        print(*job._pool._processes, flush=True)
        sys.stdin.read()  # wait here until killed
    """,
        stdin=subprocess.PIPE,
    )
    try:
        workers = [int(pid) for pid in child.stdout.readline().split()]
        assert len(workers) == 2 and all(_running(pid) for pid in workers)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=120)
        child.stdin.close()
        child.stdout.close()
    deadline = time.monotonic() + 120  # returns as soon as they have gone
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(pid) for pid in workers), "worker processes outlived the app"
