"""The message catalogue: the language chosen as gettext does, plural forms per language,
numbers and dates for the language, and the pseudo-language."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from stakeholder_mapper.core import i18n
from stakeholder_mapper.core.i18n import (
    _,
    format_date,
    format_list,
    format_number,
    is_right_to_left,
    pseudo,
    set_language,
    speaking,
    system_language,
)
from stakeholder_mapper.core.wording import counted


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "ar_SA.UTF-8"}, "ar"),
        ({"LC_ALL": "ru_RU.UTF-8", "LANG": "fr_FR.UTF-8"}, "ru"),
        ({"LC_MESSAGES": "es_ES.UTF-8", "LANG": "fr_FR.UTF-8"}, "es"),
        # LANGUAGE is a list of preferences and wins over the locale, as in gettext.
        ({"LANGUAGE": "de:es", "LANG": "fr_FR.UTF-8"}, "es"),
        ({"LANGUAGE": "de", "LANG": "fr_FR.UTF-8"}, "fr"),
        # A language the app does not speak, or the C locale, gives English.
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANGUAGE": "en_XA"}, "en_XA"),
    ],
)
def test_the_language_follows_the_environment_as_gettext_does(environ, expected) -> None:
    assert system_language(environ) == expected


def test_an_unknown_setting_falls_back_to_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("LANGUAGE", "ru")
    assert set_language("tlh") == "ru"
    assert i18n.language() == "ru"


def test_russian_counts_take_three_forms() -> None:
    set_language("ru")
    assert counted(1, "stakeholder", "stakeholders") == "1 заинтересованная сторона"
    assert counted(3, "stakeholder", "stakeholders") == "3 заинтересованные стороны"
    assert counted(5, "stakeholder", "stakeholders") == "5 заинтересованных сторон"
    assert counted(11, "stakeholder", "stakeholders") == "11 заинтересованных сторон"
    assert counted(21, "relationship", "relationships") == "21 связь"
    assert counted(22, "relationship", "relationships") == "22 связи"


def test_arabic_counts_take_six_forms() -> None:
    set_language("ar")
    forms = [counted(n, "relationship", "relationships") for n in (0, 1, 2, 3, 11, 100)]
    assert forms == ["0 علاقة", "1 علاقة", "2 علاقتان", "3 علاقات", "11 علاقة", "100 علاقة"]
    assert is_right_to_left()


def test_french_counts_zero_and_one_in_the_singular() -> None:
    set_language("fr")
    assert counted(0, "snapshot", "snapshots") == "0 instantané"
    assert counted(1, "snapshot", "snapshots") == "1 instantané"
    assert counted(2, "snapshot", "snapshots") == "2 instantanés"
    assert not is_right_to_left()


def test_english_counts_and_messages_are_the_source() -> None:
    assert counted(1, "row", "rows") == "1 row"
    assert counted(2, "entry", "entries") == "2 entries"
    assert _("Save the map") == "Save the map"


def test_numbers_and_dates_follow_the_language_in_latin_digits() -> None:
    assert format_number(1234.5) == "1,234.5"
    assert format_date(dt.date(2026, 11, 5)) == "5 November 2026"
    set_language("fr")
    assert format_number(1234.5) == "1\u202f234,5"
    assert format_date(dt.date(2026, 11, 5)) == "5 novembre 2026"
    set_language("ar")
    assert format_number(1234.5, decimals=2) == "1,234.50"
    set_language("ru")
    assert format_date(dt.date(2026, 11, 5), short=True) == "5 нояб. 2026\u202fг."


def test_pseudo_language_is_accented_longer_and_keeps_placeholders() -> None:
    text = "Save {name} as %(kind)s with &Options"
    shown = pseudo(text)
    assert shown.startswith("[") and shown.endswith("]")
    assert "{name}" in shown and "%(kind)s" in shown and "&Öptîöñš" in shown
    assert len(shown) >= 1.4 * len(text)
    set_language("en_XA")
    assert _("Save the map") == pseudo("Save the map")
    assert "{name}" in _("{name} is valid: {stakeholders}, {relationships}, {snapshots}.")


def test_pseudo_language_leaves_a_text_the_catalogue_never_extracted_in_english() -> None:
    """A text passed to ``_`` but never marked for extraction stays English in every real
    language: the pseudo-language shows it so, instead of hiding it."""
    set_language("en_XA")
    assert _("Save the map") != "Save the map"
    assert _("Partner: a sentence that no source marks") == (
        "Partner: a sentence that no source marks"
    )


def test_a_new_map_made_in_russian_has_russian_category_and_kind_names() -> None:
    from stakeholder_mapper.core.model import StakeholderMap
    from stakeholder_mapper.core.sharing import builtin_category

    set_language("ru")
    try:
        smap = StakeholderMap()
    finally:
        set_language("en")
    assert smap.categories["municipal"].name == "Городские власти"
    assert smap.categories["media"].name == "СМИ"
    assert smap.kinds["trust"].name == "Доверие"
    # Made in Russian, the names stay Russian: an existing map keeps its stored names.
    assert StakeholderMap().categories["municipal"].name == "Municipal authority"
    assert smap.categories["municipal"].name == "Городские власти"
    # A shipped category keeps counting as the app's own under another language.
    assert builtin_category(smap.categories["media"])


def test_speaking_switches_messages_numbers_and_lists_for_this_thread_only() -> None:
    seen: dict[str, str] = {}

    def elsewhere() -> None:
        seen["other thread"] = i18n._("Executive summary")

    with speaking("ru") as code:
        assert code == "ru"
        assert i18n.language() == "ru"
        assert i18n._("Executive summary") == "Краткое изложение"
        assert format_list(["A", "B", "C"]) == "A, B и C"
        worker = threading.Thread(target=elsewhere)
        worker.start()
        worker.join()
    assert seen["other thread"] == "Executive summary"
    assert i18n.language() == "en"
    assert i18n._("Executive summary") == "Executive summary"
    assert format_list(["A", "B", "C"]) == "A, B and C"


def test_speaking_without_a_language_keeps_the_interface_language() -> None:
    with speaking(None) as code:
        assert code == "en"
