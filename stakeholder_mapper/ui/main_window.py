"""The main window: the network canvas in the centre, menus, toolbars and the edit actions.

Every edit goes through :class:`~stakeholder_mapper.ui.document.MapDocument` as a core
command on the undo stack; the canvas and docks refresh from the map's notifications.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from ..core.commands import Batch, RemoveRelationships, RemoveStakeholders
from ..core.model import StakeholderMap
from .canvas import MapScene, MapView
from .document import MapDocument
from .workshop import WorkshopTools

__all__ = ["MainWindow"]

STATUS_TIMEOUT_MS = 6000


class MainWindow(QMainWindow):
    """Shows one map and offers every action on it; the title names the map and its file."""

    def __init__(self, smap: StakeholderMap, path: Path | None = None) -> None:
        super().__init__()
        self.document = MapDocument(smap, path, self)
        self.scene = MapScene(self.document)
        self.view = MapView(self.scene, self.document, self)
        self.setCentralWidget(self.view)
        #: Actions by short name, for menus, toolbars, tests and the shortcut list.
        self.actions_by_name: dict[str, QAction] = {}
        self.canvas_actions = self.actions_by_name
        self._build_actions()
        self._build_menus()
        self._build_toolbars()
        self.workshop = WorkshopTools(self)
        self._status = QLabel()
        self.statusBar().addPermanentWidget(self._status)
        self.document.edit_refused.connect(self._on_edit_refused)
        self.document.changed.connect(self._on_model_change)
        self.document.selection.changed.connect(self._on_selection_changed)
        self.document.undo_stack.cleanChanged.connect(self._update_title)
        self.document.path_changed.connect(self._update_title)
        self.view.message.connect(self._show_message)
        self.view.request.connect(self._on_view_request)
        self.resize(1600, 1000)
        self._update_title()
        self._on_selection_changed(None)
        self._update_counts()
        self.view.fit_all()

    # -- actions ----------------------------------------------------------------------------
    def _action(
        self,
        name: str,
        text: str,
        slot: object = None,
        shortcut: str | QKeySequence.StandardKey | list | None = None,
        tip: str = "",
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        stack = self.document.undo_stack
        undo = stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for name, action in (("undo", undo), ("redo", redo)):
            self.addAction(action)
            self.actions_by_name[name] = action
        self._action(
            "add",
            "&Add stakeholder",
            self._on_add_stakeholder,
            "Ctrl+Shift+N",
            "Add a stakeholder in the middle of the canvas and type its name",
        )
        self._action(
            "delete",
            "&Delete",
            self.delete_selection,
            ["Del", "Backspace"],
            "Delete the selected stakeholders and relationships",
        )
        self._action("rename", "Re&name", self._on_rename, "F2", "Rename the selected stakeholder")
        self._action("select_all", "Select &all", self._on_select_all, "Ctrl+A")
        self._action("fit", "&Fit map in window", self.view.fit_all, "Ctrl+0")
        self._action("zoom_in", "Zoom &in", lambda: self.view.zoom_by(1.25), "Ctrl++")
        self._action("zoom_out", "Zoom &out", lambda: self.view.zoom_by(0.8), "Ctrl+-")
        connect = self._action(
            "connect_tool",
            "&Connect tool",
            self._on_connect_tool,
            "C",
            "Drag from one stakeholder to another to connect them (or hold Shift while dragging)",
            checkable=True,
        )
        connect.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(connect)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.edit_menu = bar.addMenu("&Edit")
        for name in ("undo", "redo", None, "add", "rename", "delete", None, "select_all"):
            if name is None:
                self.edit_menu.addSeparator()
            else:
                self.edit_menu.addAction(self.actions_by_name[name])
        self.view_menu = bar.addMenu("&View")
        for name in ("fit", "zoom_in", "zoom_out"):
            self.view_menu.addAction(self.actions_by_name[name])

    def _build_toolbars(self) -> None:
        edit = QToolBar("Edit", self)
        edit.setObjectName("edit_toolbar")
        for name in ("undo", "redo", None, "add", "connect_tool", "delete", None, "fit"):
            if name is None:
                edit.addSeparator()
            else:
                edit.addAction(self.actions_by_name[name])
        self.addToolBar(edit)
        palette = QToolBar("Relationship kind", self)
        palette.setObjectName("kind_palette")
        palette.addWidget(QLabel(" New tie: "))
        self.kind_group = QActionGroup(self)
        self.kind_group.setExclusive(True)
        self._kind_palette = palette
        self._fill_kind_palette()
        self.addToolBar(palette)

    def _fill_kind_palette(self) -> None:
        for action in self.kind_group.actions():
            self._kind_palette.removeAction(action)
            self.kind_group.removeAction(action)
        for kind in self.document.smap.kinds.values():
            action = QAction(kind.name, self.kind_group)
            action.setCheckable(True)
            action.setData(kind.id)
            action.setToolTip(
                f"New ties are {kind.name.lower()} ({'directed' if kind.directed else 'undirected'}"
                f", {kind.valence})"
            )
            action.setChecked(kind.id == self.view.connect_kind)
            action.toggled.connect(
                lambda checked, kid=kind.id: checked and setattr(self.view, "connect_kind", kid)
            )
            self._kind_palette.addAction(action)

    # -- edit handlers ------------------------------------------------------------------------
    def _on_add_stakeholder(self) -> None:
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        taken = {(round(n.pos().x()), round(n.pos().y())) for n in self.scene.nodes.values()}
        while (round(centre.x()), round(centre.y())) in taken:
            centre += QPointF(30, 30)
        self.view.add_stakeholder(centre)

    def delete_selection(self) -> None:
        """Delete the selected stakeholders (with their ties) and relationships as one step."""
        smap = self.document.smap
        selection = self.document.selection
        stakeholders = [i for i in selection.stakeholders if i in smap.stakeholders]
        gone = set(stakeholders)
        relationships = [
            i
            for i in selection.relationships
            if i in smap.relationships
            and smap.relationships[i].source not in gone
            and smap.relationships[i].target not in gone
        ]
        if not stakeholders and not relationships:
            return
        if stakeholders and relationships:
            self.document.try_edit(
                lambda: Batch.build(
                    smap,
                    f"Delete {len(stakeholders) + len(relationships)} items",
                    [
                        lambda m: RemoveRelationships(m, relationships),
                        lambda m: RemoveStakeholders(m, stakeholders),
                    ],
                )
            )
        elif stakeholders:
            self.document.try_edit(lambda: RemoveStakeholders(smap, stakeholders))
        else:
            self.document.try_edit(lambda: RemoveRelationships(smap, relationships))

    def _on_rename(self) -> None:
        selected = self.document.selection.stakeholders
        if selected:
            self.view.start_rename(selected[0])

    def _on_select_all(self) -> None:
        self.document.selection.set(sorted(self.scene.visible_stakeholders()))

    def _on_connect_tool(self, checked: bool) -> None:
        self.view.connect_tool = checked
        self._show_message(
            "Connect tool: drag from one stakeholder to another." if checked else "Select tool."
        )

    def _on_view_request(self, name: str, stakeholder_id: str) -> None:
        if name in ("focus1", "focus2"):
            self.scene.set_focus(stakeholder_id, 1 if name == "focus1" else 2)
            self.view.fit_all()

    # -- reactions ------------------------------------------------------------------------------
    def _on_edit_refused(self, message: str) -> None:
        self._show_message(message)

    def _show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def _on_model_change(self, change: object) -> None:
        self._update_counts()

    def _on_selection_changed(self, origin: object) -> None:
        selection = self.document.selection
        self.actions_by_name["delete"].setEnabled(
            bool(selection.stakeholders or selection.relationships)
        )
        self.actions_by_name["rename"].setEnabled(bool(selection.stakeholders))

    def _update_counts(self) -> None:
        smap = self.document.smap
        self._status.setText(
            f"{len(smap.stakeholders)} stakeholders · {len(smap.relationships)} relationships"
        )

    def _update_title(self) -> None:
        path = self.document.path
        name = path.name if path else "unsaved map"
        self.setWindowTitle(f"{self.document.smap.info.title} — {name}[*] — Stakeholder Mapper")
        self.setWindowModified(not self.document.undo_stack.isClean())
