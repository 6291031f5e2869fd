"""What the canvas shows: focus, filters, node sizes, search, the layout run and the route dock.

:class:`ViewController` acts on the main window's canvas and on the menus, palette and
status labels the window built for it (:mod:`.actions`); it keeps them in step with the
map (categories, kinds and stakeholders added or renamed, another map opened) and with
the metrics once computed. It changes no data except through the one undoable move of a
finished layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu

from ...analysis.columns import METRIC_COLUMNS, column_header
from ...analysis.routes import our_branch
from ...core.i18n import N_, _, ngettext
from ...core.model import ChangeKind, ModelChange
from ...io.foreign import imported_sizes
from ..canvas import CanvasFilter
from ..workers.metrics_runner import MetricsResult

if TYPE_CHECKING:
    from .main_window import MainWindow

__all__ = ["ViewController"]

_SIZE_CHOICES = (
    ("power", N_("Power")),
    ("interest", N_("Interest")),
    ("influence", N_("Influence tower")),
    ("size", N_("Size from the imported file")),
)
#: Changes that add, remove or rename categories or relationship kinds.
_LEGEND_CHANGES = (
    ChangeKind.KIND_ADDED,
    ChangeKind.KIND_REMOVED,
    ChangeKind.KIND_CHANGED,
    ChangeKind.CATEGORY_ADDED,
    ChangeKind.CATEGORY_REMOVED,
    ChangeKind.CATEGORY_CHANGED,
)
_STAKEHOLDER_CHANGES = (
    ChangeKind.STAKEHOLDER_ADDED,
    ChangeKind.STAKEHOLDER_REMOVED,
    ChangeKind.STAKEHOLDER_CHANGED,
)


class ViewController(QObject):
    """Focus, filters, sizes, search, layout and route for ``window``'s canvas."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._tag: str | None = None
        self.fill_size_menu([])
        window.document.changed.connect(self._on_model_change)
        window.view.request.connect(self._on_view_request)
        window.view.escape_pressed.connect(self.clear_focus)
        window.scene.revealed.connect(self._on_revealed)
        window.metrics.finished.connect(self._on_metrics)

    # -- focus and filters ---------------------------------------------------------------------
    def focus_on(self, steps: int, stakeholder_id: str | None = None) -> None:
        """Show only the ego network of the stakeholder (default: the selected one)."""
        window = self._window
        if stakeholder_id is None:
            selected = window.document.selection.stakeholders
            if not selected:
                window.show_message(_("Select a stakeholder to focus on."))
                return
            stakeholder_id = selected[0]
        window.scene.set_focus(stakeholder_id, steps)
        label = window.document.smap.stakeholders[stakeholder_id].label
        window.focus_label.setText(
            ngettext(
                "Focus: {name}, {n} step (Esc shows everything)",
                "Focus: {name}, {n} steps (Esc shows everything)",
                steps,
            ).format(name=label, n=steps)
        )
        window.view.fit_all()

    def clear_focus(self) -> None:
        """Show everything again: no focus, no highlighted route, no filters."""
        window = self._window
        window.scene.set_focus(None)
        window.scene.set_route([])
        window.focus_label.setText("")
        for menu in (window.category_filter_menu, window.kind_filter_menu):
            for action in menu.actions():
                action.blockSignals(True)
                action.setChecked(True)
                action.blockSignals(False)
        self._tag = None
        window.strength_group.actions()[0].setChecked(True)
        self.apply_filters()

    def apply_filters(self) -> None:
        """Show on the canvas only what the Filter menu's ticks, strength and tag allow."""
        window = self._window

        def checked(menu: QMenu) -> set[str] | None:
            actions = menu.actions()
            chosen = {a.data() for a in actions if a.isChecked()}
            return None if len(chosen) == len(actions) else chosen

        strength = window.strength_group.checkedAction()
        canvas_filter = CanvasFilter(
            categories=checked(window.category_filter_menu),
            kinds=checked(window.kind_filter_menu),
            tag=self._tag,
            min_strength=strength.data() if strength else 1,
        )
        window.scene.set_filter(canvas_filter)
        window.filter_label.setText(_describe_filter(canvas_filter))

    def fill_filter_menus(self, keep_ticks: bool = True) -> None:
        """List the map's categories and kinds in the filter menus and apply the filter.

        With ``keep_ticks`` an entry keeps the tick it had (a new one starts ticked), so
        adding or renaming a category does not silently drop an active filter.
        """
        window = self._window
        smap = window.document.smap
        for menu, records in (
            (window.category_filter_menu, smap.categories.values()),
            (window.kind_filter_menu, smap.kinds.values()),
        ):
            unticked = (
                {a.data() for a in menu.actions() if not a.isChecked()} if keep_ticks else set()
            )
            menu.clear()
            for record in records:
                action = menu.addAction(record.name)
                action.setCheckable(True)
                action.setChecked(record.id not in unticked)
                action.setData(record.id)
                action.toggled.connect(self.apply_filters)
        self.apply_filters()

    def ask_tag(self) -> None:
        """Ask for a tag and show only the stakeholders that carry it."""
        tags = sorted({t for s in self._window.document.smap.stakeholders.values() for t in s.tags})
        tag, ok = QInputDialog.getItem(
            self._window,
            _("Filter by tag"),
            _("Show only stakeholders tagged:"),
            [_("(any)"), *tags],
            0,
            True,
        )
        if ok:
            self._tag = None if tag in ("", _("(any)")) else tag.strip()
            self.apply_filters()

    def _on_revealed(self, ids: list[str]) -> None:
        if self._window.scene.focus is not None:
            message = ngettext(
                "The new stakeholder is shown although the focus would hide it; "
                "Esc shows everything.",
                "The new stakeholders are shown although the focus would hide them; "
                "Esc shows everything.",
                len(ids),
            )
        else:
            message = ngettext(
                "The new stakeholder is shown although the filter would hide it; "
                "Esc shows everything.",
                "The new stakeholders are shown although the filter would hide them; "
                "Esc shows everything.",
                len(ids),
            )
        self._window.show_message(message)

    # -- sizes ---------------------------------------------------------------------------------
    def fill_size_menu(self, metric_columns: list[str]) -> None:
        """Offer power, interest, influence, the imported size and ``metric_columns``."""
        window = self._window
        for action in window.size_group.actions():
            window.size_group.removeAction(action)
            window.size_menu.removeAction(action)
        choices = [(key, _(text)) for key, text in _SIZE_CHOICES]
        choices += [(c, column_header(c)) for c in metric_columns]
        for key, text in choices:
            action = QAction(text, window.size_group)
            action.setCheckable(True)
            action.setData(key)
            action.setChecked(key == window.scene.size_by)
            action.triggered.connect(lambda _c=False, k=key: self.size_by(k))
            window.size_menu.addAction(action)

    def choose_size(self, name: str) -> None:
        """Size the nodes by ``name`` and tick it in the Size menu."""
        self.size_by(name)
        for action in self._window.size_group.actions():
            action.setChecked(action.data() == name)

    def size_by(self, name: str) -> None:
        """Size the canvas nodes by power, interest, influence tower or a metric column."""
        window = self._window
        result = window.metrics.result
        values = None
        if result is not None and name in result.metrics.columns:
            values = {str(k): float(v) for k, v in result.metrics[name].items()}
        elif name == "size":
            values = imported_sizes(window.document.smap)
        window.scene.set_size_by(name, values)
        window.view.legend.refresh()

    def _on_metrics(self, result: MetricsResult) -> None:
        window = self._window
        if not shiboken6.isValid(window.size_menu):
            return  # an analysis that ends while the window is being torn down
        window.view.readings = {sid: r.sentence for sid, r in result.readings.items()}
        columns = [c for c in result.metrics.columns if c in METRIC_COLUMNS and c != "community"]
        self.fill_size_menu(columns)
        if window.scene.size_by in columns:
            self.size_by(window.scene.size_by)

    # -- search, tools and the kind palette ----------------------------------------------------
    def find(self) -> None:
        """Put the keyboard in the search box, its text selected."""
        self._window.search_box.setFocus()
        self._window.search_box.selectAll()

    def search(self, text: str) -> None:
        """Centre the canvas on the stakeholder named ``text`` (or whose name contains it)."""
        window = self._window
        smap = window.document.smap
        found = smap.find_stakeholder(text)
        if found is None:
            wanted = text.strip().casefold()
            found = next(
                (s for s in smap.stakeholders.values() if wanted and wanted in s.label.casefold()),
                None,
            )
        if found is None:
            window.show_message(_("No stakeholder called {name}.").format(name=repr(text)))
            return
        if not window.scene.nodes[found.id].isVisible():
            self.clear_focus()
        window.view.centre_on(found.id)

    def use_connect_tool(self, checked: bool) -> None:
        """Switch the canvas between the connect tool and the select tool."""
        self._window.view.connect_tool = checked
        self._window.show_message(
            _("Connect tool: drag from one stakeholder to another.")
            if checked
            else _("Select tool.")
        )

    def fill_kind_palette(self) -> None:
        """One button per relationship kind of the map for the ties drawn next."""
        window = self._window
        palette, group, view = window.kind_palette, window.kind_group, window.view
        for action in group.actions():
            palette.removeAction(action)
            group.removeAction(action)
        kinds = window.document.smap.kinds
        if view.connect_kind not in kinds and kinds:
            view.connect_kind = next(iter(kinds))
        for kind in kinds.values():
            action = QAction(kind.name, group)
            action.setCheckable(True)
            action.setData(kind.id)
            action.setToolTip(_kind_tip(kind.name, kind.directed, kind.valence))
            action.setChecked(kind.id == view.connect_kind)
            action.toggled.connect(
                lambda checked, kid=kind.id: checked and setattr(view, "connect_kind", kid)
            )
            palette.addAction(action)

    def _update_completer(self) -> None:
        labels = sorted(s.label for s in self._window.document.smap.stakeholders.values())
        self._window.search_box.completer().model().setStringList(labels)

    # -- layout --------------------------------------------------------------------------------
    def run_layout(self) -> None:
        """Lay the map out in the background; the result is one undoable move."""
        self._window.map_layout.run()

    # -- the route dock ------------------------------------------------------------------------
    def route_to_selection(self) -> None:
        """Open the route dock; with a stakeholder selected, from our branch to it."""
        window = self._window
        selected = window.document.selection.stakeholders
        if selected:
            window.route_panel.set_ends(source=our_branch(window.document.smap), target=selected[0])
        self._show_route_dock()
        window.route_panel.take_focus()

    def _show_route_dock(self) -> None:
        dock = self._window.docks["route"]
        dock.show()
        dock.raise_()

    def _on_view_request(self, name: str, stakeholder_id: str) -> None:
        if name in ("focus1", "focus2"):
            self.focus_on(1 if name == "focus1" else 2, stakeholder_id)
        elif name in ("route_from", "route_to"):
            route_panel = self._window.route_panel
            if name == "route_from":
                route_panel.set_ends(source=stakeholder_id)
            else:
                route_panel.set_ends(target=stakeholder_id)
            self._show_route_dock()
            route_panel.find()

    # -- the map's changes ---------------------------------------------------------------------
    def _on_model_change(self, change: ModelChange) -> None:
        window = self._window
        if change.kind is ChangeKind.RESET:
            # Another map (or the saved one) is shown: a layout still running is for the old one.
            window.map_layout.drop()
            if window.scene.size_by == "size" and not imported_sizes(window.document.smap):
                self.choose_size("power")  # the sizes were the previous map's file's
            self.refresh_after_reset()
        elif change.kind in _LEGEND_CHANGES:
            self.fill_kind_palette()
            self.fill_filter_menus()
        if change.kind in _STAKEHOLDER_CHANGES:
            self._update_completer()

    def refresh_after_reset(self) -> None:
        """A whole new map is shown: no focus, its kinds and categories, fitted."""
        self._window.focus_label.setText("")
        self.fill_kind_palette()
        self.fill_filter_menus(keep_ticks=False)
        self._update_completer()


def _describe_filter(canvas_filter: CanvasFilter) -> str:
    parts = []
    if canvas_filter.categories is not None:
        n = len(canvas_filter.categories)
        parts.append(ngettext("{n} category", "{n} categories", n).format(n=n))
    if canvas_filter.kinds is not None:
        n = len(canvas_filter.kinds)
        parts.append(ngettext("{n} kind", "{n} kinds", n).format(n=n))
    if canvas_filter.tag:
        parts.append(_("tag {tag}").format(tag=canvas_filter.tag))
    if canvas_filter.min_strength > 1:
        parts.append(_("strength ≥ {n}").format(n=canvas_filter.min_strength))
    return _("Filtered: {what}").format(what=", ".join(parts)) if parts else ""


def _kind_tip(name: str, directed: bool, valence: str) -> str:
    """The kind palette's tooltip: what a new tie drawn with this kind will be."""
    if valence == "negative":
        text = (
            _("New ties are {kind} (directed, negative)")
            if directed
            else _("New ties are {kind} (undirected, negative)")
        )
    else:
        text = (
            _("New ties are {kind} (directed, positive)")
            if directed
            else _("New ties are {kind} (undirected, positive)")
        )
    return text.format(kind=name.lower())
