"""Autosave, crash recovery, one editor per map and password prompts for the desktop app.

The file work is done by :mod:`stakeholder_mapper.io.recovery`, :mod:`~stakeholder_mapper.io.lock`
and :mod:`~stakeholder_mapper.io.project`; this module adds what needs Qt:

- :class:`Autosaver` writes a recovery file every few minutes and after a pause in
  editing, off the GUI thread, and removes it after a clean save or close;
- :func:`offer_recovery` shows, at start-up, the autosaves a crash left behind with the
  time of each version, and loads the one the user picks;
- :func:`open_map_for_editing` locks the map (offering read-only when another instance
  has it open) and asks for the password of an encrypted map;
- :func:`ask_password` and :func:`ask_new_password` are the password dialogs;
- :class:`ProtectedFile` ties them together for the open map: Save, Save As, change
  password, close.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.dates import local_time, time_of_day
from ...core.i18n import _, format_date
from ...core.model import ModelChange, StakeholderMap
from ...io.encryption import encrypt
from ...io.errors import DamagedMap
from ...io.file_access import read_only_reason, unwritable_output_reason
from ...io.file_stamp import FileStamp, check_unchanged
from ...io.lock import MapLock, MapLocked, acquire_lock
from ...io.project import (
    MapFileError,
    PasswordRequired,
    WrongPassword,
    change_password,
    file_bytes,
    import_only_reason,
    load_map,
    remove_leftovers,
    save_map,
)
from ...io.recovery import (
    Recovery,
    find_recoveries,
    recovery_path,
    remove_recoveries,
    write_recovery_data,
)
from ...io.rescue import RescueCopy, rescue_copies
from ..dialogs.privacy import erased_since_save
from ..workers.background import BackgroundTask, Report
from .open_problems import ask_open_read_only, choose_rescue_copy

__all__ = [
    "AUTOSAVE_INTERVAL_MS",
    "IDLE_AUTOSAVE_MS",
    "MIN_PASSWORD_LENGTH",
    "Autosaver",
    "NewPasswordDialog",
    "OpenedMap",
    "PasswordDialog",
    "ProtectedFile",
    "RecoveredMap",
    "RecoveryDialog",
    "ask_new_password",
    "ask_password",
    "offer_recovery",
    "open_map_for_editing",
    "recovery_folder",
]

#: Autosave at least this often while there are unsaved edits.
AUTOSAVE_INTERVAL_MS = 3 * 60 * 1000
#: ... and this long after the last edit (the user paused).
IDLE_AUTOSAVE_MS = 30 * 1000
#: Shortest password accepted for a new or changed password.
MIN_PASSWORD_LENGTH = 8


def recovery_folder() -> Path:
    """The user data folder where autosaves of never-saved maps go."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base) / "recovery"


class Autosaver(QObject):
    """Keeps a recovery file of the open map while it has unsaved edits.

    Create it with the map, its file (``None`` if never saved) and its password; it
    listens to the map's changes itself and, given ``unsaved``, writes only while it
    returns True. Call :meth:`saved` after each successful
    Save/Save As and :meth:`close` when the map is closed cleanly: both remove the
    recovery files. The map is serialised on the GUI thread (a consistent copy);
    encryption and writing happen in a worker thread.
    """

    #: Emitted with the recovery file after each autosave.
    autosaved = Signal(Path)
    #: Emitted with a one-sentence message when an autosave could not be written.
    failed = Signal(str)

    def __init__(
        self,
        smap: StakeholderMap,
        path: Path | None = None,
        password: str | None = None,
        *,
        folder: Path | None = None,
        interval_ms: int = AUTOSAVE_INTERVAL_MS,
        idle_ms: int = IDLE_AUTOSAVE_MS,
        unsaved: Callable[[], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.smap = smap
        #: Whether the map differs from its file (e.g. the undo stack is not clean); a map
        #: that was only opened, reverted or created is never autosaved.
        self._unsaved = unsaved
        self.path = path
        self.password = password
        self.folder = folder if folder is not None else recovery_folder()
        self.dirty = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # autosaves are written in order
        self._writer = BackgroundTask(self, self._pool)
        self._writer.finished.connect(self.autosaved)
        self._writer.failed.connect(self._on_write_failed)
        self._interval = QTimer(self, interval=interval_ms)
        self._interval.timeout.connect(self.autosave_now)
        self._interval.start()
        self._idle = QTimer(self, interval=idle_ms, singleShot=True)
        self._idle.timeout.connect(self.autosave_now)
        self._unsubscribe: Callable[[], None] | None = smap.subscribe(self._on_map_changed)

    @property
    def target(self) -> Path:
        """Where the next autosave goes."""
        return recovery_path(self.path, self.folder)

    def _on_map_changed(self, _change: ModelChange) -> None:
        self.dirty = True
        self._idle.start()

    def autosave_now(self) -> bool:
        """Autosave now if there are unsaved edits; returns whether a write was started."""
        if not self.dirty or (self._unsaved is not None and not self._unsaved()):
            return False
        try:
            data = file_bytes(self.smap, None, self.target.name)
        except MapFileError as exc:
            self.failed.emit(str(exc))
            return False
        self.dirty = False
        password, target = self.password, self.target

        def write(_report: Report) -> Path:
            write_recovery_data(encrypt(data, password) if password else data, target)
            return target

        self._writer.start(write)
        return True

    def wait(self) -> None:
        """Block until the autosaves started so far are written (for closing and tests)."""
        self._writer.wait()

    def _on_write_failed(self, error: str) -> None:
        self.dirty = True  # try again at the next tick
        self.failed.emit(error)

    def saved(self, path: Path, password: str | None = None) -> None:
        """The map was saved cleanly to ``path`` (with ``password``): drop the autosaves."""
        self.wait()
        remove_recoveries(self.path, self.folder)
        self.path, self.password = path, password
        remove_recoveries(self.path, self.folder)
        self.dirty = False
        self._idle.stop()

    def stop(self) -> None:
        """Stop autosaving, keeping the autosaves written so far."""
        self._interval.stop()
        self._idle.stop()
        self.wait()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def close(self) -> None:
        """The map was closed cleanly (saved, or changes discarded): stop and clean up."""
        self.stop()
        remove_recoveries(self.path, self.folder)
        self.dirty = False


# -- passwords ---------------------------------------------------------------------------------
class PasswordDialog(QDialog):
    """Asks for the password of an encrypted map; shows why when asking again."""

    def __init__(self, file_name: str, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Password"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("{name} is protected by a password.").format(name=file_name)))
        self.problem = QLabel(problem)
        self.problem.setStyleSheet("color: #B00020;")
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(_("Password"))
        self.field.setAccessibleName(_("Password"))
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.field.setFocus()

    def password(self) -> str:
        """What the user typed."""
        return self.field.text()


def ask_password(parent: QWidget | None, file_name: str, problem: str = "") -> str | None:
    """The password typed for ``file_name``, or ``None`` if the user cancelled."""
    dialog = PasswordDialog(file_name, problem, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.password()


class NewPasswordDialog(QDialog):
    """Sets, changes or removes a map's password: typed twice, at least 8 characters."""

    def __init__(self, file_name: str, has_password: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Change password") if has_password else _("Protect with a password"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Anyone who opens {name} will need this password. It is not stored "
                "anywhere and cannot be recovered: if it is lost, so is the map."
            ).format(name=file_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.first, self.second = QLineEdit(), QLineEdit()
        for field, text in (
            (self.first, _("New password")),
            (self.second, _("Repeat the password")),
        ):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setPlaceholderText(text)
            field.setAccessibleName(text)
            field.textChanged.connect(self._check)
            layout.addWidget(field)
        self.remove = QCheckBox(_("Remove the password (save the map unprotected)"))
        self.remove.setVisible(has_password)
        self.remove.toggled.connect(self._check)
        layout.addWidget(self.remove)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #B00020;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        removing = self.remove.isChecked()
        self.first.setEnabled(not removing)
        self.second.setEnabled(not removing)
        problem = ""
        if not removing:
            if len(self.first.text()) < MIN_PASSWORD_LENGTH:
                problem = _("Use at least {n} characters.").format(n=MIN_PASSWORD_LENGTH)
            elif self.first.text() != self.second.text():
                problem = _("The two passwords differ.")
        self.problem.setText(problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not problem)

    def new_password(self) -> str | None:
        """The new password, or ``None`` to remove the password."""
        return None if self.remove.isChecked() else self.first.text()


def ask_new_password(
    parent: QWidget | None, file_name: str, has_password: bool
) -> tuple[bool, str | None]:
    """``(accepted, password)``: the new password, ``None`` to remove it; ``accepted`` is
    ``False`` when the user cancelled. Save the map with the result to apply it."""
    dialog = NewPasswordDialog(file_name, has_password, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return True, dialog.new_password()


def _load_asking_password(
    parent: QWidget | None, file_name: str, load: Callable[[str | None], StakeholderMap]
) -> tuple[StakeholderMap, str | None] | None:
    """Run ``load(password)``, asking for the password of ``file_name`` while needed."""
    password: str | None = None
    problem = ""
    while True:
        try:
            return load(password), password
        except PasswordRequired:
            pass
        except WrongPassword:
            problem = _("That password is wrong; try again.")
        password = ask_password(parent, file_name, problem)
        if password is None:
            return None


# -- opening a map -----------------------------------------------------------------------------
@dataclass
class OpenedMap:
    """A map opened for the window: keep ``password`` in memory only, release ``lock`` on close.

    With ``rescued`` the file at ``path`` was damaged and the map is the content of that
    backup or autosave: show it as an unsaved map (no file, no lock), so that the damaged
    file is replaced only if the user chooses it in Save as.
    """

    smap: StakeholderMap
    path: Path
    password: str | None
    lock: MapLock | None
    read_only: bool
    rescued: RescueCopy | None = None


def _ask_read_only(parent: QWidget | None, message: str, can_force: bool) -> str:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Map already open") if can_force else _("Map cannot be locked"))
    box.setText(message)
    box.setInformativeText(
        _(
            "Open it read-only to look without changing it, or open it anyway if you are "
            "sure nobody else is editing it."
        )
        if can_force
        else _("Open it read-only to look without changing it.")
    )
    read_only = box.addButton(_("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    anyway = box.addButton(_("Open anyway"), QMessageBox.ButtonRole.DestructiveRole)
    anyway.setVisible(can_force)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    box.exec()
    clicked = box.clickedButton()
    return "read-only" if clicked is read_only else "anyway" if clicked is anyway else "cancel"


def _rescue(parent: QWidget | None, path: Path, message: str) -> OpenedMap | None:
    """Offer the backup and autosaves of the damaged map at ``path``; open the one chosen."""
    copies = rescue_copies(path)
    while True:
        chosen = choose_rescue_copy(parent, message, copies)
        if chosen is None:
            return None
        try:
            loaded = _load_asking_password(parent, chosen.path.name, chosen.load)
        except MapFileError as exc:  # the copy is damaged too: say so, offer the others
            message = str(exc)
            copies = [c for c in copies if c != chosen]
            continue
        if loaded is None:
            return None
        smap, password = loaded
        return OpenedMap(smap, path, password, None, read_only=False, rescued=chosen)


def open_map_for_editing(parent: QWidget | None, path: Path) -> OpenedMap | None:
    """Open ``path`` for editing: lock it, ask for its password, load it.

    A map that cannot be written where it is (a read-only folder or file) opens
    read-only after saying why. If another instance has the map open, or no lock can be
    written, the user may open it read-only (or, for a lock, anyway). A damaged map is
    named in one sentence with its backup and autosaves offered (see :func:`_rescue`).
    Returns ``None`` if the user cancelled or nothing could be opened (the reason was
    shown).
    """
    reason = import_only_reason(path)
    if reason is not None:  # before locking: no lock file beside a spreadsheet
        QMessageBox.information(parent, _("Not a map"), reason)
        return None
    lock: MapLock | None = None
    read_only = False
    unwritable = read_only_reason(path) if path.exists() else None
    if unwritable is not None:
        if not ask_open_read_only(parent, unwritable):
            return None
        read_only = True
    else:
        try:
            lock = acquire_lock(path)
        except MapLocked as exc:
            choice = _ask_read_only(parent, str(exc), can_force=True)
            if choice == "cancel":
                return None
            if choice == "anyway":
                lock = acquire_lock(path, force=True)
            read_only = choice == "read-only"
        except MapFileError as exc:
            if _ask_read_only(parent, str(exc), can_force=False) == "cancel":
                return None
            read_only = True
    remove_leftovers(path)  # kept while another instance has the map open
    try:
        loaded = _load_asking_password(parent, path.name, lambda pw: load_map(path, pw))
    except DamagedMap as exc:
        if lock is not None:
            lock.release()
        return _rescue(parent, path, str(exc))
    except MapFileError as exc:
        QMessageBox.critical(parent, _("Cannot open map"), str(exc))
        loaded = None
    if loaded is None:
        if lock is not None:
            lock.release()
        return None
    smap, password = loaded
    return OpenedMap(smap, path, password, lock, read_only)


# -- crash recovery ----------------------------------------------------------------------------
def _when(moment: dt.datetime) -> str:
    moment = local_time(moment)
    today = dt.date.today()
    clock = time_of_day(moment, seconds=True)
    if moment.date() == today:
        return _("Today {time}").format(time=clock)
    if moment.date() == today - dt.timedelta(days=1):
        return _("Yesterday {time}").format(time=clock)
    return _("{date} {time}").format(date=format_date(moment, short=True), time=clock)


class RecoveryDialog(QDialog):
    """Lists the autosaves a crash left behind, newest first, with the time of each."""

    def __init__(self, recoveries: list[Recovery], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recoveries = recoveries
        self.discard_all = False
        self.setWindowTitle(_("Recover unsaved work"))
        layout = QVBoxLayout(self)
        text = QLabel(
            _(
                "Stakeholder Mapper was not closed properly. These autosaved versions hold "
                "edits that were not saved. Recover one to continue where you stopped; "
                "then save it."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([_("Autosaved"), _("Map"), _("Protected")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for recovery in recoveries:
            item = QTreeWidgetItem(
                [
                    _when(recovery.saved),
                    recovery.name,
                    _("password") if recovery.encrypted else "",
                ]
            )
            item.setToolTip(0, recovery.saved.isoformat(sep=" ", timespec="seconds"))
            item.setToolTip(1, str(recovery.map_path or recovery.path))
            self.table.addTopLevelItem(item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        self.table.setCurrentItem(self.table.topLevelItem(0))
        self.table.itemDoubleClicked.connect(lambda *_args: self.accept())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        self.recover_button = buttons.addButton(
            _("Recover selected"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.discard_button = QPushButton(_("Discard all"))
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.later_button = buttons.addButton(_("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        self.discard_button.clicked.connect(self._on_discard_all)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 300)

    def _on_discard_all(self) -> None:
        answer = QMessageBox.question(
            self,
            _("Discard autosaves"),
            _("Delete every autosaved version listed? Their unsaved edits will be lost."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.discard_all = True
            self.reject()

    def chosen(self) -> Recovery | None:
        """The version selected in the list."""
        row = self.table.indexOfTopLevelItem(self.table.currentItem())
        return self.recoveries[row] if row >= 0 else None


@dataclass
class RecoveredMap:
    """An autosave the user chose to recover: open it as an edited, unsaved map.

    ``path`` is the map's own file (``None`` if it was never saved): Save writes there,
    after which :meth:`Autosaver.saved` removes the autosaves.
    """

    smap: StakeholderMap
    path: Path | None
    password: str | None
    recovery: Recovery


def offer_recovery(
    parent: QWidget | None,
    map_path: Path | None = None,
    folder: Path | None = None,
    *,
    unsaved: bool = True,
) -> RecoveredMap | None:
    """At start-up (or on opening ``map_path``): offer the autosaves left by a crash.

    With ``unsaved`` the autosaves of never-saved maps (in ``folder``, by default the
    user data folder) are offered too. Returns the recovered map, or ``None`` when there
    is nothing to recover or the user chose not to (with "Discard all" the autosaves are
    deleted; with "Not now" they are kept and offered again next time).
    """
    folder = folder if folder is not None else recovery_folder()
    recoveries = find_recoveries(map_path, folder if unsaved else None)
    if not recoveries:
        return None
    dialog = RecoveryDialog(recoveries, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if dialog.discard_all:
        for recovery in recoveries:
            recovery.discard()
        return None
    chosen = dialog.chosen()
    if not accepted or chosen is None:
        return None
    try:
        loaded = _load_asking_password(
            parent, _("The autosave of {name}").format(name=chosen.name), chosen.load
        )
    except MapFileError as exc:
        QMessageBox.critical(parent, _("Cannot recover"), str(exc))
        return None
    if loaded is None:
        return None
    smap, password = loaded
    return RecoveredMap(smap, chosen.map_path, password, chosen)


# -- the open map's file, all together ---------------------------------------------------------
class ProtectedFile(QObject):
    """Everything that guards the open map's file: lock, password, autosave and backups.

    The main window keeps one per open map and calls :meth:`save` for Save and Save As,
    :meth:`change_password` for the password action and :meth:`close` when the map is
    closed. ``undo_stack`` is the document's stack: it is marked clean on save, and an
    erasure since the last save makes the save keep no backup.
    """

    #: Emitted with a one-sentence message when an autosave failed (for the status bar).
    autosave_failed = Signal(str)

    def __init__(
        self,
        smap: StakeholderMap,
        undo_stack: QUndoStack,
        path: Path | None = None,
        password: str | None = None,
        lock: MapLock | None = None,
        *,
        read_only: bool = False,
        folder: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.smap, self.undo_stack = smap, undo_stack
        self.path, self.password, self.lock = path, password, lock
        self.read_only = read_only
        #: What the file held when this instance opened or last saved it: a save first
        #: checks that nobody changed it since (e.g. after "Open anyway" elsewhere).
        self.stamp = FileStamp.of_file(path) if path is not None else None
        self.autosaver: Autosaver | None = None
        self._after_first_save: Callable[[], None] | None = None
        if not read_only:
            self.autosaver = Autosaver(
                smap, path, password, folder=folder, unsaved=self._unsaved, parent=self
            )
            self.autosaver.failed.connect(self.autosave_failed)

    def _unsaved(self) -> bool:
        return not self.undo_stack.isClean()

    @classmethod
    def opened(
        cls, opened: OpenedMap, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> ProtectedFile:
        """For a map from :func:`open_map_for_editing`."""
        return cls(
            opened.smap,
            undo_stack,
            opened.path,
            opened.password,
            opened.lock,
            read_only=opened.read_only,
            parent=parent,
        )

    @classmethod
    def recovered(
        cls, recovered: RecoveredMap, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> ProtectedFile:
        """For a map from :func:`offer_recovery`: it has unsaved edits until it is saved.

        Its map file is locked again (the crashed instance's lock is stale); if another
        instance has opened the map since, raises :class:`MapLocked`.
        """
        lock = acquire_lock(recovered.path) if recovered.path is not None else None
        undo_stack.resetClean()
        guard = cls(
            recovered.smap, undo_stack, recovered.path, recovered.password, lock, parent=parent
        )
        guard._after_first_save = recovered.recovery.discard_all_versions
        if guard.autosaver is not None:
            guard.autosaver.dirty = True
        return guard

    def save(self, path: Path | None = None, *, overwrite: bool = False) -> None:
        """Save (to ``path`` for Save As); raises :class:`MapFileError` with one sentence.

        Save As locks the new file and releases the old one. A read-only map can only
        be saved under another name. If the file was changed on disk since this instance
        opened or saved it, :class:`MapChangedOnDisk` is raised and nothing is written,
        unless ``overwrite`` (the user chose to replace those changes).
        """
        target = path or self.path
        if target is None:
            raise MapFileError(_("The map has no file yet; choose where to save it."))
        new_lock = None
        if target != self.path:
            unwritable = unwritable_output_reason(target)
            if unwritable is not None:
                raise MapFileError(unwritable)
            new_lock = acquire_lock(target)
        elif self.read_only:
            raise MapFileError(
                _("{name} is open read-only; save it under another name.").format(name=target.name)
            )
        elif not overwrite:
            check_unchanged(target, self.stamp)
        try:
            self.stamp = save_map(
                self.smap, target, self.password, backup=not erased_since_save(self.undo_stack)
            )
        except MapFileError:
            if new_lock is not None:
                new_lock.release()
            raise
        if new_lock is not None:
            if self.lock is not None:
                self.lock.release()
            self.lock = new_lock
        self.path = target
        self.undo_stack.setClean()
        if self.read_only:  # saved under a new name: now an ordinary, editable map
            self.read_only = False
            self.autosaver = Autosaver(
                self.smap, target, self.password, unsaved=self._unsaved, parent=self
            )
            self.autosaver.failed.connect(self.autosave_failed)
        if self.autosaver is not None:
            self.autosaver.saved(target, self.password)
        if self._after_first_save is not None:
            self._after_first_save()
            self._after_first_save = None

    def change_password(self, parent: QWidget | None) -> bool:
        """Ask for a new password (or its removal) and save with it; ``False`` if cancelled."""
        name = self.path.name if self.path else _("this map")
        accepted, password = ask_new_password(parent, name, self.password is not None)
        if not accepted:
            return False
        if self.path is None or self.read_only:
            self.password = password
            if self.autosaver is not None:
                self.autosaver.password = password
            return True
        # One path with the command line: the backup is re-encrypted (or dropped) too.
        keep_backup = not erased_since_save(self.undo_stack)
        check_unchanged(self.path, self.stamp)
        self.stamp = change_password(
            self.path, self.password, password, self.smap, backup=keep_backup
        )
        self.password = password
        self.undo_stack.setClean()
        if self.autosaver is not None:
            self.autosaver.saved(self.path, password)
        if self._after_first_save is not None:
            self._after_first_save()
            self._after_first_save = None
        return True

    def close(self) -> None:
        """The map is closed cleanly: drop its autosaves and release its lock."""
        if self.autosaver is not None:
            self.autosaver.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def detach(self) -> None:
        """Let go of the file without cleaning up (another version of it is being opened):
        stop autosaving but keep the autosaves, and release the lock."""
        if self.autosaver is not None:
            self.autosaver.stop()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
