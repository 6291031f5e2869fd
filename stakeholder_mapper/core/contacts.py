"""Finding phone numbers and e-mail addresses in free text, however they are written.

A phone number turns up as "+380671234567", "+380 67 123 4567", "(067) 123-45-67" or
"00 44 20 7946 0958". Google's libphonenumber (the ``phonenumbers`` package) knows each
country's numbering plan: numbers written with an international prefix are found
whatever their spacing, and numbers written the national way are found when they are
valid in one of the regions tried (:data:`REGIONS`, plus the regions of the numbers
recorded on the map), which keeps years and amounts ("12 500 people") out; dates
("12.03.2026") are left alone.
The package is imported on first use, so starting the app does not pay for it.

Example::

    >>> erase_contacts("Call (067) 123-45-67 or mail o.elkin@example.org", "[erased]")
    'Call [erased] or mail [erased]'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from types import ModuleType

__all__ = ["REGIONS", "contact_spans", "erase_contacts", "phone_regions"]

#: Regions whose national formats are always tried: where the Movement's urban
#: programmes and this app's users are, and the formats most often copied from e-mails.
REGIONS: tuple[str, ...] = (
    "UA", "RU", "GB", "FR", "ES", "DE", "US", "TR", "LB", "JO", "SY", "IQ", "EG", "MA",
    "TZ", "KE", "NG", "ZA", "BD", "PK", "IN", "PH", "ID", "CO", "MX", "BR", "HT",
)  # fmt: skip

_EMAIL = re.compile(r"[\w.+\-']+@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
# Dates are valid numbers in some regions' plans: "12.03.2026", "2026-03-12".
_DATE = re.compile(r"\d{1,4}([./-])\d{1,2}\1\d{1,4}")
# A text can only hold a phone number if it has this many digits or more.
_DIGITS = re.compile(r"(?:\d\D{0,3}){6}")


@functools.cache
def _phonenumbers() -> ModuleType:
    import phonenumbers

    return phonenumbers


def phone_regions(texts: Iterable[str]) -> tuple[str, ...]:
    """The regions of the international phone numbers written in ``texts`` (contacts)."""
    pn = _phonenumbers()
    found: set[str] = set()
    for text in texts:
        if not _DIGITS.search(text):
            continue
        for match in pn.PhoneNumberMatcher(text, "ZZ", leniency=pn.Leniency.POSSIBLE):
            region = pn.region_code_for_number(match.number)
            if region and region != "ZZ":
                found.add(region)
    return tuple(sorted(found))


def contact_spans(text: str, regions: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Where ``text`` holds an e-mail address or a phone number, as sorted (start, end).

    The regions are tried in turn (``regions`` first) on what no earlier one matched,
    and only while the rest still has digits enough for a phone number.
    """
    spans = [m.span() for m in _EMAIL.finditer(text)]
    rest = _masked(text, spans)
    if _DIGITS.search(rest):
        pn = _phonenumbers()
        # "ZZ" (no region) finds the numbers written with + or 00 and a country code.
        tried = [("ZZ", pn.Leniency.POSSIBLE)]
        tried += [(r, pn.Leniency.VALID) for r in dict.fromkeys([*regions, *REGIONS])]
        for region, leniency in tried:
            found = [
                (match.start, match.end)
                for match in pn.PhoneNumberMatcher(rest, region, leniency=leniency)
                if not _DATE.fullmatch(match.raw_string)
            ]
            spans += found
            rest = _masked(rest, found)
            if not _DIGITS.search(rest):
                break
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the ``spans`` blanked out, keeping every other character in place."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def erase_contacts(text: str, replacement: str, regions: Iterable[str] = ()) -> str:
    """``text`` with every e-mail address and phone number replaced by ``replacement``."""
    out, done = [], 0
    for start, end in contact_spans(text, regions):
        out += [text[done:start], replacement]
        done = end
    return "".join([*out, text[done:]])
