"""Maps at the edges of the limits go through every exporter, and what comes back validates.

One set of limits (core/limits.py) is shared by the loader, ``validate``, the importers
and the writers: whatever ``validate`` accepts, every exporter and the plan handle (a
file, or one sentence saying why not), and whatever an import reads back from those
files, ``validate`` accepts and the loader opens.
"""

from __future__ import annotations

import tempfile
import warnings
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.limits import MAX_COORDINATE
from stakeholder_mapper.core.model import (
    MAX_TOWER,
    MAX_VOTES,
    MapInfo,
    Relationship,
    Stakeholder,
    StakeholderMap,
    default_kinds,
)
from stakeholder_mapper.core.validation import map_problems
from stakeholder_mapper.io.graph_formats import (
    export_gexf,
    export_graphml,
    import_gexf,
    import_graphml,
)
from stakeholder_mapper.io.plan import PlanOptions, write_plan
from stakeholder_mapper.io.project import MapFileError, file_bytes, loads_map, save_map
from stakeholder_mapper.io.redact import redact_for_export
from stakeholder_mapper.io.table_export import EXCEL_CELL_CHARS, export_csv, export_xlsx
from stakeholder_mapper.io.table_import import import_tables, import_workbook

# Odd characters: controls no document holds, bidirectional marks and overrides, a
# non-character, formula starts, combining marks, wide and astral characters.
ODD = [
    "\x00",
    "\x01",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1f",
    "\x7f",
    "\x85",
    "\ufffe",
    "\uffff",
    "\u200f",
    "\u200e",
    "\u202e",
    "\u2066",
    "\u061c",
    "\t",
    "\n",
    "\r",
    "=",
    "+",
    "-",
    "@",
    "'",
    '"',
    ",",
    ";",
    "|",
    "\u0301",
    "ß",
    "İ",
    "ﷺ",
    "👩🏽‍⚕️",
    "中",
    "\u00a0",
    "&",
    "<",
    "]]>",
]
CHARACTERS = st.one_of(
    st.sampled_from(ODD), st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFFF)
)
SHORT = st.lists(CHARACTERS, max_size=12).map("".join)
TEXT = st.one_of(
    SHORT,
    st.builds(
        lambda t, n: ((t or "x") * n)[:n], SHORT, st.sampled_from([200, EXCEL_CELL_CHARS + 1])
    ),
)
LABEL = st.builds(lambda t: "S" + t, SHORT)
SCALE = {
    "power": (1, 5),
    "interest": (1, 5),
    "position": (-2, 2),
    "trust": (-2, 2),
    "influence": (0, MAX_TOWER),
    "votes": (0, MAX_VOTES),
}
COORDINATE = st.one_of(
    st.sampled_from([MAX_COORDINATE, -MAX_COORDINATE, 0.0, 5e-324, -0.0]),
    st.floats(-MAX_COORDINATE, MAX_COORDINATE, allow_nan=False),
)


@st.composite
def maps(draw: st.DrawFn) -> StakeholderMap:
    smap = StakeholderMap(MapInfo(title="T" + draw(SHORT), purpose=draw(TEXT)))
    count = draw(st.integers(0, 4))
    kinds = list(default_kinds())
    for i in range(count):
        sid = f"s{i}"
        scores = {
            name: draw(st.none() | st.integers(low, high)) for name, (low, high) in SCALE.items()
        }
        smap.stakeholders[sid] = Stakeholder(
            sid,
            draw(LABEL),
            draw(st.sampled_from(list(smap.categories))),
            organisation=draw(SHORT),
            tags=tuple(draw(st.lists(st.builds(lambda t: "t" + t, SHORT), max_size=2))),
            notes=draw(TEXT),
            sensitivity=draw(st.sampled_from(["public", "internal", "confidential"])),
            person=draw(SHORT),
            attributes=draw(st.dictionaries(st.sampled_from(["district", "wave"]), SHORT)),
            **scores,
        )
        if draw(st.booleans()):
            smap.positions[sid] = (draw(COORDINATE), draw(COORDINATE))
    for j in range(draw(st.integers(0, 3)) if count >= 2 else 0):
        source, target = draw(
            st.lists(st.sampled_from(list(smap.stakeholders)), min_size=2, max_size=2, unique=True)
        )
        smap.relationships[f"r{j}"] = Relationship(
            f"r{j}",
            source,
            target,
            kind=draw(st.sampled_from(kinds)),
            strength=draw(st.integers(1, 5)),
            valence=draw(st.sampled_from(["positive", "negative"])),
            notes=draw(SHORT),
        )
    smap.plan_settings = draw(
        st.dictionaries(st.sampled_from(["a", "b"]), st.integers(-(10**39), 10**39) | SHORT)
    )
    return smap


def _reads_back(smap: StakeholderMap) -> None:
    """What an import read is valid, saves, and opens again as the same map."""
    assert map_problems(smap) == []
    assert loads_map(file_bytes(smap), "back.smap") == smap


SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(smap=maps(), level=st.sampled_from(["full", "partner"]))
def test_every_data_export_of_a_valid_map_reads_back_valid(
    smap: StakeholderMap, level: str
) -> None:
    assert map_problems(smap) == []
    # A Partner export leaves confidential stakeholders out: it may have none to read.
    shown = bool(redact_for_export(smap, level).stakeholders)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        written = export_csv(smap, out / "m.csv", level=level)
        if shown:
            _reads_back(import_tables(written[0], written[1])[0])
        try:
            export_xlsx(smap, out / "m.xlsx", level=level)
        except MapFileError as exc:  # a text longer than an Excel cell: said, not cut
            assert f"more than the {EXCEL_CELL_CHARS:,} an Excel cell can hold" in str(exc)
            assert not (out / "m.xlsx").exists()
        else:
            if shown:
                _reads_back(import_workbook(out / "m.xlsx")[0])
        export_graphml(smap, out / "m.graphml", level=level)
        export_gexf(smap, out / "m.gexf", level=level)
        if shown:
            _reads_back(import_graphml(out / "m.graphml")[0])
            _reads_back(import_gexf(out / "m.gexf")[0])


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(smap=maps())
def test_the_plan_is_written_at_every_level_for_any_valid_map(smap: StakeholderMap) -> None:
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        # Scripts the bundled fonts lack are drawn as boxes in the figures, with a warning.
        warnings.filterwarnings("ignore", r"Glyph \d+ .* missing from font", UserWarning)
        for level in ("full", "partner", "public"):
            path = write_plan(smap, Path(folder) / f"{level}.docx", PlanOptions(level=level))
            assert Document(str(path)).paragraphs  # Word can open it


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_pictures_of_positions_at_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """±1e308 made export --to png|svg raise OverflowError; the limit is drawn."""
    smap = StakeholderMap()
    for i, xy in enumerate([(MAX_COORDINATE, -MAX_COORDINATE), (0.0, 0.0), (-MAX_COORDINATE, 5.0)]):
        smap.stakeholders[f"s{i}"] = Stakeholder(f"s{i}", f"Name\x01 {i}\u202e", "media")
        smap.positions[f"s{i}"] = xy
    save_map(smap, tmp_path / "far.smap")
    assert main(["validate", str(tmp_path / "far.smap")]) == 0
    out = tmp_path / f"far.{fmt}"
    assert main(["export", str(tmp_path / "far.smap"), "--to", fmt, "-o", str(out)]) == 0
    assert out.stat().st_size > 1000
    assert main(["plan", str(tmp_path / "far.smap"), "-o", str(tmp_path / "far.docx")]) == 0
