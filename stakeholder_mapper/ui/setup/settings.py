"""The app's persistent settings, declared once with their type, default and meaning.

A small typed wrapper over :class:`QSettings`: read with ``settings.get(KEY)`` and write
with ``settings.set(KEY, value)``; a stored value of the wrong type falls back to the
default instead of breaking the window.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

__all__ = [
    "DOCK_STATE",
    "HIGH_CONTRAST",
    "INTERFACE_LANGUAGE",
    "MAX_RECENT",
    "RECENT_FILES",
    "SETTINGS",
    "SIZE_BY",
    "TEXT_SIZE",
    "WINDOW_GEOMETRY",
    "Setting",
    "Settings",
]

MAX_RECENT = 8


@dataclass(frozen=True)
class Setting:
    """One stored setting: key in the settings file, Python type, default, and what it is."""

    key: str
    type: type
    default: Any
    description: str

    def for_screen(self, screen: str) -> Setting:
        """This per-screen setting for one screen: ``{screen}`` in the key becomes ``screen``
        (see :func:`~stakeholder_mapper.ui.window.window_layout.screen_key`)."""
        return dataclasses.replace(self, key=self.key.format(screen=screen))


WINDOW_GEOMETRY = Setting(
    "window/{screen}/geometry",
    QByteArray,
    QByteArray(),
    "Main window size and place on one screen (named by its name and size)",
)
DOCK_STATE = Setting(
    "window/{screen}/state",
    QByteArray,
    QByteArray(),
    "Toolbars and docks layout on one screen (named by its name and size)",
)
RECENT_FILES = Setting("files/recent", list, [], "Recently opened maps, newest first")
LAST_FOLDER = Setting("files/last_folder", str, "", "Folder of the last opened or saved map")
INTERFACE_LANGUAGE = Setting(
    "interface/language",
    str,
    "",
    "Language of the interface (en, fr, es, ar, ru), applied at start; empty: the system's",
)
TEXT_SIZE = Setting(
    "appearance/text_size",
    str,
    "normal",
    "Text size of docks, tables and map labels: normal, large or larger (View → Text size)",
)
HIGH_CONTRAST = Setting(
    "appearance/high_contrast",
    bool,
    False,
    "Black-on-white colours with thick outlines, for projectors and low vision",
)

SIZE_BY = Setting(
    "canvas/size_by",
    str,
    "brokerage",
    "What the canvas sizes stakeholders by once metrics are in: brokerage or power",
)

#: Every setting the app stores.
SETTINGS: tuple[Setting, ...] = (
    WINDOW_GEOMETRY,
    DOCK_STATE,
    RECENT_FILES,
    LAST_FOLDER,
    INTERFACE_LANGUAGE,
    TEXT_SIZE,
    HIGH_CONTRAST,
    SIZE_BY,
)


class Settings:
    """Typed access to the app's :class:`QSettings`."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()

    def get(self, setting: Setting) -> Any:
        """The stored value, or the default if missing or of the wrong type."""
        value = self.store.value(setting.key, setting.default)
        if setting.type is list and isinstance(value, str):
            value = [value]
        if setting.type is bool and value in ("true", "false"):
            value = value == "true"  # how a settings file on Linux keeps a bool
        if not isinstance(value, setting.type):
            return setting.default
        return value

    def set(self, setting: Setting, value: Any) -> None:
        """Store ``value`` (checked against the setting's type)."""
        if not isinstance(value, setting.type):
            raise TypeError(f"Setting {setting.key} takes {setting.type.__name__}.")
        self.store.setValue(setting.key, value)

    def recent_files(self) -> list[Path]:
        """Recently opened maps that still exist, newest first."""
        return [Path(p) for p in self.get(RECENT_FILES) if isinstance(p, str) and Path(p).exists()]

    def add_recent_file(self, path: Path) -> None:
        """Put ``path`` first in the recent files list."""
        text = str(path.resolve())
        recent = [p for p in self.get(RECENT_FILES) if p != text]
        self.set(RECENT_FILES, [text, *recent][:MAX_RECENT])
        self.set(LAST_FOLDER, str(path.resolve().parent))
