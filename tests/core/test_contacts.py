"""Phone numbers and e-mail addresses are found however they are written, and numbers
that are not phones (years, dates, amounts) are left alone."""

from __future__ import annotations

import pytest

from stakeholder_mapper.core.contacts import erase_contacts, phone_regions


@pytest.mark.parametrize(
    "text",
    [
        "Telegram +380671234567",
        "mobile +380 67 123 4567 (evenings)",
        "office (067) 123-45-67",
        "London line 00 44 20 7946 0958",
        "call 020 7946 0958",
        "Beirut +961 1 234 567",
        "Tel: 8 (495) 123-45-67",
        "write to o.elkin@parish.example.org today",
    ],
)
def test_phones_and_mails_in_any_formatting_are_erased(text: str) -> None:
    erased = erase_contacts(text, "[erased]")
    assert "[erased]" in erased
    assert sum(c.isdigit() for c in erased) == 0
    assert "@" not in erased


@pytest.mark.parametrize(
    "text",
    [
        "Budget vote in 2026; 300 stakeholders; 12 500 people; 1 200 000 dinars.",
        "Meeting on 12.03.2026 at 14:00, then 2026-03-19.",
        "Strength 5 of 5, 40,000 people in the settlements.",
    ],
)
def test_years_dates_and_amounts_are_kept(text: str) -> None:
    assert erase_contacts(text, "[erased]") == text


def test_the_regions_of_recorded_numbers_are_found() -> None:
    assert phone_regions(["+380 67 123 4567; x@example.org", "+44 20 7946 0958", "none"]) == (
        "GB",
        "UA",
    )
