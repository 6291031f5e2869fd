"""The bundled Marenza sample map: opens cleanly and shows what the app is meant to reveal."""

from __future__ import annotations

import datetime as dt
import itertools
import math

import networkx as nx
import pytest

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.model import StakeholderMap, default_categories
from stakeholder_mapper.core.validation import map_problems
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.paths import SAMPLE_MAP


@pytest.fixture(scope="module")
def sample() -> StakeholderMap:
    return load_map(SAMPLE_MAP)


def _ids(smap: StakeholderMap, category: str) -> set[str]:
    return {s.id for s in smap.stakeholders.values() if s.category == category}


def _id(smap: StakeholderMap, label: str) -> str:
    found = smap.find_stakeholder(label)
    assert found is not None, label
    return found.id


def _graph(smap: StakeholderMap, positive_only: bool = False) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(smap.stakeholders)
    g.add_edges_from(
        (r.source, r.target)
        for r in smap.relationships.values()
        if not positive_only or r.valence == "positive"
    )
    return g


def test_sample_loads_with_its_title(sample: StakeholderMap) -> None:
    assert sample.info.title == "Marenza urban resilience stakeholder map"
    assert sample.info.city == "Marenza"
    assert sample.info.branch == "branch"
    assert sample.stakeholders["branch"].label == "Marenza Red Crescent branch"
    assert sample.info.date == dt.date(2026, 11, 1)


def test_sample_is_valid(sample: StakeholderMap) -> None:
    assert map_problems(sample) == []


def test_cli_validates_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SAMPLE_MAP)]) == 0
    assert "is valid" in capsys.readouterr().out


def test_sample_size_and_variety(sample: StakeholderMap) -> None:
    assert len(sample.stakeholders) >= 45
    assert {s.category for s in sample.stakeholders.values()} == set(default_categories())
    assert len(sample.relationships) >= 110
    assert len({r.kind for r in sample.relationships.values()}) >= 3
    assert any(r.valence == "negative" for r in sample.relationships.values())
    assert any(r.kind == "trust" and r.valence == "negative" for r in sample.relationships.values())
    assert any(not r.directed for r in sample.relationships.values())


def test_every_stakeholder_is_placed_apart(sample: StakeholderMap) -> None:
    assert set(sample.positions) == set(sample.stakeholders)
    for (a, pa), (b, pb) in itertools.combinations(sample.positions.items(), 2):
        assert math.dist(pa, pb) >= 60, (a, b)


def test_sample_has_data_for_reminders_and_protection(sample: StakeholderMap) -> None:
    people = [s for s in sample.stakeholders.values() if s.person or s.contact]
    assert 1 <= len(people) <= 8
    assert all("example.org" in s.contact for s in people)
    reviews = [s.review_date for s in sample.stakeholders.values() if s.review_date]
    today = dt.date(2026, 11, 25)
    assert any(d < today for d in reviews) and any(d > today for d in reviews)
    assert {s.sensitivity for s in sample.stakeholders.values()} == {
        "public",
        "internal",
        "confidential",
    }
    plans = [s for s in sample.stakeholders.values() if s.engagement.objective]
    assert len(plans) >= 10
    assert "drafting" in {s.engagement.mou_status for s in plans}
    assert any(s.log for s in sample.stakeholders.values())


def test_branch_reaches_the_mayor_only_through_others(sample: StakeholderMap) -> None:
    g = _graph(sample)
    branch = _id(sample, "Marenza Red Crescent branch")
    assert nx.shortest_path_length(g, branch, _id(sample, "Mayor of Marenza")) >= 2
    assert _ids(sample, "redcross") - {branch}


def test_youth_centre_is_the_only_door_between_youth_and_city_hall(
    sample: StakeholderMap,
) -> None:
    g = _graph(sample)
    youth, municipal = _ids(sample, "youth"), _ids(sample, "municipal")
    assert all(nx.has_path(g, y, m) for y in youth for m in municipal)
    g.remove_node(_id(sample, "Riverside Youth Centre"))
    assert not any(nx.has_path(g, y, m) for y in youth for m in municipal)


def test_settlements_reach_city_hall_through_brokers(sample: StakeholderMap) -> None:
    g = _graph(sample, positive_only=True)
    municipal = _ids(sample, "municipal")
    settlements = {
        _id(sample, name)
        for name in (
            "Kasbah Flats residents' committee",
            "Ferry Landing settlement elders",
            "Reed Island neighbourhood committee",
        )
    }
    brokers = {
        _id(sample, name)
        for name in (
            "Chair of the Riverside District Community Council",
            "Imam of the Old Port mosque",
            "Lagoon Women's Savings Cooperative",
        )
    }
    for sid in settlements:
        assert not set(g[sid]) & municipal
        assert len(set(g[sid]) & brokers) >= 2
    for sid in brokers:
        assert set(g[sid]) & municipal
