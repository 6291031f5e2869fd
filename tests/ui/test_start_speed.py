"""What keeps start-up fast: the window's modules load no heavy library, and a large map
shows at once while its ties are drawn in steps and its metrics computed afterwards."""

from __future__ import annotations

import random
import subprocess
import sys

from stakeholder_mapper.core.commands import RemoveRelationships
from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.ui.canvas.scene import EDGE_STEP
from stakeholder_mapper.ui.main_window import MainWindow

#: Libraries that took most of the start-up time; they load when first needed.
HEAVY = ("igraph", "pandas", "matplotlib", "networkx", "docx", "openpyxl", "python_calamine")
HEAVY += ("cryptography", "scipy")


def test_starting_the_app_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "import stakeholder_mapper.cli, stakeholder_mapper.ui.app\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]", f"loaded at start-up: {done.stdout.strip()}"


def _large_map(ties: int, seed: int = 3) -> StakeholderMap:
    rng = random.Random(seed)
    smap = StakeholderMap()
    n = ties // 5
    for i in range(n):
        smap.put_stakeholder(Stakeholder(f"s{i}", f"Stakeholder {i}", "community", power=3))
        smap.positions[f"s{i}"] = (float(i % 40) * 120, float(i // 40) * 120)
    for j in range(ties):
        a = rng.randrange(n)
        b = (a + rng.randrange(1, n)) % n
        smap.put_relationship(Relationship(f"r{j}", f"s{a}", f"s{b}", "influence", 3))
    return smap


def test_a_large_map_shows_before_its_ties_and_metrics(qtbot, settings) -> None:
    smap = _large_map(2 * EDGE_STEP + 500)
    seen_when_metrics_came: list[tuple[bool, int]] = []
    window = MainWindow(smap, settings=settings)
    # The stakeholders are drawn at once; the ties wait for the event loop.
    assert len(window.scene.nodes) == len(smap.stakeholders)
    assert window.scene.drawing_ties and not window.scene.edges
    window.metrics.finished.connect(
        lambda _r: seen_when_metrics_came.append((window.isVisible(), len(window.scene.edges)))
    )
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitUntil(lambda: window.metrics.result is not None, timeout=60000)
    assert set(window.scene.edges) == set(smap.relationships)
    assert seen_when_metrics_came == [(True, len(smap.relationships))]
    assert set(window.metrics.result.metrics.index) == set(smap.stakeholders)


def test_an_edit_while_ties_are_drawn_completes_them_first(qtbot, settings) -> None:
    smap = _large_map(EDGE_STEP + 500)
    window = MainWindow(smap, settings=settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.undo_stack.setClean())
    last = list(smap.relationships)[-1]
    assert window.scene.drawing_ties and last not in window.scene.edges
    window.document.push(RemoveRelationships(smap, [last]))
    assert not window.scene.drawing_ties
    assert set(window.scene.edges) == set(smap.relationships)
    assert last not in window.scene.edges
