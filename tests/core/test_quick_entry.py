"""The quick-entry grammar: what each line adds, and bad input that adds nothing."""

from __future__ import annotations

import copy
import math

import pytest

from stakeholder_mapper.core.model import RelationshipKind, StakeholderMap
from stakeholder_mapper.core.placement import SPACING
from stakeholder_mapper.core.quick_entry import (
    QuickEntryError,
    completions,
    match_category,
    quick_entry,
)


def _copy(smap: StakeholderMap) -> StakeholderMap:
    clone = StakeholderMap()
    clone.replace_content(copy.deepcopy(smap))
    return clone


@pytest.fixture
def placed(small_map):
    small_map.positions.update(
        {"mayor": (0.0, 0.0), "imam": (200.0, 0.0), "youth": (0.0, 200.0), "branch": (200.0, 200.0)}
    )
    return small_map


def _apply(smap, text, **options):
    entry = quick_entry(smap, text, **options)
    entry.command.redo()
    return entry


def test_name_and_category_adds_a_placed_stakeholder(placed):
    entry = _apply(placed, "Fire brigade; Emergency")
    (sid,) = entry.stakeholders
    added = placed.stakeholders[sid]
    assert (added.label, added.category) == ("Fire brigade", "emergency")
    assert entry.command.text == "Add Fire brigade"
    spot = placed.positions[sid]
    assert all(
        math.dist(spot, placed.positions[o]) >= SPACING for o in placed.positions if o != sid
    )
    assert math.dist(spot, (100.0, 100.0)) <= 2 * SPACING, "placed near the centre of the map"


@pytest.mark.parametrize(
    ("typed", "category"),
    [
        ("media", "media"),
        ("MEDIA", "media"),
        ("Red Cross / Red Crescent", "redcross"),
        ("acad", "academia"),
        ("youth gr", "youth"),
        ("Crescent", "redcross"),
        ("emerg", "emergency"),
    ],
)
def test_category_by_id_name_or_unique_start(small_map, typed, category):
    assert match_category(small_map, typed) == category


def test_ambiguous_or_unknown_category_is_a_message(small_map):
    with pytest.raises(QuickEntryError, match="more than one category: 'Municipal authority'"):
        match_category(small_map, "authority")
    with pytest.raises(QuickEntryError, match="did you mean 'Media'"):
        match_category(small_map, "meida")


def test_relationship_with_kind_and_strength(small_map):
    entry = _apply(small_map, "mayor -> youth council trust 4")
    (rid,) = entry.relationships
    r = small_map.relationships[rid]
    assert (r.source, r.target, r.kind, r.strength, r.directed) == (
        "mayor",
        "youth",
        "trust",
        4,
        True,
    )
    assert entry.command.text == "Connect Mayor to Youth council"


def test_plain_arrow_uses_the_default_kind_and_strength(small_map):
    (rid,) = _apply(small_map, "Youth council > Mayor").relationships
    r = small_map.relationships[rid]
    assert (r.source, r.target, r.kind, r.strength) == ("youth", "mayor", "influence", 3)


def test_undirected_and_negative_kinds_follow_the_kind(small_map):
    (rid,) = _apply(small_map, "Mayor -- Youth council; conflict 5").relationships
    r = small_map.relationships[rid]
    assert (r.kind, r.valence, r.directed, r.strength) == ("conflict", "negative", False, 5)
    (rid,) = _apply(small_map, "Mayor <-> Imam of the central mosque").relationships
    assert small_map.relationships[rid].directed is False


def test_pasted_list_is_one_undo_step_and_later_lines_see_earlier_ones(placed):
    before = _copy(placed)
    text = "Radio Marenza; media\n\nFire brigade\temergency\nRadio Marenza > Mayor; information 4\n"
    entry = _apply(placed, text)
    assert entry.command.text == "Quick entry: add 2 stakeholders and 1 relationship"
    radio = next(s for s in placed.stakeholders.values() if s.label == "Radio Marenza")
    (rid,) = entry.relationships
    assert placed.relationships[rid].source == radio.id
    # Radio is connected to the mayor, so it sits next to the mayor.
    assert math.dist(placed.positions[radio.id], placed.positions["mayor"]) <= 2 * SPACING
    entry.command.undo()
    assert placed == before


def test_unknown_name_offers_to_create_it_and_nothing_is_half_added(placed):
    before = _copy(placed)
    with pytest.raises(QuickEntryError, match="No stakeholder called 'Fire brigade' yet") as err:
        quick_entry(placed, "Radio; media\nFire brigade > Mayor")
    assert err.value.missing == ("Fire brigade",)
    assert placed == before
    entry = _apply(placed, "Radio; media\nFire brigade > Mayor", create_missing_in="emergency")
    labels = {placed.stakeholders[s].label: placed.stakeholders[s] for s in entry.stakeholders}
    assert labels.keys() == {"Radio", "Fire brigade"}
    assert labels["Fire brigade"].category == "emergency"
    fire = labels["Fire brigade"].id
    assert math.dist(placed.positions[fire], placed.positions["mayor"]) <= 2 * SPACING


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Mayr", "Mayor"),
        ("Imam of the centrl mosque", "Imam of the central mosque"),
        ("Yuth", "Youth council"),
    ],
)
def test_typo_suggestions(small_map, typed, meant):
    with pytest.raises(QuickEntryError) as err:
        quick_entry(small_map, f"{typed} > Red Crescent city branch")
    assert err.value.suggestion == meant


def test_a_new_name_is_not_mistaken_for_a_typo(small_map):
    with pytest.raises(QuickEntryError) as err:
        quick_entry(small_map, "Fire brigade > Mayor")
    assert err.value.suggestion is None


def test_typo_gives_a_did_you_mean_message(small_map):
    with pytest.raises(QuickEntryError) as err:
        quick_entry(small_map, "Mayr > Youth council")
    assert str(err.value) == "No stakeholder called 'Mayr' — did you mean 'Mayor'?"
    assert err.value.suggestion == "Mayor"
    assert err.value.missing == ("Mayr",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Type a name"),
        ("Mayor; municipal", "'Mayor' is already on the map"),
        ("Radio", "Say which category 'Radio' is in"),
        ("Radio; media\nTV; media\nradio; media", "Line 3: 'radio' is already on the map"),
        ("Radio; nonsense", "No category called 'nonsense'"),
        ("Mayor > Mayor", "cannot have a relationship with itself"),
        ("Mayor > Youth council; trust 9", "Strength should be a whole number from 1 to 5"),
        ("Mayor > Youth council; friendship", "No relationship kind called 'friendship'"),
        ("> Mayor", "needs a name on each side"),
        ("Radio; media\nMayor > Mayor", "Line 2: 'Mayor' cannot have"),
        ("Radio; media\nX > Y\nTV; media", "No stakeholders called 'X' and 'Y' yet"),
    ],
)
def test_bad_input_names_the_problem_and_changes_nothing(small_map, text, message):
    before = _copy(small_map)
    with pytest.raises(QuickEntryError, match=message):
        quick_entry(small_map, text)
    assert small_map == before


def test_default_category_for_plain_names(small_map):
    entry = _apply(small_map, "Radio\nTV\nPress club", default_category="media")
    assert sorted(small_map.stakeholders[s].label for s in entry.stakeholders) == [
        "Press club",
        "Radio",
        "TV",
    ]


def test_completions_offer_names_categories_and_kinds(small_map):
    assert completions(small_map, "you") == ["Youth council"]
    assert completions(small_map, "Radio; med") == ["Radio; Media"]
    assert completions(small_map, "Mayor > Im") == ["Mayor > Imam of the central mosque"]
    assert completions(small_map, "Mayor > Youth council tr") == ["Mayor > Youth council Trust"]
    assert completions(small_map, "Mayor > Youth council; coll") == [
        "Mayor > Youth council; Collaboration"
    ]


def test_map_without_influence_uses_its_first_directed_positive_kind(small_map):
    small_map.kinds = {
        "conflict": RelationshipKind("conflict", "Conflict", False, "negative"),
        "collaboration": RelationshipKind("collaboration", "Collaboration", False),
        "support": RelationshipKind("support", "Support", True),
    }
    (rid,) = _apply(small_map, "Youth council > Mayor").relationships
    assert small_map.relationships[rid].kind == "support"
    (rid,) = _apply(small_map, "Mayor > Imam of the central mosque 4").relationships
    assert (small_map.relationships[rid].kind, small_map.relationships[rid].strength) == (
        "support",
        4,
    )


def test_map_with_only_undirected_kinds_uses_its_first_kind(small_map):
    small_map.kinds = {
        "conflict": RelationshipKind("conflict", "Conflict", False, "negative"),
        "collaboration": RelationshipKind("collaboration", "Collaboration", False),
    }
    (rid,) = _apply(small_map, "Youth council > Mayor").relationships
    assert small_map.relationships[rid].kind == "conflict"


def test_map_without_kinds_is_a_message(small_map):
    small_map.kinds = {}
    with pytest.raises(QuickEntryError, match="no relationship kinds"):
        quick_entry(small_map, "Youth council > Mayor")


@pytest.mark.parametrize(
    ("text", "message", "fixed"),
    [
        (
            "Imam of the central mosque > Mayor trst 4",
            "No relationship kind called 'trst' — did you mean 'trust'?",
            "Imam of the central mosque > Mayor trust 4",
        ),
        (
            "Imam of the central mosque > Mayor informaton 2",
            "No relationship kind called 'informaton' — did you mean 'information'?",
            "Imam of the central mosque > Mayor information 2",
        ),
        (
            "Imam of the central mosque > Mayor funding4",
            "No relationship kind called 'funding4' — did you mean 'funding 4'?",
            "Imam of the central mosque > Mayor funding 4",
        ),
        (
            "Radio; media\nRadio -> Youth council colaboration",
            "Line 2: No relationship kind called 'colaboration' — did you mean 'collaboration'?",
            "Radio; media\nRadio -> Youth council collaboration",
        ),
        (
            "Mayor > Youth council; trst 5",
            "No relationship kind called 'trst' — did you mean 'trust'?",
            "Mayor > Youth council; trust 5",
        ),
        (
            "Radio; meida",
            "No category called 'meida' — did you mean 'Media'?",
            "Radio; Media",
        ),
    ],
)
def test_a_misspelt_kind_after_a_known_name_is_a_typo_never_a_new_name(
    small_map, text, message, fixed
):
    before = _copy(small_map)
    with pytest.raises(QuickEntryError) as err:
        quick_entry(small_map, text)
    assert str(err.value) == message
    assert err.value.missing == ()
    assert err.value.fixed == fixed
    assert small_map == before
    # The corrected text is accepted as it stands.
    _apply(small_map, fixed)


def test_unknown_words_after_a_known_name_list_every_kind_and_how_to_add_a_name(small_map):
    before = _copy(small_map)
    with pytest.raises(QuickEntryError) as err:
        quick_entry(small_map, "Imam of the central mosque > Mayor office")
    kinds = ", ".join(k.name for k in small_map.kinds.values())
    assert str(err.value) == (
        f"No relationship kind called 'office'. Known: {kinds}. "
        "For a new stakeholder called 'Mayor office', end the line with ';'."
    )
    assert err.value.missing == () and err.value.fixed is None
    assert small_map == before
    entry = _apply(
        small_map, "Imam of the central mosque > Mayor office;", create_missing_in="municipal"
    )
    (sid,) = entry.stakeholders
    assert small_map.stakeholders[sid].label == "Mayor office"


def test_unknown_category_lists_every_category(small_map):
    with pytest.raises(QuickEntryError) as err:
        match_category(small_map, "xyzzy")
    names = [c.name for c in small_map.categories.values()]
    assert len(names) > 8
    assert str(err.value) == f"No category called 'xyzzy'. Known: {', '.join(names)}."


def test_a_tie_already_on_the_map_is_not_added_twice(small_map):
    before = _copy(small_map)
    # r2 is the influence tie from the imam to the mayor, strength 5.
    with pytest.raises(QuickEntryError) as err:
        quick_entry(small_map, "Imam of the central mosque > Mayor")
    assert str(err.value) == (
        "The Influence tie from Imam of the central mosque to Mayor already exists "
        "(strength 5); add a strength 1-5 at the end to change it."
    )
    with pytest.raises(QuickEntryError, match="already exists"):
        quick_entry(small_map, "imam of the central mosque -> mayor influence 5")
    assert small_map == before
    # The other way round, or of another kind, is another tie.
    _apply(small_map, "Mayor > Imam of the central mosque")
    _apply(small_map, "Imam of the central mosque > Mayor trust")
    assert len(small_map.relationships) == len(before.relationships) + 2


def test_a_strength_updates_the_tie_already_on_the_map_in_one_undo_step(small_map):
    before = _copy(small_map)
    entry = _apply(small_map, "Imam of the central mosque > Mayor 2")
    assert entry.relationships == () and entry.updated == ("r2",)
    assert small_map.relationships["r2"].strength == 2
    assert len(small_map.relationships) == len(before.relationships)
    assert entry.command.text == (
        "Updated the Influence tie from Imam of the central mosque to Mayor: strength 5 → 2"
    )
    entry.command.undo()
    assert small_map == before


def test_a_pasted_list_never_doubles_a_tie(small_map):
    before = _copy(small_map)
    text = (
        "Radio; media\n"
        "Radio > Mayor\n"
        "Radio > Mayor 4\n"
        "Radio -- Youth council; collaboration\n"
        "Youth council -- Radio; collaboration\n"
        "Imam of the central mosque > Mayor\n"
    )
    entry = _apply(small_map, text)
    ties = [small_map.relationships[r] for r in entry.relationships]
    assert sorted((t.kind, t.strength) for t in ties) == [("collaboration", 3), ("influence", 4)]
    assert entry.unchanged == ("r2",) and entry.updated == ()
    assert entry.summary == (
        "Quick entry: add 1 stakeholder and 2 relationships; "
        "1 tie already on the map left unchanged."
    )
    entry.command.undo()
    assert small_map == before


@pytest.mark.parametrize(
    "header",
    ["Name\tCategory", "Nom; Catégorie", "STAKEHOLDER", "name, category", "Nombre\tCategoría"],
)
def test_a_header_row_of_a_pasted_column_is_skipped_and_said(small_map, header):
    before = _copy(small_map)
    text = f"{header}\r\nPort workers union\tCivil society / NGO\r\nFishermen\tcommunity\r\n"
    entry = _apply(small_map, text)
    added = {small_map.stakeholders[s].label: small_map.stakeholders[s] for s in entry.stakeholders}
    assert {label: s.category for label, s in added.items()} == {
        "Port workers union": "ngo",
        "Fishermen": "community",
    }
    assert entry.skipped_header == header
    assert entry.summary.startswith("Quick entry: add 2 stakeholders; skipped the header line '")
    entry.command.undo()
    assert small_map == before


def test_only_a_first_line_of_column_titles_is_a_header(small_map):
    # A stakeholder called like a title, or a title in a later line, is an entry.
    with pytest.raises(QuickEntryError, match="Line 2: No category called 'Category'"):
        quick_entry(small_map, "Radio; media\nName; Category")
    entry = quick_entry(small_map, "Name; media")
    assert entry.skipped_header == ""
    with pytest.raises(QuickEntryError, match="'Mayor' is already on the map"):
        quick_entry(small_map, "Name\tCategory\nMayor; municipal")


def test_a_word_that_ends_with_a_kind_is_not_taken_for_that_kind(small_map):
    with pytest.raises(QuickEntryError) as err:
        quick_entry(small_map, "Imam of the central mosque > Mayor distrust 2")
    assert str(err.value).startswith("No relationship kind called 'distrust'. Known: Influence")
    assert err.value.suggestion is None and err.value.fixed is None


def test_typographic_arrows_are_arrows(small_map):
    (rid,) = _apply(small_map, "Mayor → Youth council trust").relationships
    tie = small_map.relationships[rid]
    assert (tie.source, tie.target, tie.kind, tie.directed) == ("mayor", "youth", "trust", True)
    (rid,) = _apply(small_map, "Mayor ↔ Imam of the central mosque").relationships
    assert small_map.relationships[rid].directed is False
