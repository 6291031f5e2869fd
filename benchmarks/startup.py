"""Start-up time: from starting ``python main.py`` to the main window shown and painted.

Each run starts a fresh process, offscreen, with empty settings (no saved layout, no
recovery files), and times from just before the process starts to the moment the map
canvas has been painted and the event loop is free again (a zero timer posted after
that first paint has fired). The same run times a bare PySide6 process (QApplication
and a QMainWindow with one label, shown and painted) as the yardstick: the ratio says
how much the app adds to what any Qt window costs on this machine, whatever its load.

Then it opens a map of 10,000 stakeholders and 40,000 relationships (laid out, as saved
by the app) and prints the time to a usable window (shown, painted, event loop free),
when every tie was drawn and when the metrics arrived (both in the background), and the
longest the event loop stayed busy meanwhile: how long a click could have waited.

The app is timed again in French (``LANGUAGE=fr``: the catalogue read, Qt's own translations
loaded), and a fresh process times what the message catalogue itself costs: importing it and
choosing each language.

Targets (issue "Starts fast"): median start-up ≤ 1.5 s at rest and ratio ≤ 2; the
10,000-stakeholder map usable in under 5 s; the catalogue a few milliseconds. The load
average is printed first: on a busy machine every figure grows, the ratio much less.

Run: ``python benchmarks/startup.py [RUNS] [--sample-only]`` (default 7 runs; the
option leaves out the 10,000-stakeholder map).
The child processes run this same file with ``--child bare|app [MAP]``; nothing in the
app is changed to be measured.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIG = (10_000, 40_000)
#: How long the child keeps the 10k window open after it is usable, waiting for metrics.
METRICS_WAIT_S = 60.0
#: Interval of the timer that watches whether the event loop stays responsive.
TICK_MS = 10


# -- child side -------------------------------------------------------------------------------
def _child(mode: str, map_path: str | None, watch: bool) -> None:
    """Start a window (bare or the app) and print when it was first painted and idle."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if mode == "catalogue":
        _catalogue_child()
        return
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    marks: dict[str, float] = {}

    def window() -> QMainWindow | None:
        return next((w for w in app.topLevelWidgets() if isinstance(w, QMainWindow)), None)

    def finish() -> None:
        print(json.dumps(marks), flush=True)
        os._exit(0)

    def watch_background() -> None:
        """Keep ticking: note the longest gap between ticks, when every tie is drawn and
        when the metrics arrive."""
        main = window()
        last = [time.monotonic()]
        marks["gap_ties"] = marks["gap_metrics"] = 0.0
        deadline = last[0] + METRICS_WAIT_S

        def tick() -> None:
            now = time.monotonic()
            gap = "gap_ties" if "ties" not in marks else "gap_metrics"
            marks[gap] = max(marks[gap], now - last[0])
            last[0] = now
            if "ties" not in marks and len(main.scene.edges) == len(
                main.document.smap.relationships
            ):
                marks["ties"] = now
            if "metrics" not in marks and main.metrics.result is not None:
                marks["metrics"] = now
            if "ties" in marks and "metrics" in marks:
                finish()
            if now > deadline:
                finish()

        timer = QTimer(app, interval=TICK_MS)
        timer.timeout.connect(tick)
        timer.start()

    def idle() -> None:
        marks["usable"] = time.monotonic()
        if watch:
            watch_background()
        else:
            finish()

    class FirstPaint(QObject):
        """Notes the first paint inside the main window's central widget."""

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
            if event.type() == QEvent.Type.Paint and "painted" not in marks:
                main = window()
                central = main.centralWidget() if main is not None else None
                if central is not None and (obj is central or central.isAncestorOf(obj)):
                    marks["painted"] = time.monotonic()
                    QTimer.singleShot(0, idle)
            return False

    spy = FirstPaint()
    app.installEventFilter(spy)
    if mode == "bare":
        main = QMainWindow()
        main.setCentralWidget(QLabel("Hello"))
        main.resize(1600, 1000)
        main.show()
        app.exec()
        return
    import runpy

    sys.argv = ["main.py", *([map_path] if map_path else [])]
    runpy.run_path(str(ROOT / "main.py"), run_name="__main__")


def _catalogue_child() -> None:
    """Print the seconds taken to import the catalogue module and to choose each language."""
    import stakeholder_mapper.paths  # noqa: F401 - the app imports it anyway; not counted

    marks = {}
    start = time.perf_counter()
    from stakeholder_mapper.core.i18n import LANGUAGES, set_language

    marks["import"] = time.perf_counter() - start
    for code in LANGUAGES:
        start = time.perf_counter()
        set_language(code)
        marks[code] = time.perf_counter() - start
    print(json.dumps(marks), flush=True)


# -- parent side ------------------------------------------------------------------------------
def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Fresh settings and no recovery files: every run is a first start.
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    return env


def _run(
    mode: str,
    home: Path,
    map_path: Path | None = None,
    watch: bool = False,
    language: str = "en",
) -> dict:
    """One child process; returns its marks as seconds since the process was started."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", mode]
    if map_path is not None:
        command.append(str(map_path))
    if watch:
        command.append("--watch")
    start = time.monotonic()
    env = {**_environment(home), "LANGUAGE": language}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"{mode} run printed no timing:\n{done.stdout}\n{done.stderr}")
    marks = json.loads(lines[-1])
    if mode == "catalogue":
        return marks
    return {k: (v if k.startswith("gap") else v - start) for k, v in marks.items()}


def _spread(values: list[float]) -> str:
    return (
        f"min {min(values):5.2f} s   median {statistics.median(values):5.2f} s   "
        f"max {max(values):5.2f} s"
    )


def _big_map(folder: Path) -> Path:
    """Save a laid-out map of 10,000 stakeholders and 40,000 relationships."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from canvas import random_map

    from stakeholder_mapper.io.project import save_map

    path = folder / "big.smap"
    save_map(random_map(*BIG), path, backup=False)
    return path


def _print_big_map(home: Path) -> None:
    marks = _run("app", home, _big_map(home), watch=True)
    n, m = BIG
    print(f"Map of {n:,} stakeholders and {m:,} relationships (one run):")
    print(f"  window painted         {marks['painted']:5.2f} s")
    print(f"  usable (loop free)     {marks['usable']:5.2f} s   target < 5 s")
    for name, what in (("ties", "every tie drawn"), ("metrics", "metrics shown")):
        if name in marks:
            print(f"  {what:<22} {marks[name]:5.2f} s")
        else:
            print(f"  {what:<22} not within {METRICS_WAIT_S:.0f} s of the window")
        # How long an event (a click, a key) could wait meanwhile: the loop's longest stall.
        print(f"    longest busy loop    {marks['gap_' + name]:5.2f} s   until then")


def main(runs: int, big_map: bool = True) -> None:
    """Print start-up times of the app and of a bare window, and the 10k map's figures."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average {load} (1, 5, 15 min) before the run")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        app, french, bare, ratios = [], [], [], []
        _run("app", home)  # warm the disk cache; not counted
        _run("app", home, language="fr")
        for _ in range(runs):
            a = _run("app", home)["usable"]
            b = _run("bare", home)["usable"]
            app.append(a)
            french.append(_run("app", home, language="fr")["usable"])
            bare.append(b)
            ratios.append(a / b)
        print(f"Start-up to the painted main window, sample map, {runs} runs each:")
        print(f"  app (python main.py)   {_spread(app)}   target: median ≤ 1.5 s")
        print(f"  app in French          {_spread(french)}")
        print(f"  bare PySide6 window    {_spread(bare)}")
        print(
            f"  ratio app / bare       median {statistics.median(ratios):.2f}   "
            f"(min {min(ratios):.2f}, max {max(ratios):.2f})   target ≤ 2"
        )
        catalogue = [_run("catalogue", home) for _ in range(runs)]
        parts = ", ".join(
            f"{code} {statistics.median(c[code] for c in catalogue) * 1000:.1f} ms"
            for code in catalogue[0]
        )
        print(f"Message catalogue, median of {runs} fresh processes: {parts}")
        if big_map:
            _print_big_map(home)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average {load} after the run")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        arguments = [a for a in sys.argv[3:] if a != "--watch"]
        _child(sys.argv[2], arguments[0] if arguments else None, "--watch" in sys.argv)
    else:
        numbers = [int(a) for a in sys.argv[1:] if a.isdigit()]
        main(numbers[0] if numbers else 7, "--sample-only" not in sys.argv)
