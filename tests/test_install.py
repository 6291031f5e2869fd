"""A plain (not editable) install carries every bundled file and works away from the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

CHECKOUT = Path(__file__).resolve().parent.parent
PIP = (sys.executable, "-m", "pip", "--quiet", "--disable-pip-version-check")
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "stakeholder_mapper", "resources")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the checkout's sources."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        original = CHECKOUT / name
        if original.is_dir():
            shutil.copytree(original, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(original, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [*PIP, "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("stakeholder_mapper-*.whl")
    return built


def _bundled_files() -> set[str]:
    files = set()
    for path in (CHECKOUT / "resources").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            files.add(
                "stakeholder_mapper/resources/"
                + path.relative_to(CHECKOUT / "resources").as_posix()
            )
    return files


def _modules() -> set[str]:
    return {
        path.relative_to(CHECKOUT).as_posix()
        for path in (CHECKOUT / "stakeholder_mapper").rglob("*.py")
        if "__pycache__" not in path.parts
    }


def test_the_wheel_holds_every_module_resource_font_and_licence(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert _modules() <= names
    assert _bundled_files() <= names
    assert "stakeholder_mapper/resources/fonts/NotoSansArabic-Regular.ttf" in names
    licences = {name.rsplit("/", 1)[-1] for name in names if "/licenses/" in name}
    assert {"LICENSE", "OFL.txt"} <= licences


def test_an_installed_copy_writes_a_plan_from_another_folder_without_font_warnings(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [*PIP, "install", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "MPLCONFIGDIR": str(tmp_path / "mpl")}
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "from stakeholder_mapper import paths; "
            "print(paths.SAMPLE_MAP); print(paths.CHECKOUT_EXPORTS_DIR)",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    sample = Path(where[0])
    assert site in sample.parents
    assert where[1] == "None"
    plan = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from stakeholder_mapper.cli import main; sys.exit(main(sys.argv[1:]))",
            "plan",
            str(sample),
            "-o",
            "plan.docx",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert plan.returncode == 0, plan.stderr
    assert "findfont" not in plan.stderr
    assert plan.stderr == ""
    document = Document(str(elsewhere / "plan.docx"))
    assert any("Marenza" in p.text for p in document.paragraphs)
