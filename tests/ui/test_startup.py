"""The app starts on a map: the window is titled with the map and draws its stakeholders."""

from __future__ import annotations

from stakeholder_mapper.io.project import save_map
from stakeholder_mapper.ui.main_window import MainWindow


def test_window_shows_the_map(qtbot, small_map, tmp_path):
    path = tmp_path / "marenza.smap"
    save_map(small_map, path)
    window = MainWindow(small_map, path)
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("Untitled map — marenza.smap")
    labels = {node.label for node in window.scene.nodes.values()}
    assert labels == {s.label for s in small_map.stakeholders.values()}
    assert set(window.scene.edges) == set(small_map.relationships)
