"""What the plan reads from the map at each level: our branch, routes, readings."""

from __future__ import annotations

import pytest

from stakeholder_mapper.analysis.attitude import poor_go_between
from stakeholder_mapper.analysis.routes import our_branch
from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.core.styles import tie_look, tie_name
from stakeholder_mapper.io.plan import figures
from stakeholder_mapper.io.plan.facts import gather
from stakeholder_mapper.io.plan.restricted import NO_ROUTE_SHARED
from stakeholder_mapper.io.project import load_map
from stakeholder_mapper.io.redact import RedactedIds, redact
from stakeholder_mapper.paths import SAMPLE_MAP


@pytest.fixture(scope="module")
def sample() -> StakeholderMap:
    return load_map(SAMPLE_MAP)


def _facts(smap: StakeholderMap, level: str):
    ids = RedactedIds() if level != "full" else None
    return gather(smap, redact(smap, level, ids), level, ids)


@pytest.mark.parametrize("level", ["full", "partner", "public"])
def test_our_branch_is_found_before_redaction(sample: StakeholderMap, level: str) -> None:
    facts = _facts(sample, level)
    # Public renames the branch "Red Cross / Red Crescent N"; it must still be our branch,
    # not the National Society headquarters, which is the stronger Red Cross unit.
    assert facts.branch is not None
    assert facts.smap.stakeholders[facts.branch].power == 3
    assert facts.smap.stakeholders[facts.branch].interest == 5
    assert facts.strategies[facts.branch] == "Not a target"


def test_public_grid_counts_leave_out_our_branch(sample: StakeholderMap) -> None:
    facts = _facts(sample, "public")
    counts = figures.grid_counts(facts.smap, {facts.branch})
    # Counted by hand from the sample: the 55 stakeholders less the 4 confidential ones
    # and our branch (power 3, interest 5), by (power, interest).
    expected = {
        (5, 3): 1,
        (5, 2): 1,
        (4, 4): 1,
        (4, 3): 2,  # urban planning, National Society headquarters
        (4, 2): 8,
        (4, 1): 2,
        (3, 5): 1,  # the disaster risk management unit alone: our branch is left out
        (3, 4): 2,
        (3, 3): 7,
        (3, 2): 4,
        (3, 1): 1,
        (2, 5): 2,
        (2, 4): 5,
        (2, 3): 8,
        (1, 5): 1,
        (1, 4): 1,
        (1, 3): 1,
        (1, 2): 2,
    }
    found = {(p + 1, i + 1): int(counts[p, i]) for p in range(5) for i in range(5) if counts[p, i]}
    assert found == expected
    assert sum(expected.values()) == 50


def test_routes_never_pass_through_hostile_stakeholders(sample: StakeholderMap) -> None:
    facts = _facts(sample, "full")
    hostile_names = {s.label for s in sample.stakeholders.values() if poor_go_between(s)}
    assert "Marenza Daily Echo" in hostile_names
    routed = 0
    for messenger in facts.messengers.values():
        if messenger.route is None:
            continue
        between = {facts.label(sid) for sid in messenger.route.stakeholders[1:-1]}
        assert not between & hostile_names, messenger.sentence
        routed += 1
    assert routed >= 20


def test_partner_suggests_no_route_and_names_no_go_between(sample: StakeholderMap) -> None:
    # Whether a route exists, and through whom, turns on positions and trust, which the
    # partner version withholds: it gives every target the same wording instead.
    facts = _facts(sample, "partner")
    assert len(facts.messengers) == len(facts.targets)
    for messenger in facts.messengers.values():
        assert messenger.route is None and messenger.first_hop is None
        assert messenger.sentence == NO_ROUTE_SHARED
        assert messenger.confidence is None


def test_partner_route_to_the_city_council_avoids_the_hostile_paper(
    sample: StakeholderMap,
) -> None:
    council = "Marenza City Council"
    full = _facts(sample, "full")
    partner = _facts(sample, "partner")
    full_route = full.messengers["city_council"].route
    # Internally the branch reaches the council through the district chair, who is
    # confidential; the partner version may not use that route, and must not fall back
    # on the Daily Echo, which distrusts us.
    assert [full.label(s) for s in full_route.stakeholders][1] == (
        "Chair of the Riverside District Community Council"
    )
    (sid,) = [s for s in partner.targets if partner.label(s) == council]
    messenger = partner.messengers[sid]
    assert messenger.route is None
    assert "Daily Echo" not in messenger.sentence
    assert our_branch(sample) == "branch"


def test_brokerage_readings_count_pairs_not_links(sample: StakeholderMap) -> None:
    facts = _facts(sample, "full")
    sentences = [r.sentence for r in facts.readings.values()]
    liaisons = [s for s in sentences if s.startswith("Links groups it does not belong to")]
    assert liaisons
    # Gould–Fernandez counts brokered pairs: more than the map's 181 ties is possible.
    assert all("pairs of stakeholders from other groups" in s for s in liaisons)
    assert not [s for s in sentences if " links " in s and "pass through it" in s]


def test_partner_plan_draws_and_counts_no_conflict_or_distrust(sample: StakeholderMap) -> None:
    facts = _facts(sample, "partner")
    assert any(r.valence == "negative" for r in sample.relationships.values())
    # The figure, the coalitions and the metrics all draw on this map.
    assert all(r.valence == "positive" for r in facts.smap.relationships.values())


def test_network_figure_legend_names_every_tie_look(sample: StakeholderMap) -> None:
    entries = figures.tie_legend(sample)
    labels = [label for label, _look in entries]
    drawn = {(r.kind, r.valence == "negative") for r in sample.relationships.values()}
    # One entry per kind and valence drawn, as in the canvas's legend.
    assert len(entries) == len(drawn)
    assert {(label, look) for label, look in entries} == {
        (tie_name(sample.kinds[k], negative), tie_look(sample.kinds, k, negative))
        for k, negative in drawn
    }
    # Conflict and distrust are drawn and named apart, both with crosses.
    looks = dict(entries)
    assert looks["Conflict"].negative and looks["Trust (negative)"].negative
    assert looks["Conflict"].dashes != looks["Trust (negative)"].dashes
    partner = _facts(sample, "partner").smap
    assert not any(look.negative for _label, look in figures.tie_legend(partner))
    assert "Trust (negative)" not in [label for label, _ in figures.tie_legend(partner)]
    assert labels.index("Trust") < labels.index("Trust (negative)")


def test_network_labels_are_not_cut_short() -> None:
    assert figures.LABEL_POINTS >= 7
    assert figures._short("National Meteorological Service - coastal office") == (
        "National Meteorological\nService - coastal office"
    )
