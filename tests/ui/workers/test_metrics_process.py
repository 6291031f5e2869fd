"""Large maps' metrics are computed in a separate process, so the window never freezes."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal

import pandas as pd
import pytest

from stakeholder_mapper.analysis import metrics_process
from stakeholder_mapper.analysis.metrics import compute_metrics
from stakeholder_mapper.analysis.readings import map_findings, stakeholder_readings
from stakeholder_mapper.core.commands import AddRelationship
from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.ui.document import MapDocument
from stakeholder_mapper.ui.workers import metrics_runner
from stakeholder_mapper.ui.workers.metrics_runner import MetricsRunner

from ..conftest import open_window

#: Stakeholders of the test map: above the threshold the tests set, small enough to be quick.
SIZE = 60


def _map(n: int = SIZE, m: int = 4 * SIZE) -> StakeholderMap:
    rng = random.Random(12)
    smap = StakeholderMap()
    categories = list(smap.categories)
    for i in range(n):
        smap.stakeholders[f"s{i}"] = Stakeholder(
            f"s{i}", f"Actor {i}", rng.choice(categories), power=rng.randint(1, 5)
        )
    for j in range(m):
        a, b = rng.sample(range(n), 2)
        kind = rng.choice(["trust", "influence"])
        smap.relationships[f"r{j}"] = Relationship(
            f"r{j}", f"s{a}", f"s{b}", kind, strength=rng.randint(1, 5)
        )
    return smap


@pytest.fixture
def processes(monkeypatch) -> list[metrics_process.MetricsProcess]:
    """The metrics processes started; maps above 20 stakeholders use one.

    Also makes the test fail if this process computes an analysis itself.
    """
    monkeypatch.setattr(metrics_runner, "PROCESS_ABOVE", 20)
    started: list[metrics_process.MetricsProcess] = []

    class Recorded(metrics_process.MetricsProcess):
        def __init__(self, smap: StakeholderMap) -> None:
            super().__init__(smap)
            started.append(self)

    def not_here(*args, **kwargs):
        raise AssertionError("a large map was analysed in the app's own process")

    monkeypatch.setattr(metrics_process, "MetricsProcess", Recorded)
    monkeypatch.setattr(metrics_process, "analyse", not_here)
    return started


def _assert_same_analysis(result: metrics_runner.MetricsResult, smap: StakeholderMap) -> None:
    expected = compute_metrics(smap)
    pd.testing.assert_frame_equal(result.metrics, expected)
    assert result.metrics.attrs == expected.attrs
    assert result.readings == stakeholder_readings(smap, expected)
    assert result.findings == map_findings(smap, expected)


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_large_maps_metrics_come_from_another_process_with_the_same_numbers(
    qtbot, settings, processes
) -> None:
    smap = _map()
    window = open_window(qtbot, smap.copy(), settings)
    runner = window.metrics
    qtbot.waitUntil(lambda: runner.result is not None and not runner.running, timeout=60000)
    assert processes and os.getpid() not in {run.pid for run in processes}
    assert all(_gone(run.pid) for run in processes), "the metrics process ends with its run"
    _assert_same_analysis(runner.result, smap)
    panel = window.metrics_panel
    assert panel.model.rowCount() == SIZE
    shown = panel.model.table["betweenness"]
    pd.testing.assert_series_equal(shown, compute_metrics(smap)["betweenness"])
    assert panel.status.text().startswith("Up to date")


def test_a_run_superseded_by_an_edit_is_ended_and_its_result_dropped(qtbot, processes) -> None:
    document = MapDocument(_map())
    runner = MetricsRunner(document)
    delivered = []
    runner.finished.connect(delivered.append)
    runner.run_now()
    tie = Relationship("new", "s0", "s1", "trust", strength=5)
    document.push(AddRelationship(document.smap, tie))
    qtbot.waitUntil(lambda: bool(delivered) and not runner.running, timeout=60000)
    assert len(processes) == 2 and all(_gone(run.pid) for run in processes)
    assert len(delivered) == 1 and not runner.stale
    _assert_same_analysis(delivered[0], document.smap)


def test_cancelling_ends_the_metrics_process(qtbot, processes) -> None:
    runner = MetricsRunner(MapDocument(_map(600, 2400)))
    with qtbot.waitSignal(runner.failed, timeout=60000) as failed:
        runner.run_now()
        qtbot.waitUntil(lambda: bool(processes), timeout=60000)
        runner.cancel()
    assert "cancelled" in failed.args[0]
    runner.wait()
    assert processes[0].exitcode == -signal.SIGTERM, "stopped, not left to finish"
    assert _gone(processes[0].pid) and runner.stale and runner.result is None


class _NoProcesses:
    """A start method on a system that refuses new processes."""

    def Pipe(self):
        return multiprocessing.Pipe()

    def Process(self, *args, **kwargs):
        raise OSError("Resource temporarily unavailable")


def test_when_no_process_can_start_the_metrics_are_computed_in_the_app(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(metrics_runner, "PROCESS_ABOVE", 20)
    monkeypatch.setattr(metrics_process, "process_context", _NoProcesses)
    computed_in: list[int] = []
    analyse = metrics_process.analyse

    def recorded(*args, **kwargs):
        computed_in.append(os.getpid())
        return analyse(*args, **kwargs)

    monkeypatch.setattr(metrics_process, "analyse", recorded)
    smap = _map()
    runner = MetricsRunner(MapDocument(smap.copy()))
    failures = []
    runner.failed.connect(failures.append)
    with qtbot.waitSignal(runner.finished, timeout=60000):
        runner.run_now()
    assert computed_in == [os.getpid()] and not failures
    _assert_same_analysis(runner.result, smap)
