"""The network figure drawn without a window: PNG, SVG and PDF with title and legend."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QColor, QImage

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.model import MapInfo, StakeholderMap
from stakeholder_mapper.io.project import save_map
from stakeholder_mapper.ui.canvas import MapScene
from stakeholder_mapper.ui.canvas.figure import export_figure, figure_bytes
from stakeholder_mapper.ui.document import MapDocument


def _placed(smap: StakeholderMap) -> StakeholderMap:
    smap.info = MapInfo(title="Marenza ties", city="Marenza")
    smap.positions.update(
        {"mayor": (0.0, 0.0), "imam": (200.0, 0.0), "youth": (200.0, 200.0), "branch": (0.0, 200.0)}
    )
    return smap


def _colours(image: QImage) -> set[str]:
    step = max(1, image.width() // 400)
    return {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }


def test_png_shows_every_category_colour_at_the_chosen_width(qtbot, small_map, tmp_path):
    export_figure(_placed(small_map), tmp_path / "map.png", "png", width=1200)
    image = QImage(str(tmp_path / "map.png"))
    assert image.width() == 1200 and image.height() > 400
    colours = _colours(image)
    for category in ("municipal", "faith", "youth", "redcross"):
        assert small_map.categories[category].colour.lower() in colours, category
    assert image.pixelColor(2, 2) == QColor("white")


def test_svg_is_vector_with_labels_and_legend(qtbot, small_map, tmp_path):
    export_figure(_placed(small_map), tmp_path / "map.svg", "svg")
    text = (tmp_path / "map.svg").read_text("utf-8")
    assert "<title>Marenza ties</title>" in text
    for words in ("Mayor", "Youth council", "Stakeholders", "Faith leader", "Influence"):
        assert words in text
    assert "<image" not in text, "nodes are drawn as vectors, not cached pixmaps"


def test_pdf_is_one_page(qtbot, small_map):
    scene = MapScene(MapDocument(_placed(small_map)))
    data = figure_bytes(scene, "pdf")
    assert data.startswith(b"%PDF")
    assert b"/Count 1" in data, "one page"


def test_selection_is_not_drawn_and_is_kept(qtbot, small_map):
    scene = MapScene(MapDocument(_placed(small_map)))
    scene.nodes["mayor"].setSelected(True)
    plain = MapScene(MapDocument(_placed(small_map)))
    assert figure_bytes(scene, "svg") == figure_bytes(plain, "svg")
    assert scene.nodes["mayor"].isSelected()


def test_cli_exports_png_and_refuses_an_empty_map(small_map, tmp_path, capsys):
    save_map(_placed(small_map), tmp_path / "city.smap")
    out = tmp_path / "city.png"
    assert main(["export", str(tmp_path / "city.smap"), "--to", "png", "-o", str(out)]) == 0
    assert QImage(str(out)).width() == 2400
    save_map(StakeholderMap(), tmp_path / "empty.smap")
    code = main(
        ["export", str(tmp_path / "empty.smap"), "--to", "svg", "-o", str(tmp_path / "e.svg")]
    )
    assert code == 2
    assert capsys.readouterr().err == "error: The map has no stakeholders to draw.\n"
    assert not (tmp_path / "e.svg").exists()


def test_cli_draws_without_a_display(small_map, tmp_path):
    save_map(_placed(small_map), tmp_path / "city.smap")
    hidden = ("DISPLAY", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "stakeholder_mapper.cli",
            "export",
            "city.smap",
            "--to",
            "svg",
            "-o",
            "city.svg",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "city.svg").read_text("utf-8").startswith("<?xml")
