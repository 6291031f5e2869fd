"""A damaged header is told apart from a wrong password, over every bit of the header.

Before headers carried a checksum, 44 of 203 header bit flips (in the salt, the check
and the scrypt settings) were reported as "The password for enc.smap is wrong".
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.io import encryption
from stakeholder_mapper.io.encryption import MAGIC, decrypt
from stakeholder_mapper.io.project import MapFileError, WrongPassword, load_map, save_map

PASSWORD = "correct horse battery staple"
CAUTIOUS = "The password for enc.smap is wrong, or the file's header is damaged."


def _outcome(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "enc.smap"
    path.write_bytes(data)
    try:
        load_map(path, PASSWORD)
    except WrongPassword as exc:
        return "cautious" if str(exc) == CAUTIOUS else f"wrong password: {exc}"
    except MapFileError as exc:
        assert str(exc).startswith("enc.smap ") and "\n" not in str(exc)
        return "damaged"
    return "opened"


@pytest.mark.usefixtures("fast_kdf")
def test_every_bit_flip_of_the_header_is_damage_never_a_wrong_password(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    original = tmp_path / "original.smap"
    save_map(small_map, original, PASSWORD)
    data = original.read_bytes()
    end = data.index(b"\n", len(MAGIC)) + 1
    outcomes: Counter[str] = Counter()
    for at in range(end):
        for bit in range(8):
            flipped = bytearray(data)
            flipped[at] ^= 1 << bit
            outcome = _outcome(bytes(flipped), tmp_path)
            outcomes[outcome] += 1
            assert outcome != "opened", (at, bit)
            assert not outcome.startswith("wrong password"), (at, bit, outcome)
    # Only flips of the word "sum" itself hide the checksum: those get the cautious words.
    assert outcomes["cautious"] <= 3 * 8
    assert outcomes["damaged"] + outcomes["cautious"] == 8 * end


def _old_format(plain: bytes, salt: bytes = b"s" * 16) -> bytes:
    """A file as saved before headers had a checksum (same cipher, no "sum" field)."""
    nonce = b"n" * 12
    key, check_key = encryption._keys(PASSWORD, salt, 2**15, 8, 1)
    header = {
        "cipher": "AES-256-GCM",
        "kdf": "scrypt",
        "n": 2**15,
        "r": 8,
        "p": 1,
        "salt": base64.b64encode(salt).decode(),
        "nonce": base64.b64encode(nonce).decode(),
        "check": base64.b64encode(encryption._check(check_key)).decode(),
    }
    head = MAGIC + json.dumps(header).encode() + b"\n"
    return head + AESGCM(key).encrypt(nonce, plain, head)


def test_a_file_without_a_header_checksum_opens_and_gets_the_cautious_message() -> None:
    """Older files still open; a damaged salt there is not called a wrong password outright."""
    old = _old_format(b"{}")
    assert decrypt(old, PASSWORD, "enc.smap") == b"{}"
    damaged = old.replace(base64.b64encode(b"s" * 16), base64.b64encode(b"t" + b"s" * 15))
    assert damaged != old
    with pytest.raises(WrongPassword) as info:
        decrypt(damaged, PASSWORD, "enc.smap")
    assert str(info.value) == CAUTIOUS


@pytest.mark.usefixtures("fast_kdf")
def test_a_wrong_password_is_still_called_wrong(small_map: StakeholderMap, tmp_path: Path) -> None:
    path = tmp_path / "enc.smap"
    save_map(small_map, path, PASSWORD)
    with pytest.raises(WrongPassword, match=r"^The password for enc\.smap is wrong\.$"):
        load_map(path, "not the password")
