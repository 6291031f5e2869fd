"""The open map as the window sees it: the map, its file, its undo stack and the selection.

This is the one place where the core model's change notifications are bridged to Qt
(:attr:`MapDocument.changed`); every view listens to that signal and nothing else.
Edits arrive as core commands and are pushed on a :class:`QUndoStack` through
:class:`UndoCommand`, which delegates ``redo``/``undo`` to the core command.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.commands import Command
from ..core.model import StakeholderMap
from ..core.validation import ValidationError

__all__ = ["MapDocument", "Selection", "UndoCommand"]


class UndoCommand(QUndoCommand):
    """A core command on the Qt undo stack; its ``text`` names the Undo/Redo menu entries."""

    def __init__(self, command: Command) -> None:
        super().__init__(command.text)
        self.command = command

    def redo(self) -> None:
        self.command.redo()

    def undo(self) -> None:
        self.command.undo()


class Selection(QObject):
    """The stakeholders and relationships selected anywhere (canvas, tables, grids).

    Shared by every view so that selecting a row selects the node and vice versa.
    """

    #: Emitted after the selection changed; the argument is the object that changed it
    #: (a view ignores the change it started itself).
    changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stakeholders: tuple[str, ...] = ()
        self.relationships: tuple[str, ...] = ()

    def set(
        self,
        stakeholders: Iterable[str] = (),
        relationships: Iterable[str] = (),
        origin: object = None,
    ) -> None:
        """Replace the selection; emits :attr:`changed` only if it differs."""
        stakeholders = tuple(dict.fromkeys(stakeholders))
        relationships = tuple(dict.fromkeys(relationships))
        if (stakeholders, relationships) == (self.stakeholders, self.relationships):
            return
        self.stakeholders, self.relationships = stakeholders, relationships
        self.changed.emit(origin)

    def discard_missing(self, smap: StakeholderMap) -> None:
        """Drop ids that are no longer on the map (after a delete or an undo)."""
        self.set(
            [i for i in self.stakeholders if i in smap.stakeholders],
            [i for i in self.relationships if i in smap.relationships],
        )


class MapDocument(QObject):
    """The map being edited, the file it came from, and its undo history."""

    #: Emitted with each :class:`~stakeholder_mapper.core.model.ModelChange` of the map.
    changed = Signal(object)
    #: Emitted with the message when an edit was refused by validation.
    edit_refused = Signal(str)
    #: Emitted when the file path changed (Open, Save As, New).
    path_changed = Signal()

    def __init__(
        self, smap: StakeholderMap, path: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.smap = smap
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.selection = Selection(self)
        self._unsubscribe = smap.subscribe(self.changed.emit)
        self.changed.connect(lambda _change: self.selection.discard_missing(self.smap))

    def push(self, command: Command) -> None:
        """Apply ``command`` as one undoable step."""
        self.undo_stack.push(UndoCommand(command))

    def try_edit(self, make: Callable[[], Command]) -> bool:
        """Build a command with ``make`` and push it; on a validation error report it instead.

        Returns whether the edit was applied.
        """
        try:
            command = make()
        except ValidationError as exc:
            self.edit_refused.emit(str(exc))
            return False
        self.push(command)
        return True

    def replace(self, smap: StakeholderMap, path: Path | None) -> None:
        """Show another map (New, Open, Revert): forget the history and the selection."""
        self.undo_stack.clear()
        self.selection.set()
        self.smap.replace_content(smap)
        self.undo_stack.setClean()
        self.path = path
        self.path_changed.emit()
