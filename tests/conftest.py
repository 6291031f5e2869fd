"""Shared test setup: Qt offscreen, settings in test mode, and small maps to work on."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from stakeholder_mapper.core.model import (
    Relationship,
    Stakeholder,
    StakeholderMap,
)


@pytest.fixture(autouse=True, scope="session")
def _qt_test_mode() -> None:
    """Keep tests away from the user's real settings and data folders."""
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:  # pragma: no cover - Qt is a hard dependency
        return
    QStandardPaths.setTestModeEnabled(True)


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
