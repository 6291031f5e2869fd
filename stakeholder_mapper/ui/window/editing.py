"""The Edit menu's commands in the main window: add, delete, rename, pin, select all, map
details, and erasing a person's data.

Each becomes one core command on the undo stack through the window's document; in a table
with the keyboard, Rename, Select all and Delete act on the table as in any spreadsheet.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog

from ...core.commands import Batch, MoveStakeholders, RemoveRelationships, RemoveStakeholders
from ...core.i18n import _, ngettext
from ...core.placement import drawn_positions, free_spot
from ..dialogs.privacy import ErasePersonDialog, ReviewDueDialog

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["EditController"]


class EditController(QObject):
    """The editing commands of ``window``'s Edit menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def add_stakeholder(self) -> None:
        """Add a stakeholder in the middle of the canvas (beside any already there) and
        start typing its name."""
        view = self._window.view
        centre = view.mapToScene(view.viewport().rect().center())
        smap = self._window.document.smap
        spot = free_spot(
            drawn_positions(smap.stakeholders, smap.positions).values(), centre.toTuple()
        )
        view.add_stakeholder(QPointF(*spot))

    def delete_selection(self) -> None:
        """Delete the selected stakeholders (with their ties) and relationships as one step.

        Only from the canvas, the stakeholder and relationship tables or the menus: Delete
        pressed in another list (snapshots, metrics) must not delete stakeholders.
        """
        window = self._window
        focused = _focused_item_view()
        if focused is not None and focused not in (
            window.stakeholder_table.table,
            window.relationship_table.table,
        ):
            return
        document = window.document
        smap = document.smap
        selection = document.selection
        stakeholders = [i for i in selection.stakeholders if i in smap.stakeholders]
        gone = set(stakeholders)
        relationships = [
            i
            for i in selection.relationships
            if i in smap.relationships
            and smap.relationships[i].source not in gone
            and smap.relationships[i].target not in gone
        ]
        if stakeholders and relationships:
            count = len(stakeholders) + len(relationships)
            document.try_edit(
                lambda: Batch.build(
                    smap,
                    ngettext("Delete {n} item", "Delete {n} items", count).format(n=count),
                    [
                        lambda m: RemoveRelationships(m, relationships),
                        lambda m: RemoveStakeholders(m, stakeholders),
                    ],
                )
            )
        elif stakeholders:
            document.try_edit(lambda: RemoveStakeholders(smap, stakeholders))
        elif relationships:
            document.try_edit(lambda: RemoveRelationships(smap, relationships))

    def rename(self) -> None:
        """Edit the current table cell (F2 in a table), else the selected stakeholder's name
        on the canvas."""
        table = _focused_item_view()
        if table is not None:
            index = table.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                table.edit(index)
                return
        selected = self._window.document.selection.stakeholders
        if selected:
            self._window.view.start_rename(selected[0])

    def toggle_pin(self) -> None:
        """Pin the selected stakeholders where they are, or unpin them if all were pinned."""
        document = self._window.document
        selected = document.selection.stakeholders
        if not selected:
            return
        smap = document.smap
        pin = not all(sid in smap.pinned for sid in selected)
        document.try_edit(lambda: MoveStakeholders(smap, {}, dict.fromkeys(selected, pin)))

    def select_all(self) -> None:
        """Select every row of the focused table, else every stakeholder shown."""
        table = _focused_item_view()
        if table is not None:
            # Ctrl+A in a table selects its rows (all relationships in the relationship table).
            table.selectAll()
            return
        window = self._window
        window.document.selection.set(sorted(window.scene.visible_stakeholders()))

    def edit_map_details(self) -> None:
        """Open the Map details dialog (title, our branch, the plan's own sections)."""
        from ..dialogs.map_details import run_map_details

        run_map_details(self._window.document, self._window)

    def erase_person(self, stakeholder_id: str | None = None) -> None:
        """Erase a person's name and contact details (default: the selected stakeholder's)
        after showing what goes."""
        window = self._window
        document = window.document
        sid = stakeholder_id or next(iter(document.selection.stakeholders), None)
        if sid is None:
            return
        dialog = ErasePersonDialog(document.smap, sid, window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.command() is not None:
            document.push(dialog.command())
            window.show_message(_("Personal data erased; save the map to remove it from the file."))

    def reviews_due(self) -> None:
        """List the stakeholders whose review date has come; one chosen can be erased."""
        dialog = ReviewDueDialog(self._window.document.smap, dt.date.today(), self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            self.erase_person(dialog.chosen())


def _focused_item_view() -> QAbstractItemView | None:
    """The list or table that has the keyboard focus, if any."""
    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, QAbstractItemView):
        widget = widget.parentWidget()
    return widget
