"""The annex's glossary, kept as data: each version defines what it shows, once."""

from __future__ import annotations

from collections import Counter

from stakeholder_mapper.io.plan import LEVELS
from stakeholder_mapper.io.plan.glossary import GLOSSARY, glossary_rows
from stakeholder_mapper.io.plan.priorities import HIGH_FROM, POWERFUL


def test_each_version_defines_each_term_once_with_placeholders_filled() -> None:
    for level in LEVELS:
        rows = glossary_rows(level)
        assert max(Counter(term for term, _ in rows).values()) == 1
        assert not any("{" in meaning for _, meaning in rows)
    full = dict(glossary_rows("full"))
    assert f"({HIGH_FROM} or more)" in full["Mendelow quadrant"]
    assert full["Powerful"].startswith(f"Power {POWERFUL} or more of 5")


def test_the_public_version_defines_no_per_stakeholder_term() -> None:
    public = {term for term, _ in glossary_rows("public")}
    assert public.isdisjoint({"Priority order", "AIIM strategy", "Most trusted route"})
    assert "recorded" in dict(glossary_rows("full"))["Most trusted route"]


def test_the_partner_version_defines_no_route_its_statements_do_not_use() -> None:
    partner = dict(glossary_rows("partner"))
    assert "Most trusted route" not in partner and "Route confidence" not in partner
    assert "marked it for partners" in partner["Messenger"]


def test_every_entry_names_known_levels() -> None:
    assert all(set(term.levels) <= set(LEVELS) and term.levels for term in GLOSSARY)
