"""The main window's file workflow: New, Open, Save, Save as, Revert, recent maps, import,
export and plan, with the questions about unsaved changes.

:class:`FileWorkflow` owns the open file's protection (:class:`~.autosave.ProtectedFile`:
lock, password, autosave, backups) and replaces it whenever another map is shown. It
offers the autosaves a crash left, opens a damaged map's rescued copy as an unsaved map,
and asks before a save would overwrite someone else's changes on disk.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from ...core.i18n import _
from ...core.model import StakeholderMap
from ...io.errors import MapFileError
from ...io.file_stamp import MapChangedOnDisk
from ...io.foreign import imported_sizes
from ...io.lock import MapLock
from ...io.project import import_only_reason, load_map
from ..setup.folders import documents_folder, file_stem, output_folder
from ..setup.settings import LAST_FOLDER
from .autosave import OpenedMap, ProtectedFile, offer_recovery, open_map_for_editing
from .disk_change import ask_about_changed_file
from .open_problems import FILE_FILTER, ask_save_path, copy_name

if TYPE_CHECKING:
    from ..canvas import MapScene
    from ..document import MapDocument
    from ..setup.settings import Settings

__all__ = ["FileWorkflow", "dropped_map"]


class FileWorkflow(QObject):
    """Opening, saving and protecting the map of ``document``, shown in ``window``.

    It knows nothing else of the window: dialogs open over ``window``, and the window
    listens to the signals below.
    """

    #: A sentence for the status bar (saved, opened read-only, an autosave failed...).
    message = Signal(str)
    #: The open file's protection was replaced (another file, or none): the title may change.
    guard_replaced = Signal()
    #: A map imported as a new map carries sizes of its own (Gephi's) and no power ratings.
    sizes_imported = Signal()

    def __init__(
        self,
        window: QWidget,
        document: MapDocument,
        settings: Settings,
        path: Path | None,
        password: str | None = None,
        lock: MapLock | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.document = document
        #: The open file's lock, password, autosave and backups (see ui/files/autosave.py).
        self.guard = self._new_guard(path, password, lock, read_only)
        #: Where Save as starts for a map with no file of its own (a rescued copy).
        self._save_as_start: Path | None = None
        self.recent_menu: QMenu | None = None

    # -- the file's protection: lock, password, autosave, recovery -------------------------------
    def _new_guard(
        self,
        path: Path | None,
        password: str | None = None,
        lock: MapLock | None = None,
        read_only: bool = False,
    ) -> ProtectedFile:
        guard = ProtectedFile(
            self.document.smap,
            self.document.undo_stack,
            path,
            password,
            lock,
            read_only=read_only,
            parent=self._window,
        )
        guard.autosave_failed.connect(self.message)
        return guard

    def _replace_guard(self, guard: ProtectedFile) -> None:
        self.guard.close()
        self.guard.deleteLater()
        self.guard = guard
        self.guard_replaced.emit()

    @property
    def password(self) -> str | None:
        """The open map's password (kept in memory only), or ``None``."""
        return self.guard.password

    def check_recovery(self, unsaved: bool = True) -> bool:
        """Offer the autosaves a crash left of the open map's file (and, with ``unsaved``,
        of never-saved maps); returns whether one was recovered.

        Called when the window is first shown and after a map is opened.
        """
        window = self._window
        recovered = offer_recovery(window, self.document.path, unsaved=unsaved)
        if recovered is None or not self.maybe_save():
            return False
        self.guard.detach()
        self.document.replace(recovered.smap, recovered.path)
        recovered = dataclasses.replace(recovered, smap=self.document.smap)
        try:
            guard = ProtectedFile.recovered(recovered, self.document.undo_stack, window)
        except MapFileError as exc:  # another instance opened the map in the meantime
            QMessageBox.warning(
                window,
                _("Map already open"),
                _("{reason} The recovered version is open read-only.").format(reason=exc),
            )
            guard = ProtectedFile(
                self.document.smap,
                self.document.undo_stack,
                recovered.path,
                recovered.password,
                read_only=True,
                parent=window,
            )
            self.document.undo_stack.resetClean()
        guard.autosave_failed.connect(self.message)
        self.guard.deleteLater()
        self.guard = guard
        self.guard_replaced.emit()
        self.message.emit(_("Recovered the autosaved version; save it to keep it."))
        return True

    def change_password(self) -> None:
        """Set, change or remove the map's password (it is saved at once)."""
        window = self._window
        try:
            if self.guard.change_password(window):
                self.message.emit(
                    _("The map is now protected by a password.")
                    if self.guard.password
                    else _("The map is now not protected.")
                )
        except MapFileError as exc:
            QMessageBox.warning(window, _("Cannot save map"), str(exc))

    # -- showing another map -------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask what to do with unsaved changes; False means the user cancelled."""
        if self.document.undo_stack.isClean():
            return True
        question = (
            _("{name} has changes that are not saved. Save them?").format(
                name=self.document.path.name
            )
            if self.document.path
            else _("This map has changes that are not saved. Save them?")
        )
        answer = QMessageBox.warning(
            self._window,
            _("Unsaved changes"),
            question,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_map(self) -> None:
        """Replace the map with an empty one (after asking about unsaved changes)."""
        self.show_unsaved(StakeholderMap(), modified=False)

    def show_unsaved(self, smap: StakeholderMap, modified: bool = True) -> bool:
        """Show ``smap`` as a map with no file yet (after asking about unsaved changes).

        A ``modified`` map (an import) counts as unsaved work: closing asks to save it.
        """
        if not self.maybe_save():
            return False
        self._replace_guard(self._new_guard(None))
        self.document.replace(smap, None)
        if modified:
            self.document.undo_stack.resetClean()
        return True

    def choose_and_open(self) -> None:
        """File → Open: ask about unsaved changes, then for a map file, and open it."""
        if not self.maybe_save():
            return
        name, _chosen_filter = QFileDialog.getOpenFileName(
            self._window, _("Open map"), self._dialog_folder(), _(FILE_FILTER)
        )
        if name:
            self.open_path(Path(name), ask_to_save=False)

    def open_path(self, path: Path, ask_to_save: bool = True) -> bool:
        """Open the map at ``path``: offers its autosaves if it crashed, locks it (or offers
        read-only) and asks for its password when it is protected.

        The map already open in this window is not opened twice: with unsaved changes the
        one question is whether to go back to the saved version.
        """
        current = self.document.path
        if current is not None and _same_file(path, current):
            return self._reopen_current()
        if ask_to_save and not self.maybe_save():
            return False
        opened = open_map_for_editing(self._window, path)
        if opened is None:
            return False
        if opened.rescued is not None:
            self.show_rescued(opened)
            return True
        self._save_as_start = None
        self._replace_guard(self._new_guard(path, opened.password, opened.lock, opened.read_only))
        self.document.replace(opened.smap, path)
        self._settings.add_recent_file(path)
        if opened.read_only:
            self.message.emit(
                _("{name} is open read-only; use Save as to keep changes.").format(name=path.name)
            )
        else:
            self.check_recovery(unsaved=False)
        return True

    def show_rescued(self, opened: OpenedMap) -> None:
        """Show the backup or autosave of a damaged map as an unsaved map: Save asks for
        a file, proposing a new name beside the damaged one."""
        assert opened.rescued is not None
        self._replace_guard(self._new_guard(None, opened.password))
        self.document.replace(opened.smap, None)
        self.document.undo_stack.resetClean()
        self._save_as_start = copy_name(opened.path, "rescued")
        self.message.emit(
            _("Opened {what} as an unsaved map; save it to keep it.").format(
                what=opened.rescued.describe()
            )
        )

    def _reopen_current(self) -> bool:
        path = self.document.path
        assert path is not None
        if self.document.undo_stack.isClean():
            self.message.emit(_("{name} is already open in this window.").format(name=path.name))
            return True
        answer = QMessageBox.question(
            self._window,
            _("Map already open"),
            _(
                "{name} is already open in this window, with unsaved changes. "
                "Discard them and go back to the saved version?"
            ).format(name=path.name),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return False
        return self._reload_saved()

    def _reload_saved(self) -> bool:
        path = self.document.path
        assert path is not None
        try:
            smap = load_map(path, self.password)
        except MapFileError as exc:
            QMessageBox.warning(self._window, _("Cannot revert"), str(exc))
            return False
        self.document.replace(smap, path)
        return True

    def revert(self) -> None:
        """Reload the file from disk, discarding unsaved changes (after confirmation)."""
        path = self.document.path
        if path is None or self.document.undo_stack.isClean():
            return
        answer = QMessageBox.question(
            self._window,
            _("Revert to saved"),
            _("Discard every change since {name} was last saved?").format(name=path.name),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self._reload_saved()

    # -- saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the current file (or ask for one); returns whether it was saved."""
        if self.document.path is None or self.guard.read_only:
            return self.save_as()
        return self.write(self.document.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        start = (
            self.document.path
            or self._save_as_start
            or Path(self._dialog_folder()) / f"{file_stem(self.document.smap.info.title)}.smap"
        )
        read_only = self.document.path if self.guard.read_only else None
        path = ask_save_path(self._window, start, read_only)
        return path is not None and self.write(path)

    def write(self, path: Path, overwrite: bool = False) -> bool:
        """Save the map to ``path``; says in one sentence why not (a missing folder, a file
        changed on disk that the user chose not to overwrite, a write error)."""
        window = self._window
        if not path.parent.is_dir():
            QMessageBox.warning(
                window,
                _("Cannot save map"),
                _("The folder {folder} does not exist.").format(folder=path.parent),
            )
            return False
        try:
            self.guard.save(path, overwrite=overwrite)
        except MapChangedOnDisk as exc:
            choice = ask_about_changed_file(window, str(exc))
            if choice == "save-as":
                return self.save_as()
            return choice == "overwrite" and self.write(path, overwrite=True)
        except MapFileError as exc:
            QMessageBox.warning(window, _("Cannot save map"), str(exc))
            return False
        self.document.undo_stack.setClean()
        if path != self.document.path:
            self.document.path = path
            self.document.path_changed.emit()
        self._settings.add_recent_file(path)
        self._save_as_start = None
        self.message.emit(_("Saved {name}.").format(name=path.name))
        return True

    def _dialog_folder(self) -> str:
        folder = self._settings.get(LAST_FOLDER)
        if folder and Path(folder).is_dir():
            return folder
        return str(documents_folder())

    # -- import, export, plan ------------------------------------------------------------------
    # The import, export and plan dialogs load pandas, spreadsheet readers, python-docx and
    # matplotlib: they are imported when first opened, not while the window starts.
    def import_file(self) -> None:
        """File → Import: add to this map, or show the imported file as a new unsaved map."""
        from ..dialogs.import_dialog import run_import_dialog

        outcome = run_import_dialog(self._window, self.document)
        if outcome is None:
            return
        if outcome.command is not None:
            self.document.push(outcome.command)
        elif outcome.new_map is not None and self.show_unsaved(outcome.new_map):
            # Gephi's sizes are drawn when the file gave them and no power was rated.
            smap = outcome.new_map
            if imported_sizes(smap) and all(s.power is None for s in smap.stakeholders.values()):
                self.sizes_imported.emit()

    def export(self, scene: MapScene) -> None:
        """File → Export: the map's data, or ``scene`` (the canvas) as a picture."""
        from ..dialogs.export_dialog import run_export_dialog

        run_export_dialog(
            self._window,
            self.document.smap,
            scene=scene,
            folder=output_folder(),
            map_path=self.document.path,
        )

    def export_plan(self) -> None:
        """File → Export engagement plan: the Word document."""
        from ..dialogs.plan_dialog import run_plan_dialog

        run_plan_dialog(
            self._window, self.document.smap, self.document.path, push=self.document.push
        )

    # -- recent maps ---------------------------------------------------------------------------
    def add_recent_menu(self, parent: QMenu) -> None:
        """File → Open recent, listed afresh each time it opens."""
        self.recent_menu = parent.addMenu(_("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        assert menu is not None
        menu.clear()
        recent = self._settings.recent_files()
        for path in recent:
            menu.addAction(path.name, lambda p=path: self.open_path(p)).setToolTip(str(path))
        if not recent:
            menu.addAction(_("No recent maps")).setEnabled(False)


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (following links and ``..``)."""
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def dropped_map(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The map file dropped, or a spreadsheet or graph file (opening it says to import it)."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    for url in urls:
        path = Path(url.toLocalFile())
        if url.isLocalFile() and (path.suffix.casefold() == ".smap" or import_only_reason(path)):
            return path
    return None
