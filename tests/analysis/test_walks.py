"""Batched two-step walks cover every walk once and change no result."""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from stakeholder_mapper.analysis import walks
from stakeholder_mapper.analysis.brokerage import brokerage
from stakeholder_mapper.analysis.structural_holes import structural_holes
from stakeholder_mapper.analysis.walks import two_step_batches


@pytest.mark.parametrize("batch_size", [1, 2, 5, 1000])
def test_batches_cover_every_walk_once(batch_size):
    degree = np.array([3, 0, 2, 1])
    first = np.concatenate(([0], np.cumsum(degree)[:-1]))
    heads = np.array([0, 2, 1, 3, 0])
    found = []
    for items, positions in two_step_batches(first, degree, heads, batch_size):
        assert len(items) == len(positions)
        assert len(items) <= max(batch_size, degree.max())
        found += list(zip(items.tolist(), positions.tolist(), strict=True))
    expected = [
        (item, position)
        for item, head in enumerate(heads)
        for position in range(first[head], first[head] + degree[head])
    ]
    assert found == expected


@pytest.mark.parametrize("seed", range(4))
def test_small_batches_give_the_same_metrics(monkeypatch, seed):
    rng = random.Random(seed)
    graph = nx.gnp_random_graph(30, 0.15, seed=seed, directed=True)
    for u, v in graph.edges:
        graph[u][v]["strength"] = rng.randint(1, 5)
    groups = {node: rng.choice("ABC") for node in graph}
    roles, holes = brokerage(graph, groups), structural_holes(graph)
    monkeypatch.setattr(walks, "BATCH_SIZE", 7)
    pd.testing.assert_frame_equal(brokerage(graph, groups).raw, roles.raw)
    pd.testing.assert_frame_equal(structural_holes(graph), holes, rtol=1e-12)
