"""Network metrics on graphs built from the map (no Qt)."""
