"""Canvas speed on a large map: scene build, full repaint, zoom step and a node drag.

Builds a random map of 2,000 stakeholders and 8,000 relationships (every category and
kind, spread over the plane), then prints the time to build the scene, to repaint the
whole view into a 1600×1000 image (fitted, so every item is drawn), to repaint after one
zoom step in, and to drag one node (move + repaint), and the label declutter pass (run
after a zoom change, an edit or a selection, not while dragging). Targets: repaint and
drag < 50 ms.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/canvas.py [STAKEHOLDERS RELATIONSHIPS]``
"""

from __future__ import annotations

import math
import os
import random
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.ui.canvas import MapScene, MapView
from stakeholder_mapper.ui.document import MapDocument

WIDTH, HEIGHT = 1600, 1000


def random_map(n: int, m: int, seed: int = 1) -> StakeholderMap:
    """A laid-out map: ``n`` stakeholders on a jittered grid, ``m`` relationships.

    As after a force-directed layout, most ties (85 %) join stakeholders near each other;
    the rest cross the map.
    """
    rng = random.Random(seed)
    smap = StakeholderMap()
    categories, kinds = list(smap.categories), list(smap.kinds)
    side = math.ceil(math.sqrt(n))
    for i in range(n):
        sid = f"s{i}"
        smap.stakeholders[sid] = Stakeholder(
            sid, f"Stakeholder {i}", rng.choice(categories), power=rng.randint(1, 5)
        )
        row, col = divmod(i, side)
        smap.positions[sid] = (col * 150 + rng.uniform(-40, 40), row * 150 + rng.uniform(-40, 40))
    for j in range(m):
        a = rng.randrange(n)
        if rng.random() < 0.85:
            row, col = divmod(a, side)
            b = (row + rng.randint(-2, 2)) * side + col + rng.randint(-2, 2)
            if not 0 <= b < n or b == a:
                b = (a + 1) % n
        else:
            b = rng.randrange(n)
            if b == a:
                b = (a + 1) % n
        kind = smap.kinds[rng.choice(kinds)]
        smap.relationships[f"r{j}"] = Relationship(
            f"r{j}", f"s{a}", f"s{b}", kind.id, rng.randint(1, 5), kind.valence, kind.directed
        )
    return smap


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def _repaint(view: MapView, image: QImage) -> float:
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    start = time.perf_counter()
    view.render(painter)
    painter.end()
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    m = int(sys.argv[2]) if len(sys.argv) > 2 else 8000
    app = QApplication.instance() or QApplication([])
    smap = random_map(n, m)
    document = MapDocument(smap)
    start = time.perf_counter()
    scene = MapScene(document)
    build = time.perf_counter() - start
    view = MapView(scene, document)
    view.resize(WIDTH, HEIGHT)
    view.show()
    app.processEvents()
    view.fit_all()
    app.processEvents()
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    _repaint(view, image)  # warm caches
    full = statistics.median(_repaint(view, image) for _ in range(5))
    zooms = []
    for _ in range(5):
        start = time.perf_counter()
        view.zoom_by(1.25)
        _repaint(view, image)
        zooms.append(time.perf_counter() - start)
        view.zoom_by(1 / 1.25)
    node = scene.nodes["s0"]
    drags = []
    for step in range(10):
        start = time.perf_counter()
        node.setPos(node.pos() + QPointF(3, 2 if step % 2 else -2))
        app.processEvents()  # the view repaints what changed
        drags.append(time.perf_counter() - start)
    close_view = MapView(scene, document)
    close_view.resize(WIDTH, HEIGHT)
    close_view.show()
    close_view.centerOn(scene.nodes["s1"])
    app.processEvents()
    close = statistics.median(_repaint(close_view, image) for _ in range(5))
    declutter = []
    for _ in range(5):
        start = time.perf_counter()
        scene.place_labels()
        declutter.append(time.perf_counter() - start)
    close_drags = []
    for step in range(10):
        close_node = scene.nodes["s1"]
        start = time.perf_counter()
        close_node.setPos(close_node.pos() + QPointF(3, 2 if step % 2 else -2))
        close_view.viewport().repaint()
        close_drags.append(time.perf_counter() - start)
    print(f"Canvas benchmark: {n} stakeholders, {m} relationships, {WIDTH}x{HEIGHT}")
    print(f"  scene build                     {_ms(build)}")
    print(f"  full repaint (fitted, median)   {_ms(full)}   target < 50 ms")
    print(f"  zoom step + repaint (median)    {_ms(statistics.median(zooms))}")
    print(f"  repaint at 100% zoom (median)   {_ms(close)}")
    print(f"  drag one node, fitted (median)  {_ms(statistics.median(drags))}   target < 50 ms")
    print(
        f"  drag one node at 100% (median)  {_ms(statistics.median(close_drags))}   target < 50 ms"
    )
    print(f"  label declutter, all (median)   {_ms(statistics.median(declutter))}")


if __name__ == "__main__":
    main()
