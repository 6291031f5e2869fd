"""The separate metrics process: same numbers as here, ended on cancel, spawned when frozen."""

from __future__ import annotations

import os
import sys

import pandas as pd
import pytest

from stakeholder_mapper.analysis import Cancelled, processes
from stakeholder_mapper.analysis.metrics_process import MetricsProcess, analyse
from stakeholder_mapper.core.i18n import speaking
from stakeholder_mapper.core.model import MapInfo, Relationship, Stakeholder, StakeholderMap


@pytest.fixture
def city(small_map: StakeholderMap) -> StakeholderMap:
    """The small map with a distrust tie, a snapshot-free copy of what the analysis reads."""
    small_map.info = MapInfo(title="City")
    small_map.stakeholders["press"] = Stakeholder("press", "Daily paper", "media", power=4)
    small_map.relationships["r5"] = Relationship(
        "r5", "press", "mayor", "trust", strength=2, valence="negative"
    )
    return small_map


def test_the_process_gives_the_numbers_readings_and_findings_computed_here(city) -> None:
    run = MetricsProcess(city)
    reported: list[float] = []
    metrics, readings, findings = run.result(reported.append)
    assert run.pid != os.getpid()
    expected, expected_readings, expected_findings = analyse(city)
    pd.testing.assert_frame_equal(metrics, expected)
    assert metrics.attrs == expected.attrs
    assert (readings, findings) == (expected_readings, expected_findings)
    assert reported[-1] == 1.0 and reported == sorted(reported)


def test_the_process_reads_the_map_in_the_language_of_the_app(city) -> None:
    with speaking("fr"):
        _metrics, readings, findings = MetricsProcess(city).result()
        _here, expected_readings, expected_findings = analyse(city)
    assert (readings, findings) == (expected_readings, expected_findings)
    assert readings["youth"].sentence.startswith("Membre de la coalition")


def test_a_cancelled_run_ends_its_process(city) -> None:
    run = MetricsProcess(city)
    with pytest.raises(Cancelled):
        run.result(cancelled=lambda: True)
    with pytest.raises(ProcessLookupError):
        os.kill(run.pid, 0)


def test_an_analysis_error_in_the_process_is_raised_to_the_caller(city) -> None:
    city.stakeholders["ghost"] = Stakeholder("ghost", "Ghost", "no-such-category")
    city.relationships["r6"] = Relationship("r6", "ghost", "nobody", "trust")
    with pytest.raises(Exception) as here:
        analyse(city)
    with pytest.raises(type(here.value), match=str(here.value)[:20]):
        MetricsProcess(city).result()


def test_a_frozen_app_starts_workers_as_fresh_interpreters(monkeypatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert processes.process_context().get_start_method() == "spawn"


def test_workers_never_start_by_a_plain_fork(monkeypatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert processes.process_context().get_start_method() in {"forkserver", "spawn"}
