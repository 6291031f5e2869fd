"""Where file dialogs start and where plans and exports go unless the user says otherwise."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from ...paths import CHECKOUT_EXPORTS_DIR

__all__ = ["documents_folder", "file_stem", "output_folder"]


def documents_folder() -> Path:
    """The user's documents folder (their home folder where the system names none).

    File dialogs start here rather than in the folder the program was started from. A
    documents folder the system names but that does not exist is not offered: a file
    dialog would take its name for a file name.
    """
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location and Path(location).is_dir() else Path.home()


def output_folder() -> Path:
    """The default folder for plans and exports.

    A source checkout keeps them in its own ``exports/`` folder (not committed); an
    installed app puts them in the user's documents folder, never among its own files.
    """
    return CHECKOUT_EXPORTS_DIR or documents_folder()


def file_stem(title: str) -> str:
    """A file name stem made from a map's title, proposed when saving or exporting it:
    lower case, words joined by hyphens, only letters, digits and hyphens ("map" if none)."""
    return re.sub(r"[^\w-]+", "-", title.strip().lower()).strip("-") or "map"
