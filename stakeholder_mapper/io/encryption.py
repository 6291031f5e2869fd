"""Password protection of project files: AES-256-GCM with a key derived by scrypt.

An encrypted ``.smap`` file is::

    STAKEHOLDER-MAPPER-ENCRYPTED\\n
    {"cipher": "AES-256-GCM", "kdf": "scrypt", "n": ..., "r": ..., "p": ...,
     "salt": ..., "nonce": ..., "check": ..., "sum": ...}\\n
    <ciphertext and 16-byte tag>

The first line tells people and programs what the file is; the second (JSON, base64
values) holds what is needed to derive the key. Both lines are authenticated as
associated data, so changing any byte of the file is detected. scrypt is memory-hard
(n = 2**17, r = 8: 128 MiB per guess), which makes guessing passwords slow and costly.
``check`` is a short HMAC of a second derived key; it tells a wrong password apart from
a file whose content was altered, and lets no one guess faster than running scrypt.

A changed salt or ``check`` also makes a right password fail the check, so on its own
``check`` cannot tell a wrong password from a damaged header. ``sum`` (a SHA-256 of the
other header fields) can, without the key: it detects accidental damage to the header
(a flipped bit, a bad copy). It is no seal against a forger, who can recompute it; but a
forged header can at most make the right password look wrong, never open the file with
other content. Files saved before ``sum`` existed get the cautious message ("the password
is wrong, or the file's header is damaged"). The salt and the nonce are new at every
save. The password itself is never written anywhere.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import unicodedata
from typing import Any

from ..core.i18n import _
from .errors import MapFileError, PasswordRequired, WrongPassword

__all__ = ["MAGIC", "SCRYPT_N", "decrypt", "encrypt", "is_encrypted"]

MAGIC = b"STAKEHOLDER-MAPPER-ENCRYPTED\n"
#: scrypt cost for new files (OWASP's 2**17, r=8, p=1): about 0.4 s and 128 MiB.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
# What a file may ask for: weak enough settings are refused, and so are settings that
# would make opening a hostile file use more than 512 MiB or minutes of work, and those
# scrypt itself refuses (n must be below 2**(16 r): r=1 allows n up to 2**15 only).
_MIN_N, _MAX_MEMORY, _MAX_P = 2**15, 512 * 2**20, 4
_MAX_HEADER = 4096
_SALT, _NONCE, _CHECK = 16, 12, 16
_CHECK_MESSAGE = b"stakeholder-mapper password check"


def is_encrypted(data: bytes) -> bool:
    """Whether ``data`` (the start of a file is enough) is a password-protected map."""
    return data.startswith(MAGIC)


def _keys(password: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    # cryptography is imported when a password is used: most maps open without one.
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    derived = Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(secret)
    return derived[:32], derived[32:]


def _check(check_key: bytes) -> bytes:
    return hmac.new(check_key, _CHECK_MESSAGE, hashlib.sha256).digest()[:_CHECK]


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _header_sum(header: dict[str, Any]) -> str:
    """SHA-256 (first 16 hex digits) of the header fields other than ``sum``, as written."""
    fields = {key: value for key, value in header.items() if key != "sum"}
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def encrypt(data: bytes, password: str, *, n: int | None = None) -> bytes:
    """``data`` encrypted with ``password`` as a complete encrypted ``.smap`` file."""
    if not password:
        raise MapFileError(_("A password cannot be empty."))
    n = n or SCRYPT_N
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    key, check_key = _keys(password, salt, n, SCRYPT_R, SCRYPT_P)
    header = {
        "cipher": "AES-256-GCM",
        "kdf": "scrypt",
        "n": n,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "check": _b64(_check(check_key)),
    }
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header["sum"] = _header_sum(header)
    head = MAGIC + json.dumps(header).encode("ascii") + b"\n"
    return head + AESGCM(key).encrypt(nonce, data, head)


def _header(data: bytes, name: str) -> tuple[dict[str, Any], int, bool]:
    """The parsed header, where the ciphertext starts, and whether ``sum`` vouched for it."""
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + _MAX_HEADER)
    if end < 0:
        raise MapFileError(
            _("{name} is damaged: its encryption header is incomplete.").format(name=name)
        )
    damaged = MapFileError(
        _("{name} is damaged: its encryption header is not valid.").format(name=name)
    )
    try:
        header = json.loads(data[len(MAGIC) : end].decode("ascii"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise damaged from None
    if not isinstance(header, dict):
        raise damaged
    summed = "sum" in header
    if summed and not (
        isinstance(header["sum"], str) and hmac.compare_digest(header["sum"], _header_sum(header))
    ):
        raise MapFileError(
            _("{name} is damaged: its encryption header does not match its checksum.").format(
                name=name
            )
        )
    if header.get("cipher") != "AES-256-GCM" or header.get("kdf") != "scrypt":
        raise MapFileError(
            _(
                "{name} is encrypted in a way this version of Stakeholder Mapper does not know; "
                "please update the application."
            ).format(name=name)
        )
    numbers = [header.get(k) for k in ("n", "r", "p")]
    if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in numbers):
        raise damaged
    n, r, p = numbers
    if n < _MIN_N or n & (n - 1) or 128 * n * r > _MAX_MEMORY or p > _MAX_P:
        raise damaged
    if n >= 2 ** (16 * r):
        raise damaged
    try:
        for key, size in (("salt", _SALT), ("nonce", _NONCE), ("check", _CHECK)):
            raw = base64.b64decode(str(header.get(key, "")), validate=True)
            if len(raw) != size:
                raise damaged
            header[key] = raw
    except (binascii.Error, ValueError):
        raise damaged from None
    return header, end + 1, summed


def decrypt(data: bytes, password: str | None, name: str = "the file") -> bytes:
    """The plain content of an encrypted map; raises a one-sentence :class:`MapFileError`.

    :class:`PasswordRequired` when ``password`` is ``None``, :class:`WrongPassword` when
    it does not open the file, and a plain :class:`MapFileError` when the file was altered
    or damaged after it was saved (a damaged header is found by its checksum before any
    key is derived).
    """
    header, start, summed = _header(data, name)
    if password is None:
        raise PasswordRequired(
            _("{name} is protected by a password; enter it to open the map.").format(name=name)
        )
    n, r, p = header["n"], header["r"], header["p"]
    try:
        key, check_key = _keys(password, header["salt"], n, r, p)
    except (MemoryError, ValueError):
        # Settings the header check let through but scrypt cannot run here (or this
        # computer has not the memory for).
        raise MapFileError(
            _(
                "{name} cannot be opened on this computer: its encryption settings ({settings}) "
                "need more memory than is free."
            ).format(name=name, settings=f"scrypt n={n}, r={r}, p={p}")
        ) from None
    if not hmac.compare_digest(_check(check_key), header["check"]):
        if summed:
            raise WrongPassword(_("The password for {name} is wrong.").format(name=name))
        # A file saved before headers had a checksum: a damaged salt or check looks the same.
        raise WrongPassword(
            _("The password for {name} is wrong, or the file's header is damaged.").format(
                name=name
            )
        )
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(header["nonce"], data[start:], data[:start])
    except InvalidTag:
        raise MapFileError(
            _(
                "{name} has been altered or damaged since it was saved: its encrypted content "
                "does not check out."
            ).format(name=name)
        ) from None
