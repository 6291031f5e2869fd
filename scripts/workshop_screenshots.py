"""Render the workshop screenshots in docs/images/ at 1920 x 1080, without a display.

    python scripts/workshop_screenshots.py

A workshop-sized map (16 actors of the Marenza sample) is scored with influence towers
and dot votes, snapshotted, changed as a second workshop would change it, and shown in
presentation mode: the canvas, the influence towers, and the comparison with the snapshot.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from stakeholder_mapper.core.commands import (  # noqa: E402
    MoveStakeholders,
    RemoveStakeholders,
    UpdateStakeholder,
)
from stakeholder_mapper.core.model import StakeholderMap  # noqa: E402
from stakeholder_mapper.core.quick_entry import quick_entry  # noqa: E402
from stakeholder_mapper.core.scores import SetInfluence, SetVotes  # noqa: E402
from stakeholder_mapper.io.project import load_map  # noqa: E402
from stakeholder_mapper.paths import SAMPLE_MAP  # noqa: E402
from stakeholder_mapper.ui.canvas.items import NodeItem  # noqa: E402
from stakeholder_mapper.ui.setup.qt_application import set_up_application  # noqa: E402
from stakeholder_mapper.ui.window.main_window import MainWindow  # noqa: E402

IMAGES = ROOT / "docs" / "images"
WIDTH, HEIGHT = 1920, 1080
ACTORS = {  # id: (influence tower, dot votes)
    "mayor": (9, 6),
    "dmu": (6, 9),
    "planning": (7, 3),
    "ndma": (5, 1),
    "fire": (4, 2),
    "district_chair": (4, 7),
    "kasbah": (2, 4),
    "ferry": (2, 5),
    "women_coop": (3, 2),
    "imam": (5, 3),
    "youth_centre": (2, 1),
    "youth_climate": (1, 2),
    "developer": (8, 0),
    "tabloid": (4, 0),
    "radio": (3, 4),
    "branch": (3, 0),
}

#: Authorities on top, our branch and the media in the middle, communities below.
LAYOUT = {
    "ndma": (-800.0, -420.0),
    "mayor": (-400.0, -420.0),
    "planning": (0.0, -420.0),
    "developer": (400.0, -420.0),
    "tabloid": (800.0, -420.0),
    "fire": (-800.0, -140.0),
    "dmu": (-400.0, -140.0),
    "branch": (0.0, -140.0),
    "radio": (400.0, -140.0),
    "imam": (-600.0, 140.0),
    "district_chair": (-200.0, 140.0),
    "women_coop": (200.0, 140.0),
    "youth_centre": (600.0, 140.0),
    "ferry": (-600.0, 420.0),
    "kasbah": (-200.0, 420.0),
    "youth_climate": (400.0, 420.0),
}


def workshop_map() -> StakeholderMap:
    """The 16 actors, their ties to each other, laid out as a facilitator would arrange them."""
    sample = load_map(SAMPLE_MAP)
    smap = StakeholderMap(sample.info)
    smap.categories, smap.kinds = sample.categories, sample.kinds
    smap.stakeholders = {sid: sample.stakeholders[sid] for sid in ACTORS}
    smap.relationships = {
        rid: r
        for rid, r in sample.relationships.items()
        if r.source in ACTORS and r.target in ACTORS
    }
    smap.positions = {sid: LAYOUT[sid] for sid in ACTORS}
    return smap


def save(window: MainWindow, name: str) -> None:
    """Save the window as docs/images/workshop-<name>.png and say how large labels are."""
    path = IMAGES / f"workshop-{name}.png"
    window.grab().save(str(path))
    view = window.view
    points = NodeItem.label_px * view.zoom_level() * 72 / view.logicalDpiY()
    print(f"{path}: canvas labels {points:.1f} pt on screen")


def main() -> None:
    screen = {
        "screens": [
            {
                "name": "projector",
                "x": 0,
                "y": 0,
                "width": WIDTH,
                "height": HEIGHT,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
        ]
    }
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(json.dumps(screen), encoding="utf-8")
    app = QApplication([sys.argv[0], "-platform", f"offscreen:configfile={config}"])
    set_up_application(app)

    window = MainWindow(workshop_map())
    document, tools = window.document, window.workshop
    for sid, (tower, votes) in ACTORS.items():
        document.push(SetInfluence(document.smap, sid, tower))
        if votes:
            document.push(SetVotes(document.smap, sid, votes))
    window.show()
    tools.snapshots.take("Workshop 1 (March)")

    # The second workshop: new actors, one gone, opinions changed.
    smap = document.smap
    added = quick_entry(
        smap,
        "Flood Research Lab; academia\n"
        "Flood Research Lab > Municipal Disaster Risk Management Unit; information 4\n"
        "Flood Research Lab -> Radio Delta FM community radio; collaboration 3",
    )
    document.push(added.command)
    document.push(RemoveStakeholders(smap, ["youth_climate"]))
    document.push(UpdateStakeholder(smap, "developer", interest=2))
    document.push(UpdateStakeholder(smap, "ferry", power=3))
    document.push(SetInfluence(smap, "ferry", 4))
    lab = added.stakeholders[0]
    document.push(MoveStakeholders(smap, {lab: (800.0, -140.0)}))

    IMAGES.mkdir(parents=True, exist_ok=True)
    tools.presentation.enter()
    # The sample marks some actors confidential, so names and scores start hidden.
    tools.presentation.names_action.setChecked(True)
    tools.presentation.scores_action.setChecked(True)
    app.processEvents()
    save(window, "presentation")

    tools.towers_action.setChecked(True)
    app.processEvents()
    save(window, "influence-towers")
    tools.towers_action.setChecked(False)

    tools.snapshots.select(smap.snapshots[0].id)
    tools.snapshots.compare_selected()
    while tools.snapshots.brokerage_pending:
        app.processEvents()
    tools.changes_action.setChecked(True)
    app.processEvents()
    save(window, "comparison")
    tools.presentation.leave()


if __name__ == "__main__":
    main()
