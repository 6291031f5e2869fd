"""Every window and dialog of the app, opened one after the other on a map, and what a
reader would find wrong in each: text left in English or text cut off by its widget.

Used by ``scripts/language_screenshots.py`` (screenshots in each language) and by
``tests/ui/test_pseudo_language.py``, which walks the same windows in the pseudo-language
``en_XA`` (every message accented, 40 % longer and in brackets) and fails on any finding.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabBar,
    QTabWidget,
    QWidget,
)

from stakeholder_mapper.core.i18n import LANGUAGES, _
from stakeholder_mapper.core.model import StakeholderMap

__all__ = ["clipped", "every_window", "map_words", "untranslated", "visible_texts"]

#: Words that stay as they are in every language: the product, formats, libraries, keys.
KEPT_WORDS = frozenset(
    {
        "Stakeholder",
        "Mapper",
        "GraphML",
        "GEXF",
        "CSV",
        "Excel",
        "Word",
        "Kumu",
        "Gephi",
        "Python",
        "PySide",
        "Qt",
        "networkx",
        "igraph",
        "pyqtgraph",
        "pandas",
        "python",
        "docx",
        "pydantic",
        "GPL",
        "later",
        "or",
        "PNG",
        "SVG",
        "smap",
        "xlsx",
        "graphml",
        "gexf",
        "csv",
        "png",
        "svg",
        "utf",
        "Ctrl",
        "Shift",
        "Esc",
        "Del",
    }
)
#: Docks not walked yet, and why: each is a finding still open (docs/translations.md).
LEFT_OUT = {
    "towers_dock": "the influence towers' totals and hint are cut when the dock is short",
}
#: A message in the pseudo-language: bracketed and padded with middle dots.
_PSEUDO = re.compile(r"\[[^\[\]]*·\]")
_WORD = re.compile(r"[A-Za-z]{3,}")
_TAG = re.compile(r"<[^>]*>")
_FILE = re.compile(r"[\w.-]+\.smap\b")
#: A network address with the system's name for its interface: "192.168.1.20 (wlan0)".
_ADDRESS = re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?(?:\s*\([^()]*\))?")


def map_words(smap: StakeholderMap) -> frozenset[str]:
    """The map's own names (stakeholders, their organisations and roles, categories,
    kinds, the map's title and city, snapshots): data that stays as it was written,
    whatever the interface language."""
    names = [smap.info.title, smap.info.city]
    for s in smap.stakeholders.values():
        names += [s.label, s.organisation, s.role]
    names += [c.name for c in smap.categories.values()]
    names += [k.name for k in smap.kinds.values()]
    names += [s.name for s in smap.snapshots]
    names += [smap.info.purpose, *(str(v) for v in smap.plan_settings.values())]
    return frozenset(name.strip() for name in names if name.strip())


def untranslated(text: str, data: frozenset[str]) -> list[str]:
    """The English words of ``text`` outside its pseudo-translated messages, less the
    map's own names (``data``), the words kept in every language and the languages' own
    names."""
    if text in LANGUAGES.values():
        return []
    if text.endswith("…") and any(name.startswith(text[:-1]) for name in data):
        return []  # a long text of the map, shortened
    bare = _ADDRESS.sub(" ", _FILE.sub(" ", _TAG.sub(" ", text)))
    for name in sorted(data, key=len, reverse=True):
        bare = bare.replace(name, " ")
    bare = bare.replace("&", "")
    while True:
        shorter = _PSEUDO.sub(" ", bare)
        if shorter == bare:
            break
        bare = shorter
    return [w for w in _WORD.findall(bare) if w not in KEPT_WORDS]


def _standard_button(button: QAbstractButton) -> bool:
    """Whether Qt words the button itself (OK, Cancel, Close...) from its own catalogue."""
    box = button.parentWidget()
    while box is not None and not isinstance(box, QDialogButtonBox):
        box = box.parentWidget()
    return (
        isinstance(box, QDialogButtonBox)
        and isinstance(button, QPushButton)
        and (box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton)
    )


def _header_texts(header: QHeaderView) -> list[str]:
    model = header.model()
    if model is None:
        return []
    texts = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        value = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str) and header.orientation() == Qt.Orientation.Horizontal:
            texts.append(value)
    return texts


def _menu_texts(menu: QMenu) -> Iterator[str]:
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        yield action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def visible_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a reader sees in ``top``: labels, buttons, group
    boxes, tabs, table headers, hints, dock titles, menus and the window title."""
    yield "window title", top.windowTitle()
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            yield "menu bar", action.text()
            if action.menu() is not None:
                for text in _menu_texts(action.menu()):
                    yield f"menu {action.text()}", text
    if isinstance(top, QMenu):
        for text in _menu_texts(top):
            yield "menu", text
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        kind = type(widget).__name__
        if isinstance(widget, QLabel) or (
            isinstance(widget, QAbstractButton) and not _standard_button(widget)
        ):
            yield kind, widget.text()
        elif isinstance(widget, QGroupBox):
            yield kind, widget.title()
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield kind, widget.tabText(index)
        elif isinstance(widget, QHeaderView):
            for text in _header_texts(widget):
                yield kind, text
        elif isinstance(widget, QLineEdit):
            yield "hint", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield kind, widget.itemText(index)
        elif isinstance(widget, QListWidget):
            for index in range(widget.count()):
                yield kind, widget.item(index).text()
        elif isinstance(widget, QDockWidget):
            yield kind, widget.windowTitle()


def clipped(top: QWidget) -> list[str]:
    """Labels and push buttons of ``top`` whose text needs more room than they have."""
    found = []
    for widget in top.findChildren(QWidget):
        # Only what is on screen now: a dock behind another keeps an old geometry.
        if not widget.isVisibleTo(top) or widget.visibleRegion().isEmpty():
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                short = widget.heightForWidth(widget.width()) > widget.height() + 1
            else:
                short = widget.sizeHint().width() > widget.width() + 1
        elif isinstance(widget, QPushButton) and widget.text():
            short = widget.sizeHint().width() > widget.width() + 1
        else:
            continue
        if short:
            found.append(
                f"{type(widget).__name__} {widget.text()!r}: needs "
                f"{widget.sizeHint().width()} x {widget.sizeHint().height()}, has "
                f"{widget.width()} x {widget.height()}"
            )
    return found


def _settle(widget: QWidget, wait: int) -> None:
    widget.show()
    QApplication.processEvents()
    QTest.qWait(wait)


@contextmanager
def _message_boxes() -> Iterator[list[QMessageBox]]:
    """Message boxes shown instead of run: their ``exec`` returns at once, so that each
    stays open to be looked at."""
    shown: list[QMessageBox] = []

    def show(box: QMessageBox) -> int:
        shown.append(box)
        box.show()
        return 0

    with mock.patch.object(QMessageBox, "exec", show):
        yield shown


def _tabs(
    name: str, dialog: QWidget, wait: int, inside: QWidget | None = None
) -> Iterator[tuple[str, QWidget]]:
    """The dialog once per tab of the first tab widget ``inside`` it (default: the
    dialog), or once when it has none."""
    tabs = (inside or dialog).findChild(QTabWidget)
    if tabs is None:
        yield name, dialog
        return
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        QTest.qWait(wait // 3)
        yield f"{name}-{index + 1}", dialog


def every_window(window, wait: int = 300) -> Iterator[tuple[str, QWidget]]:
    """Open each window and dialog of the app on ``window``'s map in turn, yielding
    (name, top-level widget) while it is shown; each is closed when the next is asked for.

    ``window`` is a shown :class:`~stakeholder_mapper.ui.main_window.MainWindow`.
    """
    from stakeholder_mapper.io.recovery import Recovery
    from stakeholder_mapper.io.rescue import RescueCopy
    from stakeholder_mapper.ui.dialogs.export_dialog import ExportDialog
    from stakeholder_mapper.ui.dialogs.help import show_about, show_shortcuts
    from stakeholder_mapper.ui.dialogs.import_dialog import ImportDialog
    from stakeholder_mapper.ui.dialogs.map_details import MapDetailsDialog
    from stakeholder_mapper.ui.dialogs.plan_dialog import PlanDialog
    from stakeholder_mapper.ui.dialogs.privacy import ErasePersonDialog, ReviewDueDialog
    from stakeholder_mapper.ui.dialogs.sharing import SharingDialog
    from stakeholder_mapper.ui.files.autosave import (
        NewPasswordDialog,
        PasswordDialog,
        RecoveryDialog,
    )
    from stakeholder_mapper.ui.files.open_problems import ask_open_read_only, choose_rescue_copy

    smap = window.document.smap
    yield "main", window
    # Each dock's own tab, and the inspector and its tabs for a stakeholder and for a tie.
    for name, dock in window.docks.items():
        if not dock.visibleRegion().isEmpty():
            continue
        dock.raise_()
        QTest.qWait(wait // 3)
        yield f"dock-{name}", window
    first = next(iter(smap.stakeholders))
    window.scene.nodes[first].setSelected(True)
    # The workshop's docks (influence towers, snapshots, engagement log), hidden until asked.
    for dock in window.findChildren(QDockWidget):
        if dock in window.docks.values() or dock.isVisible() or dock.objectName() in LEFT_OUT:
            continue
        dock.show()
        dock.raise_()
        QTest.qWait(wait // 3)
        yield f"dock-{dock.objectName()}", window
        dock.hide()
    window.docks["inspector"].raise_()
    tie = next(iter(smap.relationships), None)
    for key, item in (("stakeholder", window.scene.nodes[first]), ("tie", None)):
        window.scene.clearSelection()
        if item is None and tie is not None:
            item = window.scene.edges.get(tie)
        if item is None:
            continue
        item.setSelected(True)
        QTest.qWait(wait // 3)
        yield from _tabs(f"inspector-{key}", window, wait, window.docks["inspector"])
    window.scene.clearSelection()
    bar = window.menuBar()
    for number, action in enumerate(bar.actions(), start=1):
        menu = action.menu()
        if menu is None:
            continue
        menu.popup(window.mapToGlobal(bar.actionGeometry(action).bottomLeft()))
        QTest.qWait(wait // 3)
        yield f"menu-{number}", menu  # in menu bar order: File is menu-1
        menu.hide()
    person = next(
        (s.id for s in smap.stakeholders.values() if s.person or s.contact),
        next(iter(smap.stakeholders)),
    )
    moment = dt.datetime(2026, 12, 4, 14, 3, tzinfo=dt.UTC)
    dialogs = [
        ("import", lambda: ImportDialog(smap, window)),
        ("export", lambda: ExportDialog(smap, window.scene, parent=window)),
        ("plan", lambda: PlanDialog(smap, None, window, push=window.document.push)),
        ("details", lambda: MapDetailsDialog(window.document, window)),
        ("sharing", lambda: SharingDialog(smap, window.document.push, window)),
        ("erase", lambda: ErasePersonDialog(smap, person, window)),
        ("reviews", lambda: ReviewDueDialog(smap, dt.date(2100, 1, 1), window)),
        ("password", lambda: PasswordDialog("city.smap", "", window)),
        ("new-password", lambda: NewPasswordDialog("city.smap", False, window)),
        (
            "recovery",
            lambda: RecoveryDialog(
                [Recovery(Path("city.smap.autosave"), moment, Path("city.smap"), False)], window
            ),
        ),
        ("about", lambda: show_about(window)),
        ("shortcuts", lambda: show_shortcuts(window, list(window.actions_by_name.values()))),
    ]
    for name, make in dialogs:
        dialog: QDialog = make()
        _settle(dialog, wait)
        yield from _tabs(name, dialog, wait)
        dialog.reject()
        dialog.deleteLater()
    copy = RescueCopy(Path("city.smap.bak"), "backup", moment, False)
    reason = _("{name} is empty.").format(name="city.smap")
    problems = [
        ("damaged", lambda: choose_rescue_copy(window, reason, [copy])),
        ("read-only", lambda: ask_open_read_only(window, reason)),
    ]
    for name, ask in problems:
        with _message_boxes() as shown:
            ask()
        (box,) = shown
        _settle(box, wait)
        yield name, box
        box.done(0)
        box.deleteLater()
    QApplication.processEvents()
