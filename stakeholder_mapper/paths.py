"""Where the application's bundled files are, and where its output goes by default."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = [
    "CHECKOUT_EXPORTS_DIR",
    "FONT_FAMILIES",
    "FONT_FILES",
    "LOCALE_DIR",
    "RESOURCES_DIR",
    "SAMPLE_MAP",
    "TEMPLATES_DIR",
    "WORKSHOP_PAGE_DIR",
]

#: The bundled files, installed as the package ``stakeholder_mapper.resources`` (the
#: checkout's top-level ``resources/`` folder), wherever the package is installed. An app
#: bundle may hold it as a namespace package, whose ``files()`` is no path itself until
#: a folder inside it is named: hence the paths below are taken one folder down.
_RESOURCES = files("stakeholder_mapper.resources")
#: The fictional city map opened on first start.
SAMPLE_MAP = Path(str(_RESOURCES / "samples")) / "marenza.smap"
#: The default engagement plan template.
TEMPLATES_DIR = Path(str(_RESOURCES / "templates"))
RESOURCES_DIR = TEMPLATES_DIR.parent
#: Noto Sans (Latin, Greek, Cyrillic) and Noto Sans Arabic (SIL Open Font License): the
#: canvas, exported pictures and plan figures are drawn with them on every machine, so
#: they look, measure and wrap the same everywhere.
FONT_FILES: tuple[Path, ...] = tuple(sorted(Path(str(_RESOURCES / "fonts")).glob("*.ttf")))
#: The message catalogues: ``<lang>/LC_MESSAGES/stakeholder_mapper.po`` and its compiled ``.mo``.
LOCALE_DIR = Path(str(_RESOURCES / "locale"))
#: The workshop participants' page: plain HTML, CSS and JavaScript served to their phones.
WORKSHOP_PAGE_DIR = Path(str(_RESOURCES / "workshop"))
#: Their family names, in the order a glyph is looked for.
FONT_FAMILIES: tuple[str, ...] = ("Noto Sans", "Noto Sans Arabic")


def _checkout_exports() -> Path | None:
    root = Path(__file__).resolve().parent.parent
    exports = root / "exports"
    return exports if (root / "pyproject.toml").is_file() and exports.is_dir() else None


#: The checkout's ``exports/`` folder when running from a source checkout, else None: an
#: installed app saves plans and exports in the user's documents folder instead.
CHECKOUT_EXPORTS_DIR: Path | None = _checkout_exports()
