"""The route panel shows each route's confidence and, for the chosen one, why."""

from __future__ import annotations

from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.ui.document import MapDocument
from stakeholder_mapper.ui.panels.route_panel import RoutePanel


def _city() -> StakeholderMap:
    # branch -5-> bank -5-> developer: 24, but the bank's trust is unknown and no one of
    # ours looks after it (cost 24 + 30 + 10 + 20 = 84); branch -4-> chamber -4->
    # developer: 30, through a chamber that trusts and supports us (cost 30).
    smap = StakeholderMap()
    for s in (
        Stakeholder("branch", "Our branch", "redcross"),
        Stakeholder("bank", "Coastal Bank", "financial", position=0),
        Stakeholder("chamber", "Chamber", "private", trust=2, position=1, focal_point="Director"),
        Stakeholder("developer", "Developer", "private", trust=-1, position=-2),
    ):
        smap.stakeholders[s.id] = s
    for rid, source, target, strength in (
        ("r1", "branch", "bank", 5),
        ("r2", "bank", "developer", 5),
        ("r3", "branch", "chamber", 4),
        ("r4", "chamber", "developer", 4),
    ):
        smap.relationships[rid] = Relationship(rid, source, target, strength=strength)
    return smap


def test_routes_are_listed_with_their_confidence_and_the_chosen_one_says_why(qtbot) -> None:
    panel = RoutePanel(MapDocument(_city()))
    qtbot.addWidget(panel)
    highlighted: list[list[str]] = []
    panel.highlight.connect(highlighted.append)
    panel.set_ends("branch", "developer")
    routes = panel.find()
    assert [r.stakeholders[1] for r in routes] == ["chamber", "bank"]
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == [
        "Our branch → Chamber → Developer  (cost 30, confidence high)",
        "Our branch → Coastal Bank → Developer  (cost 84, confidence low)",
    ]
    assert panel.note.text().startswith("Confidence high: every go-between trusts us")
    panel.list.setCurrentRow(1)
    assert panel.note.text().startswith(
        "Confidence low: Coastal Bank's trust in us is not known; Coastal Bank is neutral on "
        "our objective; none of our staff looks after the relationship with Coastal Bank."
    )
    assert highlighted[-1] == ["branch", "bank", "developer"]
    panel.clear()
    assert panel.confidences == [] and panel.note.text() == ""
