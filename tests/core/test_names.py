"""Finding people's names in free text: full, initials, surname alone, any case and script."""

from __future__ import annotations

import pytest

from stakeholder_mapper.core.names import NameMatcher, name_parts, person_names, titled_name

PEOPLE = [
    "Leila Orsan",
    "Ольга Петренко",
    "ليلى أورسان",
    "José Núñez",
    "Juma Said",
    "Dr. Amina bint Khalid al Yusuf",
    "Seán O'Brien",
]


@pytest.fixture(scope="module")
def matcher() -> NameMatcher:
    return NameMatcher(
        PEOPLE,
        staff=["Fatma Ali", "Branch coordinator"],
        literal=["+000 555 0142", "Leila.Orsan@Example.org"],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meet Leila Orsan today", "Meet [x] today"),
        ("Ask L. Orsan first", "Ask [x] first"),
        ("Ask L Orsan first", "Ask [x] first"),
        ("Ask L.Orsan first", "Ask [x] first"),
        ("Orsan, Leila agreed", "[x] agreed"),
        ("Orsan L. agreed", "[x] agreed"),
        ("ORSAN and orsan and Orsan's deputy", "[x] and [x] and [x]'s deputy"),
        ("leila.orsan@mail.example", "[x]@mail.example"),
        ("Leila will call", "[x] will call"),
        ("О. Петренко поддерживает", "[x] поддерживает"),
        ("ПЕТРЕНКО, петренко, Петренко О.", "[x], [x], [x]"),
        ("اتصل بأورسان", "اتصل [x]"),
        ("ليلي اورسان", "[x]"),
        ("وأُورسان", "[x]"),
        ("Jose Nunez and NÚÑEZ", "[x] and [x]"),
        ("J. Nunez", "[x]"),
        ("J. Said and Juma", "[x] and [x]"),
        ("A. K. Yusuf, Yusuf, Amina", "[x], [x], [x]"),
        ("Sean OBrien, S. O’Brien", "[x], [x]"),
        ("F. Ali and Fatma Ali; Branch coordinator", "[x] and [x]; [x]"),
        ("call +000 555 0142", "call [x]"),
        ("write to LEILA.ORSAN@EXAMPLE.ORG.", "write to [x]."),
    ],
)
def test_names_are_found_in_the_forms_people_write(matcher, text, expected):
    assert matcher.sub(text, "[x]") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said yes",  # "Said" alone is a common word
        "Orsanville and Petrenkovo",  # names inside other words
        "Ali will call",  # staff are matched in full or with initials, not part by part
        "The branch coordinates the unit",
        "Al Amal school",
    ],
)
def test_common_words_and_other_words_stay(matcher, text):
    assert matcher.sub(text, "[x]") == text


def test_name_parts_leave_out_titles_and_keep_particles_with_the_surname():
    assert name_parts("Dr. Amina bint Khalid al Yusuf") == (
        ["Amina", "bint", "Khalid"],
        ["al", "Yusuf"],
    )
    assert name_parts("Orsan, Leila") == (["Leila"], ["Orsan"])
    assert name_parts("Madonna") == ([], ["Madonna"])


def test_short_names_and_no_names_match_nothing():
    assert NameMatcher(["Li", "", "  "]).sub("Li said hello", "[x]") == "Li said hello"
    assert NameMatcher([]).sub("Leila Orsan", "[x]") == "Leila Orsan"


def test_quick_look_never_misses_what_sub_finds(matcher):
    texts = [
        "Ask L. Orsan first",
        "Jose Nunez and NÚÑEZ",
        "وأُورسان",
        "ПЕТРЕНКО, петренко",
        "Sean OBrien",
        "write to LEILA.ORSAN@EXAMPLE.ORG.",
    ]
    for text in texts:
        assert matcher.sub(text, "[x]") != text
        assert matcher.may_mention(text), text
    # The text form of a record writes a line break as a backslash and n: the name is still seen.
    assert matcher.may_mention(repr({"note": "Line\nOrsan"}))
    assert not NameMatcher(["Leila Orsan"]).may_mention("The mayor met the youth council")
    assert not NameMatcher([]).may_mention("Leila Orsan")


def test_a_field_naming_several_people_is_read_as_each_of_them() -> None:
    assert person_names("Leila Orsan (deputy mayor) and Karim Haddad") == [
        "Leila Orsan",
        "Karim Haddad",
    ]
    matcher = NameMatcher(["Leila Orsan and Karim Haddad"])
    assert matcher.sub("Water and sanitation: ask K. Haddad", "[x]") == (
        "Water and sanitation: ask [x]"
    )


def test_a_one_word_staff_entry_is_not_looked_for_in_text() -> None:
    matcher = NameMatcher([], staff=["Health", "Nadia Haddad"])
    assert matcher.sub("Ministry of Health; N. Haddad will send the health brief", "[x]") == (
        "Ministry of Health; [x] will send the health brief"
    )


def test_lower_case_words_of_a_name_are_never_matched_alone() -> None:
    matcher = NameMatcher(["amina bint khalid"])
    assert matcher.sub("the bint and the khalid text", "[x]") == "the bint and the [x] text"


@pytest.mark.parametrize(
    ("person", "text", "expected"),
    [
        ("Николай Ёлкин", "Визит к о. Ёлкину в пятницу", "Визит к о. [x] в пятницу"),
        ("Николай Ёлкин", "Жена Елкина ведёт приют", "Жена [x] ведёт приют"),
        ("Николай Ёлкин", "с Ёлкиным и Н. Ёлкиным", "с [x] и [x]"),
        ("Оксана Коваленко", "Зустріч з Коваленком у вівторок", "Зустріч з [x] у вівторок"),
        ("Оксана Коваленко", "Листи Коваленку", "Листи [x]"),
        ("Иван Петров", "у Петровых дома", "у [x] дома"),
    ],
)
def test_declined_russian_and_ukrainian_names_are_found(
    person: str, text: str, expected: str
) -> None:
    assert NameMatcher([person]).sub(text, "[x]") == expected


def test_declension_does_not_reach_other_words() -> None:
    matcher = NameMatcher(["Николай Ёлкин"])
    text = "Ёлка у собора, ёлочный базар"
    assert matcher.sub(text, "[x]") == text


def test_labels_naming_a_person_by_title_are_recognised() -> None:
    assert titled_name("о. Николай Ёлкин") == "Николай Ёлкин"
    assert titled_name("Fr. Yolkin") == "Yolkin"
    assert titled_name("Imam of the central mosque") is None
    assert titled_name("Mayor's office") is None
