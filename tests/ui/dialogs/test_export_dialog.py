"""The export dialog writes each format; figures show what the canvas shows."""

from __future__ import annotations

from PySide6.QtGui import QImage

from stakeholder_mapper.io.table_import import import_workbook
from stakeholder_mapper.ui.canvas import CanvasFilter, MapScene
from stakeholder_mapper.ui.dialogs.export_dialog import ExportDialog
from stakeholder_mapper.ui.document import MapDocument


def choose(dialog: ExportDialog, fmt: str, level: str = "full") -> None:
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    dialog.level.setCurrentIndex(dialog.level.findData(level))


def test_workbook_export_reads_back(qtbot, small_map, tmp_path):
    dialog = ExportDialog(small_map, folder=tmp_path)
    qtbot.addWidget(dialog)
    choose(dialog, "xlsx")
    assert dialog.file_edit.text() == str(tmp_path / "Untitled map.xlsx")
    dialog.export()
    assert dialog.written == [tmp_path / "Untitled map.xlsx"]
    back, _ = import_workbook(tmp_path / "Untitled map.xlsx")
    assert back.stakeholders == small_map.stakeholders


def test_csv_export_names_its_sibling_files(qtbot, small_map, tmp_path):
    dialog = ExportDialog(small_map, folder=tmp_path)
    qtbot.addWidget(dialog)
    choose(dialog, "csv")
    assert "_relationships.csv" in dialog.note.text()
    dialog.export()
    assert [p.name for p in dialog.written] == [
        "Untitled map.csv",
        "Untitled map_relationships.csv",
        "Untitled map_metrics.csv",
    ]


def test_png_figure_follows_the_canvas_filter(qtbot, small_map, tmp_path):
    scene = MapScene(MapDocument(small_map))
    scene.set_filter(CanvasFilter(categories={"municipal", "faith"}))
    dialog = ExportDialog(small_map, scene, folder=tmp_path)
    qtbot.addWidget(dialog)
    choose(dialog, "png")
    dialog.width_box.setValue(800)
    dialog.export()
    image = QImage(str(dialog.written[0]))
    assert image.width() == 800
    # Only the network part (left of the legend) is searched for node colours.
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width() * 2 // 3, 2)
        for y in range(0, image.height(), 2)
    }
    assert small_map.categories["municipal"].colour.lower() in colours
    assert small_map.categories["youth"].colour.lower() not in colours, "filtered out"


def test_failure_is_shown_and_the_dialog_stays_open(qtbot, small_map, tmp_path):
    dialog = ExportDialog(small_map, folder=tmp_path)
    qtbot.addWidget(dialog)
    choose(dialog, "graphml")
    dialog.file_edit.setText(str(tmp_path / "missing folder" / "map.graphml"))
    dialog.export()
    assert dialog.written == []
    assert dialog.message.text().startswith("map.graphml could not be saved")


def test_export_refuses_to_overwrite_the_open_map(qtbot, small_map, tmp_path):
    map_file = tmp_path / "city.smap"
    map_file.write_bytes(b"the map")
    dialog = ExportDialog(small_map, folder=tmp_path, map_path=map_file)
    qtbot.addWidget(dialog)
    choose(dialog, "png")
    for name in ("city.smap", "other.SMAP"):
        dialog.file_edit.setText(str(tmp_path / name))
        dialog.export()
        assert dialog.written == [] and "choose another" in dialog.message.text()
    assert map_file.read_bytes() == b"the map"
