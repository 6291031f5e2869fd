"""Shared test setup: Qt offscreen, settings in test mode, and small maps to work on."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite speaks English whatever the machine's locale (CI runs it again under French):
# the app and the command lines the tests start follow LANGUAGE first, as gettext does. A
# test that wants another language asks for it.
os.environ["LANGUAGE"] = "en"

import pytest
from hypothesis import HealthCheck, settings

from stakeholder_mapper.core.i18n import set_language
from stakeholder_mapper.core.model import (
    Relationship,
    Stakeholder,
    StakeholderMap,
)
from stakeholder_mapper.ui.canvas.items import NodeItem

#: How a fresh app draws names on the canvas. These settings are shared by every node of the
#: process: a zoomed-out view enlarges all labels, presentation mode sizes them, and a map
#: scene made later (a figure export) starts from what the last window left.
_FRESH_LABELS = {
    name: getattr(NodeItem, name)
    for name in (
        "label_px",
        "label_min_lod",
        "show_labels",
        "label_ems",
        "label_lines",
        "label_scale",
    )
}

# Property tests judge what the code does, not how fast this machine is at the moment: no
# per-example deadline (saves call fsync) and no complaint when drawing examples is slow.
settings.register_profile("suite", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")


@pytest.fixture(autouse=True, scope="session")
def _qt_test_mode() -> None:
    """Keep tests away from the user's real settings and data folders."""
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:  # pragma: no cover - Qt is a hard dependency
        return
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Each test starts in English; a test that switches language is undone after it."""
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(autouse=True)
def _fresh_canvas_labels() -> None:
    """Each test starts with names drawn as in a fresh app, whatever window ran before it."""
    for name, value in _FRESH_LABELS.items():
        setattr(NodeItem, name, value)


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's QApplication, set up as the app sets its own: the interface's locale and
    the bundled fonts.

    Without this, tests run after the first window would see the environment's locale
    (French system messages, decimal commas in C code) and tests run before it would not.
    """
    from stakeholder_mapper.ui.setup.qt_application import set_up_application

    set_up_application(qapp)
    return qapp


@pytest.fixture
def small_map() -> StakeholderMap:
    """Mayor, an imam, a youth group and our branch, with four relationships."""
    smap = StakeholderMap()
    for sid, label, category in (
        ("mayor", "Mayor", "municipal"),
        ("imam", "Imam of the central mosque", "faith"),
        ("youth", "Youth council", "youth"),
        ("branch", "Red Crescent city branch", "redcross"),
    ):
        smap.stakeholders[sid] = Stakeholder(sid, label, category)
    for rid, source, target, strength in (
        ("r1", "branch", "imam", 4),
        ("r2", "imam", "mayor", 5),
        ("r3", "youth", "imam", 2),
        ("r4", "branch", "youth", 3),
    ):
        smap.relationships[rid] = Relationship(rid, source, target, strength=strength)
    return smap


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Encrypt with scrypt's lowest accepted cost (2**15) so that tests stay quick."""
    from stakeholder_mapper.io import encryption

    monkeypatch.setattr(encryption, "SCRYPT_N", 2**15)


@pytest.fixture
def time_zone() -> Iterator[Callable[[str], None]]:
    """Set this computer's clock to a time zone for one test.

    Give a POSIX rule, which needs no time-zone database on the machine: ``"<+14>-14"`` is
    UTC+14 (Kiritimati), ``"HST10"`` is UTC-10 (Honolulu).
    """
    before = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def _benchmark_maps():
    """benchmarks/metrics.py, the generator of the city-like maps the benchmarks measure."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).parent.parent / "benchmarks" / "metrics.py"
    spec = importlib.util.spec_from_file_location("benchmark_maps", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generated_map() -> Callable[[int], StakeholderMap]:
    """Makes the benchmarks' generated city map of ``n`` stakeholders (6 groups, 4 n ties,
    a few hubs), without positions; the same ``n`` always gives the same map."""
    return _benchmark_maps().stakeholder_map
