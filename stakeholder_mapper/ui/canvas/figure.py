"""The network figure as PNG, SVG or PDF: the canvas as drawn, with a title and its legend.

:func:`render_scene` draws what a canvas scene shows (its filters, focus and node sizes)
and is what the main window's "Export figure" uses. :func:`export_figure` builds a scene
for a map without any window, for the command line; Qt draws offscreen when there is no
display. Node and edge items are drawn as vectors in SVG and PDF (their pixel caches are
switched off while drawing) and the selection is never drawn.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPoint,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem, QWidget

from ...core.model import StakeholderMap
from ...core.validation import ValidationError
from ...io.project import write_atomically
from ...io.redact import ExportLevel, redact_for_export
from ..document import MapDocument
from ..setup.fonts import drawing_font
from ..setup.qt_application import set_up_application
from . import MapScene
from .legend import Legend

__all__ = ["FIGURE_FORMATS", "export_figure", "figure_bytes", "render_scene"]

FIGURE_FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
#: Width of the figure's layout in SVG and PDF units; PNG figures scale it to their width.
LAYOUT_WIDTH = 1600
_MARGIN = 24
_TITLE_PX = 26
#: Screen resolution the canvas is drawn at: fonts given in points keep their canvas size.
_DPI = 96


def _subtitle(smap: StakeholderMap) -> str:
    info = smap.info
    parts = [info.city, info.branch, info.date.isoformat() if info.date else ""]
    return " · ".join(p for p in parts if p)


def _visible_rect(scene: MapScene) -> QRectF:
    rect = QRectF()
    for item in scene.items():
        if item.isVisible():
            rect = rect.united(item.sceneBoundingRect())
    return rect.adjusted(-20, -20, 20, 20) if not rect.isEmpty() else rect


def _draw(painter: QPainter, scene: MapScene, legend: Legend, width: float) -> None:
    """Lay out title, network and legend across ``width`` units of ``painter``."""
    f = width / LAYOUT_WIDTH
    margin = _MARGIN * f
    source = _visible_rect(scene)
    legend_size = legend.size()
    title_font = drawing_font(max(1, round(_TITLE_PX * f)), bold=True)
    sub_font = drawing_font(max(1, round(_TITLE_PX * 0.6 * f)))
    painter.setPen(QColor("#222222"))
    painter.setFont(title_font)
    title_height = _TITLE_PX * 1.4 * f
    painter.drawText(
        QRectF(margin, margin, width - 2 * margin, title_height),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        scene.smap.info.title,
    )
    painter.setFont(sub_font)
    painter.setPen(QColor("#555555"))
    painter.drawText(
        QRectF(margin, margin + title_height, width - 2 * margin, title_height * 0.7),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        _subtitle(scene.smap),
    )
    top = margin + title_height * 1.8
    legend_width = legend_size.width() * f
    target_width = width - legend_width - 3 * margin
    target = QRectF(margin, top, target_width, target_width * source.height() / source.width())
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    painter.save()
    painter.translate(width - legend_width - margin, top)
    painter.scale(f, f)
    legend.render(painter, QPoint(), QRegion(), QWidget.RenderFlag.DrawChildren)
    painter.restore()


def _height(scene: MapScene, legend: Legend, width: float) -> float:
    f = width / LAYOUT_WIDTH
    source = _visible_rect(scene)
    target_width = width - legend.size().width() * f - 3 * _MARGIN * f
    body = max(target_width * source.height() / source.width(), legend.size().height() * f)
    return _MARGIN * f + _TITLE_PX * 1.4 * 1.8 * f + body + _MARGIN * f


def figure_bytes(scene: MapScene, fmt: str, width: int = 2400) -> bytes:
    """The scene drawn as a ``png`` (``width`` pixels wide), ``svg`` or ``pdf`` file's bytes."""
    if fmt not in FIGURE_FORMATS:
        raise ValueError(f"Unknown figure format {fmt!r}; use one of {', '.join(FIGURE_FORMATS)}.")
    if _visible_rect(scene).isEmpty():
        raise ValidationError("The map has no stakeholders to draw.")
    scene.finish_building()
    legend = Legend(scene.document, scene, None)
    legend.resize(legend.sizeHint())
    items = scene.items()
    selected = [item for item in items if item.isSelected()]
    caches = [(item, item.cacheMode()) for item in items]
    scene.blockSignals(True)
    try:
        for item in selected:
            item.setSelected(False)
        for item, _skip in caches:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        return _paint(scene, legend, fmt, width)
    finally:
        for item, mode in caches:
            item.setCacheMode(mode)
        for item in selected:
            item.setSelected(True)
        scene.blockSignals(False)
        legend.deleteLater()


def _paint(scene: MapScene, legend: Legend, fmt: str, width: int) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    layout_width = width if fmt == "png" else LAYOUT_WIDTH
    height = _height(scene, legend, layout_width)
    if fmt == "png":
        device = QImage(width, round(height), QImage.Format.Format_ARGB32)
        device.fill(QColor("white"))
    elif fmt == "svg":
        device = QSvgGenerator()
        device.setOutputDevice(buffer)
        device.setResolution(_DPI)
        device.setSize(QSize(LAYOUT_WIDTH, round(height)))
        device.setViewBox(QRectF(0, 0, LAYOUT_WIDTH, height))
        device.setTitle(scene.smap.info.title)
        device.setDescription("Stakeholder network drawn by Stakeholder Mapper")
    else:
        device = QPdfWriter(buffer)
        device.setResolution(_DPI)  # one layout unit per screen pixel, as on the canvas
        points = 72 / _DPI
        page = QSizeF(LAYOUT_WIDTH * points, height * points)
        device.setPageSize(QPageSize(page, QPageSize.Unit.Point))
        device.setPageMargins(QMarginsF(0, 0, 0, 0))
        device.setTitle(scene.smap.info.title)
        device.setCreator("Stakeholder Mapper")
    painter = QPainter(device)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if fmt != "png":
            painter.fillRect(QRectF(0, 0, LAYOUT_WIDTH, height), QColor("white"))
        _draw(painter, scene, legend, layout_width)
    finally:
        painter.end()
    if fmt == "png":
        device.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def render_scene(scene: MapScene, path: str | Path, fmt: str, width: int = 2400) -> None:
    """Write what the scene shows, with title and legend, to ``path`` (atomically)."""
    write_atomically(path, figure_bytes(scene, fmt, width), backup=False)


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(["stakeholder-mapper"])
    set_up_application(app)
    return app


def export_figure(
    smap: StakeholderMap,
    path: str | Path,
    fmt: str,
    *,
    width: int = 2400,
    level: ExportLevel = "full",
) -> None:
    """Draw the map's network at its stored positions, without a window, to ``path``.

    Only what the export ``level`` allows is drawn. Needs no display.
    """
    _application()
    document = MapDocument(redact_for_export(smap, level))
    scene = MapScene(document)
    try:
        render_scene(scene, path, fmt, width)
    finally:
        scene.deleteLater()
        document.deleteLater()
