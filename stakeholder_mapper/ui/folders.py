"""Where file dialogs start and where plans and exports go unless the user says otherwise."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from ..paths import CHECKOUT_EXPORTS_DIR

__all__ = ["documents_folder", "output_folder"]


def documents_folder() -> Path:
    """The user's documents folder (their home folder where the system names none).

    File dialogs start here rather than in the folder the program was started from.
    """
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def output_folder() -> Path:
    """The default folder for plans and exports.

    A source checkout keeps them in its own ``exports/`` folder (not committed); an
    installed app puts them in the user's documents folder, never among its own files.
    """
    return CHECKOUT_EXPORTS_DIR or documents_folder()
