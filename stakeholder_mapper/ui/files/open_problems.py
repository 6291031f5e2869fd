"""The dialogs a user meets when a map cannot be opened or saved as usual.

- :func:`choose_rescue_copy`: a damaged map (cut short, not JSON, a bad field) is
  named in one sentence, with a button for its backup and for each autosave; the copy
  chosen opens as an unsaved map, so that the damaged file is replaced only if the user
  picks it in Save as.
- :func:`ask_open_read_only`: a map in a folder the user cannot write to, or a
  read-only file, says so and opens read-only.
- :func:`ask_save_path`: Save as for a read-only map proposes a new name in a folder
  the user can write to, and never lets the user confirm replacing a file that cannot
  be replaced.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from ...core.i18n import N_, _
from ...io.file_access import unwritable_output_reason
from ...io.rescue import RescueCopy
from ..setup.folders import documents_folder

__all__ = [
    "FILE_FILTER",
    "ask_open_read_only",
    "ask_save_path",
    "choose_rescue_copy",
    "copy_name",
    "rescue_button_text",
]

#: The file types offered by the Open and Save as dialogs.
FILE_FILTER = N_("Stakeholder maps (*.smap);;All files (*)")


def rescue_button_text(copy: RescueCopy) -> str:
    """E.g. ``"Open backup (4 Dec 2026 14:03)"``."""
    if copy.kind == "backup":
        return _("Open backup ({when})").format(when=copy.when())
    return _("Open autosave ({when})").format(when=copy.when())


def choose_rescue_copy(
    parent: QWidget | None, message: str, copies: list[RescueCopy]
) -> RescueCopy | None:
    """Say why the map cannot be opened and offer the copies that may hold its work.

    Returns the copy the user chose to open, or ``None`` (closed, or nothing to offer).
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("Damaged map"))
    box.setText(message)
    buttons: dict[QAbstractButton, RescueCopy] = {}
    if copies:
        box.setInformativeText(
            _(
                "Its backup (the file as it was before the last save) or an autosave (edits "
                "kept while you worked) may hold your work. The copy you open shows as a new, "
                "unsaved map: the damaged file is left as it is."
            )
        )
        for copy in copies:
            button = box.addButton(rescue_button_text(copy), QMessageBox.ButtonRole.AcceptRole)
            button.setToolTip(str(copy.path))
            buttons[button] = copy
        box.setDefaultButton(next(iter(buttons)))  # type: ignore[arg-type]
        box.addButton(QMessageBox.StandardButton.Close)
    else:
        box.setInformativeText(_("It has no backup or autosave beside it that could be opened."))
        box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    return buttons.get(box.clickedButton())


def ask_open_read_only(parent: QWidget | None, reason: str) -> bool:
    """Say why the map opens read-only (e.g. a folder the user cannot write to) and what
    that means; returns whether the user chose to open it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Read-only map"))
    box.setText(reason)
    box.setInformativeText(
        _(
            "You can look at it and try changes, but it cannot be saved where it is: "
            "to keep changes, save a copy under another name or in another folder."
        )
    )
    open_button = box.addButton(_("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(open_button)
    box.exec()
    return box.clickedButton() is open_button


def copy_name(path: Path, words: str = "copy") -> Path:
    """``city.smap`` -> ``city (copy).smap`` beside it: a name for a new copy of a map."""
    return path.with_name(f"{path.stem} ({words}).smap")


def _start(path: Path) -> Path:
    """``path``, or the same name in the documents folder when its folder cannot be written."""
    if unwritable_output_reason(path.with_name("x.smap")) is not None:
        return documents_folder() / path.name
    return path


def ask_save_path(
    parent: QWidget | None, start: Path, read_only: Path | None = None
) -> Path | None:
    """Ask where to save the map, starting at ``start``; ``None`` if the user cancelled.

    ``read_only`` is the file of a read-only map: the dialog proposes a new name (in
    the documents folder when the map's folder cannot be written) and, if the user picks
    a file that cannot be written, says so at once and asks again, rather than confirm
    replacing it and then fail.
    """
    if read_only is not None:
        start = _start(copy_name(read_only) if start == read_only else start)
    options = QFileDialog.Option.DontConfirmOverwrite if read_only is not None else None
    while True:
        if options is None:
            name, _chosen_filter = QFileDialog.getSaveFileName(
                parent, _("Save map as"), str(start), _(FILE_FILTER)
            )
        else:
            name, _chosen_filter = QFileDialog.getSaveFileName(
                parent, _("Save map as"), str(start), _(FILE_FILTER), options=options
            )
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".smap")
        problem = _problem(path, read_only)
        if problem is None:
            if options is None or not path.exists() or _replace(parent, path):
                return path
            continue
        QMessageBox.warning(parent, _("Choose another file"), problem)
        start = _start(copy_name(path))


def _problem(path: Path, read_only: Path | None) -> str | None:
    if read_only is not None and path.absolute() == read_only.absolute():
        return _("{name} is open read-only; save the map under another name.").format(
            name=path.name
        )
    if read_only is not None:
        return unwritable_output_reason(path)
    return None


def _replace(parent: QWidget | None, path: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Replace file"),
        _("{name} already exists. Replace it?").format(name=path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
