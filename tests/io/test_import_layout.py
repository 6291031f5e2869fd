"""A map imported without positions opens laid out; one with positions keeps them."""

from __future__ import annotations

from stakeholder_mapper.analysis.layout_quality import close_pairs, overlapping_discs
from stakeholder_mapper.core.node_size import rating_radius
from stakeholder_mapper.io.table_import import import_tables


def test_csv_tables_without_positions_are_laid_out_on_import(tmp_path) -> None:
    people = tmp_path / "s.csv"
    ties = tmp_path / "r.csv"
    people.write_text(
        "id,name,power\n" + "".join(f"p{i},Person {i},{1 + i % 5}\n" for i in range(30)),
        "utf-8",
    )
    ties.write_text(
        "source,target\n" + "".join(f"p{i},p{(i * 7 + 3) % 30}\n" for i in range(30)), "utf-8"
    )
    smap, _report = import_tables(people, ties)
    assert set(smap.positions) == set(smap.stakeholders)
    radii = {sid: rating_radius(s.power) for sid, s in smap.stakeholders.items()}
    assert overlapping_discs(smap.positions, radii) == 0
    assert close_pairs(smap.positions) == 0
