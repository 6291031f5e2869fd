"""Make sure Qt can really start here: the system libraries its platform plugins load.

Importing PySide6 is not enough: the xcb platform plugin (the one a Linux desktop uses)
loads libraries of its own, and on a stock Debian or Ubuntu some of them are missing
("Could not load the Qt platform plugin xcb"). This looks at what ``ldd`` says each
plugin needs, installs the missing Debian packages with apt-get when it can (as root, or
through sudo), and otherwise names them. Run it with the Python that has PySide6::

    python scripts/check_qt_libs.py

Exit code 0 when every library is there, 1 when some are still missing.
"""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

#: Library file (soname) -> the Debian/Ubuntu package that provides it.
PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
#: Loaded by the xcb plugin at run time (dlopen), so ldd does not list it (Qt 6.5 and later).
LOADED_AT_RUN_TIME = ("libxcb-cursor.so.0",)
#: The plugins whose libraries matter: the desktop (xcb) and the one tests use (offscreen).
PLUGINS = ("platforms/libqxcb.so", "platforms/libqoffscreen.so")


def _qt_folder() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt"


def missing_libraries() -> list[str]:
    """The library files Qt's platform plugins need that this system lacks."""
    qt = _qt_folder()
    files = [qt / "plugins" / plugin for plugin in PLUGINS]
    files += sorted((qt / "lib").glob("libQt6XcbQpa.so*"))[:1]
    files += sorted((qt.parent).glob("QtWidgets*.so"))[:1]
    missing: list[str] = []
    for path in files:
        if not path.exists():
            continue
        listing = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        for line in listing.splitlines():
            name, _, where = line.strip().partition(" => ")
            if where.strip() == "not found" and name not in missing:
                missing.append(name)
    for name in LOADED_AT_RUN_TIME:
        found = ctypes.util.find_library(name.removeprefix("lib").split(".so")[0])
        if found is None and name not in missing:
            missing.append(name)
    return missing


def _install(packages: list[str]) -> bool:
    if not shutil.which("apt-get"):
        return False
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"] if shutil.which("sudo") else None
    if prefix is None:
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    update = subprocess.run([*prefix, "apt-get", "update", "-qq"], env=env, capture_output=True)
    if update.returncode != 0:
        return False
    done = subprocess.run(
        [*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
        env=env,
        capture_output=True,
    )
    return done.returncode == 0


def main() -> int:
    """Check, install what is missing where possible, and say what is still missing."""
    if not sys.platform.startswith("linux"):
        return 0  # The Windows and macOS wheels carry every library Qt needs.
    missing = missing_libraries()
    if not missing:
        return 0
    packages = sorted({PACKAGES.get(name, name) for name in missing})
    if _install(packages):
        missing = missing_libraries()
        if not missing:
            print(f"Installed the system libraries Qt needs: {' '.join(packages)}")
            return 0
        packages = sorted({PACKAGES.get(name, name) for name in missing})
    print(
        f"Qt cannot start its window: missing {' '.join(sorted(missing))}. "
        f"On Debian or Ubuntu install these packages and retry: {' '.join(packages)}",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
