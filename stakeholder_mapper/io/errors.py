"""Errors raised when a project file or an engagement plan cannot be read or written."""

from __future__ import annotations

__all__ = ["DamagedMap", "MapFileError", "PasswordRequired", "PlanError", "WrongPassword"]


class MapFileError(Exception):
    """A project file cannot be read or written; the message is one sentence for the user."""


class DamagedMap(MapFileError):  # noqa: N818 - reads as the state of the file
    """The file was read but holds no valid map (cut short, not JSON, a bad field).

    Its backup and autosaves may still hold the work: the app offers them.
    """


class PasswordRequired(MapFileError):  # noqa: N818 - named for the question it raises
    """The file is encrypted and no password was given: ask the user for one."""


class WrongPassword(MapFileError):  # noqa: N818 - reads as what the user did
    """The password given does not open the file: ask the user again."""


class PlanError(Exception):
    """The plan cannot be written; the message is one sentence for the user."""
