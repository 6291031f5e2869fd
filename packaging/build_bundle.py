"""Build the self-contained app folder with PyInstaller, and say how long it took and its size.

    python packaging/build_bundle.py [--archive]

Runs PyInstaller on ``packaging/stakeholder-mapper.spec`` with the Python that runs this
script (which needs the ``dist`` extra: ``pip install -e '.[dist]'``). The app goes to
``dist/stakeholder-mapper/`` (``dist/Stakeholder Mapper.app`` on macOS), PyInstaller's work
files to ``build/``. ``--archive`` also packs it for download, keeping executable bits and
links: a ``.zip`` on Windows and macOS, a ``.tar.gz`` on Linux, in ``dist/``.

Why PyInstaller: its folder ("onedir") mode builds this app in 1.5 to 2.5 minutes here,
with ready hooks for PySide6, matplotlib, pandas and python-docx, and the app starts
about as fast as from a plain install; pyside6-deploy compiles the whole program to C
with Nuitka (a C compiler and many minutes for each build), and Briefcase wants its own
project layout and per-system installer tools. See docs/install.md.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "stakeholder-mapper.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def default_bundle() -> Path:
    """Where the build puts the app on this system."""
    if sys.platform == "darwin":
        return DIST / "Stakeholder Mapper.app"
    return DIST / "stakeholder-mapper"


def folder_size(folder: Path) -> int:
    """Bytes of the files under ``folder``, links not followed (as ``du`` counts them)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def archive_name() -> str:
    """The download's name: the app, its system and its processor (``...-linux-x86_64``)."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"stakeholder-mapper-{system}-{platform.machine().lower()}"


def pack(bundle: Path) -> Path:
    """Pack ``bundle`` for download, keeping executable bits and links; returns the file."""
    base = DIST / archive_name()
    if sys.platform == "darwin":
        target = base.with_suffix(".zip")
        # ditto keeps the links and signatures inside the .app, as Finder's Compress does.
        subprocess.run(
            ["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(bundle), str(target)],
            check=True,
        )
        return target
    kind = "zip" if sys.platform == "win32" else "gztar"
    return Path(shutil.make_archive(str(base), kind, root_dir=bundle.parent, base_dir=bundle.name))


def main() -> int:
    """Build the app folder (and its archive when asked); print build time and sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", action="store_true", help="also pack it for download")
    args = parser.parse_args()
    started = time.monotonic()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        str(SPEC),
    ]
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        print("build failed: see PyInstaller's messages above", file=sys.stderr)
        return 1
    bundle = default_bundle()
    size = folder_size(bundle) / 2**20
    print(f"Built {bundle} in {time.monotonic() - started:.0f} s: {size:.0f} MiB")
    if args.archive:
        archive = pack(bundle)
        print(f"Packed {archive}: {archive.stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
