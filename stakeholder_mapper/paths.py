"""Where the application's bundled files and default output folder are."""

from pathlib import Path

__all__ = ["EXPORTS_DIR", "RESOURCES_DIR", "SAMPLE_MAP"]

ROOT = Path(__file__).resolve().parent.parent
RESOURCES_DIR = ROOT / "resources"
#: The fictional city map opened on first start.
SAMPLE_MAP = RESOURCES_DIR / "samples" / "marenza.smap"
#: Default folder for generated plans and exports.
EXPORTS_DIR = ROOT / "exports"
