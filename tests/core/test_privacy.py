"""Erasing a person everywhere, undo, and the review reminder list."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from stakeholder_mapper.core.commands import UpdateStakeholder
from stakeholder_mapper.core.model import (
    ChangeKind,
    Engagement,
    LogEntry,
    MapInfo,
    Relationship,
    Snapshot,
    Stakeholder,
    StakeholderMap,
)
from stakeholder_mapper.core.privacy import (
    ERASED,
    ErasePerson,
    overdue_reviews,
    personal_terms,
)
from stakeholder_mapper.core.validation import ValidationError, map_problems


def _mayor_with_person(smap: StakeholderMap) -> None:
    mayor = smap.stakeholders["mayor"]
    smap.stakeholders["mayor"] = dataclasses.replace(
        mayor,
        person="Amina Yusuf",
        contact="+255 22 211 0000; amina.yusuf@example.org",
        notes="Amina Yusuf chairs the flood committee; call +255 22 211 0000.",
        engagement=Engagement(ask="Ask AMINA  YUSUF to open the shelter."),
        log=(LogEntry(dt.date(2026, 3, 2), summary="Met amina yusuf at city hall."),),
        attributes={"assistant": "Reports to Amina Yusuf"},
    )
    imam = smap.stakeholders["imam"]
    smap.stakeholders["imam"] = dataclasses.replace(imam, notes="Close to Amina Yusuf.")
    smap.relationships["r2"] = dataclasses.replace(
        smap.relationships["r2"], notes="Amina Yusuf listens to him."
    )


def _flat_text(smap: StakeholderMap) -> str:
    return repr({k: v for k, v in vars(smap).items() if not k.startswith("_")}).casefold()


def test_personal_terms_include_contact_parts_and_skip_tiny_words() -> None:
    terms = personal_terms("Amina Yusuf", "+255 22 211 0000; a@b.org", ["Al", "Mama Amina"])
    assert terms == [
        "+255 22 211 0000; a@b.org",
        "+255 22 211 0000",
        "Amina Yusuf",
        "Mama Amina",
        "a@b.org",
    ]


def test_erase_person_removes_every_trace_and_undo_restores(small_map: StakeholderMap) -> None:
    _mayor_with_person(small_map)
    small_map.snapshots = [
        Snapshot(
            "snap1",
            "Before the workshop",
            dt.datetime(2026, 1, 5, 10, 0),
            {
                "stakeholders": [{"id": "mayor", "label": "Mayor", "category": "municipal"}],
                "personal_data": [
                    {"stakeholder": "mayor", "person": "Amina B. Yusuf", "contact": "0777 123 456"}
                ],
                "map": {"purpose": "Win Amina B. Yusuf over; her phone 0777 123 456"},
            },
        )
    ]
    before = _flat_text(small_map)
    changes = []
    small_map.subscribe(changes.append)

    command = ErasePerson(small_map, "mayor")
    assert command.text == "Erase personal data of Mayor"
    assert command.summary() == (
        "6 name or contact texts will be erased from 3 records of the map and 1 snapshot."
    )
    assert _flat_text(small_map) == before  # creating the command changes nothing
    command.redo()

    text = _flat_text(small_map)
    for trace in ("amina", "yusuf", "211 0000", "example.org", "0777 123 456"):
        assert trace not in text
    mayor = small_map.stakeholders["mayor"]
    assert (mayor.person, mayor.contact) == ("", "")
    assert mayor.notes == f"{ERASED} chairs the flood committee; call {ERASED}."
    assert mayor.engagement.ask == f"Ask {ERASED} to open the shelter."
    assert small_map.stakeholders["imam"].notes == f"Close to {ERASED}."
    assert small_map.relationships["r2"].notes == f"{ERASED} listens to him."
    assert small_map.snapshots[0].content["personal_data"] == []
    assert small_map.snapshots[0].content["map"]["purpose"] == (
        f"Win {ERASED} over; her phone {ERASED}"
    )
    assert changes[-1].kind is ChangeKind.RESET
    assert map_problems(small_map) == []

    command.undo()
    assert _flat_text(small_map) == before
    assert small_map.stakeholders["mayor"].person == "Amina Yusuf"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meet Leila Orsan today", f"Meet {ERASED} today"),
        ("Ask L. Orsan first", f"Ask {ERASED} first"),
        ("Ask L Orsan first", f"Ask {ERASED} first"),
        ("Ask L.Orsan first", f"Ask {ERASED} first"),
        ("Orsan, Leila agreed", f"{ERASED} agreed"),
        ("Orsan L. agreed", f"{ERASED} agreed"),
        ("ORSAN and orsan and Orsan's deputy", f"{ERASED} and {ERASED} and {ERASED}'s deputy"),
        ("Orsán agreed", f"{ERASED} agreed"),
        ("Orsanville is a town", "Orsanville is a town"),
    ],
)
def test_erase_person_removes_the_forms_redaction_removes(
    small_map: StakeholderMap, text: str, expected: str
) -> None:
    s = small_map.stakeholders
    s["mayor"] = dataclasses.replace(s["mayor"], person="Leila Orsan", notes=text)
    s["imam"] = dataclasses.replace(s["imam"], notes=text)
    small_map.snapshots = [
        Snapshot("snap1", "Workshop", dt.datetime(2026, 1, 5, 10, 0), {"map": {"purpose": text}})
    ]
    ErasePerson(small_map, "mayor").redo()
    assert small_map.stakeholders["mayor"].notes == expected
    assert small_map.stakeholders["imam"].notes == expected
    assert small_map.snapshots[0].content["map"]["purpose"] == expected


def test_erase_person_finds_names_after_characters_repr_escapes(
    small_map: StakeholderMap,
) -> None:
    s = small_map.stakeholders
    s["mayor"] = dataclasses.replace(s["mayor"], person="Leila Orsan")
    s["imam"] = dataclasses.replace(
        s["imam"], attributes={"note": 'Line one\nL. Orsan\'s "view"\tand\\Orsan'}
    )
    ErasePerson(small_map, "mayor").redo()
    assert small_map.stakeholders["imam"].attributes == {
        "note": f'Line one\n{ERASED}\'s "view"\tand\\{ERASED}'
    }


def test_erase_person_replaces_an_id_made_from_the_name(small_map: StakeholderMap) -> None:
    small_map.stakeholders["amina-yusuf"] = Stakeholder(
        "amina-yusuf", "Deputy mayor", "municipal", person="Amina Yusuf"
    )
    small_map.relationships["r9"] = Relationship("r9", "amina-yusuf", "mayor")
    small_map.positions["amina-yusuf"] = (1.0, 2.0)
    small_map.pinned.add("amina-yusuf")
    ErasePerson(small_map, "amina-yusuf").redo()
    erased_id = ERASED
    assert set(small_map.stakeholders) == {"mayor", "imam", "youth", "branch", erased_id}
    assert small_map.stakeholders[erased_id].label == "Deputy mayor"
    assert small_map.relationships["r9"].source == erased_id
    assert small_map.positions[erased_id] == (1.0, 2.0)
    assert small_map.pinned == {erased_id}
    assert map_problems(small_map) == []


def test_erase_person_also_erases_given_nicknames(small_map: StakeholderMap) -> None:
    _mayor_with_person(small_map)
    small_map.stakeholders["youth"] = dataclasses.replace(
        small_map.stakeholders["youth"], notes="Mama Amina visits on Fridays."
    )
    ErasePerson(small_map, "mayor", also=["Mama Amina"]).redo()
    assert small_map.stakeholders["youth"].notes == f"{ERASED} visits on Fridays."


def test_erase_person_refuses_a_stakeholder_without_personal_data(
    small_map: StakeholderMap,
) -> None:
    with pytest.raises(ValidationError, match="no personal name or contact details"):
        ErasePerson(small_map, "imam")
    with pytest.raises(ValidationError, match="'nobody' is not on the map"):
        ErasePerson(small_map, "nobody")


def test_erase_then_later_edits_undo_in_order(small_map: StakeholderMap) -> None:
    _mayor_with_person(small_map)
    erase = ErasePerson(small_map, "mayor")
    erase.redo()
    edit = UpdateStakeholder(small_map, "mayor", power=5)
    edit.redo()
    edit.undo()
    erase.undo()
    assert small_map.stakeholders["mayor"].person == "Amina Yusuf"
    assert small_map.stakeholders["mayor"].power is None


def test_overdue_reviews_lists_due_and_past_dates_oldest_first() -> None:
    smap = StakeholderMap(MapInfo(title="Reviews"))
    for sid, review in (
        ("a", dt.date(2026, 5, 1)),
        ("b", None),
        ("c", dt.date(2026, 1, 15)),
        ("d", dt.date(2026, 6, 30)),
        ("e", dt.date(2026, 6, 1)),
    ):
        smap.stakeholders[sid] = Stakeholder(sid, sid.upper(), "media", review_date=review)
    due = overdue_reviews(smap, dt.date(2026, 6, 1))
    assert [s.id for s in due] == ["c", "a", "e"]


def test_a_given_name_alone_is_erased_only_from_the_persons_own_record(
    small_map: StakeholderMap,
) -> None:
    s = small_map.stakeholders
    s["mayor"] = dataclasses.replace(s["mayor"], person="Leila Orsan", notes="Leila will call")
    s["leila-haddad"] = Stakeholder(
        "leila-haddad",
        "Leila Haddad's cooperative",
        "ngo",
        person="Leila Haddad",
        notes="Leila Haddad and Leila Orsan met",
    )
    small_map.positions["leila-haddad"] = (1.0, 2.0)
    ErasePerson(small_map, "mayor").redo()
    assert small_map.stakeholders["mayor"].notes == f"{ERASED} will call"
    other = small_map.stakeholders["leila-haddad"]
    assert other.label == "Leila Haddad's cooperative" and other.person == "Leila Haddad"
    assert other.notes == f"Leila Haddad and {ERASED} met"
    assert small_map.positions["leila-haddad"] == (1.0, 2.0)


def test_a_note_in_brackets_after_the_name_is_not_erased(small_map: StakeholderMap) -> None:
    s = small_map.stakeholders
    s["mayor"] = dataclasses.replace(s["mayor"], person="Leila Orsan (deputy mayor's office)")
    s["deputy-mayor"] = Stakeholder("deputy-mayor", "Deputy Mayor for Health", "municipal")
    ErasePerson(small_map, "mayor").redo()
    assert "deputy-mayor" in small_map.stakeholders
    assert small_map.stakeholders["deputy-mayor"].label == "Deputy Mayor for Health"
