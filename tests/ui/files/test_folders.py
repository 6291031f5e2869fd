"""File dialogs and default output folders point at the user's files, never the program's."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from stakeholder_mapper import paths
from stakeholder_mapper.ui.setup import folders


def _documents() -> Path:
    """The documents folder the app should offer: the system's, when it exists."""
    named = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    return named if named.is_dir() else Path.home()


def test_a_checkout_keeps_plans_in_its_exports_folder() -> None:
    checkout = Path(__file__).resolve().parents[3]
    assert checkout / "exports" == paths.CHECKOUT_EXPORTS_DIR
    assert folders.output_folder() == checkout / "exports"


def test_an_installed_app_writes_plans_into_the_documents_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(folders, "CHECKOUT_EXPORTS_DIR", None)
    assert folders.output_folder() == _documents()
    assert folders.documents_folder() == _documents()
    assert paths.RESOURCES_DIR not in folders.output_folder().parents


def test_the_plan_dialog_of_an_installed_app_proposes_the_documents_folder(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stakeholder_mapper.core.model import StakeholderMap
    from stakeholder_mapper.ui.dialogs.plan_dialog import PlanDialog

    monkeypatch.setattr(folders, "CHECKOUT_EXPORTS_DIR", None)
    smap = StakeholderMap()
    smap.title = "Old town"
    dialog = PlanDialog(smap, None)
    qtbot.addWidget(dialog)
    assert Path(dialog.output.text()).parent == _documents()


def test_a_documents_folder_that_does_not_exist_is_not_offered(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """File dialogs took a missing ~/Documents for a file name ("Documents")."""
    missing = tmp_path / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(missing))
    assert folders.documents_folder() == Path.home()
    missing.mkdir()
    assert folders.documents_folder() == missing


def test_save_as_proposes_a_name_from_the_map_title(qtbot, window, monkeypatch) -> None:
    """An imported or new map is offered under its own title, not a generic "map.smap"."""
    from dataclasses import replace

    from PySide6.QtWidgets import QFileDialog

    window.document.smap.set_info(replace(window.document.smap.info, title="Les Misérables"))
    starts: list[str] = []

    def cancel(_parent, _caption, start, *_args, **_kwargs):
        starts.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
    assert not window.save_as()
    assert Path(starts[0]).name == "les-misérables.smap"
