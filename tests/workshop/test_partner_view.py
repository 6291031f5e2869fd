"""The room shows the map at Partner level, under neutral ids."""

from __future__ import annotations

import dataclasses

from stakeholder_mapper.workshop.partner_view import partner_view


def test_the_room_sees_partner_names_and_neutral_ids_only(small_map):
    people = small_map.stakeholders
    people["youth"] = dataclasses.replace(people["youth"], sensitivity="confidential")
    people["imam"] = dataclasses.replace(
        people["imam"], label="Fr. Yolkin", role="Priest of the cathedral"
    )
    view = partner_view(small_map)
    assert "youth" not in view.to_room, "confidential stakeholders are left out"
    shown = {view.from_room[n]: name for n, name in view.stakeholders.items()}
    assert shown["imam"] == ("Priest of the cathedral", "Faith leader"), "no personal name"
    assert shown["mayor"] == ("Mayor", "Municipal authority")
    assert set(view.stakeholders) == {"s1", "s2", "s3"}
    assert view.kind_from_room["influence"] == "influence"
