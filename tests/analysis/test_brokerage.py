"""Gould–Fernandez brokerage: hand-worked counts, expected values, z-scores; properties."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stakeholder_mapper.analysis.brokerage import ROLES, brokerage
from stakeholder_mapper.analysis.metrics import compute_metrics
from stakeholder_mapper.analysis.views import build_graph

# -- The hand-worked case -----------------------------------------------------------------
# Six stakeholders in three groups: A = {a1, a2, a3}, B = {b1, b2}, C = {c1}; seven arcs.
#
#   a1 -> a2 -> a3        a2 -> b1 -> a1        c1 -> b2 -> b1
#                                               b2 -> a3
#
# Every two-step path i -> j -> k with no arc i -> k, by broker j:
#   a1: b1 -> a1 -> a2   groups B A A   gatekeeper      (lets an outsider into A)
#   a2: a1 -> a2 -> a3   groups A A A   coordinator
#       a1 -> a2 -> b1   groups A A B   representative  (A -> A -> B, as in sna's code)
#   b1: a2 -> b1 -> a1   groups A B A   itinerant
#       b2 -> b1 -> a1   groups B B A   representative
#   b2: c1 -> b2 -> b1   groups C B B   gatekeeper
#       c1 -> b2 -> a3   groups C B A   liaison
#   a3, c1: none (a3 sends no tie, c1 receives none).
ARCS = [("a1", "a2"), ("a2", "a3"), ("a2", "b1"), ("c1", "b2"), ("b2", "b1"), ("b1", "a1")]
ARCS.append(("b2", "a3"))
GROUPS = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C"}
RAW = {  # coordinator, itinerant, gatekeeper, representative, liaison, total
    "a1": (0, 0, 1, 0, 0, 1),
    "a2": (1, 0, 0, 1, 0, 2),
    "a3": (0, 0, 0, 0, 0, 0),
    "b1": (0, 1, 0, 1, 0, 2),
    "b2": (0, 0, 1, 0, 1, 2),
    "c1": (0, 0, 0, 0, 0, 0),
}
# Moments (sna::brokerage). N = 6, m = 7 arcs, density d = 7/30.
#   p = d^2 (1 - d) = 1127/27000 (chance that a given i -> j -> k is brokerage)
#   q = d^3 (1 - d)^3 = 4173281/729000000
# Broker in A (n = 3; other groups 2 and 1):
#   coordinator    E = p (n-1)(n-2) = 2p          V = E (1-p) + 2 (n-1)(n-2)(n-3) q = 2p(1-p)
#   itinerant      E = p (2*1 + 1*0) = 2p         V = 2p(1-p) + 2 (2*1*0 + 1*0*(-1)) q = 2p(1-p)
#   gatekeeper,
#   representative E = p (N-n)(n-1) = 6p          V = 6p(1-p) + 2 ((n-1) C(3,2) + 3 C(2,2)) q
#                                                   = 6p(1-p) + 18q
#   liaison        E = p ((2+1)^2 - (4+1)) = 4p   V = 4p(1-p) + 4 (2 C(1,2) + 1 C(2,2)) q
#                                                   = 4p(1-p) + 4q
#   total          E = p (N-1)(N-2) = 20p         V = 20p(1-p) + 2*5*4*3 q = 20p(1-p) + 120q
# Broker in B (n = 2; others 3 and 1):
#   coordinator    E = 0, V = 0  -> z undefined (NaN)
#   itinerant      E = p (3*2 + 0) = 6p           V = 6p(1-p) + 2 (3*2*1) q = 6p(1-p) + 12q
#   gate/repr.     E = p * 4 * 1 = 4p             V = 4p(1-p) + 2 (1 C(4,2) + 4 C(1,2)) q
#                                                   = 4p(1-p) + 12q
#   liaison        E = p ((3+1)^2 - (9+1)) = 6p   V = 6p(1-p) + 4 (3 C(1,2) + 1 C(3,2)) q
#                                                   = 6p(1-p) + 12q
# Broker in C (n = 1; others 3 and 2):
#   coordinator    E = 0, V = 0                   -> NaN
#   itinerant      E = p (3*2 + 2*1) = 8p         V = 8p(1-p) + 2 (3*2*1 + 0) q = 8p(1-p) + 12q
#   gate/repr.     E = p * 5 * 0 = 0, V = 0       -> NaN
#   liaison        E = p ((3+2)^2 - (9+4)) = 12p  V = 12p(1-p) + 4 (3 C(2,2) + 2 C(3,2)) q
#                                                   = 12p(1-p) + 36q
# In every group the five expectations add up to the total's, 20p.
P = Fraction(7, 30) ** 2 * Fraction(23, 30)
Q = Fraction(7, 30) ** 3 * Fraction(23, 30) ** 3
MOMENTS = {  # role -> (E / p, extra variance / q) by group
    "A": [(2, 0), (2, 0), (6, 18), (6, 18), (4, 4), (20, 120)],
    "B": [(0, 0), (6, 12), (4, 12), (4, 12), (6, 12), (20, 120)],
    "C": [(0, 0), (8, 12), (0, 0), (0, 0), (12, 36), (20, 120)],
}


def _expected(group: str, role: int) -> tuple[float, float]:
    e, extra = MOMENTS[group][role]
    return float(e * P), math.sqrt(e * P * (1 - P) + extra * Q)


@pytest.fixture
def hand_worked():
    graph = nx.DiGraph(ARCS)
    graph.add_nodes_from(GROUPS)
    return brokerage(graph, GROUPS)


def test_hand_worked_counts(hand_worked):
    for node, counts in RAW.items():
        assert tuple(hand_worked.raw.loc[node]) == counts, node
    assert Fraction(1127, 27000) == P and Fraction(4173281, 729000000) == Q


def test_hand_worked_expected_values_sds_and_z_scores(hand_worked):
    for node, group in GROUPS.items():
        for role_index, role in enumerate(ROLES):
            expected, sd = _expected(group, role_index)
            assert hand_worked.expected.loc[node, role] == pytest.approx(expected, rel=1e-12)
            assert hand_worked.sd.loc[node, role] == pytest.approx(sd, rel=1e-12)
            z = hand_worked.z.loc[node, role]
            if sd == 0:
                assert math.isnan(z), (node, role)
            else:
                assert z == pytest.approx((RAW[node][role_index] - expected) / sd, rel=1e-12)


def test_hand_worked_z_scores_as_numbers(hand_worked):
    # p = 0.041741, q = 0.0057247.
    # a2 coordinates once where 2p = 0.08348 is expected, sd = sqrt(2p(1-p)) = 0.28284:
    # z = (1 - 0.08348) / 0.28284 = 3.2404.
    assert hand_worked.z.loc["a2", "coordinator"] == pytest.approx(3.2404, abs=1e-4)
    # b2's liaison act: E = 6p = 0.25044, sd = sqrt(6p(1-p) + 12q) = 0.55560: z = 1.3491.
    assert hand_worked.z.loc["b2", "liaison"] == pytest.approx(1.3491, abs=1e-4)
    # a1 total: 1 act, E = 20p = 0.83481, sd = sqrt(20p(1-p) + 120q) = 1.21940: z = 0.1355.
    assert hand_worked.z.loc["a1", "total"] == pytest.approx(0.1355, abs=1e-4)
    # c1 can be neither gatekeeper nor representative: undefined, not a number.
    assert np.isnan(hand_worked.z.loc["c1", ["coordinator", "gatekeeper", "representative"]]).all()


def test_representative_is_broker_in_the_source_group_gatekeeper_in_the_target_group():
    # sna's help page swaps the two labels; its code (and Gould & Fernandez) does not.
    graph = nx.DiGraph([("i", "j"), ("j", "k")])
    same_as_source = brokerage(graph, {"i": "A", "j": "A", "k": "B"}).raw.loc["j"]
    same_as_target = brokerage(graph, {"i": "A", "j": "B", "k": "B"}).raw.loc["j"]
    assert same_as_source["representative"] == 1 and same_as_source["gatekeeper"] == 0
    assert same_as_target["gatekeeper"] == 1 and same_as_target["representative"] == 0


def test_closed_triads_and_reciprocal_ties_are_not_brokerage():
    # i -> j -> k and i -> k -> j are closed by the direct arcs i -> k and i -> j;
    # j -> k -> j and k -> j -> k return to where they started.
    graph = nx.DiGraph([("i", "j"), ("j", "k"), ("i", "k"), ("k", "j")])
    result = brokerage(graph, {"i": "A", "j": "A", "k": "A"})
    assert result.raw.to_numpy().sum() == 0


def test_no_ties_and_complete_graph_have_undefined_z_scores():
    empty = nx.DiGraph()
    empty.add_nodes_from("abc")
    result = brokerage(empty, dict.fromkeys("abc", "A"))
    assert (result.raw.to_numpy() == 0).all() and np.isnan(result.z.to_numpy()).all()
    complete = nx.complete_graph(4, create_using=nx.DiGraph)
    result = brokerage(complete, {0: "A", 1: "A", 2: "B", 3: "B"})
    assert (result.raw.to_numpy() == 0).all()
    assert (result.expected.to_numpy() == 0).all() and np.isnan(result.z.to_numpy()).all()


def test_map_metrics_use_the_same_brokerage(build_map):
    smap = build_map([(node, group.lower()) for node, group in GROUPS.items()], ARCS)
    metrics = compute_metrics(smap)
    for node, counts in RAW.items():
        row = metrics.loc[node, [f"gf_{role}" for role in ROLES]]
        assert tuple(row) == counts
    expected, sd = _expected("B", ROLES.index("liaison"))
    assert metrics.loc["b2", "gf_liaison_expected"] == pytest.approx(expected)
    assert metrics.loc["b2", "gf_liaison_z"] == pytest.approx((1 - expected) / sd)
    assert math.isnan(metrics.loc["b1", "gf_coordinator_z"])


def test_grouping_by_another_attribute(build_map):
    # Same ties, all in one category, grouped by a custom attribute instead.
    smap = build_map(
        [(node, "ngo", {"attributes": {"side": group}}) for node, group in GROUPS.items()],
        ARCS,
    )
    by_side = compute_metrics(smap, group_by="side")
    assert tuple(by_side.loc["b2", [f"gf_{r}" for r in ROLES]]) == RAW["b2"]
    by_category = compute_metrics(smap)
    assert by_category["gf_coordinator"].sum() == 7  # one group: all acts coordinate


# -- Properties on random small digraphs --------------------------------------------------
def _brute_force(graph: nx.DiGraph, groups: dict) -> dict:
    counts = {node: dict.fromkeys(ROLES, 0) for node in graph}
    for i, j, k in itertools.permutations(graph.nodes, 3):
        if graph.has_edge(i, j) and graph.has_edge(j, k) and not graph.has_edge(i, k):
            gi, gj, gk = groups[i], groups[j], groups[k]
            if gi == gj == gk:
                role = "coordinator"
            elif gi == gk:
                role = "itinerant"
            elif gj == gk:
                role = "gatekeeper"
            elif gi == gj:
                role = "representative"
            else:
                role = "liaison"
            counts[j][role] += 1
            counts[j]["total"] += 1
    return counts


@st.composite
def grouped_digraphs(draw):
    n = draw(st.integers(min_value=0, max_value=8))
    pairs = [(u, v) for u in range(n) for v in range(n) if u != v]
    arcs = draw(st.lists(st.sampled_from(pairs), unique=True) if pairs else st.just([]))
    groups = draw(st.lists(st.sampled_from("XYZ"), min_size=n, max_size=n))
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(arcs)
    return graph, dict(enumerate(groups))


@settings(max_examples=60)
@given(grouped_digraphs())
def test_counts_match_brute_force_and_roles_sum_to_total(case):
    graph, groups = case
    result = brokerage(graph, groups)
    expected = _brute_force(graph, groups)
    for node in graph:
        assert result.raw.loc[node].to_dict() == expected[node]
        assert sum(result.raw.loc[node, list(ROLES[:-1])]) == result.raw.loc[node, "total"]


@settings(max_examples=40)
@given(grouped_digraphs(), st.randoms(use_true_random=False))
def test_invariant_under_relabelling(case, rnd):
    graph, groups = case
    names = [f"s{i}" for i in graph.nodes]
    rnd.shuffle(names)
    mapping = dict(zip(graph.nodes, names, strict=True))
    relabelled = nx.relabel_nodes(graph, mapping)
    # Insert nodes in another order as well.
    shuffled = nx.DiGraph()
    order = list(relabelled.nodes)
    rnd.shuffle(order)
    shuffled.add_nodes_from(order)
    shuffled.add_edges_from(relabelled.edges)
    before = brokerage(graph, groups)
    after = brokerage(shuffled, {mapping[node]: group for node, group in groups.items()})
    for node in graph:
        for table in ("raw", "expected", "sd", "z"):
            a = getattr(before, table).loc[node].to_numpy(dtype=float)
            b = getattr(after, table).loc[mapping[node]].to_numpy(dtype=float)
            np.testing.assert_allclose(a, b, rtol=1e-12, atol=0)


def test_map_brokerage_equals_graph_brokerage_on_a_map_with_undirected_ties(build_map):
    smap = build_map(
        [("m", "municipal"), ("y1", "youth"), ("y2", "youth"), ("n", "ngo"), ("f", "faith")],
        [
            ("y1", "n", {"directed": False, "kind": "collaboration"}),
            ("n", "m"),
            ("y2", "n"),
            ("f", "y1"),
            ("m", "f", {"strength": 1}),
        ],
    )
    graph = build_graph(smap)
    expected = brokerage(graph, {s: d["category"] for s, d in graph.nodes(data=True)})
    metrics = compute_metrics(smap)
    for role in ROLES:
        assert metrics[f"gf_{role}"].tolist() == expected.raw[role].tolist()
        np.testing.assert_allclose(metrics[f"gf_{role}_z"], expected.z[role])
