"""The Public version's counts cannot be undone by arithmetic: a reader who adds and
subtracts every total the plan prints (and even the true quadrant totals) cannot work
out a count of 1 or 2 that the plan suppressed."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from docx import Document

from stakeholder_mapper.cli import main
from stakeholder_mapper.core.model import Relationship, Stakeholder, StakeholderMap
from stakeholder_mapper.io.plan import PlanOptions, write_plan
from stakeholder_mapper.io.plan.figures import grid_labels
from stakeholder_mapper.io.plan.priorities import QUADRANTS, quadrant

#: Category, power, interest, coalition of each stakeholder, built so that every trick
#: of the trial works on a plan that suppresses only the small cells: Faith leader
#: <3, <3, <3 with a total of 3; Emergency 3 + <3 = 5; Keep informed holds two
#: stakeholders in two rows, each "<3"; Municipal 6 + <3 with the findings' "(7)"; a
#: coalition of a mayor, a newspaper and an imam.
PEOPLE = {
    "f1": ("faith", 5, 5, "a"),
    "f2": ("faith", 5, 1, "c"),
    "f3": ("faith", 1, 5, "c"),
    "n1": ("media", 5, 5, "a"),
    **{f"e{i}": ("emergency", 4, 4, "b") for i in range(1, 4)},
    **{f"e{i}": ("emergency", 4, 2, "b") for i in range(4, 6)},
    "m1": ("municipal", 5, 4, "a"),
    **{f"m{i}": ("municipal", 5, 4, "b") for i in range(2, 7)},
    "m7": ("municipal", 4, 1, "b"),
    **{f"y{i}": ("youth", 1, 1, "c") for i in range(1, 4)},
    "y4": ("youth", 2, 4, "c"),
}

SMALL_TEXT = ("<3", "fewer than 3")
UNBOUNDED = float("inf")


def _trial_map() -> StakeholderMap:
    smap = StakeholderMap()
    for sid, (category, power, interest, _) in PEOPLE.items():
        smap.stakeholders[sid] = Stakeholder(
            sid, sid.upper(), category, power=power, interest=interest
        )
    for coalition in "abc":
        members = [sid for sid, person in PEOPLE.items() if person[3] == coalition]
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                rid = f"{a}-{b}"
                smap.relationships[rid] = Relationship(rid, a, b, strength=5, directed=False)
    return smap


def _bounds(text: str) -> tuple[int, int]:
    text = text.replace("\n", " ").strip()
    if text in SMALL_TEXT:
        return 1, 2
    if text.startswith("≥"):
        return int(text[1:]), UNBOUNDED
    if text == "c":
        return 0, UNBOUNDED
    if m := re.fullmatch(r"(\d+)\s*[–-]\s*(\d+)", text):
        return int(m[1]), int(m[2])
    return int(text), int(text)


def _recover(cells: dict, lines: list[tuple[list, tuple[int, int]]]) -> dict:
    """The attack: narrow every cell by every printed or known total until nothing
    changes; return the suppressed cells whose value is then known."""
    bounds = dict(cells)
    changed = True
    while changed:
        changed = False
        for keys, (low_total, high_total) in lines:
            for k in keys:
                rest_low = sum(bounds[j][0] for j in keys if j != k)
                rest_high = sum(bounds[j][1] for j in keys if j != k)
                low = max(bounds[k][0], low_total - rest_high)
                high = min(bounds[k][1], high_total - rest_low)
                assert low <= high, f"the printed numbers contradict each other at {k}"
                if (low, high) != bounds[k]:
                    bounds[k] = (low, high)
                    changed = True
    return {k: bounds[k][0] for k in cells if cells[k] == (1, 2) and bounds[k][0] == bounds[k][1]}


def _public(tmp_path: Path) -> Document:
    return Document(
        str(write_plan(_trial_map(), tmp_path / "p.docx", PlanOptions(level="public", dpi=40)))
    )


def _table(doc: Document, first: str) -> list[list[str]]:
    for table in doc.tables:
        rows = [[c.text for c in row.cells] for row in table.rows]
        if rows[0][0] == first:
            return rows
    raise AssertionError(f"no table headed {first}")


def test_no_suppressed_count_in_the_public_table_can_be_worked_out(tmp_path: Path) -> None:
    doc = _public(tmp_path)
    rows = _table(doc, "Category")
    text = "\n".join(p.text for p in doc.paragraphs)
    cells, lines = {}, []
    for row in rows[1:]:
        keys = [(row[0], q) for q in QUADRANTS]
        for key, value in zip(keys, row[1:-1], strict=True):
            cells[key] = _bounds(value)
        lines.append((keys, _bounds(row[-1])))
    # Each category's size wherever the plan prints one ("Municipal authority (7)").
    for name, n in re.findall(r"([A-Z][\w &/]+?) \((\d+)\)", text):
        if any(key[0] == name for key in cells):
            lines.append(([key for key in cells if key[0] == name], (int(n), int(n))))
    # A category named in a coalition has at least as many members as it says there,
    # and 3 where it gives no number.
    for row in _table(doc, "Coalition")[1:]:
        for name in {key[0] for key in cells}:
            if m := re.search(rf"{re.escape(name)}(?: \(([^)]*)\))?", row[2]):
                least = int(m[1]) if m[1] and m[1].isdigit() else 1 if m[1] else 3
                lines.append(([key for key in cells if key[0] == name], (least, UNBOUNDED)))
    # The reader is even given the true number of stakeholders in each quadrant.
    smap = _trial_map()
    for q in QUADRANTS:
        total = sum(quadrant(s) == q for s in smap.stakeholders.values())
        lines.append(([key for key in cells if key[1] == q], (total, total)))
    assert any(b == (1, 2) for b in cells.values())
    assert _recover(cells, lines) == {}


def test_no_suppressed_count_in_the_public_grid_can_be_worked_out() -> None:
    smap = _trial_map()
    labels = grid_labels(smap)
    cells = {(p, i): _bounds(labels[p][i]) for p in range(5) for i in range(5)}
    lines = []
    for q in QUADRANTS[:4]:
        keys = [
            (p, i)
            for p in range(5)
            for i in range(5)
            if quadrant(Stakeholder("x", "x", "ngo", power=p + 1, interest=i + 1)) == q
        ]
        total = sum(quadrant(s) == q for s in smap.stakeholders.values())
        lines.append((keys, (total, total)))
    assert any(b == (1, 2) for b in cells.values())
    assert _recover(cells, lines) == {}
    counts = np.zeros((5, 5), dtype=int)
    for s in smap.stakeholders.values():
        counts[s.power - 1, s.interest - 1] += 1
    for (p, i), (low, high) in cells.items():
        assert low <= counts[p, i] <= high


def test_public_coalitions_name_only_categories_of_three_or_more(tmp_path: Path) -> None:
    rows = _table(_public(tmp_path), "Coalition")
    described = " ".join(row[2] for row in rows[1:])
    assert not any(small in described for small in SMALL_TEXT)
    # No coalition holds three faith leaders or three newspapers: the imam sits with
    # the mayor and the newspaper, and no row may say so.
    assert "Faith leader" not in described and "Media" not in described
    assert "Emergency & public services" in described
    assert not re.search(r"\(\d+\)", described)  # "(5)" would be the whole row's total
    assert "other groups" in described


def test_public_plan_and_its_help_say_truly_that_it_names_no_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    smap = _trial_map()
    imam = smap.stakeholders["f1"]
    smap.stakeholders["f1"] = Stakeholder(
        imam.id, "Imam Haddad", imam.category, power=5, interest=5, sensitivity="public"
    )
    doc = Document(str(write_plan(smap, tmp_path / "p.docx", PlanOptions(level="public", dpi=40))))
    text = "\n".join(p.text for p in doc.paragraphs)
    text += "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "Haddad" not in text
    assert "names no stakeholder, not even one marked public" in text
    assert "marked public" not in text.replace("not even one marked public", "")
    with pytest.raises(SystemExit):
        main(["plan", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "no stakeholder is named" in help_text
    assert "named only when marked public" not in help_text
