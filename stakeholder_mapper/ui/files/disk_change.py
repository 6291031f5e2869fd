"""The question Save asks when the map's file was changed on disk by someone else.

After "Open anyway" two instances may edit one map; the one saving second must not
silently replace the other's work. :func:`ask_about_changed_file` offers to overwrite,
to save under another name (keeping both) or to cancel; Save As is the default.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QMessageBox, QWidget

from ...core.i18n import _

__all__ = ["ask_about_changed_file"]

Choice = Literal["overwrite", "save-as", "cancel"]


def ask_about_changed_file(parent: QWidget | None, message: str) -> Choice:
    """Ask what to do with a map changed on disk since it was opened or saved here;
    ``message`` says which file and when (one sentence)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Map changed on disk"))
    box.setText(message)
    box.setInformativeText(
        _(
            "Someone may have saved it from another window or computer. Save as keeps both "
            "versions; Overwrite replaces their changes with yours."
        )
    )
    save_as = box.addButton(_("Save as…"), QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton(_("Overwrite"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    clicked = box.clickedButton()
    return "save-as" if clicked is save_as else "overwrite" if clicked is overwrite else "cancel"
