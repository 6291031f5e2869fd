"""The ``plan`` command: writes the Word plan, reports bad input in one line with exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from stakeholder_mapper.cli import main
from stakeholder_mapper.io.plan import SECTIONS
from stakeholder_mapper.io.project import save_map


@pytest.fixture
def map_file(tmp_path: Path, small_map) -> Path:
    path = tmp_path / "city.smap"
    save_map(small_map, path)
    return path


def test_plan_writes_the_chosen_level(map_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "plan.docx"
    assert main(["plan", str(map_file), "-o", str(out), "--level", "public"]) == 0
    assert "Saved the public engagement plan" in capsys.readouterr().out
    doc = Document(str(out))
    assert doc.sections[0].footer.paragraphs[-1].text.startswith("Public version")
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == SECTIONS["summary"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--level", "secret"], "invalid choice: 'secret'"),
        (["--template", "missing.docx"], "does not exist"),
    ],
)
def test_bad_options_give_one_line_and_exit_2(
    map_file: Path, tmp_path: Path, capsys, extra: list[str], message: str
) -> None:
    code = main(["plan", str(map_file), "-o", str(tmp_path / "plan.docx"), *extra])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and err.count("\n") == 1


def test_plan_refuses_other_file_types_and_the_map_itself(
    map_file: Path, tmp_path: Path, capsys
) -> None:
    assert main(["plan", str(map_file), "-o", str(tmp_path / "plan.pdf")]) == 2
    assert "must be saved as a .docx file" in capsys.readouterr().err
    assert main(["plan", str(map_file), "-o", str(map_file)]) == 2
    assert "must not overwrite the map file" in capsys.readouterr().err
    assert main(["plan", str(tmp_path / "none.smap"), "-o", str(tmp_path / "p.docx")]) == 2
