"""Project files, import and export (no Qt widgets)."""
