"""Password-protected maps: round trip, wrong password, tampering, backups, password changes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.core.privacy import ErasePerson
from stakeholder_mapper.io.encryption import MAGIC, _header_sum, decrypt, encrypt, is_encrypted
from stakeholder_mapper.io.project import (
    MAX_TEXT_CHARS,
    MapFileError,
    PasswordRequired,
    WrongPassword,
    backup_path,
    change_password,
    is_encrypted_file,
    load_map,
    save_map,
)

PASSWORD = "correct horse battery staple"


def _header(data: bytes) -> dict:
    return json.loads(data[len(MAGIC) : data.index(b"\n", len(MAGIC))])


def _with_person(smap: StakeholderMap) -> StakeholderMap:
    smap.stakeholders["mayor"] = dataclasses.replace(
        smap.stakeholders["mayor"], person="Amina Yusuf", contact="amina@example.org"
    )
    return smap


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_encrypted_round_trip_with_default_strength(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    save_map(_with_person(small_map), path, PASSWORD)
    data = path.read_bytes()
    assert data.startswith(MAGIC) and is_encrypted_file(path)
    header = _header(data)
    assert header["cipher"] == "AES-256-GCM"
    assert (header["kdf"], header["n"], header["r"], header["p"]) == ("scrypt", 2**17, 8, 1)
    for secret in (b"Amina", b"Mayor", b"imam", PASSWORD.encode()):
        assert secret not in data
    assert load_map(path, PASSWORD) == small_map


@pytest.mark.usefixtures("fast_kdf")
def test_each_save_uses_a_new_salt_and_nonce(small_map: StakeholderMap) -> None:
    first, second = encrypt(b"same", PASSWORD), encrypt(b"same", PASSWORD)
    assert _header(first)["salt"] != _header(second)["salt"]
    assert _header(first)["nonce"] != _header(second)["nonce"]
    assert decrypt(first, PASSWORD) == decrypt(second, PASSWORD) == b"same"


@pytest.mark.usefixtures("fast_kdf")
def test_missing_and_wrong_password_are_told_apart_and_nothing_is_written(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path, PASSWORD)
    before = _files(tmp_path)
    with pytest.raises(PasswordRequired, match=r"^city\.smap is protected by a password"):
        load_map(path)
    with pytest.raises(WrongPassword, match=r"^The password for city\.smap is wrong\.$"):
        load_map(path, "Correct horse battery staple")
    assert _files(tmp_path) == before


@pytest.mark.usefixtures("fast_kdf")
def test_unicode_passwords_match_however_they_are_typed(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path, "Caf\u00e9 d\u00e9j\u00e0")  # composed é, à
    assert load_map(path, "Cafe\u0301 de\u0301ja\u0300") == small_map  # decomposed


@pytest.mark.usefixtures("fast_kdf")
@pytest.mark.parametrize("where", ["ciphertext", "tag", "forged header"])
def test_tampering_is_detected(small_map: StakeholderMap, tmp_path: Path, where: str) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path, PASSWORD)
    data = bytearray(path.read_bytes())
    header_end = data.index(b"\n", len(MAGIC)) + 1
    if where == "ciphertext":
        data[header_end + 10] ^= 0x01
    elif where == "tag":
        data[-1] ^= 0x80
    else:  # another valid nonce, with the header's checksum recomputed as a forger would
        header = json.loads(data[len(MAGIC) : header_end])
        header["nonce"] = ("A" if header["nonce"][0] != "A" else "B") + header["nonce"][1:]
        header["sum"] = _header_sum(header)
        data[len(MAGIC) : header_end] = json.dumps(header).encode() + b"\n"
    path.write_bytes(bytes(data))
    with pytest.raises(MapFileError, match="altered or damaged since it was saved") as info:
        load_map(path, PASSWORD)
    assert not isinstance(info.value, WrongPassword)


@pytest.mark.usefixtures("fast_kdf")
def test_hostile_headers_are_refused_before_any_key_is_derived(tmp_path: Path) -> None:
    good = _header(encrypt(b"{}", PASSWORD))
    del good["sum"]  # a hostile header need not carry a checksum
    for change, message in (
        ({"n": 2**30}, "encryption header is not valid"),  # 128 GiB of memory
        ({"n": 2**10}, "encryption header is not valid"),  # too weak to accept
        ({"n": 3 * 2**15}, "encryption header is not valid"),
        ({"p": 1000}, "encryption header is not valid"),
        ({"salt": "%%%"}, "encryption header is not valid"),
        ({"cipher": "ROT13"}, "does not know; please update the application"),
    ):
        data = MAGIC + json.dumps({**good, **change}).encode() + b"\n" + b"x" * 40
        with pytest.raises(MapFileError, match=message):
            decrypt(data, PASSWORD, "city.smap")
    with pytest.raises(MapFileError, match="encryption header is incomplete"):
        decrypt(MAGIC + b"{" * 5000, PASSWORD, "city.smap")
    assert is_encrypted(MAGIC) and not is_encrypted(b'{"format": "stakeholder-mapper"}')


@pytest.mark.usefixtures("fast_kdf")
def test_backup_of_an_encrypted_map_is_encrypted_too(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    save_map(_with_person(small_map), path)  # first saved without a password
    version_one = load_map(path)
    small_map.stakeholders["mayor"] = dataclasses.replace(small_map.stakeholders["mayor"], power=5)
    save_map(small_map, path, PASSWORD)
    bak = backup_path(path)
    assert bak.name == "city.smap.bak"
    assert is_encrypted_file(bak) and b"Amina" not in bak.read_bytes()
    assert load_map(bak, PASSWORD) == version_one
    assert load_map(path, PASSWORD) == small_map


@pytest.mark.usefixtures("fast_kdf")
def test_change_and_remove_password(small_map: StakeholderMap, tmp_path: Path) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path, "old secret")
    save_map(small_map, path, "old secret")  # leaves a backup
    with pytest.raises(WrongPassword):
        change_password(path, "guess", "new secret")
    change_password(path, "old secret", "new secret")
    for file in (path, backup_path(path)):
        with pytest.raises(WrongPassword):
            load_map(file, "old secret")
        assert load_map(file, "new secret") == small_map
    change_password(path, "new secret", None)
    assert not is_encrypted_file(path) and load_map(path) == small_map
    assert load_map(backup_path(path)) == small_map


@pytest.mark.usefixtures("fast_kdf")
def test_change_password_of_the_open_map_makes_the_old_file_its_backup(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path, "old secret")
    save_map(small_map, path, "old secret")
    edited = small_map.copy()
    edited.stakeholders.pop("youth")
    edited.relationships = {
        rid: r for rid, r in edited.relationships.items() if "youth" not in (r.source, r.target)
    }
    change_password(path, "old secret", "new secret", edited)
    for file in (path, backup_path(path)):
        with pytest.raises(WrongPassword):
            load_map(file, "old secret")
    assert load_map(path, "new secret") == edited
    assert load_map(backup_path(path), "new secret") == small_map
    change_password(path, "new secret", None, edited)
    assert not is_encrypted_file(path) and not is_encrypted_file(backup_path(path))
    assert load_map(backup_path(path)) == edited
    change_password(path, None, "third secret", edited, backup=False)
    assert is_encrypted_file(path) and not backup_path(path).exists()


def test_erased_person_leaves_no_trace_in_the_saved_file_or_backup(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    _with_person(small_map)
    small_map.stakeholders["imam"] = dataclasses.replace(
        small_map.stakeholders["imam"], notes="Meets Amina Yusuf weekly."
    )
    save_map(small_map, path)
    save_map(small_map, path)
    assert b"Amina Yusuf" in backup_path(path).read_bytes()
    ErasePerson(small_map, "mayor").redo()
    save_map(small_map, path, backup=False)
    for trace in (b"Amina", b"Yusuf", b"amina@example.org"):
        assert trace not in path.read_bytes()
    assert not backup_path(path).exists()
    assert load_map(path) == small_map


def test_a_text_too_long_to_read_back_is_refused_on_save(
    small_map: StakeholderMap, tmp_path: Path
) -> None:
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    before = path.read_bytes()
    small_map.stakeholders["youth"] = dataclasses.replace(
        small_map.stakeholders["youth"], notes="x" * (MAX_TEXT_CHARS + 1)
    )
    with pytest.raises(
        MapFileError,
        match=r"^city\.smap could not be saved: stakeholders\[2\]\.notes is longer than "
        r"1,000,000 characters\.$",
    ):
        save_map(small_map, path)
    assert path.read_bytes() == before
