"""The window in the interface language: French menus, Qt's own words in French, Arabic laid
out right to left, and Settings → Language stored for the next start."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QMessageBox

from stakeholder_mapper.core.i18n import set_language
from stakeholder_mapper.ui.setup.interface_language import apply_to_qt, start_language
from stakeholder_mapper.ui.setup.settings import INTERFACE_LANGUAGE

from ..conftest import open_window
from ..modals import Modals


@pytest.fixture
def speak(qapp) -> Iterator:
    """Switch the interface language for one test, Qt included; English again after it."""

    def use(code: str) -> None:
        set_language(code)
        apply_to_qt(qapp)

    yield use
    set_language("en")
    apply_to_qt(qapp)


def _menu_titles(win) -> list[str]:
    return [action.text() for action in win.menuBar().actions()]


def test_the_window_under_french_has_french_menus(qtbot, small_map, settings, speak) -> None:
    speak("fr")
    win = open_window(qtbot, small_map, settings)
    assert _menu_titles(win) == [
        "&Fichier",
        "É&dition",
        "&Affichage",
        "A&nalyse",
        "&Paramètres",
        "Aid&e",
        "A&telier",
    ]
    save = win.actions_by_name["save"]
    assert (save.text(), save.statusTip()) == ("&Enregistrer", "Enregistrer la carte")
    assert win.docks["stakeholders"].windowTitle() == "Parties prenantes"
    assert win.layoutDirection() == Qt.LayoutDirection.LeftToRight
    # Qt's own buttons speak French too (qtbase translations).
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_the_window_under_arabic_is_laid_out_right_to_left(
    qtbot, small_map, settings, speak
) -> None:
    speak("ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    win = open_window(qtbot, small_map, settings)
    assert win.isRightToLeft()
    assert _menu_titles(win)[0] == "&ملف"
    # The File menu opens at the right end of the menu bar.
    bar = win.menuBar()
    first = bar.actionGeometry(bar.actions()[0])
    assert first.right() > bar.width() // 2


def test_english_again_after_another_language(qtbot, small_map, settings, speak) -> None:
    speak("ru")
    speak("en")
    win = open_window(qtbot, small_map, settings)
    assert _menu_titles(win)[:2] == ["&File", "&Edit"]
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert not win.isRightToLeft()


def test_the_language_menu_stores_the_choice_for_the_next_start(qtbot, small_map, settings) -> None:
    win = open_window(qtbot, small_map, settings)
    menu = win.language_menu
    texts = [action.text() for action in menu.actions()]
    assert texts == [
        "System language (English)",
        "English",
        "Français",
        "Español",
        "العربية",
        "Русский",
    ]
    assert menu.actions()[0].isChecked()
    told: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        told.append(box.text())
        box.accept()

    modals = Modals([(QMessageBox, read_and_close)])
    menu.actions()[5].trigger()
    qtbot.waitUntil(lambda: not modals.steps)
    assert told == ["Stakeholder Mapper will speak Русский the next time it starts."]
    assert settings.get(INTERFACE_LANGUAGE) == "ru"
    assert menu.actions()[5].isChecked()
    # The window keeps its language and the open map until the next start...
    assert _menu_titles(win)[0] == "&File"
    assert win.document.smap is small_map
    # ...where the stored choice wins over the system's language.
    assert start_language(settings) == "ru"
    set_language("en")
    settings.set(INTERFACE_LANGUAGE, "")
    assert start_language(settings) == "en"


_START = (
    "from stakeholder_mapper.ui.app import build_window\n"
    "window = build_window(None)\n"
    "print(window.isRightToLeft(), window.menuBar().actions()[0].text())\n"
    "window.document.undo_stack.setClean()\n"
)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ar_SA.UTF-8", "True &ملف"), ("fr_FR.UTF-8", "False &Fichier"), ("C", "False &File")],
)
def test_the_app_started_under_lang_speaks_it(tmp_path, lang: str, expected: str) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    # Fresh settings: no language chosen yet, so the system's is used.
    env.update(
        LANG=lang, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path)
    )
    result = subprocess.run(
        [sys.executable, "-c", _START], env=env, capture_output=True, text=True, encoding="utf-8"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_the_inspector_tables_and_legend_under_french(qtbot, small_map, settings, speak) -> None:
    speak("fr")
    win = open_window(qtbot, small_map, settings)
    table = win.stakeholder_table
    headers = [
        table.model.headerData(column, Qt.Orientation.Horizontal)
        for column in range(table.model.columnCount())
    ]
    assert headers[:3] == ["Nom", "Catégorie", "Organisation"]
    assert table.filter_box.placeholderText() == "Filtrer les parties prenantes…"
    assert win.inspector.title.text() == (
        "Sélectionnez une partie prenante ou une relation pour voir et modifier ses détails."
    )
    first = next(iter(small_map.stakeholders))
    win.document.selection.set([first])
    power = win.inspector.editor("power")
    form = power.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(power)
    assert label is not None and label.text() == "Pouvoir"
    rows = [text for column in win.view.legend._columns for _kind, _record, text in column]
    assert rows[0] == "Parties prenantes"
    assert "largeur : intensité" in rows


def test_a_typed_value_out_of_range_is_refused_in_french(small_map, speak) -> None:
    from stakeholder_mapper.core.validation import ValidationError
    from stakeholder_mapper.ui.panels.fields import STAKEHOLDER_FIELDS

    speak("fr")
    power = next(field for field in STAKEHOLDER_FIELDS if field.name == "power")
    with pytest.raises(ValidationError) as caught:
        power.parse("9", small_map)
    assert str(caught.value) == (
        "Pouvoir doit être un nombre entier de 1 à 5, ou vide si inconnu (trouvé '9')."
    )


def _colour_columns(image, colour) -> list[int]:
    """The x of every pixel column of ``image`` that holds ``colour`` exactly."""
    return [
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y) == colour for y in range(image.height()))
    ]


def test_the_legend_is_mirrored_in_arabic(qtbot, small_map, settings, speak) -> None:
    from PySide6.QtGui import QColor

    # Colours of their own, found nowhere else in the legend.
    category = next(iter(small_map.categories.values()))
    category = small_map.categories[category.id] = dataclasses.replace(category, colour="#123456")
    used = {r.kind for r in small_map.relationships.values()}
    kind = next(k for k in small_map.kinds.values() if k.id in used)
    kind = small_map.kinds[kind.id] = dataclasses.replace(kind, colour="#654321")
    sides = {}
    for code in ("en", "ar"):
        speak(code)
        win = open_window(qtbot, small_map, settings)
        legend = win.view.legend
        legend.refresh()
        legend.resize(legend.sizeHint())
        image = legend.grab().toImage()
        swatch = _colour_columns(image, QColor(category.colour))
        line = _colour_columns(image, QColor(kind.colour))
        assert swatch and line, code
        sides[code] = (legend.width(), min(swatch), max(swatch), min(line), max(line))
    _, *english = sides["en"]
    width, swatch_left, swatch_right, _line_left, line_right = sides["ar"]
    # The stakeholders' column, first in reading order, is on the right in Arabic; its
    # swatches sit at the right edge, as far from it as they sit from the left in English.
    assert abs((width - 1 - swatch_right) - english[0]) <= 1
    assert abs((width - 1 - swatch_left) - english[1]) <= 1
    assert abs((width - 1 - line_right) - english[2]) <= 1
    assert english[1] < english[2] and swatch_left > line_right
    # Each tie's name sits just beside its line, on the line's left in Arabic: the row's
    # text ends within a few pixels of the line, not at the legend's far edge.
    rows = [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y) == QColor(kind.colour) for x in range(image.width()))
    ]
    middle = rows[len(rows) // 2]
    text = [
        x
        for x in range(_line_left)
        for y in range(middle - 4, middle + 5)
        if image.pixelColor(x, y).lightness() < 140
    ]
    assert text and _line_left - max(text) < 20


def test_a_cut_name_ends_at_its_own_end_in_either_direction(
    qtbot, small_map, settings, speak
) -> None:
    """A Latin name cut short in the Arabic window reads left to right with its "…" on the
    right; an Arabic name in the English window reads right to left, "…" on the left."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    latin = "Marenza Chamber of Commerce, Industry, Fisheries and Port Services Association"
    arabic = "غرفة التجارة والصناعة والزراعة في مارينزا ورابطة الصيادين وخدمات الميناء البحري"

    drawn: list = []

    class Recording(QPainter):
        def drawText(self, *args) -> None:
            drawn.append((args[-1], self.layoutDirection()))
            super().drawText(*args)

    for code, name, direction in (
        ("ar", latin, Qt.LayoutDirection.LeftToRight),
        ("en", arabic, Qt.LayoutDirection.RightToLeft),
    ):
        speak(code)
        small_map.stakeholders["mayor"] = dataclasses.replace(
            small_map.stakeholders["mayor"], label=name
        )
        win = open_window(qtbot, small_map, settings)
        win.view.sync_detail()
        node = win.scene.nodes["mayor"]
        assert node.shown_label.endswith("…") and name.startswith(node.shown_label[:-1])
        image = QImage(400, 300, QImage.Format.Format_ARGB32)
        painter = Recording(image)
        painter.setLayoutDirection(win.view.layoutDirection())
        drawn.clear()
        node.paint(painter, QStyleOptionGraphicsItem(), None)
        painter.end()
        assert (node.shown_label, direction) in drawn, code


def test_a_latin_name_in_an_arabic_table_reads_left_to_right(
    qtbot, small_map, settings, speak
) -> None:
    """In the Arabic window a Latin cell keeps the table's alignment (right) but is laid
    out left to right, so a name cut short ends in "…" on its right, not its left."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    speak("ar")
    win = open_window(qtbot, small_map, settings)
    panel = win.stakeholder_table
    label = small_map.stakeholders["mayor"].label
    source = panel.model.index(panel.model.row_of("mayor"), 0)
    index = panel.proxy.mapFromSource(source)
    assert index.data() == label
    option = QStyleOptionViewItem()
    option.initFrom(panel.table)
    panel.table.itemDelegate().initStyleOption(option, index)
    assert option.direction == Qt.LayoutDirection.LeftToRight
    assert option.displayAlignment & Qt.AlignmentFlag.AlignRight
    assert option.displayAlignment & Qt.AlignmentFlag.AlignAbsolute


def test_the_tables_show_stored_words_in_the_interface_language(
    qtbot, small_map, settings, speak
) -> None:
    """A level stored as "city" and an unknown rating read in French in the table, while
    editing still starts from (and stores) the map's own word."""
    from PySide6.QtCore import Qt

    small_map.stakeholders["mayor"] = dataclasses.replace(
        small_map.stakeholders["mayor"], level="city", interest=None
    )
    speak("fr")
    win = open_window(qtbot, small_map, settings)
    model = win.stakeholder_table.model
    row = model.row_of("mayor")
    level = next(i for i, f in enumerate(model.fields) if f.name == "level")
    interest = next(i for i, f in enumerate(model.fields) if f.name == "interest")
    assert model.index(row, level).data() == "ville"
    assert model.index(row, level).data(Qt.ItemDataRole.EditRole) == "city"
    assert model.index(row, interest).data() == "inconnu"
    assert model.index(row, interest).data(Qt.ItemDataRole.EditRole) == ""
