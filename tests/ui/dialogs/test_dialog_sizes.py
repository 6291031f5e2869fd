"""Dialogs fit the screen they open on: no button below the bottom of a small screen."""

from __future__ import annotations

from stakeholder_mapper.core.model import StakeholderMap
from stakeholder_mapper.ui.dialogs.dialog_size import resize_within_screen
from stakeholder_mapper.ui.dialogs.help import show_about
from stakeholder_mapper.ui.dialogs.import_dialog import ImportDialog
from stakeholder_mapper.ui.dialogs.plan_dialog import PlanDialog


def test_the_import_plan_and_about_dialogs_fit_a_small_screen(qtbot, qapp) -> None:
    free = qapp.primaryScreen().availableGeometry()
    # Qt's offscreen screen (800 pixels wide) is narrower than the import dialog's 1000.
    assert free.width() < 1000
    about = show_about(None)
    dialogs = [ImportDialog(StakeholderMap()), PlanDialog(StakeholderMap(), None), about]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.width() <= free.width() and dialog.height() <= free.height()


def test_a_dialog_keeps_its_designed_size_where_the_screen_has_room(qtbot, qapp) -> None:
    dialog = ImportDialog(StakeholderMap())
    qtbot.addWidget(dialog)
    resize_within_screen(dialog, 300, 200)
    assert (dialog.width(), dialog.height()) == (300, 200)
