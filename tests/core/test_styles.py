"""Colour is never the only cue: categories and kinds of tie told apart in greyscale and
under the three common colour-vision deficiencies, simulated with colorspacious."""

from __future__ import annotations

import itertools
import json

import numpy as np
import pytest
from colorspacious import cspace_convert

from stakeholder_mapper.core.i18n import speaking
from stakeholder_mapper.core.model import (
    Category,
    RelationshipKind,
    default_categories,
    default_kinds,
)
from stakeholder_mapper.core.styles import (
    NEGATIVE_COLOUR,
    badge_text_colour,
    category_badges,
    relative_luminance,
    tie_look,
)
from stakeholder_mapper.paths import SAMPLE_MAP

#: Colour difference (CAM02-UCS ΔE) from which two fills are told apart at a glance.
CLEAR_DELTA_E = 15.0
VISIONS = ("normal", "deuteranopia", "protanopia", "tritanopia", "greyscale")
_CVD = {"deuteranopia": "deuteranomaly", "protanopia": "protanomaly", "tritanopia": "tritanomaly"}


def seen(colour: str, vision: str) -> np.ndarray:
    """``colour`` as a person with ``vision`` sees it, in CAM02-UCS (J', a', b')."""
    rgb = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    if vision in _CVD:
        space = {"name": "sRGB1+CVD", "cvd_type": _CVD[vision], "severity": 100}
        rgb = np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)
    jab = cspace_convert(rgb, "sRGB1", "CAM02-UCS")
    if vision == "greyscale":
        jab = np.array([jab[0], 0.0, 0.0])
    return jab


def delta_e(a: str, b: str, vision: str) -> float:
    return float(np.linalg.norm(seen(a, vision) - seen(b, vision)))


def sample_categories() -> list[Category]:
    data = json.loads(SAMPLE_MAP.read_text(encoding="utf-8"))
    return [Category(**c) for c in data["categories"]]


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("source", ["defaults", "sample"])
def test_every_pair_of_categories_differs_by_colour_shape_or_badge(vision, source) -> None:
    categories = (
        list(default_categories().values()) if source == "defaults" else sample_categories()
    )
    assert len(categories) == 13
    badges = category_badges(categories)
    confused = [
        (a.name, b.name)
        for a, b in itertools.combinations(categories, 2)
        if delta_e(a.colour, b.colour, vision) < CLEAR_DELTA_E
        and (a.shape, badges[a.id]) == (b.shape, badges[b.id])
    ]
    assert confused == []


@pytest.mark.parametrize("vision", ["normal", "deuteranopia", "protanopia", "tritanopia"])
def test_categories_of_the_same_shape_differ_in_colour_too(vision) -> None:
    """Where the shape is shared, the colour still helps, for colour-blind eyes as well."""
    categories = list(default_categories().values())
    close = [
        (a.id, b.id, round(delta_e(a.colour, b.colour, vision), 1))
        for a, b in itertools.combinations(categories, 2)
        if a.shape == b.shape and delta_e(a.colour, b.colour, vision) < CLEAR_DELTA_E
    ]
    assert close == []


def test_the_old_palette_would_have_failed_the_colour_check() -> None:
    """The check above can fail: the former Civil society teal next to the Community green
    is nearly the same colour for a tritanope."""
    assert delta_e("#44AA99", "#009E73", "tritanopia") < CLEAR_DELTA_E


def test_badges_are_initials_unique_within_a_shape() -> None:
    badges = category_badges(default_categories().values())
    assert badges["municipal"] == "M" and badges["national"] == "N"
    assert badges["faith"] == "F" and badges["redcross"] == "R"
    # Two circles start with C: the second takes the initials of its first two words.
    assert badges["community"] == "C" and badges["ngo"] == "CS"


@pytest.mark.parametrize("language", ["en", "fr", "es", "ar", "ru"])
def test_badges_tell_categories_apart_in_every_language(language) -> None:
    with speaking(language):
        categories = list(default_categories().values())
    badges = category_badges(categories)
    looks = {(c.shape, badges[c.id]) for c in categories}
    assert len(looks) == len(categories)
    assert all(1 <= len(b) <= 2 for b in badges.values())


def test_badges_of_same_named_categories_still_differ() -> None:
    twins = [Category("a", "Group"), Category("b", "Group"), Category("c", "Group")]
    badges = category_badges(twins)
    assert len(set(badges.values())) == 3


def test_badge_letters_contrast_with_their_fill() -> None:
    for category in default_categories().values():
        text = badge_text_colour(category.colour)
        lighter, darker = sorted(
            (relative_luminance(text), relative_luminance(category.colour)), reverse=True
        )
        # WCAG's 3:1 for large text and graphics at the least.
        assert (lighter + 0.05) / (darker + 0.05) >= 3.0, category.name
    assert badge_text_colour("#F0E442") == "#000000"
    assert badge_text_colour("#332288") == "#ffffff"


def _pattern(kind_id: str, negative: bool, kinds: dict[str, RelationshipKind]) -> tuple:
    look = tie_look(kinds, kind_id, negative)
    return look.dashes, look.marker, look.negative


def test_every_kind_of_tie_has_its_own_line_style() -> None:
    kinds = default_kinds()
    patterns = {k: _pattern(k, kinds[k].valence == "negative", kinds) for k in kinds}
    assert len(set(patterns.values())) == len(kinds)


def test_conflict_and_distrust_are_drawn_differently() -> None:
    kinds = default_kinds()
    distrust = tie_look(kinds, "trust", negative=True)
    conflict = tie_look(kinds, "conflict", negative=True)
    assert distrust.negative and conflict.negative
    assert (distrust.dashes, distrust.marker) != (conflict.dashes, conflict.marker)
    # A negative tie of a positive kind takes the negative colour; conflict keeps its own.
    assert distrust.colour == NEGATIVE_COLOUR
    assert conflict.colour == kinds["conflict"].colour
    # Distrust keeps trust's pattern, so a reader sees which tie turned negative.
    trust = tie_look(kinds, "trust", negative=False)
    assert (distrust.dashes, distrust.marker) == (trust.dashes, trust.marker)
    assert not trust.negative


def test_kinds_sharing_a_line_style_take_markers_in_turn() -> None:
    kinds = {
        f"k{i}": RelationshipKind(f"k{i}", f"Kind {i}", style="dot", colour="#000000")
        for i in range(4)
    }
    markers = [tie_look(kinds, k, False).marker for k in kinds]
    assert markers == ["", "bar", "dot", "double_bar"]


def test_arabic_badges_skip_the_definite_article() -> None:
    private = Category("private", "القطاع الخاص", shape="triangle")
    financial = Category("financial", "القطاع المالي", shape="triangle")
    assert category_badges([private, financial]) == {"private": "ق", "financial": "قم"}
