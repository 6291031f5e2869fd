"""A large map's figures: drawn in worker processes with the same result, and each
coalition's drawing sized to its content so that two share a landscape page."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Emu

from stakeholder_mapper.core.model import MapInfo, Stakeholder, StakeholderMap
from stakeholder_mapper.io.plan import PlanOptions, drawing_jobs, write_plan
from stakeholder_mapper.io.plan.figures import COALITION_HEIGHT, NETWORK_SIZE, coalition_size
from stakeholder_mapper.io.plan.sections.figures import LARGE_MAP
from stakeholder_mapper.io.plan.sections.figures import drawing_jobs as drawing_jobs_for

from .conftest import grouped_map

DPI = 40
EXTENT = qn("wp:extent")
#: Room a caption of two lines and the spacing around a picture take, in inches.
CAPTION_INCHES = 0.7


def _clustered_map(groups: int = 4, size: int = 20) -> StakeholderMap:
    """``groups`` groups of ``size`` tied within, each laid out in a wide band of its own."""
    return grouped_map(
        groups,
        size,
        ties_ahead=2,
        seed=5,
        place=lambda rng, group: (rng.uniform(0, 3000), 1000 * group + rng.uniform(0, 400)),
    )


def _coalition_captions(path: Path) -> int:
    """How many coalition drawings the document captions."""
    return sum(
        p.text.split(". ", 1)[-1].startswith("Coalition ") for p in Document(str(path)).paragraphs
    )


def _pictures(path: Path) -> tuple[list[bytes], list[tuple[float, float]]]:
    """The document's pictures in order: their PNG bytes and printed size in inches."""
    doc = Document(str(path))
    blobs, sizes = [], []
    for blip in doc.element.body.iter(qn("a:blip")):
        blobs.append(doc.part.related_parts[blip.get(qn("r:embed"))].blob)
    for extent in doc.element.body.iter(EXTENT):
        sizes.append((Emu(int(extent.get("cx"))).inches, Emu(int(extent.get("cy"))).inches))
    return blobs, sizes


def test_workers_draw_the_same_figures_as_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    smap = _clustered_map()
    assert len(smap.stakeholders) > LARGE_MAP
    options = PlanOptions(dpi=DPI, sections=("figures",))
    path = write_plan(smap, tmp_path / "workers.docx", options)
    in_workers, _ = _pictures(path)
    monkeypatch.setattr(drawing_jobs, "WORKERS", 0)
    here, _ = _pictures(write_plan(smap, tmp_path / "here.docx", options))
    # The overview, each coalition and the grid, pixel for pixel the same.
    assert len(here) == 1 + _coalition_captions(path) + 1 >= 6
    assert in_workers == here


def test_only_a_large_maps_figures_are_drawn_in_workers() -> None:
    large, small = _clustered_map(), _clustered_map(groups=2)
    assert len(small.stakeholders) <= LARGE_MAP < len(large.stakeholders)
    for smap, level, workers in (
        (large, "full", True),
        (large, "partner", True),
        (large, "public", False),  # the grid of counts alone
        (small, "full", False),  # one drawing and the grid
    ):
        with drawing_jobs_for(smap, PlanOptions(level=level)) as jobs:
            assert jobs.in_workers is workers, (level, len(smap.stakeholders))
            assert jobs.submit(len, b"png").result() == 3
    with drawing_jobs_for(large, PlanOptions(sections=("summary",))) as jobs:
        assert not jobs.in_workers  # no figures at all


def test_a_coalition_drawing_is_sized_to_its_content() -> None:
    least, most = COALITION_HEIGHT
    width = NETWORK_SIZE[0]
    wide = _clustered_map(groups=1)  # a band three thousand wide, four hundred high
    assert coalition_size(wide) == (width, least)
    tall = StakeholderMap(MapInfo(title="Tall"))
    for i in range(6):
        tall.stakeholders[f"t{i}"] = Stakeholder(f"t{i}", f"T{i}", "ngo")
        tall.positions[f"t{i}"] = (100.0 * (i % 2), 400.0 * i)
    tall_width, tall_height = coalition_size(tall)
    assert tall_height == most
    assert tall_width < width / 2  # a narrow group gets a narrow drawing, not blank sides


def test_two_coalition_drawings_share_a_landscape_page(tmp_path: Path) -> None:
    path = write_plan(
        _clustered_map(), tmp_path / "plan.docx", PlanOptions(dpi=DPI, sections=("figures",))
    )
    section = next(s for s in Document(str(path)).sections if s.page_width > s.page_height)
    room = Emu(section.page_height - section.top_margin - section.bottom_margin).inches
    _, sizes = _pictures(path)
    coalitions = sizes[1:-1]  # between the overview and the grid
    assert len(coalitions) == _coalition_captions(path) >= 4
    for width, height in coalitions:
        assert height <= COALITION_HEIGHT[1] + 0.01
        assert width <= NETWORK_SIZE[0] * 1.2  # the text width of the landscape page
    tallest = sorted(h for _, h in coalitions)[-2:]
    assert sum(tallest) + 2 * CAPTION_INCHES <= room
    # Each wide band is drawn across the page at the least height: no blank half page.
    assert all(h == pytest.approx(COALITION_HEIGHT[0], abs=0.01) for _, h in coalitions)
