"""Round trips hold for arbitrary text, numbers that look like text and text that looks like data.

What the formats cannot keep is left out of the generated maps and said here: imports
trim spaces around names and other short fields, XML cannot hold control characters or
a carriage return, a custom attribute with a blank value is not kept, and Excel keeps
numbers to 15-16 significant digits.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stakeholder_mapper.core.model import (
    LEVELS,
    SENSITIVITIES,
    Relationship,
    Stakeholder,
    StakeholderMap,
)
from stakeholder_mapper.io.graph_formats import (
    export_gexf,
    export_graphml,
    import_gexf,
    import_graphml,
)
from stakeholder_mapper.io.table_export import export_csv, export_xlsx
from stakeholder_mapper.io.table_import import import_tables, import_workbook

_ALPHABET = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
    exclude_characters="\ufeff",
)
_TRICKY = st.sampled_from(
    ["007", "1e5", "true", "=SUM(A1)", '["a"]', "a;b", "x, y", "[x]", "<b>&amp;</b>", "Мэрия", "-0"]
)


def _trimmed(text: str) -> bool:
    return text == text.strip()


short = st.one_of(_TRICKY, st.text(_ALPHABET, max_size=12)).filter(_trimmed)
name = st.one_of(_TRICKY, st.text(_ALPHABET, min_size=1, max_size=12)).filter(
    lambda t: t.strip() and _trimmed(t)
)
long_text = st.text(st.one_of(_ALPHABET, st.just("\n")), max_size=40)
scale = st.one_of(st.none(), st.integers(1, 5))
attitude = st.one_of(st.none(), st.integers(-2, 2))


@st.composite
def maps(draw: st.DrawFn) -> StakeholderMap:
    smap = StakeholderMap()
    count = draw(st.integers(2, 5))
    for i in range(count):
        sid = f"s{i}"
        keys = draw(st.lists(name, max_size=2, unique=True))
        smap.stakeholders[sid] = Stakeholder(
            id=sid,
            label=draw(name),
            category=draw(st.sampled_from(sorted(smap.categories))),
            organisation=draw(short),
            role=draw(short),
            level=draw(st.one_of(st.none(), st.sampled_from(LEVELS))),
            power=draw(scale),
            interest=draw(scale),
            position=draw(attitude),
            trust=draw(attitude),
            tags=tuple(draw(st.lists(name, max_size=3))),
            notes=draw(long_text),
            sensitivity=draw(st.sampled_from(SENSITIVITIES)),
            informed=draw(st.one_of(st.none(), st.booleans())),
            person=draw(short),
            attributes={k: draw(name) for k in keys},
        )
        if draw(st.booleans()):
            # Canvas positions to a thousandth: Excel keeps 15-16 significant digits.
            x, y = draw(st.tuples(*[st.floats(-1e6, 1e6, allow_nan=False)] * 2))
            smap.positions[sid] = (round(x, 3), round(y, 3))
    for j in range(draw(st.integers(0, 4))):
        a, b = draw(st.lists(st.integers(0, count - 1), min_size=2, max_size=2, unique=True))
        smap.relationships[f"r{j}"] = Relationship(
            f"r{j}",
            f"s{a}",
            f"s{b}",
            kind=draw(st.sampled_from(sorted(smap.kinds))),
            strength=draw(st.integers(1, 5)),
            valence=draw(st.sampled_from(["positive", "negative"])),
            directed=draw(st.booleans()),
            notes=draw(long_text),
        )
    return smap


_SETTINGS = settings(max_examples=20)


def _graphml(smap: StakeholderMap, folder: Path) -> StakeholderMap:
    export_graphml(smap, folder / "map.graphml")
    return import_graphml(folder / "map.graphml")[0]


def _gexf(smap: StakeholderMap, folder: Path) -> StakeholderMap:
    export_gexf(smap, folder / "map.gexf")
    return import_gexf(folder / "map.gexf")[0]


def _xlsx(smap: StakeholderMap, folder: Path) -> StakeholderMap:
    export_xlsx(smap, folder / "map.xlsx", metrics=False)
    return import_workbook(folder / "map.xlsx")[0]


def _csv(smap: StakeholderMap, folder: Path) -> StakeholderMap:
    written = export_csv(smap, folder / "map.csv", metrics=False)
    return import_tables(*written)[0]


@pytest.mark.parametrize("round_trip", [_graphml, _gexf, _xlsx, _csv], ids=lambda f: f.__name__)
def test_any_map_survives(round_trip):
    @_SETTINGS
    @given(maps())
    def check(smap: StakeholderMap) -> None:
        with tempfile.TemporaryDirectory() as folder:
            back = round_trip(smap, Path(folder))
        if not smap.positions:
            # A file without positions is laid out on import: everyone gets a position.
            assert set(back.positions) == set(smap.stakeholders)
            back.positions.clear()
        assert back == smap

    check()
