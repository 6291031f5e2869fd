"""Shared setup for file tests."""

from __future__ import annotations

import pytest

from stakeholder_mapper.io import encryption


@pytest.fixture
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Encrypt with scrypt's lowest accepted cost (2**15) so that tests stay quick."""
    monkeypatch.setattr(encryption, "SCRYPT_N", 2**15)
