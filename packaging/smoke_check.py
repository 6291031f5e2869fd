"""Smoke test of the built app folder, as branch staff would use it: no Python, no checkout.

Copies the bundle into a temporary folder and checks it carries the licences, sample,
template and fonts. Then, from another temporary folder and with no virtual environment
or Python path in the environment, runs its command-line program on the bundled sample
map (validate, metrics, plan, export to PNG and CSV, import of that CSV) and checks what
each one wrote: the plan opens with python-docx, the PNG is a real picture, the imported
map has every stakeholder and relationship. Then it starts both programs without a map,
as a first start does, and waits until Qt reports that it painted the whole main window
(Qt's own ``qt.widgets.painting`` log, so the app needs no test switch); the program must
still be running a moment later with no traceback.

    python packaging/smoke_check.py [BUNDLE]

BUNDLE defaults to what ``packaging/build_bundle.py`` made on this system. The window is drawn
on ``QT_QPA_PLATFORM`` (offscreen unless set, e.g. ``xcb`` under xvfb-run). Exit code 0
when every check passes, 1 at the first that fails. Run by ``make dist``; pytest does not
collect it (not a ``test_*.py`` file, outside ``tests/``), so ``make test`` does not build
the bundle.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from build_bundle import default_bundle  # packaging/build_bundle.py, beside this script
from docx import Document
from PIL import Image

SAMPLE_NAME = "marenza.smap"
SAMPLE_STAKEHOLDERS = 55
SAMPLE_RELATIONSHIPS = 181
#: How long a first start may take to paint its window on a slow CI runner.
WINDOW_TIMEOUT = 90.0
#: How long the program must keep running once its window is painted.
STAY_UP = 3.0
#: Qt's debug line when a whole top-level widget is drawn to its window.
PAINTED = re.compile(r"Flushing QRegion\(0,0 (\d+)x(\d+)\) of MainWindow\(")


class SmokeTestError(Exception):
    """A check of the bundle failed; the message says which and why."""


def _programs(bundle: Path) -> tuple[Path, Path]:
    """The window program and the command-line program inside ``bundle``."""
    folder = bundle / "Contents" / "MacOS" if bundle.suffix == ".app" else bundle
    suffix = ".exe" if sys.platform == "win32" else ""
    return folder / f"Stakeholder Mapper{suffix}", folder / f"stakeholder-mapper{suffix}"


def _clean_environment(home: Path) -> dict[str, str]:
    """The environment of a user without Python: no venv, no Python path, a fresh home."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PYTHON") and key not in {"VIRTUAL_ENV", "CONDA_PREFIX"}
    }
    venv = Path(sys.prefix).resolve()
    env["PATH"] = os.pathsep.join(
        entry
        for entry in env.get("PATH", "").split(os.pathsep)
        if entry and not Path(entry).resolve().is_relative_to(venv)
    )
    for key in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[key] = str(home / key.lower())
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


class Bundle:
    """The copied bundle, run from a work folder in a clean environment."""

    def __init__(self, bundle: Path, root: Path) -> None:
        copy = root / "app" / bundle.name
        shutil.copytree(bundle, copy, symlinks=True)
        self.folder = copy
        self.gui, self.cli = _programs(copy)
        for program in (self.gui, self.cli):
            if not program.is_file():
                raise SmokeTestError(f"{program.name} is missing from the bundle")
        samples = sorted(copy.rglob(SAMPLE_NAME))
        if not samples:
            raise SmokeTestError(f"the bundle carries no {SAMPLE_NAME}")
        self.sample = samples[0]
        self.work = root / "work"
        self.work.mkdir()
        self.env = _clean_environment(root / "home")

    def run(self, *args: str) -> str:
        """Run the command-line program; returns its output, fails on exit code or warnings."""
        done = subprocess.run(
            [str(self.cli), *args],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        output = (done.stdout + done.stderr).strip()
        if done.returncode != 0:
            raise SmokeTestError(f"exit code {done.returncode}: {output}")
        if "Traceback" in output or "findfont" in output:
            raise SmokeTestError(f"printed a traceback or font warning: {output}")
        return output

    def start_window(self, program: Path) -> str:
        """Start ``program`` on the sample, wait until its main window is painted, stop it."""
        env = {
            **self.env,
            "QT_LOGGING_RULES": "qt.widgets.painting=true",
            "QT_FORCE_STDERR_LOGGING": "1",
        }
        log_path = self.work / f"{program.stem.replace(' ', '-')}.log"
        started = time.monotonic()
        with log_path.open("w", encoding="utf-8", errors="replace") as log:
            process = subprocess.Popen(
                [str(program)], cwd=self.work, env=env, stdout=log, stderr=subprocess.STDOUT
            )
            try:
                painted = _wait_for_window(process, log_path)
                painted_after = time.monotonic() - started
                if painted is None:
                    raise SmokeTestError(_window_failure(process, log_path))
                time.sleep(STAY_UP)
                if process.poll() is not None:
                    raise SmokeTestError(
                        f"stopped with exit code {process.returncode} after showing its window: "
                        + _tail(log_path)
                    )
            finally:
                if process.poll() is None:
                    process.kill()
                process.wait()
        text = log_path.read_text(encoding="utf-8", errors="replace")
        if "Traceback" in text:
            raise SmokeTestError(f"printed a traceback: {_tail(log_path)}")
        return (
            f"main window {painted[0]}x{painted[1]} painted after {painted_after:.1f} s "
            f"on {env['QT_QPA_PLATFORM']}, still running {STAY_UP:.0f} s later"
        )


def _wait_for_window(process: subprocess.Popen[bytes], log_path: Path) -> tuple[int, int] | None:
    """The size of the main window once Qt has painted it whole, or None if it never did."""
    deadline = time.monotonic() + WINDOW_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        found = PAINTED.search(log_path.read_text(encoding="utf-8", errors="replace"))
        if found:
            return int(found[1]), int(found[2])
        time.sleep(0.5)
    found = PAINTED.search(log_path.read_text(encoding="utf-8", errors="replace"))
    return (int(found[1]), int(found[2])) if found else None


def _window_failure(process: subprocess.Popen[bytes], log_path: Path) -> str:
    if process.poll() is None:
        return f"no main window painted within {WINDOW_TIMEOUT:.0f} s: {_tail(log_path)}"
    return f"stopped with exit code {process.returncode} before its window showed: " + _tail(
        log_path
    )


def _tail(log_path: Path, lines: int = 15) -> str:
    text = log_path.read_text(encoding="utf-8", errors="replace").splitlines()
    wanted = [line for line in text if not line.startswith("qt.widgets.painting")]
    return "\n".join(wanted[-lines:]) or "(nothing printed)"


#: Files the bundle must carry besides the code: the licences, the sample, the plan
#: template and the fonts the canvas and figures are drawn with.
REQUIRED_FILES = (
    "LICENSE",
    "OFL.txt",
    SAMPLE_NAME,
    "plan-template.docx",
    "NotoSans-Regular.ttf",
    "NotoSansArabic-Regular.ttf",
)


def check_contents(app: Bundle) -> str:
    """The licences, sample, template and fonts are in the bundle."""
    present = {path.name for path in app.folder.rglob("*")}
    missing = [name for name in REQUIRED_FILES if name not in present]
    if missing:
        raise SmokeTestError(f"missing from the bundle: {', '.join(missing)}")
    fonts = sorted(name for name in present if name.endswith(".ttf") and "Noto" in name)
    return f"{', '.join(REQUIRED_FILES[:4])} and {len(fonts)} Noto fonts"


def check_validate(app: Bundle) -> str:
    """``validate`` reads the bundled sample and counts what it holds."""
    output = app.run("validate", str(app.sample))
    expected = f"{SAMPLE_STAKEHOLDERS} stakeholders, {SAMPLE_RELATIONSHIPS} relationships"
    if expected not in output:
        raise SmokeTestError(f"expected '{expected}', got: {output}")
    return output


def check_metrics(app: Bundle) -> str:
    """``metrics`` writes one row per stakeholder with the brokerage measures."""
    app.run("metrics", str(app.sample), "-o", "metrics.csv")
    with (app.work / "metrics.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if len(rows) != SAMPLE_STAKEHOLDERS or "betweenness" not in rows[0]:
        raise SmokeTestError(f"metrics.csv has {len(rows)} rows, columns {list(rows[0])[:5]}")
    top = max(rows, key=lambda row: float(row["betweenness"]))
    return f"{len(rows)} rows; highest betweenness {float(top['betweenness']):.3f} ({top['name']})"


def check_plan(app: Bundle) -> str:
    """``plan`` writes a Word document that python-docx opens, with headings and the city."""
    app.run("plan", str(app.sample), "-o", "plan.docx")
    document = Document(str(app.work / "plan.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    text = "\n".join(p.text for p in document.paragraphs)
    if len(headings) < 3 or "Marenza" not in text:
        raise SmokeTestError(f"plan.docx has headings {headings[:5]}")
    pictures = len(document.inline_shapes)
    return f"{len(headings)} headings, {len(document.tables)} tables, {pictures} figures"


def check_partner_export(app: Bundle) -> str:
    """A Partner export erases a declined Russian name and a phone number in any formatting
    (the morphology dictionaries and numbering plans are in the bundle)."""
    (app.work / "people.csv").write_text(
        "id,name,category,organisation,person,contact\n"
        "church,Собор,faith,Приход о. Ёлкину (067) 123-45-67,Николай Ёлкин,+380 67 123 4567\n",
        encoding="utf-8",
    )
    app.run("import", "--stakeholders", "people.csv", "-o", "people.smap")
    app.run("export", "people.smap", "--to", "csv", "--level", "partner", "-o", "partner.csv")
    text = (app.work / "partner.csv").read_text(encoding="utf-8-sig")
    if "Ёлкин" in text or "45-67" in text or "Приход" not in text:
        raise SmokeTestError(f"partner.csv holds: {text[-200:]!r}")
    return "declined name and phone erased"


def check_png(app: Bundle) -> str:
    """``export --to png`` draws the network without a display: a picture, not a blank."""
    app.run("export", str(app.sample), "--to", "png", "-o", "map.png")
    with Image.open(app.work / "map.png") as image:
        width, height = image.size
        colours = len(image.convert("RGB").getcolors(maxcolors=1 << 20) or ())
    if width < 800 or colours < 50:
        raise SmokeTestError(f"map.png is {width}x{height} with {colours} colours")
    return f"{width}x{height}, {colours} colours"


def check_csv_round_trip(app: Bundle) -> str:
    """``export --to csv`` then ``import`` of those files gives back the whole map."""
    app.run("export", str(app.sample), "--to", "csv", "-o", "map.csv")
    app.run(
        "import",
        "--stakeholders",
        "map.csv",
        "--relationships",
        "map_relationships.csv",
        "-o",
        "back.smap",
    )
    output = app.run("validate", "back.smap")
    expected = f"{SAMPLE_STAKEHOLDERS} stakeholders, {SAMPLE_RELATIONSHIPS} relationships"
    if expected not in output:
        raise SmokeTestError(f"the map imported back holds: {output}")
    return output


def _checks(app: Bundle) -> list[tuple[str, Callable[[], str]]]:
    return [
        ("contents", lambda: check_contents(app)),
        ("validate", lambda: check_validate(app)),
        ("metrics", lambda: check_metrics(app)),
        ("plan", lambda: check_plan(app)),
        ("partner export", lambda: check_partner_export(app)),
        ("export png", lambda: check_png(app)),
        ("export csv + import", lambda: check_csv_round_trip(app)),
        (f"window ({app.gui.name})", lambda: app.start_window(app.gui)),
        (f"window ({app.cli.name})", lambda: app.start_window(app.cli)),
    ]


def main() -> int:
    """Run every check on the bundle; print one line each; exit 1 at the first failure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=default_bundle())
    bundle = parser.parse_args().bundle.resolve()
    if not bundle.exists():
        print(f"smoke test: no bundle at {bundle}; build it with make dist", file=sys.stderr)
        return 1
    print(f"smoke test of {bundle}")
    # Windows may hold a just-stopped program's files for a moment: leave those behind.
    with tempfile.TemporaryDirectory(
        prefix="stakeholder-mapper-smoke-", ignore_cleanup_errors=True
    ) as root:
        name = "copy of the bundle"
        try:
            app = Bundle(bundle, Path(root))
            for name, check in _checks(app):
                started = time.monotonic()
                result = check()
                print(f"  ok  {name} ({time.monotonic() - started:.1f} s): {result}", flush=True)
        except (SmokeTestError, subprocess.TimeoutExpired) as failure:
            print(f"  FAILED  {name}: {failure}", file=sys.stderr)
            return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
