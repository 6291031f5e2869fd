"""View → Lay out the map: the layout runs in the background and lands as one undo step.

The map is copied into a plain :class:`~stakeholder_mapper.analysis.layout.LayoutRequest`
on the GUI thread; :func:`~stakeholder_mapper.analysis.layout.lay_out` runs in the thread
pool and touches no widget; its positions come back on the GUI thread and are pushed as
one ``MoveStakeholders``. A large map shows a progress dialog whose Cancel stops the
layout between stages and leaves the map as it was. Editing the map in the meantime does
not lose the edit: only stakeholders still on the map and not pinned are moved.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...analysis.progress import Cancelled
from ...core.commands import MoveStakeholders
from ...core.i18n import _
from ..document import MapDocument
from ..workers.background import BackgroundTask, Report

__all__ = ["PROGRESS_FROM", "MapLayout"]

#: Maps from this many stakeholders show a progress dialog with Cancel while laid out.
PROGRESS_FROM = 300


class MapLayout(QObject):
    """Lays the document's map out on request; reports through ``show_message``."""

    def __init__(
        self,
        window: QWidget,
        document: MapDocument,
        show_message: Callable[[str], None],
        fit: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window, self.document = window, document
        self.show_message, self.fit = show_message, fit
        #: The menu action, disabled while a layout runs (set by the window).
        self.action: QAction | None = None
        self.task = BackgroundTask(self)
        self.task.progress.connect(self._on_progress)
        self.task.finished.connect(self._on_finished)
        self.task.failed.connect(self._on_failed)
        self._cancel = threading.Event()
        self._dialog: QProgressDialog | None = None

    @property
    def running(self) -> bool:
        """Whether a layout is under way."""
        return self.task.running

    def run(self) -> None:
        """Lay out the unpinned stakeholders in the background."""
        smap = self.document.smap
        if not smap.stakeholders or self.running:
            return
        # igraph and numpy are loaded on the first layout, not while the window starts.
        from ...analysis.layout import lay_out, layout_request

        request = layout_request(smap)
        cancel = threading.Event()
        self._cancel = cancel

        def work(report: Report) -> dict[str, tuple[float, float]]:
            def progress(fraction: float) -> None:
                if cancel.is_set():
                    raise Cancelled
                report(fraction, "")

            return lay_out(request, progress)

        self._set_busy(True)
        self.show_message(_("Laying out the map…"))
        if len(smap.stakeholders) >= PROGRESS_FROM:
            self._open_dialog()
        self.task.start(work, lambda exc: _("The layout failed: {reason}.").format(reason=exc))

    def cancel(self) -> None:
        """Stop the running layout; the map stays as it was."""
        if not self.running:
            return
        self._cancel.set()
        self.task.drop()
        self._set_busy(False)
        self.show_message(_("Layout cancelled; the map is as it was."))

    def drop(self) -> None:
        """Forget a running layout (another map is shown): its result is for the old map."""
        self._cancel.set()
        self.task.drop()
        self._set_busy(False)

    def _open_dialog(self) -> None:
        dialog = QProgressDialog(
            _("Laying out the map…"), _("Cancel"), 0, 100, self.window, Qt.WindowType.Dialog
        )
        dialog.setWindowTitle(_("Lay out the map"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        self._dialog = dialog

    def _set_busy(self, busy: bool) -> None:
        if self.action is not None:
            self.action.setEnabled(not busy)
        if not busy and self._dialog is not None:
            dialog, self._dialog = self._dialog, None
            dialog.canceled.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()

    def _on_progress(self, fraction: float, _what: str) -> None:
        if self._dialog is not None:
            self._dialog.setValue(round(100 * fraction))

    def _on_finished(self, positions: object) -> None:
        self._set_busy(False)
        smap = self.document.smap
        wanted = {
            sid: xy
            for sid, xy in dict(positions).items()
            if sid in smap.stakeholders and sid not in smap.pinned
        }
        if not wanted:
            return
        command = MoveStakeholders(smap, wanted)
        command.text = _("Lay out the map")
        self.document.push(command)
        self.show_message(_("Map laid out. Undo puts everyone back."))
        self.fit()

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self.show_message(message)
